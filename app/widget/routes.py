"""Public routes: load with a schema, call one service, dump with a schema."""
from flask import current_app, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from app.client import email_hash, ip_hash
from app.errors import DomainError
from app.extensions import limiter
from app.request_body import load, load_body, load_query, read_body
from app.services import avatars, comments, threads
from app.widget import bp
from app.widget.schemas import CommentIn, CommentPage, CountsQuery, ListQuery, OwnCommentOut, SubmitOut

comment_in, page_out, own_out, submit_out = CommentIn(), CommentPage(), OwnCommentOut(), SubmitOut()
list_query, counts_query = ListQuery(), CountsQuery()

# What the author sees of their own comment: a spam verdict is not revealed to its sender.
AUTHOR_STATUS = {"spam": "pending", "reported": "approved"}


def author_view(comment):
    view = own_out.dump(comment)
    view["status"] = AUTHOR_STATUS.get(comment.status, comment.status)
    return view


def _email_rate_key():
    """Per-author limit key: a keyed hash of the email (never the address), else the IP."""
    try:
        data, _form = read_body()
    except (DomainError, HTTPException):
        # 400/413/415: the view answers it. Raising here would make flask-limiter think its
        # storage is down and switch to per-process counters.
        data = {}
    email = data.get("email") if isinstance(data, dict) else None
    if isinstance(email, str) and email.strip():
        return "email:" + email_hash(email)
    # Not "ip:…": that is the per-IP limit's key, and one request would count twice against it.
    return "no-email:" + ip_hash()


@bp.post("/api/v1/threads/<path:key>/comments")
@limiter.limit(lambda: current_app.config["RATELIMIT_POST_IP"], key_func=lambda: "ip:" + ip_hash())
@limiter.limit(lambda: current_app.config["RATELIMIT_POST_EMAIL"], key_func=_email_rate_key)
def create_comment(key):
    key = threads.canonical_key(key)
    data = load_body(comment_in)
    result = comments.submit_comment(key, data, ip_hash=ip_hash(),
                                     user_agent=request.headers.get("User-Agent"))
    body = submit_out.dump({"edit_token": result.edit_token})
    body["comment"] = author_view(result.comment)
    response = jsonify(body)
    response.status_code = 201 if result.published else 202
    response.headers["Location"] = url_for("widget.get_own_comment", comment_id=result.comment.id)
    return response


@bp.get("/api/v1/threads/<path:key>/comments")
def list_comments(key):
    key = threads.canonical_key(key)
    query = load_query(list_query)
    thread, page, next_cursor = comments.list_comments(key, query["limit"], query["cursor"],
                                                       query["order"])
    response = jsonify(page_out.dump({"thread": thread, "comments": page, "next_cursor": next_cursor}))
    # Any change to the page (a new approved comment, an edit) changes the body and so the ETag.
    response.add_etag()
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


@bp.get("/api/v1/comments/<int:comment_id>")
def get_own_comment(comment_id):
    comment = comments.own_comment(comment_id, request.headers.get("X-Edit-Token"))
    response = jsonify({"comment": author_view(comment)})
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/api/v1/counts")
def count_comments():
    query = load(counts_query, {"thread": request.args.getlist("thread")})
    keys = [threads.canonical_key(k) for k in query["thread"]]
    response = jsonify(threads.counts(keys))
    response.headers["Cache-Control"] = "public, max-age=30"
    return response


@bp.get("/api/v1/avatars/<string:digest>.svg")
def avatar(digest):
    return avatars.response(digest)
