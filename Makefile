# `make test` is the README's second command and what CI (.ci/run) runs on a fresh machine.
PYTHON ?= python3

.PHONY: test install lint bench fuzz check-pythons

install:
	$(PYTHON) -m pip install -e ".[test,web]"

test: install
	bash scripts/install-browser.sh
	$(PYTHON) -m ruff check src tests benchmarks scripts
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest
	PYTHON=$(PYTHON) bash scripts/check-pythons.sh

# `pip install .` from wheels and a read of the bundled example on each of Python 3.11, 3.12, 3.13 found.
check-pythons:
	PYTHON=$(PYTHON) bash scripts/check-pythons.sh

lint:
	$(PYTHON) -m ruff check src tests benchmarks scripts
	$(PYTHON) -m ruff format --check src tests benchmarks scripts
	$(PYTHON) -m mypy

bench:
	$(PYTHON) benchmarks/bench_segment.py
	$(PYTHON) benchmarks/bench_characters.py
	$(PYTHON) benchmarks/bench_emotions.py
	$(PYTHON) benchmarks/bench_read.py
	$(PYTHON) benchmarks/bench_pythons.py
	$(PYTHON) benchmarks/bench_feelings_gold.py

# Long fuzzing, not part of CI: thousands of generated inputs per reader and for the whole read, then each
# atheris target for FUZZ_SECONDS (pip install -e ".[fuzz]"). See docs/security.md.
FUZZ_EXAMPLES ?= 5000
FUZZ_SECONDS ?= 120
fuzz:
	HEARTLINE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PYTHON) -m pytest -q tests/ingest/test_fuzz_readers.py tests/test_fuzz_read.py
	for r in text markdown ao3 html epub gutenberg; do \
		$(PYTHON) fuzz/fuzz_reader.py $$r -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 || exit 1; \
	done
