# Learning Briefings: `make site` builds the sample site; `make test` runs every test and gate.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site test serve check lint docs bench lighthouse browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

site: $(STAMP)
	$(BIN)/briefings build

check: $(STAMP)
	$(BIN)/briefings check

serve: $(STAMP)
	$(BIN)/briefings serve

# Browser tests drive Debian's Chromium (never a downloaded browser); the HTML gate runs the Nu
# checker on Java. Install whichever is missing (as root, from Debian's packages).
SYSTEM_PACKAGES := chromium fonts-liberation poppler-utils default-jre-headless
browser-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "Missing Chromium or Java: run 'sudo apt-get install $(SYSTEM_PACKAGES)'"; exit 1; fi

test: $(TEST_STAMP) browser-deps
	$(BIN)/ruff check generator tests bench
	$(BIN)/lint-imports
	$(BIN)/mkdocs build --strict --quiet
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/lint-imports

# The guide (docs/) as a site of its own, in .docs-site/.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict

bench: $(TEST_STAMP) browser-deps
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Lighthouse (npm, installed once into bench/lighthouse/) on every page type, mobile preset.
LIGHTHOUSE := bench/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): bench/lighthouse/package.json
	cd bench/lighthouse && npm install --no-audit --no-fund --silent
	touch $@

lighthouse: $(STAMP) browser-deps $(LIGHTHOUSE)
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf site .docs-site .pytest_cache
