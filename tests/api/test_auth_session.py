"""Cookie sessions: sign-in rotates the session, sign-out ends it, CSRF guards every change, the
cookie is HttpOnly, SameSite=Lax and Secure outside local HTTP."""
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import PASSWORD, bearer

from app.models import Role

SESSION = "/api/v1/auth/session"


def cookie_header(response):
    return next(h for h in response.headers.get_all("Set-Cookie") if h.startswith("majlis_session="))


def test_sign_in_sets_a_safe_cookie_and_a_csrf_token(client, make_account):
    email = make_account(Role.EDITOR)
    response = client.post(SESSION, json={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    body = response.get_json()
    assert body["account"]["email"] == email and body["account"]["role"] == "editor"
    assert body["csrf_token"] and "password" not in response.get_data(as_text=True)
    cookie = cookie_header(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # local HTTP: a loopback client on a loopback host
    assert client.get(SESSION).get_json()["account"]["email"] == email


def test_cookie_is_secure_outside_local_http(app, make_account):
    email = make_account()
    remote = app.test_client()
    response = remote.post(SESSION, json={"email": email, "password": PASSWORD},
                           base_url="http://majlis.news.example", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert "Secure" in cookie_header(response)
    response = app.test_client().post(SESSION, json={"email": email, "password": PASSWORD},
                                      base_url="https://localhost")
    assert "Secure" in cookie_header(response)


def test_cookie_secure_can_be_forced(app_with, make_account):
    email = make_account()
    other = app_with(SESSION_COOKIE_SECURE=True, ARGON2_PROFILE="CHEAPEST")
    response = other.test_client().post(SESSION, json={"email": email, "password": PASSWORD})
    assert "Secure" in cookie_header(response)


def test_sign_in_rotates_the_session(client, make_account):
    email = make_account()
    before = client.get("/api/v1/auth/csrf").get_json()["csrf_token"]  # an anonymous session
    planted = client.get_cookie("majlis_session").value
    response = client.post(SESSION, json={"email": email, "password": PASSWORD})
    after = response.get_json()["csrf_token"]
    assert client.get_cookie("majlis_session").value != planted
    held_id = 10**9  # no such comment: a valid CSRF token gets past the guard to the 404
    decision = f"/api/v1/moderation/comments/{held_id}/decision"
    assert client.post(decision, json={"action": "approve"}, headers={"X-CSRFToken": before}).status_code == 403
    assert client.post(decision, json={"action": "approve"}, headers={"X-CSRFToken": after}).status_code == 404


def test_sign_out_ends_the_session_even_for_a_copied_cookie(app, session_client, make_account, problem,
                                                            audit_rows):
    email = make_account()
    browser, csrf = session_client(email)
    copied = browser.get_cookie("majlis_session").value
    assert browser.post("/api/v1/auth/logout", headers={"X-CSRFToken": csrf}).status_code == 204
    problem(browser.get(SESSION), 401)
    thief = app.test_client()
    thief.set_cookie("majlis_session", copied)
    problem(thief.get("/api/v1/moderation/queue"), 401)
    actions = [row["action"] for row in audit_rows(actor_email=email)]
    assert actions == ["sign_in", "sign_out"]


def test_csrf_is_required_for_cookie_sessions(session_client, make_account, held, problem):
    comment_id = held()
    browser, csrf = session_client(make_account())
    path = f"/api/v1/moderation/comments/{comment_id}/decision"
    body = problem(browser.post(path, json={"action": "approve"}), 403)
    assert body["type"].endswith("csrf-failed")
    problem(browser.post(path, json={"action": "approve"}, headers={"X-CSRFToken": "forged"}), 403)
    assert browser.post(path, json={"action": "approve"}, headers={"X-CSRFToken": csrf}).status_code == 200
    # English too, and never Flask-WTF's HTML 400
    body = problem(browser.post(path, json={"action": "reject"}, headers={"Accept-Language": "en"}), 403,
                   arabic=False)
    assert "CSRF" in body["title"]


def test_bearer_requests_need_no_csrf_and_cannot_borrow_the_session(session_client, make_account,
                                                                    token_for, held, problem):
    comment_id = held()
    email = make_account()
    browser, _csrf = session_client(email)
    path = f"/api/v1/moderation/comments/{comment_id}/decision"
    # A bogus bearer header must not fall back to the cookie (that would skip CSRF).
    problem(browser.post(path, json={"action": "approve"}, headers=bearer("bogus")), 401)
    problem(browser.post(path, json={"action": "approve"}, headers={"Authorization": "Basic eDp5"}), 401)
    response = browser.post(path, json={"action": "approve"}, headers=bearer(token_for(email)))
    assert response.status_code == 200


def test_form_sign_in_needs_a_csrf_token(client, make_account, problem):
    email = make_account()
    problem(client.post(SESSION, data={"email": email, "password": PASSWORD}), 403)
    token = client.get("/api/v1/auth/csrf").get_json()["csrf_token"]
    response = client.post(SESSION, data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 200


def test_wrong_password_is_a_generic_401(client, make_account, problem):
    email = make_account()
    wrong = problem(client.post(SESSION, json={"email": email, "password": "not the password"}), 401)
    unknown = problem(client.post(SESSION, json={"email": "nobody@newsroom.example", "password": "x"}), 401)
    assert wrong["title"] == unknown["title"] and wrong["detail"] == unknown["detail"]
    assert client.get_cookie("majlis_session") is None or client.get(SESSION).status_code == 401


def test_disabling_an_account_ends_its_sessions(app, session_client, make_account, problem):
    admin_email = make_account(Role.ADMIN)
    email = make_account()
    browser, _csrf = session_client(email)
    admin, admin_csrf = session_client(admin_email)
    accounts = admin.get("/api/v1/moderation/accounts").get_json()["items"]
    target = next(a for a in accounts if a["email"] == email)
    response = admin.patch(f"/api/v1/moderation/accounts/{target['id']}", json={"active": False},
                           headers={"X-CSRFToken": admin_csrf})
    assert response.status_code == 200 and response.get_json()["account"]["active"] is False
    problem(browser.get("/api/v1/moderation/queue"), 401)
    problem(app.test_client().post(SESSION, json={"email": email, "password": PASSWORD}), 401)
