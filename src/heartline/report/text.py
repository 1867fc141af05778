"""The annotated story text: chapters, paragraphs, sentences tinted by emotion, quotes with speakers.

Everything is rendered server-side so the text reads with JavaScript off. Sentences, quote parts and
mentions are separate layers of ``(start, end)`` offsets that may cross one another; the paragraph is cut
at every boundary of every layer into fragments, so the markup always nests properly. Only sentences
with something to say (an emotion, a feeling, spoken words) get a focusable span and an entry in the
page's data, which keeps a 100k-word novel to a few megabytes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import Any

from ..story import Quote, Story
from .palette import FAMILY_OF, top_label

__all__ = ["TextView", "render_text"]

_BLANK = re.compile(r"\n\s*\n")
_TOOLTIP_TOP = 3


@dataclass(slots=True)
class TextView:
    """The rendered text and the compact per-sentence data the page script needs for tooltips."""

    html: str
    sentences: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    sentence_of_offset: list[int] = field(default_factory=list)  # sentence starts, for bisect

    def label_index(self, label: str) -> int:
        if label not in self.labels:
            self.labels.append(label)
        return self.labels.index(label)


@dataclass(slots=True)
class _Layer:
    """Sorted, non-overlapping spans of one kind, walked left to right."""

    spans: list[tuple[int, int, Any]]
    pos: int = 0

    def at(self, offset: int) -> Any:
        while self.pos < len(self.spans) and self.spans[self.pos][1] <= offset:
            self.pos += 1
        if self.pos < len(self.spans) and self.spans[self.pos][0] <= offset:
            return self.spans[self.pos][2]
        return None


def fallback_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks of ``text[start:end]``, trimmed: paragraphs when none were segmented."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in [*_BLANK.finditer(text, start, end), None]:
        stop = m.start() if m else end
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = m.end() if m else end
    return out


def _speaker_label(story: Story, quote: Quote, names: dict[str, str]) -> str:
    if quote.speaker is None:
        return '<span class="who unknown" title="speaker not found">?</span>'
    name = names.get(quote.speaker, quote.speaker)
    return f'<span class="who" data-c="{escape(quote.speaker)}">{escape(name)}</span>'


def _level(p: float) -> int:
    return 1 if p < 0.5 else 2 if p < 0.75 else 3


class _TextRenderer:
    """Holds the story's layers and renders one paragraph at a time."""

    def __init__(self, story: Story, names: dict[str, str], view: TextView) -> None:
        self.story = story
        self.names = names
        self.view = view
        self.sentence_starts = [s.start for s in story.sentences]
        self.sentence_spans = [(s.start, s.end, i) for i, s in enumerate(story.sentences)]
        self.parts = sorted((s, e, qi) for qi, q in enumerate(story.quotes) for s, e in (q.parts or [(q.start, q.end)]))
        self.part_starts = [p[0] for p in self.parts]
        self.mentions = sorted((m.start, m.end, m.character) for m in story.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.show_speakers = "speakers" in story.done or any(q.speaker for q in story.quotes)
        self.quote_starts = {q.start: qi for qi, q in enumerate(story.quotes)} if self.show_speakers else {}
        self.quote_offsets = sorted(self.quote_starts)
        self.feelings_at = self._feelings_by_sentence()
        self.triggers = _trigger_spans(story)
        self.trigger_starts = [t[0] for t in self.triggers]

    def _feelings_by_sentence(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for fi, f in enumerate(self.story.feelings):
            si = bisect_right(self.sentence_starts, f.start) - 1
            if si >= 0 and f.start < self.story.sentences[si].end:
                out.setdefault(si, []).append(fi)
        return out

    def _layer(self, starts: list[int], spans: Sequence[tuple[int, int, Any]], a: int, b: int) -> _Layer:
        lo = max(0, bisect_left(starts, a) - 1)
        hi = bisect_left(starts, b)
        return _Layer([(max(s, a), min(e, b), v) for s, e, v in spans[lo:hi] if e > a and s < b])

    def sentence_data(self, si: int) -> dict[str, Any] | None:
        """Tooltip data and CSS classes for sentence ``si``, or None when it has nothing to show."""
        s = self.story.sentences[si]
        feelings = self.feelings_at.get(si, [])
        top = top_label(s.emotions, s.labels)
        if top is None and not feelings and s.quote is None:
            return None
        ranked = sorted(((p, lab) for lab, p in s.emotions.items() if lab != "neutral" and p >= 0.1), reverse=True)
        data: dict[str, Any] = {"e": [[self.view.label_index(lab), round(p, 2)] for p, lab in ranked[:_TOOLTIP_TOP]]}
        if top and not data["e"]:
            data["e"] = [[self.view.label_index(top[0]), round(top[1], 2)]]
        if s.quote is not None and 0 <= s.quote < len(self.story.quotes):
            data["q"] = s.quote
        if feelings:
            data["f"] = feelings
        classes = ["s"]
        if top:
            classes += [f"f-{FAMILY_OF.get(top[0], 'other')}", f"a{_level(top[1])}"]
        if any(not self.story.feelings[fi].voiced for fi in feelings):
            classes.append("u")
        data["cls"] = " ".join(classes)
        return data

    def paragraph(self, a: int, b: int) -> str:
        """HTML of the paragraph ``text[a:b]`` (without the ``<p>`` tag)."""
        text = self.story.text
        sents = self._layer(self.sentence_starts, self.sentence_spans, a, b)
        parts = self._layer(self.part_starts, self.parts, a, b)
        ments = self._layer(self.mention_starts, self.mentions, a, b)
        trigs = self._layer(self.trigger_starts, self.triggers, a, b)
        cuts = {a, b}
        for layer in (sents, parts, ments, trigs):
            for s, e, _ in layer.spans:
                cuts.update((s, e))
        cuts.update(self.quote_offsets[bisect_left(self.quote_offsets, a) : bisect_left(self.quote_offsets, b)])
        points = sorted(cuts)
        out: list[str] = []
        current: int | None = None
        is_open = False
        for x, y in pairwise(points):
            si = sents.at(x)
            label = ""
            if x in self.quote_starts:
                label = _speaker_label(self.story, self.story.quotes[self.quote_starts[x]], self.names)
            if si != current:
                if is_open:
                    out.append("</span>")
                out.append(label)
                label = ""
                current = si
                opened = self._open_sentence(si) if si is not None else ""
                out.append(opened)
                is_open = bool(opened)
            out.append(label)
            out.append(self._fragment(text[x:y], parts.at(x), ments.at(x), trigs.at(x)))
        if is_open:
            out.append("</span>")
        return "".join(out)

    def _open_sentence(self, si: int) -> str:
        key = str(si)
        if key in self.view.sentences:  # a sentence that runs over two paragraphs: no second id
            cls = self.view.sentences[key]["cls"]
            return f'<span class="{cls}" data-i="{si}" tabindex="-1">'
        data = self.sentence_data(si)
        if data is None:
            return ""
        self.view.sentences[key] = data
        return f'<span class="{data["cls"]}" id="s{si}" data-i="{si}" tabindex="0">'

    @staticmethod
    def _fragment(words: str, quote: int | None, character: str | None, trigger: str | None = None) -> str:
        body = escape(words, quote=False)
        if trigger is not None:  # the word that says a feeling: "wept", "Thank", "I'll wait for you"
            body = f'<mark class="t" title="{escape(trigger)}">{body}</mark>'
        if character is not None:
            body = f'<span class="m" data-c="{escape(character)}">{body}</span>'
        if quote is not None:
            body = f'<span class="q">{body}</span>'
        return body


def _trigger_spans(story: Story) -> list[tuple[int, int, str]]:
    """The trigger of every feeling as ``(start, end, labels)``, in text order, overlaps left to the first
    (a care phrase and a word inside it: the phrase); the labels of one span are joined with ", "."""
    labels: dict[tuple[int, int], list[str]] = {}
    for f in story.feelings:
        if f.trigger is not None and f.trigger.end > f.trigger.start:
            got = labels.setdefault((f.trigger.start, f.trigger.end), [])
            if f.emotion not in got:
                got.append(f.emotion)
    out: list[tuple[int, int, str]] = []
    for (s, e), labs in sorted(labels.items()):
        if out and s < out[-1][1]:
            continue
        out.append((s, e, ", ".join(labs)))
    return out


def _blocks(story: Story, a: int, b: int) -> Iterator[tuple[str, int, int]]:
    """("p" | "hr", start, end) for the paragraphs and scene breaks of ``text[a:b]``, in order."""
    paragraphs = [(p.start, p.end) for p in story.paragraphs if a <= p.start < b]
    if not story.paragraphs:
        paragraphs = fallback_paragraphs(story.text, a, b)
    breaks = [(sb.start, sb.end) for sb in story.scene_breaks if a <= sb.start < b]
    items = [("hr", s, e) for s, e in breaks]
    items += [("p", s, e) for s, e in paragraphs if not any(s < be and bs < e for bs, be in breaks)]
    yield from sorted(items, key=lambda it: it[1])


def _same_words(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def chapter_title(story: Story, index: int) -> str:
    """The chapter's own title, or "Chapter N"."""
    title = story.chapters[index].title
    return title.strip() if title and title.strip() else f"Chapter {index + 1}"


def render_text(story: Story, names: dict[str, str]) -> TextView:
    """The annotated text of every chapter, with the data its tooltips need."""
    view = TextView(html="")
    renderer = _TextRenderer(story, names, view)
    out: list[str] = []
    many = len(story.chapters) > 1
    for ci, ch in enumerate(story.chapters):
        out.append(f'<section class="chapter" id="ch-{ci}" aria-labelledby="ch-{ci}-h">')
        heading = escape(chapter_title(story, ci)) if (many or story.chapters[ci].title) else "The story"
        out.append(f'<h3 id="ch-{ci}-h">{heading}</h3>')
        for bi, (kind, s, e) in enumerate(_blocks(story, ch.start, ch.end)):
            title_line = ch.title if ch.title or ci else story.metadata.title
            if bi == 0 and kind == "p" and _same_words(story.text[s:e], title_line):
                continue  # the chapter's heading line, already shown as the heading
            if kind == "hr":
                out.append('<hr class="scene-break" aria-label="scene break">')
            else:
                out.append(f"<p>{renderer.paragraph(s, e)}</p>")
        out.append("</section>")
    view.html = "\n".join(out)
    view.sentence_of_offset = renderer.sentence_starts
    return view
