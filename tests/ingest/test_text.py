"""Plain text: the text is the file's characters exactly, chapters come from headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import heartline
from heartline.errors import DecodeError, FileNotFound
from heartline.ingest import load
from heartline.ingest.text import guess_title

from .helpers import assert_chapters_cover

STORY = "Harbour\n\nThe gulls came first. Then the boats.\n\n“Late again,” said Ana.\n"
SHARED_EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "i-missed-you.txt"


def test_text_is_the_file_content_exactly(tmp_path: Path) -> None:
    text = "  Indented first line.\n\n\n\tTabbed line with trailing spaces   \n\nLast line without newline"
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    story = load(path)
    assert story.text == text == path.read_text(encoding="utf-8")
    assert story.metadata.source == "s.txt"
    assert story.metadata.source_format == "text"
    assert story.metadata.words == len(text.split())
    assert story.metadata.warnings == []


def test_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    assert load(path).text == STORY


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_universal(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "nl.txt"
    path.write_bytes(STORY.replace("\n", newline).encode())
    story = load(path)
    assert story.text == STORY == path.read_text()


def test_mixed_newlines_match_python(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"one\r\ntwo\rthree\nfour\r\n\r\nfive")
    assert load(path).text == path.read_text() == "one\ntwo\nthree\nfour\n\nfive"


def test_string_source_is_text_exactly() -> None:
    raw = "CHAPTER I\r\n\r\nShe said hello.\r\n"
    story = heartline.load(raw)
    assert story.text == raw  # given text is never changed, so offsets match the caller's string
    assert story.metadata.source is None
    assert story.metadata.title is None


def test_one_line_string_naming_no_file_is_a_missing_file_not_a_story() -> None:
    with pytest.raises(FileNotFound, match="text="):
        load("She waited by the door")
    assert load(text="She waited by the door").text == "She waited by the door"


def test_string_naming_a_file_is_a_path(tmp_path: Path) -> None:
    path = tmp_path / "named"
    path.write_text(STORY, encoding="utf-8")
    assert load(str(path)).metadata.source == "named"


def test_shared_example_reads_exactly() -> None:
    if not SHARED_EXAMPLE.exists():
        pytest.skip("the shared example is not on this machine")
    story = load(SHARED_EXAMPLE)
    assert story.text == SHARED_EXAMPLE.read_text(encoding="utf-8")
    assert story.metadata.title == "i missed you so much when i couldn't find you"
    assert len(story.chapters) == 1


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "“Café,” she said — naïvely. " * 20
    path = tmp_path / "win.txt"
    path.write_bytes(text.encode("cp1252"))
    story = load(path)
    assert story.text == text
    assert len(story.metadata.warnings) == 1
    assert "not UTF-8" in story.metadata.warnings[0] and "iconv" in story.metadata.warnings[0]


def test_a_stray_byte_in_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    text = "“Hello,” she said. Café. " * 10
    path = tmp_path / "stray.txt"
    path.write_bytes(text.encode() + b" caf\xe9.")
    story = load(path)
    assert story.text == text + " caf\ufffd."
    assert "1 byte(s) were not valid UTF-8" in story.metadata.warnings[0]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    story = load(path)
    assert story.text == STORY
    assert "UTF-16" in story.metadata.warnings[0]


def test_random_high_bytes_do_not_decode(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 97 + 131) % 128 + 128 for i in range(4000)))
    with pytest.raises(DecodeError) as err:
        load(path)
    assert "iconv" in err.value.fix


def test_chapters_from_headings(tmp_path: Path) -> None:
    text = "The Long Way Home\n\nChapter 1: Rain\n\nIt rained all week.\n\nChapter 2: Sun\n\nThen it did not.\n"
    story = load(text)
    assert [c.title for c in story.chapters] == [None, "Chapter 1: Rain", "Chapter 2: Sun"]
    assert story.text[story.chapters[1].start :].startswith("Chapter 1: Rain")
    assert_chapters_cover(story)


def test_guess_title() -> None:
    assert guess_title("The Lighthouse\n\nIt was dark.") == "The Lighthouse"
    assert guess_title("It was dark.\n\nVery dark.") is None  # a sentence, not a title
    assert guess_title("CHAPTER I\n\nIt was dark.") is None  # a heading, not a title
    assert guess_title("one line only") is None


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(["Chapter 1", "CHAPTER II.", "Hello there.", "", " ", "\t", "PART ONE", "x y z", "I"]),
        max_size=40,
    )
)
def test_any_text_is_kept_and_covered(lines: list[str]) -> None:
    text = "\n".join(lines) + "\nend"
    story = load(text)
    assert story.text == text
    assert_chapters_cover(story)
