"""HTTP matrix: POST (default policy on) and GET (a 200-comment thread in pages of 100) under gunicorn
on loopback, on SQLite and PostgreSQL, plus a ceiling app (a fixed JSON) under the same gunicorn
settings. Loader: wrk (Debian: apt-get install -y wrk) with Lua scripts, bounded by -d and -c; a
bounded Python loader when wrk is missing. Prints req/s and p50/p99 for each.

    .venv/bin/python bench/http_matrix_bench.py                  # both databases, 10 s per run
    .venv/bin/python bench/http_matrix_bench.py --duration 5 --connections 8 --backends sqlite

PostgreSQL: a fresh database on --pg-server (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres)
is created and dropped. Rate limits are off (MAJLIS_RATELIMIT_ENABLED=false), as for any load test.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

from flask import Flask, jsonify

ROOT = Path(__file__).resolve().parent.parent
POST_KEY = "bench/matrix-post"
GET_KEY = "bench/matrix-get"

# The ceiling: the least a Flask app can do per request under the same gunicorn settings.
ceiling = Flask("ceiling")


@ceiling.get("/fixed")
def fixed():
    return jsonify({"comments": [], "next_cursor": None, "thread": {"key": "ceiling", "comment_count": 0}})


POST_LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 1
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  run = args[1] or "run"
  n = 0
end
function request()
  n = n + 1
  local body = string.format(
    '{"name":"قارئ %d","email":"r-%s-%d-%d@example.org","body":"شكراً على هذا التحليل المتوازن، ' ..
    'أتفق مع معظم ما جاء فيه وأتمنى متابعة الموضوع (%s-%d-%d)."}',
    tid, run, tid, n, run, tid, n)
  return wrk.format(nil, "PATH", nil, body)
end
"""

GET_LUA = r"""
local paths = {PATHS}
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(url):
    """Migrate, then post 200 comments to the GET thread through the app (default policy)."""
    sys.path.insert(0, str(ROOT))
    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False, "TASK_QUEUE": "immediate",
                      "LOG_LEVEL": "WARNING", "SECRET_KEY": "bench-matrix"})
    with app.app_context():
        upgrade(revision="heads")
    client = app.test_client()
    made = 0
    for i in range(260):  # the default policy holds or rejects a few: keep going until 200 are published
        r = client.post(f"/api/v1/threads/{GET_KEY}/comments", json={
            "name": f"قارئ {i}", "email": f"get-{i}@example.org",
            "body": f"تعليق رقم {i}: شكراً على المقال، تحليل مفيد ومتوازن للقارئ."})
        made += r.status_code == 201
        if made == 200:
            break
    first = client.get(f"/api/v1/threads/{GET_KEY}/comments?limit=100").get_json()
    with app.app_context():
        db.engine.dispose()
    assert first["thread"]["comment_count"] == 200, first["thread"]
    return first["next_cursor"]


class Gunicorn:
    def __init__(self, target, env, log):
        self.port = free_port()
        self.log = open(log, "w")  # noqa: SIM115
        env = dict(env, MAJLIS_BIND=f"127.0.0.1:{self.port}", MAJLIS_ACCESS_LOG="/dev/null",
                   MAJLIS_GUNICORN_LOG_LEVEL="warning", MAJLIS_LOG_LEVEL="WARNING")
        self.proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"),
                                      target], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as r:  # noqa: S310
                    if r.status in (200, 404):
                        return
            except urllib.error.HTTPError as err:
                if err.code == 404:  # the ceiling app has no /healthz: it answers, so it is up
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn {target} did not start; see {log}")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {}
    for p, value, unit in re.findall(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        pct[p] = float(value) * UNITS[unit]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    total = int(re.search(r"(\d+) requests in", text).group(1))
    return {"rps": rps, "p50": pct.get("50"), "p99": pct.get("99"), "requests": total,
            "non2xx": int(bad.group(1)) if bad else 0, "socket_errors": errors.group(0) if errors else ""}


def run_wrk(port, script, args, duration, connections, threads, tmp):
    path = Path(tmp) / f"s{uuid.uuid4().hex[:6]}.lua"
    path.write_text(script)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
           "-s", str(path), f"http://127.0.0.1:{port}", "--", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=True).stdout  # noqa: S603
    return parse_wrk(out)


def run_python(port, make_request, duration, connections):
    """A bounded fallback loader: `connections` threads for `duration` seconds."""
    import http.client

    stop_at = time.monotonic() + duration
    latencies, bad, lock = [], [0], threading.Lock()

    def worker(w):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n = 0
        while time.monotonic() < stop_at:
            method, path, body = make_request(w, n)
            n += 1
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers={"Content-Type": "application/json"})
                r = conn.getresponse()
                r.read()
                ok = 200 <= r.status < 400
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ok = False
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                bad[0] += not ok

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(connections)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - started
    latencies.sort()
    return {"rps": len(latencies) / took, "p50": latencies[len(latencies) // 2],
            "p99": latencies[int(len(latencies) * 0.99) - 1], "requests": len(latencies), "non2xx": bad[0],
            "socket_errors": ""}


def bench_backend(name, url, args, tmp, results):
    print(f"== {name}: preparing {url.split('@')[-1]}", flush=True)
    cursor = prepare_database(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAJLIS_", "PROMETHEUS_"))}
    env.update({"DATABASE_URL": url, "MAJLIS_RATELIMIT_ENABLED": "false", "MAJLIS_SECRET_KEY": "bench-matrix",
                "MAJLIS_TASK_QUEUE": "immediate", "MAJLIS_WORKERS": str(args.workers),
                "RATELIMIT_STORAGE_URI": "memory://"})
    server = Gunicorn("wsgi:app", env, Path(tmp) / f"{name}.log")
    try:
        post_path = f"/api/v1/threads/{POST_KEY}/comments"
        get_paths = [f"/api/v1/threads/{GET_KEY}/comments?limit=100",
                     f"/api/v1/threads/{GET_KEY}/comments?limit=100&cursor={cursor}"]
        if args.loader == "wrk":
            run = uuid.uuid4().hex[:8]
            results[(name, "POST")] = run_wrk(server.port, POST_LUA.replace("PATH", post_path), [run],
                                              args.duration, args.connections, args.threads, tmp)
            lua_paths = ", ".join(json.dumps(p) for p in get_paths)
            results[(name, "GET")] = run_wrk(server.port, GET_LUA.replace("{PATHS}", "{" + lua_paths + "}"), [],
                                             args.duration, args.connections, args.threads, tmp)
        else:
            run = uuid.uuid4().hex[:8]

            def post(w, n):
                body = json.dumps({"name": f"قارئ {w}", "email": f"r-{run}-{w}-{n}@example.org",
                                   "body": f"شكراً على هذا التحليل المتوازن ({run}-{w}-{n})."}, ensure_ascii=False)
                return "POST", post_path, body.encode()

            results[(name, "POST")] = run_python(server.port, post, args.duration, args.connections)
            results[(name, "GET")] = run_python(server.port, lambda w, n: ("GET", get_paths[n % 2], None),
                                                args.duration, args.connections)
    finally:
        server.stop()
    for method in ("POST", "GET"):
        show(name, method, results[(name, method)])


def show(name, method, r):
    extra = f"  non-2xx {r['non2xx']}" if r["non2xx"] else ""
    print(f"  {name:10s} {method:5s} {r['rps']:8.1f} req/s   p50 {r['p50']:7.2f} ms   p99 {r['p99']:7.2f} ms"
          f"   ({r['requests']} requests){extra} {r['socket_errors']}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-server", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (bounded)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("MAJLIS_WORKERS", "2")))
    parser.add_argument("--loader", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    args = parser.parse_args()
    args.duration = max(1, min(args.duration, 60))
    args.connections = max(1, min(args.connections, 256))
    print(f"loader: {args.loader}; gunicorn workers: {args.workers}; {args.connections} connections, "
          f"{args.duration} s per run; CPUs: {os.cpu_count()}", flush=True)

    results = {}
    with tempfile.TemporaryDirectory(prefix="majlis-matrix-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MAJLIS_", "PROMETHEUS_"))}
        env["MAJLIS_WORKERS"] = str(args.workers)
        server = Gunicorn("bench.http_matrix_bench:ceiling", env, Path(tmp) / "ceiling.log")
        try:
            if args.loader == "wrk":
                results[("ceiling", "GET")] = run_wrk(server.port, GET_LUA.replace("{PATHS}", '{"/fixed"}'), [],
                                                      args.duration, args.connections, args.threads, tmp)
            else:
                results[("ceiling", "GET")] = run_python(server.port, lambda w, n: ("GET", "/fixed", None),
                                                         args.duration, args.connections)
        finally:
            server.stop()
        show("ceiling", "GET", results[("ceiling", "GET")])

        for backend in args.backends.split(","):
            if backend == "sqlite":
                bench_backend("sqlite", f"sqlite:///{Path(tmp) / 'matrix.db'}", args, tmp, results)
            elif backend == "postgresql":
                import sqlalchemy as sa
                from sqlalchemy.engine import make_url

                server_url = make_url(args.pg_server)
                name = f"majlis_matrix_{uuid.uuid4().hex[:8]}"
                admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
                try:
                    bench_backend("postgresql", server_url.set(database=name).render_as_string(hide_password=False),
                                  args, tmp, results)
                finally:
                    with admin.connect() as conn:
                        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    admin.dispose()

    print("\nsummary (req/s, p50 ms, p99 ms):")
    for (name, method), r in results.items():
        print(f"  {name:10s} {method:5s} {r['rps']:8.1f}  {r['p50']:7.2f}  {r['p99']:7.2f}")


if __name__ == "__main__":
    main()
