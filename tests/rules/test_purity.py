"""app/rules is pure Python: no Flask, SQLAlchemy, bleach or other app packages."""

import ast
from pathlib import Path

import app.rules

RULES = Path(app.rules.__file__).parent
FORBIDDEN = ("flask", "sqlalchemy", "bleach", "werkzeug", "flask_sqlalchemy")


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def offending(module: str) -> bool:
    if module.startswith("."):
        return False  # relative imports stay inside app.rules
    top = module.split(".")[0]
    return top in FORBIDDEN or (top == "app" and not module.startswith("app.rules"))


def test_rules_import_nothing_outside_the_engine():
    modules = sorted(RULES.rglob("*.py"))
    assert len(modules) > 5
    bad = [(path.name, module) for path in modules for module in imported_modules(path) if offending(module)]
    assert bad == []


def test_the_check_itself_catches_offenders():
    assert offending("flask") and offending("sqlalchemy.orm") and offending("bleach")
    assert offending("app.models") and offending("app")
    assert not offending("app.rules.normalize") and not offending("re2")
