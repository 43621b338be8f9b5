"""Bearer tokens (issued, expiring, revoked, stored only as hashes), sign-in throttling, the first
admin, the `flask moderators` commands, and passwords kept out of logs and responses."""
import logging

import sqlalchemy as sa
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import PASSWORD, bearer

from app.extensions import db
from app.models import ApiToken, AuditEntry, Moderator, Role
from app.services import accounts

TOKEN = "/api/v1/auth/token"
QUEUE = "/api/v1/moderation/queue"


def test_token_is_issued_and_stored_only_as_a_hash(app, client, make_account):
    email = make_account()
    response = client.post(TOKEN, json={"email": email, "password": PASSWORD})
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) == {"token", "expires_at"} and body["expires_at"].endswith("Z")
    with app.app_context():
        stored = db.session.scalars(sa.select(ApiToken)).all()
        values = [str(getattr(row, c.name)) for row in stored for c in ApiToken.__table__.columns]
        audit = db.session.scalars(sa.select(AuditEntry)).all()
    assert stored and body["token"] not in " ".join(values)
    assert accounts.token_hash(body["token"]) in values
    assert body["token"] not in str([(a.detail, a.note) for a in audit])
    assert client.get(QUEUE, headers=bearer(body["token"])).status_code == 200


def test_delete_revokes_the_token(client, make_account, token_for, problem):
    token = token_for(make_account())
    assert client.delete(TOKEN, headers=bearer(token)).status_code == 204
    problem(client.get(QUEUE, headers=bearer(token)), 401)
    problem(client.delete(TOKEN, headers=bearer(token)), 401)
    problem(client.delete(TOKEN), 401)


def test_token_expires(app, client, clock, make_account, token_for, problem):
    token = token_for(make_account())
    clock.advance(hours=app.config["TOKEN_HOURS"], seconds=-1)
    assert client.get(QUEUE, headers=bearer(token)).status_code == 200
    clock.advance(seconds=1)
    body = problem(client.get(QUEUE, headers=bearer(token)), 401)
    assert body["type"].endswith("unauthorized")


def test_wrong_credentials_and_malformed_headers(client, make_account, problem):
    email = make_account()
    problem(client.post(TOKEN, json={"email": email, "password": "wrong password!"}), 401)
    problem(client.post(TOKEN, json={"email": email}), 422)
    response = client.get(QUEUE, headers={"Authorization": "Bearer"})
    problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_sign_in_slows_down_per_account_never_locks_out(app, client, clock, make_account, problem):
    email = make_account()
    free = app.config["SIGNIN_FREE_FAILURES"]
    for _ in range(free):
        problem(client.post(TOKEN, json={"email": email, "password": "guess"}), 401)
    refused = client.post(TOKEN, json={"email": email, "password": PASSWORD})
    problem(refused, 429)
    assert int(refused.headers["Retry-After"]) >= 1
    for _ in range(12):  # many more guesses, each after the wait: the delay stays capped
        clock.advance(seconds=app.config["SIGNIN_ACCOUNT_MAX_DELAY"])
        other_ip = {"REMOTE_ADDR": f"198.51.100.{_ + 1}"}
        problem(client.post(TOKEN, json={"email": email, "password": "guess"}, environ_base=other_ip), 401)
    retry = client.post(TOKEN, json={"email": email, "password": PASSWORD},
                        environ_base={"REMOTE_ADDR": "192.0.2.200"})
    assert int(retry.headers["Retry-After"]) <= app.config["SIGNIN_ACCOUNT_MAX_DELAY"]
    clock.advance(seconds=app.config["SIGNIN_ACCOUNT_MAX_DELAY"])
    ok = client.post(TOKEN, json={"email": email, "password": PASSWORD},
                     environ_base={"REMOTE_ADDR": "192.0.2.200"})
    assert ok.status_code == 201  # the real moderator gets in after at most the cap
    # success forgot the account's failures
    problem(client.post(TOKEN, json={"email": email, "password": "guess"},
                        environ_base={"REMOTE_ADDR": "192.0.2.201"}), 401)


def test_sign_in_slows_down_per_ip(app, client, clock, make_account, problem):
    emails = [make_account() for _ in range(app.config["SIGNIN_IP_FREE_FAILURES"] + 1)]
    for email in emails[:-1]:
        problem(client.post(TOKEN, json={"email": email, "password": "guess"}), 401)
    problem(client.post(TOKEN, json={"email": emails[-1], "password": PASSWORD}), 429)
    elsewhere = client.post(TOKEN, json={"email": emails[-1], "password": PASSWORD},
                            environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert elsewhere.status_code == 201
    clock.advance(minutes=app.config["SIGNIN_RESET_MINUTES"] + 1)
    assert client.post(TOKEN, json={"email": emails[-1], "password": PASSWORD}).status_code == 201
    # a success from the IP forgets its failures: a shared newsroom address is not punished
    for email in emails[:-1]:
        problem(client.post(TOKEN, json={"email": email, "password": "guess"}), 401)
    assert client.post(TOKEN, json={"email": emails[-1], "password": PASSWORD}).status_code == 429


def test_passwords_and_tokens_never_in_logs_or_responses(app, client, make_account, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Very-Secret-Pass-987!"
    email = make_account(Role.ADMIN, password=secret)
    responses = [client.post(TOKEN, json={"email": email, "password": secret + "x"}),
                 client.post("/api/v1/auth/session", json={"email": email, "password": secret + "y"})]
    issued = client.post(TOKEN, json={"email": email, "password": secret})
    token = issued.get_json()["token"]
    responses.append(client.post("/api/v1/moderation/accounts", headers=bearer(token), json={
        "email": "new@newsroom.example", "display_name": "جديد", "password": secret + "z"}))
    responses.append(client.post("/api/v1/moderation/accounts", headers=bearer(token), json={
        "email": "short@newsroom.example", "display_name": "قصير", "password": "short"}))
    responses.append(client.get("/api/v1/moderation/accounts", headers=bearer(token)))
    responses.append(client.get("/api/v1/moderation/audit", headers=bearer(token)))
    assert [r.status_code for r in responses] == [401, 401, 201, 422, 200, 200]
    for response in responses:
        text = response.get_data(as_text=True)
        assert secret not in text and "argon2" not in text and token not in text
    assert secret not in caplog.text and token not in caplog.text and "argon2" not in caplog.text


def test_first_admin_from_the_environment_is_created_once(app):
    app.config.update(ADMIN_EMAIL="Chief@Newsroom.example", ADMIN_PASSWORD="Bars-Admin-Pass-123!")
    try:
        assert accounts.ensure_first_admin(app) is True
        assert accounts.ensure_first_admin(app) is False  # idempotent
        with app.app_context():
            admins = db.session.scalars(sa.select(Moderator).where(Moderator.role == Role.ADMIN)).all()
            assert [a.email for a in admins] == ["chief@newsroom.example"]
            assert accounts.authenticate("chief@newsroom.example", "Bars-Admin-Pass-123!").role == "admin"
    finally:
        app.config.update(ADMIN_EMAIL=None, ADMIN_PASSWORD=None)


def test_no_first_admin_when_one_exists_or_the_password_is_weak(app, make_account, caplog):
    app.config.update(ADMIN_EMAIL="weak@newsroom.example", ADMIN_PASSWORD="Tiny-9!")
    try:
        assert accounts.ensure_first_admin(app) is False
        assert "Tiny-9!" not in caplog.text
        make_account(Role.ADMIN)
        app.config["ADMIN_PASSWORD"] = "Bars-Admin-Pass-123!"
        assert accounts.ensure_first_admin(app) is False
        with app.app_context():
            assert accounts.find_by_email("weak@newsroom.example") is None
    finally:
        app.config.update(ADMIN_EMAIL=None, ADMIN_PASSWORD=None)


def test_first_admin_is_skipped_before_migrations(fresh_database_url, base_config):
    from app import create_app

    config = dict(base_config, SQLALCHEMY_DATABASE_URI=fresh_database_url, ADMIN_EMAIL="a@b.example",
                  ADMIN_PASSWORD="Bars-Admin-Pass-123!")
    fresh = create_app(config)  # no tables yet: start-up must not fail
    assert accounts.ensure_first_admin(fresh) is False
    with fresh.app_context():
        db.engine.dispose()


def test_moderators_cli(app, make_account):
    runner = app.test_cli_runner()
    admin = make_account(Role.ADMIN)
    result = runner.invoke(args=["moderators", "create", "cli@newsroom.example", "--name", "سطر الأوامر",
                                 "--role", "editor"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    listing = runner.invoke(args=["moderators", "list"]).output
    assert "cli@newsroom.example\teditor\tactive" in listing and admin in listing
    assert runner.invoke(args=["moderators", "set-role", "cli@newsroom.example", "moderator"]).exit_code == 0
    assert runner.invoke(args=["moderators", "disable", "cli@newsroom.example"]).exit_code == 0
    assert "cli@newsroom.example\tmoderator\tdisabled" in runner.invoke(args=["moderators", "list"]).output
    duplicate = runner.invoke(args=["moderators", "create", "cli@newsroom.example", "--name", "x"],
                              input=f"{PASSWORD}\n{PASSWORD}\n")
    assert duplicate.exit_code != 0
    short = runner.invoke(args=["moderators", "create", "s@newsroom.example", "--name", "x"],
                          input="short\nshort\n")
    assert short.exit_code != 0
    assert runner.invoke(args=["moderators", "set-role", "nobody@x.example", "admin"]).exit_code != 0
    with app.app_context():
        actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.actor_id.is_(None))).all()
    assert {"account_create", "role_change", "account_update"} <= set(actions)
