"""A flat token table of a story: every token with its sentence, paragraph and quote.

The characters and speakers steps walk the whole book several times; a list of small records with plain
ints is cheaper to walk than spaCy ``Doc`` objects and carries what both steps need: is the token spoken
(inside a quote part) or narration, and where its sentence and paragraph are.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..story import Story
from .nlp import paragraph_docs

__all__ = ["Tok", "build_tokens", "story_tokens"]

_GLUED = "-—–:"


@dataclass(slots=True)
class Tok:
    """One token. ``quote`` is the index of the quote whose spoken words hold it, or -1 in narration."""

    start: int
    end: int
    text: str
    lower: str
    sent: int
    para: int
    quote: int
    sent_start: bool


def story_tokens(story: Story) -> list[Tok]:
    """The token table of ``story`` (see :func:`build_tokens`), made once and kept in ``story.cache``: it is
    made again whenever the text, paragraphs, sentences or quotes it was made from are not the same any more."""
    key = (
        hash(story.text),
        [(p.start, p.end) for p in story.paragraphs],
        [s.start for s in story.sentences],
        [part for q in story.quotes for part in q.parts],
    )
    kept = story.cache.get("tokens")
    if kept is None or kept[0] != key:
        kept = (key, build_tokens(story))
        story.cache["tokens"] = kept
    return kept[1]


def build_tokens(story: Story) -> list[Tok]:
    """Every word token of the story (spaces dropped), in text order."""
    part_spans = sorted((s, e, qi) for qi, q in enumerate(story.quotes) for s, e in q.parts)
    part_starts = [p[0] for p in part_spans]
    sent_starts = [s.start for s in story.sentences]
    toks: list[Tok] = []
    prev_sent = -1
    seen_word = False
    for pi, (pstart, doc) in enumerate(paragraph_docs(story)):
        for t in doc:  # type: ignore[attr-defined]
            if t.is_space:
                continue
            start = pstart + t.idx
            end = start + len(t.text)
            si = bisect.bisect_right(sent_starts, start) - 1 if sent_starts else pi
            qi = -1
            j = bisect.bisect_right(part_starts, start) - 1
            if j >= 0 and part_spans[j][0] <= start < part_spans[j][1]:
                qi = part_spans[j][2]
            if si != prev_sent:
                seen_word = False
                prev_sent = si
            first = not seen_word and t.text[0].isalpha()
            seen_word = seen_word or first
            if t.text == "I." and toks and toks[-1].para == pi and toks[-1].text[:1].islower():
                # "said I.", "than I.": spaCy keeps the full stop on a lone "I" as on an initial ("John I.
                # Smith", "Chapter I."); after a lower-case word it is the pronoun and the sentence's end
                toks.append(Tok(start, start + 1, "I", "i", si, pi, qi, first))
                toks.append(Tok(start + 1, end, ".", ".", si, pi, qi, False))
                continue
            lower = t.text.lower()
            if len(lower) > 1 and lower[-1] in _GLUED and lower[0].isalpha():
                lower = lower.rstrip(_GLUED)  # "said--", "Mary:--": spaCy keeps the dashes on the word
            toks.append(Tok(start, end, t.text, lower, si, pi, qi, first))
    return toks
