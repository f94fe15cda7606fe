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

site: $(VENV)/.installed-site
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

serve: $(VENV)/.installed-site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(VENV)/.installed-site
	$(BIN)/ktt-site check

clean:
	rm -rf site $(VENV)
