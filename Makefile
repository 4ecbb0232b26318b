# Pathways — run `make help` for the targets.
VENV  := .venv
PY    := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app api
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test test-slow fuzz lint bench outcomes load crash trust clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt package-lock.json
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[dev,trust,planning]'
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The DfE's 903 validator beside the service, not in it (its numpy and pandas are older): see requirements-903.txt.
.venv-903/.installed: requirements-903.txt
	python3 -m venv .venv-903
	.venv-903/bin/pip install --quiet -r requirements-903.txt
	touch $@

run: $(STAMP) ## create .venv, migrate, seed West Sussex into SQLite, serve on :5000 with the job consumer beside it
	$(FLASK) db upgrade
	$(FLASK) seed
	$(FLASK) users demo
	$(FLASK) jobs work & trap 'kill $$!' EXIT; \
	PATHWAYS_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

lint: $(STAMP) ## ruff, and the layers contract (import-linter, [tool.importlinter] in pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: lint .venv-903/.installed ## lint, then the whole suite on every core (PostgreSQL too when TEST_DATABASE_URL is set)
	$(VENV)/bin/pytest -n auto --dist worksteal

test-slow: $(STAMP) ## the matcher's property tests with thousands of examples each
	HYPOTHESIS_PROFILE=slow $(VENV)/bin/pytest tests/matching/test_properties.py

fuzz: $(STAMP) ## Schemathesis CLI, all phases, each role (or ROLES=a,b), fixed seed, against gunicorn over PostgreSQL
	ROLES=$(ROLES) $(PY) -m bench.trust.fuzz

bench: $(STAMP) ## benchmarks: print a table, write bench/results/*.json
	$(PY) -m bench

outcomes: $(STAMP) ## a simulated year, 20 seeds x 6 policies and hindsight: bench/results/outcomes.json and docs/outcomes/
	$(FLASK) simulate --seeds 20

load: $(STAMP) ## gunicorn x4 over PostgreSQL, 50 requests/s for 2 min, then a ramp: bench/results/trust.json
	$(PY) -m bench.trust.load

crash: $(STAMP) ## 50 kill -9 of a worker, 10 immediate stops of our own PostgreSQL, writes in flight
	$(PY) -m bench.trust.crash

trust: $(STAMP) ## every trust figure into bench/results/trust.json: the suite's, long fuzzing, load, crashes
	PATHWAYS_TRUST_RESULTS=1 $(VENV)/bin/pytest -p no:cacheprovider
	$(MAKE) fuzz load crash

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .venv-903 .pytest_cache .ruff_cache .hypothesis .import_linter_cache .grimp_cache
