"""The README documents every setting create_app reads, so configuration never drifts from it."""
from pathlib import Path

from app.config import DEFAULTS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme():
    missing = [key for key in DEFAULTS if f"MAJLIS_{key}" not in README and key not in (
        "RATELIMIT_STORAGE_URI",)]  # documented under its own un-prefixed name
    assert not missing, f"settings missing from README.md: {missing}"


def test_the_two_commands_are_in_the_readme():
    assert "make run" in README and "make test" in README
