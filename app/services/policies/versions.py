"""Policy versions: seeding version 1, reading versions, publishing a draft, rolling back, importing.

Versions are immutable rows; the one PolicyState row points at the active one. Publishing and
rolling back lock that row (SELECT … FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite), so two
editors publishing at once get consecutive numbers or a 409, never a mix. Every change is one
transaction with its audit entry, and tells this process's runtime at once (others within
POLICY_REFRESH_SECONDS).
"""
import logging

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from app import database
from app.clock import now
from app.errors import Conflict, NotFound, ValidationFailed
from app.extensions import db
from app.models.policies import STATE_ROW, PolicyAuditAction, PolicyDraft, PolicyState, PolicyVersion
from app.services import audit
from app.services.policies import documents

log = logging.getLogger(__name__)


def _actor_fields(actor):
    return {"created_by_id": actor.id if actor else None, "created_by_email": actor.email if actor else None}


def seed_content():
    """(document, word lists) of POLICY_FILE as version 1 would hold them."""
    document, word_lists = documents.from_file(current_app.config["POLICY_FILE"])
    return dict(document, version=1), word_lists


def ensure_seeded():
    """Make POLICY_FILE version 1 when the database has no version yet (idempotent, race-safe:
    the unique version number and the state row's key let exactly one worker win)."""
    if db.session.get(PolicyState, STATE_ROW) is not None:
        return False
    database.begin_writing(db.session)
    document, word_lists = seed_content()
    try:
        version = PolicyVersion(number=1, policy_id=document["id"], document=document, word_lists=word_lists,
                                checksum=documents.checksum(document, word_lists), source="seed",
                                note="policies: " + current_app.config["POLICY_FILE"].rsplit("/", 1)[-1],
                                created_at=now(), **_actor_fields(None))
        db.session.add(version)
        db.session.flush()
        db.session.add(PolicyState(id=STATE_ROW, active_version_id=version.id, changed_at=now()))
        audit.record(None, PolicyAuditAction.SEED, note=version.note, detail={"version": 1})
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # another worker seeded first
        return False
    log.info("seeded policy version 1 from %s", current_app.config["POLICY_FILE"])
    return True


def seed_at_start(app):
    """create_app's hook: seed when the tables exist (skipped during `flask db upgrade` itself).

    Not under TESTING or POLICY_SOURCE "file": tests seed lazily inside their rolled-back transaction.
    """
    if app.config.get("TESTING") or app.config["POLICY_SOURCE"] == "file":
        return False
    with app.app_context():
        try:
            if not sa.inspect(db.engine).has_table("policy_state"):
                return False
            return ensure_seeded()
        except Exception:  # noqa: BLE001 — a broken POLICY_FILE must not stop the app starting
            log.exception("could not seed the policy from POLICY_FILE")
            db.session.rollback()
            return False
        finally:
            db.session.remove()


def active_version():
    ensure_seeded()
    return db.session.get(PolicyState, STATE_ROW).active_version


def _locked_state():
    query = sa.select(PolicyState).where(PolicyState.id == STATE_ROW)
    if db.engine.dialect.name != "sqlite":  # SQLite's BEGIN IMMEDIATE already serializes writers
        query = query.with_for_update(of=PolicyState)
    return db.session.scalars(query).one()


def list_versions():
    active = active_version()
    rows = db.session.scalars(sa.select(PolicyVersion).order_by(PolicyVersion.number.desc())).all()
    return rows, active


def get_version(number):
    ensure_seeded()
    version = db.session.scalar(sa.select(PolicyVersion).where(PolicyVersion.number == number))
    if version is None:
        raise NotFound(_("No such policy version."))
    return version


def previous_of(version):
    return db.session.scalar(sa.select(PolicyVersion).where(PolicyVersion.number < version.number)
                             .order_by(PolicyVersion.number.desc()).limit(1))


def content(row):
    return {"document": row.document, "word_lists": row.word_lists}


def version_diff(version, against=None):
    """The diff from `against` (default: the version before) to `version`."""
    against = against or previous_of(version)
    return None if against is None else documents.diff(content(against), content(version))


def _next_number():
    return (db.session.scalar(sa.select(sa.func.max(PolicyVersion.number))) or 0) + 1


def _create(actor, document, word_lists, note, source):
    number = _next_number()
    document = dict(document, version=number)
    version = PolicyVersion(number=number, policy_id=document["id"], document=document, word_lists=word_lists,
                            checksum=documents.checksum(document, word_lists), note=note, source=source,
                            created_at=now(), **_actor_fields(actor))
    db.session.add(version)
    db.session.flush()
    return version


def _activate(state, version):
    state.active_version_id = version.id
    state.changed_at = now()


def _committed():
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(_("Another editor published at the same moment; reload and try again.")) from None
    from app.services import policy_runtime

    policy_runtime.invalidate()


def publish(actor, draft_id, note, *, force=False):
    """The draft becomes the next version and the active one; returns (version, diff)."""
    ensure_seeded()
    draft = db.session.get(PolicyDraft, draft_id)
    if draft is None:
        raise NotFound(_("No such draft."))
    document, word_lists = documents.normalized(draft.document, draft.word_lists)
    state = _locked_state()
    previous = state.active_version
    if draft.base_version_id != previous.id and not force:
        raise Conflict(_("Version %(number)s was made active after this draft was started; review the "
                         "difference and publish with force.", number=previous.number),
                       active_version=previous.number)
    if documents.checksum(document, word_lists) == previous.checksum:
        raise ValidationFailed({"draft": [_("The draft is the same as the active version.")]})
    version = _create(actor, document, word_lists, note, "publish")
    _activate(state, version)
    change = documents.diff(content(previous), content(version))
    audit.record(actor, PolicyAuditAction.PUBLISH, note=note, detail={
        "version": version.number, "previous": previous.number, "draft": draft.id, "diff": change})
    db.session.delete(draft)
    _committed()
    return version, change


def rollback(actor, number, note=None):
    """Make an earlier (or any other) version active again; returns (version, diff from the one
    that was active)."""
    ensure_seeded()
    target = get_version(number)
    state = _locked_state()
    current = state.active_version
    if current.id == target.id:
        raise Conflict(_("Version %(number)s is already active.", number=number))
    _activate(state, target)
    change = documents.diff(content(current), content(target))
    audit.record(actor, PolicyAuditAction.ROLLBACK, note=note, detail={
        "version": target.number, "previous": current.number, "diff": change})
    _committed()
    return target, change


def import_version(actor, document, word_lists, note):
    """Publish an imported document; (version, created?) — the same content as the active version
    creates nothing, so export → import → export gives the same file."""
    ensure_seeded()
    state = _locked_state()
    current = state.active_version
    if documents.checksum(document, word_lists) == current.checksum:
        db.session.rollback()
        return current, False
    version = _create(actor, document, word_lists, note, "import")
    _activate(state, version)
    audit.record(actor, PolicyAuditAction.IMPORT, note=note, detail={
        "version": version.number, "previous": current.number})
    _committed()
    return version, True


def export(number=None):
    version = get_version(number) if number is not None else active_version()
    return version, documents.to_yaml(version.document, version.word_lists)
