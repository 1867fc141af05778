"""What an upload is, judged by its bytes: the format to read it as, or a one-line error.

The file name is only a hint between plain text and Markdown (both are text); it never makes a file
acceptable. A zip that is not an EPUB, a PDF, a Word file, an image or any other binary is refused
here, before a reading is queued, with the fix in the message.

>>> sniff(b"Once upon a time.", "story.md")
'markdown'
>>> sniff(b"<!DOCTYPE html><html><body>...", "story.txt")
'ao3'
"""

from __future__ import annotations

import re

from ..errors import BinaryInput, EmptyInput, FormatError
from ..ingest.signatures import signature_of

__all__ = ["safe_name", "sniff", "stored_name"]

_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes, name: str = "") -> str:
    """The heartline format for an upload's bytes: "epub", "ao3", "markdown" or "text".

    Raises EmptyInput, BinaryInput or FormatError (each a HeartlineError with a fix)."""
    if not data.strip():
        raise EmptyInput("The upload is empty", "Choose a story file, or paste the story's text")
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head[:100]:
            return "epub"
        if b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            raise FormatError("The upload is a Word (or Office) document", "Save it as plain text (.txt) or EPUB")
        raise FormatError("The upload is a zip archive, not an EPUB", "Unzip it and give heartline the story inside")
    kind = signature_of(head, zip_is_binary=False)
    if kind is not None:
        raise FormatError(f"The upload is {kind[0]}, not a story heartline reads", kind[1])
    if not head.startswith(_TEXT_BOMS) and b"\x00" in head:
        raise BinaryInput(
            "The upload is a binary file, not a story text",
            "Give a .txt, .md, .html (AO3 download), Gutenberg text or .epub file",
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return "ao3"
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


_EXT = {"epub": ".epub", "ao3": ".html", "markdown": ".md", "text": ".txt"}


def safe_name(name: str | None, default: str = "story") -> str:
    """A file name's stem with only letters, digits, spaces, dots, dashes and underscores (at most 80)."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    stem = re.sub(r"[^\w .-]+", "", stem, flags=re.ASCII).strip(" .")[:80]
    return stem or default


def stored_name(name: str | None, fmt: str) -> str:
    """The name an upload is stored under: its safe stem and the extension of the format it was sniffed as,
    so the reader's own extension check agrees with the content."""
    return safe_name(name) + _EXT[fmt]
