"""Extensions, created unbound (the application-factory pattern); create_app binds them."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData

from app.client import client_ip

# A naming convention so Alembic can name, alter and drop constraints on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING))
migrate = Migrate(render_as_batch=True)  # batch mode: SQLite cannot ALTER most things
limiter = Limiter(key_func=client_ip)
babel = Babel()
login_manager = LoginManager()
csrf = CSRFProtect()  # checked by app.auth for cookie sessions only (bearer requests are exempt)
