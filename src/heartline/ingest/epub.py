"""EPUB 2 and 3, read with zipfile and lxml only, defensively.

``META-INF/container.xml`` names the package (OPF) file; its spine gives the reading order, its
metadata the title (``dc:title``), authors (``dc:creator``), tags (``dc:subject``), language and summary
(``dc:description``). Chapter titles come from the EPUB 3 ``nav`` document, else the EPUB 2 ``toc.ncx``,
else the first heading of each spine document; contents entries with ``#id`` start chapters inside a
file. A spine document with neither continues the chapter before it (books split into several files
per chapter); a chapter that is only a title (a part's title page) joins the next one. Non-linear
spine items (``linear="no"``) and documents with no text (covers) are left out.

Safety: the archive must be a zip; member names with ``..`` or absolute paths are refused; at most
200 MB are inflated in all, members are read in chunks so a zip bomb stops at the cap, and a member
that claims a compression ratio over 100:1 is refused before it is read. XML is parsed with no network,
no DTD and no entity expansion; scripts are dropped, never run.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lxml import etree

from ..errors import FormatError, NoStoryFound, UnsafeArchive
from ..story import Metadata, Story
from ._common import (
    MAX_ARCHIVE_BYTES,
    Section,
    assemble,
    binary_kind,
    check_file,
    check_words,
    count_words,
    make_story,
    max_bytes,
    squash,
    too_large,
)
from .html import blocks, local_name, parse_html, parse_xml, text_of

__all__ = ["MAX_INFLATED", "MAX_MEMBERS", "MAX_RATIO", "read_epub"]

MAX_INFLATED = 200 * 1024 * 1024  # bytes inflated from one EPUB, in all
MAX_RATIO = 100  # a member bigger than 1 MB may not claim more than this ratio of inflated to stored bytes
MAX_MEMBERS = 20_000
_CHUNK = 64 * 1024
_TEXT_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


@dataclass(slots=True)
class _Item:
    href: str  # path inside the zip
    media_type: str
    properties: str = ""


@dataclass(slots=True)
class _Package:
    opf: str
    items: dict[str, _Item] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)  # zip paths in reading order
    toc_id: str | None = None


class _Archive:
    """A zip opened for reading with the safety checks applied, counting the bytes it inflates."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.inflated = 0
        try:
            self.zf = zipfile.ZipFile(path)
        except UnicodeDecodeError:
            raise UnsafeArchive(
                f"{path.name} is a broken EPUB: a file name inside it is marked UTF-8 but is not",
                "Re-download or re-export it (e.g. with Calibre)",
            ) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise UnsafeArchive(
                f"{path.name} is not a valid EPUB: it is not a zip archive",
                "Check the download; if it is plain text or HTML, rename it or pass --format text / ao3",
            ) from None
        self._names = set(self.zf.namelist())
        self._check_names()

    def _check_names(self) -> None:
        infos = self.zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeArchive(
                f"{self.name} holds {len(infos):,} files", "This is not an ordinary EPUB; check its source"
            )
        declared = 0
        for info in infos:
            name = info.filename
            parts = re.split(r"[/\\]", name)
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
                raise UnsafeArchive(
                    f"{self.name} has a file named {name!r} that points outside the archive",
                    "Do not open this file; get the EPUB from a trusted source",
                )
            declared += info.file_size
        if declared > 10 * MAX_INFLATED:
            raise UnsafeArchive(
                f"{self.name} would inflate to {declared / 1e6:,.0f} MB", "This looks like a zip bomb; do not open it"
            )

    def names(self) -> set[str]:
        return self._names

    def read(self, name: str) -> bytes:
        """A member's bytes, refusing zip bombs; FormatError when the member is missing."""
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            raise FormatError(
                f"{self.name} is a broken EPUB: {name} is missing", "Re-download or re-export it"
            ) from None
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise UnsafeArchive(
                f"{self.name}: {name} claims to inflate {info.compress_size:,} bytes into {info.file_size:,}",
                "This looks like a zip bomb; do not open it (a real EPUB compresses text about 3 to 1)",
            )
        out = bytearray()
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    out += chunk
                    self.inflated += len(chunk)
                    if self.inflated > MAX_INFLATED or len(out) > max_bytes():
                        raise self._bomb()
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            ValueError,
        ) as exc:
            raise FormatError(
                f"{self.name} is a broken EPUB: cannot read {name} ({exc})", "Re-download or re-export it"
            ) from None
        return bytes(out)

    def _bomb(self) -> UnsafeArchive:
        return UnsafeArchive(
            f"{self.name} inflates to more than {MAX_INFLATED // (1024 * 1024)} MB of text",
            "This looks like a zip bomb; do not open it (a real novel is a few MB)",
        )

    def close(self) -> None:
        self.zf.close()


def read_epub(path: Path) -> Story:
    """A Story from an EPUB file: text in spine order, chapters from its table of contents."""
    check_file(path, MAX_ARCHIVE_BYTES)
    archive = _Archive(path)
    try:
        return _read(archive)
    finally:
        archive.close()


def _read(archive: _Archive) -> Story:
    _check_drm(archive)
    pkg_xml, package = _package(archive)
    metadata = Metadata(source_format="epub", source=archive.name)
    _dc_metadata(pkg_xml, metadata)
    toc = _toc_titles(archive, package)
    sections: list[Section] = []
    words = 0
    text_bytes = 0
    for href in dict.fromkeys(package.spine):  # a document the spine names twice is read once
        data = archive.read(href) if href in archive.names() else None
        if data is None:
            continue
        not_text = binary_kind(data)
        if not_text is not None:
            metadata.warnings.append(f"{href} is {not_text}, not a chapter's text; it was skipped")
            continue
        text_bytes += len(data)
        if text_bytes > max_bytes():  # the limits are checked as the documents are read, not after
            raise too_large(archive.name, f"more than {max_bytes() / 1e6:,.0f} MB of text")
        doc = _parse_document(data)
        if doc is not None:
            words += _add_document(sections, doc, toc.get(href, []))
            check_words(words, archive.name)
    sections = _merge_title_pages(sections)
    if not any(s.paragraphs for s in sections):
        raise NoStoryFound(f"{archive.name} has no text in it", "Check that the EPUB holds the story (not only images)")
    text, chapters = assemble(sections)
    return make_story(text, metadata, chapters)


def _add_document(sections: list[Section], doc: Any, entries: list[tuple[str | None, str]]) -> int:
    """Add one spine document's paragraphs: a new chapter where the table of contents (or a heading) starts
    one, else more of the chapter before. Contents entries with ``#id`` start chapters inside the file.
    Returns the number of words added."""
    titles = {frag: title for frag, title in reversed(entries) if frag}
    items = blocks(_body(doc), anchors=frozenset(titles))
    whole = next((title for frag, title in entries if frag is None), None)
    if whole is None and not titles:  # no contents entry: the document's own heading, if it opens with one
        whole = next((squash(b.text) for b in items[:3] if b.level), None)
    if whole is not None or not sections:
        sections.append(Section(title=whole))
    for b in items:
        if b.anchor is not None:
            sections.append(Section(title=titles[b.anchor]))
            continue
        sec = sections[-1]
        if not sec.paragraphs and b.level and sec.title:
            sec.starts_with_title = True  # the document's own heading opens the chapter: keep it as written
        sec.paragraphs.append(b.text)
    return sum(count_words(b.text) for b in items)


def _merge_title_pages(sections: list[Section]) -> list[Section]:
    """A chapter that is only its title (a part's title page) joins the chapter after it: "Part One — Chapter 1"."""
    out: list[Section] = []
    pending: Section | None = None
    for sec in sections:
        if not sec.paragraphs and sec.title is None:
            continue
        if pending is not None:
            head = pending.paragraphs or [pending.title or ""]
            if not sec.starts_with_title and sec.title:
                head = [*head, sec.title]
            sec = Section(
                title=" — ".join(t for t in (pending.title, sec.title) if t) or None,
                paragraphs=[*head, *sec.paragraphs],
                starts_with_title=True,
            )
            pending = None
        if _title_only(sec):
            pending = sec
            continue
        out.append(sec)
    if pending is not None:
        out.append(pending)
    return out


def _title_only(sec: Section) -> bool:
    if not sec.title:
        return False
    if not sec.paragraphs:
        return True
    return len(sec.paragraphs) == 1 and sec.starts_with_title


def _check_drm(archive: _Archive) -> None:
    """Refuse EPUBs whose text is encrypted (font obfuscation alone is fine)."""
    if "META-INF/encryption.xml" not in archive.names():
        return
    root = _xml(archive, "META-INF/encryption.xml")
    for el in root.iter():
        if local_name(el) == "cipherreference" and re.search(r"\.(x?html?|xml)$", el.get("URI", ""), re.I):
            raise FormatError(
                f"{archive.name} is DRM-protected: its text is encrypted",
                "heartline can only read EPUBs without DRM (e.g. from AO3, Project Gutenberg or Standard Ebooks)",
            )


def _xml(archive: _Archive, name: str) -> Any:
    try:
        return parse_xml(archive.read(name))
    except etree.XMLSyntaxError as exc:
        raise FormatError(
            f"{archive.name} is a broken EPUB: {name} is not valid XML ({exc})", "Re-download or re-export it"
        ) from None


def _package(archive: _Archive) -> tuple[Any, _Package]:
    """The OPF root and its manifest and spine."""
    names = archive.names()
    opf = None
    if "META-INF/container.xml" in names:
        container = _xml(archive, "META-INF/container.xml")
        opf = next((el.get("full-path") for el in container.iter() if local_name(el) == "rootfile"), None)
    if not opf or opf not in names:
        opf = next((n for n in sorted(names) if n.lower().endswith(".opf")), None)
    if opf is None:
        raise FormatError(
            f"{archive.name} is a zip but not an EPUB (no META-INF/container.xml, no .opf package file)",
            "Give heartline an .epub, or unzip the archive and give it the story file inside",
        )
    root = _xml(archive, opf)
    pkg = _Package(opf)
    base = posixpath.dirname(opf)
    for el in root.iter():
        name = local_name(el)
        if name == "item" and el.get("id") and el.get("href"):
            pkg.items[el.get("id")] = _Item(
                _join(base, el.get("href")), el.get("media-type", ""), el.get("properties", "")
            )
        elif name == "spine":
            pkg.toc_id = el.get("toc")
        elif name == "itemref" and el.get("linear", "yes") != "no":
            item = pkg.items.get(el.get("idref", ""))
            if item is not None and item.media_type in _TEXT_TYPES:
                pkg.spine.append(item.href)
    return root, pkg


def _join(base: str, href: str) -> str:
    """A manifest href resolved against the folder of the file that names it, as a zip path."""
    href = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)


def _dc_metadata(root: Any, metadata: Metadata) -> None:
    for el in root.iter():
        name = local_name(el)
        value = text_of(el)
        if not value:
            continue
        if name == "title" and metadata.title is None:
            metadata.title = value
        elif name == "creator":
            metadata.authors.append(value)
        elif name == "subject":
            metadata.tags.append(value)
        elif name == "language" and metadata.language is None:
            metadata.language = value
        elif name == "description" and metadata.summary is None:
            doc = parse_html(value if "<" in value else f"<p>{value}</p>")
            metadata.summary = "\n\n".join(b.text for b in blocks(doc)) if doc is not None else value


TocEntries = dict[str, list[tuple[str | None, str]]]


def _toc_titles(archive: _Archive, pkg: _Package) -> TocEntries:
    """Zip path of each spine document -> its table-of-contents entries, in order: (fragment id or None, title)."""
    nav = next((i for i in pkg.items.values() if "nav" in i.properties.split()), None)
    ncx = pkg.items.get(pkg.toc_id or "") or next(
        (i for i in pkg.items.values() if i.media_type == "application/x-dtbncx+xml"), None
    )
    entries: list[tuple[str, str, str]] = []  # (base folder, href, title)
    try:
        if nav is not None:
            entries = _nav_entries(archive, nav.href)
        if not entries and ncx is not None:
            entries = _ncx_entries(archive, ncx.href)
    except (FormatError, etree.XMLSyntaxError):
        return {}  # a broken table of contents: fall back to the documents' own headings
    toc: TocEntries = {}
    for base, href, title in entries:
        path = _join(base, href)
        frag = unquote(href.split("#", 1)[1]) if "#" in href else None
        found = toc.setdefault(path, [])
        if frag is None or not found or all(f != frag for f, _ in found):
            found.append((frag, title))
    return toc


def _nav_entries(archive: _Archive, href: str) -> list[tuple[str, str, str]]:
    doc = _document(archive, href)
    if doc is None:
        return []
    navs = [el for el in doc.iter() if local_name(el) == "nav"]
    toc = next(
        (n for n in navs if "toc" in (n.get("{http://www.idpf.org/2007/ops}type") or n.get("epub:type") or "")), None
    )
    toc = toc if toc is not None else (navs[0] if navs else None)
    if toc is None:
        return []
    base = posixpath.dirname(href)
    return [
        (base, a.get("href"), text_of(a)) for a in toc.iter() if local_name(a) == "a" and a.get("href") and text_of(a)
    ]


def _ncx_entries(archive: _Archive, href: str) -> list[tuple[str, str, str]]:
    root = _xml(archive, href)
    base = posixpath.dirname(href)
    found: list[tuple[str, str, str]] = []
    for point in root.iter():
        if local_name(point) != "navpoint":
            continue
        label = next((el for el in point if local_name(el) == "navlabel"), None)
        content = next((el for el in point if local_name(el) == "content"), None)
        if label is not None and content is not None and content.get("src") and text_of(label):
            found.append((base, content.get("src"), text_of(label)))
    return found


def _document(archive: _Archive, href: str) -> Any:
    """A document parsed as XHTML, or as HTML when it is not well formed; None when it is missing or binary."""
    if href not in archive.names():
        return None
    data = archive.read(href)
    return None if binary_kind(data) is not None else _parse_document(data)


def _parse_document(data: bytes) -> Any:
    """XHTML bytes parsed as XML, or as HTML when they are not well formed."""
    try:
        return parse_xml(data)
    except etree.XMLSyntaxError:
        return parse_html(data.decode("utf-8", errors="replace"))


def _body(doc: Any) -> Any:
    return next((el for el in doc.iter() if local_name(el) == "body"), doc)
