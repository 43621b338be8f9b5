"""evaluate(policy, submission) -> Decision: every rule in order, with evidence for each hit.

Reject rules short-circuit: the first one that hits records its hits and ends the evaluation.
Hold rules hold. Scored rules add their score once per rule that hits; the sum is compared with
the policy's thresholds (score ≥ reject → reject, ≥ hold → hold). A rule that raises or runs
past limits.rule_budget_ms adds a hit saying so and holds the comment: Python cannot stop a rule
midway, so time is measured around each rule and flagged afterwards (the clock is injectable).
The default clock is the thread's CPU time: a busy machine must not make a rule look slow and
hold innocent comments; a rule that really burns CPU is still caught.
"""

import time
from collections.abc import Callable

from app.rules.arabic import SECOND_READINGS
from app.rules.model import FIELDS, Action, Decision, Hit, Match, Outcome, Policy, Rule, Submission
from app.rules.normalize import NormalizedText, readings

MAX_HITS_PER_RULE = 50
ENGINE_RULE = "engine.input_limit"


class PreparedSubmission:
    """The submission's fields, cut to the input limit and normalized on first use.

    Several policies evaluating one comment (a backtest's active version and draft) can share one,
    so the comment is normalized once and word-list matches are memoized across them."""

    def __init__(self, submission: Submission, max_chars: int):
        self.submission, self.max_chars = submission, max_chars
        self._readings: dict[str, list[tuple[NormalizedText, bool]]] = {}

    def readings(self, field: str) -> list[tuple[NormalizedText, bool]]:
        """(normalized text, is the second reading) of the field: one, or two when it holds a چ."""
        if field not in self._readings:
            text = self.submission.field_text(field)
            self._readings[field] = readings(text[: self.max_chars]) if text else []
        return self._readings[field]

    def overlong(self) -> list[Hit]:
        hits = []
        for field in FIELDS:
            length = len(self.submission.field_text(field))
            if length > self.max_chars:
                hits.append(Hit(
                    ENGINE_RULE, None, field, self.max_chars, length, "", "", [], action=Action.HOLD,
                    error=f"longer than {self.max_chars} characters; the rest was not checked",
                ))
        return hits


def _original_span(text: NormalizedText, match: Match) -> tuple[int, int]:
    if match.level == "original":
        return match.start, match.end
    return text.to_original(match.start, match.end, match.level)


def _kept(matches: list[Match], text: NormalizedText, second: bool) -> list[Match]:
    """A second reading adds only what its letters changed; the rest the first reading found."""
    if not second:
        return matches
    return [m for m in matches if any(letter in text.original[slice(*_original_span(text, m))]
                                      for letter in SECOND_READINGS)]


def find_in_text(rule: Rule, original: str) -> list[Match]:
    """A rule's matches in one text, read every way evaluate reads a field (the examples use it)."""
    return [match for text, second in readings(original) for match in _kept(rule.check.find(text), text, second)]


def _hits(rule: Rule, field: str, text: NormalizedText, matches) -> list[Hit]:
    hits = []
    for match in matches[:MAX_HITS_PER_RULE]:
        start, end = _original_span(text, match)
        steps = list(match.notes)
        if match.level != "original":
            steps = text.steps(match.start, match.end, match.level) + steps
        hits.append(Hit(
            rule.id, rule.category, field, start, end, text.original[start:end], match.term,
            steps, action=rule.action, score=rule.score,
        ))
    return hits


def _failure(rule: Rule, field: str, error: str, steps: list[str]) -> Hit:
    return Hit(rule.id, rule.category, field, 0, 0, "", "", steps, action=Action.HOLD, error=error)


def _timed_find(rule: Rule, text: NormalizedText, clock: Callable[[], float]):
    started = clock()
    matches = rule.check.find(text)
    return matches, clock() - started


def _readings(rule: Rule, fields: PreparedSubmission):
    """(field, normalized text, is the second reading) for each field the rule reads."""
    for field in rule.fields:
        for text, second in fields.readings(field):
            yield field, text, second


def _run_rule(rule: Rule, fields: PreparedSubmission, clock: Callable[[], float], budget: float):
    """The rule's hits and whether it failed (raised or ran past its budget).

    A field that takes the rule past its budget is timed once more before the rule is called slow:
    a pause of the whole process (a garbage collection, a first use of a cache) lands inside some
    rule now and then, and must not hold an innocent comment; a rule that is really slow is slow
    twice."""
    hits, spent = [], 0.0
    for field, text, second in _readings(rule, fields):
        try:
            matches, took = _timed_find(rule, text, clock)
            if spent + took > budget:
                matches, took = _timed_find(rule, text, clock)
        except Exception as error:  # a broken rule holds the comment, never fails the request
            return hits + [_failure(rule, field, f"{type(error).__name__}: {error}", [])], True
        spent += took
        hits += _hits(rule, field, text, _kept(matches, text, second))
        if spent > budget:
            took = f"took {spent * 1000:.1f} ms, budget {budget * 1000:g} ms"
            return hits + [_failure(rule, field, "timeout", [took])], True
    return hits, False


def combine(policy: Policy, results, initial_hits=()):
    """(outcome, score, hits) from each enabled rule's result, in policy order.

    `results` yields (rule, hits, failed, matched): `failed` when the rule raised or overran,
    `matched` when it has a real hit. It is consumed lazily, so a reject rule stops the rules after
    it from running at all. The one place the outcome is decided: evaluate and backtests share it.
    """
    hits = list(initial_hits)
    held, rejected, score = bool(hits), False, 0
    for rule, rule_hits, failed, matched in results:
        hits += rule_hits
        held = held or failed
        if not matched:
            continue
        if rule.action == Action.REJECT:
            rejected = True
            break
        if rule.action == Action.HOLD:
            held = True
        else:
            score += rule.score
    thresholds = policy.thresholds
    if rejected or score >= thresholds["reject"]:
        outcome = Outcome.REJECT
    elif held or score >= thresholds["hold"]:
        outcome = Outcome.HOLD
    else:
        outcome = Outcome.APPROVE
    return outcome, score, hits


def evaluate(
    policy: Policy,
    submission: Submission,
    *,
    clock: Callable[[], float] = time.thread_time,
    prepared: PreparedSubmission | None = None,
) -> Decision:
    fields = prepared if prepared is not None else PreparedSubmission(submission, policy.max_input_chars)

    def results():
        for rule in policy.rules:
            if rule.enabled:
                rule_hits, failed = _run_rule(rule, fields, clock, policy.rule_budget_seconds)
                yield rule, rule_hits, failed, bool(rule_hits) and any(hit.error is None for hit in rule_hits)

    outcome, score, hits = combine(policy, results(), fields.overlong())
    return Decision(outcome, score, dict(policy.thresholds), policy.id, policy.version, hits)
