"""The author's edit window: PATCH and DELETE /api/v1/comments/<id> with the X-Edit-Token header."""
import pytest

HOLD, REJECT = "بطيخ", "باذنجان"  # the test policy's words (tests/fixtures/policy.yaml)
KEY = "news/2026/edit-window"


@pytest.fixture
def posted(post):
    """A published comment: (id, edit token)."""
    response = post(KEY)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    return body["comment"]["id"], body["edit_token"]


def patch(client, comment_id, token, headers=None, **data):
    return client.patch(f"/api/v1/comments/{comment_id}", json=data,
                        headers={"X-Edit-Token": token, **(headers or {})} if token else headers)


def listed(client, key=KEY):
    return client.get(f"/api/v1/threads/{key}/comments").get_json()


def test_edit_within_the_window(client, clock, posted, stored):
    comment_id, token = posted
    clock.advance(minutes=14, seconds=59)
    response = patch(client, comment_id, token, body="رأي معدّل <b>بعد</b> التفكير")
    assert response.status_code == 200
    view = response.get_json()["comment"]
    assert view["status"] == "approved" and view["edited_at"]
    assert view["body_html"] == "<p>رأي معدّل <b>بعد</b> التفكير</p>"
    assert listed(client)["comments"][0]["body_html"] == view["body_html"]
    assert stored(comment_id)["body"] == "رأي معدّل <b>بعد</b> التفكير"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_edit_is_sanitized_again(client, posted):
    comment_id, token = posted
    html = patch(client, comment_id, token, body='<script>alert(1)</script><a href="javascript:x()">x</a>') \
        .get_json()["comment"]["body_html"]
    assert "<script" not in html and "javascript:" not in html


def test_edit_after_the_window_is_refused(client, clock, posted, problem, stored):
    comment_id, token = posted
    clock.advance(minutes=15)
    body = problem(patch(client, comment_id, token, body="متأخر"), 403)
    assert body["type"].endswith("edit-window-closed") and "15" in body["detail"]
    assert stored(comment_id)["edited_at"] is None
    problem(client.delete(f"/api/v1/comments/{comment_id}", headers={"X-Edit-Token": token}), 403)


def test_edit_window_is_configurable(app_with, clock, post, problem):
    other = app_with(EDIT_WINDOW_MINUTES=30).test_client()
    body = post(KEY, via=other).get_json()
    clock.advance(minutes=20)
    assert patch(other, body["comment"]["id"], body["edit_token"], body="بعد عشرين دقيقة").status_code == 200
    clock.advance(minutes=10)
    problem(patch(other, body["comment"]["id"], body["edit_token"], body="بعد ثلاثين"), 403)


def test_edit_goes_through_the_policy_hold(client, posted, stored):
    comment_id, token = posted
    assert listed(client)["thread"]["comment_count"] == 1
    response = patch(client, comment_id, token, body=f"صار التعليق عن {HOLD}")
    assert response.status_code == 202
    assert response.get_json()["comment"]["status"] == "pending"
    assert stored(comment_id)["status"] == "pending"
    page = listed(client)
    assert page["comments"] == [] and page["thread"]["comment_count"] == 0
    # the author still sees it, pending
    own = client.get(f"/api/v1/comments/{comment_id}", headers={"X-Edit-Token": token}).get_json()
    assert own["comment"]["status"] == "pending"


def test_edit_the_policy_rejects_is_refused_and_changes_nothing(client, posted, problem, stored):
    comment_id, token = posted
    before = stored(comment_id)
    body = problem(patch(client, comment_id, token, body=f"طبق {REJECT}"), 422)
    assert body["code"] == "policy_violation"
    assert body["violations"] == [{"category": "insult", "term": "الابتعاد عن الشتائم"}]
    after = stored(comment_id)
    assert (after["body"], after["status"], after["edited_at"]) == (before["body"], "approved", None)
    assert listed(client)["thread"]["comment_count"] == 1


def test_clean_edit_of_a_held_comment_publishes_it(client, post):
    body = post(KEY, body=f"عن {HOLD}").get_json()
    response = patch(client, body["comment"]["id"], body["edit_token"], body="عن الفاكهة")
    assert response.status_code == 200 and response.get_json()["comment"]["status"] == "approved"
    assert listed(client)["thread"]["comment_count"] == 1


def test_pre_moderation_keeps_an_edited_comment_waiting(app_with, post):
    other = app_with(MODERATION="pre").test_client()
    body = post(KEY, via=other).get_json()
    response = patch(other, body["comment"]["id"], body["edit_token"], body="تعديل نظيف")
    assert response.status_code == 202 and response.get_json()["comment"]["status"] == "pending"


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
def test_wrong_or_missing_token_is_404(client, posted, problem, token):
    comment_id, _ = posted
    problem(patch(client, comment_id, token, body="ليس لي"), 404)
    problem(client.delete(f"/api/v1/comments/{comment_id}",
                          headers={"X-Edit-Token": token} if token else {}), 404)


def test_another_comments_token_does_not_open_it(client, post, posted, problem):
    comment_id, _ = posted
    other_token = post(KEY).get_json()["edit_token"]
    problem(patch(client, comment_id, other_token, body="انتحال"), 404)


def test_edit_validation_errors_per_field(client, posted, problem):
    comment_id, token = posted
    body = problem(patch(client, comment_id, token, body="   "), 422)
    assert set(body["errors"]) == {"body"}
    body = problem(patch(client, comment_id, token, body="نص", website="javascript:alert(1)"), 422)
    assert set(body["errors"]) == {"website"}
    body = problem(patch(client, comment_id, token, body="نص", email="x@y.z"), 422)
    assert set(body["errors"]) == {"email"}  # the address cannot be changed


def test_edit_name_and_website(client, posted):
    comment_id, token = posted
    view = patch(client, comment_id, token, body="نص", name="اسم جديد", website="https://blog.example/").get_json()
    assert (view["comment"]["name"], view["comment"]["website"]) == ("اسم جديد", "https://blog.example/")


def test_english_messages(client, clock, posted, problem):
    comment_id, token = posted
    clock.advance(hours=1)
    body = problem(patch(client, comment_id, token, {"Accept-Language": "en"}, body="late"), 403, arabic=False)
    assert "15 minutes" in body["detail"]


def test_delete_own_comment(client, posted, problem, stored):
    comment_id, token = posted
    response = client.delete(f"/api/v1/comments/{comment_id}", headers={"X-Edit-Token": token})
    assert response.status_code == 204 and response.data == b""
    assert stored(comment_id)["status"] == "deleted"
    page = listed(client)
    assert page["comments"] == [] and page["thread"]["comment_count"] == 0
    problem(client.delete(f"/api/v1/comments/{comment_id}", headers={"X-Edit-Token": token}), 409)
    problem(patch(client, comment_id, token, body="بعد الحذف"), 409)


def test_replies_survive_a_deleted_parent(client, post, posted):
    comment_id, token = posted
    reply = post(KEY, parent_id=comment_id).get_json()["comment"]
    client.delete(f"/api/v1/comments/{comment_id}", headers={"X-Edit-Token": token})
    assert [c["id"] for c in listed(client)["comments"]] == [reply["id"]]


def test_edits_are_rate_limited(limited_app, post, problem):
    other = limited_app(RATELIMIT_POST_IP="2 per minute").test_client()
    body = post(KEY, via=other).get_json()
    for n in range(2):
        assert patch(other, body["comment"]["id"], body["edit_token"], body=f"تعديل {n}").status_code == 200
    problem(patch(other, body["comment"]["id"], body["edit_token"], body="تعديل ثالث"), 429)
