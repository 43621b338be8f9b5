"""Prometheus metrics, correct under several gunicorn workers.

Per-process measurements (request latency, rule evaluation time, rate-limiter fallbacks, database
faults) use prometheus_client; under gunicorn, gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR before
any worker imports this module, and /metrics merges every worker's files (MultiProcessCollector).
Counts that must agree across instances (comments by status, the moderation queue by status) are
read from the database at scrape time, so every instance reports the same numbers.
"""
import logging
import os
import time

import sqlalchemy as sa
from flask import g, request
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
RULE_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25)
QUEUE_STATUSES = ("pending", "reported")

REQUEST_LATENCY = Histogram(
    "majlis_http_request_duration_seconds", "Time to answer an HTTP request, by route.",
    ["method", "endpoint", "status"], buckets=LATENCY_BUCKETS)
RULE_EVALUATION = Histogram(
    "majlis_rule_evaluation_seconds", "Time the rule engine took to decide one submission.",
    buckets=RULE_BUCKETS)
SUBMISSIONS = Counter(
    "majlis_comment_submissions_total", "Comment submissions answered by this service, by outcome.",
    ["outcome"])
RATELIMIT_FALLBACK = Counter(
    "majlis_ratelimit_fallback_total",
    "Times the rate limiter lost its storage (Redis) and fell back to per-process in-memory limits.")
RATELIMIT_RECOVERED = Counter(
    "majlis_ratelimit_storage_recovered_total", "Times the rate limiter's storage came back.")
DB_FAULTS = Counter(
    "majlis_database_unavailable_total", "Requests answered 503 because of the database, by kind.",
    ["kind"])

log = logging.getLogger(__name__)


class rule_timer:  # noqa: N801  (used as `with rule_timer():`)
    """Times one rule-engine evaluation into majlis_rule_evaluation_seconds."""

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        RULE_EVALUATION.observe(time.perf_counter() - self.started)
        return False


def observe_rule_evaluation(seconds):
    RULE_EVALUATION.observe(seconds)


class DatabaseCollector:
    """Gauges read from the database when /metrics is scraped (the same on every instance)."""

    def collect(self):
        from app.extensions import db
        from app.models import Comment

        rows = dict(db.session.execute(
            sa.select(Comment.status, sa.func.count()).group_by(Comment.status)).all())
        comments = GaugeMetricFamily("majlis_comments", "Stored comments by status (from the database).",
                                     labels=["status"])
        for status in ("approved", "pending", "reported", "rejected", "spam", "deleted"):
            comments.add_metric([status], rows.get(status, 0))
        yield comments
        queue = GaugeMetricFamily("majlis_moderation_queue_depth",
                                  "Comments waiting for a moderator, by status.", labels=["status"])
        for status in QUEUE_STATUSES:
            queue.add_metric([status], rows.get(status, 0))
        yield queue


def multiprocess_dir():
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def render():
    """The exposition text: this process (or every worker's files) plus the database gauges."""
    if multiprocess_dir():
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    database = CollectorRegistry(auto_describe=False)
    database.register(DatabaseCollector())
    return generate_latest(registry) + generate_latest(database)


def _start():
    g.metrics_started = time.perf_counter()


def _observe(response):
    started = getattr(g, "metrics_started", None)
    endpoint = request.endpoint or "unmatched"
    if started is not None and endpoint != "ops.metrics_text":
        REQUEST_LATENCY.labels(request.method, endpoint, str(response.status_code)).observe(
            time.perf_counter() - started)
    if endpoint == "widget.create_comment":
        outcome = _outcome(response)
        if outcome:
            SUBMISSIONS.labels(outcome).inc()
    return response


def _outcome(response):
    if response.status_code in (201, 202):
        return "approve" if response.status_code == 201 else "hold"
    if response.status_code == 422:
        body = response.get_json(force=True, silent=True) or {}
        return "reject" if body.get("code") == "policy_violation" else "invalid"
    if response.status_code == 429:
        return "rate_limited"
    if response.status_code == 409:
        return "duplicate"
    return None


class LimiterFallbackCounter(logging.Handler):
    """Counts flask-limiter's own 'falling back' / 'recovered' messages (its only signal)."""

    majlis = True

    def emit(self, record):
        text = record.getMessage()
        if "falling back to in-memory" in text:
            RATELIMIT_FALLBACK.inc()
        elif "storage recovered" in text:
            RATELIMIT_RECOVERED.inc()


def watch_limiter():
    limiter_log = logging.getLogger("flask-limiter")
    if not any(isinstance(h, LimiterFallbackCounter) for h in limiter_log.handlers):
        limiter_log.addHandler(LimiterFallbackCounter())
    if limiter_log.level == logging.NOTSET or limiter_log.level > logging.INFO:
        limiter_log.setLevel(logging.INFO)  # the recovery message is INFO


def init_app(app):
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_observe)
    watch_limiter()
