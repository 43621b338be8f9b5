"""Threads: canonical keys, lookup, creation on the first comment or ahead of it."""
import re
import unicodedata
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from app.clock import now
from app.errors import InvalidThreadKey
from app.extensions import db
from app.models import Thread

KEY_MAX = 200
_SEGMENT_CHARS = re.compile(r"[\w\-.]+")  # \w: Unicode letters and digits (and _); fullmatch: no "\n"


def canonical_key(raw):
    """The article's slug or path, trimmed of '/', checked; anything else is InvalidThreadKey."""
    key = unicodedata.normalize("NFC", raw or "").strip("/")
    segments = key.split("/")
    if not key or len(key) > KEY_MAX or any(
            seg in ("", ".", "..") or not _SEGMENT_CHARS.fullmatch(seg) for seg in segments):
        raise InvalidThreadKey()
    return key


def origin_allowed(url):
    parts = urlsplit(url or "")
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return parts.scheme in ("http", "https") and origin in {
        o.lower() for o in current_app.config["ALLOWED_ORIGINS"]}


def find(key):
    return db.session.scalar(sa.select(Thread).where(Thread.key == key))


def get_or_create(key, url=None, title=None):
    """The thread for a key, created on first use; url/title kept only from an allowed origin."""
    thread = find(key)
    if thread is None:
        thread = Thread(key=key, closed=False, comment_count=0, created_at=now())
        try:
            with db.session.begin_nested():  # two first comments at once: one insert wins
                db.session.add(thread)
        except IntegrityError:
            thread = find(key)
    if url and thread.url is None and origin_allowed(url):
        thread.url, thread.title = url, title or thread.title
    return thread


def register(key, url=None, title=None, closed=False):
    """Register a thread ahead of its first comment (an editor or the CLI); trusted input."""
    thread = find(key) or Thread(key=key, comment_count=0, created_at=now())
    thread.url, thread.title, thread.closed = url, title, closed
    db.session.add(thread)
    db.session.commit()
    return thread


def counts(keys):
    rows = db.session.execute(sa.select(Thread.key, Thread.comment_count).where(Thread.key.in_(keys)))
    found = dict(rows.all())
    return {key: found.get(key, 0) for key in keys}
