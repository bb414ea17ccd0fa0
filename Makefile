# Two commands do all the set-up on a fresh machine:
#   make run   builds .venv if missing, then runs the news-etl flow over seeds/ into warehouse/
#   make test  builds .venv if missing, then runs ruff and the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean server screenshots

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/wirehouse run 'seeds/*.txt' --warehouse warehouse

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/speed.py

eval: $(STAMP)
	$(BIN)/wirehouse eval-quotes ../shared/eval/quotes_dev.jsonl
	$(BIN)/wirehouse eval-sentences ../shared/eval/sentences_golden_en.jsonl

clean:
	rm -rf warehouse/current warehouse/snapshots warehouse/staging warehouse/parquet warehouse/wirehouse.duckdb warehouse/.lock

# A local Prefect server with the UI on http://127.0.0.1:4200 (runs in the foreground; Ctrl-C stops it).
# Point runs and `wirehouse serve` at it with: export PREFECT_API_URL=http://127.0.0.1:4200/api
server: $(STAMP)
	PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/prefect server start --host 127.0.0.1 --port 4200

# Starts its own server on a free port, runs the flow over the seeds and BBC, saves the UI pictures in docs/.
screenshots: $(STAMP)
	$(BIN)/python bench/screenshots.py
