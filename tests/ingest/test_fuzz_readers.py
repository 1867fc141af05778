"""Fuzzing every reader: mutated fixtures give a Story or a HeartlineError, in time, with offsets inside
the text (see tests/fuzzing.py for the generators and the checks).

CI runs a few dozen inputs per reader (a few seconds each); ``make fuzz`` runs thousands, and
``HEARTLINE_FUZZ_EXAMPLES=N`` sets the number. Every crash found becomes a named regression test
(tests/ingest/test_hostile_input.py).
"""

from __future__ import annotations

import os
import random
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import READERS, check_load, generate

EXAMPLES = int(os.environ.get("HEARTLINE_FUZZ_EXAMPLES", "100"))


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_reader_gives_a_story_or_an_error(reader: str, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert check_load(generate(reader, rng, Path(folder))) in ("story", "error")


@pytest.mark.parametrize("reader", READERS)
def test_the_generators_make_stories_not_only_errors(reader: str, tmp_path: Path) -> None:
    """Mutated input that every reader refused would test nothing but the refusals."""
    outcomes = Counter(check_load(generate(reader, random.Random(f"{reader}-{i}"), tmp_path)) for i in range(40))
    assert outcomes["story"] >= 10, outcomes
    assert outcomes["error"] >= 1, outcomes
