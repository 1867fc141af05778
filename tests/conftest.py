"""Shared fixtures: expensive things (the spaCy model, readings of the example stories) load once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests run the same examples every time, so a CI run never fails by chance; set
# HYPOTHESIS_PROFILE=explore to search new inputs (and add each bug found as a named regression test).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "i-missed-you.txt"


@pytest.fixture(scope="session")
def nlp():
    from heartline.language.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The story bundled with heartline (written for the project)."""
    return EXAMPLES / "the-lighthouse-keepers.txt"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's package), launched once for every browser test (one Playwright per
    session: its sync API cannot run twice at once). Errors, never skips, when it is missing."""
    from tests.report.conftest import CHROMIUM_ARGS, require_chromium

    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """A folder for screenshots of the browser tests, for a person to look at (not compared by any test)."""
    from tests.report.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
