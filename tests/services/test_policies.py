"""Policy documents as data: validation errors by field, checksums, YAML round trips, diffs, a
pathological pattern that cannot stall evaluation, and the runtime's sources."""
import copy
import time

import pytest
import yaml

from app.rules import Submission, evaluate
from app.services import policy_runtime
from app.services.policies import PolicyInvalid, documents, versions
from tests.conftest import TEST_POLICY


@pytest.fixture(scope="module")
def content():
    return documents.from_file(TEST_POLICY)


def errors_of(document, word_lists):
    with pytest.raises(PolicyInvalid) as caught:
        documents.validate(document, word_lists)
    return caught.value.extra["errors"]


def test_a_valid_document_compiles(app, content):
    with app.test_request_context():
        policy = documents.validate(*content)
    assert [r.id for r in policy.rules] == ["test.hold", "test.reject"]


def to_pattern(rule, pattern):
    rule.pop("lexicons")
    rule.update(type="pattern", pattern=pattern)


@pytest.mark.parametrize(("change", "key"), [
    (lambda d, w: to_pattern(d["rules"][0], "(?<=x)y"), "rules.test.hold.pattern"),  # RE2 refuses look-behind
    (lambda d, w: w.update(hold_words="# nothing but a comment\n"), "lexicons.hold_words"),
    (lambda d, w: d["rules"].append(copy.deepcopy(d["rules"][0])), "rules.test.hold.id"),
    (lambda d, w: d["rules"][0]["examples"]["match"].append("أحب الخبز"), "rules.test.hold.examples.match"),
    (lambda d, w: d["rules"][1]["examples"]["no_match"].append("باذنجان"), "rules.test.reject.examples.no_match"),
    (lambda d, w: d["thresholds"].update(hold=20), "thresholds.hold"),
    (lambda d, w: w.pop("reject_words"), "lexicons.reject_words"),
])
def test_errors_are_keyed_by_the_field_at_fault(app, content, change, key):
    document, word_lists = copy.deepcopy(content[0]), dict(content[1])
    change(document, word_lists)
    with app.test_request_context():
        errors = errors_of(document, word_lists)
    assert key in errors, errors


def test_every_failing_example_is_reported(app, content):
    document = copy.deepcopy(content[0])
    document["rules"][0]["examples"]["match"] += ["أحب الخبز", "أحب الجبن"]
    with app.test_request_context():
        errors = errors_of(document, content[1])
    assert len(errors["rules.test.hold.examples.match"]) == 2


def test_checksum_ignores_the_version_number(content):
    document, word_lists = content
    assert documents.checksum(dict(document, version=5), word_lists) == documents.checksum(document, word_lists)
    assert documents.checksum(document, dict(word_lists, hold_words="بطيخ\nتفاح\n")) != documents.checksum(
        document, word_lists)


def test_yaml_round_trip_is_exact(app, content):
    text = documents.to_yaml(*content)
    with app.test_request_context():
        again = documents.from_yaml(text)
    assert again == content
    assert documents.to_yaml(*again) == text
    assert yaml.safe_load(text)["word_lists"]["hold_words"] == content[1]["hold_words"]


def test_diff_names_rules_terms_notes_and_settings(content):
    document, word_lists = content
    new_doc = copy.deepcopy(document)
    new_doc["rules"][0]["action"] = "reject"
    new_doc["rules"].pop(1)
    new_doc["thresholds"] = {"hold": 3, "reject": 10}
    new_lists = dict(word_lists, hold_words=word_lists["hold_words"] + "تفاح # fruit\n")
    change = documents.diff({"document": document, "word_lists": word_lists},
                            {"document": new_doc, "word_lists": new_lists})
    assert change["rules"]["removed"] == ["test.reject"]
    assert change["rules"]["changed"] == [{"id": "test.hold", "fields": {"action": {"from": "hold", "to": "reject"}}}]
    assert change["word_lists"]["changed"][0]["added"] == ["تفاح"]
    assert change["settings"]["thresholds"] == {"from": {"hold": 4, "reject": 10}, "to": {"hold": 3, "reject": 10}}


def test_a_pathological_pattern_cannot_stall_evaluation(app, content):
    """`(a+)+$` backtracks exponentially in Python's re; on RE2 it is linear."""
    document = copy.deepcopy(content[0])
    document["rules"].append({
        "id": "test.redos", "category": "insult", "type": "pattern", "fields": ["body"], "action": "hold",
        "pattern": "(a+)+$", "description": {"ar": "نمط", "en": "pattern"},
        "examples": {"match": ["aaaa"], "no_match": ["aaab"]}})
    with app.test_request_context():
        policy = documents.validate(document, content[1])
    body = "a" * 19_999 + "!"
    started = time.perf_counter()
    decision = evaluate(policy, Submission(body=body))
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"evaluation took {elapsed:.2f} s"
    assert decision.outcome == "approve" and not decision.hits
    assert evaluate(policy, Submission(body="a" * 19_999)).outcome == "hold"


def test_seeding_is_idempotent_and_the_runtime_reads_the_active_version(app_with):
    other = app_with(POLICY_SOURCE="database", POLICY_REFRESH_SECONDS=0)
    with other.app_context():
        before = policy_runtime.active_policy()  # no version yet: the seed file as version 1 would be
        assert (before.id, before.version) == ("test", 1)
        assert versions.ensure_seeded() is True and versions.ensure_seeded() is False
        assert policy_runtime.active_policy().version == 1


def test_file_source_ignores_the_database(app):
    assert app.config["POLICY_SOURCE"] == "file"  # the suite passes POLICY_FILE as an override
    with app.app_context():
        assert policy_runtime.active_policy().source.endswith("policy.yaml")
