"""Ingest: turn a file (or a string of story text) into a :class:`~heartline.story.Story`.

    load(source, format=None) -> Story          a path (str or pathlib.Path), or text that cannot be one
    load(text=..., format=None) -> Story        the story's text itself, whatever it looks like
    load_stream(stream, format=None) -> Story   the bytes of a binary stream (the CLI's stdin)

A ``str`` given as ``source`` is a path unless it cannot be one: a string with a line break or a NUL, of
4096 characters or more, with a path component over 255 bytes, or only whitespace is story text. So a
misspelt path is a FileNotFound error, never a story whose text is the path; one-line text goes through
``text=``. The format is ``format`` when given, else found from the extension and the content:

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

import os
import re
from pathlib import Path
from typing import BinaryIO

from ..errors import BinaryInput, EmptyInput, FileNotFound, FormatError
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

__all__ = ["EXTENSIONS", "FORMATS", "could_be_path", "detect_format", "load", "load_stream"]

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
_NAME_MAX = 255


def load(source: str | Path | None = None, format: str | None = None, *, text: str | None = None) -> Story:
    """Read ``source`` (a path, or text that cannot be a path) or ``text`` into a Story with text, metadata
    and chapters."""
    if format is not None and format not in FORMATS:
        raise FormatError(f"Unknown format '{format}'", f"Choose one of: {', '.join(FORMATS)}")
    if text is not None:
        if source is not None:
            raise FormatError("Both a source and text= were given", "Give one of them")
        if not isinstance(text, str):
            raise FormatError(f"text= must be a str, not a {type(text).__name__}", "Pass the story's text")
        return _load_string(text, format)
    if isinstance(source, Path):
        return _load_path(source.expanduser(), format)
    if not isinstance(source, str):
        raise FormatError(
            f"Cannot read a {type(source).__name__}",
            "Give a file path (str or pathlib.Path), or the story's text as text=...",
        )
    if could_be_path(source):
        path = Path(source).expanduser()
        if not os.path.lexists(path):
            raise FileNotFound(
                f"There is no file {source}",
                "Check the path and the spelling of the file name; to read this string as the story's text, "
                "pass it as text=...",
            )
        return _load_path(path, format)
    return _load_string(source, format)


def could_be_path(source: str) -> bool:
    """Whether ``source`` could name a file: one line, no NUL, not blank, under 4096 characters, every
    component at most 255 bytes. Only a string that could not is read as story text."""
    if not source.strip() or "\n" in source or "\r" in source or "\x00" in source or len(source) >= _PATH_MAX:
        return False
    return all(len(part.encode("utf-8", "surrogatepass")) <= _NAME_MAX for part in re.split(r"[/\\]", source))


def load_stream(stream: BinaryIO, format: str | None = None, name: str = "stdin") -> Story:
    """Read a story from the bytes of ``stream`` (e.g. ``sys.stdin.buffer``), decoded as a file's bytes are;
    the format is ``format``, else found from the content (Gutenberg, HTML, else plain text)."""
    if format is not None and format not in FORMATS:
        raise FormatError(f"Unknown format '{format}'", f"Choose one of: {', '.join(FORMATS)}")
    if format == "epub":
        raise FormatError("An EPUB must be read from its file", "Pass the path of the .epub file")
    data = stream.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise too_large(name, f"more than {max_bytes() / 1e6:,.0f} MB")
    fmt = format
    if fmt is None and data.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html")):
        fmt = "ao3"
    text, warnings = decode(data, name, html=fmt == "ao3")
    if fmt is None:
        from .gutenberg import is_gutenberg

        fmt = "gutenberg" if is_gutenberg(text) else "text"
    return _read_decoded(text, fmt, name, warnings)


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
