"""Every rule's own examples: `match` examples are hit by THAT rule, `no_match` ones are not."""
import pytest
import yaml

from app.rules import Submission, evaluate

from .conftest import POLICY_FILE

DOC = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
CASES = [
    pytest.param(rule["id"], kind, text, id=f"{rule['id']}-{kind}-{i}")
    for rule in DOC["rules"]
    for kind in ("match", "no_match")
    for i, text in enumerate(rule["examples"][kind])
]


def rules_hit(policy, text):
    return {hit["rule"] for hit in evaluate(policy, Submission(body=text)).to_dict()["hits"]}


@pytest.mark.parametrize("rule_id, kind, text", CASES)
def test_rule_example(policy, rule_id, kind, text):
    hit = rules_hit(policy, text)
    if kind == "match":
        assert rule_id in hit, f"{rule_id} should hit {text!r}; hits: {sorted(hit)}"
    else:
        assert rule_id not in hit, f"{rule_id} should not hit {text!r}"


def test_every_rule_has_examples_both_ways():
    for rule in DOC["rules"]:
        assert rule["examples"]["match"], rule["id"]
        assert rule["examples"]["no_match"], rule["id"]


def test_every_seed_term_has_a_rule():
    categories = {rule["category"] for rule in DOC["rules"] if rule.get("enabled", True)}
    assert categories == {
        "author_offense", "person_offense", "sacred_offense", "religion_attack", "blasphemy",
        "sectarian_incitement", "racist_incitement", "insult", "spam",
    }


def test_descriptions_in_both_languages():
    for rule in DOC["rules"]:
        assert rule["description"]["ar"].strip() and rule["description"]["en"].strip(), rule["id"]


def test_every_word_list_rule_reads_the_written_exceptions():
    # an ordinary word that collapses onto a listed term (هنيك onto هنيكك) is ordinary whichever
    # rule's lists hold the term, so no word-list rule may leave the written exceptions out
    missing = [
        rule["id"] for rule in DOC["rules"]
        if rule["type"] in ("lexicon", "targeted") and "except_written" not in rule.get("except_written", [])
    ]
    assert missing == []
