# Two commands do all the set-up on a fresh machine (Python 3.11+):
#   make report   execute the notebooks and village profiles; write reports/index.html,
#                 reports/*.html, reports/profiles/ and reports/figures/
#   make test     run every test: pytest, then the notebooks under nbval
# and one to work on the notebooks:
#   make lab      JupyterLab on notebooks/, with the kernel "ruralstudy" (this .venv)
# Each creates .venv on first use and reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

KERNEL := ruralstudy

.PHONY: report test lint bench env lock clean lab kernel

report: $(STAMP)
	$(BIN)/ruralstudy report --notebooks notebooks --out reports

# The kernel is registered inside .venv (--sys-prefix): only this project's
# JupyterLab sees it, and nothing in the home folder changes.
kernel: $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (ruralstudy)"

lab: kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks

# pytest-xdist runs the tests on every core (-n auto); tests marked with
# xdist_group run in one worker (--dist loadgroup). Each notebook stays in one
# worker (--dist loadfile): nbval runs its cells in order in one kernel.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadgroup tests
	$(BIN)/python -m pytest -n auto --dist loadfile $(NBVAL) notebooks

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_report.py

env: $(STAMP)

# environment.yml (for conda-forge users) is generated from pyproject.toml;
# tests/test_package.py fails when the two drift.
environment.yml: pyproject.toml | $(STAMP)
	$(BIN)/p2c yaml -e dev -n ruralstudy --python 3.11 -r "-e ." -o $@ -w force

# Installs the exact versions in constraints.txt, so a fresh machine gets the
# environment the tests (and the image baselines) were made with.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Re-resolve the newest versions pyproject.toml allows, in a scratch venv, and pin them.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ".[dev]"
	{ head -3 constraints.txt; .lock-venv/bin/python -m pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt && rm -rf .lock-venv

clean:
	rm -rf $(VENV) reports build dist
