"""Plain text: the file's characters exactly (BOM dropped, newlines made LF), chapters from headings."""

from __future__ import annotations

from ..story import Metadata, Story
from ._common import make_story
from .headings import find_chapters, is_heading

__all__ = ["guess_title", "read_text"]

_SENTENCE_END = tuple(".,;:!?\"'”’…")


def read_text(text: str, source: str | None = None, warnings: list[str] | None = None) -> Story:
    """A Story whose text is ``text`` unchanged, with chapters found by :func:`find_chapters`.

    ``source`` is the file name (None for text given directly; then no title is guessed).
    """
    metadata = Metadata(
        title=guess_title(text) if source else None,
        source_format="text",
        source=source,
        warnings=list(warnings or []),
    )
    return make_story(text, metadata, find_chapters(text))


def guess_title(text: str) -> str | None:
    """The first line when it stands alone, is short and does not read as a sentence or a heading."""
    head = text.lstrip("\n")[:400]
    lines = head.split("\n")
    if len(lines) < 2 or lines[1].strip():
        return None
    first = " ".join(lines[0].split())
    if not first or len(first) > 80 or len(first.split()) > 12 or first.endswith(_SENTENCE_END) or is_heading(first):
        return None
    return first
