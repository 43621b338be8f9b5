"""Helpers for rule-engine tests: build small policies in code, find what a rule hits."""

from pathlib import Path

import pytest

from app.rules import Submission, evaluate, load_policy_document, load_policy_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATEGORIES = {
    "insult": {"ar": "الابتعاد عن الشتائم", "en": "No insults"},
    "author_offense": {"ar": "عدم الإساءة للكاتب", "en": "No offending the writer"},
    "spam": {"ar": "عدم نشر الإعلانات", "en": "No spam"},
}


def rule(rule_id: str, rule_type: str, **options) -> dict:
    """A rule document with the required keys filled in; options override or add keys."""
    document = {
        "id": rule_id,
        "category": "insult",
        "type": rule_type,
        "action": "hold",
        "description": {"ar": "قاعدة اختبار", "en": "test rule"},
        "examples": {"match": [], "no_match": []},
    }
    if "score" in options:
        document.pop("action")
    document.update(options)
    return document


def document(*rules: dict, lexicons: dict[str, str] | None = None, **top) -> dict:
    return {
        "id": "unit",
        "version": 1,
        "thresholds": {"hold": 4, "reject": 10},
        "limits": {"max_input_chars": 5000, "rule_budget_ms": 50},
        "categories": CATEGORIES,
        "lexicons": {name: f"{name}.txt" for name in (lexicons or {})},
        "rules": list(rules),
        **top,
    }


def build(*rules: dict, lexicons: dict[str, str] | None = None, registry=None, **top):
    """A compiled policy from rule documents and word lists given as {name: text}."""
    return load_policy_document(document(*rules, lexicons=lexicons, **top), lexicons or {}, registry=registry)


def hits(policy, body: str = "", **fields) -> list:
    return evaluate(policy, Submission(body=body, **fields)).hits


def texts(policy, body: str, **fields) -> list[str]:
    """The original characters of every hit."""
    return [hit.text for hit in hits(policy, body, **fields)]


def terms(policy, body: str, **fields) -> list[str]:
    return [hit.term for hit in hits(policy, body, **fields)]


@pytest.fixture
def fixture_policy():
    return load_policy_file(FIXTURES / "policy.yaml")
