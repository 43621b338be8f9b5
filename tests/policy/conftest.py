"""Fixtures for the default policy's tests: the policy is loaded once per session."""
from pathlib import Path

import pytest

from app.rules import load_policy_file

ROOT = Path(__file__).resolve().parents[2]
POLICY_FILE = ROOT / "policies" / "default.yaml"
LEXICON_DIR = ROOT / "policies" / "lexicons" / "ar"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def policy():
    return load_policy_file(str(POLICY_FILE))
