"""Configuration: defaults, then MAJLIS_* environment variables, then a test's overrides.

Nothing here runs at import time; `load_config` is called by `create_app`.
"""
import json
import os
import secrets
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    "MODERATION": "post",  # post: publish unless a rule holds; pre: hold everything
    "TRUSTED_PROXIES": 0,
    "ALLOWED_ORIGINS": [],
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_POST_IP": "5 per minute;30 per hour",
    "RATELIMIT_POST_EMAIL": "5 per minute;30 per hour",
    "RATELIMIT_HEADERS_ENABLED": True,  # flask-limiter sends Retry-After only with this on
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,  # Redis down must not turn posting into a 500
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_KEY_PREFIX": "majlis",
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "BODY_MAX_CHARS": 5000,
    "MAX_REPLY_DEPTH": 5,
    "EDIT_WINDOW_MINUTES": 15,  # an author may edit or delete their comment this long (X-Edit-Token)
    "POLICY_FILE": str(PROJECT_ROOT / "policies" / "default.yaml"),  # the seed of policy version 1
    # Where comments' policy comes from: "database" (the active version; the editor publishes),
    # "file" (POLICY_FILE as is), or "auto": "file" when POLICY_FILE is a create_app override.
    "POLICY_SOURCE": "auto",
    "POLICY_REFRESH_SECONDS": 2,  # how often a process asks which version is active (publish → live)
    "STATS_CACHE_SECONDS": 30,  # per-rule hit counts and overturn rates are recomputed this often
    "BACKTEST_DEFAULT_LIMIT": 10000,  # a backtest's last N comments unless told otherwise
    "BACKTEST_MAX_LIMIT": 200000,
    "BACKTEST_SAMPLES": 5,  # sample comments kept per kind of change
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "JSON_NESTING_MAX": 32,
    "TASK_QUEUE": "sqlite",  # "sqlite" (instance/tasks.db), "sqlite:////path", a redis:// URL, or "immediate"
    # Moderators (app.auth): sessions, tokens, claims, sign-in throttling.
    "CLAIM_MINUTES": 5,  # a claim on a queued comment expires after this
    "TOKEN_HOURS": 24,  # lifetime of a bearer token from POST /api/v1/auth/token
    "SESSION_HOURS": 12,  # lifetime of a signed-in browser session (ended at sign-out)
    # "auto": Secure unless a loopback client talks plain HTTP to a loopback host (make run);
    # true/false force it (MAJLIS_SESSION_COOKIE_SECURE=true behind a TLS proxy is recommended).
    "SESSION_COOKIE_SECURE": "auto",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "majlis_session",
    "WTF_CSRF_CHECK_DEFAULT": False,  # app.auth checks cookie-session requests only
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
    "SIGNIN_FREE_FAILURES": 3,  # failures of one account before its sign-ins start to wait
    "SIGNIN_IP_FREE_FAILURES": 10,  # failures from one IP before its sign-ins start to wait
    "SIGNIN_ACCOUNT_MAX_DELAY": 30,  # seconds; low so nobody can keep a moderator out
    "SIGNIN_IP_MAX_DELAY": 300,  # seconds
    "SIGNIN_RESET_MINUTES": 60,  # a quiet hour forgets old failures
    "PASSWORD_MIN_LENGTH": 12,
    "ARGON2_PROFILE": "RFC_9106_LOW_MEMORY",  # argon2.profiles name (tests use CHEAPEST)
    # The moderator's desk (issue 6). Runtime dials live in the database (services.settings).
    "RATELIMIT_REPORT_IP": "10 per minute;100 per day",  # readers' reports of comments, per IP
    "WEBHOOK_TIMEOUT": 5,  # seconds per delivery attempt
    "WEBHOOK_ATTEMPTS": 6,  # attempts before a delivery is marked failed
    "WEBHOOK_RETRY_SECONDS": 30,  # first retry after this; each next one waits twice as long
    "WEBHOOK_ALLOW_LOOPBACK": False,  # tests only: http://127.0.0.1 receivers
    "WEBHOOK_ALLOW_PRIVATE": False,  # receivers on private/link-local ranges (an intranet)
    # Production (issue 9). Pool settings apply per process: a gunicorn worker holds at most
    # DB_POOL_SIZE + DB_MAX_OVERFLOW connections, so PostgreSQL needs WORKERS x that x instances.
    "WORKERS": 2,  # gunicorn workers per instance (make serve, gunicorn.conf.py)
    "DB_POOL_SIZE": 5,
    "DB_MAX_OVERFLOW": 5,
    "DB_POOL_TIMEOUT": 5,  # seconds to wait for a free connection before a 503 (not 30)
    "DB_POOL_RECYCLE": 1800,  # seconds; older connections are replaced
    "DB_CONNECT_TIMEOUT": 3,  # seconds (PostgreSQL): a cut-off database fails fast
    "DB_RETRY_AFTER": 5,  # seconds, the Retry-After of a 503 when the database is unavailable
    "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},  # Redis
    "LOG_LEVEL": "INFO",
    "LOG_JSON": True,  # structured JSON lines on stderr; false for plain text
    "RETENTION_SPAM_DAYS": 30,  # spam rows are deleted this long after their last change; 0 keeps
    "RETENTION_REJECTED_DAYS": 90,  # rejected rows, likewise
    "RETENTION_IP_HASH_DAYS": 30,  # IP HMACs are cleared from comments older than this; 0 keeps
    "RETENTION_SCHEDULE_HOUR": 3,  # the daily retention task runs at this hour (UTC, minute 17)
    "PRIVACY_ERASE_BODY": False,  # `flask privacy erase`: also remove the comments' text
}

# Values that must stay strings even when they look like JSON (from_prefixed_env parses JSON).
STRING_KEYS = ("SECRET_KEY", "ADMIN_PASSWORD", "ADMIN_EMAIL", "ADMIN_NAME")


def load_config(app, overrides):
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env("MAJLIS")
    for key in STRING_KEYS:
        raw = os.environ.get(f"MAJLIS_{key}")
        if raw is not None:
            app.config[key] = raw
    for key in ("DATABASE_URL", "RATELIMIT_STORAGE_URI"):
        if os.environ.get(key):
            app.config[key] = os.environ[key]
    app.config.update(overrides or {})

    app.config["ALLOWED_ORIGINS"] = parse_origins(app.config["ALLOWED_ORIGINS"])
    app.config["TRUSTED_PROXIES"] = int(app.config["TRUSTED_PROXIES"])
    if app.config["POLICY_SOURCE"] == "auto":
        app.config["POLICY_SOURCE"] = "file" if "POLICY_FILE" in (overrides or {}) else "database"
    if app.config["POLICY_SOURCE"] not in ("database", "file"):
        raise ValueError("MAJLIS_POLICY_SOURCE must be 'database', 'file' or 'auto'")
    if app.config["MODERATION"] not in ("post", "pre"):
        raise ValueError("MAJLIS_MODERATION must be 'post' or 'pre'")
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", database_uri(app))
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret(Path(app.instance_path))


def parse_origins(value):
    """A JSON list or a comma-separated list of origins, without trailing slashes."""
    if isinstance(value, str):
        value = value.strip()
        value = json.loads(value) if value.startswith("[") else value.split(",")
    return [o.strip().rstrip("/") for o in value if o and o.strip()]


def database_uri(app):
    url = app.config.get("DATABASE_URL")
    if url:
        # SQLAlchemy maps postgresql:// to psycopg 3 only from 2.1 on; make it explicit.
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url
    # An absolute path: Flask-SQLAlchemy 3.1 resolves relative sqlite paths inside instance/.
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(app.instance_path) / 'majlis.db'}"


def engine_options(config):
    """Pool settings (documented in README, "Production"); fail fast when the database is away."""
    options = {"pool_pre_ping": True, **config.get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    uri = str(config["SQLALCHEMY_DATABASE_URI"])
    if uri.startswith("postgresql"):
        options.setdefault("pool_size", int(config["DB_POOL_SIZE"]))
        options.setdefault("max_overflow", int(config["DB_MAX_OVERFLOW"]))
        options.setdefault("pool_timeout", float(config["DB_POOL_TIMEOUT"]))
        options.setdefault("pool_recycle", int(config["DB_POOL_RECYCLE"]))
        # libpq: connect timeout and TCP keepalives, so a dead server is noticed in seconds.
        options.setdefault("connect_args", {
            "connect_timeout": int(config["DB_CONNECT_TIMEOUT"]), "keepalives": 1,
            "keepalives_idle": 10, "keepalives_interval": 2, "keepalives_count": 3})
    return options


def instance_secret(instance_dir):
    """A secret generated once into instance/, safe when several workers start together."""
    instance_dir.mkdir(parents=True, exist_ok=True)
    path = instance_dir / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    for _ in range(50):  # another worker may be between create and write
        text = path.read_text().strip()
        if text:
            return text
        time.sleep(0.01)
    raise RuntimeError(f"empty secret file {path}")
