"""The moderator's desk: server-rendered HTML pages (Arabic, right-to-left first; English switch).

Pages render with Jinja (autoescaped); the desk's own script (static/desk/desk.js, no inline script)
calls the moderators' JSON API for every decision, so the UI and the API share one set of services.
"""
from flask import Blueprint

bp = Blueprint("desk", __name__, url_prefix="/desk")

from app.desk import routes  # noqa: E402,F401  (registers the pages on bp)
