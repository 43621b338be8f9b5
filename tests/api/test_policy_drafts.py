"""Drafts: rules (create, edit, disable, move, delete), thresholds, word lists (add, bulk paste, notes,
remove), and every validation error as a 422 keyed by the request's own field."""
import pytest
from test_policy_support import *  # noqa: F403
from test_policy_support import HOLD_RULE, P


@pytest.fixture
def call(editor, draft):
    client, headers = editor

    def send(method, suffix="", body=None):
        return client.open(f"{P}/drafts/{draft}{suffix}", method=method, json=body, headers=headers)

    return send


def test_create_list_rename_delete(editor, draft, audit_rows):
    client, headers = editor
    items = client.get(f"{P}/drafts", headers=headers).get_json()["items"]
    assert [d["id"] for d in items] == [draft] and items[0]["base_version"] == 1
    renamed = client.patch(f"{P}/drafts/{draft}", json={"name": "تجربة"}, headers=headers).get_json()
    assert renamed["draft"]["name"] == "تجربة" and renamed["draft"]["revision"] == 2
    assert client.delete(f"{P}/drafts/{draft}", headers=headers).status_code == 204
    assert client.get(f"{P}/drafts/{draft}", headers=headers).status_code == 404
    actions = [row["action"] for row in audit_rows() if row["action"].startswith("policy_draft")]
    assert actions == ["policy_draft_create", "policy_draft_edit", "policy_draft_delete"]


def test_rule_lifecycle(call, with_fruit):
    view = call("GET").get_json()
    assert view["document"]["rules"][-1]["id"] == "test.fruit"
    assert view["diff"]["rules"]["added"] == ["test.fruit"] and view["diff"]["word_lists"]["added"] == ["fruit"]
    off = call("PATCH", "/rules/test.fruit", {"enabled": False}).get_json()
    assert off["document"]["rules"][-1]["enabled"] is False
    scored = call("PATCH", "/rules/test.fruit", {"action": None, "score": 2}).get_json()
    assert scored["document"]["rules"][-1]["score"] == 2 and "action" not in scored["document"]["rules"][-1]
    replaced = call("PUT", "/rules/test.fruit", dict(HOLD_RULE, action="reject")).get_json()
    assert replaced["document"]["rules"][-1]["action"] == "reject"
    moved = call("POST", "/rules/test.fruit/move", {"position": 0}).get_json()
    assert [r["id"] for r in moved["document"]["rules"]] == ["test.fruit", "test.hold", "test.reject"]
    gone = call("DELETE", "/rules/test.fruit").get_json()
    assert [r["id"] for r in gone["document"]["rules"]] == ["test.hold", "test.reject"]
    assert call("DELETE", "/rules/test.fruit").status_code == 404


def rule(**changes):
    """A valid rule on the hold list, changed; a key set to None is left out."""
    body = {**HOLD_RULE, "lexicons": ["hold_words"], "examples": {"match": ["بطيخ"], "no_match": []}, **changes}
    return {k: v for k, v in body.items() if v is not None}


@pytest.mark.parametrize(("body", "field"), [
    (rule(id="test.hold"), "id"),  # a duplicate id
    (rule(type="pattern", pattern="(a+", lexicons=None), "pattern"),  # RE2 refuses it
    (rule(examples={"match": ["أحب الخبز"], "no_match": []}), "examples.match"),  # its own example
    (rule(examples={"match": ["بطيخ"], "no_match": ["بطيخ أحمر"]}), "examples.no_match"),
    (rule(type="nonsense"), "type"),
    (rule(category="weather"), "category"),
    (rule(lexicons=["no_such_list"]), "lexicons"),
    (rule(action="delete"), "action"),
    (rule(id="Bad Id"), "id"),
])
def test_rule_validation_errors_name_the_field(call, problem, body, field):
    errors = problem(call("POST", "/rules", body), 422)["errors"]
    assert field in errors, errors
    assert all(isinstance(m, str) and m for m in errors[field])


def test_rule_errors_are_arabic_by_default(call, problem):
    errors = problem(call("POST", "/rules", rule(type="pattern", pattern="(a+", lexicons=None)), 422)["errors"]
    assert "RE2" in errors["pattern"][0] and "يرفض" in errors["pattern"][0]


def test_unknown_rule_key_is_refused_by_the_schema(call, problem):
    assert "colour" in problem(call("POST", "/rules", rule(colour="red")), 422)["errors"]


def test_editing_a_rule_into_an_invalid_one_is_refused_and_nothing_changes(call, problem):
    before = call("GET").get_json()
    errors = problem(call("PATCH", "/rules/test.hold", {"type": "pattern", "lexicons": None,
                                                        "pattern": "[unclosed"}), 422)["errors"]
    assert "pattern" in errors
    after = call("GET").get_json()
    assert after["document"] == before["document"] and after["draft"]["revision"] == before["draft"]["revision"]


def test_thresholds(call, problem):
    assert call("PUT", "/thresholds", {"hold": 3, "reject": 8}).get_json()["document"]["thresholds"] == {
        "hold": 3, "reject": 8}
    assert "hold" in problem(call("PUT", "/thresholds", {"hold": 9, "reject": 8}), 422)["errors"]
    assert "reject" in problem(call("PUT", "/thresholds", {"hold": 1}), 422)["errors"]


def test_word_list_terms_with_notes_bulk_paste_and_removal(call):
    view = call("POST", "/lists/hold_words/terms", {"terms": [{"term": "قرنبيط", "note": "خضار"}]}).get_json()
    assert "قرنبيط # خضار" in view["word_lists"]["hold_words"]
    assert view["diff"]["word_lists"]["changed"][0]["added"] == ["قرنبيط"]
    call("POST", "/lists/hold_words/terms", {"text": "كوسا # خضار أيضًا\n\n# a comment line\nجزر\n"})
    listing = call("GET", "/lists/hold_words").get_json()
    assert {"term": "كوسا", "note": "خضار أيضًا"} in listing["terms"]
    assert {"term": "جزر", "note": None} in listing["terms"]
    assert listing["rules"] == ["test.hold"]
    # a term listed again only changes its note
    call("POST", "/lists/hold_words/terms", {"terms": [{"term": "جزر", "note": "برتقالي"}]})
    terms = call("GET", "/lists/hold_words").get_json()["terms"]
    assert [t for t in terms if t["term"] == "جزر"] == [{"term": "جزر", "note": "برتقالي"}]
    removed = call("POST", "/lists/hold_words/terms/remove", {"terms": ["جزر", "كوسا"]}).get_json()
    assert "جزر" not in removed["word_lists"]["hold_words"] and "قرنبيط" in removed["word_lists"]["hold_words"]


def test_word_list_errors(call, problem):
    # emptying a list is refused: the last term cannot go
    errors = problem(call("POST", "/lists/reject_words/terms/remove", {"terms": ["باذنجان"]}), 422)["errors"]
    assert "terms" in errors
    assert "terms" in problem(call("POST", "/lists/hold_words/terms/remove", {"terms": ["ليست"]}), 422)["errors"]
    assert "text" in problem(call("PUT", "/lists/spare", {"text": "# only a comment\n"}), 422)["errors"]
    assert "text" in problem(call("POST", "/lists/hold_words/terms", {"text": "\n# x\n"}), 422)["errors"]
    assert "terms" in problem(call("POST", "/lists/hold_words/terms", {"terms": [{"term": "a#b"}]}), 422)["errors"]
    assert "name" in problem(call("PUT", "/lists/Bad Name", {"text": "x\n"}), 422)["errors"]
    assert call("GET", "/lists/none_such").status_code == 404
    # removing a list a rule uses
    errors = problem(call("DELETE", "/lists/hold_words"), 422)["errors"]
    assert "rules.test.hold.lexicons" in errors


def test_new_list_and_delete_an_unused_one(call):
    view = call("PUT", "/lists/spare", {"text": "# spare\nكلمة\n"}).get_json()
    assert view["document"]["lexicons"]["spare"] == "lexicons/spare.txt"
    view = call("DELETE", "/lists/spare").get_json()
    assert "spare" not in view["word_lists"]


def test_a_stale_revision_is_409(call, problem):
    revision = call("GET").get_json()["draft"]["revision"]
    call("PUT", "/thresholds", {"hold": 3, "reject": 8, "revision": revision})
    problem(call("PUT", "/thresholds", {"hold": 2, "reject": 8, "revision": revision}), 409)
