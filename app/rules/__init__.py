"""The rule engine: pure Python, no Flask, SQLAlchemy or bleach (a test enforces it).

    policy = load_policy_file("policies/default.yaml")
    decision = evaluate(policy, Submission(body=..., name=..., website=...))
"""

from app.rules.engine import evaluate
from app.rules.examples import ExampleFailure, run_examples
from app.rules.loader import load_policy_document, load_policy_file, read_policy_file
from app.rules.model import Action, Decision, Hit, Outcome, Policy, PolicyError, Rule, Submission

__all__ = [
    "Action",
    "Decision",
    "ExampleFailure",
    "Hit",
    "Outcome",
    "Policy",
    "PolicyError",
    "Rule",
    "Submission",
    "evaluate",
    "load_policy_document",
    "load_policy_file",
    "read_policy_file",
    "run_examples",
]
