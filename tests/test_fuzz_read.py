"""Fuzzing the whole read (segment, characters, speakers) on mutated story text: a Story whose every offset
lies inside the text, or a HeartlineError, in time. ``HEARTLINE_FUZZ_EXAMPLES=N`` (or ``make fuzz``) runs
more than CI's few dozen."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import check_read, story_text

EXAMPLES = int(os.environ.get("HEARTLINE_FUZZ_EXAMPLES", "40"))


@pytest.mark.usefixtures("nlp")
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_read_gives_a_story_or_an_error(rng: random.Random) -> None:
    assert check_read(story_text(rng)) in ("story", "error")


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_read_with_every_step_on_hostile_text() -> None:
    """The emotion model and the steps after it too, on a few of the generated texts."""
    outcomes = [check_read(story_text(random.Random(i)), steps=None) for i in range(3)]
    assert "story" in outcomes
