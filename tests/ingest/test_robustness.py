"""Whatever bytes come in, load() returns a Story or raises a HeartlineError: never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heartline.errors import HeartlineError
from heartline.ingest import load
from heartline.story import Story

from .builders import make_epub
from .helpers import assert_chapters_cover

SNIPPETS = [
    b"<p>",
    b"</p>",
    b"<div id='chapters' class='userstuff'>",
    b"<h2 class='heading'>",
    b"# ",
    b"\n\n",
    b"Chapter 1",
    b"\xff",
    b"\xc3",
    b"\x00",
    b"<!DOCTYPE html>",
    b"*** START OF THE PROJECT GUTENBERG EBOOK X ***",
    b"&amp;",
    b"&#0;",
    b"<![CDATA[",
    b"<?xml version='1.0' encoding='utf-8'?>",
    b"word ",
    b"\r\n",
    b"<br>",
]


def _check(path: Path) -> None:
    try:
        story = load(path)
    except HeartlineError as exc:
        assert exc.message and exc.fix
        return
    assert isinstance(story, Story)
    assert_chapters_cover(story)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.one_of(st.sampled_from(SNIPPETS), st.binary(max_size=20)), max_size=30),
    ext=st.sampled_from([".txt", ".html", ".md", ""]),
)
def test_any_bytes_in_text_formats(parts: list[bytes], ext: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"story{ext}"
        path.write_bytes(b"".join(parts))
        _check(path)


@pytest.fixture(scope="module")
def epub_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as d:
        return make_epub(Path(d) / "b.epub").read_bytes()


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8)
)
def test_corrupted_epubs(epub_bytes: bytes, flips: list[tuple[int, int]]) -> None:
    data = bytearray(epub_bytes)
    for pos, value in flips:
        data[pos % len(data)] = value
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "broken.epub"
        path.write_bytes(bytes(data))
        _check(path)
