"""The 28 GoEmotions labels and their valence, as the emotions package names them.

The table itself is :mod:`heartline.language.valence` (data: ``language/data/valence.tsv``), the one every
step and the report read; this module keeps the emotions package's names for it.
"""

from __future__ import annotations

from ..language.valence import LABELS, NEUTRAL, VALENCE, Polarity, Valence, mean_valence

__all__ = ["LABELS", "NEUTRAL", "VALENCE", "Polarity", "Valence", "valence_of"]


def valence_of(scores: dict[str, float]) -> float:
    """Score-weighted mean valence value of a result's ``scores``, in [-1, 1] (0.0 when all scores are 0)."""
    return mean_valence(scores.items())
