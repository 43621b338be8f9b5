"""The active version's and a candidate's outcome for one comment, fast enough for big backtests.

A comment's stored decision is the active version's own when it names that version (the engine is
a pure function), so the active side then costs nothing (else it runs once). The candidate differs from the active
version only in the rules whose definition or word lists changed: those run (one small policy of
just them, in the candidate's order) and every unchanged rule contributes its stored hits. The
outcome is then combined exactly as app.rules.engine.evaluate does. Whenever that shortcut could
be wrong — the limits changed, or the active version stopped early at a reject rule so later rules
never ran — the candidate is evaluated in full.
"""
import json
import time
from dataclasses import dataclass, replace

from app.rules import Submission
from app.rules import evaluate as rules_evaluate
from app.rules.engine import ENGINE_RULE, PreparedSubmission, combine


@dataclass(frozen=True)
class Result:
    outcome: str
    rules: frozenset  # rules with a real (non-error) hit
    categories: frozenset


def _signatures(policy, content):
    lists = content["word_lists"]
    out = {}
    for rule in policy.document["rules"]:
        names = sorted(set(rule.get("lexicons") or []) | set(rule.get("targets") or []))
        out[rule["id"]] = json.dumps([rule, {n: lists.get(n) for n in names}], sort_keys=True, ensure_ascii=False)
    return out


def _result(outcome, hits):
    real = [h for h in hits if not h.get("error") and h.get("rule") != ENGINE_RULE]
    return Result(str(outcome), frozenset(h["rule"] for h in real),
                  frozenset(h["category"] for h in real if h.get("category")))


def _hit_dicts(decision):
    return [hit.to_dict() for hit in decision.hits]


def evaluate(policy, fields):
    """The engine's evaluate over a shared PreparedSubmission: the active version and the candidate's
    changed rules then normalize a comment once. Rule budgets are timed on the wall clock here (the
    thread's CPU clock is a system call, twice a rule); a rule past its budget — wall time may include
    other processes' turns — is timed again on the CPU clock the site uses, from fresh fields."""
    decision = rules_evaluate(policy, fields.submission, clock=time.perf_counter, prepared=fields)
    if any(hit.error == "timeout" for hit in decision.hits):
        decision = rules_evaluate(policy, fields.submission)
    return decision


class Comparison:
    """`older(number)` -> (Policy, content) of an earlier version, or None: a comment decided by it
    is brought to the active version the same way (only the rules that changed since then run)."""

    def __init__(self, active, active_content, candidate, candidate_content, older=None):
        self.active, self.candidate = active, candidate
        self.active_content, self.older, self._bridges = active_content, older, {}
        before, after = _signatures(active, active_content), _signatures(candidate, candidate_content)
        self.changed_rules = {rule for rule, sig in after.items() if before.get(rule) != sig}
        self.same_limits = active.limits == candidate.limits
        changed = tuple(r for r in candidate.rules if r.id in self.changed_rules and r.enabled)
        self.changed_only = replace(candidate, rules=changed)
        self.policy_ref = {"id": active.id, "version": active.version}

    def _complete_hits(self, decision):
        """The decision's hits when they are the active version's complete evaluation, else None."""
        if not isinstance(decision, dict) or decision.get("policy") != self.policy_ref:
            return None
        hits = decision.get("hits") or []
        if decision.get("outcome") == "reject" and any(
                h.get("action") == "reject" and not h.get("error") for h in hits):
            return None  # the active version stopped at a reject rule: later rules never ran
        return hits

    def compare(self, body, name, website, stored_decision):
        """(active Result, candidate Result) for one comment."""
        submission = Submission(body=body or "", name=name or "", website=website or "")
        fields = PreparedSubmission(submission, self.active.max_input_chars)
        active = stored_decision
        hits = self._complete_hits(active)
        if hits is None:  # decided by an older version: bring it up to date
            active = self._from_older(fields, stored_decision)
            hits = self._complete_hits(active)
        if hits is None:  # never decided, or the shortcut cannot apply: the active version runs
            active = evaluate(self.active, fields).to_dict()
            hits = self._complete_hits(active)
        before = _result(active["outcome"], active["hits"])
        if hits is None or not self.same_limits:
            if not self.same_limits:
                fields = PreparedSubmission(submission, self.candidate.max_input_chars)
            candidate = evaluate(self.candidate, fields)
            return before, _result(candidate.outcome, _hit_dicts(candidate))
        return before, _result(*self._updated(fields, hits))

    def _bridge(self, number):
        if number not in self._bridges:
            loaded = self.older(number) if self.older is not None else None
            self._bridges[number] = loaded and Comparison(loaded[0], loaded[1], self.active, self.active_content)
        return self._bridges[number]

    def _from_older(self, fields, decision):
        ref = decision.get("policy") if isinstance(decision, dict) else None
        if not isinstance(ref, dict) or ref.get("id") != self.active.id or self.older is None:
            return None
        bridge = self._bridge(ref.get("version"))
        hits = bridge._complete_hits(decision) if bridge else None
        if hits is None or not bridge.same_limits:
            return None
        outcome, combined = bridge._updated(fields, hits)
        return {"outcome": outcome, "hits": combined, "policy": self.policy_ref}

    def _updated(self, fields, hits):
        """(outcome, hits) of the candidate, from the complete hits of the policy compared with."""
        fresh = _hit_dicts(evaluate(self.changed_only, fields)) if self.changed_only.rules else []
        return self._combine(hits, fresh)

    def _combine(self, stored, fresh):
        """engine.evaluate's outcome rule over stored hits (unchanged rules) and fresh ones."""
        by_rule = {}
        for hit in stored:
            if hit["rule"] not in self.changed_rules:
                by_rule.setdefault(hit["rule"], []).append(hit)
        for hit in fresh:
            if hit["rule"] != ENGINE_RULE:
                by_rule.setdefault(hit["rule"], []).append(hit)

        def results():
            for rule in self.candidate.rules:
                if not rule.enabled:
                    continue
                rule_hits = by_rule.get(rule.id)
                if not rule_hits:  # most rules, most comments: nothing to look through
                    yield rule, (), False, False
                    continue
                errors = sum(1 for h in rule_hits if h.get("error"))
                yield rule, rule_hits, errors > 0, errors < len(rule_hits)

        outcome, _score, hits = combine(self.candidate, results(), by_rule.get(ENGINE_RULE, []))
        return str(outcome), hits
