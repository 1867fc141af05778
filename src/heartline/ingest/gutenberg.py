"""Project Gutenberg plain text: the licence header and footer are cut, title and author come from it.

The story text is what lies between the ``*** START OF THE PROJECT GUTENBERG EBOOK ... ***`` line and
the ``*** END OF ...`` line, less a leading "Produced by ..." credit paragraph, a closing "End of the
Project Gutenberg EBook ..." line and the blank lines around it. All offsets point into that text.
"""

from __future__ import annotations

import re

from ..story import Metadata, Story
from ._common import make_story
from .headings import find_chapters

__all__ = ["is_gutenberg", "read_gutenberg", "split_gutenberg"]

_START = re.compile(r"^\*{3} ?START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.I | re.M)
_END = re.compile(r"^\*{3} ?END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.I | re.M)
_END_LINE = re.compile(r"^[ \t]*End of (?:the )?Project Gutenberg'?s?[^\n]*$", re.I | re.M)
_CREDIT = re.compile(r"^(?:Produced by|E-?text prepared by|This e-?text was produced by|Transcribed by)\b", re.I)
_FIELD = re.compile(r"^(Title|Author|Language|Translator)s?:[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)", re.I | re.M)
_EBOOK_OF = re.compile(
    r"The Project Gutenberg E-?Book of (?P<title>[^\n]+?)(?:, by (?P<author>[^\n]+))?\s*$", re.I | re.M
)
_SNIFF = re.compile(r"\*{3} ?START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)


def is_gutenberg(text: str) -> bool:
    """True when the first 100,000 characters hold a Project Gutenberg START line."""
    return _SNIFF.search(text, 0, 100_000) is not None


def split_gutenberg(text: str) -> tuple[str, str, bool]:
    """(header, story text, found): the story text with the licence header and footer cut.

    ``found`` is False when there is no START line; then the whole text is the story.
    """
    start = _START.search(text)
    if start is None:
        return "", text, False
    header = text[: start.start()]
    end = _END.search(text, start.end())
    body = text[start.end() : end.start() if end else len(text)]
    closing = _END_LINE.search(body, max(0, len(body) - 2000))
    if closing is not None:
        body = body[: closing.start()]
    body = _drop_credit(_strip_blank_lines(body))
    return header, body.rstrip(), True


def _strip_blank_lines(body: str) -> str:
    """Drop whole blank lines at the start, keeping the first line's own indentation."""
    i = 0
    while True:
        nl = body.find("\n", i)
        if nl == -1 or body[i:nl].strip():
            return body[i:]
        i = nl + 1


def _drop_credit(body: str) -> str:
    """Cut a "Produced by ..." paragraph at the very start."""
    if not _CREDIT.match(body):
        return body
    blank = re.search(r"\n[ \t]*\n", body)
    return _strip_blank_lines(body[blank.end() :]) if blank else body


def read_gutenberg(text: str, source: str | None = None, warnings: list[str] | None = None) -> Story:
    """A Story of a Project Gutenberg ebook, header and footer cut; title and author from the header."""
    header, body, found = split_gutenberg(text)
    metadata = Metadata(source_format="gutenberg", source=source, warnings=list(warnings or []))
    if not found:
        metadata.warnings.append(
            f"{source or 'The text'} has no '*** START OF THE PROJECT GUTENBERG EBOOK' line; all of it was read"
        )
    _header_fields(header, metadata)
    return make_story(body, metadata, find_chapters(body))


def _header_fields(header: str, metadata: Metadata) -> None:
    """Title, authors and language from the "Title:" / "Author:" lines, else from the first line."""
    for m in _FIELD.finditer(header):
        key, value = m.group(1).lower(), " ".join(m.group(2).split())
        if key == "title" and metadata.title is None:
            metadata.title = value
        elif key == "author":
            metadata.authors.extend(a.strip() for a in re.split(r"\s+and\s+|;", value) if a.strip())
        elif key == "language" and metadata.language is None:
            metadata.language = value
    if metadata.title is None:
        first = _EBOOK_OF.search(header, 0, 2000)
        if first:
            metadata.title = first.group("title").strip()
            if first.group("author") and not metadata.authors:
                metadata.authors.append(first.group("author").strip())
