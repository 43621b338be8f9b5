"""`flask policy check|test|eval` on a bare Flask app."""

import json
import shutil

import pytest
from flask import Flask

from app.commands.policy import policy_cli
from tests.rules.conftest import FIXTURES

POLICY = str(FIXTURES / "policy.yaml")


@pytest.fixture
def run():
    app = Flask(__name__)
    app.config["POLICY_FILE"] = POLICY
    app.cli.add_command(policy_cli)
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=["policy", *args])


def test_check_default_file(run):
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "OK" in result.output and "4 rules, 10 examples" in result.output


def test_check_reports_every_failing_example(run, tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "p")
    path = tmp_path / "p" / "policy.yaml"
    text = path.read_text(encoding="utf-8").replace('no_match: ["ذكي"]', 'no_match: ["غبي", "تافه"]')
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.output.count("FAIL insult.mild examples.no_match") == 2


def test_check_reports_an_invalid_file(run, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and "field version" in result.output


def test_test_shows_the_evidence(run):
    result = run("test", "يا كاتب المقال يا ح.م.ا.ر")
    assert result.exit_code == 0, result.output
    assert "outcome: reject" in result.output
    assert "author.insult [author_offense] action reject in body [18:25]" in result.output
    assert "»ح.م.ا.ر«" in result.output and "joined separated letters" in result.output


def test_test_json_and_name(run):
    result = run("test", "مقال جيد", "--name", "الكلب", "--json", "--policy", POLICY)
    decision = json.loads(result.output)
    assert decision["outcome"] == "hold" and decision["hits"][0]["field"] == "name"


def test_eval_reports_confusion_matrix_and_false_flag_terms(run, tmp_path):
    rows = [
        {"text": "الكاتب حمار", "label": "offensive", "kind": "author"},
        {"text": "يا كلب", "label": "offensive", "kind": "insult"},
        {"text": "انت شخص سيء", "label": "offensive", "kind": "insult"},
        {"text": "رأيت كلبا في الشارع، الكلب جميل", "label": "clean", "kind": None},
        {"text": "مقال رائع", "label": "clean", "kind": None},
    ]
    data = tmp_path / "data.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = run("eval", str(data), "--subtype-field", "kind")
    assert result.exit_code == 0, result.output
    assert "offensive              2          1" in result.output
    assert "not offensive          1          1" in result.output
    assert "overall: precision 0.667  recall 0.667  F1 0.667" in result.output
    assert "author_offense" in result.output and "insult" in result.output
    assert "'انت شخص سيء'" in result.output  # the miss
    assert "1  insult.plain: كلب" in result.output  # the term behind the false flag
    even = run("eval", str(data), "--ids", "even")
    assert "rows: 3" in even.output


def test_audit_reports_ordinary_words_read_as_a_listed_term(run, tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "p")
    insults = tmp_path / "p" / "lexicons" / "insults.txt"
    insults.write_text(insults.read_text(encoding="utf-8") + "خره\n", encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("فخره  # his pride: ف + خره\nحمار\nحمارين\nمرحبا\n", encoding="utf-8")
    result = run("audit", str(words), "--policy", str(tmp_path / "p" / "policy.yaml"), "--context", "{}")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith(("hold", "reject"))]
    assert lines == ["hold    فخره  ← insult.plain: خره"]
    assert "1 words flagged" in result.output
