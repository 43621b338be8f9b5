"""Keyset cursors on (created_at, id), optionally led by numeric keys: stable pages, no gaps or
repeats while comments arrive."""
import base64
import json
from datetime import datetime

import sqlalchemy as sa

from app.errors import ValidationFailed


def encode_cursor(created_at, comment_id, *leading):
    """The cursor after a row; `leading`: numeric sort keys ahead of (created_at, id), such as the
    queue's severity."""
    raw = json.dumps([*leading, created_at.isoformat(timespec="microseconds"), comment_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def decode_cursor(cursor, leading=0):
    """(*leading keys, created_at, id) from a cursor; anything else is a 422 on `cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != leading + 2:
            raise ValueError("shape")
        *keys, stamp, comment_id = values
        if not all(_number(v) for v in keys) or not _number(comment_id) or isinstance(comment_id, float):
            raise ValueError("keys")
        return (*keys, datetime.fromisoformat(stamp), comment_id)
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
