"""File signatures of things that are certainly not story text, each with what it is and what to do instead.

The file readers (a story file that turns out to be a PDF) and the web app's upload check (bytes from a
browser) refuse the same things with the same words.
"""

from __future__ import annotations

__all__ = ["BINARY_SIGNATURES", "ZIP_SIGNATURE", "signature_of"]

# (first bytes, what the file is, how to make it readable)
BINARY_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF", "Convert it to text first, e.g. pdftotext FILE story.txt"),
    (b"\x89PNG", "a PNG image", "Give heartline the story's text"),
    (b"\xff\xd8\xff", "a JPEG image", "Give heartline the story's text"),
    (b"GIF8", "a GIF image", "Give heartline the story's text"),
    (b"\x1f\x8b", "a gzip archive", "Unpack it first, e.g. gunzip FILE"),
    (b"\x7fELF", "a program", "Give heartline the story's text"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document", "Save it as plain text (.txt)"),
    (b"{\\rtf", "an RTF document", "Save it as plain text (.txt)"),
    (b"BOOKMOBI", "a MOBI e-book", "Convert it to EPUB first, e.g. with Calibre: ebook-convert FILE story.epub"),
)

# A zip is a story only when it is an EPUB, which the readers check before they look at signatures.
ZIP_SIGNATURE = (b"PK\x03\x04", "a zip archive (Word, OpenDocument or zip)", "Save it as plain text (.txt) or EPUB")


def signature_of(head: bytes, *, zip_is_binary: bool = True) -> tuple[str, str] | None:
    """``(what it is, the fix)`` when ``head`` starts like a file that is not a story text, else None."""
    signatures = (ZIP_SIGNATURE, *BINARY_SIGNATURES) if zip_is_binary else BINARY_SIGNATURES
    for magic, what, fix in signatures:
        if head.startswith(magic):
            return what, fix
    return None
