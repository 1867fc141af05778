"""Markdown: headings become chapters, markup is stripped, front matter fills the metadata."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from heartline.ingest import load
from heartline.ingest.markdown import strip_inline

from .helpers import assert_chapters_cover, assert_titles_in_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "story.md"


def test_front_matter() -> None:
    md = load(FIXTURE).metadata
    assert md.source_format == "markdown"
    assert md.title == "The Kettle"
    assert md.authors == ["Sam Writer"]
    assert md.fandoms == ["Original Work"]
    assert md.relationships == ["Ada/Jun"]
    assert md.tags == ["Fluff", "Tea", "Found Family"]
    assert md.summary == "Jun learns to make tea."


def test_text_is_plain_paragraphs() -> None:
    story = load(FIXTURE)
    paragraphs = story.text.split("\n\n")
    assert paragraphs == [
        "Chapter 1: Cold",
        "It was cold. Ada put the kettle on, and waited\nby the window.",
        "“Is it ready?” Jun asked.",
        "She did not answer.",
        "* * *",
        "She poured two cups. snake_case_stays and 5 * 3 = 15 and *not emphasis*.",
        "Chapter 2: Warm",
        "Steam rose.",
        "Jun smiled.",
        "a fenced line",
    ]


def test_headings_are_chapters() -> None:
    story = load(FIXTURE)
    assert [c.title for c in story.chapters] == ["Chapter 1: Cold", "Chapter 2: Warm"]
    assert_chapters_cover(story)
    assert_titles_in_text(story)


def test_no_headings_one_chapter() -> None:
    story = load("Just *one* paragraph.\n\nAnd another.", format="markdown")
    assert story.text == "Just one paragraph.\n\nAnd another."
    assert [c.title for c in story.chapters] == [None]


def test_several_top_headings_are_all_chapters() -> None:
    story = load("# One\n\nA.\n\n# Two\n\nB.\n", format="markdown")
    assert story.text == "One\n\nA.\n\nTwo\n\nB."
    assert [(c.start, c.title) for c in story.chapters] == [(0, "One"), (9, "Two")]
    assert story.metadata.title is None


def test_strip_inline() -> None:
    assert strip_inline("**bold** and __strong__ and ~~gone~~") == "bold and strong and gone"
    assert strip_inline("[text](http://x.y) and <https://a.b>") == "text and https://a.b"
    assert strip_inline("`a * b` &amp; <b>tag</b>") == "a * b & tag"
    assert strip_inline("line one  \nline two") == "line one\nline two"


def test_crlf_markdown(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(FIXTURE.read_bytes().replace(b"\n", b"\r\n"))
    assert load(path).text == load(FIXTURE).text


@settings(max_examples=80, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# Title",
                "## Part",
                "Text *em* and **strong**.",
                "",
                "---",
                "> quote",
                "- item",
                "```",
                "Setext",
                "===",
                "[link](u)",
                "<b>x</b>",
                "\\*",
                "_a_",
                "* * *",
                "   ",
                "1. one",
            ]
        ),
        max_size=30,
    )
)
def test_any_markdown_gives_a_covered_story(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n\nThe end."
    story = load(text, format="markdown")
    assert_chapters_cover(story)
    assert_titles_in_text(story)
    assert "\n\n\n" not in story.text
    assert story.text.endswith("The end.")
