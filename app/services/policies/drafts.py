"""Drafts: working copies of the policy that editors change apart from the active version.

Every edit is validated against the whole draft before it is saved, so a draft is always a policy
the engine accepts; a refused edit raises PolicyInvalid with errors keyed by the request's fields
(`pattern`, `examples.match`, `terms` …) when they concern what the request touched, or by document
path (`rules.<id>.<field>`) otherwise. Every saved edit bumps the draft's revision and is audited.
"""
import copy

import sqlalchemy as sa
from flask_babel import gettext as _

from app.clock import now
from app.errors import Conflict, NotFound
from app.extensions import db
from app.models.policies import PolicyAuditAction, PolicyDraft, PolicyVersion
from app.services import audit
from app.services.policies import documents, versions
from app.services.policies.documents import PolicyInvalid


def list_drafts():
    versions.ensure_seeded()
    return db.session.scalars(sa.select(PolicyDraft).order_by(PolicyDraft.updated_at.desc(),
                                                              PolicyDraft.id.desc())).all()


def get_draft(draft_id):
    draft = db.session.get(PolicyDraft, draft_id)
    if draft is None:
        raise NotFound(_("No such draft."))
    return draft


def _next_number():
    return (db.session.scalar(sa.select(sa.func.max(PolicyVersion.number))) or 0) + 1


def create_draft(actor, name=None, from_version=None, content=None):
    """A new draft: a copy of a version (default: the active one) or given content (an import)."""
    base = versions.get_version(from_version) if from_version else versions.active_version()
    document, word_lists = (content if content is not None else (base.document, base.word_lists))
    stamp = now()
    draft = PolicyDraft(
        name=name or _("Draft from version %(number)s", number=base.number),
        base_version_id=versions.active_version().id, document=dict(document, version=_next_number()),
        word_lists=dict(word_lists), revision=1, created_by_id=actor.id if actor else None,
        created_by_email=actor.email if actor else None, created_at=stamp, updated_at=stamp)
    db.session.add(draft)
    db.session.flush()
    audit.record(actor, PolicyAuditAction.DRAFT_CREATE, detail={"draft": draft.id, "from": base.number})
    db.session.commit()
    return draft


def delete_draft(actor, draft_id):
    draft = get_draft(draft_id)
    audit.record(actor, PolicyAuditAction.DRAFT_DELETE, detail={"draft": draft.id, "name": draft.name})
    db.session.delete(draft)
    db.session.commit()


def rename_draft(actor, draft_id, name, revision=None):
    return _save(actor, get_draft(draft_id), revision, "rename", lambda doc, lists: None, name=name)


def _focus(errors, prefix, renames=None):
    """Errors under `prefix` keyed by the request's own field names."""
    out = {}
    for key, messages in errors.items():
        field = key[len(prefix):] if prefix and key.startswith(prefix) else key
        field = (renames or {}).get(field, field)
        out.setdefault(field, []).extend(messages)
    return out


def _save(actor, draft, revision, change, edit, *, prefix="", renames=None, name=None, detail=None):
    """Apply `edit(document, word_lists)` to a copy, validate, store; 409 on a stale revision."""
    if revision is not None and revision != draft.revision:
        raise Conflict(_("The draft changed since you loaded it; reload it."), revision=draft.revision)
    document, word_lists = copy.deepcopy(draft.document), dict(draft.word_lists)
    edit(document, word_lists)
    try:
        document, word_lists = documents.normalized(document, word_lists)
    except PolicyInvalid as error:
        raise PolicyInvalid(_focus(error.extra["errors"], prefix, renames)) from None
    draft.document, draft.word_lists = document, word_lists
    if name is not None:
        draft.name = name
    draft.revision += 1
    draft.updated_at = now()
    audit.record(actor, PolicyAuditAction.DRAFT_EDIT,
                 detail={"draft": draft.id, "change": change, **(detail or {})})
    db.session.commit()
    return draft


def _rule_index(document, rule_id):
    for index, rule in enumerate(document["rules"]):
        if rule["id"] == rule_id:
            return index
    raise NotFound(_("No such rule in this draft."))


# ---------------------------------------------------------------------------- rules


def add_rule(actor, draft_id, rule, position=None, revision=None):
    draft = get_draft(draft_id)
    if any(r["id"] == rule.get("id") for r in draft.document["rules"]):
        raise PolicyInvalid({"id": [_("Another rule already has this id.")]})

    def edit(document, _lists):
        rules = document["rules"]
        rules.insert(len(rules) if position is None else min(position, len(rules)), rule)

    return _save(actor, draft, revision, "add_rule", edit, prefix=f"rules.{rule.get('id')}.",
                 detail={"rule": rule.get("id")})


def update_rule(actor, draft_id, rule_id, changes, *, replace=False, revision=None):
    """Edit a rule: `changes` replaces it (replace=True) or is merged in (a key set to None is
    removed, so {"action": None, "score": 2} turns a hold rule into a scored one)."""
    draft = get_draft(draft_id)
    index = _rule_index(draft.document, rule_id)
    new_id = changes.get("id", rule_id)
    if new_id != rule_id and any(r["id"] == new_id for r in draft.document["rules"]):
        raise PolicyInvalid({"id": [_("Another rule already has this id.")]})

    def edit(document, _lists):
        rule = {} if replace else dict(document["rules"][index])
        for key, value in changes.items():
            if value is None:
                rule.pop(key, None)
            else:
                rule[key] = value
        document["rules"][index] = rule

    return _save(actor, draft, revision, "update_rule", edit, prefix=f"rules.{new_id}.",
                 detail={"rule": rule_id, "fields": sorted(changes)})


def delete_rule(actor, draft_id, rule_id, revision=None):
    draft = get_draft(draft_id)
    index = _rule_index(draft.document, rule_id)
    return _save(actor, draft, revision, "delete_rule", lambda doc, _l: doc["rules"].pop(index),
                 detail={"rule": rule_id})


def move_rule(actor, draft_id, rule_id, position, revision=None):
    draft = get_draft(draft_id)
    index = _rule_index(draft.document, rule_id)

    def edit(document, _lists):
        rule = document["rules"].pop(index)
        document["rules"].insert(min(position, len(document["rules"])), rule)

    return _save(actor, draft, revision, "move_rule", edit, detail={"rule": rule_id, "position": position})


def set_thresholds(actor, draft_id, thresholds, revision=None):
    def edit(document, _lists):
        document["thresholds"] = dict(thresholds)

    return _save(actor, get_draft(draft_id), revision, "thresholds", edit, prefix="thresholds.",
                 detail={"thresholds": thresholds})


# ---------------------------------------------------------------------------- word lists


def _list_errors(name):
    return {f"lexicons.{name}": "terms"}


def _require_list(draft, name):
    if name not in draft.word_lists:
        raise NotFound(_("No such word list in this draft."))


def put_list(actor, draft_id, name, text, revision=None):
    """Create a word list or replace its whole text (bulk editing)."""
    draft = get_draft(draft_id)

    def edit(document, lists):
        document["lexicons"] = dict(document["lexicons"])
        document["lexicons"].setdefault(name, f"lexicons/{name}.txt")
        lists[name] = text

    return _save(actor, draft, revision, "put_list", edit, renames={f"lexicons.{name}": "text"},
                 detail={"list": name})


def delete_list(actor, draft_id, name, revision=None):
    draft = get_draft(draft_id)
    _require_list(draft, name)

    def edit(document, lists):
        document["lexicons"] = {k: v for k, v in document["lexicons"].items() if k != name}
        lists.pop(name, None)

    return _save(actor, draft, revision, "delete_list", edit, detail={"list": name})


def add_terms(actor, draft_id, name, items, revision=None):
    """Add terms ([(term, note)]); a term already listed keeps its line, with the new note if given."""
    draft = get_draft(draft_id)
    _require_list(draft, name)
    check_terms(items)

    def edit(_document, lists):
        lines = lists[name].splitlines()
        known = {term: i for i, line in enumerate(lines) for term, _n in documents.entries(line)}
        for term, note in items:
            line = f"{term} # {note}" if note else term
            if term in known:
                if note:
                    lines[known[term]] = line
            else:
                known[term] = len(lines)
                lines.append(line)
        lists[name] = "\n".join(lines) + "\n"

    return _save(actor, draft, revision, "add_terms", edit, renames=_list_errors(name),
                 detail={"list": name, "terms": [t for t, _n in items][:50]})


def remove_terms(actor, draft_id, name, terms, revision=None):
    draft = get_draft(draft_id)
    _require_list(draft, name)
    listed = {term for term, _n in documents.entries(draft.word_lists[name])}
    missing = [t for t in terms if t not in listed]
    if missing:
        raise PolicyInvalid({"terms": [_("Not in the list: %(terms)s", terms="، ".join(missing[:10]))]})

    def edit(_document, lists):
        drop = set(terms)
        kept = [line for line in lists[name].splitlines()
                if not any(term in drop for term, _n in documents.entries(line))]
        lists[name] = "\n".join(kept) + "\n"

    return _save(actor, draft, revision, "remove_terms", edit, renames=_list_errors(name),
                 detail={"list": name, "terms": list(terms)[:50]})


def list_view(draft, name):
    _require_list(draft, name)
    text = draft.word_lists[name]
    using = [r["id"] for r in draft.document["rules"]
             if name in (r.get("lexicons") or []) + (r.get("targets") or [])]
    return {"name": name, "path": draft.document["lexicons"].get(name), "rules": using,
            "terms": [{"term": t, "note": n or None} for t, n in documents.entries(text)], "text": text}


def only_draft_id():
    """The draft to publish when the request names none: the only one there is."""
    ids = db.session.scalars(sa.select(PolicyDraft.id).limit(2)).all()
    if len(ids) != 1:
        raise PolicyInvalid({"draft": [_("Say which draft to publish.") if ids else _("There is no draft.")]})
    return ids[0]


def check_list_name(name):
    if not documents.LIST_NAME.match(name):
        raise PolicyInvalid({"name": [_("Use 1 to 64 lowercase letters, digits, _ . -")]})


def check_terms(items, field="terms"):
    bad = [term for term, _note in items if "#" in term or len(term) > 100 or not term.strip()]
    if bad:
        raise PolicyInvalid({field: [_("A term is one line of at most 100 characters without #: %(terms)s",
                                       terms="، ".join(bad[:5]))]})
    return items


def pasted_terms(text):
    """[(term, note)] from pasted text: one term per line, an optional ` # note`."""
    items = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, _sep, note = line.partition(" # ")
        items.append((term.strip(), note.strip() or None))
    if not items:
        raise PolicyInvalid({"text": [_("Paste at least one term.")]})
    return check_terms(items, "text")
