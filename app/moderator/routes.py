"""Moderator routes: load with a schema, check the role, call one service, dump with a schema.

Cookie-session requests that change state need the X-CSRFToken header (see app.auth); bearer-token
requests do not. Every answer is private: `Cache-Control: no-store`.
"""
from flask import jsonify
from flask_wtf.csrf import generate_csrf

from app import auth
from app.auth import current_moderator, require_role
from app.errors import Unauthorized
from app.models import Role, TokenKind
from app.moderator import bp
from app.moderator.schemas import (
    AccountIn,
    AccountOut,
    AccountPatch,
    AuditQuery,
    BulkDecisionIn,
    DecisionIn,
    EditIn,
    QueueQuery,
    SignInIn,
    TokenOut,
    audit_out,
    moderator_view,
)
from app.request_body import load_body, load_query
from app.services import accounts, moderation, queue
from app.services import audit as audit_log

sign_in_in, token_out, account_out, account_in, account_patch = (
    SignInIn(), TokenOut(), AccountOut(), AccountIn(), AccountPatch())
queue_query, decision_in, bulk_in, edit_in, audit_query = (
    QueueQuery(), DecisionIn(), BulkDecisionIn(), EditIn(), AuditQuery())


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _authenticate():
    data = load_body(sign_in_in)
    with auth.throttled(data["email"]):
        return accounts.authenticate(data["email"], data["password"])


# Sign-in, tokens, sign-out

@bp.post("/api/v1/auth/token")
def create_token():
    token, row = accounts.issue_token(_authenticate(), TokenKind.API)
    return jsonify(token_out.dump({"token": token, "expires_at": row.expires_at})), 201


@bp.delete("/api/v1/auth/token")
def revoke_token():
    if not accounts.revoke_token(auth.bearer_token(), TokenKind.API):
        raise Unauthorized()
    return "", 204


@bp.post("/api/v1/auth/session")
def sign_in():
    account = _authenticate()
    auth.start_session(account)
    return jsonify({"account": account_out.dump(account), "csrf_token": generate_csrf()})


@bp.get("/api/v1/auth/session")
@require_role(Role.MODERATOR)
def who_am_i():
    return jsonify({"account": account_out.dump(current_moderator())})


@bp.post("/api/v1/auth/logout")
def sign_out():
    auth.end_session()
    return "", 204


@bp.get("/api/v1/auth/csrf")
def csrf_token():
    return jsonify({"csrf_token": generate_csrf()})


# The queue and decisions

@bp.get("/api/v1/moderation/queue")
@require_role(Role.MODERATOR)
def list_queue():
    query = load_query(queue_query)
    items, counts, next_cursor = queue.page(**query)
    return jsonify({"items": [moderator_view(i) for i in items], "counts": counts,
                    "next_cursor": next_cursor})


@bp.get("/api/v1/moderation/comments/<int:comment_id>")
@require_role(Role.MODERATOR)
def get_comment(comment_id):
    return jsonify({"comment": moderator_view(queue.item(moderation.get_comment(comment_id)))})


def _comment_response(comment):
    return jsonify({"comment": moderator_view(queue.item(comment))})


@bp.post("/api/v1/moderation/comments/<int:comment_id>/decision")
@require_role(Role.MODERATOR)
def decide_comment(comment_id):
    data = load_body(decision_in)
    return _comment_response(moderation.decide(current_moderator(), comment_id, data.pop("action"),
                                               **data))


@bp.post("/api/v1/moderation/decisions")
@require_role(Role.MODERATOR)
def decide_comments():
    data = load_body(bulk_in)
    results = moderation.decide_many(current_moderator(), data.pop("ids"), data.pop("action"), **data)
    return jsonify({"results": results})


@bp.post("/api/v1/moderation/comments/<int:comment_id>/edit")
@require_role(Role.MODERATOR)
def edit_comment(comment_id):
    data = load_body(edit_in)
    return _comment_response(moderation.edit(current_moderator(), comment_id, data.pop("body"), **data))


@bp.post("/api/v1/moderation/comments/<int:comment_id>/claim")
@require_role(Role.MODERATOR)
def claim_comment(comment_id):
    return _comment_response(moderation.claim(current_moderator(), comment_id))


@bp.post("/api/v1/moderation/comments/<int:comment_id>/release")
@require_role(Role.MODERATOR)
def release_comment(comment_id):
    return _comment_response(moderation.release(current_moderator(), comment_id))


@bp.get("/api/v1/moderation/audit")
@require_role(Role.MODERATOR)
def list_audit():
    query = load_query(audit_query)
    entries, next_cursor = audit_log.entries(
        actor=query.get("actor"), comment_id=query.get("comment"), action=query.get("action"),
        since=query.get("since"), until=query.get("until"), cursor=query["cursor"], limit=query["limit"])
    return jsonify({"items": audit_out.dump(entries, many=True), "next_cursor": next_cursor})


# Accounts (admins only)

@bp.get("/api/v1/moderation/accounts")
@require_role(Role.ADMIN)
def list_accounts():
    return jsonify({"items": account_out.dump(accounts.list_accounts(), many=True)})


@bp.post("/api/v1/moderation/accounts")
@require_role(Role.ADMIN)
def create_account():
    data = load_body(account_in)
    account = accounts.create_account(current_moderator(), **data)
    return jsonify({"account": account_out.dump(account)}), 201


@bp.patch("/api/v1/moderation/accounts/<int:account_id>")
@require_role(Role.ADMIN)
def update_account(account_id):
    data = load_body(account_patch)
    return jsonify({"account": account_out.dump(accounts.update_account(current_moderator(), account_id,
                                                                        data))})
