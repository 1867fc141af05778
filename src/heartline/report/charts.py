"""Inline SVG drawn server-side: the bond map, the valence arcs, the mood strip and small sparklines.

No chart library: each figure is a few dozen lines of geometry, so the page needs no network and the
figures show with JavaScript off. Every number and name that reaches the SVG is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import Any

from ..story import Bond, Story
from .palette import valence_colour

__all__ = ["ArcSeries", "arc_chart", "bond_map", "mood_strip", "sparkline"]

# Lines for the main characters in the arcs chart: Okabe–Ito colours plus a dash pattern each, and each
# line is labelled at its end, so no reader has to match colours to a key.
_SERIES_STYLE = [
    ("#0072B2", ""),
    ("#D55E00", "7 4"),
    ("#009E73", "2 3"),
    ("#CC79A7", "10 3 2 3"),
    ("#56B4E9", "4 4"),
]


def _f(x: float) -> str:
    """A coordinate with one decimal, no trailing zeros."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def signed(v: float) -> str:
    """A valence as text: +0.62, −0.30, 0.00."""
    return f"{v:+.2f}".replace("-", "−") if round(v, 2) != 0 else "0.00"


def short(name: str, limit: int = 22) -> str:
    """A name cut to ``limit`` characters with an ellipsis, for labels inside a figure."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def bond_label(bond: Bond, names: Mapping[str, str], top: int = 3) -> str:
    """One line for a bond: "Willow → Buffy: valence +0.62, strength 0.80; love 0.50, caring 0.30"."""
    src, tgt = names.get(bond.source, bond.source), names.get(bond.target, bond.target)
    emo = list(bond.emotions.items())[:top]  # the bond's order: most distinctive first
    tail = "; " + ", ".join(f"{k} {v:.2f}" for k, v in emo) if emo else ""
    return f"{src} → {tgt}: valence {signed(bond.valence)}, strength {bond.strength:.2f}{tail}"


# -- bond map ---------------------------------------------------------------------------------------


def _node_layout(ids: Sequence[str], cx: float, cy: float, radius: float) -> dict[str, tuple[float, float, float]]:
    """Points on a circle, clockwise from the top (two: left and right); returns id -> (x, y, angle)."""
    n = max(1, len(ids))
    first = math.pi if n == 2 else -math.pi / 2  # two characters side by side, else the first at the top
    out = {}
    for i, cid in enumerate(ids):
        angle = first + 2 * math.pi * i / n
        out[cid] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    return out


def _edge_path(x1: float, y1: float, x2: float, y2: float, r1: float, r2: float, width: float = 2.0) -> tuple[str, str]:
    """A curved edge from node 1 to node 2 (bent to its right, so A→B and B→A do not overlap) and its
    arrowhead polygon."""
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    nx, ny = -uy, ux  # normal: to the right of the direction of travel in SVG coordinates
    bend = 0.16 * dist
    qx, qy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend

    def toward(px: float, py: float, tx: float, ty: float, d: float) -> tuple[float, float]:
        vx, vy = tx - px, ty - py
        n = math.hypot(vx, vy) or 1.0
        return px + vx / n * d, py + vy / n * d

    sx, sy = toward(x1, y1, qx, qy, r1 + 3)
    ex, ey = toward(x2, y2, qx, qy, r2 + 4)
    tx, ty = ex - qx, ey - qy
    tn = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tn, ty / tn
    size = 7.0 + 1.5 * width
    bx, by = ex - tx * size, ey - ty * size
    # the line stops inside the arrowhead, so a thick line never pokes past its tip
    lx, ly = ex - tx * size * 0.6, ey - ty * size * 0.6
    path = f"M{_f(sx)},{_f(sy)} Q{_f(qx)},{_f(qy)} {_f(lx)},{_f(ly)}"
    pts = [(ex, ey), (bx - ty * size * 0.5, by + tx * size * 0.5), (bx + ty * size * 0.5, by - tx * size * 0.5)]
    return path, " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)


def bond_map(story: Story, names: Mapping[str, str], max_nodes: int = 12) -> str:
    """The bond map: characters on a circle, one curved arrow per directed bond, coloured by valence and
    as thick as the bond is strong (relative to the story's strongest bond; strength is a sum of feeling
    intensities, so it has no fixed top). Edges and nodes are focusable and carry a ``<title>``."""
    bonds = [b for b in story.bonds if b.source != b.target]
    if not bonds:
        return ""
    weight: dict[str, float] = {}
    for b in bonds:
        for cid in (b.source, b.target):
            weight[cid] = weight.get(cid, 0.0) + b.strength
    mentions = {c.id: c.mentions for c in story.characters}
    ids = sorted(weight, key=lambda c: (-mentions.get(c, 0), -weight[c], c))[:max_nodes]
    size = 560.0
    ring = max(160.0, 17.0 * len(ids))  # more characters, a wider circle, so names keep their room
    layout = _node_layout(ids, size / 2, size / 2, ring)
    most = max([mentions.get(c, 0) for c in ids] + [1])
    radius = {c: 9 + 13 * math.sqrt(mentions.get(c, 0) / most) for c in ids}
    shown = sorted(
        (
            (i, b)
            for i, b in enumerate(story.bonds)
            if b.source in layout and b.target in layout and b.source != b.target
        ),
        key=lambda ib: ib[1].strength,
    )
    # crop to the drawing: the nodes, room for their names left and right, and the arrows' bend
    labels = {c: _node_label(layout[c], radius[c], short(names.get(c, c))) for c in ids}
    x0 = min(min(layout[c][0] - radius[c], labels[c][3][0]) for c in ids) - 12
    x1_ = max(max(layout[c][0] + radius[c], labels[c][3][2]) for c in ids) + 12
    y0 = min(min(layout[c][1] - radius[c], labels[c][3][1]) for c in ids) - 12
    y1_ = max(max(layout[c][1] + radius[c], labels[c][3][3]) for c in ids) + 12
    bw, bh = max(x1_ - x0, size), max(y1_ - y0, 0.55 * size)  # never zoom in on a small drawing
    x0, y0 = (x0 + x1_ - bw) / 2, (y0 + y1_ - bh) / 2
    box = f"{_f(x0)} {_f(y0)} {_f(bw)} {_f(bh)}"
    out = [
        f'<svg class="bond-map" viewBox="{box}" role="group" '
        'aria-labelledby="bond-map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="bond-map-title">Bond map: who feels what toward whom</title>',
    ]
    strongest = max([b.strength for _, b in shown] + [1e-9])
    for i, b in shown:
        x1, y1, _ = layout[b.source]
        x2, y2, _ = layout[b.target]
        colour = valence_colour(b.valence)
        width = 1.5 + 6.5 * max(0.0, min(1.0, b.strength / strongest))
        path, head = _edge_path(x1, y1, x2, y2, radius[b.source], radius[b.target], width)
        label = escape(bond_label(b, names))
        out.append(
            f'<g class="edge" tabindex="0" data-b="{i}" data-src="{escape(b.source)}" data-tgt="{escape(b.target)}" '
            f'aria-label="{label}"><title>{label}</title>'
            f'<path class="halo" d="{path}"/>'
            f'<path class="line" d="{path}" stroke="{colour}" stroke-width="{_f(width)}"/>'
            f'<polygon points="{head}" fill="{colour}"/></g>'
        )
    for cid in ids:
        x, y, _ = layout[cid]
        r = radius[cid]
        name, label = escape(names.get(cid, cid)), escape(short(names.get(cid, cid)))
        lx, ly, anchor, _box = labels[cid]
        baseline = 'dy="0.35em"'
        out.append(
            f'<g class="node" tabindex="0" data-c="{escape(cid)}" aria-label="{name}"><title>{name}</title>'
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}"/>'
            f'<text x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}" {baseline}>{label}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _node_label(
    node: tuple[float, float, float], r: float, text: str
) -> tuple[float, float, str, tuple[float, float, float, float]]:
    """Where a node's name goes, outside the circle away from the centre: (x, y, text-anchor, box)
    with the box an estimate (x0, y0, x1, y1) of the label's extent for 14px bold text."""
    x, y, angle = node
    cos, sin = math.cos(angle), math.sin(angle)
    lx, ly = x + cos * (r + 8), y + sin * (r + 8) + (8 if sin > 0.7 else -8 if sin < -0.7 else 0)
    width, half = 8.4 * len(text), 9.0
    if abs(cos) < 0.3:
        return lx, ly, "middle", (lx - width / 2, ly - half, lx + width / 2, ly + half)
    if cos > 0:
        return lx, ly, "start", (lx, ly - half, lx + width, ly + half)
    return lx, ly, "end", (lx - width, ly - half, lx, ly + half)


# -- arcs -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ArcSeries:
    """One line of the arcs chart: x in [0, 1] of story time, y a valence."""

    name: str
    x: list[float]
    y: list[float]
    main: bool = False
    key: str = ""  # the character id, for a character's arc
    breaks: list[int] = field(default_factory=list)  # indices where a new run starts after a gap (no data)

    def runs(self) -> list[tuple[list[float], list[float]]]:
        """The drawn pieces: (x, y) runs between gaps."""
        edges = [0, *self.breaks, len(self.x)]
        return [(self.x[a:b], self.y[a:b]) for a, b in pairwise(edges) if b > a]


def normalise_x(xs: Sequence[float], n: int, text_length: int) -> list[float]:
    """Story-time positions in [0, 1]: fractions are kept, character offsets are divided by the text
    length, anything else by its largest value; no x at all spreads the points evenly."""
    if not xs or len(xs) != n or not all(math.isfinite(x) for x in xs):
        return [i / (n - 1) if n > 1 else 0.5 for i in range(n)]
    top = max(xs)
    if top <= 1.0:
        return [float(x) for x in xs]
    scale = text_length if top <= text_length else top
    return [float(x) / scale for x in xs]


def series_from(
    name: str, arc: Any, text_length: int, main: bool = False, default_x: Sequence[float] = ()
) -> ArcSeries | None:
    """An ArcSeries from an arc as the arcs step writes it: a dict with "valence" (and "x", else the arcs'
    shared ``default_x``), or a plain list of valences."""
    if isinstance(arc, Mapping):
        ys = arc.get("valence") or []
        xs = arc.get("x") or default_x
    elif isinstance(arc, Sequence) and not isinstance(arc, str):
        ys, xs = arc, default_x
    else:
        return None
    try:
        y = [float(v) if v is not None else math.nan for v in ys]
        x = normalise_x([float(v) for v in xs], len(y), text_length)
    except (TypeError, ValueError):
        return None
    points: list[tuple[float, float]] = []
    breaks: list[int] = []
    gap = False
    for a, b in zip(x, y, strict=True):
        if not (math.isfinite(a) and math.isfinite(b)):
            gap = True  # a missing value is a gap in the line, not a segment drawn across it
            continue
        if gap and points:
            breaks.append(len(points))
        gap = False
        points.append((a, b))
    if not points:
        return None
    return ArcSeries(name, [a for a, _ in points], [b for _, b in points], main, breaks=breaks)


def arc_chart(story: Story, series: Sequence[ArcSeries]) -> str:
    """Valence over story time: the story's arc in ink, main characters dashed and labelled, chapter
    boundaries as thin vertical lines, pleasant above the zero line and unpleasant below."""
    if not series:
        return ""
    w, h = 760.0, 300.0
    left, right, top, bottom = 46.0, 120.0, 22.0, 30.0
    pw, ph = w - left - right, h - top - bottom
    peak = max(abs(v) for s in series for v in s.y)
    ymax = min(1.0, max(0.25, math.ceil(peak * 4 - 1e-9) / 4))

    def px(x: float) -> float:
        return left + max(0.0, min(1.0, x)) * pw

    def py(v: float) -> float:
        return top + (ymax - max(-ymax, min(ymax, v))) / (2 * ymax) * ph

    out = [
        f'<svg class="arc-chart" viewBox="0 0 {_f(w)} {_f(h)}" role="img" aria-labelledby="arc-title arc-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="arc-title">Valence over story time</title>',
        f'<desc id="arc-desc">{escape(_arc_description(series))}</desc>',
        f'<rect class="warm" x="{_f(left)}" y="{_f(top)}" width="{_f(pw)}" height="{_f(ph / 2)}"/>',
        f'<rect class="cool" x="{_f(left)}" y="{_f(top + ph / 2)}" width="{_f(pw)}" height="{_f(ph / 2)}"/>',
    ]
    for frac in (-1.0, -0.5, 0.0, 0.5, 1.0):
        v = frac * ymax
        y = py(v)
        cls = "zero" if frac == 0 else "grid"
        out.append(f'<line class="{cls}" x1="{_f(left)}" x2="{_f(left + pw)}" y1="{_f(y)}" y2="{_f(y)}"/>')
        out.append(
            f'<text class="tick" x="{_f(left - 6)}" y="{_f(y)}" dy="0.35em" text-anchor="end">{signed(v)}</text>'
        )
    length = max(1, len(story.text))
    for ci, ch in enumerate(story.chapters[1:], start=1):
        x = px(ch.start / length)
        out.append(f'<line class="chapter-line" x1="{_f(x)}" x2="{_f(x)}" y1="{_f(top)}" y2="{_f(top + ph)}"/>')
        if len(story.chapters) <= 40:
            out.append(f'<text class="tick" x="{_f(x + 3)}" y="{_f(top - 6)}">{ci + 1}</text>')
    if len(story.chapters) > 1:
        out.append(f'<text class="tick" x="{_f(left + 3)}" y="{_f(top - 6)}">ch. 1</text>')
    out.append(f'<text class="tick" x="{_f(left)}" y="{_f(h - 8)}">beginning</text>')
    out.append(f'<text class="tick" x="{_f(left + pw)}" y="{_f(h - 8)}" text-anchor="end">end</text>')
    label_ys: list[float] = []
    others = [s for s in series if not s.main]
    for k, s in enumerate([*others, *[s for s in series if s.main]]):
        if s.main:
            colour, dash, cls = "currentColor", "", "series main"
        else:
            colour, dash = _SERIES_STYLE[k % len(_SERIES_STYLE)]
            cls = "series"
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        name = escape(s.name)
        for xs, ys in s.runs():  # one line per run: a gap (no data) is left undrawn
            pts = " ".join(f"{_f(px(x))},{_f(py(v))}" for x, v in zip(xs, ys, strict=True))
            out.append(
                f'<polyline class="{cls}" points="{pts}" stroke="{colour}"{dash_attr}><title>{name}</title></polyline>'
            )
        ly = _free_y(py(s.y[-1]), label_ys)
        label_ys.append(ly)
        out.append(
            f'<text class="series-label{" main" if s.main else ""}" x="{_f(px(s.x[-1]) + 8)}" y="{_f(ly)}" '
            f'dy="0.35em" fill="{colour}">{escape(short(s.name, 16))}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _free_y(y: float, taken: Sequence[float], gap: float = 14.0) -> float:
    """Move a line label up or down until it clears the labels already placed."""
    for step in range(40):
        for cand in (y + step * gap / 2, y - step * gap / 2):
            if all(abs(cand - t) >= gap for t in taken):
                return cand
    return y


def _arc_description(series: Sequence[ArcSeries]) -> str:
    parts = []
    for s in series:
        lo, hi = min(s.y), max(s.y)
        parts.append(
            f"{s.name}: starts at {signed(s.y[0])}, ends at {signed(s.y[-1])}, lowest {signed(lo)}, "
            f"highest {signed(hi)}"
        )
    return "; ".join(parts) + "."


# -- small figures ----------------------------------------------------------------------------------


def mood_strip(story: Story, values: Sequence[tuple[int, float]], bins: int = 120) -> str:
    """The whole story as one strip: each cell is the mean valence of the sentences in that stretch of
    text, chapter starts ticked. ``values`` is (offset, valence) per sentence with an emotion."""
    if not values:
        return ""
    length = max(1, len(story.text))
    sums = [0.0] * bins
    counts = [0] * bins
    for offset, v in values:
        b = min(bins - 1, offset * bins // length)
        sums[b] += v
        counts[b] += 1
    w, h = 600.0, 26.0
    cell = w / bins
    out = [
        f'<svg class="mood-strip" viewBox="0 0 {_f(w)} {_f(h + 6)}" preserveAspectRatio="none" role="img" '
        'aria-label="Mood of the story from beginning to end: blue is unpleasant, orange pleasant, grey neutral" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    last = 0.0
    for i in range(bins):  # a stretch with no sentence of its own keeps the mood of the one before
        last = sums[i] / counts[i] if counts[i] else last
        colour = valence_colour(last)
        out.append(f'<rect x="{_f(i * cell)}" y="0" width="{_f(cell + 0.3)}" height="{_f(h)}" fill="{colour}"/>')
    for ch in story.chapters[1:]:
        x = ch.start / length * w
        out.append(f'<rect class="tick-mark" x="{_f(x - 0.6)}" y="0" width="1.2" height="{_f(h + 6)}"/>')
    out.append("</svg>")
    return "".join(out)


def sparkline(values: Sequence[float], width: float = 90.0, height: float = 22.0) -> str:
    """A tiny valence line on a zero baseline (range −1..1), for the bonds table."""
    if len(values) < 2:
        return ""
    n = len(values)
    pts = " ".join(
        f"{_f(i / (n - 1) * width)},{_f(height / 2 - max(-1.0, min(1.0, v)) * (height / 2 - 2))}"
        for i, v in enumerate(values)
    )
    return (
        f'<svg class="spark" viewBox="0 0 {_f(width)} {_f(height)}" width="{_f(width)}" height="{_f(height)}" '
        f'aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><line x1="0" x2="{_f(width)}" '
        f'y1="{_f(height / 2)}" y2="{_f(height / 2)}"/><polyline points="{pts}"/></svg>'
    )
