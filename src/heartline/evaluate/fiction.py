"""Score an emotion model on fiction: ABBE sentences from novels, Ekman's six emotions, sentence level.

ABBE (``ABBE_multilabel.csv``, pipe-separated, evaluation only; see its README) gives each row an entity's
emotions among Ekman's six. Its entity offsets do not line up with the text, so it is read at the sentence
level: a text's gold set is the union of the emotions of all its rows. Every ABBE text has at least one
emotion (none is neutral).

The model's 28-label predictions (``labels``: those passing the model's own thresholds, tuned on GoEmotions
dev, with the top label when none passes) are mapped to Ekman with :data:`heartline.emotions.views.EKMAN`:
a group is predicted when any of its member labels is. ``neutral`` maps to no group. Scores: macro-F1 over
the six groups (the headline), micro-F1 and per-group F1.

``tuned_honest`` is a second, reference view: one threshold per Ekman group on the group score (the
maximum of its members' probabilities, :func:`heartline.emotions.views.to_ekman`), tuned on one random half
of the texts and scored on the other, both ways, averaged. It shows how much of the gap is thresholds
rather than the model; the headline uses no ABBE data at all.
"""

from __future__ import annotations

import ast
import csv
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..emotions.views import EKMAN, group_matrix
from ..errors import FileNotFound, InputError

if TYPE_CHECKING:
    import numpy as np

__all__ = ["EKMAN6", "ekman_predictions", "evaluate_fiction", "gold_matrix", "read_abbe", "score_ekman", "tuned_honest"]

EKMAN6 = tuple(EKMAN)  # anger, disgust, fear, joy, sadness, surprise
ABBE_FILE = "ABBE_multilabel.csv"


def read_abbe(path: str | Path) -> tuple[list[str], list[set[str]]]:
    """Distinct texts (first-seen order, surrounding whitespace stripped) and each one's gold Ekman set.

    ``path`` is the CSV itself or the folder holding ``ABBE_multilabel.csv``."""
    path = Path(path)
    if path.is_dir():
        path = path / ABBE_FILE
    if not path.is_file():
        raise FileNotFound(f"No ABBE file at {path}", f"Pass --data, the folder holding {ABBE_FILE}")
    gold: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="|")
        if not reader.fieldnames or "text" not in reader.fieldnames or "emotions" not in reader.fieldnames:
            raise InputError(f"{path}: expected a header with 'text' and 'emotions' columns",
                             "Use ABBE_multilabel.csv unmodified (pipe-separated)")  # fmt: skip
        for n, row in enumerate(reader, 2):
            text = (row.get("text") or "").strip()
            try:
                emotions = ast.literal_eval(row.get("emotions") or "")
            except (ValueError, SyntaxError):
                raise InputError(f"{path}:{n}: emotions column is not a list like ['joy']",
                                 "Use ABBE_multilabel.csv unmodified") from None  # fmt: skip
            bad = [e for e in emotions if e not in EKMAN6]
            if not isinstance(emotions, list) or bad:
                raise InputError(f"{path}:{n}: unknown emotion(s) {bad}", f"Labels must be among {', '.join(EKMAN6)}")
            if text:
                gold.setdefault(text, set()).update(emotions)
    if not gold:
        raise InputError(f"{path} holds no texts", "Use ABBE_multilabel.csv unmodified")
    return list(gold), list(gold.values())


def ekman_predictions(label_lists: list[list[str]]) -> np.ndarray:
    """0/1 matrix (texts x 6): a group is predicted when any of its member labels is among a text's labels."""
    import numpy as np

    from ..emotions.labels import LABELS

    index = {label: j for j, label in enumerate(LABELS)}
    chosen = np.zeros((len(label_lists), len(LABELS)), dtype=np.int8)
    for i, labels in enumerate(label_lists):
        chosen[i, [index[label] for label in labels]] = 1
    return group_matrix(chosen, LABELS, EKMAN).reshape(len(label_lists), len(EKMAN6))


def gold_matrix(gold: list[set[str]]) -> np.ndarray:
    """0/1 matrix (texts x 6) of the gold sets."""
    import numpy as np

    return np.array([[int(g in s) for g in EKMAN6] for s in gold], dtype=np.int8).reshape(len(gold), len(EKMAN6))


def score_ekman(y: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    """Macro-F1 over the six groups, micro-F1 and per-group F1, rounded to 4 places."""
    from ..emotions.metrics import f1_scores

    s = f1_scores(y, pred)
    return {
        "macro_f1": round(s["macro_f1"], 4),
        "micro_f1": round(s["micro_f1"], 4),
        "per_label_f1": {k: round(v, 4) for k, v in zip(EKMAN6, s["per_label"], strict=True)},
    }


def tuned_honest(y: np.ndarray, group_probs: np.ndarray, seed: int = 0) -> dict[str, Any]:
    """Per-group thresholds tuned on one random half, scored on the other, both ways, averaged (no fallback)."""
    import numpy as np

    from ..emotions.metrics import apply_thresholds, f1_scores, tune_thresholds

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    halves = order[: len(y) // 2], order[len(y) // 2 :]
    runs = []
    for tune, test in (halves, halves[::-1]):
        t = tune_thresholds(y[tune], group_probs[tune], shrink=0)
        runs.append(f1_scores(y[test], apply_thresholds(group_probs[test], t, fallback_top=False)))
    return {
        "macro_f1": round(float(np.mean([r["macro_f1"] for r in runs])), 4),
        "micro_f1": round(float(np.mean([r["micro_f1"] for r in runs])), 4),
    }


def evaluate_fiction(data: str | Path, model: str | None = None, batch_size: int = 64) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on ABBE at the sentence level; see the module docstring."""
    from ..emotions import as_model, results_from_probs

    texts, gold = read_abbe(data)
    m = as_model(model)
    t0 = time.perf_counter()
    probs = m.predict_proba(texts, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    results = results_from_probs(m, probs)
    y = gold_matrix(gold)
    out: dict[str, Any] = {"data": "ABBE", "texts": len(texts), "model": str(m.path)}
    out.update(score_ekman(y, ekman_predictions([r.labels for r in results])))
    out["gold_counts"] = {g: int(c) for g, c in zip(EKMAN6, y.sum(0), strict=True)}
    out["neutral_share"] = round(sum(r.labels == ["neutral"] for r in results) / len(results), 4)
    out["tuned_honest"] = tuned_honest(y, group_matrix(probs, m.labels, EKMAN))
    out["texts_per_s"] = round(len(texts) / max(seconds, 1e-9), 1)
    return out
