"""URL converters: `<int:…>` is bounded to the 32-bit ids the database can hold.

A larger number cannot name a row; unbounded, it reaches the database and fails there (an overflow
on SQLite, an out-of-range error on PostgreSQL). Bounded, it is simply a 404.
"""
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app):
    app.url_map.converters["int"] = BoundedIntegerConverter  # before any blueprint adds its rules
