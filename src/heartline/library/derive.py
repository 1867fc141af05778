"""A reading turned into the rows of the library's query tables (built before the write transaction).

Everything ``find``, ``list`` and ``similar`` ask is answered from these rows, never from the stored
reading JSON, so a query costs index look-ups rather than decompressing stories:

- ``names``: every way a character is called (full name, each alias, each word of them, the id), lower
  case, so "wil" finds the Willow whose story calls her Wil and "bennet" finds Elizabeth Bennet;
- ``bonds`` with ``weight`` (strength over the story's strongest bond: 1 for the main pair);
- ``bond_emotions``: per bond and emotion, its share of the bond, the share never said aloud (the
  unsaid), its trend over the bond's timeline windows and the story's strongest sentence for it;
- ``story_emotions``: the story's emotion mix over all feelings, with a trend from the arc series;
- ``arcs``, ``labels`` (fandom, relationship, tag: lower-case keys), ``characters``.

Trend of an emotion: a weighted least-squares line through its share per window (window = the bond's
timeline windows, weighted by the bond's intensity there; for the story, the smoothed arc series); the
change of that line from start to end over its mean level is ``change``; ``rising`` at +0.5 or more,
``falling`` at -0.5 or less, else ``steady``; ``None`` with fewer than two windows with feelings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from typing import Any

__all__ = ["TREND_CHANGE", "derive", "emotion_trend", "name_keys", "sentence"]

TREND_CHANGE = 0.5
_MIN_SHARE = 0.03  # smaller shares of a bond are noise, not kept in bond_emotions
_QUOTE_CHARS = 280
_WORD = re.compile(r"[\w'’-]+")
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "the", "a", "an", "of", "st", "saint"}


def sentence(text: str, start: int, end: int) -> str:
    """The span as one line of at most ~280 characters."""
    s = " ".join(text[start:end].split())
    return s if len(s) <= _QUOTE_CHARS else s[: _QUOTE_CHARS - 1].rstrip() + "…"


def _quote_weight(text: str, f: dict[str, Any]) -> float:
    """A feeling's intensity, discounted for very short sentences ("Thank you.") that make poor quotes."""
    words = len(text[f["start"] : f["end"]].split())
    return float(f.get("intensity") or 0.0) * min(1.0, words / 8)


def name_keys(names: list[str]) -> dict[str, int]:
    """Lower-case search keys for a character's name forms: 1 for a whole name form, 0 for one word of it."""
    keys: dict[str, int] = {}
    for name in names:
        if not name:
            continue
        whole = " ".join(name.lower().replace("-", " ").split()) if "-" in name and " " not in name else None
        low = " ".join(name.lower().split())
        keys[low] = 1
        if whole:
            keys.setdefault(whole, 1)
        for word in _WORD.findall(low):
            word = word.strip("'’-")
            if len(word) >= 2 and word not in _TITLES:
                keys.setdefault(word, 0)
    return keys


def emotion_trend(xs: list[float], ys: list[float], ws: list[float]) -> tuple[float | None, str | None]:
    """(change, direction) of a weighted least-squares line through (x, y); change is relative to the mean."""
    pts = [(x, y, w) for x, y, w in zip(xs, ys, ws, strict=True) if w > 0]
    if len(pts) < 2:
        return None, None
    sw = sum(w for _, _, w in pts)
    xm = sum(x * w for x, _, w in pts) / sw
    ym = sum(y * w for _, y, w in pts) / sw
    sxx = sum(w * (x - xm) ** 2 for x, _, w in pts)
    if sxx <= 1e-12:
        return None, None
    slope = sum(w * (x - xm) * (y - ym) for x, y, w in pts) / sxx
    span = max(x for x, _, _ in pts) - min(x for x, _, _ in pts)
    change = slope * span / max(ym, 0.05)
    direction = "rising" if change >= TREND_CHANGE else "falling" if change <= -TREND_CHANGE else "steady"
    return round(change, 4), direction


def _names_of(characters: dict[str, dict[str, Any]], cid: str) -> str:
    c = characters.get(cid)
    return (c.get("name") if c else None) or cid


def derive(reading: dict[str, Any]) -> dict[str, Any]:
    """The query-table rows of one reading (without the story key, which the store adds)."""
    text: str = reading.get("text") or ""
    length = max(1, len(text))
    characters = {c["id"]: c for c in reading.get("characters") or []}
    feelings = reading.get("feelings") or []
    bonds = reading.get("bonds") or []
    arcs = reading.get("arcs") or {}

    most = max((int(c.get("mentions") or 0) for c in characters.values()), default=0) or 1
    char_rows = []
    name_rows: dict[tuple[str, str], int] = {}
    for cid, c in characters.items():
        char_rows.append(
            {
                "character": cid,
                "name": c.get("name") or cid,
                "aliases": list(c.get("aliases") or []),
                "gender": c.get("gender"),
                "mentions": int(c.get("mentions") or 0),
                "quotes": int(c.get("quotes") or 0),
                "present": bool(c.get("present")),
                "weight": round(int(c.get("mentions") or 0) / most, 4),
            }
        )
        for key, exact in name_keys([c.get("name") or "", *(c.get("aliases") or []), cid]).items():
            name_rows[(key, cid)] = max(exact, name_rows.get((key, cid), 0))

    # feelings per bond and per label, each with its window
    by_bond: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in feelings:
        by_label[f["emotion"]].append(f)
        if f.get("experiencer") and f.get("target"):
            by_bond[(f["experiencer"], f["target"])].append(f)

    strongest = max((float(b.get("strength") or 0.0) for b in bonds), default=0.0) or 1.0
    bond_rows, emotion_rows, window_rows = [], [], []
    for rank, b in enumerate(sorted(bonds, key=lambda b: -(b.get("strength") or 0.0))):
        src, tgt = b["source"], b["target"]
        emotions: dict[str, float] = b.get("emotions") or {}
        unsaid = b.get("unsaid") or {}
        unsaid_emotions: dict[str, float] = unsaid.get("emotions") or {}
        strength = float(b.get("strength") or 0.0)
        trend = b.get("trend") or {}
        mutual = b.get("mutual") or {}
        bf = by_bond.get((src, tgt), [])
        top_label = next(iter(emotions), None)
        best = max(
            [f for f in bf if f["emotion"] == top_label] or bf,
            key=lambda f: _quote_weight(text, f),
            default=None,
        )
        examples = unsaid.get("examples") or []
        bond_rows.append(
            {
                "source": src,
                "target": tgt,
                "source_name": _names_of(characters, src),
                "target_name": _names_of(characters, tgt),
                "rank": rank,
                "weight": round(strength / strongest, 4),
                "valence": b.get("valence"),
                "strength": strength,
                "count": int(b.get("count") or 0),
                "voiced_share": b.get("voiced_share"),
                "trend": trend.get("direction"),
                "trend_slope": trend.get("valence_slope"),
                "mutuality": mutual.get("mutuality"),
                "asymmetry": mutual.get("asymmetry"),
                "unsaid_weight": float(unsaid.get("weight") or 0.0),
                "emotions": {k: round(float(v), 4) for k, v in list(emotions.items())[:5]},
                "quote": sentence(text, best["start"], best["end"]) if best else None,
                "unsaid_quote": sentence(text, *examples[0]) if examples else None,
            }
        )
        timeline = b.get("timeline") or []
        starts = [int(w["start"]) for w in timeline]
        mids = [(int(w["start"]) + int(w["end"])) / 2 / length for w in timeline]
        totals = [0.0] * len(timeline)
        n_windows = len(timeline)
        per_label: dict[str, list[float]] = defaultdict(lambda n=n_windows: [0.0] * n)  # type: ignore[misc]
        strongest_of: dict[str, dict[str, Any]] = {}
        for f in bf:
            intensity = float(f.get("intensity") or 0.0)
            label = f["emotion"]
            if timeline:
                i = max(0, bisect_right(starts, int(f["start"])) - 1)
                totals[i] += intensity
                per_label[label][i] += intensity
            if label not in strongest_of or _quote_weight(text, f) > _quote_weight(text, strongest_of[label]):
                strongest_of[label] = f
        for label in dict.fromkeys([*emotions, *unsaid_emotions]):
            share = float(emotions.get(label) or 0.0)
            unsaid_share = float(unsaid_emotions.get(label) or 0.0) / strength if strength else 0.0
            if share < _MIN_SHARE and unsaid_share <= 0:
                continue
            shares = [(per_label[label][i] / t) if t else 0.0 for i, t in enumerate(totals)]
            change, direction = emotion_trend(mids, shares, totals)
            f = strongest_of.get(label)
            emotion_rows.append(
                {
                    "source": src,
                    "target": tgt,
                    "emotion": label,
                    "share": round(share, 4),
                    "unsaid": round(min(1.0, unsaid_share), 4),
                    "change": change,
                    "trend": direction,
                    "quote": sentence(text, f["start"], f["end"]) if f else None,
                }
            )
        for w in timeline:
            window_rows.append(
                {
                    "source": src,
                    "target": tgt,
                    "window": int(w["window"]),
                    "start": int(w["start"]),
                    "end": int(w["end"]),
                    "chapter": w.get("chapter"),
                    "count": int(w.get("count") or 0),
                    "strength": w.get("strength"),
                    "valence": w.get("valence"),
                    "top": list(w.get("top") or []),
                }
            )

    # the story's emotion mix (all feelings, directed or not) and each emotion's trend from the arc series
    total = sum(float(f.get("intensity") or 0.0) for f in feelings) or 1.0
    story_arc = arcs.get("story") or {}
    series: dict[str, list[float]] = story_arc.get("emotions") or {}
    xs = [float(v) for v in arcs.get("x") or []]
    story_emotion_rows = []
    for label, fs in by_label.items():
        share = sum(float(f.get("intensity") or 0.0) for f in fs) / total
        change = direction = None
        ys = series.get(label)
        if ys and len(ys) == len(xs):
            change, direction = emotion_trend(xs, [float(y or 0.0) for y in ys], [1.0] * len(xs))
        best = max(fs, key=lambda f: _quote_weight(text, f))
        story_emotion_rows.append(
            {
                "emotion": label,
                "share": round(share, 4),
                "change": change,
                "trend": direction,
                "quote": sentence(text, best["start"], best["end"]),
            }
        )

    arc_rows = []
    subjects: list[tuple[str, dict[str, Any]]] = [("story", story_arc)] if story_arc else []
    subjects += [(cid, a) for cid, a in (arcs.get("characters") or {}).items() if a]
    for subject, a in subjects:
        shape = a.get("shape") or {}
        arc_rows.append(
            {
                "subject": subject,
                "shape": shape.get("name"),
                "confidence": shape.get("confidence"),
                "amplitude": shape.get("amplitude"),
                "start": a.get("start"),
                "end": a.get("end"),
            }
        )

    meta = reading.get("metadata") or {}
    labels: dict[tuple[str, str], str] = {}
    for kind, key in (("fandom", "fandoms"), ("relationship", "relationships"), ("tag", "tags")):
        for value in meta.get(key) or []:
            if value and str(value).strip():
                labels.setdefault((kind, " ".join(str(value).lower().split())), str(value))
    return {
        "characters": char_rows,
        "names": [{"key": k, "character": c, "exact": e} for (k, c), e in name_rows.items()],
        "bonds": bond_rows,
        "bond_emotions": emotion_rows,
        "bond_windows": window_rows,
        "story_emotions": story_emotion_rows,
        "arcs": arc_rows,
        "labels": [{"kind": k, "key": key, "value": v} for (k, key), v in labels.items()],
    }
