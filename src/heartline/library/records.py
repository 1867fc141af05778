"""What the library hands back: stories, matches with their reasons, add results, and its errors.

Plain dataclasses with ``to_dict()`` so the CLI (``--json``), the web app and scripts print the same
thing. Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import HeartlineError

__all__ = ["AddProgress", "AddResult", "LibraryError", "Match", "QueryError", "Reason", "StoryRecord"]


class LibraryError(HeartlineError):
    """A library file that cannot be used (not a library, a newer schema, locked), or an unknown story."""


class QueryError(HeartlineError):
    """A find query, sort key or facet heartline cannot read; the message names the valid choices."""


@dataclass(slots=True)
class StoryRecord:
    """One story of the library, as listed and found (the full reading is ``Library.reading(id)``)."""

    id: str
    title: str | None
    authors: list[str]
    fandoms: list[str]
    relationships: list[str]
    tags: list[str]
    words: int
    source_path: str | None
    source_format: str | None
    content_hash: str
    added: str
    main_pair: tuple[str, str] | None
    arc_shape: str | None
    characters: int
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["main_pair"] = list(self.main_pair) if self.main_pair else None
        return data


@dataclass(slots=True)
class Reason:
    """Why a story matched: one human line, a sentence from the story, and the numbers behind it."""

    kind: str
    text: str
    quote: str | None = None
    numbers: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Match:
    """A story that matched a query (or is similar to one), its score (higher is better) and reasons."""

    story: StoryRecord
    score: float
    reasons: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story.to_dict(),
            "score": round(self.score, 4),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(slots=True)
class AddProgress:
    """Reported after each file of an add: ``status`` is "added", "skipped" (already there) or "failed"."""

    done: int
    total: int
    words: int
    seconds: float
    path: str
    status: str
    error: str | None = None


@dataclass(slots=True)
class AddResult:
    """The outcome of an add: stories added, stories already there, files that failed (path, one-line error)."""

    added: list[StoryRecord] = field(default_factory=list)
    skipped: list[StoryRecord] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [r.to_dict() for r in self.added],
            "skipped": [r.to_dict() for r in self.skipped],
            "failed": [{"path": p, "error": e} for p, e in self.failed],
        }
