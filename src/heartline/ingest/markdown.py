"""Markdown: headings become chapters, the markup is stripped so the words read as plain text.

A small converter for the Markdown that stories use, not a full CommonMark parser: ATX (``#``) and
setext (``===``/``---``) headings, paragraphs, block quotes, lists, fenced and indented code, thematic
breaks (kept as a ``* * *`` scene break), emphasis, links (their text), images (dropped), inline HTML
(tags dropped, entities decoded) and ``key: value`` front matter (title, author, fandom, tags, ...).
Paragraphs are separated by one blank line; line breaks inside a paragraph are kept.
"""

from __future__ import annotations

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
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_EMPH = (
    re.compile(r"(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1", re.S),
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S),
    re.compile(r"(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*", re.S),
    re.compile(r"(?<![A-Za-z0-9_])(_)(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9_])", re.S),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1", re.S),
)
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
        if _LINK_DEF.match(line) or (_HTML_BLOCK.match(line) and not _TAG.sub("", line).strip()):
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
        text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    if "<" in text:
        text = _TAG.sub("", _AUTOLINK.sub(r"\1", text))
    if "`" in text:
        text = _CODE.sub(lambda m: m.group(2).strip(), text)
    if "*" in text or "_" in text or "~" in text:
        for regex in _EMPH:
            text = regex.sub(r"\2", text)
    if "&" in text:
        text = html.unescape(text)
    if escaped:
        text = text.translate(_UNESCAPE)
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)
