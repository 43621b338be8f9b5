"""Hand-written violations: each gets its labeled outcome and a hit of its labeled category."""
import pytest

from app.rules import Submission, evaluate

from .conftest import DATA

CATEGORIES = {
    "author_offense", "person_offense", "sacred_offense", "religion_attack", "blasphemy",
    "sectarian_incitement", "racist_incitement", "insult", "spam",
}
ROWS = []
for line in (DATA / "violations.tsv").read_text(encoding="utf-8").splitlines():
    if line.strip() and not line.startswith("#"):
        category, outcome, text = line.split("\t")
        ROWS.append((category, outcome, text))


def test_there_are_at_least_200_across_all_categories():
    assert len(ROWS) >= 200
    assert {category for category, _, _ in ROWS} == CATEGORIES
    assert all(outcome in ("hold", "reject") for _, outcome, _ in ROWS)


@pytest.mark.parametrize("category, outcome, text", ROWS)
def test_violation_is_caught(policy, category, outcome, text):
    decision = evaluate(policy, Submission(body=text))
    hits = decision.to_dict()["hits"]
    categories = {hit["category"] for hit in hits}
    assert decision.outcome == outcome, f"{text!r}: {decision.outcome} != {outcome}; {hits}"
    assert category in categories, f"{text!r}: no {category} hit; got {sorted(categories)}"
