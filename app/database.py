"""Engine settings per backend: SQLite gets WAL, a busy timeout, foreign keys and real BEGINs."""
import sqlalchemy as sa
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
        # failing with "database is locked" when it tries to upgrade.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


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
