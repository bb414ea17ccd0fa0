# Two commands do all the set-up on a fresh machine:
#   make run   builds .venv if missing, then runs the news-etl flow over seeds/ into warehouse/
#   make test  builds .venv if missing, then runs ruff and the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The mypyc build of the modules wirehouse/compiled.py lists, redone when any of them (or the list) is newer
# than it. `import wirehouse` also checks the build against the sources (a hash per module) and runs them
# interpreted if they differ, so a stale build is never used. WIREHOUSE_PURE=1 builds nothing. The next step
# writes the byte-code of every module that changed: where PYTHONDONTWRITEBYTECODE is set (as on this machine)
# each process would otherwise compile ~30 modules from source, ~25 ms of a no-op run.
COMPILED := $(VENV)/.compiled
COMPILED_SOURCES := $(shell $(PYTHON) wirehouse/compiled.py)
BYTECODE := $(VENV)/.bytecode
PY_SOURCES := $(shell find wirehouse flows tasks -name '*.py')

.PHONY: run test lint bench eval clean server screenshots

$(STAMP): requirements.lock requirements-build.lock pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-build.lock
	WIREHOUSE_PURE=1 $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(COMPILED): $(STAMP) setup.py wirehouse/compiled.py $(COMPILED_SOURCES)
	if $(BIN)/python setup.py --quiet build_ext --inplace; then test -n "$$WIREHOUSE_PURE" || touch $(COMPILED); \
	else echo "make: compiling the stages failed (above); they run interpreted (slower)" >&2; fi

$(BYTECODE): $(COMPILED) $(PY_SOURCES)
	$(BIN)/python -m compileall -q wirehouse flows tasks
	touch $(BYTECODE)

run: $(BYTECODE)
	$(BIN)/wirehouse run 'seeds/*.txt' --warehouse warehouse

test: $(BYTECODE)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BYTECODE)
	$(BIN)/python bench/speed.py

eval: $(BYTECODE)
	$(BIN)/wirehouse eval-quotes ../shared/eval/quotes_dev.jsonl
	$(BIN)/wirehouse eval-sentences ../shared/eval/sentences_golden_en.jsonl

clean:
	rm -rf warehouse/current warehouse/snapshots warehouse/staging warehouse/parquet warehouse/wirehouse.duckdb warehouse/.lock

# A local Prefect server with the UI on http://127.0.0.1:4200 (runs in the foreground; Ctrl-C stops it).
# Point runs and `wirehouse serve` at it with: export PREFECT_API_URL=http://127.0.0.1:4200/api
server: $(STAMP)
	PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/prefect server start --host 127.0.0.1 --port 4200

# Starts its own server on a free port, runs the flow over the seeds and BBC, saves the UI pictures in docs/.
screenshots: $(BYTECODE)
	$(BIN)/python bench/screenshots.py
