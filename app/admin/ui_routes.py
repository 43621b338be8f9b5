"""The policy editor's page: one HTML shell (Arabic, right to left; English on request) whose script
talks to the API with the signed-in session. Nothing secret is rendered here; the API checks roles."""
from flask import render_template

from app.admin import bp
from app.security_headers import HEADERS


@bp.get("/editor")
@bp.get("/editor/")
def editor_page():
    return render_template("admin/editor.html"), 200, {**HEADERS, "Cache-Control": "no-store"}
