"""Services behind the public comment API, with the app and a real database but no HTTP."""
from datetime import datetime

import pytest
import sqlalchemy as sa

from app import sanitize
from app.errors import DuplicateComment, InvalidThreadKey, PolicyViolation, ThreadClosed, ValidationFailed
from app.extensions import db
from app.models import Comment, Status, Thread
from app.services import avatars, comments, threads
from app.services.pagination import decode_cursor, encode_cursor


@pytest.fixture
def ctx(app):
    with app.test_request_context():  # submit_comment reads the reader's language for violations
        yield app


def data(**fields):
    base = {"name": "قارئ", "email": "reader@example.org", "website": None, "body": "تعليق مفيد",
            "parent_id": None, "remember": False, "thread_url": None, "thread_title": None, "homepage": ""}
    base.update(fields)
    return base


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


# ------------------------------------------------------------------ submit_comment


def test_submit_stores_one_row_and_counts_it(ctx):
    result = comments.submit_comment("news/s1", data(), ip_hash="h" * 64, user_agent="UA/1.0")
    assert result.published and result.edit_token
    comment = result.comment
    assert comment.status == Status.APPROVED and comment.thread.comment_count == 1
    assert comment.body_html == "<p>تعليق مفيد</p>"
    assert comment.ip_hash == "h" * 64 and comment.user_agent == "UA/1.0"
    assert comment.edit_token_hash == comments.token_hash(result.edit_token) != result.edit_token
    assert count(Comment) == 1 and count(Thread) == 1


def test_submit_rejected_stores_then_raises(ctx):
    with pytest.raises(PolicyViolation) as raised:
        comments.submit_comment("news/s2", data(body="باذنجان"))
    assert raised.value.extra["violations"] == [{"category": "insult", "term": "الابتعاد عن الشتائم"}]
    row = db.session.scalars(sa.select(Comment)).one()
    assert row.status == Status.REJECTED and row.decision["outcome"] == "reject"
    assert row.thread.comment_count == 0


def test_submit_duplicate_raises(ctx):
    comments.submit_comment("news/s3", data(body="نفس  النص"))
    with pytest.raises(DuplicateComment):
        comments.submit_comment("news/s3", data(body=" نفس النص ", email="READER@example.org"))


def test_submit_to_closed_thread_raises(ctx):
    threads.register("news/closed", closed=True)
    with pytest.raises(ThreadClosed):
        comments.submit_comment("news/closed", data())


def test_submit_bad_parent_raises(ctx):
    with pytest.raises(ValidationFailed):
        comments.submit_comment("news/s4", data(parent_id=12345))


def test_submit_uses_the_injected_clock(ctx, clock):
    clock.advance(days=3, minutes=7)
    comment = comments.submit_comment("news/s5", data()).comment
    assert comment.created_at == comment.updated_at == datetime(2026, 12, 2, 9, 7)


def test_fingerprint_folds_whitespace_and_case():
    assert comments.fingerprint("Hello   World\n") == comments.fingerprint(" hello world")
    assert comments.fingerprint("مرحبا بكم") != comments.fingerprint("مرحبابكم")


@pytest.mark.parametrize("old, new, delta", [
    (Status.PENDING, Status.APPROVED, 1), (Status.APPROVED, Status.REJECTED, -1),
    (Status.APPROVED, Status.APPROVED, 0), (Status.SPAM, Status.DELETED, 0), (Status.APPROVED, Status.DELETED, -1),
])
def test_change_status_keeps_the_count(ctx, old, new, delta):
    comments.submit_comment("news/s6", data(body="أول"))
    comment = comments.submit_comment("news/s6", data(body="ثان")).comment
    comments.change_status(comment, old)
    db.session.commit()
    before = db.session.get(Thread, comment.thread_id).comment_count
    comments.change_status(comment, new)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Thread, comment.thread_id).comment_count == before + delta


def test_list_comments_pages(ctx, clock):
    for i in range(5):
        clock.advance(seconds=i % 2)
        comments.submit_comment("news/s7", data(body=f"تعليق {i}"))
    thread, page, cursor = comments.list_comments("news/s7", 2)
    assert thread["comment_count"] == 5 and thread["closed"] is False and len(page) == 2 and cursor
    _thread, rest, end = comments.list_comments("news/s7", 10, cursor)
    assert len(rest) == 3 and end is None
    assert [c.id for c in page + rest] == sorted(c.id for c in page + rest)


def test_own_comment_needs_its_token(ctx):
    result = comments.submit_comment("news/s8", data())
    assert comments.own_comment(result.comment.id, result.edit_token) is result.comment
    for cid, token in ((result.comment.id, None), (result.comment.id, "x"), (999, result.edit_token),
                       (0, result.edit_token), (2**40, result.edit_token)):
        with pytest.raises(Exception) as raised:
            comments.own_comment(cid, token)
        assert raised.value.status == 404


# ------------------------------------------------------------------ threads


@pytest.mark.parametrize("raw, key", [("news/1", "news/1"), ("/news/1/", "news/1"), ("//a//", "a"),
                                      ("أخبار", "أخبار"), ("a.b-c_d", "a.b-c_d"),
                                      ("ﻛ" + "تاب", "ﻛتاب"), ("e\u0301", "\u00e9")])
def test_canonical_key(raw, key):
    assert threads.canonical_key(raw) == key


@pytest.mark.parametrize("raw", ["", "/", "a//b", "a/../b", "..", ".", "a b", "a\n", "a\nb", "a\t",
                                 "k" * 201, None, "a/%2e%2e", "a\u202eb", "a\u200bb", "a?b", "a#b"])
def test_canonical_key_refuses(raw):
    with pytest.raises(InvalidThreadKey):
        threads.canonical_key(raw)


def test_register_and_counts(ctx):
    threads.register("news/r1", url="https://news.example/r1", title="عنوان", closed=False)
    threads.register("news/r1", url="https://news.example/r1", title="عنوان جديد", closed=True)
    thread = threads.find("news/r1")
    assert thread.title == "عنوان جديد" and thread.closed
    assert count(Thread) == 1
    assert threads.counts(["news/r1", "news/none"]) == {"news/r1": 0, "news/none": 0}


def test_get_or_create_takes_url_from_allowed_origins_only(ctx):
    ctx.config["ALLOWED_ORIGINS"] = ["https://news.example"]
    try:
        thread = threads.get_or_create("news/g1", "https://evil.example/g1", "مزيف")
        assert thread.url is None and thread.title is None
        thread = threads.get_or_create("news/g1", "https://NEWS.example/g1", "حقيقي")
        assert thread.url == "https://NEWS.example/g1" and thread.title == "حقيقي"
        thread = threads.get_or_create("news/g1", "https://news.example/other", "آخر")
        assert thread.url == "https://NEWS.example/g1"  # set once
        assert not threads.origin_allowed("javascript://news.example/x")
        assert not threads.origin_allowed("https://news.example.evil.example/")
    finally:
        ctx.config["ALLOWED_ORIGINS"] = []


# ------------------------------------------------------------------ cursors, avatars, sanitizing


def test_cursor_round_trip():
    stamp = datetime(2026, 11, 29, 9, 0, 0, 123456)
    assert decode_cursor(encode_cursor(stamp, 42)) == (stamp, 42)


@pytest.mark.parametrize("cursor", ["", "!!!", "W10", "WzEsMl0", "WyJ4IiwxXQ", "WyIyMDI2LTAxLTAxIiwidHJ1ZSJd",
                                    "ﻙ", "WyIyMDI2LTAxLTAxIiwgdHJ1ZV0"])
def test_bad_cursors(cursor):
    with pytest.raises(ValidationFailed):
        decode_cursor(cursor)


def test_cursor_with_a_leading_key_round_trip():
    stamp = datetime(2026, 11, 29, 9, 0, 0, 123456)
    assert decode_cursor(encode_cursor(stamp, 42, 100.5), leading=1) == (100.5, stamp, 42)
    with pytest.raises(ValidationFailed):  # a two-key cursor where three are expected, and back
        decode_cursor(encode_cursor(stamp, 42), leading=1)
    with pytest.raises(ValidationFailed):
        decode_cursor(encode_cursor(stamp, 42, 3.0))


@pytest.mark.parametrize("leading", ["\u0634\u062f\u064a\u062f", True, None, [1]])
def test_leading_keys_must_be_numbers(leading):
    stamp = datetime(2026, 11, 29, 9, 0, 0)
    with pytest.raises(ValidationFailed):
        decode_cursor(encode_cursor(stamp, 42, leading), leading=1)


def test_avatar_digest_is_keyed_not_gravatar(ctx):
    import hashlib

    digest = avatars.digest_for(" Reader@Example.org ")
    assert digest == avatars.digest_for("reader@example.org")
    assert len(digest) == 24 and digest not in hashlib.md5(b"reader@example.org").hexdigest()  # noqa: S324
    ctx.config["SECRET_KEY"], secret = "another", ctx.config["SECRET_KEY"]
    try:
        assert avatars.digest_for("reader@example.org") != digest
    finally:
        ctx.config["SECRET_KEY"] = secret


def test_avatar_response(ctx):
    svg = avatars.response("0123456789abcdef01234567")
    assert svg.mimetype == "image/svg+xml" and b"<script" not in svg.get_data()
    with pytest.raises(Exception) as raised:
        avatars.response("../../etc/passwd")
    assert raised.value.status == 404


@pytest.mark.parametrize("text, expected", [
    ("سطر\nسطر", "<p>سطر<br>\nسطر</p>"),
    ("فقرة\n\nفقرة", "<p>فقرة</p><p>فقرة</p>"),
    ("a < b & c", "<p>a &lt; b &amp; c</p>"),
    ("<script>x</script>", "<p>x</p>"),
])
def test_sanitize_clean(text, expected):
    assert sanitize.clean(text) == expected


@pytest.mark.parametrize("url, safe", [
    ("https://a.example", "https://a.example"), ("mailto:a@b.example", "mailto:a@b.example"),
    ("java\u200bscript:alert(1)", None), (" javascript:x", None), ("data:text/html,x", None),
    ("java\nscript:x", None), ("//evil.example", None), ("", None), (None, None),
])
def test_safe_url(url, safe):
    assert sanitize.safe_url(url) == safe
