"""The embed: the widget script and stylesheet, the commenting terms it shows, and the demo articles."""
from flask import Blueprint

bp = Blueprint("embed", __name__)

from app.embed import routes  # noqa: E402,F401  (registers the views on bp)
