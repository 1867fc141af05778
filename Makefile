# `make test` is the README's second command and what CI (.ci/run) runs on a fresh machine.
PYTHON ?= python3

.PHONY: test install lint bench check-pythons

install:
	$(PYTHON) -m pip install -e ".[test]"

test: install
	bash scripts/install-browser.sh
	$(PYTHON) -m ruff check src tests benchmarks
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest
	PYTHON=$(PYTHON) bash scripts/check-pythons.sh

# `pip install .` from wheels and a read of the bundled example on each of Python 3.11, 3.12, 3.13 found.
check-pythons:
	PYTHON=$(PYTHON) bash scripts/check-pythons.sh

lint:
	$(PYTHON) -m ruff check src tests benchmarks
	$(PYTHON) -m ruff format --check src tests benchmarks
	$(PYTHON) -m mypy

bench:
	$(PYTHON) benchmarks/bench_segment.py
	$(PYTHON) benchmarks/bench_characters.py
	$(PYTHON) benchmarks/bench_emotions.py
	$(PYTHON) benchmarks/bench_read.py
	$(PYTHON) benchmarks/bench_pythons.py
