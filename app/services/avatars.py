"""Avatars that leak nothing: an identicon drawn from a keyed hash of the email, never a Gravatar MD5."""
import re

from flask import Response, url_for

from app.client import keyed_hash
from app.errors import NotFound
from app.request_memo import memo

_DIGEST = re.compile(r"^[0-9a-f]{24}$")


def digest_for(email):
    return keyed_hash(email.strip().lower(), "avatar")[:24]


_SLOT = "0" * 24  # a digest-shaped placeholder: the route is built once per request, then filled in


def url_for_email(email):
    """The avatar's URL (a page holds up to 100: url_for once per request, not once per comment)."""
    template = memo("avatar_url", lambda: url_for("widget.avatar", digest=_SLOT))
    return template.replace(_SLOT, digest_for(email))


def identicon_svg(digest):
    """A symmetric 5×5 identicon; colour and cells come from the digest."""
    bits = int(digest, 16)
    hue = bits % 360
    cells = []
    for row in range(5):
        for col in range(3):
            if bits >> (row * 3 + col + 9) & 1:
                for x in {col, 4 - col}:
                    cells.append(f'<rect x="{x}" y="{row}" width="1" height="1"/>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 6 6" width="48" height="48">'
            f'<rect x="-0.5" y="-0.5" width="6" height="6" fill="#f2f2f2"/>'
            f'<g fill="hsl({hue},55%,45%)">{"".join(cells)}</g></svg>')


def response(digest):
    if not _DIGEST.match(digest):
        raise NotFound()
    resp = Response(identicon_svg(digest), mimetype="image/svg+xml")
    resp.headers["Cache-Control"] = "public, max-age=86400, immutable"
    resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return resp
