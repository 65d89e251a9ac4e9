# Two entry points: `make run` (set up, then start the bot) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test lint setup setup-test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	$(PY) -m bot

test: setup-test
	$(PY) -m ruff check bot cogs tests bench
	$(PY) -m pytest -q

lint: setup-test
	$(PY) -m ruff check bot cogs tests bench
	$(PY) -m ruff format --check bot cogs tests bench
	$(PY) -m mypy bot cogs

clean:
	rm -rf $(VENV)
