"""Operations: /healthz, /readyz and /metrics, request timing, the rate limiter's fallback count."""
from flask import Blueprint

bp = Blueprint("ops", __name__)

from app.ops import routes  # noqa: E402,F401  (registers the views on bp)


def init_app(app):
    from app.ops import metrics

    app.register_blueprint(bp)
    metrics.init_app(app)
