"""Database faults become 503 problem+json with Retry-After, never a 500 with database text.

- PostgreSQL cut off, restarting or refusing connections: SQLAlchemy raises OperationalError or
  InterfaceError (a DBAPI disconnect), or TimeoutError when the pool has no connection to give.
- SQLite read-only ("attempt to write a readonly database"), full ("database or disk is full",
  also from `PRAGMA max_page_count`) or locked past its busy timeout.

The request's transaction is rolled back first, so nothing is half-written; the pool has already
invalidated a connection that died, and `pool_pre_ping` replaces stale ones, so the service recovers
by itself when the database is back.
"""
import logging

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import exc

from app.errors import ServiceUnavailable
from app.extensions import db

log = logging.getLogger(__name__)

UNREACHABLE = _l("The database cannot be reached at the moment; nothing you sent was saved. "
                 "Please try again in a few seconds.")
READ_ONLY = _l("The database is read-only at the moment (maintenance); nothing you sent was saved. "
               "Please try again later.")
FULL = _l("The database is full; nothing you sent was saved. The site's operators have been told.")
BUSY = _l("The database is busy; nothing you sent was saved. Please try again in a few seconds.")


def classify(err):
    """('kind', detail) for a database error this module answers, else None."""
    if isinstance(err, exc.TimeoutError):
        return "pool_timeout", BUSY
    if not isinstance(err, exc.DBAPIError):
        return None
    text = str(getattr(err, "orig", err)).lower()
    name = getattr(getattr(err, "orig", None), "sqlite_errorname", "") or ""
    if "readonly" in text or "read-only" in text or name.startswith("SQLITE_READONLY"):
        return "read_only", READ_ONLY
    if "disk is full" in text or name == "SQLITE_FULL":
        return "full", FULL
    if "database is locked" in text or name.startswith("SQLITE_BUSY"):
        return "busy", BUSY
    if err.connection_invalidated or isinstance(err, exc.OperationalError | exc.InterfaceError):
        return "unreachable", UNREACHABLE
    return None


def to_problem(err):
    """The ServiceUnavailable for `err`, or None when it is some other database error."""
    found = classify(err)
    if found is None:
        return None
    kind, detail = found
    return ServiceUnavailable(detail, retry_after=current_app.config.get("DB_RETRY_AFTER", 5)), kind


def _rollback():
    try:
        db.session.rollback()
    except Exception:  # the connection is gone: the server discards the open transaction itself
        log.debug("rollback after a database fault failed", exc_info=True)


def _close_session(_exc):
    """Close the request's session, absorbing a connection that died after the answer was made.

    Closing rolls back on the connection; if the database went away in between, that rollback
    raises from the teardown, past every error handler, and the server turns it into a 500 (or a
    dropped response). The pool has invalidated the dead connection by then; dropping the session
    is all that is left to do. Registered after Flask-SQLAlchemy's own teardown, so it runs first
    (teardowns run in reverse) and leaves that one nothing to close.
    """
    try:
        db.session.remove()
    except exc.DBAPIError as err:
        db.session.registry.clear()
        log.warning("closing the session after the database went away: %s", type(getattr(err, "orig", err)).__name__)


def register(app, render, fallback):
    """Answer database faults with 503 (`render` shapes a DomainError as problem+json; any other
    database error goes to `fallback`, the generic 500), and close sessions safely after one."""
    app.teardown_appcontext(_close_session)

    def handle(err):
        _rollback()
        found = to_problem(err)
        if found is None:
            return fallback(err)  # not about the database's availability: the generic 500
        problem, kind = found
        log.error("database unavailable (%s): %s", kind, type(getattr(err, "orig", err)).__name__)
        from app.ops import metrics

        metrics.DB_FAULTS.labels(kind=kind).inc()
        return render(problem)

    for cls in (exc.OperationalError, exc.InterfaceError, exc.TimeoutError, exc.DatabaseError):
        app.register_error_handler(cls, handle)
