# Luoshi 落实 — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-sqlite test-postgres lint lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/luoshi demo --port $(PORT)

# The whole suite on SQLite, then again on PostgreSQL (skipped with its reason when the server is
# unreachable, unless LUOSHI_REQUIRE_POSTGRES=1), spread over every core (WORKERS=0 runs it in one).
WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(WORKERS)
	LUOSHI_TEST_DATABASE=postgres $(BIN)/python -m pytest -n $(WORKERS)

lint: install
	$(BIN)/ruff check luoshi tests bench
	LUOSHI_DEBUG=1 LUOSHI_DATA_DIR=$$(mktemp -d) $(BIN)/luoshi manage makemigrations --check --dry-run

# Regenerate the pinned lock file after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache
