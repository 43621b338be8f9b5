"""GET /api/v1/counts?thread=…: approved comments per article."""
import pytest

from app.extensions import db
from app.models import Comment, Status
from app.services.comments import change_status


def test_counts_of_several_threads(post, client):
    for _ in range(3):
        post("news/a")
    post("news/b")
    post("news/b", body="البطيخ")  # held
    post("news/b", body="باذنجان")  # rejected
    post("news/b", homepage="bot")  # spam
    response = client.get("/api/v1/counts?thread=news/a&thread=news/b&thread=news/none")
    assert response.status_code == 200
    assert response.get_json() == {"news/a": 3, "news/b": 1, "news/none": 0}
    assert "max-age" in response.headers["Cache-Control"]


def test_counts_follow_moderation(app, post, client):
    held = post("news/c", body="البطيخ").get_json()["comment"]["id"]
    assert client.get("/api/v1/counts?thread=news/c").get_json() == {"news/c": 0}
    with app.app_context():
        comment = db.session.get(Comment, held)
        change_status(comment, Status.APPROVED)
        db.session.commit()
    assert client.get("/api/v1/counts?thread=news/c").get_json() == {"news/c": 1}
    with app.app_context():
        comment = db.session.get(Comment, held)
        change_status(comment, Status.DELETED)
        db.session.commit()
    assert client.get("/api/v1/counts?thread=news/c").get_json() == {"news/c": 0}


def test_counts_match_the_listing(post, client):
    for i in range(4):
        post("news/d", body=f"تعليق {i}")
    listing = client.get("/api/v1/threads/news/d/comments").get_json()
    assert listing["thread"]["comment_count"] == len(listing["comments"]) == 4
    assert client.get("/api/v1/counts?thread=news/d").get_json()["news/d"] == 4


def test_counts_need_a_thread(client, problem):
    body = problem(client.get("/api/v1/counts"), 422)
    assert set(body["errors"]) == {"thread"}


def test_at_most_100_threads(client, problem):
    query = "&".join(f"thread=news/{i}" for i in range(101))
    problem(client.get(f"/api/v1/counts?{query}"), 422)
    query = "&".join(f"thread=news/{i}" for i in range(100))
    assert len(client.get(f"/api/v1/counts?{query}").get_json()) == 100


@pytest.mark.parametrize("key", ["..", "a b", "k" * 201])
def test_bad_key_is_400(client, problem, key):
    problem(client.get("/api/v1/counts", query_string={"thread": ["news/ok", key]}), 400)
