"""Colours and valence for the report: a blue–orange valence scale and Okabe–Ito emotion families.

Both scales are chosen so that readers with the common forms of colour blindness can tell them apart:
valence runs from blue (unpleasant) through grey to orange (pleasant), never red against green, and the
28 GoEmotions labels are grouped into six families, each drawn in one Okabe–Ito colour and always named
in words next to the colour (legend, tooltips, tables).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = [
    "FAMILIES",
    "FAMILY_OF",
    "label_valence",
    "scores_valence",
    "top_label",
    "valence_colour",
]

try:  # the emotions engineer's table is the source of truth; keep a copy so the report never breaks
    from heartline.emotions.labels import VALENCE as _VALENCE

    _LABEL_VALENCE: dict[str, float] = {label: v.value for label, v in _VALENCE.items()}
except ImportError:  # pragma: no cover - only when the emotions package is absent
    _LABEL_VALENCE = {
        "admiration": 0.6, "amusement": 0.6, "approval": 0.4, "caring": 0.6, "desire": 0.4,
        "excitement": 0.7, "gratitude": 0.7, "joy": 0.8, "love": 0.9, "optimism": 0.6, "pride": 0.6,
        "relief": 0.5, "anger": -0.8, "annoyance": -0.5, "disappointment": -0.6, "disapproval": -0.5,
        "disgust": -0.8, "embarrassment": -0.5, "fear": -0.7, "grief": -0.9, "nervousness": -0.5,
        "remorse": -0.6, "sadness": -0.8, "confusion": -0.1, "curiosity": 0.1, "realization": 0.0,
        "surprise": 0.1, "neutral": 0.0,
    }  # fmt: skip

# family -> (Okabe–Ito colour, labels). Order is the legend's order.
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "love": ("#CC79A7", ("love", "caring", "desire", "admiration", "gratitude", "approval")),
    "joy": ("#F0E442", ("joy", "amusement", "excitement", "optimism", "pride", "relief")),
    "surprise": ("#56B4E9", ("surprise", "realization", "curiosity", "confusion")),
    "fear": ("#009E73", ("fear", "nervousness", "embarrassment")),
    "sadness": ("#0072B2", ("sadness", "grief", "disappointment", "remorse")),
    "anger": ("#D55E00", ("anger", "annoyance", "disapproval", "disgust")),
}

FAMILY_OF: dict[str, str] = {label: fam for fam, (_, labels) in FAMILIES.items() for label in labels}

# Ends and middle of the valence scale (negative blue, neutral grey, positive orange).
_NEG = (33, 102, 172)
_MID = (170, 170, 170)
_POS = (214, 104, 0)


def label_valence(label: str) -> float:
    """How pleasant an emotion label is, in [-1, 1] (0 for an unknown label)."""
    return _LABEL_VALENCE.get(label, 0.0)


def scores_valence(scores: Mapping[str, float]) -> float:
    """Score-weighted mean valence of a label -> probability mapping (0.0 when it is empty)."""
    total = sum(p for p in scores.values() if p > 0)
    if total <= 0:
        return 0.0
    return sum(p * label_valence(label) for label, p in scores.items() if p > 0) / total


def top_label(
    scores: Mapping[str, float], labels: list[str] | None = None, floor: float = 0.3
) -> tuple[str, float] | None:
    """The strongest non-neutral emotion of a sentence or quote, or None when it reads as neutral.

    ``labels`` (the model's thresholded predictions) win when given; otherwise the highest score counts
    when it reaches ``floor``.
    """
    chosen = [lab for lab in (labels or []) if lab != "neutral"]
    if chosen:
        best = max(chosen, key=lambda lab: scores.get(lab, 0.0))
        return best, float(scores.get(best, 1.0 if not scores else 0.0))
    if not scores:
        return None
    best = max(scores, key=lambda lab: scores[lab])
    if best == "neutral" or scores[best] < floor:
        return None
    return best, float(scores[best])


def valence_colour(value: float) -> str:
    """Hex colour for a valence in [-1, 1] on the blue–grey–orange scale."""
    v = max(-1.0, min(1.0, float(value))) if math.isfinite(value) else 0.0
    end = _POS if v >= 0 else _NEG
    t = abs(v)
    rgb = tuple(round(m + (e - m) * t) for m, e in zip(_MID, end, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)
