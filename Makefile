# `make test` is the README's second command and what CI (.ci/run) runs on a fresh machine.
PYTHON ?= python3

.PHONY: test install lint bench

install:
	$(PYTHON) -m pip install -e ".[test,web]"

test: install
	bash scripts/install-browser.sh
	$(PYTHON) -m ruff check src tests benchmarks
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check src tests benchmarks
	$(PYTHON) -m ruff format --check src tests benchmarks
	$(PYTHON) -m mypy

bench:
	$(PYTHON) benchmarks/bench_segment.py
	$(PYTHON) benchmarks/bench_characters.py
	$(PYTHON) benchmarks/bench_emotions.py
	$(PYTHON) benchmarks/bench_read.py
