"""The reader's language: Arabic unless Accept-Language prefers English."""
from flask import has_request_context, request

SUPPORTED = ["ar", "en"]


def select_locale():
    if not has_request_context():
        return "ar"
    return request.accept_languages.best_match(SUPPORTED, default="ar")
