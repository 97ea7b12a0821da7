# Two commands set everything up on a fresh machine with Python 3.11:
#   make run   - create .venv, install, ingest seeds/, print the timeline and casualty conflicts
#   make test  - the same install plus test dependencies, then pytest
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= clashrecon.db

.PHONY: install install-test run test eval eval-real bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/clashrecon ingest seeds/ --db $(DB)
	$(BIN)/clashrecon timeline --db $(DB)
	$(BIN)/clashrecon conflicts --field casualties --db $(DB)

test: install-test
	$(BIN)/python -m pytest -q

# Quality gate: score extraction and whole stories against data/gold/ (and data/gold/stories/);
# fail below data/gold/baseline.json.
eval: install
	$(BIN)/clashrecon eval data/gold

# The same story scores on real pages (data/realtext/, git-ignored; rebuilt from data/realtext-sources/).
eval-real: install
	$(BIN)/clashrecon eval data/gold/realtext --baseline data/gold/realtext/baseline.json

# Speed against raw spaCy and the targets; many minutes on 2 cores, never run in CI.
# Smaller: make bench BENCH_ARGS='--articles 200 --small 50'
bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
