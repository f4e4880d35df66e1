# Every target creates the virtual environment first when it is missing, so
# each one is a complete set-up on its own on a fresh machine with python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test lint typecheck sandbox bench bundle clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/addressbook --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check addressbook tests bench packaging
	$(BIN)/mypy

sandbox: $(STAMP)
	$(BIN)/python -m addressbook.sandbox

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	rm -rf build/HarvestContacts dist/HarvestContacts
	$(BIN)/pyinstaller --noconfirm --clean packaging/addressbook.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
