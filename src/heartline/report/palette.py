"""Colours and valence for the report: a blue–orange valence scale and Okabe–Ito emotion families.

Both scales are chosen so that readers with the common forms of colour blindness can tell them apart:
valence runs from blue (unpleasant) through grey to orange (pleasant), never red against green, and the
28 GoEmotions labels are grouped into six families, each drawn in one Okabe–Ito colour and always named
in words next to the colour (legend, tooltips, tables).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..language.valence import mean_valence

__all__ = [
    "FAMILIES",
    "FAMILY_OF",
    "scores_valence",
    "top_label",
    "valence_colour",
]

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


def scores_valence(scores: Mapping[str, float]) -> float:
    """Score-weighted mean valence of a label -> probability mapping (0.0 when it is empty)."""
    return mean_valence(scores.items())


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
