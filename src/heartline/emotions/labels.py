"""The 28 GoEmotions labels (27 emotions + neutral) and the valence heartline gives each one.

``LABELS`` is in GoEmotions id order (id 0 = admiration ... id 27 = neutral), the order of the model's outputs.

``VALENCE`` maps each label to a :class:`Valence`: a ``polarity`` taken from the GoEmotions
sentiment mapping (12 positive, 11 negative, 4 ambiguous, plus neutral) and a ``value`` in [-1, 1]
set by hand by the heartline maintainers (its sign always agrees with the polarity; ambiguous labels
sit near 0). The feelings and bonds steps use ``value`` to weigh how warm or cold a feeling is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["LABELS", "NEUTRAL", "VALENCE", "Valence", "valence_of"]

LABELS: tuple[str, ...] = (
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
)

NEUTRAL = "neutral"

Polarity = Literal["positive", "negative", "ambiguous", "neutral"]


@dataclass(frozen=True, slots=True)
class Valence:
    """How pleasant a label is: a coarse ``polarity`` and a ``value`` in [-1, 1]."""

    polarity: Polarity
    value: float


_TABLE: dict[str, tuple[Polarity, float]] = {
    # positive (GoEmotions sentiment mapping)
    "admiration": ("positive", 0.6),
    "amusement": ("positive", 0.6),
    "approval": ("positive", 0.4),
    "caring": ("positive", 0.6),
    "desire": ("positive", 0.4),
    "excitement": ("positive", 0.7),
    "gratitude": ("positive", 0.7),
    "joy": ("positive", 0.8),
    "love": ("positive", 0.9),
    "optimism": ("positive", 0.6),
    "pride": ("positive", 0.6),
    "relief": ("positive", 0.5),
    # negative
    "anger": ("negative", -0.8),
    "annoyance": ("negative", -0.5),
    "disappointment": ("negative", -0.6),
    "disapproval": ("negative", -0.5),
    "disgust": ("negative", -0.8),
    "embarrassment": ("negative", -0.5),
    "fear": ("negative", -0.7),
    "grief": ("negative", -0.9),
    "nervousness": ("negative", -0.5),
    "remorse": ("negative", -0.6),
    "sadness": ("negative", -0.8),
    # ambiguous
    "confusion": ("ambiguous", -0.1),
    "curiosity": ("ambiguous", 0.1),
    "realization": ("ambiguous", 0.0),
    "surprise": ("ambiguous", 0.1),
    # neutral
    "neutral": ("neutral", 0.0),
}

VALENCE: dict[str, Valence] = {label: Valence(*_TABLE[label]) for label in LABELS}


def valence_of(scores: dict[str, float]) -> float:
    """Score-weighted mean valence value of a result's ``scores``, in [-1, 1] (0.0 when all scores are 0)."""
    total = sum(scores.get(label, 0.0) for label in LABELS)
    if total <= 0:
        return 0.0
    return sum(scores.get(label, 0.0) * VALENCE[label].value for label in LABELS) / total
