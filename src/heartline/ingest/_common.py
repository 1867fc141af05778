"""What every reader shares: size limits, reading and decoding bytes, and building text from paragraphs.

Readers that rebuild the text (Markdown, HTML, EPUB) hand :func:`assemble` a list of :class:`Section`
(one per chapter, each a list of paragraphs); it joins the paragraphs with blank lines and records where
each chapter starts, so every offset points into the one ``story.text``.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BinaryInput, DecodeError, EmptyInput, FileNotFound, InputError, InputTooLarge
from ..story import Chapter, Metadata, Story
from .signatures import signature_of

__all__ = [
    "BYTES_PER_WORD",
    "DEFAULT_MAX_WORDS",
    "MAX_ARCHIVE_BYTES",
    "MIN_MAX_BYTES",
    "SCENE_BREAK",
    "Section",
    "assemble",
    "check_binary",
    "check_file",
    "check_words",
    "count_words",
    "decode",
    "make_story",
    "max_bytes",
    "max_words",
    "normalize_newlines",
    "read_bytes",
    "squash",
    "too_large",
]


DEFAULT_MAX_WORDS = 2_000_000
MIN_MAX_BYTES = 40 * 1024 * 1024  # never read more than this before refusing (at the default word limit)
MAX_ARCHIVE_BYTES = 2 * 1024**3  # an .epub file: only the members heartline needs are read, pictures cost nothing
BYTES_PER_WORD = 20  # generous: English prose averages about 6 bytes a word, HTML markup adds more
SCENE_BREAK = "* * *"
_CHUNK = 1 << 20


def max_words() -> int:
    """The largest story heartline reads: ``$HEARTLINE_MAX_WORDS`` or 2,000,000 words."""
    env = os.environ.get("HEARTLINE_MAX_WORDS", "").replace("_", "").replace(",", "")
    return int(env) if env.isdigit() and int(env) > 0 else DEFAULT_MAX_WORDS


def max_bytes() -> int:
    """Files bigger than this are refused before they are read (scales with the word limit)."""
    return max(MIN_MAX_BYTES, max_words() * BYTES_PER_WORD)


def too_large(what: str, size: str) -> InputTooLarge:
    """The error for a story over the limits."""
    return InputTooLarge(
        f"{what} is too large to read ({size}; the limit is {max_words():,} words)",
        "Split it into smaller files (e.g. one per volume), or raise the limit with HEARTLINE_MAX_WORDS=N",
    )


def check_file(path: Path, max_size: int | None = None) -> int:
    """Refuse a path that is missing, a folder, empty or bigger than ``max_size`` (default
    :func:`max_bytes`); return its size in bytes."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise FileNotFound(f"There is no file {path}", "Check the path and the spelling of the file name") from None
    except OSError as exc:
        raise InputError(f"Cannot open {path}: {exc.strerror or exc}", "Check the path and its permissions") from None
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a story file", "Give the path of one story file inside it")
    if not path.is_file():
        raise InputError(f"{path} is not a regular file", "Give the path of a story file")
    if st.st_size == 0:
        raise EmptyInput(f"{path} is empty", "Check that you gave the right file and that it was saved")
    if st.st_size > (max_size or max_bytes()):
        raise too_large(str(path), f"{st.st_size / 1e6:,.0f} MB")
    return st.st_size


def read_bytes(path: Path) -> bytes:
    """The bytes of a story file, after :func:`check_file`."""
    check_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}", "Check the file's permissions") from None


def check_binary(data: bytes, name: str) -> None:
    """Refuse bytes that are certainly not text (known binary signatures, NUL bytes)."""
    kind = signature_of(data)
    if kind is not None:
        raise BinaryInput(f"{name} is {kind[0]}, not a story text", kind[1])
    if b"\x00" in data:
        raise BinaryInput(
            f"{name} holds binary data (NUL bytes), not text", "Give heartline a .txt, .md, .html or .epub"
        )


_BYTE_CONTROLS = bytes(c for c in range(32) if c not in b"\t\n\r\x0c")


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is certainly not text ("a PNG image", "binary data"), else None.

    Known signatures, NUL bytes (UTF-16 and UTF-32 text starts with a byte-order mark, so it is let through),
    or more than 1% control bytes in the first 64 KB."""
    kind = signature_of(data)
    if kind is not None:
        return kind[0]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    head = data[:65536]
    if b"\x00" in data or len(head) - len(head.translate(None, _BYTE_CONTROLS)) > 0.01 * len(head):
        return "binary data"
    return None


def decode(data: bytes, name: str, html: bool = False) -> tuple[str, list[str]]:
    """Bytes to text with universal newlines; returns the text and any warnings.

    UTF-8 (with or without a BOM) is read as is; UTF-16/32 with a BOM, the charset an HTML page
    declares (``html=True``) and other encodings found by charset-normalizer are read with a warning.
    Raises EmptyInput, BinaryInput or DecodeError.
    """
    if not data.strip():
        raise EmptyInput(f"{name} is empty or only whitespace", "Check that you gave the right file")
    warnings: list[str] = []
    text = _decode_bom(data, name, warnings)
    if text is None:
        check_binary(data, name)
        text = (
            _utf8_lenient(data, name, warnings)
            or (_decode_declared(data, name, warnings) if html else None)
            or _decode_guessed(data, name, warnings)
        )
    text = normalize_newlines(text)
    if not text.strip():
        raise EmptyInput(f"{name} is empty or only whitespace", "Check that you gave the right file")
    if _control_ratio(text) > 0.01:
        raise BinaryInput(f"{name} does not look like text (too many control characters)", "Give heartline a text file")
    return text, warnings


def _decode_bom(data: bytes, name: str, warnings: list[str]) -> str | None:
    """Decode by byte-order mark, or None when there is none (a UTF-8 BOM is dropped)."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_lenient(data[3:], name, warnings) or _decode_guessed(data[3:], name, warnings)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise DecodeError(
                    f"{name} starts as {enc.upper()} but has bytes that are not", _iconv(name, enc)
                ) from None
            warnings.append(f"{name} is {enc.upper()}; it was read as such (UTF-8 is preferred)")
            return text.lstrip("\ufeff")
    return None


def _utf8_lenient(data: bytes, name: str, warnings: list[str]) -> str | None:
    """UTF-8, tolerating a few stray bytes in an otherwise UTF-8 file (replaced by U+FFFD, with a warning).

    None when the bytes are not UTF-8 (for example a cp1252 file, where every non-ASCII byte is invalid).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid non-ASCII characters
    if good >= 10 * bad:
        warnings.append(f"{name}: {bad} byte(s) were not valid UTF-8 and were replaced by \ufffd")
        return text
    return None


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def _decode_declared(data: bytes, name: str, warnings: list[str]) -> str | None:
    """The bytes in the charset an HTML page declares in its first 4 KB; None when there is none or it fails."""
    m = _META_CHARSET.search(data, 0, 4096)
    if m is None:
        return None
    enc = m.group(1).decode("ascii").lower()
    try:
        enc = codecs.lookup("cp1252" if enc in ("iso-8859-1", "latin-1", "us-ascii") else enc).name
        text = data.decode(enc)
    except (LookupError, UnicodeDecodeError):
        return None
    warnings.append(f"{name} is not UTF-8; it was read as {enc}, the charset it declares")
    return text


def _decode_guessed(data: bytes, name: str, warnings: list[str]) -> str:
    """Bytes in the encoding charset-normalizer finds, with a warning; DecodeError when none fits."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is None or best.encoding is None:
        raise DecodeError(
            f"{name} is not UTF-8 and its encoding could not be recognised",
            _iconv(name, "WINDOWS-1252"),
        )
    enc = best.encoding
    # Western text often fits cp1250 and cp1252 equally well; a tie goes to cp1252, by far the commoner.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence - 0.01:
            enc = "cp1252"
    warnings.append(
        f"{name} is not UTF-8; it was read as {enc}. If letters look wrong, convert it first: "
        f"iconv -f {enc.upper()} -t UTF-8 {name} > story-utf8.txt"
    )
    return data.decode(enc, errors="replace")


def _iconv(name: str, enc: str) -> str:
    return f"Convert it to UTF-8, e.g. iconv -f {enc.upper()} -t UTF-8 {name} > story-utf8.txt"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    """Share of control characters (other than tab, newlines, form feed) in the first 100,000 characters."""
    head = text[:100_000]
    return len(_CONTROL.findall(head)) / max(1, len(head))


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR to LF, as Python's universal newlines do."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def count_words(text: str) -> int:
    """Whitespace-separated words, counted in chunks so a huge text never becomes one huge list."""
    if len(text) <= _CHUNK:
        return len(text.split())
    total = 0
    prev_word_end = False
    for i in range(0, len(text), _CHUNK):
        chunk = text[i : i + _CHUNK]
        total += len(chunk.split())
        if prev_word_end and not chunk[0].isspace():
            total -= 1  # a word split across the chunk boundary was counted twice
        prev_word_end = not chunk[-1].isspace()
    return total


def check_words(words: int, name: str) -> None:
    """Refuse a story longer than :func:`max_words`."""
    if words > max_words():
        raise too_large(name, f"{words:,} words")


def make_story(text: str, metadata: Metadata, chapters: list[Chapter] | None = None) -> Story:
    """A Story with its word count checked against the limit and stored in the metadata."""
    words = count_words(text)
    check_words(words, metadata.source or "The text")
    if words == 0:
        raise EmptyInput(f"{metadata.source or 'The text'} has no words in it", "Check that you gave the right file")
    metadata.words = words
    return Story(text=text, metadata=metadata, chapters=list(chapters or []))


# -- building text from paragraphs ---------------------------------------------------------------------


@dataclass(slots=True)
class Section:
    """One chapter's paragraphs before they are joined; ``title`` becomes its first paragraph unless the
    paragraphs already start with the heading (``starts_with_title``)."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    starts_with_title: bool = False


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def assemble(sections: list[Section]) -> tuple[str, list[Chapter]]:
    """Join the sections' paragraphs with blank lines; one Chapter per non-empty section.

    Chapters are contiguous: the first starts at 0, each ends where the next starts, the last at the end.
    Scene breaks at the start or end of a chapter, or twice in a row, are dropped.
    """
    parts: list[str] = []
    pos = 0
    chapters: list[Chapter] = []
    for sec in sections:
        paras = _clean_breaks([p for p in sec.paragraphs if p.strip()])
        if (
            sec.title
            and not sec.starts_with_title
            and not (paras and squash(paras[0]).casefold() == squash(sec.title).casefold())
        ):
            paras.insert(0, squash(sec.title))
        if not paras:
            continue
        start = pos + (2 if parts else 0)
        for para in paras:
            if parts:
                parts.append("\n\n")
                pos += 2
            parts.append(para)
            pos += len(para)
        chapters.append(Chapter(start, pos, sec.title))
    text = "".join(parts)
    for i, ch in enumerate(chapters):
        ch.start = 0 if i == 0 else ch.start
        ch.end = chapters[i + 1].start if i + 1 < len(chapters) else len(text)
    return text, chapters


def _clean_breaks(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        if p == SCENE_BREAK and (not out or out[-1] == SCENE_BREAK):
            continue
        out.append(p)
    while out and out[-1] == SCENE_BREAK:
        out.pop()
    return out
