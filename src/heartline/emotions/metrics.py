"""Multi-label metrics and per-label threshold tuning (numpy only).

``y`` is a 0/1 matrix (texts x labels), ``p`` a probability matrix of the same shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "THRESHOLD_GRID",
    "apply_thresholds",
    "dev_metrics",
    "f1_scores",
    "honest_split_half",
    "tune_thresholds",
]

THRESHOLD_GRID = tuple(round(0.01 * i, 2) for i in range(1, 100))


def apply_thresholds(p: np.ndarray, thresholds: np.ndarray, fallback_top: bool = True) -> np.ndarray:
    """0/1 predictions: each label whose probability reaches its threshold; if none does and
    ``fallback_top``, the single most probable label."""
    import numpy as np

    pred = (p >= thresholds[None, :]).astype(np.int8)
    if fallback_top:
        empty = pred.sum(1) == 0
        if empty.any():
            pred[np.where(empty)[0], p[empty].argmax(1)] = 1
    return pred


def f1_scores(y: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    """Per-label F1 (list), macro-F1 and micro-F1. F1 is 0 for a label with no true positive."""
    import numpy as np

    tp = ((y == 1) & (pred == 1)).sum(0).astype(float)
    fp = ((y == 0) & (pred == 1)).sum(0).astype(float)
    fn = ((y == 1) & (pred == 0)).sum(0).astype(float)
    denom = 2 * tp + fp + fn
    per = np.where(tp > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    micro = 0.0 if tp.sum() == 0 else 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum())
    return {"per_label": per.tolist(), "macro_f1": float(per.mean()), "micro_f1": float(micro)}


SHRINK = 15  # pseudo-count pulling a label's threshold toward the single best shared threshold


def _f1_curves(y: np.ndarray, p: np.ndarray, g: np.ndarray) -> np.ndarray:
    """F1 of every label at every grid threshold: (grid x labels)."""
    import numpy as np

    curves = np.zeros((len(g), y.shape[1]))
    for j in range(y.shape[1]):
        pos = y[:, j] == 1
        predicted = p[:, j][None, :] >= g[:, None]  # grid x texts
        tp = (predicted & pos[None, :]).sum(1)
        fp = (predicted & ~pos[None, :]).sum(1)
        fn = pos.sum() - tp
        curves[:, j] = np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return curves


def tune_thresholds(
    y: np.ndarray, p: np.ndarray, grid: tuple[float, ...] = THRESHOLD_GRID, shrink: float = SHRINK
) -> np.ndarray:
    """Per-label thresholds: each label's best-F1 grid threshold (ties go to the one nearest 0.5), pulled
    toward the one threshold that is best for macro-F1 over all labels, by ``shrink`` pseudo-positives.

    A rare label's best threshold on a few dozen positives is mostly noise; with ``shrink=15`` a label with
    15 positives lands halfway between its own best and the shared one, a label with 500 keeps its own.
    On GoEmotions dev this raises the honest split-half macro-F1 by about 0.005 (mean of 20 splits);
    ``shrink=0`` is the plain per-label argmax.
    """
    import numpy as np

    g = np.asarray(grid)
    curves = _f1_curves(y, p, g)
    thresholds = np.full(y.shape[1], 0.5)
    for j in range(y.shape[1]):
        best = curves[:, j].max()
        if best <= 0:
            continue
        candidates = np.where(curves[:, j] >= best - 1e-12)[0]
        thresholds[j] = g[candidates[np.argmin(np.abs(g[candidates] - 0.5))]]
    if shrink > 0:
        shared = g[int(curves.mean(1).argmax())]
        n = y.sum(0).astype(float)
        thresholds = np.round((n * thresholds + shrink * shared) / (n + shrink), 2)
    return thresholds


def honest_split_half(y: np.ndarray, p: np.ndarray, seed: int = 0, fallback_top: bool = True) -> dict[str, Any]:
    """Tune thresholds on one random half of the rows, score on the other, both ways; average.

    This is the honest estimate of a tuned-threshold model; tuning and scoring on the same rows is optimistic.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    a, b = order[: len(y) // 2], order[len(y) // 2 :]
    runs = []
    for tune, score in ((a, b), (b, a)):
        t = tune_thresholds(y[tune], p[tune])
        runs.append(f1_scores(y[score], apply_thresholds(p[score], t, fallback_top)))
    return {
        "macro_f1": float(np.mean([r["macro_f1"] for r in runs])),
        "micro_f1": float(np.mean([r["micro_f1"] for r in runs])),
        "per_label": np.mean([r["per_label"] for r in runs], axis=0).tolist(),
    }


def dev_metrics(
    y: np.ndarray,
    p: np.ndarray,
    labels: Sequence[str],
    thresholds: np.ndarray | None = None,
    splits: int = 0,
) -> dict[str, Any]:
    """The scores a model folder reports, rounded to 4 places: macro-F1 at 0.5 (no fallback), macro and
    micro-F1 with ``thresholds`` tuned on these rows (optimistic; tuned here when not given), and the
    honest split-half macro, micro and per-label F1; with ``splits``, also the honest macro-F1 averaged
    over that many random splits."""
    import numpy as np

    if thresholds is None:
        thresholds = tune_thresholds(y, p)
    half = f1_scores(y, apply_thresholds(p, np.full(p.shape[1], 0.5), fallback_top=False))
    opt = f1_scores(y, apply_thresholds(p, thresholds))
    honest = honest_split_half(y, p)
    out: dict[str, Any] = {
        "macro_f1_at_0.5": round(half["macro_f1"], 4),
        "macro_f1_optimistic": round(opt["macro_f1"], 4),
        "micro_f1_optimistic": round(opt["micro_f1"], 4),
        "macro_f1_honest": round(honest["macro_f1"], 4),
        "micro_f1_honest": round(honest["micro_f1"], 4),
    }
    if splits:
        mean = float(np.mean([honest_split_half(y, p, seed=s)["macro_f1"] for s in range(splits)]))
        out[f"macro_f1_honest_mean_of_{splits}_splits"] = round(mean, 4)
    out["per_label_f1_honest"] = {k: round(v, 4) for k, v in zip(labels, honest["per_label"], strict=True)}
    return out
