"""Engine settings per backend: SQLite gets WAL, a busy timeout, foreign keys and real BEGINs
(IMMEDIATE for anything that may write, DEFERRED for requests that only read)."""
import sqlalchemy as sa
from flask import has_request_context, request
from sqlalchemy import event


def _configure_sqlite(engine):
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not pysqlite, emit BEGIN (savepoints and immediate transactions work).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # IMMEDIATE: a read-then-write transaction takes the write lock up front instead of
        # failing with "database is locked" when it tries to upgrade. A request that only reads
        # (GET, HEAD, OPTIONS) begins DEFERRED: under WAL it reads a snapshot and takes no lock,
        # so readers never queue behind each other or behind a writer.
        deferred = _reads_only()
        connection.info[_DEFERRED], connection.info[_WROTE] = deferred, False
        connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

    @event.listens_for(engine, "before_cursor_execute")
    def on_execute(connection, _cursor, statement, *_):
        # A DEFERRED transaction that writes takes the write lock there and then (see begin_writing).
        if connection.info.get(_DEFERRED) and statement.lstrip()[:6].upper() in _WRITE_VERBS:
            connection.info[_WROTE] = True


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITES = "majlis.writes"  # set on a read-only request that found it must write after all
_DEFERRED, _WROTE = "majlis.deferred", "majlis.wrote"  # on the connection: how its transaction began
_WRITE_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "REPLAC"})  # first six letters (REPLACE)


def _reads_only():
    return (has_request_context() and request.method in READ_ONLY_METHODS
            and not request.environ.get(_WRITES))


def begin_writing(session):
    """Before a request that only reads writes after all (the lazy first-use seed of the policy):
    on SQLite, end its DEFERRED snapshot so the next statement begins IMMEDIATE, holding the write
    lock. Upgrading the snapshot instead fails with "database is locked" as soon as another
    connection writes first. Only a DEFERRED transaction that has written nothing is ended (one that
    wrote holds the lock already, and its work must stay)."""
    if session.get_bind().dialect.name != "sqlite" or not has_request_context():
        return
    connection = session.connection()
    if connection.info.get(_DEFERRED) and not connection.info.get(_WROTE):
        request.environ[_WRITES] = True
        session.rollback()


def init_app(app):
    from app.extensions import db

    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine)
        app.extensions["majlis.dialect"] = engine.dialect.name


def ping():
    from app.extensions import db

    db.session.execute(sa.text("SELECT 1"))
