"""GET /api/v1/moderation/audit filters and pages; accounts and roles are admin-only and audited."""
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import PASSWORD, bearer

from app.models import Role

AUDIT = "/api/v1/moderation/audit"
ACCOUNTS = "/api/v1/moderation/accounts"


def test_audit_filters_and_pages(client, clock, held, make_account, token_for, problem):
    alice_email, bob_email = make_account(), make_account()
    alice, bob = bearer(token_for(alice_email)), bearer(token_for(bob_email))
    first, second = held(), held()
    client.post(f"/api/v1/moderation/comments/{first}/decision", json={"action": "approve"}, headers=alice)
    clock.advance(hours=1)
    client.post(f"/api/v1/moderation/comments/{second}/claim", headers=bob)
    client.post(f"/api/v1/moderation/comments/{second}/decision",
                json={"action": "reject", "category": "insult", "note": "شتيمة"}, headers=bob)
    body = client.get(f"{AUDIT}?comment={second}", headers=alice).get_json()
    assert [e["action"] for e in body["items"]] == ["reject", "claim"]  # newest first
    assert body["items"][0]["actor"]["email"] == bob_email and body["items"][0]["note"] == "شتيمة"
    bob_id = body["items"][0]["actor"]["id"]
    actions = [e["action"] for e in client.get(f"{AUDIT}?actor={bob_id}", headers=alice).get_json()["items"]]
    assert actions == ["reject", "claim", "token_issue"]
    approvals = client.get(f"{AUDIT}?action=approve", headers=alice).get_json()["items"]
    assert [e["comment_id"] for e in approvals] == [first]
    later = client.get(f"{AUDIT}?since=2026-11-29T09:30:00", headers=alice).get_json()["items"]
    assert {e["comment_id"] for e in later} == {second}
    assert client.get(f"{AUDIT}?until=2026-11-29T09:30:00&comment={second}",
                      headers=alice).get_json()["items"] == []
    page = client.get(f"{AUDIT}?limit=2", headers=alice).get_json()
    rest = client.get(f"{AUDIT}?limit=50&cursor={page['next_cursor']}", headers=alice).get_json()
    everything = client.get(f"{AUDIT}?limit=200", headers=alice).get_json()["items"]
    assert [e["id"] for e in page["items"] + rest["items"]] == [e["id"] for e in everything]
    problem(client.get(f"{AUDIT}?action=dance", headers=alice), 422)
    problem(client.get(f"{AUDIT}?actor=abc", headers=alice), 422)


def test_every_action_the_log_records_can_be_filtered(client, post, make_account, token_for):
    from app.models import AUDIT_ACTIONS

    admin = bearer(token_for(make_account(role="admin")))
    assert post("news/audit-filter").status_code == 201
    closed = client.post("/api/v1/moderation/threads/news/audit-filter/close", json={"note": "مغلق للتحقيق"},
                         headers=admin)
    assert closed.status_code == 200, closed.get_data(as_text=True)
    assert [e["action"] for e in client.get(f"{AUDIT}?action=thread_close", headers=admin).get_json()["items"]] == [
        "thread_close"]
    for action in AUDIT_ACTIONS:  # the moderators', the desk's, the policy editor's, the operators'
        response = client.get(f"{AUDIT}?action={action}", headers=admin)
        assert response.status_code == 200, (action, response.get_data(as_text=True))
        assert all(e["action"] == action for e in response.get_json()["items"])


def test_admin_manages_accounts(client, make_account, token_for, audit_rows, problem):
    admin_email = make_account(Role.ADMIN)
    admin = bearer(token_for(admin_email))
    created = client.post(ACCOUNTS, headers=admin, json={
        "email": "New.Mod@Newsroom.example", "display_name": "مشرفة جديدة", "password": PASSWORD})
    assert created.status_code == 201
    account = created.get_json()["account"]
    assert account == {**account, "email": "new.mod@newsroom.example", "role": "moderator", "active": True}
    assert "password" not in created.get_data(as_text=True)
    problem(client.post(ACCOUNTS, headers=admin, json={
        "email": "new.mod@newsroom.example", "display_name": "x", "password": PASSWORD}), 409)
    problem(client.post(ACCOUNTS, headers=admin, json={
        "email": "x@newsroom.example", "display_name": "x", "password": PASSWORD, "role": "king"}), 422)
    new_token = token_for("new.mod@newsroom.example")
    path = f"{ACCOUNTS}/{account['id']}"
    promoted = client.patch(path, headers=admin, json={"role": "editor", "display_name": "محررة"})
    assert promoted.get_json()["account"]["role"] == "editor"
    assert client.get("/api/v1/moderation/queue", headers=bearer(new_token)).status_code == 200
    disabled = client.patch(path, headers=admin, json={"active": False})
    assert disabled.get_json()["account"]["active"] is False
    problem(client.get("/api/v1/moderation/queue", headers=bearer(new_token)), 401)
    problem(client.patch(f"{ACCOUNTS}/999999", headers=admin, json={"active": True}), 404)
    actions = [r["action"] for r in audit_rows(actor_email=admin_email)]
    assert actions == ["token_issue", "account_create", "role_change", "account_update", "account_update"]
    role_change = audit_rows(action="role_change")[-1]["detail"]
    assert role_change == {"account_id": account["id"], "from": "moderator", "to": "editor"}
    listed = client.get(ACCOUNTS, headers=admin).get_json()["items"]
    assert all(set(a) == {"id", "email", "display_name", "role", "active", "created_at"} for a in listed)


def test_the_last_admin_stays(client, make_account, token_for, problem):
    from app.extensions import db
    from app.models import Moderator

    admin_email = make_account(Role.ADMIN)
    admin = bearer(token_for(admin_email))
    with client.application.app_context():
        others = db.session.query(Moderator).filter(Moderator.email != admin_email,
                                                    Moderator.role == "admin").all()
        for other in others:
            other.active = False
        db.session.commit()
        me = db.session.query(Moderator).filter_by(email=admin_email).one().id
    problem(client.patch(f"{ACCOUNTS}/{me}", headers=admin, json={"role": "editor"}), 409)
    problem(client.patch(f"{ACCOUNTS}/{me}", headers=admin, json={"active": False}), 409)
    password = client.patch(f"{ACCOUNTS}/{me}", headers=admin, json={"password": "a brand new passphrase"})
    assert password.status_code == 200
    problem(client.get(ACCOUNTS, headers=admin), 401)  # a new password revokes the old tokens
