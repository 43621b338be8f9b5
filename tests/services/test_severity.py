"""Comment.severity follows the decision it is derived from, whenever the decision is set."""
from app.models import Comment
from app.models.comments import severity_of

HOLD_HIT = {"rule": "insult.plain", "category": "insult", "action": "hold"}
REJECT_HIT = {"rule": "blasphemy.formula", "category": "blasphemy", "action": "reject"}
SCORE_HIT = {"rule": "links.many", "category": "spam", "score": 3}


def test_severity_ranks_reject_rules_over_hold_rules_over_scores():
    assert severity_of({"score": 7, "hits": [SCORE_HIT]}) == 7.0
    assert severity_of({"score": 2, "hits": [SCORE_HIT, HOLD_HIT]}) == 102.0
    assert severity_of({"score": 0, "hits": [HOLD_HIT, REJECT_HIT]}) == 1000.0
    assert severity_of({"outcome": "approve", "score": 0, "hits": []}) == 0.0
    assert severity_of(None) == 0.0
    assert severity_of({"score": "9", "hits": "not a list"}) == 0.0  # a malformed decision is no crash


def test_setting_the_decision_sets_the_severity():
    comment = Comment(decision={"score": 3, "hits": [SCORE_HIT]})
    assert comment.severity == 3.0
    comment.decision = {"score": 0, "hits": [HOLD_HIT]}  # re-evaluated after an edit
    assert comment.severity == 100.0
    comment.decision = None
    assert comment.severity == 0.0
