"""The no-JavaScript fallback: a form post gets a 303 back to the article, never to a foreign URL."""
from urllib.parse import parse_qs, urlsplit

import pytest

from app.services import threads

NEWS = "https://news.example"
ARTICLE = f"{NEWS}/2026/11/euphrates-talks?utm=x"
KEY = "news/2026/nojs"
PATH = f"/api/v1/threads/{KEY}/comments"


@pytest.fixture
def site(app_with):
    return app_with(ALLOWED_ORIGINS=[NEWS]).test_client()


def send(client, data, origin=NEWS, referer=None):
    headers = {"Sec-Fetch-Mode": "navigate"}
    if origin:
        headers["Origin"] = origin
    if referer:
        headers["Referer"] = referer
    return client.post(PATH, data=data, headers=headers)


def landing(response):
    assert response.status_code == 303, (response.status_code, response.get_data(as_text=True)[:300])
    target = urlsplit(response.headers["Location"])
    return target, {k: v[0] for k, v in parse_qs(target.query).items()}


def test_published_comment_redirects_back_to_the_article(site, valid_comment):
    response = send(site, valid_comment(redirect=ARTICLE))
    target, query = landing(response)
    assert (target.scheme, target.netloc, target.path) == ("https", "news.example", "/2026/11/euphrates-talks")
    assert query["majlis"] == "published" and query["utm"] == "x"
    assert target.fragment == f"majlis-comment-{query['majlis_comment']}"
    assert response.headers["Cache-Control"] == "no-store"


def test_held_comment(site, valid_comment):
    _, query = landing(send(site, valid_comment(body="عن البطيخ", redirect=ARTICLE)))
    assert query["majlis"] == "pending" and query["majlis_comment"].isdigit()


def test_rejected_comment_names_the_broken_term(site, valid_comment, rows):
    before = rows()["comment"]
    target, query = landing(send(site, valid_comment(body="طبق باذنجان", redirect=ARTICLE)))
    assert query["majlis"] == "rejected" and query["majlis_terms"] == "insult"
    assert target.fragment == "majlis-thread"
    assert rows()["comment"] == before + 1  # stored, rejected, as with JSON


def test_invalid_fields_are_named(site, valid_comment, rows):
    before = rows()
    _, query = landing(send(site, valid_comment(name="", email="nope", redirect=ARTICLE)))
    assert query["majlis"] == "invalid" and set(query["majlis_fields"].split(",")) == {"name", "email"}
    assert rows() == before


def test_duplicate_and_closed(site, app, valid_comment):
    data = valid_comment(redirect=ARTICLE)
    landing(send(site, data))
    assert landing(send(site, data))[1]["majlis"] == "duplicate"
    with app.app_context():
        threads.register("news/2026/closed", closed=True)
    response = site.post("/api/v1/threads/news/2026/closed/comments", data=valid_comment(redirect=ARTICLE),
                         headers={"Origin": NEWS})
    assert landing(response)[1]["majlis"] == "closed"


def test_old_outcome_parameters_are_replaced(site, valid_comment):
    _, query = landing(send(site, valid_comment(redirect=ARTICLE + "&majlis=rejected&majlis_terms=insult")))
    assert query["majlis"] == "published" and "majlis_terms" not in query


def test_referer_is_the_target_without_a_redirect_field(site, valid_comment):
    target, query = landing(send(site, valid_comment(), origin=None, referer=ARTICLE))
    assert target.netloc == "news.example" and query["majlis"] == "published"


def test_this_servers_own_pages_count_as_allowed(site, valid_comment):
    response = send(site, valid_comment(redirect="http://localhost/demo/"), origin="http://localhost")
    target, _ = landing(response)
    assert target.netloc == "localhost" and target.path == "/demo/"


@pytest.mark.parametrize("target", [
    "https://evil.example/phish", "//evil.example/", "https://news.example.evil.example/",
    "https://news.example@evil.example/", "javascript:alert(1)", "data:text/html,x", "/relative/path",
    "http://news.example/", "https://evil.example/?next=https://news.example/",
])
def test_foreign_targets_get_the_normal_json_answer(site, valid_comment, target):
    response = send(site, valid_comment(redirect=target))
    assert response.status_code == 201
    assert response.is_json
    assert not response.headers.get("Location", "").startswith(("http", "//", "javascript", "data"))


def test_untrusted_source_gets_json_even_for_an_allowed_target(site, valid_comment):
    # No Origin, and a Referer from elsewhere: not from the news site, so no redirect.
    response = send(site, valid_comment(redirect=ARTICLE), origin=None, referer="https://evil.example/x")
    assert response.status_code == 201 and response.is_json
    # Neither header at all: a script or curl; the JSON answer.
    response = send(site, valid_comment(redirect=ARTICLE), origin=None)
    assert response.status_code == 201 and response.is_json


def test_foreign_origin_form_is_refused_before_anything(site, valid_comment, problem, rows):
    before = rows()
    problem(send(site, valid_comment(redirect=ARTICLE), origin="https://evil.example"), 403)
    assert rows() == before


def test_json_posts_are_never_redirected(site, valid_comment):
    response = site.post(PATH, json=valid_comment(), headers={"Origin": NEWS, "Referer": ARTICLE})
    assert response.status_code == 201 and response.is_json


def test_redirect_field_is_not_a_comment_field(site, valid_comment, stored):
    response = send(site, valid_comment(redirect="https://evil.example/"))
    assert response.status_code == 201
    row = stored(response.get_json()["comment"]["id"])
    assert "evil" not in repr(row)
