"""Checks every reader's Story must pass."""

from __future__ import annotations

import itertools

from heartline.story import Story


def assert_chapters_cover(story: Story) -> None:
    """Chapters start at 0, follow each other without gaps or overlaps, and end at the end of the text."""
    chapters = story.chapters
    assert chapters, "a story always has at least one chapter"
    assert chapters[0].start == 0
    assert chapters[-1].end == len(story.text)
    for before, after in itertools.pairwise(chapters):
        assert before.end == after.start
        assert before.start < before.end


def assert_titles_in_text(story: Story) -> None:
    """Every titled chapter of a rebuilt text (HTML, EPUB, Markdown) opens with its title as a paragraph."""
    for ch in story.chapters:
        if ch.title:
            assert story.text[ch.start : ch.end].lstrip().startswith(ch.title)
