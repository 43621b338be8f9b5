"""Hand-written hard negatives: each is approved with no hit at all."""
import pytest

from app.rules import Submission, evaluate

from .conftest import DATA

LINES = [
    line.strip()
    for line in (DATA / "hard_negatives.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_there_are_at_least_300():
    assert len(LINES) >= 300
    assert len(set(LINES)) == len(LINES), "duplicate sentences"


@pytest.mark.parametrize("text", LINES)
def test_hard_negative_is_approved_untouched(policy, text):
    decision = evaluate(policy, Submission(body=text))
    hits = [(h["rule"], h["text"]) for h in decision.to_dict()["hits"]]
    assert decision.outcome == "approve" and not hits, f"{text!r} → {decision.outcome} {hits}"
