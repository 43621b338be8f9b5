"""Decisions (single and bulk), edit-then-approve, claims; each leaves an audit row."""
from test_moderation_support import *  # noqa: F403  (the shared fixtures)

from app.models import Role


def decide(client, comment_id, headers, **body):
    return client.post(f"/api/v1/moderation/comments/{comment_id}/decision", json=body, headers=headers)


def public_ids(client, key):
    return [c["id"] for c in client.get(f"/api/v1/threads/{key}/comments").get_json()["comments"]]


def test_approve_is_public_at_once_and_audited(client, held, auth_headers, audit_rows):
    headers = auth_headers()
    comment_id = held("news/decide")
    assert comment_id not in public_ids(client, "news/decide")
    response = decide(client, comment_id, headers, action="approve", note="لا بأس")
    assert response.status_code == 200
    view = response.get_json()["comment"]
    assert view["status"] == "approved" and view["audit"][-1]["action"] == "approve"
    assert comment_id in public_ids(client, "news/decide")
    assert client.get("/api/v1/counts?thread=news/decide").get_json() == {"news/decide": 1}
    [row] = audit_rows(comment_id=comment_id)
    assert (row["action"], row["from_status"], row["to_status"], row["note"]) == (
        "approve", "pending", "approved", "لا بأس")
    assert row["actor_id"] is not None and row["created_at"] is not None


def test_reject_needs_a_term(client, held, auth_headers, audit_rows, problem):
    headers = auth_headers()
    comment_id = held()
    body = problem(decide(client, comment_id, headers, action="reject"), 422)
    assert "category" in body["errors"]
    problem(decide(client, comment_id, headers, action="reject", category="not-a-term"), 422)
    problem(decide(client, comment_id, headers, action="explode"), 422)
    response = decide(client, comment_id, headers, action="reject", category="person_offense", note="إساءة")
    assert response.get_json()["comment"]["status"] == "rejected"
    [row] = audit_rows(comment_id=comment_id)
    assert (row["action"], row["category"], row["to_status"]) == ("reject", "person_offense", "rejected")


def test_spam_restore_and_conflicts(client, held, auth_headers, audit_rows, problem):
    headers = auth_headers()
    comment_id = held("news/spam")
    assert decide(client, comment_id, headers, action="spam").get_json()["comment"]["status"] == "spam"
    problem(decide(client, comment_id, headers, action="spam"), 409)  # already spam
    restored = decide(client, comment_id, headers, action="restore", note="خطأ")
    assert restored.get_json()["comment"]["status"] == "pending"
    stale = problem(decide(client, comment_id, headers, action="approve", expected_status="spam"), 409)
    assert stale["status_now"] == "pending"
    approved = decide(client, comment_id, headers, action="approve", expected_status="pending")
    assert approved.status_code == 200
    problem(decide(client, comment_id, headers, action="approve"), 409)
    problem(decide(client, 10**9, headers, action="approve"), 404)
    assert [r["action"] for r in audit_rows(comment_id=comment_id)] == ["spam", "restore", "approve"]
    assert audit_rows(comment_id=comment_id)[0]["category"] == "spam"


def test_bulk_decisions(client, held, auth_headers, audit_rows, problem):
    headers = auth_headers()
    first, second = held("news/bulk"), held("news/bulk")
    problem(client.post("/api/v1/moderation/decisions", json={"ids": [], "action": "approve"},
                        headers=headers), 422)
    problem(client.post("/api/v1/moderation/decisions", json={"ids": [first], "action": "reject"},
                        headers=headers), 422)
    decide(client, second, headers, action="approve")
    response = client.post("/api/v1/moderation/decisions", headers=headers, json={
        "ids": [first, second, 10**9, first], "action": "approve", "note": "دفعة"})
    results = response.get_json()["results"]
    assert response.status_code == 200 and len(results) == 3
    assert results[0] == {"id": first, "status": "approved"}
    assert results[1]["error"]["status"] == 409 and results[2]["error"]["status"] == 404
    assert public_ids(client, "news/bulk") == [first, second]
    assert [r["note"] for r in audit_rows(comment_id=first)] == ["دفعة"]


def test_edit_then_approve_keeps_the_original(client, held, auth_headers, audit_rows):
    headers = auth_headers(Role.EDITOR)
    comment_id = held("news/edit")
    original = client.get(f"/api/v1/moderation/comments/{comment_id}", headers=headers).get_json()
    response = client.post(f"/api/v1/moderation/comments/{comment_id}/edit", headers=headers,
                           json={"body": "نص مُعدَّل بأدب", "note": "حذف الإساءة"})
    view = response.get_json()["comment"]
    assert response.status_code == 200 and view["status"] == "approved" and view["edited_at"]
    assert view["body"] == "نص مُعدَّل بأدب"
    public = client.get("/api/v1/threads/news/edit/comments").get_json()["comments"]
    assert [c["body_html"] for c in public] == ["<p>نص مُعدَّل بأدب</p>"]
    rows = audit_rows(comment_id=comment_id)
    assert [r["action"] for r in rows] == ["approve", "edit"]
    assert rows[1]["detail"]["before"]["body"] == original["comment"]["body"]
    assert rows[1]["detail"]["after"]["body"] == "نص مُعدَّل بأدب"
    # editing without approving keeps the status
    again = client.post(f"/api/v1/moderation/comments/{comment_id}/edit", headers=headers,
                        json={"body": "مرة أخرى", "approve": False})
    assert again.get_json()["comment"]["status"] == "approved"


def test_claims(app, client, clock, held, make_account, token_for, audit_rows, problem):
    alice_email, bob_email = make_account(), make_account()
    alice = {"Authorization": f"Bearer {token_for(alice_email)}"}
    bob = {"Authorization": f"Bearer {token_for(bob_email)}"}
    admin = {"Authorization": f"Bearer {token_for(make_account(Role.ADMIN))}"}
    comment_id = held()
    path = f"/api/v1/moderation/comments/{comment_id}"
    claimed = client.post(f"{path}/claim", headers=alice).get_json()["comment"]["claimed_by"]
    assert claimed["display_name"] == "moderator tester" and claimed["until"].endswith("Z")
    assert client.post(f"{path}/claim", headers=alice).status_code == 200  # renewing is fine
    body = problem(client.post(f"{path}/claim", headers=bob), 409)
    assert body["claimed_by"] == "moderator tester"
    problem(decide(client, comment_id, bob, action="approve"), 409)
    problem(client.post(f"{path}/release", headers=bob), 409)
    listed = client.get("/api/v1/moderation/queue", headers=bob).get_json()["items"]
    assert next(i for i in listed if i["id"] == comment_id)["claimed_by"]["display_name"]
    clock.advance(minutes=app.config["CLAIM_MINUTES"], seconds=1)  # the claim lapses
    assert client.get(path, headers=bob).get_json()["comment"]["claimed_by"] is None
    assert client.post(f"{path}/claim", headers=bob).status_code == 200
    assert client.post(f"{path}/release", headers=admin).status_code == 200  # an admin frees a stuck claim
    assert client.post(f"{path}/claim", headers=alice).status_code == 200
    assert client.post(f"{path}/release", headers=alice).get_json()["comment"]["claimed_by"] is None
    assert decide(client, comment_id, bob, action="approve").status_code == 200
    actions = [r["action"] for r in audit_rows(comment_id=comment_id)]
    assert actions == ["claim", "claim", "claim", "release", "claim", "release", "approve"]
    problem(client.post("/api/v1/moderation/comments/999999999/claim", headers=bob), 404)
