"""The public API the embedded comment widget calls."""
from flask import Blueprint

bp = Blueprint("widget", __name__)

from app.widget import (  # noqa: E402,F401  (edit window; no-JavaScript fallback)
    edit_routes,
    nojs,
    report_routes,  # readers' reports (issue 6)
    routes,  # noqa: E402,F401  (registers the views on bp)
)
