"""A library of real readings of short stories written for these tests, read once per test session.

The stories (tests/library/stories/ and the bundled examples/the-lighthouse-keepers.txt):

- The Orchard Ladder (AO3 HTML, fandom Original Work, relationship Hana/Theo, tags Pining, Slow Burn,
  Orchards): Hana's love for Theo, never said aloud, growing toward a happy harvest.
- Winter Letters (text): Marta's grief for her brother Jonas, deeper at the end; a falling arc.
- The Rival (Markdown): Kit's anger at Nora turning into admiration and trust.
- The Lighthouse Keepers (text): Maren and Ines through a storm.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from heartline.library import Library

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
LIGHTHOUSE = HERE.parent.parent / "examples" / "the-lighthouse-keepers.txt"


def story_paths() -> list[Path]:
    return [*sorted(STORIES.iterdir()), LIGHTHOUSE]


@pytest.fixture(scope="session")
def library_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session library file (read-only for tests: copy it with ``fresh_library`` to change it)."""
    path = tmp_path_factory.mktemp("library") / "library.db"
    with Library(path) as lib:
        result = lib.add(story_paths(), jobs=1)
    assert not result.failed, result.failed
    assert len(result.added) == 4
    return path


@pytest.fixture
def library(library_path: Path):
    with Library(library_path) as lib:
        yield lib


def copy_library(src: Path, dst: Path) -> Path:
    """A consistent copy of a library file (SQLite's online backup)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


@pytest.fixture
def fresh_library(library_path: Path, tmp_path: Path):
    """A copy of the session library that a test may change."""
    with Library(copy_library(library_path, tmp_path / "copy.db")) as lib:
        yield lib


def story_id(lib: Library, title: str) -> str:
    return next(r.id for r in lib.list(limit=100) if r.title == title)
