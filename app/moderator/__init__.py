"""The moderators' API: sign-in and tokens, the queue, decisions, claims, the audit log, accounts."""
from flask import Blueprint

bp = Blueprint("moderator", __name__)

from app.moderator import controls_routes, routes  # noqa: E402,F401  (registers the views; controls: issue 6)
