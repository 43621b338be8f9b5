"""Every error path answers application/problem+json, and a failed request leaves no row behind."""
import json

import pytest

from app.extensions import db
from app.services import threads

KEY = "news/errors"
PATH = f"/api/v1/threads/{KEY}/comments"
EN = {"Accept-Language": "en"}


def nested(depth):
    """A JSON object whose `name` sits `depth` levels deep (the object itself is level 1)."""
    value = "قارئ"
    for _ in range(depth - 1):
        value = [value]
    return json.dumps({"name": value, "email": "a@example.org", "body": "نص"})


# (description, request kwargs, status); every one is sent for a thread that does not exist yet.
BAD_BODIES = [
    ("malformed JSON", dict(data=b'{"name": ', content_type="application/json"), 400),
    ("trailing garbage", dict(data=b'{"name": "x"} x', content_type="application/json"), 400),
    ("empty JSON body", dict(data=b"", content_type="application/json"), 400),
    ("single quotes", dict(data=b"{'name': 'x'}", content_type="application/json"), 400),
    ("invalid UTF-8", dict(data=b'{"name": "\xff\xfe", "email": "a@b.example", "body": "x"}',
                           content_type="application/json"), 400),
    ("overlong UTF-8", dict(data=b'{"name": "\xc0\xaf"}', content_type="application/json"), 400),
    ("UTF-16", dict(data='{"name": "x"}'.encode("utf-16"), content_type="application/json"), 400),
    ("nesting 33", dict(data=nested(33).encode(), content_type="application/json"), 400),
    ("nesting 5000", dict(data=b'{"a":' + b"[" * 5000 + b"]" * 5000 + b"}", content_type="application/json"), 400),
    ("huge number", dict(data=b'{"parent_id": ' + b"9" * 5000 + b"}", content_type="application/json"), 400),
    ("nesting 32 is read", dict(data=nested(32).encode(), content_type="application/json"), 422),
    ("JSON array", dict(data=b"[]", content_type="application/json"), 422),
    ("JSON string", dict(data=b'"x"', content_type="application/json"), 422),
    ("JSON null", dict(data=b"null", content_type="application/json"), 422),
    ("over 64 KiB", dict(data=json.dumps({"body": "x" * (64 * 1024)}).encode(),
                         content_type="application/json"), 413),
    ("text/plain", dict(data=b"hello", content_type="text/plain"), 415),
    ("no content type", dict(data=b'{"name": "x"}'), 415),
    ("multipart", dict(data={"name": "x"}, content_type="multipart/form-data"), 415),
    ("xml", dict(data=b"<comment/>", content_type="application/xml"), 415),
    ("json-ish", dict(data=b"{}", content_type="application/vnd.api+json"), 415),
    ("empty object", dict(json={}), 422),
]


@pytest.mark.parametrize("what, kwargs, status", BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_bad_bodies_are_problems_and_leave_nothing(client, problem, rows, what, kwargs, status):
    before = rows()
    body = problem(client.post(PATH, **kwargs), status)
    if status == 400:
        assert body["title"] == "تعذّرت قراءة محتوى الطلب"
    english = problem(client.post(PATH, headers=EN, **kwargs), status, arabic=False)
    assert english["title"].isascii()
    assert rows() == before, what


def test_exactly_64_kib_is_read(client, valid_comment, problem):
    data = valid_comment()
    raw = json.dumps(data).encode()
    padded = raw[:-1] + b" " * (64 * 1024 - len(raw)) + b"}"
    assert len(padded) == 64 * 1024
    assert client.post(PATH, data=padded, content_type="application/json").status_code == 201


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/nothing", "/api/v1/threads", "/api/v1/threads/x",
                                  "/api/v1/comments", "/api/v1/threads/x/comments/extra"])
def test_unknown_routes_are_404_problems(client, problem, path):
    body = problem(client.get(path), 404)
    assert body["detail"] == "لا يوجد شيء على هذا العنوان."
    problem(client.post(path, json={}), 404)
    problem(client.get(path, headers=EN), 404, arabic=False)


def test_unknown_comment_is_404_problem(client, problem):
    problem(client.get("/api/v1/comments/424242", headers={"X-Edit-Token": "x"}), 404)


@pytest.mark.parametrize("method, path", [
    ("PUT", PATH), ("DELETE", PATH), ("PATCH", PATH), ("POST", "/api/v1/counts?thread=a"),
    ("DELETE", "/api/v1/counts"), ("POST", "/api/v1/openapi.json"), ("PUT", "/api/v1/openapi.json"),
])
def test_wrong_method_is_405_problem(client, problem, method, path):
    response = client.open(path, method=method, json={})
    problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_closed_thread_is_403(app, client, problem, rows, valid_comment):
    with app.app_context():
        threads.register("news/closed", title="مقال مغلق", closed=True)
    before = rows()
    body = problem(client.post("/api/v1/threads/news/closed/comments", json=valid_comment()), 403)
    assert body["title"] == "التعليقات مغلقة"
    assert body["detail"] == "التعليقات على هذا المقال مغلقة."
    problem(client.post("/api/v1/threads/news/closed/comments", json=valid_comment(), headers=EN), 403,
            arabic=False)
    assert rows() == before
    listing = client.get("/api/v1/threads/news/closed/comments")
    assert listing.status_code == 200 and listing.get_json()["thread"]["closed"] is True


def test_closed_thread_form_post_is_403(app, client, problem, valid_comment):
    with app.app_context():
        threads.register("news/closed-form", closed=True)
    problem(client.post("/api/v1/threads/news/closed-form/comments", data=valid_comment()), 403)


def test_duplicate_is_409_and_leaves_one_row(post, problem, rows):
    post(KEY, email="x@example.org", body="مرة")
    before = rows()
    problem(post(KEY, email="x@example.org", body="مرة"), 409)
    assert rows() == before


def test_validation_error_on_a_new_thread_leaves_no_thread(post, problem, rows):
    before = rows()
    problem(post("news/never-created", email="bad"), 422)
    problem(post("news/never-created", parent_id=123456), 422)  # fails after the thread was looked up
    assert rows() == before


def test_policy_rejection_leaves_exactly_one_row(post, problem, rows):
    before = rows()
    problem(post("news/new-and-rejected", body="باذنجان"), 422)
    after = rows()
    assert after == {"thread": before["thread"] + 1, "comment": before["comment"] + 1}


def test_server_error_is_a_problem_without_details_and_leaves_nothing(app_with, valid_comment, rows, problem,
                                                                      tmp_path):
    broken = app_with(POLICY_FILE=(tmp_path / "missing.yaml").as_posix(), PROPAGATE_EXCEPTIONS=False)
    before = rows()
    response = broken.test_client().post("/api/v1/threads/news/broken/comments", json=valid_comment())
    body = problem(response, 500)
    text = response.get_data(as_text=True)
    assert "missing.yaml" not in text and "Error" not in text and "File" not in text
    assert body["detail"] == "حدث خطأ من جهتنا؛ لم يُحفظ شيء مما أرسلته."
    assert rows() == before
    with broken.app_context():
        assert not db.session.new  # nothing half-written either


def test_too_many_requests_is_a_problem(limited_app, valid_comment, problem):
    client = limited_app(RATELIMIT_POST_IP="1 per minute").test_client()
    assert client.post(PATH, json=valid_comment()).status_code == 201
    problem(client.post(PATH, json=valid_comment()), 429)
