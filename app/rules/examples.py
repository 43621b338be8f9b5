"""Running each rule's own examples: every `match` must be hit by the rule, no `no_match` may be."""

from dataclasses import dataclass

from app.rules.engine import find_in_text
from app.rules.model import Policy, Rule


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    field: str  # "examples.match" or "examples.no_match"
    example: str
    message: str


def run_examples(policy: Policy) -> list[ExampleFailure]:
    failures = []
    for rule in policy.rules:
        failures.extend(_rule_failures(rule, policy.max_input_chars))
    return failures


def _rule_failures(rule: Rule, max_chars: int):
    for kind in ("match", "no_match"):
        for example in rule.examples.get(kind, []):
            try:
                matches = find_in_text(rule, example[:max_chars])
            except Exception as error:  # a broken rule type must not hide behind its examples
                yield ExampleFailure(rule.id, f"examples.{kind}", example, f"raised {error!r}")
                continue
            if kind == "match" and not matches:
                yield ExampleFailure(
                    rule.id, "examples.match", example, f"example {example!r} is not matched by the rule"
                )
            elif kind == "no_match" and matches:
                terms = ", ".join(dict.fromkeys(m.term for m in matches))
                yield ExampleFailure(
                    rule.id, "examples.no_match", example,
                    f"example {example!r} must not match but the rule found {terms}",
                )
