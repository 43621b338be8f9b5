"""A million comments: median times of the reads that must stay fast, with their query plans.

    .venv/bin/python bench/scale_bench.py --database-url sqlite:////tmp/majlis-scale.db
    .venv/bin/python bench/scale_bench.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/majlis_scale

The database is migrated and, when it has no `seed/big` thread yet, seeded with
`flask dev seed` (--comments 1000000 --threads 10000, the big thread holding 100,000). Then, through
the app in-process (routing, queries, serialization; no socket):

- a page of 100 comments of the 100k-comment thread (first page, and a page from its middle);
- GET /api/v1/counts for 20 threads;
- the first page of the moderation queue (GET /api/v1/moderation/queue, 25 items, oldest first),
  which also counts the queue by status, and the same sorted by severity;
- /healthz, which touches no database: how fast the machine is during this run;

each timed --repeat times in rounds, one request per case per round (median, p90), target ≤ 20 ms.
The SQL each request ran is captured and its plan printed (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
on PostgreSQL), to show the indexes used.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402

TARGET_MS = 20.0


def make_app(url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False, "LOG_LEVEL": "WARNING",
                      "TASK_QUEUE": "immediate", "ARGON2_PROFILE": "CHEAPEST"})
    with app.app_context():
        upgrade(revision="heads")
    return app


def ensure_seeded(app, comments, threads, big):
    from app.commands.dev import seed
    from app.models import Thread

    with app.app_context():
        if db.session.scalar(sa.select(Thread.id).where(Thread.key == "seed/big")) is None:
            print(f"seeding {comments:,} comments / {threads:,} threads …", flush=True)
            seconds = seed(comments, threads, big, echo=lambda m: print(m, flush=True))
            print(f"seeded in {seconds:.1f} s", flush=True)
        total = db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("comment")))
        big_n = db.session.scalar(sa.text(
            "SELECT count(*) FROM comment c JOIN thread t ON t.id = c.thread_id WHERE t.key = 'seed/big'"))
        print(f"database: {total:,} comments; seed/big holds {big_n:,}", flush=True)


def moderator_token(app):
    from app.models import Role
    from app.services import accounts

    with app.app_context():
        account = accounts.find_by_email("bench-admin@example.org")
        if account is None:
            account = accounts.create_account(None, email="bench-admin@example.org", display_name="bench",
                                              password="bench-password-long-enough", role=Role.ADMIN)
        token, _row = accounts.issue_token(account)
        return token


class Capture:
    """The SQL statements (with parameters) one request ran."""

    def __init__(self, engine):
        self.engine, self.statements = engine, []

    def __enter__(self):
        sa.event.listen(self.engine, "before_cursor_execute", self.record)
        return self

    def __exit__(self, *exc):
        sa.event.remove(self.engine, "before_cursor_execute", self.record)

    def record(self, _conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, parameters))


def explain(app, statements):
    with app.app_context():
        engine = db.engine
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            cursor = raw.cursor()
            seen = set()
            for statement, params in statements:
                if "FROM" not in statement.upper() or "sqlite_master" in statement or statement in seen:
                    continue
                seen.add(statement)  # the same query for each item (author history) is shown once
                print("    SQL:", " ".join(statement.split())[:220])
                prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
                cursor.execute(prefix + statement, params)
                for row in cursor.fetchall():
                    print("      ", row[-1] if engine.dialect.name == "sqlite" else row[0])
            cursor.close()
            conn.rollback()


def get(client, path, headers):
    started = time.perf_counter()
    response = client.get(path, headers=headers)
    assert response.status_code == 200, (path, response.status_code, response.get_data(as_text=True)[:300])
    return (time.perf_counter() - started) * 1000


def timed_rounds(client, cases, repeat):
    """{case name: sorted samples}, taken in rounds (one request per case per round), so a slow
    spell of a shared machine lands on every case alike instead of on whichever ran then."""
    samples = {name: [] for name, _path, _headers in cases}
    for _name, path, headers in cases:
        get(client, path, headers)  # warm caches
    for _ in range(repeat):
        for name, path, headers in cases:
            samples[name].append(get(client, path, headers))
    return {name: sorted(values) for name, values in samples.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or "sqlite:////tmp/majlis-scale.db")
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--no-explain", action="store_true")
    args = parser.parse_args()

    app = make_app(args.database_url)
    with app.app_context():
        dialect = db.engine.dialect.name
    print(f"== scale benchmark on {dialect}", flush=True)
    ensure_seeded(app, args.comments, args.threads, args.big)
    token = moderator_token(app)
    client = app.test_client()

    first = client.get("/api/v1/threads/seed/big/comments?limit=100").get_json()
    # A page from the middle of the thread: follow cursors 500 pages in (50,000 comments).
    cursor = first["next_cursor"]
    for _ in range(10):
        page = client.get(f"/api/v1/threads/seed/big/comments?limit=100&cursor={cursor}").get_json()
        cursor = page["next_cursor"]
    keys = "&".join(f"thread=seed/thread-{i:05d}" for i in range(1, 20)) + "&thread=seed/big"
    auth = {"Authorization": f"Bearer {token}"}
    cases = [
        ("baseline: /healthz (no database)", "/healthz", {}),  # how fast the machine is right now
        ("thread page 1 (100 of the 100k thread)", "/api/v1/threads/seed/big/comments?limit=100", {}),
        ("thread page deep (cursor)", f"/api/v1/threads/seed/big/comments?limit=100&cursor={cursor}", {}),
        ("thread page newest first", "/api/v1/threads/seed/big/comments?limit=100&order=newest", {}),
        ("counts (20 threads)", f"/api/v1/counts?{keys}", {}),
        ("moderation queue page 1", "/api/v1/moderation/queue?status=pending&sort=oldest", auth),
        ("moderation queue by severity", "/api/v1/moderation/queue?status=pending&sort=severity", auth),
    ]
    results = []
    samples = timed_rounds(client, cases, args.repeat)
    for name, path, headers in cases:
        values = samples[name]
        median, p90 = statistics.median(values), values[int(len(values) * 0.9) - 1]
        ok = "ok" if median <= TARGET_MS else "OVER"
        results.append((name, median, p90, ok))
        print(f"{name:42s} median {median:7.2f} ms   p90 {p90:7.2f} ms   [{ok}]", flush=True)
        if not args.no_explain:
            with app.app_context():
                engine = db.engine
            with Capture(engine) as cap:
                client.get(path, headers=headers)
            explain(app, cap.statements)
    print("\nsummary (" + dialect + "):")
    for name, median, p90, ok in results:
        print(f"  {name:42s} {median:7.2f} ms (p90 {p90:.2f})  {ok}")


if __name__ == "__main__":
    main()
