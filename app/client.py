"""Who is asking: the client IP (after ProxyFix, when configured) and its keyed hash."""
import hashlib
import hmac

from flask import current_app, request


def client_ip():
    return request.remote_addr or "unknown"


def keyed_hash(value, purpose):
    """HMAC-SHA256 of a value under the server secret; `purpose` keeps uses apart."""
    key = f"{current_app.config['SECRET_KEY']}:{purpose}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def ip_hash():
    return keyed_hash(client_ip(), "ip")


def email_hash(email):
    return keyed_hash(email.strip().lower(), "email")
