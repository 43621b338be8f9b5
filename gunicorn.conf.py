"""gunicorn settings for `make serve` (and the scale test and HTTP benchmark).

Environment:
- MAJLIS_WORKERS (default 2): worker processes; MAJLIS_THREADS (default 1) threads per worker.
- MAJLIS_BIND (default 127.0.0.1:8000).
- DATABASE_URL, RATELIMIT_STORAGE_URI and every MAJLIS_* setting are read by the app itself.

Connection pools are per worker process: each holds at most MAJLIS_DB_POOL_SIZE (5) +
MAJLIS_DB_MAX_OVERFLOW (5) PostgreSQL connections, waits MAJLIS_DB_POOL_TIMEOUT (5 s) for one, then
answers 503; so PostgreSQL's max_connections must exceed workers x 10 x instances (+ the task worker).

The access log is one JSON line per request without the client's address: it carries the HMAC of the
IP computed by the app (`ip_hash`, or nothing) and the request id the app put on the response.
Metrics: PROMETHEUS_MULTIPROC_DIR is set here (a fresh folder per master) before any worker imports
the app, so /metrics adds up every worker.
"""
import json
import os
import shutil
import tempfile
import time

from gunicorn.glogging import Logger

bind = os.environ.get("MAJLIS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("MAJLIS_WORKERS", "2"))
threads = int(os.environ.get("MAJLIS_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("MAJLIS_WORKER_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
preload_app = False  # each worker builds its own app (and its own connection pool) after the fork
accesslog = os.environ.get("MAJLIS_ACCESS_LOG", "-")  # "-" is stderr beside the app's JSON logs
errorlog = "-"
loglevel = os.environ.get("MAJLIS_GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = "127.0.0.1"  # X-Forwarded-* is judged by the app (MAJLIS_TRUSTED_PROXIES)

if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="majlis-metrics-")


class MajlisLogger(Logger):
    """gunicorn's logger with a JSON access line that never holds the client's IP address."""

    def access(self, resp, req, environ, request_time):
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.logconfig_dict or self.cfg.syslog):
            return
        try:
            self.access_log.info(access_line(resp, req, environ, request_time))
        except Exception:
            self.error(f"failed to log the access line of {req.method} request")


def access_line(resp, req, environ, request_time):
    """The JSON access line: method, path (no query string: it may hold an email), status …"""
    status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
    headers = {k.lower(): v for k, v in (resp.headers or [])}
    entry = {
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z",
        "level": "info",
        "logger": "gunicorn.access",
        "method": req.method,
        "path": environ.get("PATH_INFO", ""),
        "status": int(status),
        "bytes": getattr(resp, "sent", None),
        "duration_ms": round(request_time.total_seconds() * 1000, 2),
        "request_id": headers.get("x-request-id") or environ.get("majlis.request_id"),
        "ip_hash": environ.get("majlis.ip_hash"),  # the app's HMAC of the IP, or nothing
    }
    return json.dumps(entry, ensure_ascii=False)


logger_class = MajlisLogger


def on_starting(server):
    folder = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):  # stale files of an earlier run would add up
        os.remove(os.path.join(folder, name))


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    if os.path.basename(folder).startswith("majlis-metrics-"):
        shutil.rmtree(folder, ignore_errors=True)
