"""The runtime dials: key/value rows in the database, so every process sees a change at once.

Every dial is off by default; a missing row means its default. Values are validated here (a dial
has a type and a range), whoever sets them: the editors' API, the desk, or a test.
"""
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.clock import now
from app.errors import ValidationFailed
from app.extensions import db
from app.models import AuditAction, Setting, Status
from app.request_memo import forget, memo

MEMO = "settings"


@dataclass(frozen=True)
class Dial:
    key: str
    kind: type
    default: object
    label: str
    maximum: int = 0  # for int dials
    secret: bool = False  # never read back through the API


DIALS = {d.key: d for d in (
    Dial("site_premoderation", bool, False, _l("Hold every new comment for a moderator (the whole site)")),
    Dial("trust_hold_first_comment", bool, False,
         _l("Hold the first comment of an email address until one is approved")),
    Dial("trust_auto_approve_after", int, 0,
         _l("Publish what only scored rules held for authors with at least this many approved and no "
            "rejected comments (0: off)"), maximum=10000),
    Dial("reports_threshold", int, 0,
         _l("Distinct readers' reports that send a published comment back to the queue (0: off)"),
         maximum=1000),
    Dial("reports_hide", bool, False, _l("Hide a reported comment from readers until a moderator decides")),
    Dial("auto_close_days", int, 0, _l("Close threads older than this many days (0: off)"), maximum=36500),
    Dial("webhook_url", str, "", _l("Webhook address (https) told when a comment is held or reported")),
    Dial("webhook_secret", str, "", _l("Webhook signing secret (HMAC-SHA256)"), secret=True),
)}


def _stored():
    """Every stored dial, read in one query once per request (a post consults several dials)."""
    return memo(MEMO, lambda: {r.key: r.value for r in db.session.scalars(sa.select(Setting))})


def get(key):
    value = _stored().get(key)
    return DIALS[key].default if value is None else value


def all_values(*, reveal_secrets=False):
    rows = _stored()
    out = {}
    for key, dial in DIALS.items():
        value = rows.get(key, dial.default)
        out[key] = bool(value) if dial.secret and not reveal_secrets else value
    return out


def _check(dial, value):
    if dial.kind is bool and isinstance(value, bool):
        return value
    if dial.kind is int and isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= dial.maximum:
            return value
        raise ValidationFailed({dial.key: [_("Must be between %(min)s and %(max)s.", min=0, max=dial.maximum)]})
    if dial.kind is str and isinstance(value, str) and len(value) <= 500:
        return value.strip()
    raise ValidationFailed({dial.key: [_("Invalid value.")]})


def update(actor, changes):
    """Validate and store several dials in the caller's transaction; returns {key: (old, new)}."""
    unknown = [k for k in changes if k not in DIALS]
    if unknown:
        raise ValidationFailed({k: [_("Unknown field.")] for k in unknown})
    changed = {}
    for key, raw in changes.items():
        value = _check(DIALS[key], raw)
        old = get(key)
        if old == value:
            continue
        row = db.session.get(Setting, key)
        if row is None:
            row = Setting(key=key)
            db.session.add(row)
        row.value, row.updated_at, row.updated_by = value, now(), actor.id if actor else None
        changed[key] = (old, value)
    db.session.flush()
    forget(MEMO)
    return changed


def public_statuses():
    """The statuses readers see: approved, and reported ones unless reports_hide is on."""
    if get("reports_hide"):
        return (Status.APPROVED,)
    return (Status.APPROVED, Status.REPORTED)


def apply(actor, changes):
    """Save dials from an editor, with their effects: the webhook address is checked, saving an
    auto-close age closes the old threads, hiding reported comments recounts their threads."""
    from app.services import audit, thread_controls, webhooks

    url = changes.get("webhook_url")
    if url:
        webhooks.validate_url(url.strip())
        secret = changes.get("webhook_secret", get("webhook_secret"))
        if not isinstance(secret, str) or len(secret.strip()) < 16:
            raise ValidationFailed({"webhook_secret": [_("Set a signing secret of at least 16 characters.")]})
    changed = update(actor, changes)
    if changed:
        audit.record(actor, AuditAction.SETTINGS_UPDATE, detail={
            key: ("***" if DIALS[key].secret else new) for key, (_old, new) in changed.items()})
    if "auto_close_days" in changed:
        thread_controls.close_stale()
    if "reports_hide" in changed:
        _recount_reported_threads()
    db.session.commit()
    return changed


def _recount_reported_threads():
    from app.models import Comment, Thread

    shown = sa.select(sa.func.count()).where(Comment.thread_id == Thread.id,
                                             Comment.status.in_(public_statuses())).scalar_subquery()
    reported = sa.select(Comment.thread_id).where(Comment.status == Status.REPORTED)
    db.session.execute(sa.update(Thread).where(Thread.id.in_(reported)).values(comment_count=shown)
                       .execution_options(synchronize_session=False))
