"""Chapter headings in plain text: "Chapter 1", "CHAPTER I.", "Chapter I: The Bertolini", "PART ONE" ...

Conservative on purpose: a heading is a short line alone in its paragraph (blank lines around it), in
one of the shapes below ("Chapter", "Part", "Book" ... and a number, in any case; "Prologue" and the
like; a bare arabic or capital roman number), optionally framed by decoration (``~ Chapter 2 ~``). A
bare heading ("CHAPTER I") followed by a short one-line title paragraph ("In Chancery") takes that
title. Runs of headings with no text between them are either merged (``BOOK ONE: 1805`` then
``CHAPTER I``: one chapter) or, three or more, a table of contents, which is skipped. The scan is one
pass over the text; no regex can backtrack across lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..story import Chapter

__all__ = ["clean_heading", "find_chapters", "is_heading"]

_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|last|final"
)
_ROMAN = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_NUM = (
    rf"(?:\d{{1,4}}|{_ROMAN}|(?i:{_ROMAN})|(?i:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_UNITS}|hundred)"
    rf"|(?i:(?:the\s+)?(?:{_ORDINALS})))"
)
_KEYWORDS = r"(?i:chapter|chap\.?|ch\.|stave|book|part|volume|vol\.|canto|section|episode)"
_REST = r"(?P<rest>.{0,100})"
_SEP_TITLE = re.compile(r"^(?P<sep>\s*(?:[.:)\]]|--|[-—–~|])\s*|\s+)(?P<title>.*)$")

_KEYWORD_RE = re.compile(rf"^{_KEYWORDS}(?:\s+|(?<=\.)){_NUM}\b\.?{_REST}$")
_SPECIAL_RE = re.compile(
    rf"^(?i:(?:(?:{_ORDINALS})\s+)?(?:prologue|epilogue|interlude|afterword|foreword|preface|introduction"
    rf"|conclusion))\b{_REST}$"
)
# A bare number: arabic, or a capital roman numeral; single letters only I, V, X ("M. Dupont" is a name)
_NUMBER_RE = re.compile(rf"^(?:(?![MDCL]\b){_ROMAN}|\d{{1,3}})\.?{_REST}$")
_CHAPTER_WORD = re.compile(r"^(?i:chapter|chap\.?|ch\.)")
_MAX_LEN = 100
_DECOR = " \t~*=#_-—–•·+"  # framing around a heading: "~ Chapter 2 ~", "=== 12 ===", "** Prologue **"
_TITLE_END = tuple(".,;:!?\"'”’…-—")


@dataclass(slots=True)
class _Para:
    start: int  # offset of the paragraph's first line
    text: str  # the paragraph, without the blank lines around it

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")  # a newline and one or more whitespace-only lines
_LEADING_BLANK = re.compile(r"(?:[^\S\n]*\n)*")


def is_heading(line: str) -> bool:
    """True when ``line`` (one line, stripped) has the shape of a chapter heading."""
    return _heading_kind(line) is not None


def _heading_kind(line: str) -> str | None:
    """ "bare" for a heading with no title ("CHAPTER I"), "titled" for one with a title, None otherwise."""
    shape = _shape(line)
    return shape[0] if shape else None


def _shape(line: str) -> tuple[str, bool] | None:
    """(kind, numbered) of a heading line, None when it is not one; ``numbered`` for a bare number."""
    line = clean_heading(line)
    if not line or len(line) > _MAX_LEN:
        return None
    for regex, numbered in ((_KEYWORD_RE, False), (_SPECIAL_RE, False), (_NUMBER_RE, True)):
        m = regex.match(line)
        if m is None:
            continue
        rest = m.group("rest")
        if not rest.strip(" .:"):
            return "bare", numbered
        sep = _SEP_TITLE.match(rest)
        if sep is None or not _title_like(
            sep.group("title"), separated=bool(sep.group("sep").strip()), numbered=numbered
        ):
            return None
        if numbered and not re.match(r"^\S+\.\s", line):  # "I. The Period", "12. Home": a dot is required
            return None
        return "titled", numbered
    return None


def clean_heading(line: str) -> str:
    """A heading line without its framing and with single spaces: ``"~ Chapter  2 ~"`` -> ``"Chapter 2"``."""
    return " ".join(line.strip(_DECOR).split())


def _title_like(text: str, separated: bool, numbered: bool) -> bool:
    """A short title. After "Chapter 3 -" anything goes; after a bare space it must start with a capital,
    a digit or a quote; after a bare number ("I. The Period") it must also not end like a sentence."""
    text = text.strip()
    if not text or len(text) > 80:
        return False
    if separated and not numbered:
        return True
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"):
        return False
    return not (numbered and text.rstrip("\"'”’)]").endswith((".", ",", ";", "!", "?", "…")))


def _title_paragraph(para: _Para) -> bool:
    """A one-line paragraph that reads as the title under a bare heading ("In Chancery", "THE PERIOD")."""
    if len(para.lines) != 1:
        return False
    line = para.lines[0].strip()
    return (
        0 < len(line) <= 60
        and len(line.split()) <= 10
        and (line[0].isupper() or line[0] in "\"'“‘")
        and not line.endswith(_TITLE_END)
        and _heading_kind(line) is None
    )


def _paragraphs(text: str) -> list[_Para]:
    """Runs of non-blank lines, with the offset where each starts."""
    paras: list[_Para] = []
    pos = _LEADING_BLANK.match(text).end()  # type: ignore[union-attr]
    for sep in _BLANK_LINES.finditer(text, pos):
        if sep.start() > pos:
            paras.append(_Para(pos, text[pos : sep.start()]))
        pos = sep.end()
    if text[pos:].strip():
        paras.append(_Para(pos, text[pos:].rstrip("\n")))
    return paras


def _squash(text: str) -> str:
    return " ".join(text.split())


def _join_title(head: str, title: str) -> str:
    return f"{head} {title}" if head.endswith((".", ":")) else f"{head}: {title}"


@dataclass(slots=True)
class _Heading:
    start: int
    title: str
    para: int  # index of the paragraph holding the heading
    last_para: int  # index of the heading's last paragraph (its title paragraph, if any)
    line: str = ""  # the heading's own line, cleaned
    numbered: bool = False  # a bare number ("IV.", "12", "I. The Period"), not "Chapter IV"


def _drop_sections(found: list[_Heading]) -> list[_Heading]:
    """When a text names its chapters ("CHAPTER IV"), bare numbers ("I", "II") number sections inside them."""
    if not any(_CHAPTER_WORD.match(h.line) for h in found):
        return found
    return [h for h in found if not h.numbered]


def _headings(paras: list[_Para]) -> list[_Heading]:
    """Every paragraph of one or two short lines that reads as a chapter heading."""
    found: list[_Heading] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        lines = para.lines if len(para.text) <= 2 * _MAX_LEN and para.text.count("\n") <= 1 else []
        shape = _shape(lines[0]) if lines else None
        if shape is None:
            i += 1
            continue
        kind, numbered = shape
        head = clean_heading(lines[0])
        if len(lines) == 2:  # "CHAPTER I.\nThe Title"
            if kind == "bare" and _title_paragraph(_Para(para.start, lines[1])):
                found.append(_Heading(para.start, _join_title(head, _squash(lines[1])), i, i, head, numbered))
        elif kind == "bare" and i + 2 < len(paras) and _title_paragraph(paras[i + 1]):
            found.append(_Heading(para.start, _join_title(head, _squash(paras[i + 1].text)), i, i + 1, head, numbered))
            i += 1
        else:
            found.append(_Heading(para.start, head, i, i, head, numbered))
        i += 1
    return _drop_sections(found)


def _is_contents(para: _Para) -> bool:
    """A paragraph of several lines, most of them heading-shaped: a table of contents."""
    if len(para.lines) < 2:
        return False
    return 2 * sum(1 for line in para.lines if _heading_kind(line.strip())) >= len(para.lines)


def _key(title: str) -> str:
    return title.casefold().rstrip(".")


def _merge_runs(found: list[_Heading], paras: list[_Para]) -> list[_Heading]:
    """Merge two headings with no text between them (``PART I`` then ``CHAPTER I``).

    A run of three or more is a table of contents; the real text may follow it at once, so the run is
    cut where its first title comes again (``BOOK ONE`` in the contents, then ``BOOK ONE`` for real),
    or else only its last heading is kept.
    """
    out: list[_Heading] = []
    runs: list[list[_Heading]] = []
    for h in found:
        prev = runs[-1][-1] if runs else None
        if prev is not None and all(_is_contents(paras[j]) for j in range(prev.last_para + 1, h.para)):
            runs[-1].append(h)
        else:
            runs.append([h])
    for run in runs:
        if len(run) >= 3:
            again = [i for i in range(1, len(run)) if _key(run[i].title) == _key(run[0].title)]
            run = run[again[-1] :] if again else run[-1:]
            if len(run) > 2:
                run = run[-1:]
        if len(run) == 2:
            first, second = run
            run = [_Heading(first.start, f"{first.title} — {second.title}", first.para, second.last_para, first.line)]
        out.extend(run)
    return out


def find_chapters(text: str) -> list[Chapter]:
    """Chapters found by their headings, covering the whole text; one untitled chapter when none are found.

    Text before the first heading (a title, an epigraph) is a chapter of its own, with no title.
    """
    paras = _paragraphs(text)
    headings = _merge_runs(_headings(paras), paras)
    if not headings:
        return [Chapter(0, len(text), None)]
    chapters: list[Chapter] = []
    if text[: headings[0].start].strip():
        chapters.append(Chapter(0, headings[0].start, None))
    for i, h in enumerate(headings):
        start = 0 if not chapters and i == 0 else h.start
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        chapters.append(Chapter(start, end, h.title))
    return chapters
