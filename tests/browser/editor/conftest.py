"""A live server for the policy editor: the real app on a free loopback port with its own migrated
SQLite database, comments decided by the database's active policy version (seeded from the browser
test policy: «بطيخ» holds, «باذنجان» rejects), re-checked on every comment, and one editor account.
Chromium comes from tests/browser/conftest.py (skipped with DATABASE_URL set, failing in CI without
Chromium)."""
import uuid
from dataclasses import dataclass

import pytest

from app.models import Role
from app.services import accounts
from tests.browser.conftest import browser_runs_here, serving

PASSWORD = "editor password for chromium"


@dataclass
class EditorServer:
    app: object
    url: str
    email: str
    password: str


@pytest.fixture(scope="session")
def editor_server(tmp_path_factory):
    browser_runs_here()
    overrides = {"POLICY_SOURCE": "database", "POLICY_REFRESH_SECONDS": 0, "TASK_QUEUE": "immediate",
                 "ARGON2_PROFILE": "CHEAPEST"}
    with serving(tmp_path_factory.mktemp("editor-live"), **overrides) as (app, url):
        email = f"editor-{uuid.uuid4().hex[:8]}@newsroom.example"
        with app.app_context():
            accounts.create_account(None, email=email, display_name="محررة السياسة", password=PASSWORD,
                                    role=Role.EDITOR)
        yield EditorServer(app, url, email, PASSWORD)
