"""The queue rendering hostile authors: 120 payloads of our own, each sent through the real POST
endpoint as a name, a body or a website. Every payload item must be rendered (counted, as text) and
no script of theirs may run: a sentinel global they would set, and a dialog listener for alert()."""
import uuid

import requests
from desk_support import HOLD

JS = "window.__xss=1;alert(1)"
VECTORS = [
    "<script>{js}</script>", "<img src=x onerror={js}>", '<img src="x" onerror="{js}">', "<svg onload={js}>",
    "<svg><script>{js}</script></svg>", "<iframe src=\"javascript:{js}\"></iframe>",
    '<a href="javascript:{js}">x</a>', "<body onload={js}>", "<details open ontoggle={js}>",
    "<input autofocus onfocus={js}>", "\"><script>{js}</script>", "'><img src=x onerror={js}>",
    "</textarea><script>{js}</script>", "</template><script>{js}</script>", "</title><script>{js}</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror={js}>", "{{{{constructor.constructor('{js}')()}}}}",
    "<video><source onerror={js}></video>", "<marquee onstart={js}>", "<object data=\"javascript:{js}\">",
    "<!--<img src=\"--><img src=x onerror={js}//\">", "<style>@import 'javascript:{js}'</style>",
    "<meta http-equiv=refresh content=\"0;url=javascript:{js}\">", "<base href=\"javascript:{js}//\">",
]
URLS = [
    "https://evil.example/?q='onmouseover='{js}", "https://evil.example/#'onfocus='{js}",
    "http://evil.example/javascript:{js}", "https://evil.example/?u=javascript:{js}&x='",
    "https://evil.example/&#39;onclick=&#39;{js}",
]


def payloads():
    """120 (field, value) pairs: names and bodies from VECTORS, websites from URLS."""
    out = []
    for n in range(3):
        out += [("body", v.format(js=JS) + f" {n}") for v in VECTORS]
        out += [("name", (v.format(js=JS) + f" {n}")[:245]) for v in VECTORS]
    out += [("website", u.format(js=JS.replace(";", "%3B")) + f"&n={n}") for n in range(6) for u in URLS]
    return out[:120]


def test_the_queue_renders_every_payload_and_runs_none(laptop, sign_in, live_server):
    key = f"browser/desk-xss-{uuid.uuid4().hex[:6]}"
    sent = payloads()
    assert len(sent) >= 100
    for field, value in sent:
        data = {"name": "قارئ", "email": f"x-{uuid.uuid4().hex[:8]}@example.org",
                "body": f"{HOLD} {uuid.uuid4().hex[:6]}"}
        if field == "body":
            data["body"] = f"{value} {HOLD}"
        elif field == "name":
            data["name"] = value + " بطيخ"  # held by its name
        else:
            data["website"] = value
        response = requests.post(f"{live_server.url}/api/v1/threads/{key}/comments", json=data, timeout=10)
        assert response.status_code == 202, (field, value, response.text)

    page = laptop.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script("window.__xss = 0;")
    sign_in(page)
    rendered = {"body": [], "name": [], "website": []}
    url = f"{live_server.url}/desk/queue?status=pending&thread={key}&limit=100"
    while url:
        page.goto(url)
        page.wait_for_selector("#items .item")
        for field, selector in (("body", ".body"), ("name", ".name"), ("website", ".website")):
            rendered[field] += page.eval_on_selector_all(f"#items .item {selector}",
                                                         "els => els.map(e => e.textContent)")
        link = page.query_selector("#next-page")
        url = link.get_attribute("href") if link else None
        url = f"{live_server.url}{url}" if url else None
        page.mouse.move(200, 300)  # hover and focus events get their chance
        page.keyboard.press("j")
    counted = 0
    for field, value in sent:
        expected = {"body": f"{value} {HOLD}", "name": value + " بطيخ", "website": value}[field]
        assert expected in rendered[field], (field, value)
        counted += 1
    assert counted == len(sent) >= 100
    assert page.evaluate("window.__xss") == 0
    assert dialogs == []
    hrefs = page.eval_on_selector_all("#items a.website", "els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert all("nofollow" in r for r in page.eval_on_selector_all("#items a.website", "els => els.map(e => e.rel)"))
