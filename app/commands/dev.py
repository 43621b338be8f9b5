"""`flask dev seed --comments 1000000 --threads 10000`: a large realistic database, in minutes.

Bulk inserts, not the ORM: PostgreSQL gets COPY, SQLite one executemany per chunk inside its own
transaction (with synchronous=OFF for the load only). Thread `seed/big` holds --big comments
(100,000 by default); the rest spread evenly over the other threads. About 90 % are approved, the rest
pending (with a decision carrying hits, as the queue expects), rejected or spam; one in ten is a reply.
Thread counts are set to the approved numbers, and the tables are ANALYZEd at the end.
"""
import hashlib
import json
import random
import time
from datetime import timedelta

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from app import sanitize
from app.client import keyed_hash
from app.clock import now
from app.extensions import db
from app.models import Comment, Thread
from app.models.comments import severity_of

dev_cli = AppGroup("dev", help="Development helpers (large test databases).")

BODIES = [
    "شكراً على هذا المقال، تحليل متوازن ومفيد للقارئ العربي.",
    "أتفق مع الكاتب في معظم ما قاله، لكن الأرقام تحتاج إلى مصدر.",
    "مقال ممتاز، نتمنى المزيد من التغطية الميدانية لهذا الموضوع.",
    "هل يمكن نشر رابط التقرير الأصلي؟ أود الاطلاع على التفاصيل.",
    "الموضوع مهم جداً ويستحق نقاشاً أوسع في البرلمان.",
    "أختلف مع الاستنتاج الأخير، فالتجربة في بلدان أخرى مختلفة.",
    "تغطية رائعة، شكراً لفريق التحرير على الجهد المبذول.",
    "أرجو تصحيح التاريخ الوارد في الفقرة الثالثة.",
    "Thanks for the clear reporting; the chart helps a lot.",
    "ما زلنا ننتظر رد الوزارة على هذه الأسئلة منذ شهور.",
]
NAMES = ["أحمد", "فاطمة", "خالد", "مريم", "يوسف", "ليلى", "عمر", "نور", "سامي", "هدى", "Karim", "Dana"]
STATUSES = ["approved"] * 90 + ["pending"] * 5 + ["rejected"] * 3 + ["spam"] * 2
COLUMNS = ["id", "thread_id", "parent_id", "depth", "name", "email", "email_hash", "website", "body",
           "body_html", "body_fingerprint", "status", "created_at", "updated_at", "edited_at", "ip_hash",
           "user_agent", "decision", "edit_token_hash", "severity"]
DECISIONS = {
    "approved": None,
    "pending": {"outcome": "hold", "score": 3, "thresholds": {"hold": 3, "reject": 10},
                "policy": {"id": "default", "version": 1},
                "hits": [{"rule": "links.many", "category": "spam", "score": 3, "field": "body", "start": 0,
                          "end": 5, "text": "", "term": "", "steps": []}]},
    "rejected": {"outcome": "reject", "score": 0, "thresholds": {"hold": 3, "reject": 10},
                 "policy": {"id": "default", "version": 1},
                 "hits": [{"rule": "insult.words", "category": "insult", "action": "reject", "field": "body",
                           "start": 0, "end": 4, "text": "", "term": "", "steps": []}]},
}
DECISIONS["spam"] = DECISIONS["rejected"]
# Held by a hold rule rather than by score: these come first in the queue's severity order.
HELD_BY_RULE = {"outcome": "hold", "score": 0, "thresholds": {"hold": 3, "reject": 10},
                "policy": {"id": "default", "version": 1},
                "hits": [{"rule": "insult.plain", "category": "insult", "action": "hold", "field": "body",
                          "start": 0, "end": 4, "text": "", "term": "", "steps": []}]}


def _thread_plan(rng, comments, threads, big):
    """A shuffled list: the thread index of each comment (index 0 is the big thread)."""
    big = min(big, comments)
    plan = [0] * big
    rest = comments - big
    others = max(threads - 1, 1)
    plan += [1 + (i % others) for i in range(rest)]
    rng.shuffle(plan)
    return plan


def _rows(plan, thread_ids, first_id, start, rng, authors, bodies, approved):
    """Yield comment tuples in id order, counting approved ones per thread into `approved`."""
    last_approved = {}
    step = timedelta(days=365) / max(len(plan), 1)
    for n, t in enumerate(plan):
        cid = first_id + n
        status = STATUSES[rng.randrange(100)]
        thread_id = thread_ids[t]
        parent = last_approved.get(thread_id) if rng.random() < 0.1 else None
        name, email, e_hash = authors[rng.randrange(len(authors))]
        body, body_html = bodies[n % len(bodies)]
        stamp = start + step * n
        decision = HELD_BY_RULE if status == "pending" and rng.random() < 0.3 else DECISIONS[status]
        yield (cid, thread_id, parent, 1 if parent else 0, name, email, e_hash, None, body, body_html,
               hashlib.sha256(f"{body}{cid}".encode()).hexdigest(), status, stamp, stamp, None,
               None, "seed", json.dumps(decision, ensure_ascii=False) if decision else None, None,
               severity_of(decision))
        if status == "approved":
            approved[t] += 1
            last_approved[thread_id] = cid


def _insert_threads(prefix, threads, stamp):
    keys = [f"{prefix}/big"] + [f"{prefix}/thread-{i:05d}" for i in range(1, threads)]
    if db.session.scalar(sa.select(sa.func.count()).select_from(Thread).where(Thread.key.in_(keys[:1]))):
        raise click.ClickException(f"{keys[0]} exists already: seed into an empty database "
                                   "(or use another --prefix)")
    for i in range(0, len(keys), 5000):
        db.session.execute(sa.insert(Thread), [
            {"key": k, "title": f"مقال {k}", "url": None, "closed": False, "comment_count": 0,
             "created_at": stamp} for k in keys[i:i + 5000]])
    db.session.commit()
    found = dict(db.session.execute(sa.select(Thread.key, Thread.id).where(Thread.key.like(f"{prefix}/%"))).all())
    return [found[k] for k in keys]


def _load_postgresql(raw, rows, chunk, report):
    cursor = raw.driver_connection.cursor()
    copy_sql = f"COPY comment ({', '.join(COLUMNS)}) FROM STDIN"
    done, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            _copy(cursor, copy_sql, batch)
            raw.driver_connection.commit()
            done += len(batch)
            batch = []
            report(done)
    if batch:
        _copy(cursor, copy_sql, batch)
        raw.driver_connection.commit()
        report(done + len(batch))
    cursor.execute("SELECT setval(pg_get_serial_sequence('comment', 'id'), (SELECT max(id) FROM comment))")
    raw.driver_connection.commit()


def _copy(cursor, sql, batch):
    with cursor.copy(sql) as copy:
        for row in batch:
            copy.write_row(row)


def _load_sqlite(raw, rows, chunk, report):
    cursor = raw.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    insert = f"INSERT INTO comment ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"  # noqa: S608
    done, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            cursor.execute("BEGIN")
            cursor.executemany(insert, batch)
            cursor.execute("COMMIT")
            done += len(batch)
            batch = []
            report(done)
    if batch:
        cursor.execute("BEGIN")
        cursor.executemany(insert, batch)
        cursor.execute("COMMIT")
        report(done + len(batch))
    cursor.execute("PRAGMA synchronous=NORMAL")


def seed(comments, threads, big, prefix="seed", chunk=20000, random_seed=42, echo=print):
    """Insert `threads` threads and `comments` comments; returns seconds taken."""
    started = time.perf_counter()
    rng = random.Random(random_seed)
    stamp = now()
    thread_ids = _insert_threads(prefix, threads, stamp)
    authors = []
    for i in range(20000):
        email = f"reader{i}@example.org"
        authors.append((f"{NAMES[i % len(NAMES)]} {i}", email, keyed_hash(email, "email")))
    bodies = [(b, sanitize.clean(b)) for b in BODIES]
    first_id = (db.session.scalar(sa.select(sa.func.max(Comment.id))) or 0) + 1
    db.session.commit()
    plan = _thread_plan(rng, comments, threads, big)
    approved = [0] * len(thread_ids)
    rows = _rows(plan, thread_ids, first_id, stamp - timedelta(days=366), rng, authors, bodies, approved)
    dialect = db.engine.dialect.name
    last = [time.perf_counter()]

    def report(done):
        if time.perf_counter() - last[0] > 10 or done == comments:
            last[0] = time.perf_counter()
            echo(f"  {done:,} comments ({time.perf_counter() - started:.0f} s)")

    raw = db.engine.raw_connection()
    try:
        if dialect == "postgresql":
            _load_postgresql(raw, rows, chunk, report)
        else:
            _load_sqlite(raw, rows, chunk, report)
    finally:
        raw.close()
    table = Thread.__table__
    db.session.connection().execute(table.update().where(table.c.id == sa.bindparam("tid")).values(
        comment_count=sa.bindparam("n")), [{"tid": tid, "n": approved[i]} for i, tid in enumerate(thread_ids)])
    db.session.commit()
    if dialect == "postgresql":  # fresh statistics, so the planner sees the new sizes
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE comment")
            conn.exec_driver_sql("VACUUM ANALYZE thread")
    else:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return time.perf_counter() - started


@dev_cli.command("seed")
@click.option("--comments", default=1_000_000, show_default=True)
@click.option("--threads", default=10_000, show_default=True)
@click.option("--big", default=100_000, show_default=True, help="Comments in the thread <prefix>/big.")
@click.option("--prefix", default="seed", show_default=True, help="Thread keys are <prefix>/…")
@click.option("--chunk", default=20_000, show_default=True)
def seed_command(comments, threads, big, prefix, chunk):
    """Bulk-insert a large database (threads, comments) for benchmarks."""
    if threads < 2:
        raise click.BadParameter("at least 2 threads", param_hint="--threads")
    click.echo(f"seeding {comments:,} comments in {threads:,} threads ({prefix}/big: {min(big, comments):,}) "
               f"into {db.engine.url.render_as_string(hide_password=True)}")
    seconds = seed(comments, threads, big, prefix=prefix, chunk=chunk, echo=click.echo)
    click.echo(f"done in {seconds:.1f} s")
