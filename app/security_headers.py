"""Security headers of the HTML pages people sign in to (the moderator's desk).

A strict Content-Security-Policy: scripts and styles only from this origin (no inline script, no
eval, no inline style), nothing from a CDN, no framing by anyone (frame-ancestors 'none', with
X-Frame-Options for old browsers), forms and fetches only to this origin. Readers' pages (the
widget's demo articles) keep their own headers.
"""
UI_BLUEPRINTS = {"desk"}  # another UI blueprint can join with one entry here
CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
))
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def add_headers(response):
    from flask import request

    if request.blueprint in UI_BLUEPRINTS or request.path.startswith("/static/desk/"):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.blueprint in UI_BLUEPRINTS:
            response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app):
    app.after_request(add_headers)
