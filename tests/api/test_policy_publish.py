"""The Test box, publishing with a note and a diff, rollback, every process switching within the
refresh interval, and per-rule hit counts and overturn rates."""
from test_policy_support import *  # noqa: F403
from test_policy_support import FakeMonotonic, P, comment_via

from app.models import Role


def test_the_test_box_gives_the_decision_shape(editor, with_fruit, problem):
    client, headers = editor
    active = client.post(f"{P}/test", json={"text": "أحب التفاح والبطيخ"}, headers=headers).get_json()
    assert set(active) == {"outcome", "score", "thresholds", "policy", "hits"}
    assert active["outcome"] == "hold" and active["policy"] == {"id": "test", "version": 1}
    assert [h["rule"] for h in active["hits"]] == ["test.hold"]
    drafted = client.post(f"{P}/test", json={"text": "أحب التفاح والبطيخ", "draft": with_fruit},
                          headers=headers).get_json()
    hit = next(h for h in drafted["hits"] if h["rule"] == "test.fruit")
    assert "أحب التفاح والبطيخ"[hit["start"]:hit["end"]] == hit["text"] == "التفاح"
    assert hit["term"] == "تفاح" and "clitic ال-" in hit["steps"]
    assert drafted["policy"]["version"] == 2  # the number it would get
    one = client.post(f"{P}/test", json={"text": "والباذنجان", "version": 1, "name": "x", "website": ""},
                      headers=headers).get_json()
    assert one["outcome"] == "reject"
    errors = problem(client.post(f"{P}/test", json={"text": "x", "version": 1, "draft": with_fruit},
                                 headers=headers), 422)["errors"]
    assert "draft" in errors
    assert "text" in problem(client.post(f"{P}/test", json={}, headers=headers), 422)["errors"]
    problem(client.post(f"{P}/test", json={"text": "x", "draft": 999}, headers=headers), 404)
    problem(client.post(f"{P}/test", json={"text": "x"}), 401)


def test_publish_needs_a_note_and_shows_the_diff(editor, with_fruit, audit_rows, problem):
    client, headers = editor
    assert "note" in problem(client.post(f"{P}/publish", json={"draft": with_fruit}, headers=headers), 422)["errors"]
    assert "note" in problem(client.post(f"{P}/publish", json={"note": "  ", "draft": with_fruit},
                                         headers=headers), 422)["errors"]
    response = client.post(f"{P}/publish", json={"note": "أضفنا التفاح"}, headers=headers)  # the only draft
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["version"]["number"] == 2 and body["version"]["active"] and body["version"]["note"] == "أضفنا التفاح"
    assert body["version"]["created_by"].startswith("editor-")
    assert body["diff"]["rules"]["added"] == ["test.fruit"]
    assert body["diff"]["word_lists"]["added"] == ["fruit"]
    assert client.get(f"{P}/drafts/{with_fruit}", headers=headers).status_code == 404  # it became v2
    listing = client.get(f"{P}/versions", headers=headers).get_json()
    assert listing["active"] == 2 and [v["number"] for v in listing["items"]] == [2, 1]
    assert client.get(f"{P}/versions/2", headers=headers).get_json()["diff"]["rules"]["added"] == ["test.fruit"]
    entry = [r for r in audit_rows() if r["action"] == "policy_publish"][-1]
    assert entry["note"] == "أضفنا التفاح" and entry["detail"]["version"] == 2 and entry["detail"]["previous"] == 1
    problem(client.post(f"{P}/publish", json={"note": "x"}, headers=headers), 422)  # no draft left


def test_publish_then_rollback_changes_what_comments_get(editor_app, editor, with_fruit, audit_rows, stored, problem):
    client, headers = editor
    reader = editor_app.test_client()
    before = comment_via(reader, body="أحب التفاح كثيرًا")
    assert before.status_code == 201
    assert client.post(f"{P}/publish", json={"note": "fruit", "draft": with_fruit}, headers=headers).status_code == 201
    held = comment_via(reader, body="أحب التفاح كثيرًا")
    assert held.status_code == 202
    decision = stored(held.get_json()["comment"]["id"])["decision"]
    assert decision["policy"] == {"id": "test", "version": 2} and decision["hits"][0]["rule"] == "test.fruit"
    back = client.post(f"{P}/rollback", json={"version": 1, "note": "too strict"}, headers=headers)
    assert back.status_code == 200 and back.get_json()["version"]["number"] == 1
    assert back.get_json()["diff"]["rules"]["removed"] == ["test.fruit"]
    again = comment_via(reader, body="أحب التفاح كثيرًا")
    assert again.status_code == 201
    assert stored(again.get_json()["comment"]["id"])["decision"]["policy"]["version"] == 1
    assert [r["action"] for r in audit_rows() if r["action"] == "policy_rollback"] == ["policy_rollback"]
    problem(client.post(f"{P}/rollback", json={"version": 1}, headers=headers), 409)  # already active
    problem(client.post(f"{P}/rollback", json={"version": 7}, headers=headers), 404)
    assert "version" in problem(client.post(f"{P}/rollback", json={}, headers=headers), 422)["errors"]
    forward = client.post(f"{P}/rollback", json={"version": 2}, headers=headers)  # any version, either way
    assert forward.status_code == 200 and comment_via(reader, body="تفاح أخضر").status_code == 202


def test_a_draft_started_before_another_publish_needs_force(editor, problem):
    client, headers = editor
    first = client.post(f"{P}/drafts", json={}, headers=headers).get_json()["draft"]["id"]
    second = client.post(f"{P}/drafts", json={}, headers=headers).get_json()["draft"]["id"]
    for draft, word in ((first, "مشمش"), (second, "موز")):
        client.post(f"{P}/drafts/{draft}/lists/hold_words/terms", json={"terms": [{"term": word}]}, headers=headers)
    assert client.post(f"{P}/publish", json={"note": "a", "draft": first}, headers=headers).status_code == 201
    view = client.get(f"{P}/drafts/{second}", headers=headers).get_json()
    assert view["stale"] is True and view["active_version"] == 2
    body = problem(client.post(f"{P}/publish", json={"note": "b", "draft": second}, headers=headers), 409)
    assert body["active_version"] == 2
    forced = client.post(f"{P}/publish", json={"note": "b", "draft": second, "force": True}, headers=headers)
    assert forced.status_code == 201 and forced.get_json()["version"]["number"] == 3


def test_other_processes_switch_within_the_refresh_interval(app_with, editor, with_fruit):
    """Two app instances on one database: B keeps its compiled version until its refresh interval
    (2 s by default) has passed, then uses the version A published; no restart."""
    client, headers = editor
    monotonic = FakeMonotonic()
    other = app_with(POLICY_SOURCE="database", POLICY_REFRESH_SECONDS=2, MONOTONIC_CLOCK=monotonic)
    reader = other.test_client()
    assert comment_via(reader, body="تفاح للبيع").status_code == 201  # B compiles version 1
    assert client.post(f"{P}/publish", json={"note": "fruit", "draft": with_fruit}, headers=headers).status_code == 201
    monotonic.now += 1.0
    assert comment_via(reader, body="تفاح أحمر").status_code == 201  # still within B's interval
    monotonic.now += 1.0
    response = comment_via(reader, body="تفاح أصفر")
    assert response.status_code == 202  # 2 s after its last look B uses version 2 (< 5 s)
    with other.app_context():
        from app.services import policy_runtime

        assert policy_runtime.active_policy().version == 2


def test_rule_stats_count_hits_and_overturns(editor_app, editor, api, clock, with_fruit):
    client, headers = editor
    reader = editor_app.test_client()
    clock.advance(days=-10)
    ids = [comment_via(reader, body=f"أحب البطيخ {n}").get_json()["comment"]["id"] for n in range(3)]
    clock.advance(days=10)
    ids.append(comment_via(reader, body="بطيخ اليوم").get_json()["comment"]["id"])
    moderator, mod_headers = api(Role.MODERATOR)
    for comment_id, action in ((ids[0], "approve"), (ids[1], "reject")):
        body = {"action": action, "category": "insult"} if action == "reject" else {"action": action}
        response = moderator.post(f"/api/v1/moderation/comments/{comment_id}/decision", json=body, headers=mod_headers)
        assert response.status_code == 200, response.get_data(as_text=True)
    stats = client.get(f"{P}/stats", headers=headers).get_json()["rules"]
    assert stats["test.hold"] == {"hits_7d": 1, "hits_30d": 4, "decided": 2, "overturned": 1, "overturn_rate": 0.5}
    assert "test.fruit" not in stats  # no hits yet
