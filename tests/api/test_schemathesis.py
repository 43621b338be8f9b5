"""Schemathesis over our OpenAPI document, in-process: no 5xx, and no answer that breaks the schema.

The schema is loaded at module level (schemathesis 4's `from_fixture` breaks on pytest 9) from an
app of its own on a fresh, migrated SQLite file, with rate limits off and the test policy.
"""
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from flask_migrate import upgrade
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_folder = tempfile.mkdtemp(prefix="majlis-schemathesis-")
app = create_app({
    "TESTING": True,
    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(_folder, 'schemathesis.db').as_posix()}",
    "SECRET_KEY": "schemathesis-secret",
    "RATELIMIT_ENABLED": False,
    "POLICY_FILE": (FIXTURES / "policy.yaml").as_posix(),
    "TASK_QUEUE": f"sqlite:///{Path(_folder, 'tasks.db').as_posix()}",
})
with app.app_context():
    upgrade()
    # Something to find: an article with a comment and a reply, so ids and keys are not all unknown.
    client = app.test_client()
    first = client.post("/api/v1/threads/news/seeded/comments",
                        json={"name": "قارئ", "email": "seed@example.org", "body": "تعليق أول"}).get_json()
    client.post("/api/v1/threads/news/seeded/comments",
                json={"name": "قارئة", "email": "seed2@example.org", "body": "رد",
                      "parent_id": first["comment"]["id"]})

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module", autouse=True)
def _remove_database():
    yield
    with app.app_context():
        from app.extensions import db

        db.engine.dispose()
    shutil.rmtree(_folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _limits_as_configured():
    # The Limiter is one object per process; another test may have switched it on.
    from app.extensions import limiter

    limiter.enabled = False


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(checks=CHECKS)


def test_the_schema_documents_the_contract():
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    post = document["paths"]["/api/v1/threads/{key}/comments"]["post"]
    assert {"201", "202", "default"} <= set(post["responses"])
    assert "application/problem+json" in post["responses"]["default"]["content"]
    body = post["requestBody"]["content"]
    assert {"application/json", "application/x-www-form-urlencoded"} <= set(body)
    fields = document["components"]["schemas"]["CommentIn"]["properties"]
    assert fields["name"]["maxLength"] == 245 and fields["email"]["maxLength"] == 254
    assert fields["website"]["maxLength"] == 200 and fields["body"]["maxLength"] == 5000
    assert "pattern" in fields["name"] and "pattern" in fields["body"] and "pattern" in fields["website"]
    assert "email" not in document["components"]["schemas"]["CommentPage"]["properties"]
