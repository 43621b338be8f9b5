"""The engine's data: submissions in, decisions with evidence out, compiled policies."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

FIELDS = ("body", "name", "website")


class Outcome(StrEnum):
    APPROVE = "approve"
    HOLD = "hold"
    REJECT = "reject"


class Action(StrEnum):
    HOLD = "hold"
    REJECT = "reject"


class PolicyError(Exception):
    """A policy that cannot be loaded; names the file, the rule and the field at fault."""

    def __init__(self, file: str | None, rule: str | None, field: str | None, message: str):
        self.file, self.rule, self.field, self.message = file, rule, field, message
        where = f"{file or '<document>'}: rule {rule or '(policy)'}: field {field or '(none)'}"
        super().__init__(f"{where}: {message}")


class RuleConfigError(Exception):
    """Raised by a rule type while compiling its options; the loader adds file and rule."""

    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True, slots=True)
class Submission:
    body: str = ""
    name: str = ""
    website: str = ""

    def field_text(self, name: str) -> str:
        return getattr(self, name) or ""


@dataclass(frozen=True, slots=True)
class Match:
    """What a rule type found, in the coordinates of one level of the normalized text.

    level is "text" or "plain" (see normalize.py) or "original"; notes are extra evidence steps.
    """

    start: int
    end: int
    term: str
    level: str = "text"
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Hit:
    rule: str
    category: str | None
    field: str
    start: int
    end: int
    text: str
    term: str
    steps: list[str]
    action: Action | None = None
    score: float | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        shaped: dict[str, Any] = {"rule": self.rule, "category": self.category}
        if self.action is not None:
            shaped["action"] = str(self.action)
        else:
            shaped["score"] = self.score
        shaped.update(
            field=self.field, start=self.start, end=self.end, text=self.text,
            term=self.term, steps=list(self.steps),
        )
        if self.error is not None:
            shaped["error"] = self.error
        return shaped


@dataclass(slots=True)
class Decision:
    outcome: Outcome
    score: float
    thresholds: dict[str, float]
    policy_id: str
    policy_version: int
    hits: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": str(self.outcome),
            "score": self.score,
            "thresholds": dict(self.thresholds),
            "policy": {"id": self.policy_id, "version": self.policy_version},
            "hits": [hit.to_dict() for hit in self.hits],
        }

    def violations(self) -> list[dict[str, str]]:
        """Distinct categories that made the comment rejected, in hit order.

        The reject-action hits when there are any; when the score alone rejected it, the
        categories of the scored hits.
        """
        if self.outcome != Outcome.REJECT:
            return []
        rejecting = [h for h in self.hits if h.action == Action.REJECT and h.error is None]
        if not rejecting:
            rejecting = [h for h in self.hits if h.score is not None]
        categories = dict.fromkeys(h.category for h in rejecting if h.category)
        return [{"category": category} for category in categories]


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled rule: the document's fields plus the rule type's compiled check."""

    id: str
    category: str
    type: str
    fields: tuple[str, ...]
    description: dict[str, str]
    examples: dict[str, list[str]]
    check: Any
    action: Action | None = None
    score: float | None = None
    enabled: bool = True


@dataclass(frozen=True)
class Policy:
    id: str
    version: int
    thresholds: dict[str, float]
    limits: dict[str, float]
    categories: dict[str, dict[str, str]]
    terms_intro: dict[str, str] | None
    rules: tuple[Rule, ...]
    document: dict[str, Any]
    source: str | None = None

    @property
    def max_input_chars(self) -> int:
        return int(self.limits["max_input_chars"])

    @property
    def rule_budget_seconds(self) -> float:
        return self.limits["rule_budget_ms"] / 1000.0
