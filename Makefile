# make demo: build output/network.html from the bundled sample article.
# make test: install with test extras and run the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/graphbuild build --sample -o output/network.html --json output/network.json --csv output/events.csv
	@echo "open output/network.html in a browser"

test: $(TSTAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadscope --no-loadscope-reorder

bench: $(TSTAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_page.py

clean:
	rm -rf $(VENV) build dist *.egg-info output/*.html output/*.json output/*.csv
