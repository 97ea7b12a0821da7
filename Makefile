# Two commands set everything up on a fresh machine with Python 3.11:
#   make run   - create .venv, install, ingest seeds/, print the timeline and casualty conflicts
#   make test  - the same install plus test dependencies (and the PostgreSQL/Dask extra), then pytest
#   make docs  - the README's screenshot of the seeds' brief (docs/brief.png), taken by headless chromium
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= clashrecon.db

.PHONY: install install-test run test browser postgres docs eval eval-real bench bench-cluster clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,cluster]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/clashrecon ingest seeds/ --db $(DB)
	$(BIN)/clashrecon timeline --db $(DB)
	$(BIN)/clashrecon conflicts --field casualties --db $(DB)

test: install-test
	$(BIN)/python -m pytest -q

# Debian's chromium, for the browser test (tests/report/test_browser.py) and `make docs`: installed
# when it is missing and this runs as root (CI, via .ci/run); elsewhere the test skips and says why.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; \
	else echo "chromium is not installed and this is not root: the browser test will skip (apt-get install -y chromium)"; fi

# Debian's PostgreSQL server, for the PostgreSQL tests (a throwaway server each run starts on
# 127.0.0.1 as an unprivileged user: scripts/pgserver.py) and `make bench-cluster`: installed when
# missing and this runs as root (CI, via .ci/run), without the package's own always-running
# cluster; elsewhere those tests skip and say why.
postgres:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		mkdir -p /etc/postgresql-common/createcluster.d; \
		echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/clashrecon.conf; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q postgresql || { apt-get update -q && apt-get install -y -q postgresql; }; \
	else echo "PostgreSQL is not installed and this is not root: its tests will skip (apt-get install -y postgresql)"; fi

# The seeds' brief, rendered and photographed offline: the screenshot the README shows.
DOCS := build/docs
docs: install browser
	rm -rf $(DOCS) && mkdir -p $(DOCS) docs
	$(BIN)/clashrecon ingest seeds/ --db $(DOCS)/seeds.db --quiet
	$(BIN)/clashrecon report --db $(DOCS)/seeds.db --output $(DOCS)/brief.html
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars --user-data-dir=$(DOCS)/profile \
		--force-device-scale-factor=$(DOCS_SCALE) --window-size=$(DOCS_SIZE) \
		--screenshot=$(CURDIR)/docs/brief.png file://$(CURDIR)/$(DOCS)/brief.html
DOCS_SIZE ?= 1000,2300
DOCS_SCALE ?= 0.6

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

# The cluster paths against the local ones on one distinct corpus: --executor dask with 2 local
# workers against --jobs 2, PostgreSQL's writes and timeline against SQLite's; minutes, never in CI.
# Smaller: make bench-cluster CLUSTER_ARGS='--articles 300'
bench-cluster: install-test postgres
	$(BIN)/python scripts/bench_cluster.py $(CLUSTER_ARGS)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
