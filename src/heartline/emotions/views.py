"""Coarser views of the 28 GoEmotions scores: Ekman's 6 basic emotions and Plutchik's 8.

A view's score for a group is the **maximum** of its member labels' probabilities (the model's labels
are independent sigmoids, so a sum could pass 1; the max reads as "how sure is the model that some
emotion of this group is present"). ``neutral`` is passed through in both views. Tables are documented
in docs/emotions.md.

Ekman: the GoEmotions authors' own mapping (``ekman_mapping.json`` in the GoEmotions release).

Plutchik: heartline's mapping onto the wheel's 8 primaries. A GoEmotions label that Plutchik places
between two primaries (a dyad: love = joy + trust; disapproval = surprise + sadness, which we read as
disgust/anger-leaning in Reddit usage, so disgust; optimism = anticipation + joy) counts for both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["EKMAN", "PLUTCHIK", "group_matrix", "to_ekman", "to_plutchik"]

EKMAN: dict[str, tuple[str, ...]] = {
    "anger": ("anger", "annoyance", "disapproval"),
    "disgust": ("disgust",),
    "fear": ("fear", "nervousness"),
    "joy": ("joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism", "relief", "pride",
            "admiration", "desire", "caring"),
    "sadness": ("sadness", "disappointment", "embarrassment", "grief", "remorse"),
    "surprise": ("surprise", "realization", "confusion", "curiosity"),
}  # fmt: skip

PLUTCHIK: dict[str, tuple[str, ...]] = {
    "joy": ("joy", "amusement", "excitement", "pride", "relief", "love", "optimism"),
    "trust": ("admiration", "approval", "caring", "gratitude", "love"),
    "fear": ("fear", "nervousness", "embarrassment"),
    "surprise": ("surprise", "realization", "confusion"),
    "sadness": ("sadness", "grief", "disappointment", "remorse"),
    "disgust": ("disgust", "disapproval"),
    "anger": ("anger", "annoyance"),
    "anticipation": ("desire", "optimism", "curiosity"),
}


def _view(scores: Mapping[str, float], table: Mapping[str, tuple[str, ...]]) -> dict[str, float]:
    out = {group: max(float(scores.get(m, 0.0)) for m in members) for group, members in table.items()}
    out["neutral"] = float(scores.get("neutral", 0.0))
    return out


def to_ekman(scores: Mapping[str, float]) -> dict[str, float]:
    """Ekman-6 scores (+ neutral) from 28-label scores: max over each group's members."""
    return _view(scores, EKMAN)


def to_plutchik(scores: Mapping[str, float]) -> dict[str, float]:
    """Plutchik-8 scores (+ neutral) from 28-label scores: max over each group's members."""
    return _view(scores, PLUTCHIK)


def group_matrix(matrix: np.ndarray, labels: Sequence[str], table: Mapping[str, tuple[str, ...]]) -> np.ndarray:
    """The same view over a whole (texts x labels) matrix, probabilities or 0/1: one column per group of
    ``table``, in its order, the maximum over the group's members (``labels`` names ``matrix``'s columns)."""
    import numpy as np

    index = {label: j for j, label in enumerate(labels)}
    return np.stack([matrix[:, [index[m] for m in members]].max(1) for members in table.values()], axis=1)
