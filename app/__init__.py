"""Majlis: the application factory, read top to bottom as a table of contents."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app import database, errors, i18n
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

    from app.docs import bp as docs_bp
    from app.widget import bp as widget_bp

    app.register_blueprint(widget_bp)
    app.register_blueprint(docs_bp)

    errors.init_app(app)

    from app.commands import register_commands

    register_commands(app)
    return app
