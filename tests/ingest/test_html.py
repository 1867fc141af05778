"""AO3 downloads and generic HTML stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartline.errors import NoStoryFound
from heartline.ingest import load

from .helpers import assert_chapters_cover, assert_titles_in_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def work():
    return load(FIXTURES / "ao3_work.html")


def test_ao3_metadata(work) -> None:
    md = work.metadata
    assert md.source_format == "ao3"
    assert md.title == "Salt and Lantern Light"
    assert md.authors == ["harborwren"]
    assert md.fandoms == ["Original Work"]
    assert md.relationships == ["Mara/Ines"]
    assert md.characters == ["Mara", "Ines"]
    assert md.tags == [
        "General Audiences",
        "No Archive Warnings Apply",
        "F/F",
        "Hurt/Comfort",
        "Lighthouses",
        "Slow Burn",
    ]
    assert md.language == "English"
    assert md.summary == "Two keepers, one storm, and a lamp that will not stay lit."
    assert md.notes == [
        "Written for a winter exchange.",
        "Chapter 1: The Lamp notes: The storm starts here.",
        "Chapter 1: The Lamp end notes: More soon.",
        "Thank you for reading!",
    ]


def test_ao3_text_has_only_the_story(work) -> None:
    text = work.text
    for kept_out in (
        "Summary",
        "winter exchange",
        "More soon",
        "Thank you for reading",
        "Posted originally",
        "never run",
        "Stats",
        "harborwren",
        "font-family",
    ):
        assert kept_out not in text
    assert text.split("\n\n") == [
        "Chapter 1: The Lamp",
        "The wind had been rising since noon. Mara climbed the stairs with the oil can knocking against her knee.",
        "“You’re late,” Ines said, without turning from the glass.",
        "“I’m here,” Mara said. “That has to count for something.”",
        "* * *",
        "By midnight the lamp had gone out twice.\nTwice she had lit it again.",
        "Chapter 2: Morning",
        "The sea was flat and grey when the sun came up. Ines slept against the wall, her hand still on the rail.",
        "Mara watched her for a long time before she woke her.",
    ]


def test_ao3_chapters(work) -> None:
    assert [c.title for c in work.chapters] == ["Chapter 1: The Lamp", "Chapter 2: Morning"]
    assert_chapters_cover(work)
    assert_titles_in_text(work)


def test_ao3_oneshot() -> None:
    story = load(FIXTURES / "ao3_oneshot.html")
    assert story.metadata.fandoms == ["Original Work", "Folklore"]
    assert story.metadata.relationships == ["Pim & Oskar"]
    assert story.metadata.authors == ["inkfold", "tidewriter"]
    assert story.text == "Pim folded the boats and Oskar sailed them.\n\n“Again,” said Oskar, and Pim folded another."
    assert [c.title for c in story.chapters] == [None]


def test_generic_html() -> None:
    story = load(FIXTURES / "generic_story.html")
    assert story.metadata.source_format == "html"
    assert story.metadata.title == "The Orchard"
    assert story.text == (
        "Part One\n\nThe apples fell early that year.\n\nRosa counted them & said nothing.\n\n"
        "Part Two\n\nBy spring the tree was gone.\n\n  a poem\n    kept as written"
    )
    assert [c.title for c in story.chapters] == ["Part One", "Part Two"]
    assert_chapters_cover(story)


@pytest.mark.parametrize(
    "html",
    [
        (FIXTURES / "nav_only.html").read_text(encoding="utf-8"),
        "<html><body><!-- nothing --></body></html>",
        "<html><body><h1>Only a heading</h1></body></html>",
    ],
)
def test_html_without_a_story(tmp_path: Path, html: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(NoStoryFound):
        load(path)


def test_html_string_with_format() -> None:
    story = load(text="<p>One.</p><p>Two &amp; three.</p>", format="ao3")
    assert story.text == "One.\n\nTwo & three."


def test_deep_nesting_is_read_or_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 200 + "<p>Deep words.</p>" + "</div>" * 200 + "</body></html>")
    assert load(path).text == "Deep words."
    # libxml2 stops at its nesting limit (no huge_tree): an absurdly deep page is refused, never a crash
    path.write_text("<html><body>" + "<div>" * 5000 + "<p>Deep words.</p>" + "</div>" * 5000 + "</body></html>")
    with pytest.raises(NoStoryFound):
        load(path)


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "xxe.html"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Safe &x; text.</p></body></html>",
        encoding="utf-8",
    )
    assert "root:" not in load(path).text


def test_ao3_work_page_saved_from_the_browser() -> None:
    story = load(FIXTURES / "ao3_work_page.html")
    md = story.metadata
    assert md.source_format == "ao3"
    assert (md.title, md.authors, md.language) == ("Night Ferry", ["quietoar"], "English")
    assert md.fandoms == ["Original Work"]
    assert md.relationships == ["Lio/Sanne"]
    assert md.characters == ["Lio", "Sanne"]
    assert md.tags == ["General Audiences", "Pining"]
    assert md.summary == "The last crossing of the year."
    assert md.notes == [
        "A gift for a friend.",
        "Chapter 1: Departure notes: Short one.",
        "Chapter 1: Departure end notes: See you next week.",
        "Thanks for reading.",
    ]
    assert story.text.split("\n\n") == [
        "Chapter 1: Departure",
        "Lio untied the rope. Sanne held the lantern high.",
        "“Ready?” she asked.",
        "Chapter 2: Arrival",
        "The far shore was dark, but someone had left a light on.",
    ]
    assert_chapters_cover(story)


def test_declared_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    page += "<body><p>“Déjà vu,” said Zoë.</p></body></html>"
    path = tmp_path / "old.html"
    path.write_bytes(page.encode("cp1252"))
    story = load(path)
    assert story.text == "“Déjà vu,” said Zoë."
    assert "cp1252" in story.metadata.warnings[0]


def test_regression_two_xml_declarations_do_not_crash(tmp_path):
    """Found by the fuzz test: lxml raised ValueError on a second encoding declaration."""
    from heartline.ingest import load

    path = tmp_path / "twice.html"
    decl = "<?xml version='1.0' encoding='utf-8'?>"
    path.write_text(decl + decl + "<html><body><p>“Hello,” she said to him.</p></body></html>")
    assert "Hello" in load(path).text
