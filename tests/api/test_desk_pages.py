"""The desk's HTML pages: sign-in with CSRF, strict security headers, Arabic RTL first with an English
switch, the queue with highlighted evidence and escaped text, the audit page with filters, the
editors' controls, and who may open what."""
import re
import uuid

import pytest
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import PASSWORD

from app.models import Role

PAGES = ["/desk/queue", "/desk/audit", "/desk/controls", "/desk/comments/{comment}"]
EDITOR_ONLY = {"/desk/controls"}


def csrf_of(html):
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


@pytest.fixture
def desk(app, make_account):
    """desk(role) -> a test client signed in through the desk's own form."""

    def sign_in(role=Role.MODERATOR):
        browser = app.test_client()
        page = browser.get("/desk/sign-in").get_data(as_text=True)
        response = browser.post("/desk/sign-in", data={"email": make_account(role), "password": PASSWORD,
                                                       "csrf_token": csrf_of(page), "next": "/desk/audit"})
        assert response.status_code == 303 and response.headers["Location"].endswith("/desk/audit")
        return browser

    return sign_in


def test_pages_send_a_strict_policy(client):
    response = client.get("/desk/sign-in")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'none'" in csp and response.headers["X-Frame-Options"] == "DENY"
    html = response.get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []  # no inline script
    assert "style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html  # no CDN, no web font
    assert '<html lang="ar" dir="rtl">' in html


def test_english_switch_is_remembered(client):
    html = client.get("/desk/sign-in?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html and "Sign in" in html
    assert '<html lang="en" dir="ltr">' in client.get("/desk/sign-in").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in client.get("/desk/sign-in?lang=ar").get_data(as_text=True)


def test_sign_in_needs_the_form_token_and_the_right_password(client, make_account):
    email = make_account()
    response = client.post("/desk/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 400 and "/desk/queue" not in response.headers.get("Location", "")
    page = client.get("/desk/sign-in").get_data(as_text=True)
    wrong = client.post("/desk/sign-in", data={"email": email, "password": "wrong password!",
                                               "csrf_token": csrf_of(page)})
    assert wrong.status_code == 401 and 'role="alert"' in wrong.get_data(as_text=True)
    assert client.get("/desk/queue").status_code == 302


def test_next_never_leaves_the_desk(client, make_account):
    page = client.get("/desk/sign-in").get_data(as_text=True)
    response = client.post("/desk/sign-in", data={"email": make_account(), "password": PASSWORD,
                                                  "csrf_token": csrf_of(page), "next": "https://evil.example/"})
    assert response.headers["Location"].endswith("/desk/queue")


@pytest.mark.parametrize("path", PAGES)
def test_who_may_open_each_page(app, client, desk, held, path):
    url = path.format(comment=held("news/desk"))
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/desk/sign-in" in anonymous.headers["Location"]
    moderator = desk(Role.MODERATOR).get(url)
    assert moderator.status_code == (403 if path in EDITOR_ONLY else 200)
    assert desk(Role.EDITOR).get(url).status_code == 200
    assert moderator.headers["Cache-Control"] == "no-store"


def test_every_desk_page_is_covered(app):
    pages = {r.rule.replace("<int:comment_id>", "{comment}") for r in app.url_map.iter_rules()
             if r.rule.startswith("/desk") and "GET" in r.methods}
    assert pages - set(PAGES) <= {"/desk/", "/desk/sign-in"}


def test_sign_out_needs_the_token(desk):
    browser = desk()
    html = browser.get("/desk/queue").get_data(as_text=True)
    assert browser.post("/desk/sign-out").status_code == 403
    assert browser.post("/desk/sign-out", data={"csrf_token": csrf_of(html)}).status_code == 303
    assert browser.get("/desk/queue").status_code == 302


def test_the_queue_highlights_evidence_and_escapes_everything(desk, post):
    key = f"news/desk-{uuid.uuid4().hex[:6]}"
    name = '<img src=x onerror="alert(1)">'
    response = post(key, name=name, body="قبل <script>alert(1)</script> أحب البطيخ بعد",
                    website="https://example.org/?q='x'")
    assert response.status_code == 202
    cid = response.get_json()["comment"]["id"]
    html = desk().get(f"/desk/queue?thread={key}").get_data(as_text=True)
    assert f'id="comment-{cid}"' in html
    assert '<mark class="hit" data-hits="0" title="test.hold · عدم الإساءة للأشخاص">البطيخ</mark>' in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert 'href="https://example.org/?q=&#39;x&#39;" rel="nofollow noopener noreferrer ugc"' in html
    assert re.search(r'data-status="pending" class="tab active"[^>]*><span class="label">[^<]+</span> '
                     r'<span class="count" data-count="pending">1</span>', html)


def test_the_audit_page_filters(desk, held, client, auth_headers):
    cid, other = held("news/audit-page"), held("news/audit-page")
    headers = auth_headers(Role.MODERATOR)
    client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"action": "approve"}, headers=headers)
    client.post(f"/api/v1/moderation/comments/{other}/decision",
                json={"action": "reject", "category": "insult", "note": "ملاحظة"}, headers=headers)
    browser = desk()
    html = browser.get(f"/desk/audit?comment={cid}&action=").get_data(as_text=True)
    assert f">#{cid}<" in html and f">#{other}<" not in html
    html = browser.get("/desk/audit?action=reject").get_data(as_text=True)
    assert f">#{other}<" in html and f">#{cid}<" not in html and "ملاحظة" in html
    assert "role=\"alert\"" in browser.get("/desk/audit?comment=abc").get_data(as_text=True)


def test_the_controls_page_lists_threads_bans_and_the_warning(desk, held):
    held("news/controls-page")
    html = desk(Role.EDITOR).get("/desk/controls?q=controls-page").get_data(as_text=True)
    assert "news/controls-page" in html and 'id="settings-form"' in html
    assert 'data-api="/api/v1/moderation/threads/news/controls-page/close"' in html
    assert "class=\"warning\"" in html
