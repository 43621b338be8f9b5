"""Listing: approved only, keyset pages with no gap or repeat, ETag revalidation, thread keys."""
import pytest

from app.extensions import db
from app.models import Comment, Status
from app.services.comments import change_status

KEY = "news/2026/listing"
LIST = f"/api/v1/threads/{KEY}/comments"


def pages(client, order, limit=50):
    """Every page of the thread in `order`; returns the list of pages (each a list of views)."""
    out, cursor = [], None
    while True:
        query = f"?order={order}&limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(LIST + query)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        out.append(body["comments"])
        cursor = body["next_cursor"]
        if cursor is None:
            return out
        assert len(out) < 100, "pagination does not end"


@pytest.fixture
def hundred_twenty(post, clock):
    """120 approved comments (plus held and rejected ones); runs of identical timestamps."""
    ids = []
    for i in range(120):
        if i % 7 == 0:
            clock.advance(seconds=1)  # the 6 comments after each advance share one timestamp
        response = post(KEY, body=f"تعليق رقم {i}")
        assert response.status_code == 201
        ids.append(response.get_json()["comment"]["id"])
        if i % 40 == 0:
            assert post(KEY, body=f"بطيخ {i}").status_code == 202
            assert post(KEY, body=f"باذنجان {i}").status_code == 422
    return ids


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_120_comments_in_pages_of_50_without_gap_or_repeat(client, hundred_twenty, order):
    result = pages(client, order)
    assert [len(p) for p in result] == [50, 50, 20]
    seen = [c["id"] for page in result for c in page]
    assert len(seen) == len(set(seen)) == 120
    assert set(seen) == set(hundred_twenty)
    stamps = [(c["created_at"], c["id"]) for page in result for c in page]
    assert stamps == sorted(stamps, reverse=order == "newest")


def test_identical_timestamps_are_ordered_by_id(client, hundred_twenty):
    comments = [c for page in pages(client, "oldest", limit=3) for c in page]
    assert [c["id"] for c in comments] == sorted(hundred_twenty)
    assert len({c["created_at"] for c in comments}) < 120  # ties really happened


def test_new_comments_do_not_shift_pages(client, post, clock):
    for i in range(5):
        clock.advance(seconds=1)
        post(KEY, body=f"أول {i}")
    first = client.get(LIST + "?order=newest&limit=2").get_json()
    clock.advance(seconds=1)
    post(KEY, body="وصل أثناء القراءة")  # newest: must not appear on the next page nor repeat one
    rest = client.get(LIST + f"?order=newest&limit=10&cursor={first['next_cursor']}").get_json()
    ids = [c["id"] for c in first["comments"] + rest["comments"]]
    assert len(ids) == len(set(ids)) == 5


def test_default_limit_is_50(client, hundred_twenty):
    body = client.get(LIST).get_json()
    assert len(body["comments"]) == 50 and body["next_cursor"]
    assert len(client.get(LIST + "?limit=100").get_json()["comments"]) == 100


def test_listing_shows_approved_only_with_thread_count(client, post):
    published = post(KEY).get_json()["comment"]["id"]
    post(KEY, body="البطيخ")  # held
    post(KEY, body="باذنجان")  # rejected
    post(KEY, homepage="bot")  # spam
    body = client.get(LIST).get_json()
    assert [c["id"] for c in body["comments"]] == [published]
    assert body["thread"] == {"key": KEY, "title": None, "url": None, "closed": False, "comment_count": 1}
    assert body["next_cursor"] is None


def test_unknown_thread_is_200_and_empty_and_creates_nothing(client, rows):
    before = rows()
    response = client.get("/api/v1/threads/never/commented/comments")
    assert response.status_code == 200
    assert response.get_json() == {"thread": {"key": "never/commented", "title": None, "url": None,
                                              "closed": False, "comment_count": 0},
                                   "comments": [], "next_cursor": None}
    assert rows() == before


@pytest.mark.parametrize("query, field", [
    ("limit=0", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"), ("limit=١٠", "limit"),
    ("limit=1.5", "limit"), ("limit=", "limit"), ("limit=-1", "limit"), ("order=random", "order"),
    ("cursor=not-a-cursor", "cursor"), ("cursor=WyJ4IiwgMV0", "cursor"), ("cursor=WzEsIDJd", "cursor"),
    ("cursor=eyJhIjogMX0", "cursor"), ("cursor=%D9%85", "cursor"), ("cursor=WyIyMDI2LTAxLTAxIiwgdHJ1ZV0", "cursor"),
])
def test_bad_query_is_422(client, post, problem, query, field):
    post(KEY)
    body = problem(client.get(f"{LIST}?{query}"), 422)
    assert set(body["errors"]) == {field}, body


def test_etag_and_revalidation(app, client, post):
    post(KEY)
    first = client.get(LIST)
    etag = first.headers["ETag"]
    assert etag and "no-cache" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]

    again = client.get(LIST, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag

    held = post(KEY, body="البطيخ").get_json()["comment"]["id"]  # not public: the page is unchanged
    assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 304

    with app.app_context():  # a moderator approves it
        change_status(db.session.get(Comment, held), Status.APPROVED)
        db.session.commit()
    changed = client.get(LIST, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert held in [c["id"] for c in changed.get_json()["comments"]]


def test_new_published_comment_changes_etag(client, post):
    etag = client.get(LIST).headers["ETag"]
    post(KEY)
    assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 200


def test_thread_title_and_url_only_from_allowed_origins(app_with, valid_comment):
    client = app_with(ALLOWED_ORIGINS=["https://news.example"]).test_client()
    foreign = "news/foreign"
    client.post(f"/api/v1/threads/{foreign}/comments",
                json=valid_comment(thread_url="https://evil.example/a", thread_title="عنوان مزيف"))
    thread = client.get(f"/api/v1/threads/{foreign}/comments").get_json()["thread"]
    assert thread["url"] is None and thread["title"] is None

    ours = "news/ours"
    client.post(f"/api/v1/threads/{ours}/comments",
                json=valid_comment(thread_url="https://news.example/ours", thread_title="عنوان المقال"))
    thread = client.get(f"/api/v1/threads/{ours}/comments").get_json()["thread"]
    assert thread["url"] == "https://news.example/ours" and thread["title"] == "عنوان المقال"


# ------------------------------------------------------------------ thread keys


@pytest.mark.parametrize("key", [
    "a/../b", "..", "a/..", "./a", "a/./b", "a//b", "a//b/", "k" * 201, "a b", "a<b", "a~b", "a@b", "a:b",
    "a%00b", "a%09b", "a;b", "a'b", "a%22b", "a%3Cscript%3E", "%E2%80%AEa", "a*b",
])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_bad_thread_keys_are_400(client, problem, rows, valid_comment, key, method):
    before = rows()
    path = f"/api/v1/threads/{key}/comments"
    response = client.get(path) if method == "GET" else client.post(path, json=valid_comment())
    body = problem(response, 400)
    assert body["title"] == "معرّف المقال غير صالح"
    assert rows() == before


@pytest.mark.parametrize("key", ["a%0A", "a%0D%0A", "k" * 201, "a/../b", "a//b", "", "/", "a%20b"])
def test_bad_thread_keys_in_counts_are_400(client, problem, key):
    problem(client.get(f"/api/v1/counts?thread={key}"), 400)


@pytest.mark.parametrize("key", ["news%0A", "a%0Ab"])
def test_newline_in_thread_path_matches_no_route(client, problem, rows, valid_comment, key):
    before = rows()
    path = f"/api/v1/threads/{key}/comments"
    problem(client.get(path), 404)
    problem(client.post(path, json=valid_comment()), 404)
    assert rows() == before


@pytest.mark.parametrize("key", ["k" * 200, "أخبار/سياسة/2026", "a-b_c.d/e", "2026/11/29/story.html"])
def test_good_thread_keys(post, client, key):
    assert post(key).status_code == 201
    listing = client.get(f"/api/v1/threads/{key}/comments").get_json()
    assert listing["thread"]["key"] == key and len(listing["comments"]) == 1


def test_trailing_slash_is_trimmed(post, client):
    assert post("news/trimmed/").status_code == 201  # the URL ends in ...trimmed//comments
    listing = client.get("/api/v1/threads/news/trimmed/comments").get_json()
    assert listing["thread"]["key"] == "news/trimmed" and len(listing["comments"]) == 1
    counts = client.get("/api/v1/counts?thread=/news/trimmed/&thread=news/trimmed").get_json()
    assert counts == {"news/trimmed": 1}
