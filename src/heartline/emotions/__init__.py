"""Emotions: 28 GoEmotions labels (27 emotions + neutral) for any text, on ONNX Runtime (no torch).

    >>> from heartline.emotions import classify
    >>> classify(["Thank you so much!"])[0].labels
    ['gratitude']

``classify`` returns one :class:`EmotionResult` per text: ``scores`` holds all 28 probabilities and
``labels`` the labels whose probability reaches that label's threshold (tuned on GoEmotions dev), sorted
by score, highest first. When no label reaches its threshold, ``labels`` holds the single top-scoring
label: every GoEmotions text has at least one label (neutral is a label), and this fallback scores
better on dev than returning nothing (see the model card).

Heavy imports (numpy, onnxruntime, tokenizers) happen on first use, not on import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from heartline.emotions.labels import LABELS, VALENCE

if TYPE_CHECKING:
    from heartline.emotions.model import EmotionModel

__all__ = ["LABELS", "VALENCE", "EmotionResult", "as_model", "classify", "load_model", "results_from_probs"]


@dataclass(slots=True)
class EmotionResult:
    """Emotion scores of one text: all 28 ``scores`` and the ``labels`` that pass their thresholds."""

    scores: dict[str, float]
    labels: list[str] = field(default_factory=list)

    @property
    def top(self) -> str:
        """The highest-scoring label."""
        return max(self.scores, key=self.scores.__getitem__)


def load_model(
    name_or_path: str | Path | None = None, local_files_only: bool = True, threads: int | None = None
) -> EmotionModel:
    """Load an emotion model folder (None: the shipped default, ``emotions-minilm-l2-v6``); cached per folder."""
    from heartline.emotions.model import load_model as _load

    return _load(name_or_path, local_files_only=local_files_only, threads=threads)


def as_model(model: EmotionModel | str | Path | None) -> EmotionModel:
    """``model`` itself when it is loaded, else the model it names (see :func:`load_model`)."""
    from heartline.emotions.model import EmotionModel

    return model if isinstance(model, EmotionModel) else load_model(model)


def classify(
    texts: Sequence[str], model: EmotionModel | str | Path | None = None, batch_size: int = 64
) -> list[EmotionResult]:
    """Classify each text; ``model`` is a loaded EmotionModel, a folder or name, or None for the default."""
    if isinstance(texts, str):
        raise TypeError("classify() takes a sequence of texts; wrap a single text in a list: classify([text])")
    m = as_model(model)
    return results_from_probs(m, m.predict_proba(list(texts), batch_size=batch_size))


def results_from_probs(m: EmotionModel, probs: object) -> list[EmotionResult]:
    """Turn a (texts x labels) probability matrix of model ``m`` into results, applying its thresholds."""
    labels = m.labels
    thresholds = m.thresholds
    results = []
    for row in probs.tolist():  # type: ignore[attr-defined]
        scores = dict(zip(labels, row, strict=False))
        passing = [lab for lab, p, t in zip(labels, row, thresholds, strict=False) if p >= t]
        if not passing and m.no_label_passes == "top":
            passing = [labels[max(range(len(row)), key=row.__getitem__)]]
        passing.sort(key=lambda lab: -scores[lab])
        results.append(EmotionResult(scores=scores, labels=passing))
    return results
