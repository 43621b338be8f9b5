"""Majlis: the application factory, read top to bottom as a table of contents."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app import auth, cors, database, errors, i18n, tasks
from app.clock import SystemClock
from app.config import load_config
from app.extensions import babel, db, limiter, migrate


def create_app(overrides=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config["CLOCK"] = SystemClock()
    load_config(app, overrides)
    if app.config["TRUSTED_PROXIES"]:
        # Exactly N hops: with 0 (the default) X-Forwarded-For is ignored and cannot be spoofed.
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    app.json.ensure_ascii = False  # Arabic as characters, not \u escapes
    app.json.sort_keys = False

    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, default_locale="ar")
    auth.init_app(app)  # Flask-Login, CSRF for cookie sessions, the session cookie

    from app.docs import bp as docs_bp
    from app.embed import bp as embed_bp
    from app.moderator import bp as moderator_bp
    from app.widget import bp as widget_bp

    app.register_blueprint(widget_bp)
    app.register_blueprint(docs_bp)
    app.register_blueprint(embed_bp)
    app.register_blueprint(moderator_bp)

    cors.init_app(app)
    errors.init_app(app)

    from app.commands import register_commands

    register_commands(app)
    tasks.init_app(app)  # after every module that marks @background functions is imported

    from app.services.accounts import ensure_first_admin

    ensure_first_admin(app)  # MAJLIS_ADMIN_EMAIL/PASSWORD, when no admin exists yet
    return app
