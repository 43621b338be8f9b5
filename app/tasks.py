"""Background work on huey (webhook deliveries, backtests), built by create_app from config.

Modules mark plain functions with @background; init_app registers them on a Huey instance chosen
by MAJLIS_TASK_QUEUE: "sqlite" (a file in instance/, the embedded default), a redis:// URL
(production, shared by all instances), or "immediate" (run inline, for one-process tools).
Each task runs inside the app context. Nothing is configured at import time.
"""
from functools import wraps
from pathlib import Path

from flask import current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey

_registered = {}  # name -> (function, huey task options)


def background(retries=0, retry_delay=0):
    def mark(fn):
        _registered[fn.__name__] = (fn, {"retries": retries, "retry_delay": retry_delay})
        return fn

    return mark


def _queue(app):
    setting = str(app.config["TASK_QUEUE"])
    name = app.config.get("TASK_QUEUE_NAME", "majlis")
    if setting == "immediate":
        return MemoryHuey(name, immediate=True)
    if setting.startswith("redis://"):
        return RedisHuey(name, url=setting)
    path = Path(setting[len("sqlite:///"):]) if setting.startswith("sqlite:///") else (
        Path(app.instance_path) / "tasks.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, filename=str(path))


def _in_app_context(app, fn):
    @wraps(fn)
    def run(*args, **kwargs):
        with app.app_context():
            return fn(*args, **kwargs)

    return run


def init_app(app):
    app.config.setdefault("TASK_QUEUE", "sqlite")
    huey = _queue(app)
    tasks = {name: huey.task(name=name, **options)(_in_app_context(app, fn))
             for name, (fn, options) in _registered.items()}
    app.extensions["huey"] = huey
    app.extensions["majlis.tasks"] = tasks


def enqueue(name, *args, **kwargs):
    """Queue a registered task by name; returns huey's result handle."""
    return current_app.extensions["majlis.tasks"][name](*args, **kwargs)
