"""Ingest: turn a file (or a string of story text) into a :class:`~heartline.story.Story`.

    load(source, format=None) -> Story

``source`` is a path, or the story's text itself: a ``str`` counts as a path when it is one line,
shorter than 4096 characters, and either exists or ends with a known extension. The format is
``format`` when given, else found from the extension and the content:

    .epub                      epub        (EPUB 2 and 3)
    .html .htm .xhtml          ao3         (an AO3 "Download > HTML" file, or any HTML story)
    .md .markdown              markdown
    anything else              gutenberg   when a "*** START OF THE PROJECT GUTENBERG" line is there,
                               epub        when it is a zip holding an EPUB,
                               text        otherwise

Text given directly is read as plain text unless ``format`` says otherwise, so its offsets always match
the string. Every reader raises an :class:`~heartline.errors.InputError` for input it cannot read, and
refuses stories over ``$HEARTLINE_MAX_WORDS`` words (default 2,000,000) before doing any other work.
See docs/formats.md for what each reader keeps and drops.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BinaryInput, EmptyInput, FormatError
from ..story import Story
from ._common import (
    MAX_ARCHIVE_BYTES,
    check_file,
    check_words,
    count_words,
    decode,
    max_bytes,
    max_words,
    normalize_newlines,
    read_bytes,
    too_large,
)

__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "load"]

FORMATS = ("text", "markdown", "epub", "ao3", "gutenberg")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".epub": "epub",
    ".html": "ao3",
    ".htm": "ao3",
    ".xhtml": "ao3",
}
_UNSUPPORTED = {
    ".pdf": "Convert it to text first, e.g. pdftotext FILE story.txt",
    ".docx": "Save it as plain text (.txt) or EPUB",
    ".doc": "Save it as plain text (.txt) or EPUB",
    ".odt": "Save it as plain text (.txt) or EPUB",
    ".rtf": "Save it as plain text (.txt)",
    ".mobi": "Convert it to EPUB first, e.g. with Calibre: ebook-convert FILE story.epub",
    ".azw": "Convert it to EPUB first, e.g. with Calibre: ebook-convert FILE story.epub",
    ".azw3": "Convert it to EPUB first, e.g. with Calibre: ebook-convert FILE story.epub",
    ".zip": "Unzip it and give heartline the story file inside",
}
_PATH_MAX = 4096


def load(source: str | Path, format: str | None = None) -> Story:
    """Read ``source`` (a path, or story text) into a Story with text, metadata and chapters."""
    if format is not None and format not in FORMATS:
        raise FormatError(f"Unknown format '{format}'", f"Choose one of: {', '.join(FORMATS)}")
    if isinstance(source, Path):
        return _load_path(source.expanduser(), format)
    if not isinstance(source, str):
        raise FormatError(
            f"Cannot read a {type(source).__name__}",
            "Give a file path (str or pathlib.Path) or the story's text as a str",
        )
    if _looks_like_path(source):
        return _load_path(Path(source).expanduser(), format)
    return _load_string(source, format)


def _looks_like_path(source: str) -> bool:
    if not source or "\n" in source or "\x00" in source or len(source) >= _PATH_MAX:
        return False
    if source.lower().endswith(tuple(EXTENSIONS)):
        return True
    try:
        return Path(source).expanduser().exists()
    except (OSError, ValueError):
        return False


def _load_string(text: str, format: str | None) -> Story:
    """Story text given directly: plain text, exactly as given, unless ``format`` names another format."""
    if not text.strip():
        raise EmptyInput("The text is empty", "Pass a story's text, or the path of a story file")
    if "\x00" in text:
        raise BinaryInput("The text holds NUL characters, so it is not a story text", "Pass the story's text")
    if len(text) > max_bytes():
        raise too_large("The text", f"{len(text):,} characters")
    if format == "epub":
        raise FormatError("An EPUB must be read from its file", "Pass the path of the .epub file, not its content")
    if format not in (None, "text"):
        text = normalize_newlines(text)
    return _read_decoded(text, format or "text", None, [])


def _load_path(path: Path, format: str | None) -> Story:
    check_file(path, MAX_ARCHIVE_BYTES)  # missing, a folder, empty; text formats check their own size when read
    fmt = format or detect_format(path)
    if fmt == "epub":
        from .epub import read_epub

        return read_epub(path)
    text, warnings = decode(read_bytes(path), path.name, html=fmt == "ao3")
    if format is None and fmt == "text":
        from .gutenberg import is_gutenberg

        if is_gutenberg(text):
            fmt = "gutenberg"
    return _read_decoded(text, fmt, path.name, warnings)


def _read_decoded(text: str, fmt: str, name: str | None, warnings: list[str]) -> Story:
    """Refuse a text over the word limit, then hand it to its format's reader."""
    if len(text) >= 2 * max_words():  # shorter texts cannot hold more words than the limit
        check_words(count_words(text), name or "The text")
    if fmt == "gutenberg":
        from .gutenberg import read_gutenberg

        return read_gutenberg(text, name, warnings)
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(text, name, warnings)
    if fmt == "ao3":
        from .ao3 import read_html

        return read_html(text, name, warnings)
    from .text import read_text

    return read_text(text, name, warnings)


def detect_format(path: Path) -> str:
    """The format for ``path`` from its extension, and for other files from their first bytes."""
    ext = path.suffix.lower()
    if ext in _UNSUPPORTED:
        raise FormatError(f"heartline cannot read {ext} files ({path.name})", _UNSUPPORTED[ext])
    if ext in (".epub", ".html", ".htm", ".xhtml", ".md", ".markdown"):
        return EXTENSIONS[ext]
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "text"
    if head.startswith(b"PK\x03\x04") and b"mimetypeapplication/epub+zip" in head[:100]:
        return "epub"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "ao3"
    return "text"
