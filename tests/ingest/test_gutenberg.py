"""Project Gutenberg texts: header and footer cut, title and author kept, chapters found."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartline.ingest import load
from heartline.ingest.gutenberg import is_gutenberg, split_gutenberg

from .helpers import assert_chapters_cover

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "gutenberg_sample.txt"
WAR_AND_PEACE = Path("/work/shared/data/novels/war_and_peace_pg2600.txt")


def test_header_and_footer_are_cut() -> None:
    story = load(FIXTURE)
    assert story.metadata.source_format == "gutenberg"
    assert story.text.startswith("THE QUIET HARBOUR\n")
    assert story.text.endswith("Nell slept until noon.")
    for cut in ("Project Gutenberg", "Produced by", "licence", "START OF", "END OF"):
        assert cut not in story.text


def test_title_author_language_from_header() -> None:
    md = load(FIXTURE).metadata
    assert md.title == "The Quiet Harbour A Tale of Two Keepers"
    assert md.authors == ["Elsie Marrow"]
    assert md.language == "English"


def test_chapters_with_titles_and_contents_skipped() -> None:
    story = load(FIXTURE)
    assert [c.title for c in story.chapters] == [
        None,
        "CHAPTER I. The Lamp",
        "CHAPTER II. The Storm",
        "CHAPTER III. Morning",
    ]
    assert_chapters_cover(story)
    second = story.chapters[2]
    assert story.text[second.start : second.end].startswith("CHAPTER II.\n\nThe Storm\n\n\nThe storm came")


def test_crlf_file_gives_the_same_story(tmp_path: Path) -> None:
    crlf = tmp_path / "pg.txt"
    crlf.write_bytes(FIXTURE.read_bytes().replace(b"\n", b"\r\n"))
    assert load(crlf).text == load(FIXTURE).text


def test_format_text_keeps_the_header() -> None:
    story = load(FIXTURE, format="text")
    assert story.metadata.source_format == "text"
    assert story.text == FIXTURE.read_text(encoding="utf-8-sig")


def test_forced_gutenberg_without_markers_warns(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Just a story.\n", encoding="utf-8")
    story = load(path, format="gutenberg")
    assert story.text == "Just a story.\n"  # with no markers the whole file is read unchanged
    assert "START OF THE PROJECT GUTENBERG" in story.metadata.warnings[0]


def test_sniffing() -> None:
    assert is_gutenberg("x\n*** START OF THE PROJECT GUTENBERG EBOOK FOO ***\n")
    assert is_gutenberg("***START OF THIS PROJECT GUTENBERG EBOOK FOO***")
    assert not is_gutenberg("A story about the Project Gutenberg.")
    assert split_gutenberg("no markers")[2] is False


@pytest.mark.skipif(not WAR_AND_PEACE.exists(), reason="the shared novels are not on this machine")
def test_war_and_peace_reads_right() -> None:
    story = load(WAR_AND_PEACE)
    assert story.metadata.title == "War and Peace"
    assert story.metadata.authors == ["Leo Tolstoy"]
    assert abs(story.metadata.words - 563_036) < 50  # the words between the START and END lines
    assert story.chapters[1].title == "BOOK ONE: 1805 — CHAPTER I"
    assert sum(1 for c in story.chapters if c.title and "CHAPTER" in c.title) == 365
    assert_chapters_cover(story)
