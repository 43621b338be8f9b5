"""Queue items shaped for the templates: evidence spans cut out of the original text, the terms the
hits broke in the moderator's language, the trust marks, reports. Plain data; Jinja escapes it."""
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from app.services import moderation, policy_runtime

FIELDS = ("body", "name", "website")
MARK_LABELS = {
    "banned": _l("Banned author"),
    "premoderation": _l("Pre-moderation"),
    "trusted_author": _l("Trusted author: published"),
    "first_comment": _l("First comment of this email"),
}
STATUS_LABELS = {
    "pending": _l("Pending"), "reported": _l("Reported"), "rejected": _l("Rejected"), "spam": _l("Spam"),
    "approved": _l("Published"), "deleted": _l("Deleted"),
}


def term_names(lang):
    """{category: the seed's term in `lang`} for every category a moderator may pick."""
    try:
        names = policy_runtime.active_policy().categories
    except Exception:  # noqa: BLE001 — a broken policy file must not take the desk down
        names = {}
    fallback = {"spam": {"ar": "رسائل مزعجة", "en": "Spam"}}
    out = {}
    for category in moderation.categories():
        entry = names.get(category) or fallback.get(category) or {}
        out[category] = entry.get(lang) or entry.get("ar") or category
    return out


def web_link(url):
    """The URL when it is a plain http(s) link, else None (shown as text only)."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def segments(text, spans):
    """Cut `text` at every span edge: [{"text", "hits": [hit indexes covering it]}], in order."""
    text = text or ""
    spans = [(s, e, i) for s, e, i in spans if 0 <= s < e <= len(text)]
    edges = sorted({0, len(text), *(s for s, _e, _i in spans), *(e for _s, e, _i in spans)})
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        cover = [i for s, e, i in spans if s <= a and e >= b]
        if out and out[-1]["hits"] == cover:
            out[-1]["text"] += text[a:b]
        else:
            out.append({"text": text[a:b], "hits": cover})
    return out


def hit_view(hit, terms):
    return {"rule": hit.get("rule"), "category": hit.get("category"),
            "term": terms.get(hit.get("category"), hit.get("category") or ""),
            "action": hit.get("action"), "score": hit.get("score"), "field": hit.get("field"),
            "text": hit.get("text") or "", "word": hit.get("term") or "", "error": hit.get("error")}


def item_view(item, terms, reports=()):
    comment = item.comment
    decision = comment.decision or {}
    hits = [h for h in decision.get("hits", []) if isinstance(h, dict)]
    original = {"body": comment.body, "name": comment.name, "website": comment.website or ""}
    evidence = {f: segments(original[f], [(h.get("start", 0), h.get("end", 0), i) for i, h in enumerate(hits)
                                          if h.get("field") == f]) for f in FIELDS}
    return {
        "comment": comment, "status_label": STATUS_LABELS.get(comment.status, comment.status),
        "evidence": evidence, "hits": [hit_view(h, terms) for h in hits],
        "outcome": decision.get("outcome"), "score": decision.get("score"),
        "marks": [dict(m, label=MARK_LABELS.get(m.get("mark"), m.get("mark"))) for m in decision.get("trust", [])],
        "website_link": web_link(comment.website), "thread_link": web_link(comment.thread.url),
        "parent": item.parent, "claim": item.claim, "history": item.history, "audit": item.audit,
        "reports": list(reports),
    }
