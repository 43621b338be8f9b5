"""An injectable clock: tests pass {"CLOCK": FakeClock(...)} instead of sleeping."""
from datetime import UTC, datetime

from flask import current_app


class SystemClock:
    def now(self):
        # Naive UTC: the same on SQLite and PostgreSQL columns without time zone.
        return datetime.now(UTC).replace(tzinfo=None)


def now():
    return current_app.config["CLOCK"].now()


def iso(dt):
    return None if dt is None else dt.isoformat(timespec="microseconds") + "Z"
