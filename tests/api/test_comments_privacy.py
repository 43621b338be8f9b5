"""The email of a comment never appears in any byte of a public response, in any disguise."""
import hashlib
import json
from urllib.parse import quote, quote_plus

import pytest

KEY = "news/privacy"
EMAILS = ["Reader.One+majlis@Example.org", "qari2@news.example", "o'hara_3@mail.example.co"]


def disguises(email):
    """Every form of the address a careless API could leak: plain, escaped, encoded or hashed."""
    forms = set()
    for variant in {email, email.lower(), email.strip().lower(), email.upper()}:
        forms |= {variant, json.dumps(variant)[1:-1], json.dumps(variant, ensure_ascii=False)[1:-1],
                  variant.replace("@", "\\u0040"), quote(variant), quote(variant, safe=""),
                  quote_plus(variant), variant.replace("@", "%40"), variant.replace("@", "&#64;")}
        raw = variant.encode()
        for algorithm in ("md5", "sha1", "sha256"):
            digest = hashlib.new(algorithm, raw).hexdigest()
            forms |= {digest, digest.upper()}
    local = email.split("@")[0]
    if len(local) >= 8:  # not even the local part (when long enough not to occur by chance)
        forms.add(local)
    return {f for f in forms if f}


def leaks(response, email):
    """The disguises of `email` found in the response's headers or body."""
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    data = response.get_data()
    found = []
    for form in disguises(email):
        needle = form.encode()
        if needle in data or needle.lower() in data.lower() or form.lower() in headers.lower():
            found.append(form)
    return found


@pytest.fixture
def published(post):
    """Three comments (one published, one held, one reply) and every public answer about them."""
    responses = []
    first = post(KEY, email=EMAILS[0], website="https://reader.example/")
    responses.append(first)
    held = post(KEY, email=EMAILS[1], body="أحب البطيخ")  # held by the test policy
    responses.append(held)
    reply = post(KEY, email=EMAILS[2], parent_id=first.get_json()["comment"]["id"])
    responses.append(reply)
    assert [r.status_code for r in responses] == [201, 202, 201]
    return responses


def public_answers(client, posts):
    answers = list(posts)
    for order in ("oldest", "newest"):
        answers.append(client.get(f"/api/v1/threads/{KEY}/comments?order={order}"))
    answers.append(client.get(f"/api/v1/threads/{KEY}/comments?limit=1"))
    cursor = answers[-1].get_json()["next_cursor"]
    answers.append(client.get(f"/api/v1/threads/{KEY}/comments?limit=1&cursor={cursor}"))
    answers.append(client.get(f"/api/v1/counts?thread={KEY}&thread=news/other"))
    answers.append(client.get("/api/v1/openapi.json"))
    answers.append(client.get("/api/docs"))
    for posted in posts:
        body = posted.get_json()
        own = client.get(f"/api/v1/comments/{body['comment']['id']}",
                         headers={"X-Edit-Token": body["edit_token"]})
        assert own.status_code == 200
        answers.append(own)
        answers.append(client.get(body["comment"]["avatar"]))
    return answers


def test_no_email_in_any_public_response(client, published):
    answers = public_answers(client, published)
    assert all(a.status_code in (200, 201, 202) for a in answers), [a.status_code for a in answers]
    for email in EMAILS:
        for answer in answers:
            assert not leaks(answer, email), (answer.request.path, leaks(answer, email))


def test_public_views_hold_only_allow_listed_fields(client, published):
    allowed = {"id", "parent_id", "depth", "name", "website", "avatar", "body_html", "created_at",
               "edited_at"}
    listing = client.get(f"/api/v1/threads/{KEY}/comments").get_json()
    assert listing["comments"]
    for view in listing["comments"]:
        assert set(view) <= allowed, set(view) - allowed
    for posted in published:
        view = posted.get_json()["comment"]
        assert set(view) <= allowed | {"status"}, set(view) - allowed


def test_avatars_differ_per_author_and_are_not_gravatar(client, published):
    avatars = [p.get_json()["comment"]["avatar"] for p in published]
    assert len(set(avatars)) == 3
    for avatar, email in zip(avatars, EMAILS, strict=True):
        assert "gravatar" not in avatar
        assert hashlib.md5(email.strip().lower().encode()).hexdigest()[:24] not in avatar  # noqa: S324
        svg = client.get(avatar)
        assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"


def test_same_author_same_avatar_whatever_the_case(post):
    one = post(KEY, email="Same.Author@Example.org").get_json()["comment"]["avatar"]
    two = post(KEY, email=" same.author@example.org ").get_json()["comment"]["avatar"]
    assert one == two


def test_error_answers_do_not_echo_the_email(client, post, problem):
    email = "echo.me@example.org"
    first = post(KEY, email=email, body="تعليق سيُكرر")
    assert first.status_code == 201
    for response in (post(KEY, email=email, body="تعليق سيُكرر"),  # 409
                     post(KEY, email=email, website="javascript:x"),  # 422
                     post(KEY, email=email, body="طبق باذنجان")):  # policy 422
        assert response.status_code in (409, 422)
        assert not leaks(response, email), leaks(response, email)


@pytest.mark.parametrize("form", ["plain", "json", "url", "md5", "sha256"])
def test_the_leak_detector_sees_every_disguise(form):
    from flask import Response

    email = EMAILS[0]
    shown = {"plain": email, "json": json.dumps(email).replace("@", "\\u0040"), "url": quote(email, safe=""),
             "md5": hashlib.md5(email.lower().encode()).hexdigest(),  # noqa: S324
             "sha256": hashlib.sha256(email.strip().lower().encode()).hexdigest()}[form]
    assert leaks(Response(f'{{"avatar": "{shown}"}}'), email)
