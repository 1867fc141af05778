"""HTML and XHTML to paragraphs, safely: no network, no external entities, scripts never run.

:func:`blocks` walks an element tree (iteratively, so deep nesting cannot overflow the stack) and returns
its readable text as :class:`Block` paragraphs: block elements (``p``, ``div``, ``li``, headings, ...)
end a paragraph, ``<br>`` is a line break, ``<hr>`` a scene break (``* * *``), whitespace is collapsed,
and ``script``, ``style``, ``nav``, forms, images and media are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ._common import SCENE_BREAK

__all__ = ["Block", "blocks", "local_name", "parse_html", "parse_xml", "remove_keeping_tail", "text_of"]

_BLOCK = (
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer h1 h2 h3 h4 h5 h6 header hgroup html legend li main menu ol p pre section summary table "
    "tbody td tfoot th thead tr ul"
)
_SKIP = (
    "head script style noscript template iframe object embed svg math canvas button select option textarea "
    "input form nav img audio video source track map area meta link title"
)
BLOCK_TAGS = frozenset(_BLOCK.split())
SKIP_TAGS = frozenset(_SKIP.split())
_HEADING = {f"h{i}": i for i in range(1, 7)}
_WS = re.compile(r"\s+")
_XML_DECL = re.compile(r"<\?xml[^>]{0,1000}>")  # also a malformed one, closed by ">" without "?"
# Characters lxml refuses in a str (C0 controls other than tab and newlines, lone surrogates, non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(slots=True)
class Block:
    """One paragraph of text; ``level`` is 1-6 for a heading, 0 otherwise."""

    text: str
    level: int = 0
    anchor: str | None = None  # set on the empty marker block that :func:`blocks` emits for an anchor id


def _html_parser() -> etree.HTMLParser:
    return etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True, default_doctype=False
    )


def xml_parser() -> etree.XMLParser:
    """An XML parser that never fetches anything and never expands entities (no XXE, no billion laughs)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_html(text: str) -> Any:
    """Parse HTML text into an lxml element tree (the root ``html`` element); None when there is nothing."""
    text = _XML_DECL.sub("", text)  # lxml refuses str input with an encoding declaration, wherever it is
    text = _NOT_XML.sub("", text)  # and control characters, which would fail later when a text node is set
    if not text.strip():
        return None
    try:
        return etree.fromstring(text, _html_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None


def parse_xml(data: bytes) -> Any:
    """Parse XML bytes strictly and safely; raises lxml's XMLSyntaxError when they are not well formed.

    Entity references (``&name;`` of a DTD, which is never loaded nor expanded) are dropped from the tree,
    their text with them, so every node left is an element, a comment or a processing instruction.
    """
    root = etree.fromstring(data, xml_parser())
    for ref in list(root.iter(etree.Entity)):
        remove_keeping_tail(ref)
    return root


def remove_keeping_tail(el: Any) -> None:
    """Remove an element but keep the text that follows it (its tail) where the element stood."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def local_name(el: Any) -> str:
    """The tag without its namespace, lower-cased ("" for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def text_of(el: Any) -> str:
    """All the text inside ``el``, whitespace collapsed."""
    return _WS.sub(" ", "".join(el.itertext())).strip() if el is not None else ""


class _Collector:
    """Gathers inline text into paragraphs while :func:`blocks` walks the tree."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.buf: list[str] = []
        self.level = 0
        self.pre = 0

    def add(self, text: str | None) -> None:
        if text:
            self.buf.append(text if self.pre else _WS.sub(" ", text))

    def flush(self) -> None:
        raw = "".join(self.buf)
        self.buf = []
        if self.pre:
            paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", raw)]
        else:  # lines come from <br>: strip each; two <br>s in a row make a new paragraph
            lines = [ln.strip() for ln in raw.split("\n")]
            paras = "\n".join(lines).split("\n\n")
        for para in paras:
            para = para.strip("\n") if not self.pre else para
            if para.strip():
                self.out.append(Block(re.sub(r"\n{2,}", "\n", para), self.level))


def blocks(root: Any, skip: frozenset[str] = SKIP_TAGS, anchors: frozenset[str] = frozenset()) -> list[Block]:
    """The readable paragraphs under ``root``, in document order.

    Where an element whose ``id`` is in ``anchors`` opens, an empty ``Block(anchor=id)`` marks the spot
    (EPUB tables of contents point at such ids to start chapters inside one file).
    """
    col = _Collector()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        name = local_name(el)
        if closing:
            _close(el, name, col, el is not root)
            continue
        if not name or name in skip:
            if el is not root:
                col.add(el.tail)
            continue
        if anchors and el.get("id") in anchors:
            col.flush()
            col.out.append(Block("", anchor=el.get("id")))
        _open(el, name, col)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    col.flush()
    return col.out


def _open(el: Any, name: str, col: _Collector) -> None:
    if name == "br":
        col.buf.append("\n")
    elif name == "hr":
        col.flush()
        col.out.append(Block(SCENE_BREAK))
    elif name in BLOCK_TAGS:
        col.flush()
        if name in _HEADING:
            col.level = _HEADING[name]
        elif name == "pre":
            col.pre += 1
    col.add(el.text)


def _close(el: Any, name: str, col: _Collector, tail: bool) -> None:
    if name in BLOCK_TAGS:
        col.flush()
        if name in _HEADING:
            col.level = 0
        elif name == "pre":
            col.pre -= 1
    if tail:
        col.add(el.tail)
