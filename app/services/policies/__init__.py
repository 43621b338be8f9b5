"""The policy editor's services: versions (seed, publish, rollback, import/export), drafts (rules,
word lists, thresholds) and documents (validation, YAML, diff). Views call these; no request here."""
from app.services.policies import documents, drafts, versions
from app.services.policies.documents import PolicyInvalid

__all__ = ["PolicyInvalid", "documents", "drafts", "versions"]
