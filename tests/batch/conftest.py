"""A small corpus in every format, with a broken file and a copy, and its reading by the local runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..ingest.builders import make_epub

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"

STORIES = {
    "harbour.txt": (
        "The Harbour\n\n"
        "Mara waited on the quay while the rain came in over the water. She was afraid the boat would not come.\n\n"
        "“You came back,” Mara said to Theo when he stepped onto the stones. She hugged him, full of joy.\n\n"
        "“I always do,” Theo said. He smiled at her, but his hands shook.\n\n"
        "Later, by the fire, Mara told him she had been angry all winter. Theo said nothing. He was ashamed.\n"
    ),
    "letters.txt": (
        "Letters\n\n"
        "Nora read the letter twice. Kit had written from the city, and every line of it was cold.\n\n"
        "“He does not love me any more,” Nora said to her sister Jane.\n\n"
        "“He never said so,” Jane said gently. “You fear it, that is all.”\n\n"
        "Nora laughed, but she was grateful, and she trusted Jane more than anyone.\n"
    ),
    "nested/storm.txt": (
        "The Storm\n\n"
        "Ellis stood at the window. The storm had taken the roof of the barn, and Ellis was furious.\n\n"
        "“We will mend it,” said Ada. “Together, the way we always have.”\n\n"
        "Ellis looked at her, and the anger went out of him. He admired her courage.\n"
    ),
}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """Seven readable stories (txt, md, html, epub; one a copy of another under a new name) and two broken
    files (empty, binary)."""
    root = tmp_path_factory.mktemp("corpus")
    for name, text in STORIES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "story.md", root / "story.md")
    shutil.copy(FIXTURES / "ao3_oneshot.html", root / "nested" / "oneshot.html")
    make_epub(root / "book.epub")
    shutil.copy(root / "letters.txt", root / "nested" / "letters-copy.txt")
    (root / "broken").mkdir()
    (root / "broken" / "empty.txt").write_bytes(b"")
    (root / "broken" / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    return root


@pytest.fixture(scope="session")
def local_run(corpus, tmp_path_factory):
    """The local runner's output folder for the corpus, and its result."""
    from heartline.batch.run import run_batch

    out = tmp_path_factory.mktemp("local") / "out"
    return out, run_batch([corpus], out, runner="local", jobs=2, shard_size=3)
