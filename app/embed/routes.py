"""/widget.js and /widget.css with caching headers, GET /api/v1/terms, and the demo articles."""
import hashlib
from pathlib import Path

from flask import current_app, jsonify, render_template, request
from flask_babel import get_locale

from app.embed import bp
from app.services import policy_runtime

STATIC = Path(__file__).resolve().parent.parent / "static"
ASSETS = {"widget.js": "application/javascript", "widget.css": "text/css"}
DEMO_THREADS = {"ar": "demo/euphrates-talks", "en": "demo/en/euphrates-talks"}
NOJS_OUTCOMES = ("published", "pending", "rejected", "invalid", "duplicate", "too-fast", "closed", "error")
_cache = {}


def _asset(name):
    """(bytes, etag) of a static asset, read again only when the file changes."""
    path = STATIC / name
    stamp = path.stat().st_mtime_ns
    cached = _cache.get(name)
    if cached is None or cached[0] != stamp:
        data = path.read_bytes()
        cached = _cache[name] = (stamp, data, hashlib.sha256(data).hexdigest()[:32])
    return cached[1], cached[2]


def _serve(name):
    data, etag = _asset(name)
    response = current_app.response_class(data, mimetype=ASSETS[name])
    response.set_etag(etag)
    # Embedded under an unversioned URL: short freshness, then a cheap revalidation by ETag.
    response.headers["Cache-Control"] = "public, max-age=600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response.make_conditional(request)


@bp.get("/widget.js")
def widget_script():
    return _serve("widget.js")


@bp.get("/widget.css")
def widget_stylesheet():
    return _serve("widget.css")


def _lang():
    return "en" if str(get_locale()).startswith("en") else "ar"


def _text(names, lang):
    names = names or {}
    return names.get(lang) or names.get("ar") or names.get("en") or ""


@bp.get("/api/v1/terms")
def list_terms():
    """The commenting terms shown under the form (شروط التعليق), from the active policy."""
    policy = policy_runtime.active_policy()
    lang = _lang()
    response = jsonify({
        "lang": lang,
        "policy": {"id": policy.id, "version": policy.version},
        "intro": _text(policy.terms_intro, lang),
        "terms": [{"category": category, "text": _text(names, lang)}
                  for category, names in policy.categories.items()],
        "edit_window_minutes": current_app.config["EDIT_WINDOW_MINUTES"],
    })
    response.headers["Cache-Control"] = "public, max-age=300"
    response.vary.add("Accept-Language")
    response.add_etag()
    return response.make_conditional(request)


def _nojs_notice(lang):
    """The outcome of a no-JavaScript post (?majlis=…), from a closed set; terms named by the policy."""
    outcome = request.args.get("majlis")
    if outcome not in NOJS_OUTCOMES:
        return None
    categories = policy_runtime.active_policy().categories
    terms = [_text(categories[c], lang) for c in request.args.get("majlis_terms", "").split(",")
             if c in categories]
    return {"outcome": outcome, "terms": terms}


def _demo(template, lang):
    return render_template(template, lang=lang, thread=DEMO_THREADS[lang], notice=_nojs_notice(lang),
                           page_url=request.base_url)


@bp.get("/demo/")
def demo_article():
    return _demo("demo/article_ar.html", "ar")


@bp.get("/demo/en/")
def demo_article_en():
    return _demo("demo/article_en.html", "en")
