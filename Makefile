# Quick start: `make run` checks samples/, `make serve` starts the web app on
# http://127.0.0.1:8000, `make test` runs the test suite.
# Each target sets up everything it needs: Debian packages (when apt-get is usable)
# and a virtual environment in .venv/ with the Python packages.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run serve test setup system lint bench samples clean

run: setup
	-$(VENV)/bin/validate samples/

serve: setup
	$(VENV)/bin/validate serve

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

setup: system $(STAMP)

system:
	@scripts/install-system-packages.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	touch $(STAMP)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# Every benchmark, one after the other; each prints ratios against a baseline of its own run
# and skips what this machine lacks.
bench: setup
	@for script in bench/bench_*.py; do \
		echo "== $$script"; $(VENV)/bin/python $$script || exit 1; \
	done

samples: setup
	$(VENV)/bin/python scripts/build_samples.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
