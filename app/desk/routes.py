"""The desk's pages: sign-in, the queue (one comment or a filtered page), the audit log, the editors'
controls. Pages read through the same services as the JSON API; decisions go through the API."""
from urllib.parse import urlsplit

from flask import make_response, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_wtf.csrf import CSRFError

from app import auth, i18n
from app.auth import current_moderator
from app.desk import bp
from app.desk.schemas import AuditPage, QueuePage, SignInForm, ThreadSearch, page_query
from app.desk.views import STATUS_LABELS, item_view, term_names
from app.errors import DomainError
from app.extensions import csrf
from app.models import AUDIT_ACTIONS, Role
from app.request_body import load, read_body
from app.services import accounts, moderation, queue, reports, settings, thread_controls, trust, webhooks
from app.services import audit as audit_log
from app.services.queue import QUEUE_STATUSES

LANG_COOKIE = "majlis_desk_lang"
sign_in_form, queue_page, audit_page, thread_search = SignInForm(), QueuePage(), AuditPage(), ThreadSearch()


def desk_lang():
    chosen = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    return chosen if chosen in i18n.SUPPORTED else i18n.select_locale()


def render(template, status=200, headers=None, **context):
    lang = desk_lang()
    with force_locale(lang):
        html = render_template(template, lang=lang, account=current_moderator(), Role=Role,
                               statuses=QUEUE_STATUSES, status_labels=STATUS_LABELS, count_cap=queue.COUNT_CAP,
                               other_lang_url=_other_lang_url(lang), **context)
    response = make_response(html, status, headers or {})
    response.headers["Content-Language"] = lang
    if request.args.get("lang") in i18n.SUPPORTED:
        response.set_cookie(LANG_COOKIE, request.args["lang"], max_age=365 * 86400, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    return response


def _other_lang_url(lang):
    """This page in the other language (a POST-only page switches on its GET twin)."""
    endpoint = "desk.sign_in" if request.endpoint == "desk.sign_in_submit" else request.endpoint
    args = dict(request.args.to_dict(), lang="en" if lang == "ar" else "ar")
    return url_for(endpoint, **(request.view_args or {}), **args) if endpoint else "?lang=" + args["lang"]


def page(minimum=Role.MODERATOR):
    """Signed-in pages: anonymous visitors go to the sign-in page, lower roles get a 403 page."""
    return auth.guarded(
        minimum,
        anonymous=lambda: redirect(url_for("desk.sign_in", next=request.full_path.rstrip("?"))),
        forbidden=lambda: render("desk/forbidden.html", status=403))


def _safe_next(target):
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/desk/") or "\\" in target:
        return url_for("desk.queue")
    return target


@bp.get("/")
def home():
    return redirect(url_for("desk.queue"))


@bp.get("/sign-in")
def sign_in():
    if current_moderator() is not None:
        return redirect(_safe_next(request.args.get("next")))
    return render("desk/sign_in.html", next=request.args.get("next", ""), error=None)


@bp.post("/sign-in")
def sign_in_submit():
    request.get_data(cache=True)  # keep the body readable after Flask-WTF parses the form
    try:
        csrf.protect()  # a cross-site form must not sign anyone in (login CSRF)
        data = load(sign_in_form, read_body()[0])
        with auth.throttled(data["email"]):
            account = accounts.authenticate(data["email"], data["password"])
    except CSRFError:
        return render("desk/sign_in.html", status=400, next=request.form.get("next", ""), error="csrf")
    except DomainError as err:
        return render("desk/sign_in.html", status=err.status, next=request.form.get("next", ""),
                      error=str(err.detail or err.title), headers=err.headers)
    auth.start_session(account)
    return redirect(_safe_next(data.get("next")), code=303)


@bp.post("/sign-out")
def sign_out():
    auth.end_session()
    return redirect(url_for("desk.sign_in"), code=303)


def _items(items, lang):
    terms = term_names(lang)
    found = reports.reports_of([i.comment.id for i in items])
    return [item_view(i, terms, found[i.comment.id]) for i in items], terms


@bp.get("/queue", endpoint="queue")
@page()
def show_queue():
    query, errors = page_query(queue_page)
    items, counts, next_cursor = queue.page(**query)
    views, terms = _items(items, desk_lang())
    filters = {k: v for k, v in query.items() if k in ("category", "rule", "thread", "email", "sort") and v}
    return render("desk/queue.html", items=views, counts=counts, next_cursor=next_cursor, query=query,
                  filters=filters, errors=errors, terms=terms, single=False)


@bp.get("/comments/<int:comment_id>")
@page()
def comment_page(comment_id):
    comment = moderation.get_comment(comment_id)
    views, terms = _items([queue.item(comment)], desk_lang())
    return render("desk/queue.html", items=views, counts=queue.counts(), next_cursor=None,
                  query={"status": comment.status}, filters={}, errors={}, terms=terms, single=True)


@bp.get("/audit")
@page()
def audit():
    query, errors = page_query(audit_page)
    entries, next_cursor = audit_log.entries(
        actor=query.get("actor"), comment_id=query.get("comment"), action=query.get("action"),
        since=query.get("since"), until=query.get("until"), cursor=query.get("cursor"), limit=50)
    return render("desk/audit.html", entries=entries, next_cursor=next_cursor, query=query, errors=errors,
                  actions=[str(a) for a in AUDIT_ACTIONS],
                  accounts=accounts.list_accounts())


@bp.get("/controls")
@page(Role.EDITOR)
def controls():
    query, _errors = page_query(thread_search)
    return render("desk/controls.html", values=settings.all_values(), dials=settings.DIALS,
                  threads=thread_controls.list_threads(query["q"]), q=query["q"] or "",
                  bans=trust.list_bans(), deliveries=webhooks.deliveries(20))
