"""Readers' reports: POST /api/v1/comments/<id>/report {reason}, rate limited per IP."""
from flask import current_app, jsonify

from app.client import ip_hash
from app.extensions import limiter
from app.request_body import load_body
from app.services import reports
from app.widget import bp
from app.widget.schemas import ReportIn

report_in = ReportIn()


@bp.post("/api/v1/comments/<int:comment_id>/report")
@limiter.limit(lambda: current_app.config["RATELIMIT_REPORT_IP"], key_func=lambda: "report-ip:" + ip_hash())
def report_comment(comment_id):
    data = load_body(report_in)
    reports.report(comment_id, data["reason"], ip_hash())
    response = jsonify({"received": True})
    response.status_code = 202
    response.headers["Cache-Control"] = "no-store"
    return response
