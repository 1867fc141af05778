"""The data model: a ``Story`` owns the text; everything else points into it by character offsets.

Every annotation is a small record with ``start`` and ``end``: Python string indices into
``story.text``. Nothing copies the text, so every output can be checked against the source and the
report can highlight the exact words.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "heartline.reading/1"

__all__ = [
    "SCHEMA",
    "Arc",
    "Bond",
    "Chapter",
    "Character",
    "Feeling",
    "Mention",
    "Metadata",
    "Paragraph",
    "Quote",
    "SceneBreak",
    "Sentence",
    "Story",
    "Trigger",
]


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    notes: list[str] = field(default_factory=list)
    language: str | None = None
    source_format: str = "text"
    source: str | None = None
    words: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Chapter:
    start: int
    end: int
    title: str | None = None


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(slots=True)
class SceneBreak:
    """A line such as ``* * *`` or ``~~~`` that separates scenes; ``start``/``end`` cover the marker."""

    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    quote: int | None = None  # index into story.quotes when the sentence is spoken words
    paragraph: int = 0
    emotions: dict[str, float] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """Spoken words. ``parts`` are the spans inside the quotation marks (a quote interrupted by a speech
    tag has two parts); ``start``/``end`` run from the first opening mark to the last closing mark."""

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    speaker: str | None = None
    addressees: list[str] = field(default_factory=list)
    paragraph: int = 0
    emotions: dict[str, float] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    attribution: str | None = None  # how the speaker was found: explicit, anaphoric, implicit


@dataclass(slots=True)
class Character:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0
    present: bool = True
    gender: str | None = None  # "she", "he", "they" or None, learned from the story
    narrator: bool = False  # tells the story in the first person: its mentions are the narration's I / me / my
    unnamed: bool = False  # known only by a description ("the old man") or a pronoun: ``name`` is a readable label


@dataclass(slots=True)
class Mention:
    """Words that mean a character. ``subject``: the mention is the subject of its clause (the characters
    step marks it; the speakers step reads it to find who acts and who speaks). None in a reading made
    before the mark was written."""

    start: int
    end: int
    character: str
    kind: str  # "name" | "nominal" | "pronoun"
    subject: bool | None = None


@dataclass(slots=True)
class Trigger:
    """The word or phrase that expresses a feeling: ``text == story.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Feeling:
    experiencer: str | None
    target: str | None
    emotion: str
    intensity: float
    start: int
    end: int
    voiced: bool
    trigger: Trigger | None = None  # the emotion word (or care phrase); None when no word carries it


@dataclass(slots=True)
class Bond:
    source: str
    target: str
    valence: float = 0.0
    strength: float = 0.0
    emotions: dict[str, float] = field(default_factory=dict)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Arc:
    valence: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Story:
    """A story's text and every annotation heartline has made of it.

    >>> story = Story("“Hi,” she said.")
    >>> story.span_text(story.chapters[0])
    '“Hi,” she said.'
    """

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    chapters: list[Chapter] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    scene_breaks: list[SceneBreak] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    feelings: list[Feeling] = field(default_factory=list)
    bonds: list[Bond] = field(default_factory=list)
    arcs: dict[str, Any] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)  # names of the pipeline steps that have run
    # things worth keeping that can be made again from the fields above (spaCy docs, the token table):
    # never serialised, and no step needs it for a right answer, only for a fast one
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.chapters:
            self.chapters = [Chapter(0, len(self.text), None)]
        if not self.metadata.words:
            self.metadata.words = count_words(self.text)

    # -- views -------------------------------------------------------------------------------------
    def span_text(self, span: Any) -> str:
        """The words a record points at."""
        return self.text[span.start : span.end]

    def quote_text(self, quote: Quote) -> str:
        """The spoken words of a quote, its parts joined by a space (speech tags left out)."""
        if not quote.parts:
            return self.text[quote.start : quote.end]
        return " ".join(self.text[s:e] for s, e in quote.parts)

    def character(self, char_id: str | None) -> Character | None:
        if char_id is None:
            return None
        for c in self.characters:
            if c.id == char_id:
                return c
        return None

    def chapter_at(self, offset: int) -> int:
        """Index of the chapter holding ``offset`` (chapters are in text order; found by bisection)."""
        return max(0, bisect.bisect_right(self.chapters, offset, key=lambda c: c.start) - 1)

    # -- serialisation -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The reading as plain data, in the shape of schema ``heartline.reading/1`` (docs/reading-json.md)."""
        md = self.metadata
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "text": self.text,
            "metadata": {
                "title": md.title,
                "authors": list(md.authors),
                "fandoms": list(md.fandoms),
                "relationships": list(md.relationships),
                "characters": list(md.characters),
                "tags": list(md.tags),
                "summary": md.summary,
                "notes": list(md.notes),
                "language": md.language,
                "source_format": md.source_format,
                "source": md.source,
                "words": md.words,
                "warnings": list(md.warnings),
            },
            "steps": list(self.done),
            "chapters": [{"start": c.start, "end": c.end, "title": c.title} for c in self.chapters],
            "paragraphs": [{"start": p.start, "end": p.end} for p in self.paragraphs],
            "scene_breaks": [{"start": b.start, "end": b.end} for b in self.scene_breaks],
            "sentences": [
                {
                    "start": s.start,
                    "end": s.end,
                    "quote": s.quote,
                    "paragraph": s.paragraph,
                    "emotions": s.emotions,
                    "labels": s.labels,
                }
                for s in self.sentences
            ],
            "quotes": [
                {
                    "start": q.start,
                    "end": q.end,
                    "parts": [list(p) for p in q.parts],
                    "speaker": q.speaker,
                    "addressees": list(q.addressees),
                    "attribution": q.attribution,
                    "paragraph": q.paragraph,
                    "emotions": q.emotions,
                    "labels": q.labels,
                }
                for q in self.quotes
            ],
            "characters": [asdict(c) for c in self.characters],
            "mentions": [
                {"start": m.start, "end": m.end, "character": m.character, "kind": m.kind, "subject": m.subject}
                for m in self.mentions
            ],
            "feelings": [asdict(f) for f in self.feelings],
            "bonds": [_bond_dict(b) for b in self.bonds],
            "arcs": self.arcs,
        }
        return out

    def to_json(self, indent: int | None = None) -> str:
        """The reading as a JSON string (schema ``heartline.reading/1``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        """Rebuild a Story from a reading (the inverse of ``to_dict``)."""
        from .errors import FormatError

        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise FormatError(
                f"This is not a heartline reading of schema {SCHEMA}",
                "Make one with: heartline read STORY -o reading.json",
            )
        md_fields = {k: v for k, v in data.get("metadata", {}).items() if k in Metadata.__slots__}  # type: ignore[attr-defined]
        story = cls(
            text=data["text"],
            metadata=Metadata(**md_fields),
            chapters=[Chapter(**c) for c in data.get("chapters", [])],
            paragraphs=[Paragraph(**p) for p in data.get("paragraphs", [])],
            scene_breaks=[SceneBreak(**b) for b in data.get("scene_breaks", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            quotes=[Quote(**{**q, "parts": [tuple(p) for p in q.get("parts", [])]}) for q in data.get("quotes", [])],
            characters=[Character(**c) for c in data.get("characters", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            feelings=[_feeling_from(f) for f in data.get("feelings", [])],
            bonds=[_bond_from(b) for b in data.get("bonds", [])],
            arcs=data.get("arcs", {}),
            done=list(data.get("steps", [])),
        )
        return story

    @classmethod
    def from_json(cls, text: str) -> Story:
        return cls.from_dict(json.loads(text))


def _bond_dict(b: Bond) -> dict[str, Any]:
    d = {
        "source": b.source,
        "target": b.target,
        "valence": b.valence,
        "strength": b.strength,
        "emotions": b.emotions,
        "timeline": b.timeline,
    }
    d.update(b.extra)
    return d


def _feeling_from(d: dict[str, Any]) -> Feeling:
    trigger = d.get("trigger")
    return Feeling(**{**d, "trigger": Trigger(**trigger) if trigger else None})


def _bond_from(d: dict[str, Any]) -> Bond:
    known = {"source", "target", "valence", "strength", "emotions", "timeline"}
    return Bond(**{k: d[k] for k in known if k in d}, extra={k: v for k, v in d.items() if k not in known})


def count_words(text: str) -> int:
    """Whitespace-separated words, as word counts on AO3 and Gutenberg are reckoned."""
    return len(text.split())
