"""The only module that imports bleach: a comment's text becomes safe HTML.

WordPress's comment tags only; links get rel="nofollow ugc noopener" and keep their href only when,
after removing invisible and control characters, it is http, https or mailto.
"""
import re
import unicodedata
from urllib.parse import urlsplit

import bleach
from bleach.linkifier import Linker

ALLOWED_TAGS = ["a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q",
                "s", "strike", "strong", "p", "br"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"], "acronym": ["title"],
                      "blockquote": ["cite"], "del": ["datetime"], "q": ["cite"]}
SAFE_SCHEMES = ("http", "https", "mailto")
LINK_REL = "nofollow ugc noopener"

_BLANK_LINES = re.compile(r"\n\s*\n")


def _visible(value):
    """The URL without whitespace, control and format (zero-width, bidi) characters."""
    return "".join(ch for ch in value if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def safe_url(value):
    """The URL if it is http(s) or mailto once invisible characters are gone, else None."""
    url = _visible(value or "")
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_SCHEMES else None


def _link_attrs(attrs, new=False):
    href = safe_url(attrs.get((None, "href")))
    if href is None:
        attrs.pop((None, "href"), None)
    else:
        attrs[(None, "href")] = href
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


_linker = Linker(callbacks=[_link_attrs], skip_tags=["code"], parse_email=False)


def paragraphs(text):
    """Line breaks become paragraphs, as WordPress's wpautop does for comments."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    return "".join("<p>" + b.replace("\n", "<br>\n") + "</p>" for b in blocks)


def clean(text):
    """Sanitized HTML for a comment body as submitted."""
    html = bleach.clean(paragraphs(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        protocols=list(SAFE_SCHEMES), strip=True, strip_comments=True)
    return _linker.linkify(html)
