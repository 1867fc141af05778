"""Shared fixtures: expensive things (the spaCy model, readings of the example stories) load once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "i-missed-you.txt"


@pytest.fixture(scope="session")
def nlp():
    from heartline.segment import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The story bundled with heartline (written for the project)."""
    return EXAMPLES / "the-lighthouse-keepers.txt"
