# Majlis: `make run` (SQLite, 127.0.0.1:5000) and `make test` (the whole suite) on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi

.PHONY: run test install install-dev lint translations bench clean worker

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/flask db upgrade
	@echo "Majlis on http://127.0.0.1:5000  (API docs: http://127.0.0.1:5000/api/docs)"
	@if [ -n "$$MAJLIS_ADMIN_EMAIL" ] && [ -n "$$MAJLIS_ADMIN_PASSWORD" ]; then \
	  echo "Moderators: sign in as $$MAJLIS_ADMIN_EMAIL with MAJLIS_ADMIN_PASSWORD (created at start-up if no admin exists):"; \
	  echo "  curl -X POST http://127.0.0.1:5000/api/v1/auth/token -H 'Content-Type: application/json' \\"; \
	  echo "       -d '{\"email\": \"$$MAJLIS_ADMIN_EMAIL\", \"password\": \"…\"}'"; \
	else \
	  echo "Moderators: create an account with  $(BIN)/flask moderators create EMAIL --name NAME --role admin"; \
	  echo "  (asks for the password), or start with MAJLIS_ADMIN_EMAIL and MAJLIS_ADMIN_PASSWORD set."; \
	fi
	$(BIN)/flask run --host 127.0.0.1 --port 5000

worker: install
	$(BIN)/python -m app.worker

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .

translations: install-dev
	$(BIN)/pybabel extract -F babel.cfg -o app/translations/messages.pot .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d app/translations

bench: install-dev
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/http_bench.py

clean:
	rm -rf $(VENV) instance/majlis.db*

# Production: gunicorn (gunicorn.conf.py) with MAJLIS_WORKERS workers (default 2) on MAJLIS_BIND
# (default 127.0.0.1:8000), against DATABASE_URL and RATELIMIT_STORAGE_URI; migrations first.
.PHONY: serve
serve: install
	$(BIN)/flask db upgrade
	$(BIN)/gunicorn --config gunicorn.conf.py wsgi:app
