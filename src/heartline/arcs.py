"""Emotional arcs: valence and emotion series over story time, smoothed without ringing, and their shape.

Signal. Each sentence gets a score per emotion: the larger of the emotion model's probability and the
intensity of any feeling found in it (so the narration lexicon counts too); its valence is
``sum(score * valence) / max(1, sum(score))``, in [-1, 1]. A label's valence is the emotion model's own
map fitted on EmoBank fiction (``valence.json`` in the model folder, :func:`arc_values`) when the model has
one, else the hand-set table (``heartline.language.valence.VALUES``). Story time is the character offset of the
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

A shape is named only when the arc stands out from its own noise: a permutation test shuffles the
points' values over their story times (``PERMUTATIONS`` times, a fixed seed), smooths each shuffle the
same way and compares RMS amplitudes (the smoothed curve's standard deviation). With ``p > ALPHA`` (the
arc's amplitude is one a shuffled, timeless signal reaches often) or an amplitude under ``MIN_AMPLITUDE``
the name is ``"flat"``. A significant arc whose best template correlates under ``MIN_CORRELATION`` with
it, or whose template rises where the drawn curve falls (or falls where it rises), is ``"unclear"``. The
test is in the shape's ``test``; the best template stays in ``template``.

Gaps. A series has no value (``None`` in the JSON) at a story time with no data nearby: no sentence or
feeling within ``GAP_BANDWIDTHS`` kernel bandwidths. A character's start, end and shape are read from the
drawn points only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import numpy as np

from .language.valence import VALUES
from .pipeline import register_step
from .story import Story

__all__ = [
    "ALPHA",
    "GAP_BANDWIDTHS",
    "MIN_AMPLITUDE",
    "MIN_CORRELATION",
    "PERMUTATIONS",
    "SHAPES",
    "SHAPE_NAMES",
    "arc_shape",
    "arc_values",
    "build_arcs",
    "make_arcs",
    "permutation_test",
    "smooth",
    "templates",
]

SHAPES = ("rags to riches", "tragedy", "man in a hole", "Icarus", "Cinderella", "Oedipus")
SHAPE_NAMES = (*SHAPES, "flat", "unclear")  # every name a shape can have: the six, or no shape to name
_TEMPERATURE = 0.15
_FULL_AMPLITUDE = 0.05  # a valence range that counts as a clear arc
MIN_AMPLITUDE = 0.05  # below this valence range an arc is flat whatever its test says
ALPHA = 0.05  # the permutation test's level: p above it and the arc is flat
PERMUTATIONS = 199  # shuffles per test: p is resolved to 1/200
MIN_CORRELATION = 0.6  # a significant arc must correlate at least this well with its template
GAP_BANDWIDTHS = 2.0  # no data within this many bandwidths of a point: the series has a gap there
# the templates' overall direction: +1 ends higher than it starts, -1 lower, 0 either (ends level)
_DIRECTION = {"rags to riches": 1, "tragedy": -1, "man in a hole": 0, "Icarus": 0, "Cinderella": 1, "Oedipus": -1}
_SEED = 20160701
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


def permutation_test(x: np.ndarray, y: np.ndarray, w: np.ndarray, grid: np.ndarray, bandwidth: float,
                     permutations: int = PERMUTATIONS, bins: int = 200) -> dict[str, Any]:  # fmt: skip
    """Does the smoothed arc's amplitude stand out from the same values shuffled over story time?

    ``(x, y, w)`` are the points (story time, value, weight) the arc is smoothed from. The statistic is the
    RMS amplitude (standard deviation over ``grid``) of the local linear kernel fit (no clipping) of their
    weighted sums in ``bins`` bins (far narrower than the kernel); each shuffle moves the (value, weight)
    pairs to random story times and is measured the same way, all shuffles at once as matrix products.
    The RMS rather than max - min: a range is set by the two most extreme points of the curve, where a
    noisy fit is noisiest, so it separates a real arc from noise less well.
    ``p = (1 + #shuffles with amplitude >= observed) / (1 + permutations)``.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    rng = np.random.default_rng(_SEED)
    order = np.tile(np.arange(x.size), (permutations + 1, 1))
    order[1:] = rng.permuted(order[1:], axis=1)
    cols = order.T  # points x columns: column 0 the real order, then the shuffles
    idx = np.minimum((x * bins).astype(int), bins - 1)
    flat = (idx[:, None] + bins * np.arange(cols.shape[1])[None, :]).ravel()
    size = bins * cols.shape[1]
    if np.all(w == w[0]):  # equal weights: every shuffle puts the same weight in each bin
        wb = np.repeat(np.bincount(idx, weights=w, minlength=bins)[:, None], cols.shape[1], axis=1)
    else:
        wb = np.bincount(flat, weights=w[cols].ravel(), minlength=size).reshape(-1, bins).T  # bins x columns
    yb = np.bincount(flat, weights=(w * y)[cols].ravel(), minlength=size).reshape(-1, bins).T
    centres = (np.arange(bins) + 0.5) / bins
    d = centres[None, :] - grid[:, None]
    k = np.exp(-0.5 * (d / bandwidth) ** 2)
    s0, s1, s2 = k @ wb, (k * d) @ wb, (k * d * d) @ wb
    t0, t1 = k @ yb, (k * d) @ yb
    det = s0 * s2 - s1 * s1
    ok = det > 1e-9 * np.maximum(s0 * s2, 1e-300)
    mean = t0 / np.where(s0 > 1e-12, s0, 1.0)
    fit = np.where(ok, (s2 * t0 - s1 * t1) / np.where(ok, det, 1.0), mean)
    amps = fit.std(axis=0) if grid.size else np.zeros(cols.shape[1])
    observed, null = float(amps[0]), amps[1:]
    p = (1 + int((null >= observed - 1e-12).sum())) / (1 + permutations)
    return {
        "method": "permutation: values shuffled over story time, smoothed alike; statistic = RMS amplitude",
        "permutations": permutations,
        "amplitude": round(observed, _R),
        "noise_amplitude": round(float(np.median(null)), _R) if null.size else 0.0,
        "p_value": round(p, _R),
        "alpha": ALPHA,
        "significant": p <= ALPHA,
    }


def arc_shape(arc: np.ndarray | list[float | None], test: dict[str, Any] | None = None,
              x: np.ndarray | None = None) -> dict[str, Any]:  # fmt: skip
    """The closest of the six shapes: ``name``, ``confidence``, ``scores`` (softmax) and ``correlations``.

    With ``test`` (a :func:`permutation_test` result) the name is ``"flat"`` unless the test is
    significant, and ``"unclear"`` when no template fits the drawn curve (see the module docstring).
    ``None`` values (gaps) are left out: the shape is read from the drawn points, at their story times
    ``x`` when given (a gap then spans the time it covers, bridged by a straight line), else evenly spaced.
    """
    a = np.asarray([np.nan if v is None else v for v in arc], dtype=float)
    xs = np.linspace(0.0, 1.0, a.size) if x is None else np.asarray(x, dtype=float)
    keep = np.isfinite(a)
    a, xs = a[keep], xs[keep]
    if a.size < 3:
        return {"name": None, "confidence": 0.0, "scores": {}, "correlations": {}, "amplitude": 0.0,
                "template": None, "test": test}  # fmt: skip
    resampled = np.interp(np.linspace(xs[0], xs[-1], 100), xs, a)
    amplitude = float(resampled.max() - resampled.min())
    z = _z(resampled)
    corr = {k: float(np.mean(z * t)) for k, t in templates(100).items()}
    e = np.exp((np.array(list(corr.values())) - max(corr.values())) / _TEMPERATURE)
    probs = e / e.sum()
    scores = dict(zip(corr, probs.tolist(), strict=True))
    best = max(scores, key=scores.__getitem__)
    confidence = scores[best] * min(1.0, amplitude / _FULL_AMPLITUDE)
    name: str | None = best if amplitude > 0 else None
    if test is not None:
        rise = float(a[-1] - a[0])
        wrong_way = _DIRECTION[best] * rise < -0.25 * amplitude  # the template goes one way, the curve the other
        if amplitude < MIN_AMPLITUDE or not test.get("significant"):
            name, confidence = "flat", 0.0
        elif corr[best] < MIN_CORRELATION or wrong_way:
            name, confidence = "unclear", 0.0
    return {
        "name": name,
        "confidence": round(confidence, _R),
        "scores": {k: round(v, _R) for k, v in scores.items()},
        "correlations": {k: round(v, _R) for k, v in corr.items()},
        "amplitude": round(amplitude, _R),
        "template": best if amplitude > 0 else None,
        "test": test,
    }


def _covered(x: np.ndarray, grid: np.ndarray, bandwidth: float) -> np.ndarray:
    """Grid points with a data point within ``GAP_BANDWIDTHS`` bandwidths."""
    if x.size == 0:
        return np.zeros(grid.size, dtype=bool)
    xs = np.sort(x)
    i = np.clip(np.searchsorted(xs, grid), 1, xs.size) - 1
    j = np.clip(i + 1, 0, xs.size - 1)
    near = np.minimum(np.abs(xs[i] - grid), np.abs(xs[j] - grid))
    return near <= GAP_BANDWIDTHS * bandwidth


def _gapped(a: np.ndarray, covered: np.ndarray) -> list[float | None]:
    return [round(float(v), _R) if c else None for v, c in zip(a, covered, strict=True)]


def _ends(series: list[float | None]) -> tuple[float | None, float | None]:
    drawn = [v for v in series if v is not None]
    return (drawn[0], drawn[-1]) if drawn else (None, None)


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


def arc_values(story: Story) -> tuple[dict[str, float], str]:
    """Each label's valence for the arcs, and where it comes from: the map of the model that read ``story``
    (set by the emotions step), else the shipped default model's map, else the hand-set table."""
    weights = story.cache.get("valence_weights")
    if weights:
        return {**VALUES, **weights, "neutral": 0.0}, "emotion model's valence map fitted on EmoBank"
    from .emotions.model import valence_weights
    from .errors import ModelError

    try:
        weights = valence_weights()
    except ModelError:
        weights = None
    if weights:
        return {**VALUES, **weights, "neutral": 0.0}, "default emotion model's valence map fitted on EmoBank"
    return dict(VALUES), "hand-set valence table"


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
    val = np.clip(smooth(x, y, grid, bandwidth, w), -1, 1)
    shares = smooth(x, ind, grid, bandwidth, w)
    covered = _covered(x, grid, bandwidth)
    series = _gapped(val, covered)
    drawn = val[covered]
    test = permutation_test(x, y, w, grid[covered], bandwidth) if drawn.size >= 3 else None
    start, end = _ends(series)
    return {
        "feelings": len(fs),
        "valence": series,
        "emotions": {e: _gapped(np.clip(shares[:, j], 0, 1), covered) for j, e in enumerate(top)},
        "shape": arc_shape(drawn, test, grid[covered]),
        "start": start,
        "end": end,
    }


def build_arcs(story: Story, points: int = 100, bandwidth: float = 0.08, max_emotions: int = 10,
               characters: int = 5, min_feelings: int = 5) -> dict[str, Any]:  # fmt: skip
    """The ``arcs`` of a reading (JSON-able; see docs/feelings.md)."""
    values, source = arc_values(story)
    labels = [lab for lab in values if lab != "neutral"]
    vals = np.array([values[lab] for lab in labels])
    grid = np.linspace(0.0, 1.0, points)
    out: dict[str, Any] = {
        "method": {
            "signal": "max(model probability, feeling intensity) per sentence and emotion",
            "valence": source,
            "smoothing": "local linear Gaussian kernel",
            "bandwidth": bandwidth,
            "points": points,
            "shapes": "correlation with Reagan et al. 2016 templates, softmax T=0.15",
            "shape_test": f"permutation test of the amplitude, {PERMUTATIONS} shuffles, alpha {ALPHA}; "
            f"flat under amplitude {MIN_AMPLITUDE}; unclear under correlation {MIN_CORRELATION} or against "
            "the curve's direction",
            "gaps": f"no value where no data lies within {GAP_BANDWIDTHS} bandwidths",
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
    covered = _covered(pos, grid, bandwidth)
    series = _gapped(valence, covered)
    drawn = valence[covered]
    test = permutation_test(pos, v, np.ones_like(v), grid[covered], bandwidth) if drawn.size >= 3 else None
    start, end = _ends(series)
    out["story"] = {
        "valence": series,
        "emotions": {labels[j]: _gapped(np.clip(sm[:, 1 + j], 0, 1), covered) for j in order},
        "shape": arc_shape(drawn, test, grid[covered]),
        "start": start,
        "end": end,
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
