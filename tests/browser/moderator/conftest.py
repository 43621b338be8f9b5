"""Fixtures of the desk's browser tests: moderator accounts on the live server (tests/browser/conftest.py),
a 1280-pixel laptop window signed in through the desk's form, held comments posted over HTTP."""
import uuid

import pytest
import requests
from desk_support import HOLD, LAPTOP, PASSWORD

from app.services import accounts


@pytest.fixture(scope="session")
def desk_accounts(live_server):
    made = {}
    with live_server.app.app_context():
        for role in ("moderator", "editor"):
            email = f"{role}-{uuid.uuid4().hex[:6]}@newsroom.example"
            accounts.create_account(None, email=email, display_name=f"مشرف {role}", password=PASSWORD, role=role)
            made[role] = email
    return made


@pytest.fixture
def laptop(browser):
    ctx = browser.new_context(locale="ar", viewport=LAPTOP)
    ctx.set_default_timeout(8000)
    yield ctx
    ctx.close()


@pytest.fixture
def sign_in(live_server, desk_accounts):
    def go(page, role="moderator", target="/desk/queue"):
        page.goto(f"{live_server.url}/desk/sign-in?next={target}")
        page.fill('input[name="email"]', desk_accounts[role])
        page.fill('input[name="password"]', PASSWORD)
        page.click('#sign-in-form button[type="submit"]')
        page.wait_for_url(f"**{target.split('?')[0]}*")
        return page

    return go


@pytest.fixture
def desk(laptop, sign_in):
    """A signed-in moderator's page."""
    return sign_in(laptop.new_page())


@pytest.fixture
def comment(live_server):
    """comment(key, **fields) -> (status code, id) of a comment posted through the public API."""

    def send(key, **fields):
        tag = uuid.uuid4().hex[:8]
        data = {"name": "قارئ", "email": f"reader-{tag}@example.org", "body": f"{HOLD} {tag}"}
        data.update(fields)
        response = requests.post(f"{live_server.url}/api/v1/threads/{key}/comments", json=data, timeout=10)
        assert response.status_code in (201, 202), response.text
        return response.json()["comment"]["id"]

    return send
