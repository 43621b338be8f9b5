"""Shared fixtures of the moderation and auth API tests (imported by test_moderation_*, test_auth_*
and test_authorization_matrix); it holds no tests itself."""
import uuid

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.models import AuditEntry, Role
from app.services import accounts

PASSWORD = "correct horse battery staple"
HOLD_BODY = "أحب البطيخ"  # the test policy holds this for a moderator


@pytest.fixture(autouse=True)
def fast_hashing(app):
    app.config["ARGON2_PROFILE"] = "CHEAPEST"  # Argon2id still, at test speed


@pytest.fixture
def make_account(app):
    """make_account(role, active=True) -> the new account's email (password: PASSWORD)."""

    def make(role=Role.MODERATOR, *, active=True, password=PASSWORD):
        email = f"{role}-{uuid.uuid4().hex[:8]}@newsroom.example"
        with app.app_context():
            account = accounts.create_account(None, email=email, display_name=f"{role} tester",
                                              password=password, role=role)
            if not active:
                account.active = False
                db.session.commit()
        return email

    return make


@pytest.fixture
def token_for(client):
    """token_for(email) -> a bearer token from POST /api/v1/auth/token."""

    def issue(email, password=PASSWORD):
        response = client.post("/api/v1/auth/token", json={"email": email, "password": password})
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.get_json()["token"]

    return issue


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def auth_headers(make_account, token_for):
    """auth_headers(role) -> Authorization headers of a fresh account with that role."""
    return lambda role=Role.MODERATOR: bearer(token_for(make_account(role)))


@pytest.fixture
def session_client(app):
    """session_client(email) -> (a test client signed in with a cookie session, its CSRF token)."""

    def sign_in(email, password=PASSWORD):
        browser = app.test_client()
        response = browser.post("/api/v1/auth/session", json={"email": email, "password": password})
        assert response.status_code == 200, response.get_data(as_text=True)
        return browser, response.get_json()["csrf_token"]

    return sign_in


@pytest.fixture
def held(post):
    """held(key, **fields) -> the id of a new comment the test policy holds (202)."""

    def make(key="news/queue", **fields):
        fields.setdefault("body", f"{HOLD_BODY} {uuid.uuid4().hex[:6]}")
        response = post(key, **fields)
        assert response.status_code == 202, response.get_data(as_text=True)
        return response.get_json()["comment"]["id"]

    return make


@pytest.fixture
def audit_rows(app):
    """audit_rows(**filters) -> the audit entries (as dicts) matching column filters, oldest first."""

    def rows(**filters):
        with app.app_context():
            query = sa.select(AuditEntry).filter_by(**filters).order_by(AuditEntry.id)
            return [{c.name: getattr(e, c.name) for c in AuditEntry.__table__.columns}
                    for e in db.session.scalars(query)]

    return rows


__all__ = ["audit_rows", "auth_headers", "fast_hashing", "held", "make_account", "session_client",
           "token_for"]
