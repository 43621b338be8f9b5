"""Browser fixtures: one live Majlis server and one headless Chromium for the whole session.

The server is the real app, served by werkzeug's make_server in a thread on a free loopback port,
with its own migrated SQLite database and the tiny policy in fixtures/policy.yaml («بطيخ» holds,
«باذنجان» rejects). Browser tests run on SQLite only: with DATABASE_URL set (the PostgreSQL pass of
CI) they are skipped, since the same widget against the same API proves nothing new there.
Chromium is Debian's /usr/bin/chromium driven by Playwright for Python (never `playwright install`).
"""
import os
import re
import shutil
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import limiter
from tests.conftest import need_service

FIXTURES = Path(__file__).resolve().parent / "fixtures"
POLICY = (FIXTURES / "policy.yaml").as_posix()
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEWS_SITE = "https://news.example"  # an allowed origin; its pages are served by Playwright's router


@dataclass
class LiveServer:
    app: object
    url: str

    def article(self, page, key, *, lang="ar", origin=None, title="مقال للاختبار"):
        """Open an article page at `origin` (default: this server) that embeds the widget for `key`."""
        origin = origin or self.url
        address = f"{origin}/t/{uuid.uuid4().hex[:8]}"
        html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
                f'</head><body><h1>{title}</h1><div id="majlis-thread" data-thread="{key}"></div>'
                f'<script src="{self.url}/widget.js" async></script></body></html>')
        page.route(address, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8",
                                                        body=html))
        page.goto(address)
        page.wait_for_selector("#majlis-thread[data-majlis-ready]")
        return address


def browser_runs_here():
    if os.environ.get("DATABASE_URL"):
        pytest.skip("browser tests run on SQLite only, and DATABASE_URL is set (the PostgreSQL pass)")


@contextmanager
def serving(folder, **overrides):
    """The real app with its own migrated SQLite file, served on a free loopback port in a thread."""
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{(folder / 'live.db').as_posix()}",
        "SECRET_KEY": "browser-" + uuid.uuid4().hex,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "POLICY_FILE": POLICY,
        **overrides,
    })
    limiter.enabled = False  # one Limiter per process: the last app created decides
    with app.app_context():
        upgrade()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-majlis", daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    browser_runs_here()
    with serving(tmp_path_factory.mktemp("live"), ALLOWED_ORIGINS=[NEWS_SITE]) as (app, url):
        yield LiveServer(app, url)


@pytest.fixture(scope="session")
def browser(live_server):
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as err:
        need_service(f"Playwright for Python is not installed: {err}")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        need_service(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as err:
            need_service(f"Chromium would not start: {err}")
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="ar", viewport={"width": 1000, "height": 900})
    ctx.set_default_timeout(5000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def thread_key(request):
    """A fresh thread for each test, so tests never see each other's comments."""
    name = re.sub(r"[^a-z0-9_-]+", "-", request.node.name.lower())[:60]
    return f"browser/{name}-{uuid.uuid4().hex[:6]}"
