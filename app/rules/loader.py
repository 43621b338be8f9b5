"""Loading a policy: validate the YAML document, compile every rule once, check the examples.

Every problem raises PolicyError naming the file, the rule and the field. load_policy_file
caches compiled policies by path and the modification times of the file and its word lists.
"""

import os
import threading

import yaml
from marshmallow import ValidationError

from app.rules.checks import CHECKS, WORD_LIST_OPTIONS
from app.rules.examples import run_examples
from app.rules.model import Policy, PolicyError, Rule, RuleConfigError
from app.rules.patterns import list_names
from app.rules.schema import PolicyDocument, rule_schema
from app.rules.words import Lexicons

_cache: dict[str, tuple[tuple, Policy]] = {}
_cache_lock = threading.Lock()


def load_policy_file(path: str | os.PathLike) -> Policy:
    """The compiled policy in a YAML file; compiled again only when it or a word list changed."""
    path = os.path.abspath(path)
    with _cache_lock:
        cached = _cache.get(path)
    if cached is not None and cached[0] == _fingerprint(path, cached[1]):
        return cached[1]
    document, lexicon_texts = read_policy_file(path)
    policy = load_policy_document(document, lexicon_texts, source=path)
    with _cache_lock:
        _cache[path] = (_fingerprint(path, policy), policy)
    return policy


def _lexicon_paths(path: str, document: dict) -> dict[str, str]:
    lexicons = document.get("lexicons") if isinstance(document, dict) else None
    if not isinstance(lexicons, dict):
        return {}
    folder = os.path.dirname(path)
    return {name: os.path.join(folder, str(rel)) for name, rel in lexicons.items()}


def _fingerprint(path: str, policy: Policy | None) -> tuple:
    try:
        files = [path, *_lexicon_paths(path, policy.document).values()] if policy else [path]
        return tuple(os.stat(f).st_mtime_ns for f in files)
    except OSError:
        return ()


def read_policy_file(path: str) -> tuple[dict, dict[str, str]]:
    """The YAML document and the text of each word list it names."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except OSError as error:
        raise PolicyError(path, None, None, f"cannot read the policy: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise PolicyError(path, None, None, f"not valid YAML: {error}") from None
    texts = {}
    for name, lexicon_path in _lexicon_paths(path, document).items():
        try:
            with open(lexicon_path, encoding="utf-8") as handle:
                texts[name] = handle.read()
        except OSError:
            rule = _first_rule_using(document, name)
            raise PolicyError(
                path, rule, f"lexicons.{name}", f"word list file not found: {lexicon_path}"
            ) from None
    return document, texts


def _first_rule_using(document: dict, name: str) -> str | None:
    for rule in document.get("rules") or []:
        if isinstance(rule, dict) and (
            any(name in (rule.get(option) or []) for option in WORD_LIST_OPTIONS)
            or name in list_names(str(rule.get("pattern") or ""))
        ):
            return rule.get("id")
    return None


def _first_error(messages, path: str = "") -> tuple[str, str]:
    """The dotted field path and message of the first error in marshmallow's nested messages."""
    if isinstance(messages, dict):
        key, value = next(iter(messages.items()))
        key = "" if key == "_schema" else str(key)
        return _first_error(value, f"{path}.{key}" if path and key else path or key)
    if isinstance(messages, list) and messages:
        return _first_error(messages[0], path) if not isinstance(messages[0], str) else (path, messages[0])
    return path, str(messages)


def load_policy_document(
    document: dict,
    lexicon_texts: dict[str, str] | None = None,
    *,
    source: str | None = None,
    registry: dict[str, type] | None = None,
    check_examples: bool = True,
) -> Policy:
    """Validate and compile a policy document whose word lists are given as texts by name."""
    registry = CHECKS if registry is None else registry
    lexicon_texts = lexicon_texts or {}
    if not isinstance(document, dict):
        raise PolicyError(source, None, None, "the policy must be a mapping")
    try:
        loaded = PolicyDocument().load(document)
    except ValidationError as error:
        raise PolicyError(source, None, *_first_error(error.messages)) from None
    missing = [name for name in loaded["lexicons"] if name not in lexicon_texts]
    if missing:
        raise PolicyError(source, None, f"lexicons.{missing[0]}", "no word list text given")
    lexicons = Lexicons({name: lexicon_texts[name] for name in loaded["lexicons"]})
    rules, documented = [], []
    for index, raw in enumerate(loaded["rules"]):
        rule, rule_document = _compile_rule(raw, index, loaded, lexicons, registry, source)
        if any(r.id == rule.id for r in rules):
            raise PolicyError(source, rule.id, "id", "duplicate rule id")
        rules.append(rule)
        documented.append(rule_document)
    policy = Policy(
        id=loaded["id"],
        version=loaded["version"],
        thresholds=loaded["thresholds"],
        limits=loaded["limits"],
        categories=loaded["categories"],
        terms_intro=loaded["terms_intro"],
        rules=tuple(rules),
        document={**loaded, "rules": documented},
        source=source,
    )
    if check_examples:
        failures = run_examples(policy)
        if failures:
            first = failures[0]
            raise PolicyError(source, first.rule, first.field, first.message)
    return policy


def _compile_rule(raw, index, loaded, lexicons, registry, source) -> tuple[Rule, dict]:
    rule_id = raw.get("id") if isinstance(raw.get("id"), str) else f"#{index + 1}"
    check_class = registry.get(raw.get("type"))
    if check_class is None:
        known = ", ".join(sorted(registry))
        raise PolicyError(source, rule_id, "type", f"unknown rule type {raw.get('type')!r} (known: {known})")
    try:
        data = rule_schema(check_class).load(raw)
    except ValidationError as error:
        raise PolicyError(source, rule_id, *_first_error(error.messages)) from None
    if data["category"] not in loaded["categories"]:
        raise PolicyError(source, rule_id, "category", f"unknown category {data['category']!r}")
    options = {key: data[key] for key in check_class.options if key in data}
    try:
        check = check_class(options, lexicons)
    except RuleConfigError as error:
        raise PolicyError(source, rule_id, error.field, error.message) from None
    rule = Rule(
        id=data["id"],
        category=data["category"],
        type=data["type"],
        fields=tuple(data["fields_"]),
        description=data["description"],
        examples=data["examples"],
        check=check,
        action=data.get("action"),
        score=data.get("score"),
        enabled=data["enabled"],
    )
    rule_document = {("fields" if k == "fields_" else k): v for k, v in data.items()}
    if rule.action is not None:
        rule_document["action"] = str(rule.action)
    return rule, rule_document
