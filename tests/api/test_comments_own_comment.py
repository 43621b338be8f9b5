"""GET /api/v1/comments/<id> with X-Edit-Token: the author's own comment, pending included."""
import pytest

KEY = "news/own"


def own(client, cid, token=None, **kw):
    headers = {"X-Edit-Token": token} if token is not None else {}
    return client.get(f"/api/v1/comments/{cid}", headers=headers, **kw)


@pytest.mark.parametrize("body, status", [("رأي منشور", "approved"), ("البطيخ", "pending")])
def test_author_reads_own_comment(post, client, body, status):
    posted = post(KEY, body=body).get_json()
    response = own(client, posted["comment"]["id"], posted["edit_token"])
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "private, no-store"
    view = response.get_json()["comment"]
    assert view == posted["comment"]
    assert view["status"] == status


def test_location_header_points_at_own_comment(post, client):
    response = post(KEY)
    body = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/comments/{body['comment']['id']}")
    assert body["edit_token"] not in response.headers["Location"]


@pytest.mark.parametrize("token", [None, "", "wrong", "x" * 500])
def test_without_the_right_token_it_is_404(post, client, problem, token):
    posted = post(KEY).get_json()
    body = problem(own(client, posted["comment"]["id"], token), 404)
    assert body["detail"] == "لا يوجد تعليق بهذا الرقم، أو أن رمز التعديل غير مطابق."


def test_token_in_the_url_is_ignored(post, client, problem):
    posted = post(KEY).get_json()
    cid, token = posted["comment"]["id"], posted["edit_token"]
    problem(own(client, cid, query_string={"token": token, "edit_token": token, "X-Edit-Token": token}), 404)


def test_another_comments_token_does_not_open_it(post, client, problem):
    one, two = post(KEY).get_json(), post(KEY).get_json()
    problem(own(client, one["comment"]["id"], two["edit_token"]), 404)


@pytest.mark.parametrize("cid", ["999999", str(2**31), str(2**63), "9" * 40])
def test_unknown_comment_is_404(client, problem, cid):
    problem(own(client, cid, "some-token"), 404)


@pytest.mark.parametrize("path", ["/api/v1/comments/abc", "/api/v1/comments/-1", "/api/v1/comments/1.5",
                                  "/api/v1/comments/%D9%A1"])
def test_non_numeric_ids_are_404(client, problem, path):
    problem(client.get(path, headers={"X-Edit-Token": "t"}), 404)


def test_rejected_comment_gets_no_token(post, problem):
    body = problem(post(KEY, body="باذنجان"), 422)
    assert "edit_token" not in body


def test_tokens_are_unique_and_not_stored_in_clear(post, stored):
    tokens, hashes = set(), set()
    for _ in range(5):
        body = post(KEY).get_json()
        tokens.add(body["edit_token"])
        row = stored(body["comment"]["id"])
        assert body["edit_token"] not in str(row)
        hashes.add(row["edit_token_hash"])
    assert len(tokens) == len(hashes) == 5
    assert all(len(t) >= 32 for t in tokens)


def test_own_view_has_no_email_ip_or_decision(post, client):
    posted = post(KEY, email="me@example.org").get_json()
    text = own(client, posted["comment"]["id"], posted["edit_token"]).get_data(as_text=True)
    for secret in ("me@example.org", "decision", "ip_hash", "user_agent", "email"):
        assert secret not in text
