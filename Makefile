# The two commands a fresh clone needs: `make build` and `make test`.
# Everything installs into this folder (.venv/, node_modules/) from lock files.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp

.PHONY: build test test-deps serve check bench bench-serve clean chromium bytecode

build: $(STAMP)-run node_modules/.stamp bytecode
	$(BIN)/bulletin build

test: test-deps chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# What the tests need but Chromium: then `.venv/bin/python -m pytest tests/test_x.py`
# runs one file (the browser tests need `make chromium` too).
test-deps: $(STAMP)-test node_modules/.stamp bytecode

serve: $(STAMP)-run node_modules/.stamp
	$(BIN)/bulletin serve

check: $(STAMP)-run
	$(BIN)/bulletin check

# Issue 6: clean and warm builds against Pelican, MkDocs, Hugo and a bare floor loop, and a
# deck against reveal-md, at 1,000 and 10,000 entries (QUICK=1: 1,000 only). Peers install
# into bench/.peers/, never .venv/. Writes bench/results.md. Not part of `make test`.
bench: $(STAMP)-run node_modules/.stamp bytecode
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

# Save-to-reload times of `bulletin serve`: the shipped content, then 10,000 generated entries.
bench-serve: $(STAMP)-run node_modules/.stamp
	$(BIN)/python bench/serve_reload.py
	$(BIN)/python bench/serve_reload.py --pages 10000

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "bulletin needs Python 3.11 or newer: set PYTHON=python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs are keyed on the lock files, so editing a lock reinstalls. The package itself
# is installed -qq: setuptools' "Editable installation ... Please be careful" notice
# read as a failure to a new user (a trial); an error is still shown.
$(STAMP)-run: requirements/run.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/run.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	touch $@

$(STAMP)-test: requirements/test.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	touch $@ $(STAMP)-run

node_modules/.stamp: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# builder/ compiled ahead, as pip does for a package it installs: an editable install
# where PYTHONDONTWRITEBYTECODE is set would compile every module on every command
# (a fifth of a no-op build). Only changed files are compiled again.
bytecode: $(STAMP)-run
	@$(BIN)/python -m compileall -q builder

# Browser tests drive Debian's Chromium; never a browser download.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; \
		fi; \
	fi

clean:
	rm -rf site .site.* .cache
