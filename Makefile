# Vietnam provincial DTI research notebooks.
# Every target bootstraps its own virtual environment in .venv (Python 3.11+).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.installed-lab

.PHONY: setup data reports test lint lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

## data: clean the raw tables into data/processed/ (runs the stage notebooks with papermill)
data: $(STAMP)
	$(BIN)/dti run data

## reports: the whole chain from data/raw to reports/index.html
reports: $(STAMP)
	$(BIN)/dti build

## test: lint and the test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

## bench: measure the build (cold, no change, helper change, one report, baseline loop)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

## lab: JupyterLab on the notebooks
lab: $(STAMP)
	@test -f $(LAB_STAMP) || ($(BIN)/python -m pip install --quiet -e ".[dev,lab]" && touch $(LAB_STAMP))
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf data/processed/* reports/ .pytest_cache
