"""Chapter headings in plain text: conservative, one pass, tables of contents skipped."""

from __future__ import annotations

import pytest

from heartline.ingest.headings import find_chapters, is_heading
from heartline.story import Story

from .helpers import assert_chapters_cover

HEADINGS = [
    "Chapter 1",
    "CHAPTER I.",
    "Chapter I: The Bertolini",
    "PART ONE",
    "BOOK ONE: 1805",
    "Book the First--Recalled to Life",
    "I. The Period",
    "STAVE I:  MARLEY'S GHOST",
    "FIRST EPILOGUE: 1813 - 20",
    "Chapter Twenty-One",
    "CHAPTER XV     The Footsteps Die Out For Ever",
    "12",
    "IV.",
    "Prologue",
    "chapter one",
    "Chapter 3 - the end",
    "Epilogue: Ten Years Later",
    "~ Chapter 2 ~",
    "=== 12 ===",
    "** Prologue **",
    "Ch.3",
]
NOT_HEADINGS = [
    "Part of me wanted to go.",
    "Chapter 1 was boring.",
    "I. Went home, sad.",
    "CIVIL",
    "Books are good",
    "Part 2 of the series",
    "I am here.",
    "1. Went home.",
    "Chapter " + "x" * 120,
    "Parti",
    "M.",
    'M. Du Bois only said, "Monsieur?"',
    "C. Dupont",
    "* * *",
    "~~~",
]


@pytest.mark.parametrize("line", HEADINGS)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


def titles(text: str) -> list[str | None]:
    story = Story(text, chapters=find_chapters(text))
    assert_chapters_cover(story)
    return [c.title for c in story.chapters]


def test_heading_must_be_alone_in_its_paragraph() -> None:
    text = "Chapter 1\nShe ran down the hill and did not stop.\n\nMore text here.\n"
    assert titles(text) == [None]


def test_no_headings_one_chapter() -> None:
    assert titles("Just a story.\n\nWith two paragraphs.") == [None]


def test_title_paragraph_under_a_bare_heading() -> None:
    text = (
        "CHAPTER I\n\nIn the Mill\n\nThe wheel turned all night.\n\nCHAPTER II\n\nIn the Town\n\nMarket day was loud.\n"
    )
    assert titles(text) == ["CHAPTER I: In the Mill", "CHAPTER II: In the Town"]


def test_two_line_heading() -> None:
    text = "CHAPTER I.\nThe Wreck\n\nThe ship went down at night.\n"
    assert titles(text) == ["CHAPTER I. The Wreck"]


def test_part_and_chapter_merge() -> None:
    text = "PART I\n\nCHAPTER I\n\nOn a hot evening a young man went out.\n\nCHAPTER II\n\nHe was not used to crowds.\n"
    assert titles(text) == ["PART I — CHAPTER I", "CHAPTER II"]


def test_table_of_contents_is_skipped() -> None:
    contents = (
        "CONTENTS\n\n    BOOK ONE: 1805\n\n    CHAPTER I\n\n    CHAPTER II\n\n    BOOK TWO: 1806\n\n    CHAPTER I\n\n"
    )
    body = (
        "BOOK ONE: 1805\n\nCHAPTER I\n\nThe salon was full.\n\nCHAPTER II\n\nThe hostess smiled.\n\n"
        "BOOK TWO: 1806\n\nCHAPTER I\n\nAt last.\n"
    )
    assert titles("THE BOOK\n\n" + contents + body) == [
        None,
        "BOOK ONE: 1805 — CHAPTER I",
        "CHAPTER II",
        "BOOK TWO: 1806 — CHAPTER I",
    ]


def test_contents_as_a_block_of_lines_is_skipped() -> None:
    text = (
        "Book the First--Recalled to Life\n\n     Chapter I      The Period\n     Chapter II     The Mail\n\n"
        "Book the Second--the Golden Thread\n\n     Chapter I      Five Years Later\n     Chapter II     A Sight\n\n"
        "Book the Third--the Track of a Storm\n\n     Chapter I      In Secret\n     Chapter II     The Grindstone\n\n"
        "Book the First--Recalled to Life\n\nI. The Period\n\nThe year began badly.\n\n"
        "II. The Mail\n\nIt was Friday.\n"
    )
    assert titles(text) == [None, "Book the First--Recalled to Life — I. The Period", "II. The Mail"]


def test_front_matter_is_an_untitled_chapter() -> None:
    text = "The Sea Road\nby Somebody\n\nChapter 1\n\nIt began at sea.\n"
    chapters = find_chapters(text)
    assert [c.title for c in chapters] == [None, "Chapter 1"]
    assert text[chapters[1].start :].startswith("Chapter 1")


def test_leading_blank_lines_belong_to_the_first_chapter() -> None:
    text = "\n\n   \nChapter 1\n\nIt began.\n"
    chapters = find_chapters(text)
    assert [(c.start, c.title) for c in chapters] == [(0, "Chapter 1")]


def test_long_input_is_read() -> None:
    """A pathological line (a million spaces) and many short paragraphs (benchmarks/bench_adversarial.py times
    such inputs)."""
    text = " " * 1_000_000 + "\n\n" + "Chapter 1\n\nWord.\n\n" * 20_000
    chapters = find_chapters(text)
    assert len(chapters) == 20_000  # the blank first line belongs to the first chapter


def test_decorated_heading_title_is_clean() -> None:
    assert titles("~ Chapter  2 ~\n\nShe came back.\n") == ["Chapter 2"]


def test_numbered_sections_inside_named_chapters_are_not_chapters() -> None:
    text = "CHAPTER I\n\nI\n\nThe town woke.\n\nII\n\nThe mill opened.\n\nCHAPTER II\n\nI\n\nRain again.\n"
    assert titles(text) == ["CHAPTER I", "CHAPTER II"]


def test_bare_numbers_are_chapters_when_nothing_else_names_them() -> None:
    assert titles("I\n\nThe town woke.\n\nII\n\nThe mill opened.\n") == ["I", "II"]
