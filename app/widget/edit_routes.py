"""The author's edit window: PATCH and DELETE /api/v1/comments/<id> with the X-Edit-Token header."""
from flask import current_app, jsonify, request

from app.client import ip_hash
from app.extensions import limiter
from app.request_body import load_body
from app.services import editing
from app.widget import bp
from app.widget.routes import author_view
from app.widget.schemas import CommentEditIn

edit_in = CommentEditIn()


def _ip_limit():
    return current_app.config["RATELIMIT_POST_IP"]


def _ip_key():
    return "edit-ip:" + ip_hash()  # a keyed hash, never the address, as for posting


@bp.patch("/api/v1/comments/<int:comment_id>")
@limiter.limit(_ip_limit, key_func=_ip_key)
def edit_comment(comment_id):
    data = load_body(edit_in)
    comment = editing.edit_comment(comment_id, request.headers.get("X-Edit-Token"), data)
    view = author_view(comment)
    response = jsonify({"comment": view})
    response.status_code = 200 if view["status"] == "approved" else 202
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.delete("/api/v1/comments/<int:comment_id>")
@limiter.limit(_ip_limit, key_func=_ip_key)
def delete_comment(comment_id):
    editing.delete_comment(comment_id, request.headers.get("X-Edit-Token"))
    return "", 204
