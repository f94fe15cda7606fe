# Two commands set everything up on a fresh machine with only Python 3.11+ and make:
#   make site   builds the shipped site into site/
#   make test   runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-site: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.installed-site

site: $(VENV)/.installed-site node_modules/.package-lock.json
	$(BIN)/mkdocs build --strict

# From the npm registry, pinned in package-lock.json: Decap CMS, bundled into the site as the
# form editor at /quan-tri/, and decap-server, its local backend (both also driven by
# tests/test_cms_browser.py); axe-core for the accessibility tests. Without npm the site is
# built with a /quan-tri/ page saying how to add the editor, and those tests skip, or fail where
# KTT_REQUIRE_TOOLS=1 (CI).
node_modules/.package-lock.json: $(wildcard package.json package-lock.json)
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: no form editor in the site, browser tests will skip"; fi

# The suite starts many `mkdocs build` and `ktt-site` processes: where the environment forbids
# compiled-module caches (PYTHONDONTWRITEBYTECODE, set in some sandboxes and CI images), each of
# them compiled ktt_site again, about 0.3 s a process. The test run lets Python keep them.
test: $(VENV)/.installed-test node_modules/.package-lock.json
	$(BIN)/ruff check ktt_site
	$(BIN)/ruff format --check ktt_site
	$(BIN)/mypy
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto

# --dirty: a saved change redoes only the pages it touches (ktt-site tells MkDocs which);
# --no-strict: MkDocs warns about every dirty build, which strict mode would make fatal.
serve: $(VENV)/.installed-site
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# CI passes CHECK_ARGS="--format github" (or gitlab) to put each problem on its line.
CHECK_ARGS ?=
check: $(VENV)/.installed-site
	$(BIN)/ktt-site check $(CHECK_ARGS)

clean:
	rm -rf site $(VENV)
