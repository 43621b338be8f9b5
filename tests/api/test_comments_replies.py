"""Replies: the parent is an approved comment of the same thread; depth is capped at 5."""
import pytest

from app.extensions import db
from app.models import Comment, Status
from app.services.comments import change_status

KEY = "news/replies"
LIST = f"/api/v1/threads/{KEY}/comments"


def comment_id(response):
    assert response.status_code in (201, 202), response.get_json()
    return response.get_json()["comment"]["id"]


def set_status(app, cid, status):
    with app.app_context():
        change_status(db.session.get(Comment, cid), status)
        db.session.commit()


def test_reply_chain_and_depth_cap(post, client):
    chain = [comment_id(post(KEY))]
    for _ in range(5):
        chain.append(comment_id(post(KEY, parent_id=chain[-1])))
    views = {c["id"]: c for c in client.get(LIST).get_json()["comments"]}
    assert [views[c]["depth"] for c in chain] == [0, 1, 2, 3, 4, 5]
    assert [views[c]["parent_id"] for c in chain] == [None, *chain[:-1]]

    # A reply to the depth-5 comment would be depth 6: it attaches to the deepest allowed ancestor.
    too_deep = post(KEY, parent_id=chain[5])
    assert too_deep.status_code == 201
    view = too_deep.get_json()["comment"]
    assert view["parent_id"] == chain[4] and view["depth"] == 5
    # And a reply to that one attaches to the same ancestor.
    deeper = post(KEY, parent_id=view["id"]).get_json()["comment"]
    assert deeper["parent_id"] == chain[4] and deeper["depth"] == 5


def test_depth_cap_is_configurable(app_with, valid_comment):
    client = app_with(MAX_REPLY_DEPTH=1).test_client()
    top = comment_id(client.post(LIST, json=valid_comment()))
    one = comment_id(client.post(LIST, json=valid_comment(parent_id=top)))
    two = client.post(LIST, json=valid_comment(parent_id=one)).get_json()["comment"]
    assert two["parent_id"] == top and two["depth"] == 1


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.SPAM, Status.DELETED])
def test_parent_must_be_approved(app, post, problem, rows, status):
    parent = comment_id(post(KEY))
    set_status(app, parent, status)
    before = rows()
    body = problem(post(KEY, parent_id=parent), 422)
    assert set(body["errors"]) == {"parent_id"}
    assert body["errors"]["parent_id"] == ["يمكن الرد فقط على تعليق منشور في هذا المقال."]
    assert rows() == before


def test_held_parent_refused(post, problem):
    held = comment_id(post(KEY, body="البطيخ"))
    problem(post(KEY, parent_id=held), 422)


def test_parent_from_another_thread_refused(post, problem, rows):
    elsewhere = comment_id(post("news/elsewhere"))
    before = rows()
    body = problem(post("news/brand-new", parent_id=elsewhere, headers={"Accept-Language": "en"}), 422,
                   arabic=False)
    assert body["errors"] == {"parent_id": ["Reply to a published comment of this article."]}
    assert rows() == before  # not even the new thread is left behind


@pytest.mark.parametrize("parent", [999999, 2**31 - 1, 2**63 - 1])
def test_unknown_parent_refused(post, problem, parent):
    post(KEY)
    problem(post(KEY, parent_id=parent), 422)


def test_reply_is_listed_flat_with_parent_and_depth(post, client):
    top = comment_id(post(KEY))
    reply = comment_id(post(KEY, parent_id=top))
    second = comment_id(post(KEY))
    comments = client.get(LIST).get_json()["comments"]
    assert [(c["id"], c["parent_id"], c["depth"]) for c in comments] == [
        (top, None, 0), (reply, top, 1), (second, None, 0)]
