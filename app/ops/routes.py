"""Probes for the load balancer and the scraper.

/healthz: the process answers (no dependencies). /readyz: the database answers and, when rate
limits are stored in Redis, Redis answers; otherwise 503 problem+json naming what is down.
/metrics: Prometheus text format (app.ops.metrics).
"""
import logging

from flask import Response, current_app, jsonify
from flask_babel import lazy_gettext as _l

from app import database
from app.errors import ServiceUnavailable, handle_domain_error
from app.extensions import db, limiter
from app.ops import bp, metrics

log = logging.getLogger(__name__)
NOT_READY = _l("Not ready: a service this instance needs does not answer.")


def _check_database():
    try:
        database.ping()
        db.session.rollback()
        return True
    except Exception as err:  # any failure means not ready; the reason goes to the log only
        log.warning("readiness: database unavailable (%s)", type(err).__name__)
        db.session.rollback()
        return False


def redis_url():
    url = str(current_app.config.get("RATELIMIT_STORAGE_URI") or "")
    return url if url.startswith(("redis://", "rediss://", "redis+")) else None


def _check_redis(url):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        return bool(client.ping())
    except redis.RedisError as err:
        log.warning("readiness: redis unavailable (%s)", type(err).__name__)
        return False
    finally:
        client.close()


@bp.get("/healthz")
@limiter.exempt
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
@limiter.exempt
def readyz():
    checks = {"database": "ok" if _check_database() else "unavailable"}
    url = redis_url()
    if url:
        checks["redis"] = "ok" if _check_redis(url) else "unavailable"
    if all(v == "ok" for v in checks.values()):
        return jsonify({"status": "ok", "checks": checks})
    return handle_domain_error(ServiceUnavailable(NOT_READY, retry_after=5, checks=checks))


@bp.get("/metrics")
@limiter.exempt
def metrics_text():
    return Response(metrics.render(), mimetype="text/plain", content_type=metrics.CONTENT_TYPE)
