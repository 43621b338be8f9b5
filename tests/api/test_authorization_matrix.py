"""Who may call what: every moderation, account and policy route against anonymous callers, each role,
an expired token, a revoked token, a malformed one and a disabled account. Only the right ones
succeed (and leave an audit row when they change something); the others get 401 or 403 problem+json.
Cookie sessions need the CSRF token on every state-changing request; bearer tokens do not."""
import uuid

import pytest
import sqlalchemy as sa
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import HOLD_BODY, PASSWORD, bearer

from app.extensions import db
from app.models import AuditEntry, Moderator, Role
from app.services import accounts, trust

M, E, A = Role.MODERATOR, Role.EDITOR, Role.ADMIN
C = "/api/v1/moderation/comments/{comment}"
T = "/api/v1/moderation/threads/{thread}"
# (method, path, body, the lowest role allowed)
ROUTES = [
    ("GET", "/api/v1/moderation/queue", None, M),
    ("GET", C, None, M),
    ("POST", C + "/decision", {"action": "approve", "note": "matrix"}, M),
    ("POST", "/api/v1/moderation/decisions", {"ids": ["{comment}"], "action": "spam"}, M),
    ("POST", C + "/claim", None, M),
    ("POST", C + "/release", None, M),
    ("POST", C + "/edit", {"body": "نص بعد التعديل"}, M),
    ("GET", "/api/v1/moderation/audit", None, M),
    ("GET", "/api/v1/auth/session", None, M),
    ("GET", "/api/v1/moderation/accounts", None, A),
    ("POST", "/api/v1/moderation/accounts", {"email": "{email}", "display_name": "جديد",
                                             "password": "a long enough password"}, A),
    ("PATCH", "/api/v1/moderation/accounts/{account}", {"display_name": "اسم آخر"}, A),
    # The editors' controls (issue 6)
    ("GET", "/api/v1/moderation/settings", None, E),
    ("PATCH", "/api/v1/moderation/settings", {"reports_threshold": 3}, E),
    ("GET", "/api/v1/moderation/threads", None, E),
    ("POST", T + "/close", {"note": "matrix"}, E),
    ("POST", T + "/reopen", {}, E),
    ("PUT", T + "/premoderation", {"enabled": True}, E),
    ("GET", "/api/v1/moderation/bans", None, E),
    ("POST", "/api/v1/moderation/bans", {"kind": "email", "email": "{email}"}, E),
    ("DELETE", "/api/v1/moderation/bans/{ban}", None, E),
    ("GET", "/api/v1/moderation/webhooks/deliveries", None, E),
]
PUBLIC = {"/api/v1/auth/token", "/api/v1/auth/logout", "/api/v1/auth/csrf"}
ROLES = [Role.MODERATOR, Role.EDITOR, Role.ADMIN]
BAD_CREDENTIALS = ["anonymous", "expired", "revoked", "malformed", "disabled"]


def fill(value, ctx):
    if isinstance(value, str):
        return value.format(**ctx)
    if isinstance(value, list):
        return [int(fill(v, ctx)) if v == "{comment}" else fill(v, ctx) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, ctx) for k, v in value.items()}
    return value


@pytest.fixture
def ctx(app, post, make_account):
    response = post("news/matrix", body=f"{HOLD_BODY} {uuid.uuid4().hex[:6]}")
    assert response.status_code == 202
    target = make_account()
    with app.app_context():
        account = accounts.find_by_email(target).id
        ban = trust.create_ban(None, kind="email", email=f"banned-{uuid.uuid4().hex[:6]}@example.org").id
    return {"comment": response.get_json()["comment"]["id"], "account": account,
            "email": f"new-{uuid.uuid4().hex[:8]}@newsroom.example", "thread": "news/matrix", "ban": ban}


@pytest.fixture
def credentials(app, client, clock, make_account, token_for):
    def make(kind):
        if kind == "anonymous":
            return {}
        if kind == "malformed":
            return bearer("not-a-token")
        if kind in ROLES:
            return bearer(token_for(make_account(kind)))
        email = make_account(Role.EDITOR)
        token = token_for(email)
        if kind == "expired":
            clock.advance(hours=app.config["TOKEN_HOURS"], seconds=1)
        elif kind == "revoked":
            assert client.delete("/api/v1/auth/token", headers=bearer(token)).status_code == 204
        elif kind == "disabled":
            with app.app_context():
                accounts.update_account(None, accounts.find_by_email(email).id, {"active": False})
        return bearer(token)

    return make


def audit_count(app):
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))


def hold_first(client, route, ctx, headers):
    """A release needs something to release: claim first (with the same credentials)."""
    if route[1].endswith("/release"):
        client.post(fill(C + "/claim", ctx), headers=headers)


def send(client, route, ctx, headers):
    method, path, body, _role = route
    return client.open(fill(path, ctx), method=method, json=fill(body, ctx), headers=headers)


@pytest.mark.parametrize("route", ROUTES, ids=[f"{r[0]} {r[1]}" for r in ROUTES])
@pytest.mark.parametrize("who", ROLES + BAD_CREDENTIALS)
def test_matrix(app, client, route, who, ctx, credentials, problem):
    headers = credentials(who)
    hold_first(client, route, ctx, headers)
    before = audit_count(app)
    response = send(client, route, ctx, headers)
    if who in BAD_CREDENTIALS:
        body = problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert body["type"].endswith("unauthorized")
    elif Moderator(role=str(who)).has_role(route[3]):
        assert response.status_code in (200, 201), response.get_data(as_text=True)
        if route[0] != "GET":
            assert audit_count(app) > before, "a state-changing action without an audit row"
    else:
        body = problem(response, 403)
        assert body["type"].endswith("forbidden")
        assert audit_count(app) == before


@pytest.mark.parametrize("route", [r for r in ROUTES if r[0] != "GET"], ids=lambda r: f"{r[0]} {r[1]}")
def test_cookie_sessions_need_csrf_bearer_tokens_do_not(app, route, ctx, make_account, session_client,
                                                        problem):
    browser, csrf = session_client(make_account(Role.ADMIN))
    hold_first(browser, route, ctx, {"X-CSRFToken": csrf})
    before = audit_count(app)
    body = problem(send(browser, route, ctx, {}), 403)
    assert body["type"].endswith("csrf-failed") and audit_count(app) == before
    problem(send(browser, route, ctx, {"X-CSRFToken": csrf + "x"}), 403)
    response = send(browser, route, ctx, {"X-CSRFToken": csrf})
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    assert audit_count(app) > before


def test_every_moderation_route_is_in_the_matrix(app):
    covered = {(m, p.replace("{comment}", "<int:comment_id>").replace("{account}", "<int:account_id>")
                .replace("{thread}", "<path:key>").replace("{ban}", "<int:ban_id>"))
               for m, p, _b, _r in ROUTES}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(("/api/v1/moderation", "/api/v1/auth")) or rule.rule in PUBLIC:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if (rule.rule, method) == ("/api/v1/auth/session", "POST"):
                continue  # sign-in itself
            assert (method, rule.rule) in covered, f"{method} {rule.rule} is not in the matrix"


def test_policy_editing_routes_need_an_editor(app, client, credentials, problem):
    """The policy editor's state-changing routes (when present): 401 anonymous, 403 a moderator."""
    moderator = credentials(Role.MODERATOR)
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/policy") or rule.rule == "/api/v1/policy/test":
            continue
        path = rule.rule
        for arg in rule.arguments:
            path = path.replace(f"<{arg}>", "1").replace(f"<int:{arg}>", "1")
        for method in rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
            problem(client.open(path, method=method, json={}), 401)
            problem(client.open(path, method=method, json={}, headers=moderator), 403)


# ------------------------------------------------------------------ the policy editor (issue 7)

E = Role.EDITOR
PD = "/api/v1/policy/drafts/{draft}"
FRUIT = {"id": "matrix.fruit", "category": "insult", "type": "lexicon", "action": "hold", "lexicons": ["hold_words"],
         "description": {"ar": "اختبار", "en": "test"}, "examples": {"match": ["بطيخ"], "no_match": []}}
POLICY_ROUTES = [
    ("GET", "/api/v1/policy", None, M),
    ("GET", "/api/v1/policy/versions", None, M),
    ("GET", "/api/v1/policy/versions/1", None, M),
    ("GET", "/api/v1/policy/export", None, M),
    ("GET", "/api/v1/policy/stats", None, M),
    ("POST", "/api/v1/policy/test", {"text": "أحب البطيخ"}, M),
    ("POST", "/api/v1/policy/import", {"yaml": "{export}"}, E),
    ("GET", "/api/v1/policy/drafts", None, E),
    ("POST", "/api/v1/policy/drafts", {}, E),
    ("GET", PD, None, E),
    ("PATCH", PD, {"name": "مسودة"}, E),
    ("DELETE", PD, None, E),
    ("POST", PD + "/rules", FRUIT, E),
    ("PUT", PD + "/rules/test.hold", dict(FRUIT, id="test.hold"), E),
    ("PATCH", PD + "/rules/test.hold", {"enabled": False}, E),
    ("DELETE", PD + "/rules/test.hold", None, E),
    ("POST", PD + "/rules/test.hold/move", {"position": 1}, E),
    ("PUT", PD + "/thresholds", {"hold": 3, "reject": 9}, E),
    ("GET", PD + "/lists/hold_words", None, E),
    ("PUT", PD + "/lists/spare", {"text": "كلمة\n"}, E),
    ("DELETE", PD + "/lists/spare", None, E),
    ("POST", PD + "/lists/hold_words/terms", {"terms": [{"term": "قرنبيط", "note": "خضار"}]}, E),
    ("POST", PD + "/lists/hold_words/terms/remove", {"terms": ["كوسا"]}, E),
    ("POST", "/api/v1/policy/backtests", {"draft": "{draft}", "limit": 10}, E),
    ("GET", "/api/v1/policy/backtests", None, E),
    ("GET", "/api/v1/policy/backtests/{backtest}", None, E),
    ("POST", "/api/v1/policy/publish", {"draft": "{draft}", "note": "matrix"}, E),
    ("POST", "/api/v1/policy/rollback", {"version": 1, "note": "matrix"}, E),
]
READ_ONLY_POSTS = {"/api/v1/policy/test"}


@pytest.fixture
def policy_client(app_with):
    """A client of an app whose policy comes from the database and whose backtests run inline."""
    return app_with(POLICY_SOURCE="database", TASK_QUEUE="immediate", POLICY_REFRESH_SECONDS=0).test_client()


@pytest.fixture
def policy_ctx(policy_client, make_account, token_for):
    """A draft (with a spare list, «كوسا» on the hold list), a second version to roll back from, a backtest."""
    headers = bearer(token_for(make_account(Role.ADMIN)))
    first = policy_client.post("/api/v1/policy/drafts", json={}, headers=headers).get_json()["draft"]["id"]
    policy_client.post(f"/api/v1/policy/drafts/{first}/lists/hold_words/terms", json={"terms": [{"term": "موز"}]},
                       headers=headers)
    assert policy_client.post("/api/v1/policy/publish", json={"draft": first, "note": "v2"},
                              headers=headers).status_code == 201
    draft = policy_client.post("/api/v1/policy/drafts", json={}, headers=headers).get_json()["draft"]["id"]
    base = f"/api/v1/policy/drafts/{draft}"
    policy_client.put(base + "/lists/spare", json={"text": "كلمة\n"}, headers=headers)
    policy_client.post(base + "/lists/hold_words/terms", json={"terms": [{"term": "كوسا"}]}, headers=headers)
    backtest = policy_client.post("/api/v1/policy/backtests", json={"draft": draft, "limit": 5}, headers=headers)
    export = policy_client.get("/api/v1/policy/export?version=1", headers=headers).get_data(as_text=True)
    return {"draft": draft, "backtest": backtest.get_json()["backtest"]["id"], "export": export}


def send_policy(client, route, ctx, headers):
    method, path, body, _role = route
    return client.open(fill(path, ctx), method=method, json=fill(body, ctx), headers=headers)


@pytest.mark.parametrize("route", POLICY_ROUTES, ids=[f"{r[0]} {r[1]}" for r in POLICY_ROUTES])
@pytest.mark.parametrize("who", ROLES + BAD_CREDENTIALS)
def test_policy_matrix(app, policy_client, route, who, policy_ctx, credentials, problem):
    headers = credentials(who)
    before = audit_count(app)
    response = send_policy(policy_client, route, policy_ctx, headers)
    if who in BAD_CREDENTIALS:
        body = problem(response, 401)
        assert body["type"].endswith("unauthorized")
    elif Moderator(role=str(who)).has_role(route[3]):
        assert response.status_code in (200, 201, 202, 204), response.get_data(as_text=True)
        if route[0] != "GET" and route[1] not in READ_ONLY_POSTS:
            assert audit_count(app) > before, "a state-changing action without an audit row"
    else:
        body = problem(response, 403)
        assert body["type"].endswith("forbidden")
        assert audit_count(app) == before


@pytest.mark.parametrize("route", [r for r in POLICY_ROUTES if r[0] != "GET"], ids=lambda r: f"{r[0]} {r[1]}")
def test_policy_cookie_sessions_need_csrf(app, policy_client, route, policy_ctx, make_account, problem):
    email = make_account(Role.ADMIN)
    response = policy_client.post("/api/v1/auth/session", json={"email": email, "password": PASSWORD})
    csrf = response.get_json()["csrf_token"]
    problem(send_policy(policy_client, route, policy_ctx, {}), 403)
    response = send_policy(policy_client, route, policy_ctx, {"X-CSRFToken": csrf})
    assert response.status_code in (200, 201, 202, 204), response.get_data(as_text=True)


def test_every_policy_route_is_in_the_matrix(app):
    covered = {(m, p.replace("{draft}", "<int:draft_id>").replace("{backtest}", "<int:backtest_id>")
                .replace("/versions/1", "/versions/<int:number>").replace("/rules/test.hold", "/rules/<rule_id>")
                .replace("/lists/hold_words", "/lists/<name>").replace("/lists/spare", "/lists/<name>"))
               for m, p, _b, _r in POLICY_ROUTES}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/policy"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (method, rule.rule) in covered, f"{method} {rule.rule} is not in the policy matrix"
