"""The 28 GoEmotions labels (27 emotions + neutral) and how pleasant each is: the one valence table and the
one weighted mean every step and the report use.

``LABELS`` is in GoEmotions id order (id 0 = admiration ... id 27 = neutral), the order of the model's outputs.
``VALENCE`` maps each label to a :class:`Valence`: a ``polarity`` taken from the GoEmotions sentiment mapping
(12 positive, 11 negative, 4 ambiguous, plus neutral) and a ``value`` in [-1, 1] set by hand (its sign always
agrees with the polarity; ambiguous labels sit near 0). The table is data: ``data/valence.tsv``.

``FEELING_BASE_RATES`` is the share of each label in the feelings heartline finds in whole novels with the
default emotion model (``data/feeling_base_rates.tsv``, written by ``scripts/feeling_base_rates.py``): the
labels the model gives everywhere, against which the bonds step measures what is distinctive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

__all__ = [
    "FEELING_BASE_RATES",
    "LABELS",
    "NEUTRAL",
    "VALENCE",
    "VALUES",
    "Polarity",
    "Valence",
    "label_valence",
    "mean_valence",
]

Polarity = Literal["positive", "negative", "ambiguous", "neutral"]
NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class Valence:
    """How pleasant a label is: a coarse ``polarity`` and a ``value`` in [-1, 1]."""

    polarity: Polarity
    value: float


def _read(path: Path) -> dict[str, Valence]:
    table: dict[str, Valence] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, polarity, value = line.split("\t")
            table[label] = Valence(cast(Polarity, polarity), float(value))
    return table


VALENCE: dict[str, Valence] = _read(Path(__file__).parent / "data" / "valence.tsv")
LABELS: tuple[str, ...] = tuple(VALENCE)
VALUES: dict[str, float] = {label: v.value for label, v in VALENCE.items()}  # label -> value


def _read_rates(path: Path) -> dict[str, float]:
    rates: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, share = line.split("\t")
            rates[label] = float(share)
    return rates


FEELING_BASE_RATES: dict[str, float] = _read_rates(Path(__file__).parent / "data" / "feeling_base_rates.tsv")


def label_valence(label: str) -> float:
    """How pleasant an emotion label is, in [-1, 1] (0 for an unknown label)."""
    return VALUES.get(label, 0.0)


def mean_valence(weighted: Iterable[tuple[str, float]]) -> float:
    """The weighted mean valence of ``(label, weight)`` pairs (probabilities, intensities); pairs of weight 0
    or less are left out, and an unknown label counts as 0. 0.0 when no weight is left."""
    pairs = [(label, w) for label, w in weighted if w > 0]
    total = sum(w for _, w in pairs)
    if total <= 0:
        return 0.0
    return sum(w * label_valence(label) for label, w in pairs) / total
