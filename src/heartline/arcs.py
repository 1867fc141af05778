"""Emotional arcs: valence and emotion series over story time, smoothed without ringing, and their shape.

Signal. Each sentence gets a score per emotion: the larger of the emotion model's probability and the
intensity of any feeling found in it (so the narration lexicon counts too); its valence is
``sum(score * valence) / max(1, sum(score))``, in [-1, 1]. Story time is the character offset of the
sentence's middle over the length of the text (0 = first word, 1 = last).

Smoothing. Local linear regression with a Gaussian kernel (a LOESS of degree 1), evaluated on ``points``
equally spaced positions. Unlike syuzhet's FFT low-pass it neither rings (no sinc side lobes) nor bends
at the ends (a local *line* is fitted at every position, so the edges are not pulled toward the middle
the way a moving average or Nadaraya-Watson estimate is, and nothing wraps around from the end to the
start as it does with a discrete Fourier transform). Where a kernel window holds too little data for a
line (sparse character series), the estimate falls back to the kernel-weighted mean.

Shape. The smoothed arc is z-normalised and correlated with six templates, the shapes of Reagan et al.
(2016): rags to riches (rise), tragedy (fall), man in a hole (fall-rise), Icarus (rise-fall), Cinderella
(rise-fall-rise), Oedipus (fall-rise-fall). A softmax of the correlations (temperature 0.15) gives
``scores``; ``confidence`` is the winner's score, scaled down for arcs with little amplitude.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import numpy as np

from .language.valence import VALUES
from .pipeline import register_step
from .story import Story

__all__ = ["SHAPES", "arc_shape", "build_arcs", "make_arcs", "smooth", "templates"]

SHAPES = ("rags to riches", "tragedy", "man in a hole", "Icarus", "Cinderella", "Oedipus")
_TEMPERATURE = 0.15
_FULL_AMPLITUDE = 0.05  # a valence range that counts as a clear arc
_R = 4


def _rl(a: np.ndarray) -> list[float]:
    return [round(float(v), _R) for v in a]


def smooth(x: np.ndarray, y: np.ndarray, grid: np.ndarray, bandwidth: float,
           weights: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
    """Local linear Gaussian-kernel regression of ``y`` (n, or n x k) at ``x`` onto ``grid``.

    ``bandwidth`` is the kernel's standard deviation in the units of ``x``. Edges are handled by the
    local line itself (no padding, no wrap-around); a window too sparse for a line gives the weighted mean.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if x.size == 0:
        return np.zeros((grid.size, *y.shape[1:]))
    d = x[None, :] - grid[:, None]  # grid x n
    k = np.exp(-0.5 * (d / bandwidth) ** 2) * w[None, :]
    s0 = k.sum(axis=1)
    s1 = (k * d).sum(axis=1)
    s2 = (k * d * d).sum(axis=1)
    t0 = k @ y
    t1 = (k * d) @ y
    det = s0 * s2 - s1 * s1
    ok = (det > 1e-9 * np.maximum(s0 * s2, 1e-300)) & (s0 > 1e-12)
    safe_s0 = np.where(s0 > 0, s0, 1.0)
    # the data a window really sees: a local line may not leave its range (no overshoot past a late step)
    seen = k > 1e-3 * np.maximum(k.max(axis=1, keepdims=True), 1e-300)
    y2 = y if y.ndim == 2 else y[:, None]
    lo = np.where(seen[:, :, None], y2[None, :, :], np.inf).min(axis=1)
    hi = np.where(seen[:, :, None], y2[None, :, :], -np.inf).max(axis=1)
    t0_, t1_ = (t0, t1) if y.ndim == 2 else (t0[:, None], t1[:, None])
    mean = t0_ / safe_s0[:, None]
    line = (s2[:, None] * t0_ - s1[:, None] * t1_) / np.where(ok, det, 1.0)[:, None]
    out = np.clip(np.where(ok[:, None], line, mean), lo, hi)
    return out if y.ndim == 2 else out[:, 0]


def _binned(x: np.ndarray, y: np.ndarray, w: np.ndarray, bins: int = 2000) -> tuple[np.ndarray, ...]:
    """Weighted bin means, so long books smooth as fast as short ones (the kernel is far wider than a bin)."""
    if x.size <= bins:
        return x, y, w
    idx = np.minimum((x * bins).astype(int), bins - 1)
    wsum = np.bincount(idx, weights=w, minlength=bins)
    xs = np.bincount(idx, weights=w * x, minlength=bins)
    keep = wsum > 0
    if y.ndim == 1:
        ys = np.bincount(idx, weights=w * y, minlength=bins)[keep] / wsum[keep]
    else:
        ys = np.stack([np.bincount(idx, weights=w * y[:, j], minlength=bins) for j in range(y.shape[1])], axis=1)
        ys = ys[keep] / wsum[keep, None]
    return xs[keep] / wsum[keep], ys, wsum[keep]


def templates(n: int = 100) -> dict[str, np.ndarray]:
    """The six arc shapes of Reagan et al. (2016) as z-normalised curves of ``n`` points."""
    t = np.linspace(0.0, 1.0, n)
    raw = {
        "rags to riches": t,
        "tragedy": -t,
        "man in a hole": np.cos(2 * np.pi * t),
        "Icarus": -np.cos(2 * np.pi * t),
        "Cinderella": -np.cos(3 * np.pi * t),
        "Oedipus": np.cos(3 * np.pi * t),
    }
    return {k: _z(v) for k, v in raw.items()}


def _z(a: np.ndarray) -> np.ndarray:
    sd = a.std()
    return (a - a.mean()) / sd if sd > 0 else a - a.mean()


def arc_shape(arc: np.ndarray | list[float]) -> dict[str, Any]:
    """The closest of the six shapes: ``name``, ``confidence``, ``scores`` (softmax) and ``correlations``."""
    a = np.asarray(arc, dtype=float)
    if a.size < 3 or not np.isfinite(a).all():
        return {"name": None, "confidence": 0.0, "scores": {}, "correlations": {}, "amplitude": 0.0}
    resampled = np.interp(np.linspace(0, 1, 100), np.linspace(0, 1, a.size), a)
    amplitude = float(resampled.max() - resampled.min())
    z = _z(resampled)
    corr = {k: float(np.mean(z * t)) for k, t in templates(100).items()}
    e = np.exp((np.array(list(corr.values())) - max(corr.values())) / _TEMPERATURE)
    probs = e / e.sum()
    scores = dict(zip(corr, probs.tolist(), strict=True))
    name = max(scores, key=scores.__getitem__)
    confidence = scores[name] * min(1.0, amplitude / _FULL_AMPLITUDE)
    return {
        "name": name if amplitude > 0 else None,
        "confidence": round(confidence, _R),
        "scores": {k: round(v, _R) for k, v in scores.items()},
        "correlations": {k: round(v, _R) for k, v in corr.items()},
        "amplitude": round(amplitude, _R),
    }


def _sentence_signal(story: Story, labels: list[str], values: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """(positions in [0, 1], scores sentences x labels) from model probabilities and feelings."""
    n = max(len(story.text), 1)
    pos = np.array([(s.start + s.end) / 2 / n for s in story.sentences], dtype=float)
    col = {lab: j for j, lab in enumerate(labels)}
    scores = np.zeros((len(story.sentences), len(labels)))
    for i, s in enumerate(story.sentences):
        for lab, p in s.emotions.items():
            j = col.get(lab)
            if j is not None:
                scores[i, j] = p
    if story.feelings and story.sentences:
        starts = np.array([s.start for s in story.sentences])
        for f in story.feelings:
            j = col.get(f.emotion)
            if j is None:
                continue
            i = int(np.searchsorted(starts, f.start, side="right")) - 1
            if i >= 0:
                scores[i, j] = max(scores[i, j], f.intensity)
    return pos, scores


def _valence(scores: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """Per row, the valence of its emotion scores (neutral left out): the scores' weighted sum over their total,
    or over 1 when they add up to less, so a sentence that is mostly neutral stays near 0. Not the weighted
    mean of :func:`heartline.language.valence.mean_valence`, which would give a faint feeling full weight."""
    return (scores @ vals) / np.maximum(1.0, scores.sum(axis=1))


def main_characters(story: Story, k: int = 5) -> list[str]:
    """Up to ``k`` characters by mentions plus spoken lines plus feelings felt (present or not)."""
    felt = Counter(f.experiencer for f in story.feelings if f.experiencer)
    ranked = sorted(story.characters, key=lambda c: -(c.mentions + c.quotes + felt.get(c.id, 0)))
    out = [c.id for c in ranked if c.mentions + c.quotes + felt.get(c.id, 0) > 0][:k]
    if not out:
        out = [cid for cid, _ in felt.most_common(k)]
    return out


def _character_arc(story: Story, cid: str, grid: np.ndarray, bandwidth: float,
                   values: dict[str, float], min_feelings: int) -> dict[str, Any] | None:  # fmt: skip
    fs = [f for f in story.feelings if f.experiencer == cid and f.intensity > 0]
    if len(fs) < min_feelings:
        return None
    n = max(len(story.text), 1)
    x = np.array([(f.start + f.end) / 2 / n for f in fs])
    w = np.array([f.intensity for f in fs])
    y = np.array([values.get(f.emotion, 0.0) for f in fs])
    totals: dict[str, float] = defaultdict(float)
    for f in fs:
        totals[f.emotion] += f.intensity
    top = sorted(totals, key=lambda e: -totals[e])[:6]
    ind = np.array([[1.0 if f.emotion == e else 0.0 for e in top] for f in fs])
    val = smooth(x, y, grid, bandwidth, w)
    shares = smooth(x, ind, grid, bandwidth, w)
    return {
        "feelings": len(fs),
        "valence": _rl(np.clip(val, -1, 1)),
        "emotions": {e: _rl(np.clip(shares[:, j], 0, 1)) for j, e in enumerate(top)},
        "shape": arc_shape(val),
        "start": round(float(val[0]), _R),
        "end": round(float(val[-1]), _R),
    }


def build_arcs(story: Story, points: int = 100, bandwidth: float = 0.08, max_emotions: int = 10,
               characters: int = 5, min_feelings: int = 5) -> dict[str, Any]:  # fmt: skip
    """The ``arcs`` of a reading (JSON-able; see docs/feelings.md)."""
    values = dict(VALUES)
    labels = [lab for lab in values if lab != "neutral"]
    vals = np.array([values[lab] for lab in labels])
    grid = np.linspace(0.0, 1.0, points)
    out: dict[str, Any] = {
        "method": {
            "signal": "max(model probability, feeling intensity) per sentence and emotion",
            "smoothing": "local linear Gaussian kernel",
            "bandwidth": bandwidth,
            "points": points,
            "shapes": "correlation with Reagan et al. 2016 templates, softmax T=0.15",
        },
        "x": _rl(grid),
        "story": None,
        "characters": {},
        "main_characters": main_characters(story, characters),
    }
    if not story.sentences:
        return out
    pos, scores = _sentence_signal(story, labels, values)
    v = _valence(scores, vals)
    bx, by, bw = _binned(pos, np.column_stack([v, scores]), np.ones_like(pos))
    sm = smooth(bx, by, grid, bandwidth, bw)
    valence = np.clip(sm[:, 0], -1, 1)
    means = scores.mean(axis=0)
    order = [j for j in np.argsort(-means)[:max_emotions] if means[j] > 0]
    out["story"] = {
        "valence": _rl(valence),
        "emotions": {labels[j]: _rl(np.clip(sm[:, 1 + j], 0, 1)) for j in order},
        "shape": arc_shape(valence),
        "start": round(float(valence[0]), _R),
        "end": round(float(valence[-1]), _R),
        "sentences": len(story.sentences),
    }
    for cid in out["main_characters"]:
        arc = _character_arc(story, cid, grid, bandwidth, values, min_feelings)
        if arc is not None:
            out["characters"][cid] = arc
    return out


@register_step("arcs", requires=("sentences", "sentences.emotions", "feelings"), assigns=("arcs",))
def make_arcs(*, points: int = 100, bandwidth: float = 0.08, characters: int = 5) -> Callable[[Story], None]:
    """Valence and emotion arcs over story time for the story and its main characters, and their shapes."""

    def step(story: Story) -> None:
        story.arcs = build_arcs(story, points=points, bandwidth=bandwidth, characters=characters)

    return step
