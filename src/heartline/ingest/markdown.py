"""Markdown: headings become chapters, the markup is stripped so the words read as plain text.

A small converter for the Markdown that stories use, not a full CommonMark parser: ATX (``#``) and
setext (``===``/``---``) headings, paragraphs, block quotes, lists, fenced and indented code, thematic
breaks (kept as a ``* * *`` scene break), emphasis, links (their text), images (dropped), inline HTML
(tags dropped, entities decoded) and ``key: value`` front matter (title, author, fandom, tags, ...).
Paragraphs are separated by one blank line; line breaks inside a paragraph are kept.
"""

from __future__ import annotations

import bisect
import html
import re

from ..story import Metadata, Story
from ._common import SCENE_BREAK, assemble, make_story
from .ao3 import sections_from_blocks
from .html import Block

__all__ = ["front_matter", "read_markdown", "strip_inline"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:~[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_LIST = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_HTML_BLOCK = re.compile(r"^ {0,3}</?[A-Za-z][^>]*>[ \t]*$")

_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_CODE = re.compile(r"(`{1,16})(.+?)\1", re.S)  # a longer run would be retried at every length
_EMPH = (
    re.compile(r"(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1", re.S),
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S),
    re.compile(r"(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*", re.S),
    re.compile(r"(?<![A-Za-z0-9_])(_)(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9_])", re.S),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1", re.S),
)
# Where each emphasis pattern of _EMPH can open and close, with its delimiter: zero-width, so that
# overlapping candidates ("****") are all found.
_EMPH_OPEN = (
    re.compile(r"(?=(\*\*\*|___)(?=\S))"),
    re.compile(r"(?=(\*\*|__)(?=\S))"),
    re.compile(r"(?=(\*)(?=[^\s*]))"),
    re.compile(r"(?<![A-Za-z0-9_])(?=(_)(?=\S))"),
    re.compile(r"(?=(~~)(?=\S))"),
)
_EMPH_CLOSE = (
    re.compile(r"(?<=\S)(?=(\*\*\*|___))"),
    re.compile(r"(?<=\S)(?=(\*\*|__))"),
    re.compile(r"(?<=[^\s*])(?=(\*))"),
    re.compile(r"(?<=\S)(?=(_)(?![A-Za-z0-9_]))"),
    re.compile(r"(?<=\S)(?=(~~))"),
)
_TAG_OR_COMMENT = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_TAG_ONLY = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_OPEN = re.compile(r"\[")
_IMAGE_OPEN = re.compile(r"!\[")
_AUTOLINK_OPEN = re.compile(r"<(?:https?|mailto):")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<\"'])")
_PUA = 0xE000  # escaped ASCII characters hide in the private use area while markup is stripped
_UNESCAPE = {_PUA + c: c for c in range(128)}
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")

_FRONT_KEYS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "character": "characters",
    "characters": "characters",
    "tag": "tags",
    "tags": "tags",
    "summary": "summary",
    "description": "summary",
    "language": "language",
    "lang": "language",
}


def read_markdown(text: str, source: str | None = None, warnings: list[str] | None = None) -> Story:
    """A Story from Markdown: chapters from headings, metadata from front matter."""
    metadata = Metadata(source_format="markdown", source=source, warnings=list(warnings or []))
    body = front_matter(text, metadata)
    title, sections = sections_from_blocks(_blocks(body))
    if metadata.title is None:
        metadata.title = title
    for section in sections:
        section.paragraphs = [p for p in (strip_inline(p) for p in section.paragraphs) if p.strip()]
        section.title = strip_inline(section.title) if section.title else None
    story_text, chapters = assemble(sections)
    return make_story(story_text, metadata, chapters)


def front_matter(text: str, metadata: Metadata) -> str:
    """Fill ``metadata`` from a leading ``---`` block of ``key: value`` lines; return the rest."""
    if not text.startswith("---\n"):
        return text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:20_000], re.M)
    if end is None:
        return text
    key = ""
    for line in text[4 : 4 + end.start()].split("\n"):
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key:
            _set_field(metadata, key, [_unquote(item.group(1))])
            continue
        kv = re.match(r"^([A-Za-z_][\w -]*):\s*(.*)$", line)
        if not kv:
            continue
        key = kv.group(1).strip().lower()
        value = kv.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            _set_field(metadata, key, [_unquote(v) for v in value[1:-1].split(",") if v.strip()])
        elif value:
            _set_field(metadata, key, [_unquote(value)])
    return text[4 + end.end() :].lstrip("\n")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def _set_field(metadata: Metadata, key: str, values: list[str]) -> None:
    name = _FRONT_KEYS.get(key)
    if name is None or not values:
        return
    if name in ("title", "summary", "language"):
        setattr(metadata, name, values[0])
    else:
        getattr(metadata, name).extend(v for v in values if v)


def _blocks(text: str) -> list[Block]:
    """Block structure: headings (with their level), paragraphs, scene breaks."""
    out: list[Block] = []
    para: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if para:
            out.append(Block("\n".join(para)))
            para.clear()

    for line in text.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                flush()
            else:
                para.append(line)
            continue
        if not line.strip():
            flush()
            continue
        m = _FENCE.match(line)
        if m:
            flush()
            fence = m.group(1)
            continue
        if para and _SETEXT.match(line) and not _LIST.match(para[-1]):
            heading = " ".join(p.strip() for p in para)
            para.clear()
            out.append(Block(heading, 1 if line.strip().startswith("=") else 2))
            continue
        if _HR.match(line):
            flush()
            out.append(Block(SCENE_BREAK))
            continue
        m = _ATX.match(line)
        if m:
            flush()
            out.append(Block(m.group(2) or "", len(m.group(1))))
            continue
        if _LINK_DEF.match(line) or (_HTML_BLOCK.match(line) and not _strip_tags(line).strip()):
            continue
        line = _QUOTE.sub("", line)
        if _LIST.match(line):
            flush()
            line = _LIST.sub("", line)
        para.append(line)
    flush()
    return [b for b in out if b.text.strip() or b.level == 0]


def strip_inline(text: str) -> str:
    """Markdown inline markup to plain text: emphasis markers, links to their text, images and tags out."""
    if text.strip() == SCENE_BREAK:
        return SCENE_BREAK
    escaped = "\\" in text
    if escaped:
        text = _HARD_BREAK.sub("\n", text)
        text = _ESCAPE.sub(lambda m: chr(_PUA + ord(m.group(1))), text)  # escaped characters are kept as is
    if "  \n" in text:
        text = _HARD_BREAK.sub("\n", text)
    if "[" in text:
        text = _brackets(_brackets(text, image=True), image=False)
    if "<" in text:
        text = _strip_tags(_autolinks(text))
    if "`" in text:
        text = _CODE.sub(lambda m: m.group(2).strip(), text)
    if "*" in text or "_" in text or "~" in text:
        for opens, closes in zip(_EMPH_OPEN, _EMPH_CLOSE, strict=True):
            text = _emphasis(text, opens, closes)
    if "&" in text:
        text = html.unescape(text)
    if escaped:
        text = text.translate(_UNESCAPE)
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


# -- inline markup in linear time ----------------------------------------------------------------------
# Each function below gives what its regex's ``sub`` gives (``_IMAGE``, ``_LINK``, ``_AUTOLINK``, ``_TAG``,
# ``_EMPH``), without the regex engine's rescan from every opener that never closes ("_a " * 20000 would
# take quadratic time): an opener's closing character is looked up in a sorted list of positions.


def _emphasis(text: str, opens: re.Pattern[str], closes: re.Pattern[str]) -> str:
    """One ``_EMPH`` pattern's ``sub(r"\\2", text)``: each opener, left to right, closes at the nearest
    closer of the same delimiter with at least one character between; one that finds none is left."""
    closers: dict[str, list[int]] = {}
    for m in closes.finditer(text):
        closers.setdefault(m.group(1), []).append(m.start())
    if not closers:
        return text
    out: list[str] = []
    pos = 0
    for m in opens.finditer(text):
        o, delim = m.start(), m.group(1)
        if o < pos or delim not in closers:
            continue
        c = _next(closers[delim], o + len(delim) + 1)
        if c is None:
            continue
        out.append(text[pos:o])
        out.append(text[o + len(delim) : c])
        pos = c + len(delim)
    out.append(text[pos:])
    return "".join(out)


def _positions(text: str, chars: str) -> list[int]:
    return [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]


def _next(positions: list[int], start: int) -> int | None:
    """The first of the sorted ``positions`` at or after ``start``."""
    i = bisect.bisect_left(positions, start)
    return positions[i] if i < len(positions) else None


def _brackets(text: str, image: bool) -> str:
    """``_IMAGE.sub("", text)`` (``image``) or ``_LINK.sub(r"\\1", text)``: ``[text](target)`` and
    ``[text][ref]`` with no ``]``, ``)`` or newline inside their parts; an image's text may be empty."""
    squares = _positions(text, "]\n")
    parens = _positions(text, ")\n")
    opener = _IMAGE_OPEN if image else _LINK_OPEN
    out: list[str] = []
    pos = i = 0
    while (m := opener.search(text, i)) is not None:
        o, t0 = m.start(), m.end()
        i = o + 1
        k = _next(squares, t0)
        if k is None or text[k] != "]" or (k == t0 and not image):
            continue
        after = text[k + 1 : k + 2]
        if after == "(":
            j = _next(parens, k + 2)
            closing = ")"
        elif after == "[":
            j = _next(squares, k + 2)
            closing = "]"
        else:
            continue
        if j is None or text[j] != closing:
            continue
        out.append(text[pos:o])
        out.append("" if image else text[t0:k])
        pos = i = j + 1
    out.append(text[pos:])
    return "".join(out)


def _autolinks(text: str) -> str:
    """``_AUTOLINK.sub(r"\\1", text)``: ``<https://...>`` to its address."""
    stops = [m.start() for m in re.finditer(r"[>\s]", text)]
    out: list[str] = []
    pos = i = 0
    while (m := _AUTOLINK_OPEN.search(text, i)) is not None:
        o, c0 = m.start(), m.end()
        i = o + 1
        k = _next(stops, c0)
        if k is None or k == c0 or text[k] != ">":
            continue
        out.append(text[pos:o])
        out.append(text[o + 1 : k])
        pos = i = k + 1
    out.append(text[pos:])
    return "".join(out)


def _strip_tags(text: str) -> str:
    """``_TAG.sub("", text)``: HTML tags and ``<!-- comments -->`` out. Once a comment opener finds no
    ``-->`` after it, no later one can, and only tags are looked for."""
    out: list[str] = []
    pos = i = 0
    regex = _TAG_OR_COMMENT
    while (m := regex.search(text, i)) is not None:
        if m.group() == "<!--":
            end = text.find("-->", m.end())
            if end < 0:
                regex = _TAG_ONLY
                i = m.start() + 1
                continue
            stop = end + 3
        else:
            stop = m.end()
        out.append(text[pos : m.start()])
        pos = i = stop
    out.append(text[pos:])
    return "".join(out)
