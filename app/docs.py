"""The OpenAPI document and a browsable page of it (no external CDN)."""
from flask import Blueprint, jsonify, render_template

from app.openapi import build_spec

bp = Blueprint("docs", __name__)


@bp.get("/api/v1/openapi.json")
def openapi_document():
    return jsonify(build_spec())


@bp.get("/api/docs")
def api_docs():
    return render_template("api_docs.html", spec=build_spec())
