"""Segmentation: paragraphs, scene breaks, dialogue quotes and sentences.

Quotes are found first, by a scanner that knows straight and curly double quotes, British single-quote
dialogue, nested quotes, quotes running over several paragraphs (an opening mark on each, the closing
mark only on the last) and quotes interrupted by a speech tag (“Thank you,” Willow says quietly. “For
the strength.” is one quote with two parts). Tokenised text, as corpora ship it (one sentence per line,
every token between spaces: " Wake up , Philip , " she said .), has its spaced marks read as quotes and its
sentence-lines gathered into paragraphs. Dialogue set with dashes ("— Come up, Kinch!") is read too.
Sentences come from spaCy's tokenizer and statistical sentence recogniser, then are cut where a quote
opens or closes, so each sentence is either narration or spoken words (``Sentence.quote``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .language.lexicon import ABBREVIATIONS, SPEECH_VERBS, SUBJECT_WORDS
from .language.nlp import get_nlp, paragraph_docs
from .language.textguard import cap_spans
from .pipeline import register_step
from .story import Paragraph, Quote, SceneBreak, Sentence, Story

__all__ = [
    "dialogue_style",
    "find_paragraphs",
    "find_quotes",
    "is_scene_break",
    "is_tokenised",
    "make_segment",
    "segment",
    "split_sentences",
]


_BLOCK = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")  # one or more blank lines
_SCENE_BREAK = re.compile(r"^[\s*~#=_\-–—•·+oO0xX§¤]{1,40}$")
_HAS_WORD = re.compile(r"\w")
_TERMINAL = ".!?…"


# -- paragraphs -------------------------------------------------------------------------------------


def find_paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs: blocks separated by blank lines, trimmed of surrounding whitespace.

    A block of several long lines (one paragraph per line, common in fan fiction pasted from the web)
    is split at each line; a block of short hard-wrapped lines (Gutenberg) stays whole.
    """
    end = len(text) if end is None else end
    style = dialogue_style(text) if is_tokenised(text) else None
    pos = start
    for m in _BLOCK.finditer(text, start, end):
        yield from cap_spans(text, _block(text, pos, m.start(), style))  # no paragraph over MAX_PARAGRAPH
        pos = m.end()
    yield from cap_spans(text, _block(text, pos, end, style))


def _block(text: str, start: int, end: int, tokenised: str | None = None) -> Iterator[tuple[int, int]]:
    """Paragraphs of one block; ``tokenised`` is the dialogue style of a tokenised text, else None."""
    s, e = _trim(text, start, end)
    if s >= e:
        return
    lines = text.count("\n", s, e) + 1
    if tokenised and lines > 1:
        yield from _sentence_lines(text, s, e, tokenised)
    elif lines > 1 and (e - s) / lines > 160:
        yield from _lines(text, s, e)
    else:
        yield s, e


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines of a block, each trimmed."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        ls, le = _trim(text, pos, nl)
        if ls < le:
            yield ls, le
        pos = nl + 1


def _sentence_lines(text: str, start: int, end: int, style: str) -> Iterator[tuple[int, int]]:
    """Paragraphs of tokenised text, which corpora ship one sentence per line with the paragraph breaks lost.

    With no quote left open, a line that opens a quote starts a paragraph (" What is it ? " ¶ " Some one
    has died , " answered the boy officer .), and so does a line after spoken words alone, unless it starts
    in lower case (" What tailor do you patronize ? " ¶ asked the gentleman .: the tag, cut off by the
    sentence splitter). A line after spoken words and a tag does not (" I did not know ! " the Mem Sahib
    cried . " Come with me ! "): there the same speaker goes on more often than not (56% of such lines on
    PDNC's novels); unless it has a tag of its own (" Where have you been ? " asked Nora . ¶ " Out with the
    sheep , " he said .), which a speaker going on seldom needs. Other narration joins the paragraph before it.
    """
    para_start: int | None = None
    para_end = start
    open_ = False
    spoken = False  # the last line holds spoken words
    tagged = False  # ... with narration after them
    for ls, le in _lines(text, start, end):
        starts_quote = bool(_LINE_MARKS[style].match(text, ls)) and (style == "dash" or _toggles(text, ls, style))
        follows = text[ls].islower()  # the tag of the line before, cut off by the sentence splitter
        marks = [m.start() for m in _LINE_MARKS[style].finditer(text, ls, le) if _toggles(text, m.start(), style)]
        open_after = open_ != (len(marks) % 2 == 1)  # a quote left open at the line's end
        line_tagged = bool(marks) and not open_after and marks[-1] < le - 1
        if (
            para_start is not None
            and not open_
            and (starts_quote or (spoken and not follows))
            and (not tagged or (starts_quote and line_tagged))
        ):
            yield para_start, para_end
            para_start = None
        if para_start is None:
            para_start = ls
        para_end = le
        open_, tagged = open_after, line_tagged
        spoken = bool(marks) or (style == "dash" and starts_quote)
    if para_start is not None:
        yield para_start, para_end


_LINE_MARKS = {"double": re.compile(r"[\"“”]"), "single": re.compile(r"[‘’']"), "dash": re.compile(r"[—―]")}


def _toggles(text: str, i: int, style: str) -> bool:
    """Whether the mark at ``i`` of tokenised text opens or closes a quote (not an apostrophe or a clitic)."""
    if style == "dash":
        return False  # a dash opens a line of dialogue but leaves nothing open
    return style == "double" or _is_open(text, i, style) is not None or _lone_mark(text, i)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_scene_break(text: str) -> bool:
    """``* * *``, ``~~~``, ``---``, ``#``, ``oOo``: a line of symbols with no words in it."""
    stripped = text.strip()
    if not stripped or "\n" in stripped or not _SCENE_BREAK.match(stripped):
        return False
    letters = [c for c in stripped if c.isalpha()]
    return len(letters) == 0 or (
        len(set(c.lower() for c in letters)) <= 2 and len(stripped) <= 12 and len(stripped) >= 3
    )


# -- quotes -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Open:
    """A quote being scanned: its first mark, the parts so far, and where the current part began."""

    start: int
    parts: list[tuple[int, int]]
    part_start: int
    paragraph: int


# A clitic split off by a tokenizer ("it 's", "wo n't", "they 're"), and a word-initial single quote that
# does not start one.
_CLITIC = re.compile(r"(?:s|re|ve|ll|d|m|t)\b", re.I)
_SINGLE_OPEN = re.compile(rf"(?:^|[\s(\[—–])[‘'](?=[A-Za-z])(?!{_CLITIC.pattern})", re.M | re.I)


# A line, or a paragraph, that opens with a quote mark: how dialogue is set, whatever is quoted inside it.
_LINE_SINGLE_OPEN = re.compile(rf"^[ \t]*‘(?=[A-Za-z])(?!{_CLITIC.pattern})", re.M | re.I)
_LINE_DOUBLE_OPEN = re.compile(r'^[ \t]*[“"„«]', re.M)


# A quote mark standing alone between spaces, followed by a capital: how tokenised text opens a line.
_SPACED_SINGLE_OPEN = re.compile(r"(?:^|\s)[‘'] (?=[A-Z])", re.M)


def is_tokenised(text: str) -> bool:
    """Text split into tokens by spaces, as corpora ship it ("Christmas wo n't be Christmas , " said Jo .):
    most commas and full stops stand alone between spaces."""
    sample = text[:200_000]
    marks = sample.count(",") + sample.count(".")
    return marks >= 12 and sample.count(" , ") + sample.count(" . ") + sample.count(" .\n") >= 0.6 * marks


# A line opened by a dash, as Joyce and many translations set dialogue: "— Come up, Kinch!"
_DASH_LINE = re.compile(r"^[ \t]*[—―](?=[ \t]*\w)", re.M)


def dialogue_style(text: str) -> str:
    """``"double"``, ``"single"`` or ``"dash"``: how this text sets its dialogue.

    British typesetting uses ‘single quotes’ for speech; a text is taken to be single-quoted when word-
    initial single quotes clearly outnumber double quotes, or when lines open with a curly single quote and
    none with a double one (a short passage of British dialogue quoting a “word” inside a speech). A text
    with ten lines or more opened by a dash, and more of them than quote marks, sets its dialogue with dashes.
    """
    double = text.count("“") + text.count('"') // 2 + text.count("„") + text.count("«")
    single_open = len(_SINGLE_OPEN.findall(text[:2_000_000]))
    if is_tokenised(text):
        single_open += len(_SPACED_SINGLE_OPEN.findall(text[:2_000_000]))
    dashes = len(_DASH_LINE.findall(text[:2_000_000]))
    if dashes >= 10 and dashes > double + single_open:
        return "dash"
    if single_open >= 2 and single_open > 3 * double:
        return "single"
    head = text[:2_000_000]
    lines_single = len(_LINE_SINGLE_OPEN.findall(head))
    return "single" if lines_single >= 2 and not _LINE_DOUBLE_OPEN.search(head) and single_open > double else "double"


def _turned(prev: str, nxt: str) -> bool:
    """Whether an opening mark between ``prev`` and ``nxt`` stands where a closing one belongs: after a word or
    a sentence's or a broken-off line's end, before a space or the end of a line."""
    return (prev.isalpha() or prev in ".,!?;:—–-…") and nxt.isspace()


def _is_open(text: str, i: int, style: str) -> bool | None:
    """True if the mark at ``i`` opens a quote, False if it closes one, None if it is neither."""
    c = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if c in "“‘" and _turned(prev, nxt):
        return False  # an opening mark set for a closing one: ‘Well, mamma, you said yourself—‘  But ...
    if style == "double":
        if c in "“„«":
            return True
        if c in "”»":
            return False
        if c == '"':
            if prev.isspace() or prev in "([{/":
                return True if not nxt.isspace() else None
            if prev in "—–-":  # "I meant--" closes a broken-off line; --"Go," opens one
                return nxt.isalnum() or nxt in "‘'…"
            return False
        return None
    # single-quote dialogue
    if c == "‘":
        return True
    if c in "’'":
        if prev.isalpha() and nxt.isalpha():
            return None  # an apostrophe: don’t, O’Brien
        if prev.isspace() and _CLITIC.match(text, i + 1):
            return None  # a clitic split off by a tokenizer: it 's, they 're
        if c == "'" and (prev.isspace() or prev in "([{—–-") and nxt.isalnum():
            return True
        if prev.isspace():
            return None  # ’tis, ’em
        return False
    return None


def find_quotes(text: str, paragraphs: list[tuple[int, int]], style: str | None = None) -> list[Quote]:
    """Scan paragraphs for dialogue. See the module docstring for the cases handled."""
    style = style or dialogue_style(text)
    spaced = is_tokenised(text)
    if style == "dash":
        return _dash_quotes(text, paragraphs, spaced)
    marks = re.compile(r"[\"“”„«»]") if style == "double" else re.compile(r"[‘’']")
    quotes: list[Quote] = []
    current: _Open | None = None
    seen_mark = False  # any quote mark before, in the text
    for p_index, (ps, pe) in enumerate(paragraphs):
        if current is not None:
            # A quote left open at the end of the last paragraph continues only if this one opens again.
            first = text[ps] if ps < pe else ""
            if marks.match(first) and _is_open(text, ps, style):
                current.part_start = ps + 1
                pos = ps + 1
            else:
                quotes.append(_close_open(current))
                current = None
                pos = ps
        else:
            pos = ps
        for m in marks.finditer(text, pos, pe):
            i = m.start()
            kind = _is_open(text, i, style)
            if kind is None and current is None and i == ps and style == "double" and not spaced:
                kind = True  # '" Of _shoes_, sir," said Giles': a paragraph's first mark opens, space or not
            if kind is None:
                if current is not None and _lone_closer(text, i, current):
                    kind = False  # "Then suddenly "  "Fibs!": a dash lost before the mark
                elif spaced and _lone_mark(text, i):
                    kind = current is None  # tokenised text: " Wake up , Philip , " she said .
                else:
                    continue
            first_mark, seen_mark = not seen_mark, True
            if current is None:
                if kind is False and first_mark and _closes_an_opening_cut_off(text, ps, i):
                    # a passage that begins inside a quote: 'Tell me everything, Bessie?" but Bobby ...'
                    quotes.append(Quote(ps, i + 1, _trim_parts(text, [(ps, i)]), paragraph=p_index))
                elif kind or text[i] == '"':
                    current = _Open(i, [], i + 1, p_index)
                continue
            if kind and text[i] in "“„«‘":  # a second opener while open: an unclosed quote, restart here
                if text[i] == "‘" and style == "double":
                    continue
                quotes.append(_close_open(current, i))
                current = _Open(i, [], i + 1, p_index)
                continue
            if kind is False or text[i] == '"':
                current.parts.append((current.part_start, i))
                quotes.append(
                    Quote(current.start, i + 1, _trim_parts(text, current.parts), paragraph=current.paragraph)
                )
                current = None
        if current is not None:
            current.parts.append((current.part_start, pe))
    if current is not None:
        quotes.append(_close_open(current))
    return _merge_interrupted(text, [q for q in quotes if q.parts], paragraphs)


_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_WHO = r"(?:he|she|I|they|[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)"
# the tag inside a line of dash dialogue: ", he cried briskly" or ", said Tom"
_DASH_TAG = re.compile(rf"[,!?]\s+(?:{_WHO}\s+(?:{_VERBS})|(?:{_VERBS})\s+{_WHO})\b")


def _dash_quotes(text: str, paragraphs: list[tuple[int, int]], tokenised: bool) -> list[Quote]:
    """Dialogue set with dashes: a paragraph opened by a dash is spoken words up to a tag inside it ("— Thanks,
    old chap, he cried briskly.") or the end of the paragraph (of its first line in tokenised text, which
    keeps one sentence a line)."""
    quotes: list[Quote] = []
    for p_index, (ps, pe) in enumerate(paragraphs):
        if text[ps] in "—―":
            start = ps
        else:  # "He held the bowl aloft and intoned: — Introibo ad altare Dei."
            m = _DASH_AFTER_COLON.search(text, ps, pe)
            if m is None:
                continue
            start = m.end() - 1
        nl = text.find("\n", start, pe) if tokenised else -1
        end = pe if nl < 0 else nl
        tag = _DASH_TAG.search(text, start, end)
        if tag is not None:
            end = tag.start() + 1
        parts = _trim_parts(text, [(start + 1, end)])
        if parts:
            quotes.append(Quote(start, parts[-1][1], parts, paragraph=p_index))
    return quotes


_DASH_AFTER_COLON = re.compile(r":[ \t]*[—―](?=[ \t]*\w)")


def _closes_an_opening_cut_off(text: str, ps: int, i: int) -> bool:
    """The text's first quote mark, at ``i``, closes words before it in its paragraph and is followed by a space,
    a punctuation mark or the end: the text was cut out of a story inside a line of dialogue."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return bool(text[ps:i].strip()) and (nxt.isspace() or nxt in ",.;:!?—–-)")


def _lone_closer(text: str, i: int, current: _Open) -> bool:
    """A straight mark with space on both sides closes an open quote whose part has words before it: a broken-off
    line whose dash was lost ("Then suddenly "  "Fibs!"). An opener there would nest a quote in a quote."""
    return text[i] == '"' and text[current.part_start : i].strip() != "" and text[i - 1].isspace()


def _lone_mark(text: str, i: int) -> bool:
    """A straight mark (or a closing single one) between spaces in tokenised text opens or closes a quote,
    unless it is a plural's possessive ("the servants ' quarters")."""
    if text[i] not in "\"'’":
        return False
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if not (prev.isspace() and nxt.isspace()):
        return False
    possessive = text[i] in "'’" and i >= 2 and text[i - 2] in "sS" and text[i + 2 : i + 3].islower()
    return not possessive


def _close_open(q: _Open, end: int | None = None) -> Quote:
    parts = q.parts
    if end is not None:
        parts = [*parts, (q.part_start, end)]
    last = parts[-1][1] if parts else q.start + 1
    return Quote(q.start, last, parts, paragraph=q.paragraph)


def _trim_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        if s < e:
            out.append((s, e))
    return out


_TAG_WORDS = 16
_SENTENCE_END = re.compile(r"(\w*)[.!?]\s+\S")


def _merge_interrupted(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Join “Thank you,” she says. “For the strength.” into one quote: the first piece ends without a
    full stop (a comma, a dash, nothing) and a short tag stands between the two in the same paragraph."""
    out: list[Quote] = []
    for k, q in enumerate(quotes):
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == q.paragraph:
            nxt = quotes[k + 1] if k + 1 < len(quotes) and quotes[k + 1].paragraph == q.paragraph else None
            after = text[q.end : paragraphs[q.paragraph][1] if nxt is None else nxt.start]  # this piece's own tag?
            if _continues(text, prev, q, after):
                prev.parts.extend(q.parts)
                prev.end = q.end
                continue
        out.append(q)
    return out


def _continues(text: str, a: Quote, b: Quote, after: str = "") -> bool:
    last = text[a.parts[-1][1] - 1] if a.parts else ""
    if last in _TERMINAL:
        return False
    between = text[a.end : b.start]
    if between.rstrip()[-1:] in _TERMINAL and _tag_words(after):
        # '"It is very charming indeed," said Isabella, with a grave face. "Mr. Morland has behaved vastly
        # handsome indeed," said the gentle Mrs. Thorpe': the second piece has a tag of its own
        return False
    if "\n\n" in between or between.lstrip().startswith(";"):
        return False  # '"... as she does"; and Beaufort retorted: "Yes"': the semicolon closed the first
    words = between.split()
    if not 0 < len(words) <= _TAG_WORDS:
        return False
    # "No," said Lady Bertram. After a pause Sir Thomas added, "Yes.": more narration after the tag's sentence
    # ends, so the next piece has a tag (and perhaps a speaker) of its own.
    if any(m.group(1).lower() not in ABBREVIATIONS for m in _SENTENCE_END.finditer(between.rstrip())):
        return False
    # "Oh, a song," Alice replied, so eagerly that the Gryphon said, "Hm!": two tags, two speakers
    return sum(w.strip(",;:").lower() in SPEECH_VERBS for w in words) < 2


def _tag_words(after: str) -> bool:
    """The narration after a piece opens with a speech verb and no pronoun in its first few words ("said the
    gentle Mrs. Thorpe", "remarked skeptical Anne"; not "she added", most often the speaker going on)."""
    words = [w.strip(",;:.!?").lower() for w in after.split()[:4]]
    return any(w in SPEECH_VERBS for w in words) and not any(w in SUBJECT_WORDS for w in words)


# -- sentences --------------------------------------------------------------------------------------


def split_sentences(story: Story) -> list[Sentence]:
    """spaCy sentences cut at every quote boundary: each piece is narration or spoken words."""
    text = story.text
    regions_by_par: dict[int, list[tuple[int, int, int]]] = {}
    starts = [p.start for p in story.paragraphs]
    for qi, q in enumerate(story.quotes):
        for s, e in q.parts:
            # the region of a part includes its quote marks, so “Hi,” stays one spoken sentence
            rs = s - 1 if s > 0 and not text[s - 1].isspace() else s
            re_ = e + 1 if e < len(text) and not text[e].isspace() else e
            for pi in _paragraphs_overlapping(story, starts, rs, re_):
                regions_by_par.setdefault(pi, []).append((rs, re_, qi))
    sentences: list[Sentence] = []
    for pi, (ps, doc) in enumerate(paragraph_docs(story)):
        regions = sorted(regions_by_par.get(pi, []))
        for sent in doc.sents:
            ss, se = ps + sent.start_char, ps + sent.end_char
            for a, b, quote in _cut(ss, se, regions):
                a, b = _trim(text, a, b)
                if quote is None:
                    while a < b and text[a] in ",;:)]—–-”’\"'":
                        a += 1
                    a, b = _trim(text, a, b)
                if a < b and _HAS_WORD.search(text, a, b):
                    sentences.append(Sentence(a, b, quote, pi))
    return sentences


def _paragraphs_overlapping(story: Story, starts: list[int], start: int, end: int) -> list[int]:
    """Indices of the paragraphs (whose ``starts`` are given) that overlap [start, end)."""
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    while i < len(story.paragraphs) and story.paragraphs[i].start < end:
        if story.paragraphs[i].end > start:
            out.append(i)
        i += 1
    return out


def _cut(start: int, end: int, regions: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, int | None]]:
    """Pieces of [start, end): inside a quote region (with its quote index) or outside (None)."""
    pos = start
    for rs, re_, qi in regions:
        if re_ <= pos or rs >= end:
            continue
        if rs > pos:
            yield pos, rs, None
        yield max(rs, pos), min(re_, end), qi
        pos = min(re_, end)
    if pos < end:
        yield pos, end, None


# -- the step ---------------------------------------------------------------------------------------


def segment(story: Story) -> None:
    """Fill paragraphs, scene breaks, quotes and sentences of ``story``."""
    text = story.text
    paragraphs: list[Paragraph] = []
    breaks: list[SceneBreak] = []
    for s, e in find_paragraphs(text):
        if is_scene_break(text[s:e]):
            breaks.append(SceneBreak(s, e))
        else:
            paragraphs.append(Paragraph(s, e))
    story.paragraphs = paragraphs
    story.scene_breaks = breaks
    for made_from_paragraphs in ("docs", "tokens"):
        story.cache.pop(made_from_paragraphs, None)
    story.quotes = find_quotes(text, [(p.start, p.end) for p in paragraphs])
    story.sentences = split_sentences(story)


@register_step("segment", requires=("text",), assigns=("paragraphs", "scene_breaks", "quotes", "sentences"))
def make_segment() -> Callable[[Story], None]:
    """Paragraphs, scene breaks, dialogue quotes and sentences (spaCy tokenizer + senter)."""
    get_nlp()
    return segment
