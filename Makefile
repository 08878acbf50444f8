# Vietnam provincial DTI research notebooks.
# Every target bootstraps its own virtual environment in .venv (Python 3.11+), from the pinned
# versions in requirements.lock (regenerate with `make lock`; pyproject.toml keeps the ranges).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.installed-lab
LOCK := requirements.lock
#: Extra options for `jupyter lab`, e.g. make lab LAB_ARGS="--no-browser --port 8890"
LAB_ARGS ?=
#: The user id; Jupyter refuses to run as root (0) without --allow-root.
EUID ?= $(shell id -u)
ALLOW_ROOT := $(if $(filter 0,$(EUID)),--allow-root)
#: The Jupyter kernel registered for the project (inside .venv), named in every notebook.
KERNEL_NAME := dti
KERNEL_SPEC := $(VENV)/share/jupyter/kernels/$(KERNEL_NAME)/kernel.json

.PHONY: setup data reports test test-fast test-slowest check-site lint lab lock bench clean

setup: $(STAMP) $(KERNEL_SPEC)

## the kernel the notebooks name (kernelspec "dti"): plain papermill and Lab both find it
$(KERNEL_SPEC): $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL_NAME) \
		--display-name "Python (DTI notebooks)"

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo ">> Installing the pinned dependencies ($(LOCK)) into $(VENV): about a minute on first use."
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -r $(LOCK)
	@# The distribution was called "helpers" until the wings (Dec 2026): drop its stale entry points.
	@$(BIN)/python -m pip uninstall --quiet --yes helpers 2>/dev/null || true
	@rm -rf src/helpers.egg-info
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)
	@echo ">> $(VENV) is ready."

## data: clean the raw tables into data/processed/ (runs the stage notebooks with papermill)
data: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/dti run data

## reports: the whole chain from data/raw to reports/index.html
reports: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/dti build

#: pytest-xdist workers for make test and test-fast (2 cores: the budget of 4 minutes and 15 s)
TEST_WORKERS ?= 2
## loadgroup: a module that builds pages once for its tests runs on one worker (tests/build)
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

## test: lint and all three suites (tests/unit, tests/data, tests/build), less the slowest fault
## cases (marked `slowest`: make test-slowest, which .ci/run runs too)
test: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not slowest" tests

## test-slowest: the slowest fault cases (signals, concurrent builds, full disks, papermill)
test-slowest: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m slowest tests/build/test_faults.py

## test-fast: the unit suite only (no shipped data, no builds; under 15 s)
test-fast: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) tests/unit

## check-site: the full site built (dti build), then every page of it checked in Chromium at
## 375 and 1280 px with reports/ served alone, and every summary sentence of every page against
## data/processed (tests/build/test_pages_browser.py, test_sentences.py; .ci/run runs it)
check-site: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/dti build
	DTI_SITE=reports $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/build/test_pages_browser.py \
		tests/build/test_sentences.py::test_every_summary_sentence_agrees_with_the_processed_tables

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

## bench: measure the build (cold, no change, helper change, one report, baseline loop)
bench: $(STAMP) $(KERNEL_SPEC)
	$(BIN)/python benchmarks/bench.py

## lab: JupyterLab on the repository root, with the project's kernel registered as "dti"
$(LAB_STAMP): $(STAMP) $(KERNEL_SPEC)
	@echo ">> Installing JupyterLab into $(VENV) (first use only)."
	$(BIN)/python -m pip install --progress-bar on -c $(LOCK) -e ".[lab]"
	@touch $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" $(LAB_ARGS)

## lock: re-pin requirements.lock from pyproject.toml's ranges (needs uv: pipx install uv)
lock:
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --no-annotate \
		--custom-compile-command "make lock" -o $(LOCK)

clean:
	rm -rf data/processed/* reports/ .pytest_cache
