"""HTTP benchmark of the public comment API: POST and GET req/s with p50/p99 latency.

Runs the real app under gunicorn on loopback with SQLite in a temporary folder (migrations applied
first with `flask --app wsgi db upgrade`) and rate limits off (MAJLIS_RATELIMIT_ENABLED=false), then
drives it with a bounded loader: a fixed number of requests spread over a few client threads, each
opening a plain http.client connection per request (gunicorn's sync workers close them anyway).

    .venv/bin/python bench/http_bench.py [--workers N] [--clients M] [--posts 1500] [--gets 3000]

The loader shares the machine with the server, so the numbers are a floor, not a ceiling; the
default policy (policies/default.yaml) runs on every POST.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
THREADS = [f"news/2026/bench-{i}" for i in range(20)]
BODY = ("شكراً على هذا المقال المفيد، فقد عرض الكاتب الموضوع بتوازن ووضوح، وأتمنى أن نقرأ المزيد "
        "من التحليلات حول أثر هذه القرارات على الاقتصاد والناس في حياتهم اليومية. ")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(folder):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAJLIS_")}
    env.pop("RATELIMIT_STORAGE_URI", None)
    env.update({
        "DATABASE_URL": f"sqlite:///{(folder / 'bench.db').as_posix()}",
        "MAJLIS_SECRET_KEY": "bench-" + uuid.uuid4().hex,
        "MAJLIS_RATELIMIT_ENABLED": "false",
        "MAJLIS_TASK_QUEUE": f"sqlite:///{(folder / 'tasks.db').as_posix()}",  # not instance/
        "FLASK_APP": "wsgi",
    })
    return env


def wait_until_up(port, process, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            status, _ = request(port, "GET", "/api/v1/counts?thread=warmup")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def request(port, method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, response
    finally:
        conn.close()


def post_job(i):
    tag = uuid.uuid4().hex[:12]
    body = json.dumps({"name": f"قارئ {i}", "email": f"reader-{tag}@example.org",
                       "body": f"{BODY}({tag})"}, ensure_ascii=False).encode()
    return "POST", f"/api/v1/threads/{THREADS[i % len(THREADS)]}/comments", body


def get_job(i):
    order = "newest" if i % 2 else "oldest"
    return "GET", f"/api/v1/threads/{THREADS[i % len(THREADS)]}/comments?limit=50&order={order}", None


def run_phase(port, make_job, total, clients):
    """`total` requests over `clients` threads; returns (seconds, latencies, status counts)."""
    latencies, statuses, lock = [], Counter(), threading.Lock()
    counter = iter(range(total))
    counter_lock = threading.Lock()

    def worker():
        while True:
            with counter_lock:
                i = next(counter, None)
            if i is None:
                return
            method, path, body = make_job(i)
            started = time.perf_counter()
            try:
                status, _ = request(port, method, path, body)
            except OSError as err:
                status = type(err).__name__
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started, latencies, statuses


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(name, seconds, latencies, statuses):
    ms = [v * 1000 for v in latencies]
    line = (f"{name:5} {len(ms):6d} req in {seconds:6.2f}s  {len(ms) / seconds:8.1f} req/s  "
            f"p50 {statistics.median(ms):7.1f} ms  p99 {percentile(ms, 99):7.1f} ms  "
            f"statuses {dict(sorted(statuses.items(), key=str))}")
    print(line, flush=True)
    return {"requests": len(ms), "seconds": round(seconds, 3), "rps": round(len(ms) / seconds, 1),
            "p50_ms": round(statistics.median(ms), 2), "p99_ms": round(percentile(ms, 99), 2),
            "statuses": {str(k): v for k, v in statuses.items()}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--clients", type=int, help="loader threads (default: 2 per worker)")
    parser.add_argument("--posts", type=int, default=1500)
    parser.add_argument("--gets", type=int, default=3000)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    args.clients = args.clients or 2 * args.workers

    folder = Path(tempfile.mkdtemp(prefix="majlis-http-bench-"))
    env = server_env(folder)
    port = free_port()
    server = server_log = None
    try:
        subprocess.run([str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # ./gunicorn.conf.py (the project's production settings) applies; these flags override it.
        # The server's logs go to a file: the access log is written, as in production.
        server_log = (folder / "server.log").open("wb")
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--workers", str(args.workers), "--threads", "1",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
             "--access-logfile", str(folder / "access.log"), "wsgi:app"],
            cwd=ROOT, env=env, start_new_session=True, stdout=server_log, stderr=subprocess.STDOUT)
        wait_until_up(port, server)
        print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{port}; loader: {args.clients} "
              f"threads (http.client); SQLite in {folder}; rate limits off", flush=True)
        # Warm-up: every worker imports, compiles the policy and opens its database connection.
        run_phase(port, post_job, args.workers * 4, args.clients)
        run_phase(port, get_job, args.workers * 8, args.clients)

        results = {"POST": report("POST", *run_phase(port, post_job, args.posts, args.clients)),
                   "GET": report("GET", *run_phase(port, get_job, args.gets, args.clients))}
        if args.json:
            Path(args.json).write_text(json.dumps({"workers": args.workers, "clients": args.clients,
                                                   **results}, indent=2))
        failed = sum(n for r in results.values() for s, n in r["statuses"].items()
                     if s not in ("200", "201", "202"))
        if failed:
            print((folder / "server.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        return 1 if failed else 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if server_log is not None:
            server_log.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
