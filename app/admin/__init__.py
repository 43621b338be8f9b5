"""The policy editor: its API (versions, drafts, the Test box, backtests, publish, rollback) and the
editors' pages."""
from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import routes, ui_routes  # noqa: E402,F401  (registers the views on bp)
