# Two commands do everything on a fresh machine (see README.md):
#   make run    install, build the graph from the built-in corpus if the store is empty, serve it
#   make test   install (with test tools and browser), ruff, the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
STORE  ?= var/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup setup-test assets system-deps lint bench clean

run: setup
	$(BIN)/stikg build --if-empty --store $(STORE)
	@echo "stikg: serving http://$(HOST):$(PORT)/  (SPARQL endpoint http://$(HOST):$(PORT)/sparql)"
	$(BIN)/stikg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: setup-test system-deps
	$(BIN)/ruff check .
	$(BIN)/pytest

setup: $(STAMP)
setup-test: $(TEST_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e .
	bash scripts/install-assets.sh
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

assets:
	bash scripts/install-assets.sh

system-deps:
	bash scripts/install-system-deps.sh

lint: setup-test
	$(BIN)/ruff check .

bench: setup-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var node_modules server/static/vendor
