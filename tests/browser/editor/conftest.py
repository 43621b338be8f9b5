"""A live server for the policy editor: the real app on a free loopback port with its own migrated
SQLite database, comments decided by the database's active policy version (seeded from the browser
test policy: «بطيخ» holds, «باذنجان» rejects), re-checked on every comment, and one editor account.
Chromium comes from tests/browser/conftest.py (skipped with DATABASE_URL set, failing in CI without
Chromium)."""
import os
import threading
import uuid
from dataclasses import dataclass

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import limiter
from app.models import Role
from app.services import accounts
from tests.browser.conftest import POLICY

PASSWORD = "editor password for chromium"


@dataclass
class EditorServer:
    app: object
    url: str
    email: str
    password: str


@pytest.fixture(scope="session")
def editor_server(tmp_path_factory):
    if os.environ.get("DATABASE_URL"):
        pytest.skip("browser tests run on SQLite only, and DATABASE_URL is set (the PostgreSQL pass)")
    folder = tmp_path_factory.mktemp("editor-live")
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{(folder / 'editor.db').as_posix()}",
        "SECRET_KEY": "editor-" + uuid.uuid4().hex,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "POLICY_FILE": POLICY,
        "POLICY_SOURCE": "database",
        "POLICY_REFRESH_SECONDS": 0,
        "TASK_QUEUE": "immediate",
        "ARGON2_PROFILE": "CHEAPEST",
    })
    limiter.enabled = False
    email = f"editor-{uuid.uuid4().hex[:8]}@newsroom.example"
    with app.app_context():
        upgrade()
        accounts.create_account(None, email=email, display_name="محررة السياسة", password=PASSWORD,
                                role=Role.EDITOR)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-editor", daemon=True)
    thread.start()
    yield EditorServer(app, f"http://127.0.0.1:{server.server_port}", email, PASSWORD)
    server.shutdown()
    thread.join(timeout=5)
