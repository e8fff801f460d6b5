# Warboard. `make run` starts it on a fresh machine; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-16)
# What make runs is development (a deployment runs gunicorn, see docker-compose.yml): settings.py
# refuses to start with DEBUG off and no SECRET_KEY, so these targets bring a development key.
export SECRET_KEY ?= django-insecure-make-development-key-not-for-production

.PHONY: help install run test test-fast lint format bench-extract bench-ingest bench-web evaluate lock clean-db

help:
	@echo "make run            set up, migrate, load demo data, serve http://127.0.0.1:8000 with the task worker"
	@echo "make test           the whole test suite (embedded PostgreSQL unless DATABASE_URL is set)"
	@echo "make lint           ruff check, format check and mypy (django-stubs)"
	@echo "make evaluate       score extraction on ../shared/corpus/dev"
	@echo "make bench-extract  extraction throughput against the bare spaCy pipeline"
	@echo "make bench-ingest   bulk ingestion with one and two worker processes"
	@echo "make bench-web      pages and exports at 1M events (BENCH_JSON=FILE, BENCH_EVENTS=N)"

# The virtual environment, rebuilt from the lock file whenever the lock file changes.
$(STAMP): requirements.lock
	@python=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then \
		rm -rf $(VENV); echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV) || exit 1; \
	fi
	@echo "Installing requirements.lock into $(VENV)"
	@# -qq: errors only. A pip configuration that names an index folder lacking some
	@# package prints a warning per package ("Location ... is ignored"), noise here.
	@$(PY) -m pip install -qq --upgrade "pip>=24"
	@$(PY) -m pip install -qq --require-hashes --no-deps -r requirements.lock
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

# bootstrap_demo's line about the analyst account is printed again last, with the URL.
run: install
	$(PY) manage.py migrate --no-input
	@notes=$$(mktemp) || exit 1; \
	$(PY) manage.py bootstrap_demo | tee "$$notes"; status=$${PIPESTATUS[0]}; \
	login=$$(grep -i "user 'analyst'" "$$notes"); rm -f "$$notes"; \
	[ "$$status" = 0 ] || exit "$$status"; \
	WARBOARD_LOGIN="$$login" exec scripts/run-dev

test: install
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not e2e" -x -q

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

evaluate: install
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH python ../shared/extraction/evaluate.py ../shared/corpus/dev

bench-extract: install
	$(PY) -m articles.extraction.bench ../shared/corpus/pool/manifest.jsonl

# A scratch embedded database: the benchmark empties it between rounds.
bench-ingest: install
	@scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	export WARBOARD_PGDATA=$$scratch/pgdata; unset DATABASE_URL; \
	$(PY) manage.py migrate --no-input -v 0 && \
	$(PY) manage.py bench_ingest --scratch ../shared/corpus/pool/manifest.jsonl

# A scratch embedded database (or DATABASE_URL, which must name a scratch database: it is
# emptied), filled with COPY, measured, and removed.
BENCH_EVENTS ?= 1000000
bench-web: install
	@scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	if [ -z "$$DATABASE_URL" ]; then export WARBOARD_PGDATA=$$scratch/pgdata; fi; \
	$(PY) manage.py migrate --no-input -v 0 && \
	$(PY) manage.py bench_web --build --scratch --events $(BENCH_EVENTS) $(if $(BENCH_JSON),--json $(abspath $(BENCH_JSON)))

# Regenerate the lock file from pyproject.toml (needs the registry; uv is only a tool here).
lock: install
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --group dev --universal --python-version 3.12 \
		--generate-hashes -o requirements.lock

clean-db:
	rm -rf .pgdata
