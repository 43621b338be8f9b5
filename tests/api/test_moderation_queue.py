"""GET /api/v1/moderation/queue: the moderator view, filters, sorts, cursor pages and counts."""
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import HOLD_BODY

QUEUE = "/api/v1/moderation/queue"


def ids(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["id"] for item in response.get_json()["items"]]


def test_item_is_the_moderator_view(client, post, auth_headers):
    headers = auth_headers()
    parent = post("news/view", email="parent@reader.example").get_json()["comment"]["id"]
    post("news/view", email="Writer@Reader.example")  # approved: part of the author's history
    comment_id = post("news/view", email="writer@reader.example", website="https://writer.example/",
                      body=f"ردّ: {HOLD_BODY}", parent_id=parent).get_json()["comment"]["id"]
    body = client.get(f"{QUEUE}?thread=news/view", headers=headers).get_json()
    item = next(i for i in body["items"] if i["id"] == comment_id)
    assert item["email"] == "writer@reader.example" and item["website"] == "https://writer.example/"
    assert item["body"] == f"ردّ: {HOLD_BODY}" and item["status"] == "pending"
    assert item["body_html"] and item["avatar"] and item["created_at"].endswith("Z")
    hit = item["decision"]["hits"][0]
    assert hit["rule"] == "test.hold" and hit["category"] == "person_offense"
    assert item["body"][hit["start"]:hit["end"]] == hit["text"]
    assert item["thread"]["key"] == "news/view"
    assert item["parent"]["id"] == parent and item["parent"]["status"] == "approved"
    assert item["author_history"]["approved"] == 1 and item["author_history"]["total"] == 2
    assert [r["id"] for r in item["author_history"]["recent"]][0] == comment_id
    assert item["claimed_by"] is None and item["audit"] == []
    assert body["counts"]["pending"] == 1 and body["counts"]["approved"] == 2
    assert set(body["counts"]) == {"pending", "reported", "rejected", "spam", "approved"}
    assert "edit_token_hash" not in item and "ip_hash" not in item


def test_author_history_shows_each_authors_five_newest_across_threads(client, clock, held, post, auth_headers):
    long_opening = "رأيي في هذا المقال طويل ومفصل " * 12  # 360 characters: the excerpt keeps 200
    written = []
    for n in range(7):
        clock.advance(minutes=1)
        thread = "news/history-a" if n % 2 else "news/history-b"
        written.append(post(thread, email="prolific@reader.example", body=f"{long_opening} رقم {n}")
                       .get_json()["comment"]["id"])
    clock.advance(minutes=1)
    other = post("news/history-a", email="quiet@reader.example", body="تعليق وحيد لقارئ آخر").get_json()
    clock.advance(minutes=1)
    queued = held("news/history-a", email="prolific@reader.example")
    clock.advance(minutes=1)
    held("news/history-b", email="quiet@reader.example")
    items = client.get(f"{QUEUE}?sort=oldest", headers=auth_headers()).get_json()["items"]
    prolific = next(i for i in items if i["id"] == queued)["author_history"]
    assert [r["id"] for r in prolific["recent"]] == [queued, *reversed(written[-4:])]
    assert prolific["total"] == 8 and prolific["approved"] == 7
    assert {r["thread"] for r in prolific["recent"]} == {"news/history-a", "news/history-b"}
    excerpt = next(r for r in prolific["recent"] if r["id"] == written[-1])["body"]
    assert len(excerpt) == 200 and excerpt == f"{long_opening} رقم 6"[:200]
    quiet = next(i for i in items if i["email"] == "quiet@reader.example")["author_history"]
    assert [r["id"] for r in quiet["recent"]][1:] == [other["comment"]["id"]] and quiet["total"] == 2


def test_filters(client, clock, held, post, auth_headers, problem):
    first = held("news/filters", email="a@reader.example")
    clock.advance(days=2)
    second = held("news/filters", email="b@reader.example")
    held("news/elsewhere")
    rejected = post("news/filters", body="طبق باذنجان")
    assert rejected.status_code == 422
    headers = auth_headers()
    base = f"{QUEUE}?thread=news/filters"
    assert ids(client.get(base, headers=headers)) == [first, second]
    assert ids(client.get(f"{base}&email=B@reader.example", headers=headers)) == [second]
    assert ids(client.get(f"{base}&category=person_offense", headers=headers)) == [first, second]
    assert ids(client.get(f"{base}&category=insult", headers=headers)) == []
    assert ids(client.get(f"{base}&rule=test.hold", headers=headers)) == [first, second]
    assert ids(client.get(f"{base}&rule=test_hold", headers=headers)) == []  # _ is no wildcard
    assert ids(client.get(f"{base}&since=2026-11-30", headers=headers)) == [second]
    assert ids(client.get(f"{base}&until=2026-11-30T00:00:00Z", headers=headers)) == [first]
    rejected_items = client.get(f"{base}&status=rejected&category=insult", headers=headers).get_json()
    assert len(rejected_items["items"]) == 1 and rejected_items["counts"]["rejected"] == 1
    problem(client.get(f"{QUEUE}?status=deleted", headers=headers), 422)
    problem(client.get(f"{QUEUE}?sort=random", headers=headers), 422)
    problem(client.get(f"{QUEUE}?since=yesterday", headers=headers), 422)
    problem(client.get(f"{QUEUE}?cursor=garbage", headers=headers), 422)
    from datetime import datetime

    from app.services.pagination import encode_cursor

    oldest_cursor = encode_cursor(datetime(2026, 11, 29), first)
    problem(client.get(f"{QUEUE}?sort=severity&cursor={oldest_cursor}", headers=headers), 422)
    severity_cursor = encode_cursor(datetime(2026, 11, 29), first, "شديد")
    problem(client.get(f"{QUEUE}?sort=severity&cursor={severity_cursor}", headers=headers), 422)


def test_sorts_and_cursor_pages(client, clock, held, post, auth_headers):
    headers = auth_headers()
    made = []
    for _ in range(5):
        made.append(held("news/pages"))
        clock.advance(minutes=1)
    # pre-moderation holds a clean comment too: no hit, lower severity than the rule holds
    from app.extensions import db
    from app.models import Comment

    clean = post("news/pages").get_json()["comment"]["id"]
    with client.application.app_context():
        db.session.get(Comment, clean).status = "pending"
        db.session.commit()
    base = f"{QUEUE}?thread=news/pages&limit=2"
    assert ids(client.get(f"{base}&sort=newest", headers=headers))[:2] == [clean, made[4]]
    for sort, expected in (("oldest", made + [clean]), ("severity", made + [clean]),
                           ("newest", [clean] + made[::-1])):
        seen, cursor = [], None
        while True:
            url = f"{base}&sort={sort}" + (f"&cursor={cursor}" if cursor else "")
            body = client.get(url, headers=headers).get_json()
            seen += [i["id"] for i in body["items"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert seen == expected, sort
