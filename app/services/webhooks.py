"""The optional webhook: a signed JSON POST when a comment is held or reported.

Each event is one row in webhook_delivery, delivered by a task on the queue (huey) and retried with
exponential backoff (WEBHOOK_RETRY_SECONDS, then twice as long each time, WEBHOOK_ATTEMPTS in all).
The body is signed with HMAC-SHA256 under the webhook secret:

    X-Majlis-Signature: sha256=<hex of HMAC(secret, "<X-Majlis-Timestamp>." + body)>

The address must be https (plain http only to loopback with WEBHOOK_ALLOW_LOOPBACK, for tests) and
every address its host resolves to must be public, unless WEBHOOK_ALLOW_PRIVATE (an intranet
receiver). It is checked when saved and again before each attempt (DNS can change); redirects are
not followed.
"""
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
from datetime import timedelta
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from huey.exceptions import RetryTask

from app.clock import iso, now
from app.errors import ValidationFailed
from app.extensions import db
from app.models import DeliveryState, WebhookDelivery
from app.services import settings
from app.tasks import background, enqueue

log = logging.getLogger(__name__)
FIELD = "webhook_url"


def _refuse(message):
    raise ValidationFailed({FIELD: [message]})


def _addresses(host):
    try:
        return {ipaddress.ip_address(info[4][0].split("%")[0]) for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError, ValueError):
        _refuse(_("The host of this address cannot be found."))


def validate_url(url):
    """The address if a webhook may be sent there; ValidationFailed otherwise."""
    config = current_app.config
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError:
        _refuse(_("Enter a web address starting with https://."))
    if parts.scheme not in ("https", "http") or not host or parts.username or parts.password:
        _refuse(_("Enter a web address starting with https://."))
    if parts.scheme == "http" and not config["WEBHOOK_ALLOW_LOOPBACK"]:
        _refuse(_("The webhook address must use https."))
    addresses = _addresses(host)
    if parts.scheme == "http" and not all(a.is_loopback for a in addresses):
        _refuse(_("The webhook address must use https."))
    for address in addresses:
        if address.is_loopback:
            if not config["WEBHOOK_ALLOW_LOOPBACK"]:
                _refuse(_("The webhook address must not point to this machine."))
        elif not address.is_global and not config["WEBHOOK_ALLOW_PRIVATE"]:
            _refuse(_("The webhook address must not point to a private network."))
    return url


def sign(secret, timestamp, body):
    return "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def _payload(event, comment):
    return {"event": event, "created_at": iso(now()), "comment": None if comment is None else {
        "id": comment.id, "status": comment.status, "thread": {
            "key": comment.thread.key, "title": comment.thread.title, "url": comment.thread.url},
        "name": comment.name, "excerpt": comment.body[:280], "report_count": comment.report_count,
        "categories": sorted({h.get("category") for h in (comment.decision or {}).get("hits", [])
                              if h.get("category")}),
        "desk": f"/desk/queue?status={comment.status}#comment-{comment.id}"}}


def notify(event, comment=None):
    """Log and queue a delivery when a webhook is configured; never fails the caller's request."""
    url = settings.get("webhook_url")
    if not url:
        return None
    delivery = WebhookDelivery(event=event, comment_id=comment.id if comment is not None else None, url=url,
                               payload=_payload(event, comment), state=DeliveryState.PENDING, attempts=0,
                               created_at=now())
    db.session.add(delivery)
    db.session.flush()
    delivery_id = delivery.id
    db.session.commit()
    # Nothing touches the session between the commit and the queue: an inline ("immediate") task
    # must not find this session holding a transaction open.
    try:
        enqueue("deliver_webhook", delivery_id)
    except Exception:  # a queue outage must not fail the comment; the row shows it is still pending
        log.exception("could not queue webhook delivery %s", delivery_id)
    return delivery_id


def _attempt(delivery):
    """(HTTP status or None, error text or None) of one POST."""
    body = json.dumps(dict(delivery.payload, delivery=delivery.id), ensure_ascii=False,
                      separators=(",", ":")).encode()
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Majlis-Webhook/1",
               "X-Majlis-Event": delivery.event, "X-Majlis-Delivery": str(delivery.id),
               "X-Majlis-Timestamp": stamp,
               "X-Majlis-Signature": sign(settings.get("webhook_secret"), stamp, body)}
    try:
        validate_url(delivery.url)
        response = requests.post(delivery.url, data=body, headers=headers, allow_redirects=False,
                                 timeout=current_app.config["WEBHOOK_TIMEOUT"])
    except ValidationFailed as err:
        return None, "refused: " + "; ".join(str(m) for m in err.extra["errors"][FIELD])
    except requests.RequestException as err:
        return None, f"{type(err).__name__}: {err}"[:500]
    return response.status_code, None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"


@background(retries=2, retry_delay=60)  # huey's own retries cover a crash; RetryTask does the backoff
def deliver_webhook(delivery_id):
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.state != DeliveryState.PENDING:
        return None
    status, error = _attempt(delivery)
    delivery.attempts += 1
    delivery.last_attempt_at, delivery.last_status, delivery.last_error = now(), status, error
    config = current_app.config
    if error is None:
        delivery.state, delivery.next_attempt_at = DeliveryState.DELIVERED, None
    elif error.startswith("refused") or delivery.attempts >= config["WEBHOOK_ATTEMPTS"]:
        delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
    else:
        delay = config["WEBHOOK_RETRY_SECONDS"] * 2 ** (delivery.attempts - 1)
        delivery.next_attempt_at = now() + timedelta(seconds=delay)
        db.session.commit()
        raise RetryTask(delay=delay)
    db.session.commit()
    return delivery.state


def deliveries(limit=50):
    return db.session.scalars(sa.select(WebhookDelivery).order_by(
        WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()).limit(limit)).all()
