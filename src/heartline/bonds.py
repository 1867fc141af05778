"""Directed bonds: what each character feels toward each other one, how it changes, and what stays unsaid.

A :class:`~heartline.story.Bond` ``A -> B`` gathers every feeling whose experiencer is A and whose target
is B (the feelings step). Its fields:

* ``emotions``: the share of each emotion in the bond's total intensity (sums to 1), **most distinctive
  first**: ordered by how much more A feels it toward B than the story's own base rates say (below);
* ``strength``: the total intensity of the feelings (a sum, so long stories have stronger bonds);
* ``valence``: the weighted mean valence of the feelings, in [-1, 1]: how A stands toward B, so a state of A's
  own (sadness, fear, remorse...: ``SELF_STATES``) counts a quarter, and a model label with no emotion word
  (no ``trigger``) half, of its intensity;
* ``timeline``: one entry per window of story time (chapters, grouped to at most ``max_windows``, or
  equal slices of the text when there are too few chapters).

and in ``extra`` (serialised as top-level keys of the bond):

* ``shares``: the same shares, largest first (the raw profile);
* ``distinctive``: ``{label: {log_odds, z, lower, lift, base}}``, most distinctive first (below);
* ``tagged``: ``"romantic"`` or ``"platonic"`` when the work's relationship tags (AO3: "A/B", "A & B")
  name the pair, else None (:func:`tagged_pairs`);
* ``count``, ``voiced_share`` (the share of intensity said aloud by A);
* ``trend``: the slope of valence over the windows, and a direction (rising / falling / steady);
* ``mutual``: how B -> A compares (``reverse_strength``, ``reverse_valence``, ``mutuality`` = the weaker
  strength over the stronger, ``asymmetry`` = (A->B - B->A) / (A->B + B->A), ``valence_gap``,
  ``profile_similarity`` = cosine of the two emotion profiles);
* ``unsaid``: what A feels toward B in narration and never voices to B: ``emotions`` (label -> narrated
  intensity of each label A never says aloud to B), ``weight`` (their sum) and ``examples`` (up to five
  ``[start, end]`` spans of the narration, strongest first). States of mind
  (:data:`heartline.language.lexicon.STATES_OF_MIND`: realization, confusion, curiosity, surprise) are not
  feelings kept back and are never unsaid.

Distinctiveness (:func:`distinctive_profile`) is the log-odds ratio with an informative Dirichlet prior of
Monroe, Colaresi and Quinn (2008, "Fightin' Words"), on feeling intensities as counts: the pair's
intensity ``y`` of a label out of its total ``n``, against a reference ``y'`` out of ``n'``: the rest of
the story's feelings plus ``EVERYWHERE_STRENGTH`` pseudo-intensity spread as the labels the model gives
everywhere (``FEELING_BASE_RATES``, measured on whole novels), each smoothed by
``a = PRIOR_STRENGTH * prior[label]`` where the prior is the mean of the story's shares and those rates::

    delta = log((y + a) / (n + A - y - a)) - log((y' + a) / (n' + A - y' - a))
    z = delta / sqrt(1 / (y + a) + 1 / (y' + a))

``delta`` (``log_odds``) says how much more the pair feels it; ``z`` is the confidence, growing with the
evidence (about with the square root of the intensity behind it). Labels are ordered by
``lower = delta - sqrt(var)``, a one-standard-deviation lower bound: as distinctive as the evidence allows
one to be sure of, so one faint feeling of a rare label does not outrank a pair's steady love, nor a
label merely frequent everywhere outrank one the pair has far more than the rest. ``lift`` is the pair's
smoothed share over the reference share ``base``. Labels the model gives everywhere (curiosity, approval,
disapproval in a Reddit-trained model) are common in the reference, so they sink.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from .language.lexicon import STATES_OF_MIND
from .language.tags import relationship_pairs
from .language.valence import FEELING_BASE_RATES, mean_valence
from .pipeline import register_step
from .story import Bond, Feeling, Story

__all__ = [
    "EVERYWHERE_STRENGTH",
    "PRIOR_STRENGTH",
    "SELF_STATES",
    "build_bonds",
    "distinctive_profile",
    "feels_most",
    "make_bonds",
    "story_base_rates",
    "story_windows",
    "tagged_pairs",
]

_R = 4  # decimals kept in the JSON
PRIOR_STRENGTH = 10.0  # the Dirichlet prior's total pseudo-intensity (A): about ten feelings' worth
EVERYWHERE_STRENGTH = 20.0  # the global base rates' weight in the reference, in pseudo-intensity


def _r(x: float) -> float:
    return round(float(x), _R)


def story_windows(story: Story, max_windows: int = 20) -> list[tuple[int, int, int | None]]:
    """Windows of story time: ``(start, end, first chapter index or None)``.

    Chapters when there are at least three (consecutive chapters grouped so there are at most
    ``max_windows``), else equal slices of the text: 5 for a story under 5,000 words, else 10.
    """
    n_text = len(story.text)
    chapters = story.chapters
    if len(chapters) >= 3:
        per = math.ceil(len(chapters) / max_windows)
        out: list[tuple[int, int, int | None]] = []
        for i in range(0, len(chapters), per):
            group = chapters[i : i + per]
            out.append((group[0].start, group[-1].end, i))
        return out
    k = 5 if story.metadata.words < 5000 else 10
    k = min(k, max_windows)
    edges = [round(n_text * j / k) for j in range(k + 1)]
    return [(edges[j], edges[j + 1], None) for j in range(k)]


def _quote_spans(story: Story) -> tuple[list[int], list[int]]:
    spans = sorted((q.start, q.end) for q in story.quotes)
    return [s for s, _ in spans], [e for _, e in spans]


def _in_quote(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and starts[i] <= start and end <= ends[i]


def _profile(feelings: list[Feeling]) -> dict[str, float]:
    sums: dict[str, float] = defaultdict(float)
    for f in feelings:
        sums[f.emotion] += f.intensity
    return dict(sums)


# A bond's valence is how A stands toward B. A state of A's own (sadness when missing B, fear for B, remorse,
# embarrassment, nervousness, relief) says how A is more than how A takes B: it counts at SELF_STATE_WEIGHT.
# A model label read from a whole sentence with no emotion word in it (no trigger: "You didn't." as
# disapproval, "Yeah." as approval) is weaker evidence than a word that says the feeling: WORDLESS_WEIGHT.
SELF_STATES = frozenset({"sadness", "grief", "fear", "nervousness", "embarrassment", "remorse", "relief"})
SELF_STATE_WEIGHT = 0.25
WORDLESS_WEIGHT = 0.5


def _valence(feelings: list[Feeling]) -> float:
    return mean_valence((f.emotion, f.intensity * _valence_weight(f)) for f in feelings)


def _valence_weight(f: Feeling) -> float:
    w = SELF_STATE_WEIGHT if f.emotion in SELF_STATES else 1.0
    return w if f.trigger is not None else w * WORDLESS_WEIGHT


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _slope(points: list[tuple[float, float, float]]) -> float | None:
    """Weighted least-squares slope of (x, y, weight) points; None with fewer than two windows."""
    if len(points) < 2:
        return None
    w = sum(p[2] for p in points)
    mx = sum(p[0] * p[2] for p in points) / w
    my = sum(p[1] * p[2] for p in points) / w
    sxx = sum(p[2] * (p[0] - mx) ** 2 for p in points)
    if sxx <= 0:
        return None
    return sum(p[2] * (p[0] - mx) * (p[1] - my) for p in points) / sxx


def _timeline(
    feelings: list[Feeling], windows: list[tuple[int, int, int | None]], n_text: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    starts = [w[0] for w in windows]
    buckets: list[list[Feeling]] = [[] for _ in windows]
    for f in feelings:
        buckets[max(0, bisect.bisect_right(starts, f.start) - 1)].append(f)
    timeline = []
    points = []
    for i, ((s, e, ch), fs) in enumerate(zip(windows, buckets, strict=True)):
        entry: dict[str, Any] = {"window": i, "start": s, "end": e, "chapter": ch, "count": len(fs),
                                 "strength": _r(sum(f.intensity for f in fs)), "valence": None, "top": []}  # fmt: skip
        if fs:
            v = _valence(fs)
            entry["valence"] = _r(v)
            prof = _profile(fs)
            entry["top"] = sorted(prof, key=lambda k: -prof[k])[:3]
            points.append(((s + e) / 2 / max(n_text, 1), v, sum(f.intensity for f in fs)))
        timeline.append(entry)
    slope = _slope(points)
    direction = None if slope is None else ("rising" if slope > 0.2 else "falling" if slope < -0.2 else "steady")
    return timeline, {"valence_slope": None if slope is None else _r(slope), "direction": direction}


def _unsaid(feelings: list[Feeling], qs: list[int], qe: list[int]) -> dict[str, Any]:
    voiced = {f.emotion for f in feelings if f.voiced}
    narrated = [f for f in feelings if not f.voiced and not _in_quote(qs, qe, f.start, f.end)]
    kept = [f for f in narrated if f.emotion not in voiced and f.emotion not in STATES_OF_MIND]
    emotions = _profile(kept)
    examples: list[list[int]] = []
    for f in sorted(kept, key=lambda f: -f.intensity):
        span = [f.start, f.end]
        if span not in examples:
            examples.append(span)
        if len(examples) == 5:
            break
    ordered = dict(sorted(((k, _r(v)) for k, v in emotions.items()), key=lambda kv: -kv[1]))
    return {"emotions": ordered, "weight": _r(sum(emotions.values())), "examples": examples}


def story_base_rates(story: Story) -> tuple[dict[str, float], dict[str, float]]:
    """``(totals, prior)``: the intensity of every label over all the story's feelings (any experiencer,
    directed or not), and the prior shares: the mean of the story's feeling shares and the global base
    rates (:data:`~heartline.language.valence.FEELING_BASE_RATES`), with a floor so no label has a zero prior."""
    totals: dict[str, float] = defaultdict(float)
    for f in story.feelings:
        if f.emotion != "neutral" and f.intensity > 0 and math.isfinite(f.intensity):
            totals[f.emotion] += f.intensity
    parts = [d for d in (dict(totals), FEELING_BASE_RATES) if sum(d.values()) > 0]
    prior = {lab: 1e-3 for lab in set(FEELING_BASE_RATES) | set(totals)}
    for d in parts:
        whole = sum(d.values())
        for lab, v in d.items():
            prior[lab] += v / whole / len(parts)
    whole = sum(prior.values())
    return dict(totals), {lab: v / whole for lab, v in prior.items()}


def distinctive_profile(counts: dict[str, float], totals: dict[str, float], prior: dict[str, float],
                        strength: float = PRIOR_STRENGTH,
                        everywhere: float = EVERYWHERE_STRENGTH) -> dict[str, dict[str, float]]:  # fmt: skip
    """``{label: {log_odds, z, lower, lift, base}}`` for the labels in ``counts``, most distinctive first
    (by ``lower`` = log_odds - one standard deviation: distinctive, and with the evidence to show it).

    ``counts`` are one group's intensities (a bond, a character), ``totals`` the whole story's (the group
    included: the rest is ``totals - counts``), ``prior`` the prior shares (see the module docstring). The
    reference is the rest of the story plus ``everywhere`` pseudo-intensity spread as the global base rates.
    """
    n = sum(counts.values())
    ref = {lab: max(0.0, totals.get(lab, 0.0) - counts.get(lab, 0.0)) for lab in set(totals) | set(counts)}
    for lab, share in FEELING_BASE_RATES.items():
        ref[lab] = ref.get(lab, 0.0) + everywhere * share
    n_ref = sum(ref.values())
    out: dict[str, dict[str, float]] = {}
    for lab, y in counts.items():
        if y <= 0:
            continue
        a = strength * prior.get(lab, 1e-3)
        y2 = ref.get(lab, 0.0)
        delta = math.log((y + a) / max(n + strength - y - a, 1e-9)) - math.log(
            (y2 + a) / max(n_ref + strength - y2 - a, 1e-9)
        )
        sd = math.sqrt(1 / (y + a) + 1 / (y2 + a))
        base = (y2 + a) / (n_ref + strength)
        lift = ((y + a) / (n + strength)) / base
        out[lab] = {"log_odds": _r(delta), "z": _r(delta / sd), "lower": _r(delta - sd), "lift": _r(lift),
                    "base": _r(base)}  # fmt: skip
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["lower"], kv[0])))


def feels_most(story: Story, k: int = 3) -> dict[str, list[tuple[str, float]]]:
    """Each experiencer's ``k`` most distinctive emotions against the rest of the story and the model's
    usual labels (the same measure as a bond's), as ``(label, share of their feelings)``."""
    totals, prior = story_base_rates(story)
    felt: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in story.feelings:
        if f.experiencer is not None and f.emotion != "neutral" and f.intensity > 0 and math.isfinite(f.intensity):
            felt[f.experiencer][f.emotion] += f.intensity
    out: dict[str, list[tuple[str, float]]] = {}
    for cid, counts in felt.items():
        whole = sum(counts.values())
        out[cid] = [(lab, counts[lab] / whole) for lab in list(distinctive_profile(dict(counts), totals, prior))[:k]]
    return out


def tagged_pairs(story: Story) -> dict[frozenset[str], str]:
    """The pairs the work is about, from its relationship tags (AO3): ``{frozenset({a, b}): kind}`` with
    kind ``"romantic"`` ("A/B") or ``"platonic"`` ("A & B"); a tag of three names gives its three pairs.
    A name is matched to the character so named or so aliased (the characters step gives tagged
    characters their tag names); a romantic tag wins over a platonic one for the same pair."""
    by_name: dict[str, str] = {}
    for c in story.characters:
        for n in [*c.aliases, c.name]:  # the name last: it wins over another's alias
            by_name[n.lower()] = c.id
    out: dict[frozenset[str], str] = {}
    for tag in story.metadata.relationships:
        parsed = relationship_pairs(tag)
        if parsed is None:
            continue
        names, kind = parsed
        ids = [by_name.get(n.lower()) for n in names]
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if a and b and a != b and out.get(frozenset((a, b))) != "romantic":
                    out[frozenset((a, b))] = kind
    return out


def build_bonds(story: Story, max_windows: int = 20, min_strength: float = 0.0) -> list[Bond]:
    """Directed bonds from ``story.feelings``, strongest first (see the module docstring)."""
    totals, prior = story_base_rates(story)
    tagged = tagged_pairs(story)
    pairs: dict[tuple[str, str], list[Feeling]] = defaultdict(list)
    for f in story.feelings:
        if f.experiencer and f.target and f.experiencer != f.target:
            pairs[(f.experiencer, f.target)].append(f)
    windows = story_windows(story, max_windows)
    qs, qe = _quote_spans(story)
    raw: dict[tuple[str, str], tuple[float, float, dict[str, float]]] = {}
    bonds: dict[tuple[str, str], Bond] = {}
    for (a, b), fs in pairs.items():
        fs.sort(key=lambda f: f.start)
        prof = _profile(fs)
        strength = sum(prof.values())
        if strength < min_strength:
            continue
        valence = _valence(fs)
        raw[(a, b)] = (strength, valence, prof)
        timeline, trend = _timeline(fs, windows, len(story.text))
        shares = dict(sorted(((k, _r(v / strength)) for k, v in prof.items()), key=lambda kv: (-kv[1], kv[0])))
        distinct = distinctive_profile(prof, totals, prior)
        ordered = {k: shares[k] for k in distinct} | {k: v for k, v in shares.items() if k not in distinct}
        voiced = sum(f.intensity for f in fs if f.voiced)
        bonds[(a, b)] = Bond(a, b, _r(valence), _r(strength), ordered, timeline, {
            "shares": shares, "distinctive": distinct, "tagged": tagged.get(frozenset((a, b))),
            "count": len(fs), "voiced_share": _r(voiced / strength) if strength else 0.0, "trend": trend,
            "unsaid": _unsaid(fs, qs, qe)})  # fmt: skip
    for (a, b), bond in bonds.items():
        bond.extra["mutual"] = _mutual(raw[(a, b)], raw.get((b, a)))
    return sorted(bonds.values(), key=lambda x: (-x.strength, x.source, x.target))


def _mutual(ab: tuple[float, float, dict[str, float]],
            ba: tuple[float, float, dict[str, float]] | None) -> dict[str, Any]:  # fmt: skip
    s1, v1, p1 = ab
    if ba is None:
        return {"reverse_strength": 0.0, "reverse_valence": None, "mutuality": 0.0, "asymmetry": 1.0,
                "valence_gap": None, "profile_similarity": 0.0}  # fmt: skip
    s2, v2, p2 = ba
    return {
        "reverse_strength": _r(s2),
        "reverse_valence": _r(v2),
        "mutuality": _r(min(s1, s2) / max(s1, s2)) if max(s1, s2) > 0 else 0.0,
        "asymmetry": _r((s1 - s2) / (s1 + s2)) if s1 + s2 > 0 else 0.0,
        "valence_gap": _r(v1 - v2),
        "profile_similarity": _r(_cosine(p1, p2)),
    }


@register_step("bonds", requires=("feelings",), assigns=("bonds",))
def make_bonds(*, max_windows: int = 20, min_strength: float = 0.0) -> Callable[[Story], None]:
    """Directed bonds A -> B: emotion profile, valence, strength, timeline, mutuality and the unsaid."""

    def step(story: Story) -> None:
        story.bonds = build_bonds(story, max_windows=max_windows, min_strength=min_strength)

    return step
