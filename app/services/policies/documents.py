"""Policy documents as data: validation with field-level errors, compiling (cached), checksums,
YAML export and import, and the diff between two documents.

A stored document is the engine's normalized form (`Policy.document`: defaults filled in, keys in a
fixed order) plus `word_lists`, the text of every list it names. Validation errors are keyed by the
document path of the field at fault: `rules.<rule id>.<field>`, `lexicons.<name>`, `thresholds.hold`.
"""
import hashlib
import json
import re
import threading
from collections import OrderedDict

import yaml
from flask_babel import gettext as _

from app.errors import ValidationFailed
from app.rules import PolicyError, load_policy_document, read_policy_file, run_examples
from app.rules.words import parse_word_list

_compiled = OrderedDict()  # checksum + number -> Policy, the few most recent
_compiled_lock = threading.Lock()
COMPILED_KEEP = 8
LIST_NAME = re.compile(r"^[a-z0-9_.-]{1,64}$")
EXPORT_HEADER = "# Majlis policy export: the document and its word lists. `flask policy import FILE`.\n"


class PolicyInvalid(ValidationFailed):
    """A document the engine refuses; `errors` is {document path: [message]}."""


def checksum(document, word_lists):
    """SHA-256 of the content, the version number left out (same rules and lists, same sum)."""
    content = {"document": {k: v for k, v in document.items() if k != "version"},
               "word_lists": word_lists}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# ---------------------------------------------------------------------------- validation

_RE2 = re.compile(r"^RE2 refuses the pattern: (?P<reason>.*)$", re.S)
_UNKNOWN_LIST = re.compile(r"^unknown word list (?P<names>.*)$")
_UNKNOWN_CATEGORY = re.compile(r"^unknown category (?P<name>.*)$")


def _message(text):
    """The engine's English message, in the reader's language where we know its shape."""
    if text == "duplicate rule id":
        return _("Another rule already has this id.")
    if match := _RE2.match(text):
        return _("RE2 refuses the pattern: %(reason)s", reason=match["reason"])
    if match := _UNKNOWN_LIST.match(text):
        return _("Unknown word list: %(names)s", names=match["names"])
    if match := _UNKNOWN_CATEGORY.match(text):
        return _("Unknown category: %(name)s", name=match["name"])
    return _("Invalid: %(message)s", message=text)


def _key(rule, field):
    field = field or "document"
    return f"rules.{rule}.{field}" if rule else field


def validate(document, word_lists):
    """The compiled Policy, or PolicyInvalid with every error found (examples included)."""
    errors = {}
    names = document.get("lexicons") if isinstance(document, dict) else None
    for name in names or {}:
        text = word_lists.get(name)
        if text is None:
            errors[f"lexicons.{name}"] = [_("The word list has no text.")]
        elif not parse_word_list(text):
            errors[f"lexicons.{name}"] = [_("The word list is empty: add at least one term.")]
    if errors:
        raise PolicyInvalid(errors)
    try:
        policy = load_policy_document(document, word_lists, check_examples=False)
    except PolicyError as error:
        raise PolicyInvalid({_key(error.rule, error.field): [_message(error.message)]}) from None
    for failure in run_examples(policy):
        if failure.field == "examples.match":
            text = _("The rule does not match its own example «%(example)s».", example=failure.example)
        else:
            text = _("The rule matches «%(example)s», an example it must not match.", example=failure.example)
        errors.setdefault(_key(failure.rule, failure.field), []).append(text)
    if errors:
        raise PolicyInvalid(errors)
    return policy


def normalized(document, word_lists):
    """(the engine's normalized document, the word lists it names) after validating."""
    policy = validate(document, word_lists)
    names = policy.document["lexicons"]
    return policy.document, {name: word_lists[name] for name in names}


def compiled(document, word_lists, sum_=None):
    """The compiled Policy of a stored (already valid) document, cached by content and number."""
    key = (sum_ or checksum(document, word_lists), document.get("version"))
    with _compiled_lock:
        policy = _compiled.get(key)
        if policy is not None:
            _compiled.move_to_end(key)
            return policy
    policy = load_policy_document(document, word_lists, check_examples=False)
    with _compiled_lock:
        _compiled[key] = policy
        while len(_compiled) > COMPILED_KEEP:
            _compiled.popitem(last=False)
    return policy


def from_file(path):
    """(document, word lists) of a policy YAML on disk, normalized and validated."""
    try:
        document, texts = read_policy_file(path)
    except PolicyError as error:
        raise PolicyInvalid({_key(error.rule, error.field): [_message(error.message)]}) from None
    return normalized(document, texts)


# ---------------------------------------------------------------------------- YAML


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper, value):
    style = "|" if "\n" in value else None  # the emitter falls back to quotes when it must
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(document, word_lists):
    """The export: the document, then `word_lists` with every list's text (round-trips exactly)."""
    data = dict(document)
    data["word_lists"] = dict(sorted(word_lists.items()))
    return EXPORT_HEADER + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def from_yaml(text):
    """(document, word lists) from an export (a plain policy file: use from_file)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PolicyInvalid({"yaml": [_("Not valid YAML: %(error)s", error=str(error)[:300])]}) from None
    if not isinstance(data, dict):
        raise PolicyInvalid({"yaml": [_("The policy must be a YAML mapping.")]})
    word_lists = data.pop("word_lists", None)
    if not isinstance(word_lists, dict) or not all(isinstance(v, str) for v in word_lists.values()):
        raise PolicyInvalid({"word_lists": [_("Give the text of every word list under word_lists.")]})
    return normalized(data, word_lists)


# ---------------------------------------------------------------------------- word lists


def entries(text):
    """[(term, note)] of a word list's text, in order (comment lines left out)."""
    out = []
    for line in text.splitlines():
        term, _sep, note = line.partition(" # ")
        term = term.strip()
        if term and not term.startswith("#"):
            out.append((term, note.strip()))
    return out


def _notes(text):
    return dict(entries(text))


def diff(old, new):
    """What changed from `old` to `new` (each {"document", "word_lists"}), for people to read."""
    od, nd = old["document"], new["document"]
    old_rules = {r["id"]: r for r in od["rules"]}
    new_rules = {r["id"]: r for r in nd["rules"]}
    changed = []
    for rule_id, rule in new_rules.items():
        before = old_rules.get(rule_id)
        if before is not None and before != rule:
            keys = [k for k in dict.fromkeys([*before, *rule]) if before.get(k) != rule.get(k)]
            changed.append({"id": rule_id, "fields": {k: {"from": before.get(k), "to": rule.get(k)} for k in keys}})
    common = [r for r in old_rules if r in new_rules]
    lists = {"added": [], "removed": [], "changed": []}
    ol, nl = old["word_lists"], new["word_lists"]
    lists["added"] = sorted(set(nl) - set(ol))
    lists["removed"] = sorted(set(ol) - set(nl))
    for name in sorted(set(ol) & set(nl)):
        if ol[name] == nl[name]:
            continue
        before, after = _notes(ol[name]), _notes(nl[name])
        lists["changed"].append({
            "name": name,
            "added": [t for t in after if t not in before],
            "removed": [t for t in before if t not in after],
            "notes": [{"term": t, "from": before[t], "to": after[t]} for t in after
                      if t in before and before[t] != after[t]],
        })
    other = {k: {"from": od.get(k), "to": nd.get(k)} for k in ("id", "thresholds", "limits", "categories",
                                                                "terms_intro", "lexicons")
             if od.get(k) != nd.get(k)}
    return {
        "rules": {"added": [r for r in new_rules if r not in old_rules],
                  "removed": [r for r in old_rules if r not in new_rules],
                  "changed": changed,
                  "reordered": common != [r for r in new_rules if r in old_rules]},
        "word_lists": lists,
        "settings": other,
    }
