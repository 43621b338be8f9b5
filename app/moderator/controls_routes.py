"""Editors' controls: runtime settings, thread close/reopen and pre-moderation, bans, webhook log.

Editors and admins only; every change leaves an audit entry (the services record it).
"""
from datetime import timedelta

from flask import jsonify
from marshmallow import Schema, fields, validate

from app.auth import current_moderator, require_role
from app.clock import iso, now
from app.fields import AsciiInt, Email, FormBoolean, Text
from app.models import BanKind, Role
from app.moderator import bp
from app.moderator.schemas import In, UtcDateTime, one_of
from app.request_body import load_body, load_query
from app.services import settings, thread_controls, trust, webhooks

E = Role.EDITOR


def _dial_field(dial):
    if dial.kind is bool:
        return FormBoolean()
    if dial.kind is int:
        return AsciiInt(minimum=0, maximum=dial.maximum)
    return Text(min_length=0, max_length=500)


SettingsIn = In.from_dict({key: _dial_field(d) for key, d in settings.DIALS.items()}, name="SettingsIn")


class NoteIn(In):
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)


class PremoderationIn(NoteIn):
    enabled = FormBoolean(required=True)


class BanIn(In):
    kind = fields.String(required=True, validate=one_of(BanKind))
    email = Email(load_default=None)
    ip_hash = fields.String(load_default=None, validate=validate.Regexp(r"^[0-9a-f]{64}$"))
    comment_id = AsciiInt(load_default=None, blank_is_none=True, minimum=1, maximum=2**31 - 1)
    reason = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)
    expires_at = UtcDateTime(load_default=None)
    days = AsciiInt(load_default=None, blank_is_none=True, minimum=1, maximum=3650)


class ThreadQuery(Schema):
    q = Text(load_default=None, max_length=200)


class BanQuery(Schema):
    all = FormBoolean(load_default=False)


class BanOut(Schema):
    id = fields.Integer()
    kind = fields.String()
    label = fields.String()
    reason = fields.String(allow_none=True)
    created_at = fields.Function(lambda b: iso(b.created_at))
    expires_at = fields.Function(lambda b: iso(b.expires_at))
    lifted_at = fields.Function(lambda b: iso(b.lifted_at))


class DeliveryOut(Schema):
    id = fields.Integer()
    event = fields.String()
    comment_id = fields.Integer(allow_none=True)
    url = fields.String()
    state = fields.String()
    attempts = fields.Integer()
    last_status = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = fields.Function(lambda d: iso(d.created_at))
    last_attempt_at = fields.Function(lambda d: iso(d.last_attempt_at))
    next_attempt_at = fields.Function(lambda d: iso(d.next_attempt_at))


settings_in, note_in, premod_in, ban_in = SettingsIn(), NoteIn(), PremoderationIn(), BanIn()
thread_query, ban_query, ban_out, delivery_out = ThreadQuery(), BanQuery(), BanOut(), DeliveryOut()


def thread_view(thread, control=None, pending=0):
    return {"key": thread.key, "title": thread.title, "url": thread.url, "closed": thread.closed,
            "comment_count": thread.comment_count, "created_at": iso(thread.created_at),
            "premoderation": bool(control and control.premoderation),
            "keep_open": bool(control and control.keep_open), "pending": pending}


@bp.get("/api/v1/moderation/settings")
@require_role(E)
def get_settings():
    return jsonify({"settings": settings.all_values()})


@bp.patch("/api/v1/moderation/settings")
@require_role(E)
def update_settings():
    changed = settings.apply(current_moderator(), load_body(settings_in))
    return jsonify({"settings": settings.all_values(), "changed": sorted(changed)})


@bp.get("/api/v1/moderation/threads")
@require_role(E)
def list_threads():
    query = load_query(thread_query)
    return jsonify({"items": [thread_view(*row) for row in thread_controls.list_threads(query["q"])]})


def _thread_response(thread):
    return jsonify({"thread": thread_view(*thread_controls.state(thread))})


@bp.post("/api/v1/moderation/threads/<path:key>/close")
@require_role(E)
def close_thread(key):
    return _thread_response(thread_controls.set_closed(current_moderator(), key, True, **load_body(note_in)))


@bp.post("/api/v1/moderation/threads/<path:key>/reopen")
@require_role(E)
def reopen_thread(key):
    return _thread_response(thread_controls.set_closed(current_moderator(), key, False, **load_body(note_in)))


@bp.put("/api/v1/moderation/threads/<path:key>/premoderation")
@require_role(E)
def set_thread_premoderation(key):
    data = load_body(premod_in)
    return _thread_response(thread_controls.set_premoderation(current_moderator(), key, data["enabled"],
                                                              data["note"]))


@bp.get("/api/v1/moderation/bans")
@require_role(E)
def list_bans():
    return jsonify({"items": ban_out.dump(trust.list_bans(load_query(ban_query)["all"]), many=True)})


@bp.post("/api/v1/moderation/bans")
@require_role(E)
def create_ban():
    data = load_body(ban_in)
    days = data.pop("days")
    if days and data["expires_at"] is None:
        data["expires_at"] = now() + timedelta(days=days)
    return jsonify({"ban": ban_out.dump(trust.create_ban(current_moderator(), **data))}), 201


@bp.delete("/api/v1/moderation/bans/<int:ban_id>")
@require_role(E)
def lift_ban(ban_id):
    return jsonify({"ban": ban_out.dump(trust.lift_ban(current_moderator(), ban_id))})


@bp.get("/api/v1/moderation/webhooks/deliveries")
@require_role(E)
def list_deliveries():
    return jsonify({"items": delivery_out.dump(webhooks.deliveries(), many=True)})
