"""Majlis: the application factory, read top to bottom as a table of contents."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app import auth, cors, database, errors, i18n, logging_setup, ops, routing, security_headers, tasks
from app.clock import SystemClock
from app.commands import register_commands
from app.config import load_config
from app.extensions import babel, db, limiter, migrate
from app.services import retention
from app.services.accounts import ensure_first_admin
from app.services.policies.versions import seed_at_start


def create_app(overrides=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config["CLOCK"] = SystemClock()
    load_config(app, overrides)
    logging_setup.init_app(app)  # JSON log lines with the request id; no emails, tokens or IPs
    if app.config["TRUSTED_PROXIES"]:
        # Exactly N hops: with 0 (the default) X-Forwarded-For is ignored and cannot be spoofed.
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    app.json.ensure_ascii = False  # Arabic as characters, not \u escapes
    app.json.sort_keys = False
    routing.init_app(app)  # bounded <int:…> ids, before any blueprint adds its rules

    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, default_locale="ar")
    auth.init_app(app)  # Flask-Login, CSRF for cookie sessions, the session cookie

    from app.admin import bp as admin_bp
    from app.desk import bp as desk_bp
    from app.docs import bp as docs_bp
    from app.embed import bp as embed_bp
    from app.moderator import bp as moderator_bp
    from app.widget import bp as widget_bp

    app.register_blueprint(widget_bp)  # the public comment API
    app.register_blueprint(embed_bp)  # widget.js, the demo pages, the terms
    app.register_blueprint(docs_bp)  # OpenAPI document and page
    app.register_blueprint(moderator_bp)  # sign-in, the queue and controls API
    app.register_blueprint(desk_bp)  # the moderator's desk (HTML)
    app.register_blueprint(admin_bp)  # the policy editor (API and page)
    ops.init_app(app)  # /healthz, /readyz, /metrics and request timing

    cors.init_app(app)
    security_headers.init_app(app)  # CSP and frame-ancestors 'none' for the UI pages
    errors.init_app(app)
    register_commands(app)

    from app.services import webhooks  # noqa: F401  (marks its @background delivery task)

    tasks.init_app(app)  # after every module that marks @background functions is imported
    retention.init_app(app)  # the daily retention task on huey

    # One-time start-up work, idempotent and safe when several workers start at once.
    ensure_first_admin(app)  # MAJLIS_ADMIN_EMAIL/PASSWORD, when no admin exists yet
    seed_at_start(app)  # POLICY_FILE becomes policy version 1 when the database has none
    return app
