"""Keyset cursors on (created_at, id): stable pages, no gaps or repeats while comments arrive."""
import base64
import json
from datetime import datetime

import sqlalchemy as sa

from app.errors import ValidationFailed


def encode_cursor(created_at, comment_id):
    raw = json.dumps([created_at.isoformat(timespec="microseconds"), comment_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stamp, comment_id = json.loads(raw)
        if not isinstance(comment_id, int) or isinstance(comment_id, bool):
            raise ValueError("id")
        return datetime.fromisoformat(stamp), comment_id
    except (ValueError, TypeError, UnicodeDecodeError) as err:
        raise ValidationFailed({"cursor": ["Invalid cursor."]}) from err


def keyset_filter(created_col, id_col, cursor, newest_first):
    """The WHERE clause that continues after the cursor in the page's order.

    A row-value comparison, (created_at, id) > (x, y): both SQLite and PostgreSQL turn it into one
    index range, where the equivalent OR of two conditions makes them scan.
    """
    created_at, comment_id = decode_cursor(cursor)
    row, after = sa.tuple_(created_col, id_col), sa.tuple_(created_at, comment_id)
    return row < after if newest_first else row > after
