"""AO3 "Download > HTML" files, and any other HTML page holding a story.

An AO3 download has a ``div#preface`` (a ``dl.tags`` of dt/dd pairs: Rating, Archive Warning, Category,
Fandom, Relationship, Character, Additional Tags, Language, Stats; the title in ``h1``, the author in
``div.byline``, Summary and Notes in ``blockquote.userstuff``), the story in ``div#chapters`` (per chapter
a ``div.meta`` with its ``h2.heading`` title and notes, then a ``div.userstuff`` with the text) and end
notes in ``div#afterword``. Tags go to the metadata; summary and notes are kept out of the story text.
A work page saved from the browser (``dl.work.meta``, ``div.preface``, ``div.chapter`` with ``h3.title``,
``div#work_endnotes``) is read the same way.

Other HTML: the text of ``<main>``/``<article>`` (else ``<body>``), without navigation, headers, footers
and asides; headings become chapters as in Markdown. A page with no such text raises NoStoryFound.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import NoStoryFound
from ..story import Metadata, Story
from ._common import Section, assemble, make_story, squash
from .html import SKIP_TAGS, Block, blocks, local_name, parse_html, remove_keeping_tail, text_of

__all__ = ["read_html", "sections_from_blocks"]

_TAG_FIELDS = {
    "rating": "tags",
    "archive warning": "tags",
    "category": "tags",
    "fandom": "fandoms",
    "relationship": "relationships",
    "character": "characters",
    "additional tag": "tags",
}
_GENERIC_SKIP = SKIP_TAGS | {"header", "footer", "aside"}


def read_html(text: str, source: str | None = None, warnings: list[str] | None = None) -> Story:
    """A Story from an AO3 HTML download, or from a generic HTML story page."""
    root = parse_html(text)
    name = source or "The HTML"
    if root is None:
        raise _no_story(name)
    metadata = Metadata(source=source, warnings=list(warnings or []))
    chapters_div = _by_id(root, "chapters")
    if chapters_div is not None and any(
        _has_class(el, "userstuff") for el in chapters_div.iter() if isinstance(el.tag, str)
    ):
        metadata.source_format = "ao3"
        sections = _ao3(root, chapters_div, metadata)
    else:
        metadata.source_format = "html"
        sections = _generic(root, metadata)
    story_text, chapters = assemble(sections)
    if not any(p for s in sections for p in s.paragraphs):
        raise _no_story(name)
    return make_story(story_text, metadata, chapters)


def _no_story(name: str) -> NoStoryFound:
    return NoStoryFound(
        f"{name} has no story text in it",
        "heartline reads the paragraphs of a page; save the story itself (on AO3: Download > HTML)",
    )


# -- AO3 -----------------------------------------------------------------------------------------------


def _ao3(root: Any, chapters_div: Any, metadata: Metadata) -> list[Section]:
    """Metadata and chapters of an AO3 download (``div#preface``) or a saved work page (``div.preface``)."""
    _drop_landmarks(root)
    preface = _by_id(root, "preface")
    if preface is None:  # a work page saved from the browser: the preface is a class, not an id
        preface = next(
            (el for el in _iter(root, "div") if _has_class(el, "preface") and not _inside(el, chapters_div)), None
        )
    if preface is not None:
        _preface(preface, metadata)
    for dl in _iter(root, "dl"):
        if _has_class(dl, "tags") or (_has_class(dl, "work") and _has_class(dl, "meta")):
            _tags(dl, metadata)
    if metadata.title is None:
        metadata.title = text_of(_first(root, "title")) or None
    sections = _ao3_chapters(chapters_div, metadata)
    afterword = _by_id(root, "afterword")
    if afterword is None:
        afterword = _by_id(root, "work_endnotes")
    if afterword is not None:
        metadata.notes.extend(_paragraphs_text(q) for _, q in _quotes(afterword))
    return sections


def _preface(preface: Any, metadata: Metadata) -> None:
    """Title, authors, summary and notes from the preface."""
    title = _first(preface, "h1")
    if title is None:
        title = next((h for h in _iter(preface, "h2") if _has_class(h, "title")), None)
    metadata.title = text_of(title) or None
    byline = next((el for el in preface.iter() if isinstance(el.tag, str) and _has_class(el, "byline")), None)
    if byline is not None:
        names = [text_of(a) for a in _iter(byline, "a")]
        metadata.authors = [n for n in names if n] or [re.sub(r"^by\s+", "", text_of(byline), flags=re.I)]
    for kind, quote in _quotes(preface):
        if kind == "summary":
            metadata.summary = _paragraphs_text(quote)
        elif kind in ("notes", "end notes"):
            metadata.notes.append(_paragraphs_text(quote))


def _tags(dl: Any, metadata: Metadata) -> None:
    """The dt/dd pairs of the tag list: each dd's links (AO3 tags never hold commas)."""
    label = ""
    for el in dl:
        name = local_name(el)
        if name == "dt":
            label = text_of(el).rstrip(":").strip().lower()
        elif name == "dd":
            values = [text_of(a) for a in _iter(el, "a")] or [v.strip() for v in text_of(el).split(",")]
            values = [v for v in values if v]
            singular = re.sub(r"(ies)$", "y", label).rstrip("s") if label.endswith("s") else label
            if singular in _TAG_FIELDS:
                getattr(metadata, _TAG_FIELDS[singular]).extend(values)
            elif label == "language" and values:
                metadata.language = values[0]


def _quotes(container: Any) -> list[tuple[str, Any]]:
    """(kind, blockquote) for each ``blockquote.userstuff``: kind is "summary", "notes" or "end notes".

    The kind comes from the enclosing ``div.summary`` / ``div.notes`` / ``div.end.notes`` (work pages),
    else from the label before it: ``<p>Summary</p>``, ``<p>Chapter End Notes</p>`` (downloads).
    """
    found: list[tuple[str, Any]] = []
    label = ""
    for el in container.iter():
        name = local_name(el)
        if name in ("p", "h3"):
            label = text_of(el).rstrip(":").strip().lower()
        elif name == "blockquote" and _has_class(el, "userstuff"):
            classes = " ".join(a.get("class") or "" for a in el.iterancestors()).split()
            words = set(classes) if {"summary", "notes"} & set(classes) else set(label.split())
            kind = "summary" if "summary" in words else "end notes" if "end" in words else "notes"
            found.append((kind, el))
    return found


def _ao3_chapters(chapters_div: Any, metadata: Metadata) -> list[Section]:
    """One Section per chapter: the title from its preface, the text from its ``div.userstuff``."""
    sections: list[Section] = []
    current: Section | None = None
    for el in _chapter_parts(chapters_div):
        if _has_class(el, "userstuff"):
            if current is None:
                current = Section()
                sections.append(current)
            current.paragraphs.extend(b.text for b in blocks(el))
            continue
        heading = next((h for h in el.iter() if local_name(h) in ("h2", "h3") and _is_chapter_title(h)), None)
        if heading is not None:
            current = Section(title=text_of(heading) or None)
            sections.append(current)
        where = current.title if current is not None and current.title else "Chapter"
        for kind, quote in _quotes(el):
            metadata.notes.append(f"{where} {kind}: {_paragraphs_text(quote)}")
    return sections


def _is_chapter_title(h: Any) -> bool:
    """``h2.heading`` in downloads, ``h3.title`` on work pages."""
    return (local_name(h) == "h2" and _has_class(h, "heading")) or (local_name(h) == "h3" and _has_class(h, "title"))


def _chapter_parts(chapters_div: Any) -> list[Any]:
    """The chapter prefaces (``div.meta``, ``div.preface``) and texts (``div.userstuff``), in order."""
    parts: list[Any] = []
    for el in chapters_div:
        if local_name(el) != "div":
            continue
        if _has_class(el, "userstuff") or _has_class(el, "meta") or _has_class(el, "preface"):
            parts.append(el)
        else:
            parts.extend(_chapter_parts(el))
    if not parts and _has_class(chapters_div, "userstuff"):
        parts.append(chapters_div)  # a single-chapter work whose text sits right in div#chapters
    return parts


def _drop_landmarks(root: Any) -> None:
    """Remove AO3's hidden ``h3.landmark`` headings ("Chapter Text", "Work Text:"), keeping the text after them."""
    for el in [e for e in root.iter() if isinstance(e.tag, str) and _has_class(e, "landmark")]:
        remove_keeping_tail(el)


def _inside(el: Any, ancestor: Any) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _paragraphs_text(el: Any) -> str:
    return "\n\n".join(b.text for b in blocks(el))


# -- generic HTML --------------------------------------------------------------------------------------


def _generic(root: Any, metadata: Metadata) -> list[Section]:
    """The page's main text; headings become chapters."""
    main = next((el for el in (_first(root, n) for n in ("main", "article", "body")) if el is not None), root)
    title, sections = sections_from_blocks(blocks(main, skip=_GENERIC_SKIP))
    metadata.title = title or text_of(_first(root, "title")) or None
    return sections


def sections_from_blocks(items: list[Block]) -> tuple[str | None, list[Section]]:
    """(title, sections): chapters start at the headings of the highest level used.

    A lone top heading at the very start is the story's title: it leaves the text, and the next level
    down (if any) marks the chapters. Lower headings stay in the text as paragraphs.
    """
    title: str | None = None
    items = list(items)
    levels = sorted({b.level for b in items if b.level})
    if levels and items[0].level == levels[0] and sum(1 for b in items if b.level == levels[0]) == 1:
        title = squash(items[0].text)
        items = items[1:]
        levels = levels[1:]
    if not levels:
        return title, [Section(paragraphs=[b.text for b in items])]
    top = levels[0]
    sections: list[Section] = [Section()]
    for b in items:
        if b.level == top:
            sections.append(Section(title=squash(b.text), starts_with_title=False))
        else:
            sections[-1].paragraphs.append(b.text)
    return title, [s for s in sections if s.title or s.paragraphs]


# -- small tree helpers --------------------------------------------------------------------------------


def _iter(root: Any, name: str) -> list[Any]:
    return [el for el in root.iter() if local_name(el) == name] if root is not None else []


def _first(root: Any, name: str) -> Any:
    return next((el for el in root.iter() if local_name(el) == name), None)


def _by_id(root: Any, ident: str) -> Any:
    return next((el for el in root.iter() if isinstance(el.tag, str) and el.get("id") == ident), None)


def _has_class(el: Any, cls: str) -> bool:
    return cls in (el.get("class") or "").split()
