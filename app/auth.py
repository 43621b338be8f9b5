"""Who is asking, and may they: Flask-Login loaders, role checks, CSRF for cookie sessions, the
session cookie's Secure flag, and sign-in throttling.

Two ways in:
- a bearer token (`Authorization: Bearer …`, from POST /api/v1/auth/token): exempt from CSRF, and
  when the header is present the session cookie is ignored, so a bogus header cannot skip CSRF;
- a browser session (POST /api/v1/auth/session): the signed cookie holds the account id and a random
  session id whose hash is stored server-side, so sign-out and disabling really end it. Every
  state-changing request of a signed-in session needs the X-CSRFToken header (GET /api/v1/auth/csrf).

Roles rank moderator < editor < admin: `require_role("editor")` admits editors and admins.
"""
import ipaddress
import math
from contextlib import contextmanager
from datetime import timedelta
from functools import wraps
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError

from app.client import ip_hash, keyed_hash
from app.clock import now
from app.errors import CsrfFailed, Forbidden, TooManyAttempts, Unauthorized, WrongCredentials
from app.extensions import csrf, db, login_manager
from app.models import Role, SignInThrottle, TokenKind
from app.services import accounts

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
PUBLIC_BLUEPRINTS = {"widget", "docs", "embed"}  # readers' API: no sessions, no CSRF
SESSION_KEY = "sid"
SIGN_IN_ENDPOINTS = {"moderator.sign_in", "moderator.create_token"}


def bearer_token():
    """The bearer token of this request, '' for a malformed header, None when there is none."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def load_session_user(user_id):
    if bearer_token() is not None:
        return None  # a request with an Authorization header is judged by it alone
    account = accounts.resolve_token(session.get(SESSION_KEY), TokenKind.SESSION)
    return account if account is not None and str(account.id) == user_id else None


def load_bearer_user(_request):
    return accounts.resolve_token(bearer_token(), TokenKind.API)


def current_moderator():
    """The signed-in Moderator, or None."""
    return current_user._get_current_object() if current_user.is_authenticated else None


def start_session(account):
    """Sign `account` in on a cookie session: a fresh session-kind token, and nothing of the
    signed-out session survives (rotation: a fixated session id is worthless)."""
    sid, _row = accounts.issue_token(account, TokenKind.SESSION)
    session.clear()
    login_user(account)
    session[SESSION_KEY] = sid


def end_session():
    """Sign out: revoke the session's token server-side, then forget the cookie session."""
    if session.get(SESSION_KEY):
        accounts.revoke_token(session[SESSION_KEY], TokenKind.SESSION)
    logout_user()
    session.clear()


def guarded(minimum, *, anonymous, forbidden):
    """A view decorator letting through accounts of at least the `minimum` role; otherwise the
    view's answer is `anonymous()` (no valid session or token) or `forbidden()` (a lower role).
    The role is kept on the view (`required_role`), where the authorization tests find it."""
    minimum = Role(minimum)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            account = current_moderator()
            if account is None:
                return anonymous()
            if not account.has_role(minimum):
                return forbidden()
            return view(*args, **kwargs)

        wrapped.required_role = minimum
        return wrapped

    return decorator


def _refuse(error):
    def refuse():
        raise error()

    return refuse


def require_role(minimum):
    """API views: 401 problem+json without a valid session or token, 403 below the `minimum` role."""
    return guarded(minimum, anonymous=_refuse(Unauthorized), forbidden=_refuse(Forbidden))


def csrf_guard():
    """CSRF on state-changing requests of signed-in cookie sessions (and on form sign-ins)."""
    if request.method not in UNSAFE_METHODS or request.blueprint in PUBLIC_BLUEPRINTS:
        return
    if bearer_token() is not None:
        return
    if request.endpoint in SIGN_IN_ENDPOINTS:
        # Credentials in the body; a cross-site page can post a form but not JSON (CORS preflight).
        if request.mimetype == "application/json":
            return
    elif not current_user.is_authenticated:
        return  # anonymous: the view answers 401
    request.get_data(cache=True)  # keep the body readable after Flask-WTF parses the form
    try:
        csrf.protect()
    except CSRFError as err:
        raise CsrfFailed() from err


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, with SESSION_COOKIE_SECURE = "auto" meaning Secure except for local
    HTTP: a loopback client talking plain HTTP to a loopback host (make run)."""

    def get_cookie_secure(self, app):
        setting = app.config["SESSION_COOKIE_SECURE"]
        if setting != "auto":
            return bool(setting)
        return request.is_secure or not (_loopback(request.remote_addr) and _loopback(request.host))


def _loopback(address):
    """Whether an IP address or a Host header value (with or without a port) is loopback."""
    host = address or ""
    if not _is_ip(host):
        try:
            host = urlsplit("//" + host).hostname or ""
        except ValueError:
            return False
    return host == "localhost" or (_is_ip(host) and ipaddress.ip_address(host).is_loopback)


def _is_ip(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


# Sign-in throttling: after SIGNIN_FREE_FAILURES failures of an account (SIGNIN_IP_FREE_FAILURES of
# an IP) the next attempt waits 1, 2, 4 … seconds, capped low for accounts (nobody can lock a
# moderator out) and higher for IPs. Counted in the database, so every worker sees it.

def _throttle_keys(email):
    return [("account", "acct:" + keyed_hash(email.strip().lower(), "signin")),
            ("ip", "ip:" + ip_hash())]


def _wait_seconds(row, kind, cap):
    config = current_app.config
    excess = row.failures - config["SIGNIN_FREE_FAILURES" if kind == "account" else "SIGNIN_IP_FREE_FAILURES"]
    if excess < 0:
        return 0
    delay = min(2 ** min(excess, 20), cap)
    return max(0, math.ceil((row.last_failure_at + timedelta(seconds=delay) - now()).total_seconds()))


def _rows(keys):
    config, reset = current_app.config, timedelta(minutes=current_app.config["SIGNIN_RESET_MINUTES"])
    for kind, key in keys:
        row = db.session.get(SignInThrottle, key)
        if row is not None and row.last_failure_at + reset < now():
            row.failures = 0
        cap = config["SIGNIN_ACCOUNT_MAX_DELAY" if kind == "account" else "SIGNIN_IP_MAX_DELAY"]
        yield kind, key, row, cap


@contextmanager
def throttled(email):
    """Wrap a password check: refuse with 429 while a key must wait; count failures; forget both
    counts on success (the IP delay slows guessers without credentials, not a newsroom's shared NAT;
    guessing another account still waits on that account's own delay)."""
    keys = _throttle_keys(email)
    wait = max((_wait_seconds(row, kind, cap) for kind, _key, row, cap in _rows(keys) if row), default=0)
    if wait:
        db.session.rollback()
        raise TooManyAttempts(wait)
    try:
        yield
    except WrongCredentials:
        db.session.rollback()
        for _kind, key, row, _cap in _rows(keys):
            _count_failure(key, row)
        db.session.commit()
        raise
    db.session.execute(sa.delete(SignInThrottle).where(SignInThrottle.key.in_([k for _kind, k in keys])))
    db.session.commit()


def _count_failure(key, row):
    if row is not None:
        row.failures += 1
        row.last_failure_at = now()
        return
    try:
        with db.session.begin_nested():
            db.session.add(SignInThrottle(key=key, failures=1, last_failure_at=now()))
    except IntegrityError:  # another worker counted the first failure at the same moment
        db.session.get(SignInThrottle, key).failures += 1


def init_app(app):
    login_manager.init_app(app)
    login_manager.session_protection = None  # the server-side session id is the protection
    login_manager.user_loader(load_session_user)
    login_manager.request_loader(load_bearer_user)
    csrf.init_app(app)
    app.before_request(csrf_guard)
    app.session_interface = SessionInterface()
