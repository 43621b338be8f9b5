"""Shared fixtures of the policy editor's API tests (imported by test_policy_*); no tests here.

`editor_app` is an app whose comments use the database's active policy version (seeded from the
test policy: «بطيخ» holds, «باذنجان» rejects), re-checked on every call, with backtests run inline.
"""
import pytest
from test_moderation_support import *  # noqa: F403  (accounts, tokens, sessions)
from test_moderation_support import __all__ as MODERATION_FIXTURES
from test_moderation_support import bearer

from app.models import Role

P = "/api/v1/policy"
HOLD_RULE = {
    "id": "test.fruit", "category": "insult", "type": "lexicon", "fields": ["body"], "action": "hold",
    "description": {"ar": "فاكهة للاختبار", "en": "A test fruit"},
    "examples": {"match": ["أحب التفاح"], "no_match": ["أحب الخبز"]}, "lexicons": ["fruit"],
}


class FakeMonotonic:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def editor_app(app_with):
    return app_with(POLICY_SOURCE="database", POLICY_REFRESH_SECONDS=0, TASK_QUEUE="immediate",
                    STATS_CACHE_SECONDS=0)


@pytest.fixture
def api(editor_app, make_account, token_for):
    """api(role=EDITOR) -> a client of editor_app and its bearer headers."""

    def make(role=Role.EDITOR):
        return editor_app.test_client(), bearer(token_for(make_account(role)))

    return make


@pytest.fixture
def editor(api):
    """(client, headers) of an editor."""
    return api(Role.EDITOR)


@pytest.fixture
def draft(editor):
    """The id of a new draft (a copy of the active version)."""
    client, headers = editor
    response = client.post(f"{P}/drafts", json={}, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["draft"]["id"]


@pytest.fixture
def with_fruit(editor, draft):
    """The draft with a `fruit` list (تفاح) and a hold rule on it."""
    client, headers = editor
    response = client.put(f"{P}/drafts/{draft}/lists/fruit", json={"text": "# fruit\nتفاح\n"}, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    response = client.post(f"{P}/drafts/{draft}/rules", json=HOLD_RULE, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return draft


def comment_via(client, key="news/policy", **fields):
    from tests.conftest import comment_data

    return client.post(f"/api/v1/threads/{key}/comments", json=comment_data(**fields))


__all__ = ["FakeMonotonic", "HOLD_RULE", "P", "api", "comment_via", "draft", "editor", "editor_app",
           "with_fruit", *MODERATION_FIXTURES]
