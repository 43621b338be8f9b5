"""Editors' thread and site controls: close/reopen, per-thread and site-wide pre-moderation, auto-close
by age, and the settings API. The public API reflects each change on the very next request."""
import uuid

import pytest
from test_moderation_support import *  # noqa: F403  (the shared fixtures)

from app.models import Role

API = "/api/v1/moderation"


@pytest.fixture
def editor(auth_headers):
    return auth_headers(Role.EDITOR)


@pytest.fixture
def key(post):
    key = f"news/controls-{uuid.uuid4().hex[:6]}"
    assert post(key).status_code == 201
    return key


def test_close_and_reopen_a_thread(client, post, key, editor, problem, audit_rows, make_app):
    response = client.post(f"{API}/threads/{key}/close", json={"note": "نهاية النقاش"}, headers=editor)
    assert response.status_code == 200 and response.get_json()["thread"]["closed"] is True
    body = problem(post(key), 403)
    assert body["type"].endswith("thread-closed")
    assert client.get(f"/api/v1/threads/{key}/comments").get_json()["thread"]["closed"] is True
    response = client.post(f"{API}/threads/{key}/reopen", json={}, headers=editor)
    assert response.get_json()["thread"] == {**response.get_json()["thread"], "closed": False, "keep_open": True}
    assert post(key).status_code == 201
    assert [r["action"] for r in audit_rows() if r["action"].startswith("thread_")] == [
        "thread_close", "thread_reopen"]


def test_thread_pre_moderation(client, post, key, editor):
    url = f"{API}/threads/{key}/premoderation"
    assert client.put(url, json={"enabled": True}, headers=editor).get_json()["thread"]["premoderation"] is True
    response = post(key)
    assert response.status_code == 202
    assert post("news/elsewhere").status_code == 201  # other threads are unaffected
    client.put(url, json={"enabled": False}, headers=editor)
    assert post(key).status_code == 201


def test_site_pre_moderation_switched_at_runtime(client, post, key, editor, problem):
    response = client.patch(f"{API}/settings", json={"site_premoderation": True}, headers=editor)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["changed"] == ["site_premoderation"]
    assert post(key).status_code == 202 and post("news/other").status_code == 202
    client.patch(f"{API}/settings", json={"site_premoderation": False}, headers=editor)
    assert post(key).status_code == 201


def test_another_process_sees_the_switch_at_once(app_with, post, key, editor, client):
    other = app_with().test_client()
    client.patch(f"{API}/settings", json={"site_premoderation": True}, headers=editor)
    assert post(key, via=other).status_code == 202


def test_auto_close_threads_older_than_n_days(client, post, clock, auth_headers, problem):
    old = f"news/old-{uuid.uuid4().hex[:6]}"
    assert post(old).status_code == 201
    clock.advance(days=3)
    young = f"news/young-{uuid.uuid4().hex[:6]}"
    assert post(young).status_code == 201
    assert post(old).status_code == 201  # off by default
    response = client.patch(f"{API}/settings", json={"auto_close_days": 2}, headers=auth_headers(Role.EDITOR))
    assert response.status_code == 200
    assert client.get(f"/api/v1/threads/{old}/comments").get_json()["thread"]["closed"] is True
    problem(post(old), 403)
    assert post(young).status_code == 201
    clock.advance(days=3)
    # Readers see it closed as soon as it is old enough, before anyone tries to comment.
    assert client.get(f"/api/v1/threads/{young}/comments").get_json()["thread"]["closed"] is True
    problem(post(young), 403)
    client.post(f"{API}/threads/{young}/reopen", json={}, headers=auth_headers(Role.EDITOR))
    assert post(young).status_code == 201  # reopened by hand: kept open


def test_settings_are_validated(client, editor, problem):
    body = problem(client.patch(f"{API}/settings", json={"reports_threshold": -1}, headers=editor), 422)
    assert "reports_threshold" in body["errors"]
    problem(client.patch(f"{API}/settings", json={"nope": 1}, headers=editor), 422)
    problem(client.patch(f"{API}/settings", json={"site_premoderation": "maybe"}, headers=editor), 422)
    problem(client.patch(f"{API}/settings", json={"webhook_url": "http://example.org/hook",
                                                  "webhook_secret": "s" * 20}, headers=editor), 422)
    body = problem(client.patch(f"{API}/settings", json={"webhook_url": "https://127.0.0.1/hook"},
                                headers=editor), 422)
    assert "webhook_url" in body["errors"]


def test_settings_never_reveal_the_webhook_secret(app, client, editor):
    app.config["WEBHOOK_ALLOW_LOOPBACK"] = True
    try:
        response = client.patch(f"{API}/settings", json={"webhook_url": "http://127.0.0.1:9/hook",
                                                          "webhook_secret": "a-secret-of-20-chars"}, headers=editor)
    finally:
        app.config["WEBHOOK_ALLOW_LOOPBACK"] = False
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["settings"]["webhook_secret"] is True
    assert "a-secret" not in client.get(f"{API}/settings", headers=editor).get_data(as_text=True)


def test_threads_list_and_unknown_thread(client, key, editor, problem):
    items = client.get(f"{API}/threads?q={key}", headers=editor).get_json()["items"]
    assert [t["key"] for t in items] == [key]
    assert items[0] | {"premoderation": False, "closed": False} == items[0]
    problem(client.post(f"{API}/threads/news/none-such/close", json={}, headers=editor), 404)
    problem(client.post(f"{API}/threads/a/../b/close", json={}, headers=editor), 400)
