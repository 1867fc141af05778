"""Uploads judged by their bytes, the names they are stored under, and the queue's folder left alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from heartline.errors import HeartlineError
from heartline.web.jobs import JobQueue
from heartline.web.uploads import safe_name, sniff, stored_name

from ..conftest import EXAMPLES


def _epub(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", "<container/>")
    return path.read_bytes()


def test_formats_come_from_the_content(tmp_path: Path):
    story = (EXAMPLES / "the-lighthouse-keepers.txt").read_bytes()
    assert sniff(story, "story.txt") == "text"
    assert sniff(story, "story.epub") == "text"  # the name cannot make text an EPUB
    assert sniff(story, "notes.md") == "markdown"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>Hi</p>", "story.txt") == "ao3"
    assert sniff(_epub(tmp_path / "x.epub"), "story.txt") == "epub"
    assert sniff("Ünïcödé story “quoted”.".encode("utf-16"), "story.txt") == "text"  # a BOM, not binary


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.4 ...", "pdftotext"),
        (b"PK\x03\x04....[Content_Types].xml word/document.xml", "Word"),
        (b"PK\x03\x04....other.txt", "Unzip"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "a program"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"", "empty"),
    ],
)
def test_what_is_not_a_story_is_refused_with_the_fix(data: bytes, words: str):
    with pytest.raises(HeartlineError, match=words) as info:
        sniff(data, "story.txt")
    assert "\n" not in info.value.one_line()


def test_stored_names_are_plain_and_match_the_format():
    assert stored_name("../../etc/passwd", "text") == "passwd.txt"
    assert stored_name("C:\\Users\\me\\My Story.epub", "text") == "My Story.txt"
    assert stored_name("<script>.html", "ao3") == "script.html"
    assert stored_name("", "epub") == "story.epub"
    assert safe_name("....") == "story"
    assert len(safe_name("a" * 500)) == 80


def test_closing_the_queue_leaves_a_given_folder_and_its_files(tmp_path: Path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    queue = JobQueue(tmp_path / "library.db", folder)
    queue.close()
    assert (folder / "keep.txt").read_text() == "mine"
    private = tmp_path / "private"
    JobQueue(tmp_path / "library.db", private, remove_folder=True).close()
    assert not private.exists()
