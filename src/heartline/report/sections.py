"""The report's sections as HTML strings: header, cast, bonds, arcs, the unsaid and the legend.

Each function takes the Story and returns escaped HTML. A section whose data a pipeline step has not
produced says which step to run instead of vanishing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from ..bonds import feels_most
from ..language.lexicon import STATES_OF_MIND
from ..pipeline import DEFAULT_STEPS
from ..story import Bond, Character, Story
from .charts import ArcSeries, arc_chart, bond_map, series_from, signed, sparkline
from .palette import FAMILIES, FAMILY_OF, valence_colour

__all__ = [
    "arcs_section",
    "bonds_section",
    "cast_section",
    "header_section",
    "legend_section",
    "missing",
    "unsaid_section",
]

DASH = '<span class="muted" aria-label="none">—</span>'


def missing(story: Story, step: str, what: str) -> str:
    """The note a section shows when its data is absent: not computed, or computed and empty."""
    if step in story.done:
        return f'<p class="note">The <code>{escape(step)}</code> step ran and found no {escape(what)}.</p>'
    needed = list(DEFAULT_STEPS[: DEFAULT_STEPS.index(step) + 1]) if step in DEFAULT_STEPS else [step]
    steps = ",".join(dict.fromkeys([*story.done, *needed]))
    return (
        f'<p class="note">Not computed: run the <code>{escape(step)}</code> step, e.g. '
        f"<code>heartline read STORY --steps {escape(steps)} --html report.html</code> "
        "(or leave out <code>--steps</code> to run them all).</p>"
    )


def name_of(names: Mapping[str, str], cid: str | None) -> str:
    """A character's display name; ``None`` is "someone"."""
    if cid is None:
        return "someone"
    return names.get(cid, cid)


def chip(label: str, value: float | None = None) -> str:
    """An emotion label with its family colour dot (and a number when given)."""
    fam = FAMILY_OF.get(label, "other")
    num = f' <span class="num">{value:.2f}</span>' if value is not None else ""
    return f'<span class="chip f-{fam}"><span class="dot" aria-hidden="true"></span>{escape(label)}{num}</span>'


def _list_row(term: str, values: Sequence[str], cls: str = "") -> str:
    if not values:
        return ""
    items = "".join(f'<li class="{cls}">{escape(v)}</li>' if cls else f"<li>{escape(v)}</li>" for v in values)
    return f'<dt>{escape(term)}</dt><dd><ul class="inline">{items}</ul></dd>'


# -- header -----------------------------------------------------------------------------------------


def header_section(story: Story, strip: str, mean_valence: float | None) -> str:
    """Title, authors, AO3-style tags, counts and the mood strip."""
    md = story.metadata
    title = md.title or (md.source.rsplit("/", 1)[-1] if md.source else None) or "Untitled story"
    out = ['<header class="story-head" id="top">', '<p class="kicker">heartline reading</p>']
    out.append(f"<h1>{escape(title)}</h1>")
    if md.authors:
        out.append(f'<p class="byline">by {escape(", ".join(md.authors))}</p>')
    stats = [
        (f"{md.words:,}", "words"),
        (f"{len(story.chapters):,}", "chapter" if len(story.chapters) == 1 else "chapters"),
        (f"{len(story.quotes):,}", "quote" if len(story.quotes) == 1 else "quotes"),
        (f"{len(story.characters):,}", "character" if len(story.characters) == 1 else "characters"),
    ]
    if mean_valence is not None:
        stats.append((signed(mean_valence), "mean valence"))
    out.append('<dl class="stats">')
    for value, label in stats:
        out.append(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>")
    out.append("</dl>")
    tags = "".join(
        [
            _list_row("Fandoms", md.fandoms),
            _list_row("Relationships", md.relationships, "rel"),
            _list_row("Characters", md.characters),
            _list_row("Tags", md.tags),
        ]
    )
    if tags:
        out.append(f'<dl class="tags">{tags}</dl>')
    if md.summary:
        out.append(f'<blockquote class="summary"><p>{escape(md.summary)}</p></blockquote>')
    if strip:
        out.append(
            '<figure class="strip"><figcaption>The story at a glance: mood from first line to last '
            "(blue unpleasant, grey neutral, orange pleasant; ticks mark chapters)</figcaption>"
            f"{strip}</figure>"
        )
    for warning in md.warnings:
        out.append(f'<p class="note">{escape(warning)}</p>')
    out.append("</header>")
    return "\n".join(out)


# -- cast -------------------------------------------------------------------------------------------


def dominant_feelings(story: Story) -> dict[str, list[tuple[str, float]]]:
    """Each character's most distinctive emotions (:func:`heartline.bonds.feels_most`: against the rest of
    the story and the model's usual labels), top three, with their shares of the character's feelings; or,
    without feelings, the strongest emotions of the lines they speak."""
    if any(f.experiencer is not None for f in story.feelings):
        return feels_most(story)
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for q in story.quotes:
        if q.speaker is not None:
            for label, p in q.emotions.items():
                if label != "neutral":
                    totals[q.speaker][label] += p
    out = {}
    for cid, counts in totals.items():
        whole = sum(counts.values()) or 1.0
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        out[cid] = [(label, v / whole) for label, v in ranked if v > 0]
    return out


def _cast_row(c: Character, feelings: list[tuple[str, float]]) -> str:
    aliases = ", ".join(a for a in c.aliases if a != c.name)
    present = '<span class="yes">present</span>' if c.present else '<span class="no">absent, only talked about</span>'
    feels = " ".join(chip(label, share) for label, share in feelings) or DASH
    return (
        f'<tr data-c="{escape(c.id)}"><th scope="row">{escape(c.name)}</th>'
        f"<td>{escape(aliases) or DASH}</td>"
        f'<td class="n">{c.mentions:,}</td><td class="n">{c.quotes:,}</td>'
        f"<td>{present}</td><td>{feels}</td></tr>"
    )


def cast_section(story: Story) -> str:
    """The characters: aliases, mentions, lines spoken, presence and dominant feelings."""
    head = '<section id="cast" aria-labelledby="cast-h"><h2 id="cast-h">Cast</h2>'
    if not story.characters:
        return head + missing(story, "characters", "characters") + "</section>"
    dom = dominant_feelings(story)
    cast = sorted(story.characters, key=lambda c: (-(c.mentions + c.quotes), c.name))
    rows = "".join(_cast_row(c, dom.get(c.id, [])) for c in cast)
    return (
        head + '<div class="table-wrap"><table class="cast">'
        "<caption>Everyone heartline found, most talked-about first. Feels most: what each character feels "
        "more than the story's other characters and the emotion model's usual labels, with its share of their "
        "feelings.</caption>"
        '<thead><tr><th scope="col">Character</th><th scope="col">Also called</th>'
        '<th scope="col" class="n">Mentions</th><th scope="col" class="n">Lines</th>'
        '<th scope="col">On stage</th><th scope="col">Feels most</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


# -- bonds ------------------------------------------------------------------------------------------


def _timeline_values(timeline: Sequence[Mapping[str, Any]]) -> list[float]:
    out = []
    for point in timeline:
        v = point.get("valence") if isinstance(point, Mapping) else None
        if isinstance(v, int | float):
            out.append(float(v))
    return out


def _tag_mark(b: Bond) -> str:
    """A small mark for a bond the work's relationship tags name ("romantic" / "platonic")."""
    kind = b.extra.get("tagged")
    return f' <span class="muted tagged">tagged {escape(str(kind))}</span>' if isinstance(kind, str) else ""


def bonds_section(story: Story, names: Mapping[str, str]) -> str:
    """The bond map (inline SVG) and the same bonds as a table, both directions side by side."""
    head = '<section id="bonds" aria-labelledby="bonds-h"><h2 id="bonds-h">Bonds</h2>'
    if not story.bonds:
        return head + missing(story, "bonds", "bonds between characters") + "</section>"
    figure = bond_map(story, names)
    rows = []
    for b in sorted(story.bonds, key=lambda b: (not b.extra.get("tagged"), -b.strength)):  # tagged pairs first
        emo = " ".join(chip(k, v) for k, v in list(b.emotions.items())[:3])  # most distinctive first
        spark = sparkline(_timeline_values(b.timeline))
        trend = b.extra.get("trend")
        direction = trend.get("direction") if isinstance(trend, Mapping) else None
        over_time = spark + (f'<span class="muted trend">{escape(str(direction))}</span>' if direction else "")
        swatch = f'<span class="swatch" style="background:{valence_colour(b.valence)}" aria-hidden="true"></span>'
        rows.append(
            f'<tr><th scope="row">{escape(name_of(names, b.source))} → {escape(name_of(names, b.target))}'
            f"{_tag_mark(b)}</th>"
            f'<td class="n">{swatch}{signed(b.valence)}</td><td class="n">{b.strength:.2f}</td>'
            f"<td>{emo or DASH}</td><td>{over_time or DASH}</td></tr>"
        )
    table = (
        '<div class="table-wrap"><table class="bonds"><caption>Every directed bond, strongest first. '
        "Valence runs from −1 (cold, hostile) to +1 (warm); strength is the total intensity of the feelings "
        "along the bond; emotions are the most distinctive for the pair (against the story's own and the model's "
        "usual emotions), each with its share of the bond.</caption>"
        '<thead><tr><th scope="col">Who → toward whom</th><th scope="col" class="n">Valence</th>'
        '<th scope="col" class="n">Strength</th><th scope="col">Emotions</th>'
        '<th scope="col">Over time</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    detail = (
        '<div class="bond-detail" id="bond-detail" aria-live="polite"><p class="muted">Hover over or tab to an '
        "arrow to see the feelings each way.</p></div>"
    )
    return head + f'<div class="bond-layout"><figure class="map">{figure}</figure>{detail}</div>{table}</section>'


# -- arcs -------------------------------------------------------------------------------------------


def arc_series(story: Story, names: Mapping[str, str], max_characters: int = 4) -> list[ArcSeries]:
    """The story's arc and those of its main characters (the arcs step's ``main_characters`` order, else
    the most talked-about), as chart series."""
    arcs = story.arcs or {}
    raw_x = arcs.get("x")
    shared_x: list[float] = raw_x if isinstance(raw_x, list) else []
    out: list[ArcSeries] = []
    main = series_from("Story", arcs.get("story"), len(story.text), main=True, default_x=shared_x)
    chars = arcs.get("characters")
    if isinstance(chars, Mapping):
        mentions = {c.id: c.mentions for c in story.characters}
        ranked = [c for c in arcs.get("main_characters") or [] if c in chars]
        ranked += sorted((c for c in chars if c not in ranked), key=lambda c: (-mentions.get(c, 0), str(c)))
        for cid in ranked[:max_characters]:
            s = series_from(name_of(names, cid), chars[cid], len(story.text), default_x=shared_x)
            if s:
                s.key = cid
                out.append(s)
    return [*out, *([main] if main else [])]


def _shape_name(arc: Any) -> str | None:
    shape = arc.get("shape") if isinstance(arc, Mapping) else None
    if not isinstance(shape, Mapping):
        return None
    name = shape.get("name") or shape.get("label") or shape.get("kind")
    return str(name) if name else None


def _shape_text(arcs: Mapping[str, Any]) -> str:
    """ "Shape of the story: man in a hole (confidence 0.62).", when the arcs step named one."""
    story = arcs.get("story")
    name = _shape_name(story)
    if not name or not isinstance(story, Mapping):
        return ""
    shape = story["shape"]
    conf = shape.get("confidence", shape.get("fit"))
    test = shape.get("test") if isinstance(shape.get("test"), Mapping) else {}
    p = test.get("p_value")
    pt = f", p = {p:.3g}" if isinstance(p, int | float) and not isinstance(p, bool) else ""
    if name == "flat":
        extra = f" (no shape stands out from its noise{pt})"
    elif name == "unclear":
        extra = f" (closest: {shape.get('template')}{pt})" if shape.get("template") else ""
    else:
        extra = f" (confidence {conf:.2f}{pt})" if isinstance(conf, int | float) and not isinstance(conf, bool) else ""
    return f'<p class="shape">Shape of the story: <strong>{escape(name)}</strong>{escape(extra)}.</p>'


def _character_shapes(story: Story, series: Sequence[ArcSeries]) -> str:
    """Each charted character's arc in words: start → end, and its shape."""
    chars = story.arcs.get("characters")
    if not isinstance(chars, Mapping):
        return ""
    items = []
    for s in series:
        if s.main or s.key not in chars:
            continue
        shape = _shape_name(chars[s.key])
        tail = f", {escape(shape)}" if shape else ""
        items.append(f"<li><strong>{escape(s.name)}</strong> {signed(s.y[0])} → {signed(s.y[-1])}{tail}</li>")
    return f'<ul class="inline arc-list" aria-label="Character arcs">{"".join(items)}</ul>' if items else ""


def arcs_section(story: Story, names: Mapping[str, str]) -> str:
    """Valence over story time for the story and its main characters, chapter boundaries marked."""
    head = '<section id="arcs" aria-labelledby="arcs-h"><h2 id="arcs-h">Arcs</h2>'
    series = arc_series(story, names)
    if not series:
        return head + missing(story, "arcs", "arcs") + "</section>"
    return (
        head
        + _shape_text(story.arcs)
        + f'<figure class="arc">{arc_chart(story, series)}<figcaption>Valence (how pleasant the feelings '
        "are) from the first line to the last. Above the line is warm, below is cold. Thin vertical lines "
        "are chapter starts.</figcaption></figure>" + _character_shapes(story, series) + "</section>"
    )


# -- the unsaid -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Unsaid:
    """What ``experiencer`` feels toward ``target`` in narration but never says aloud."""

    experiencer: str
    target: str
    emotions: list[tuple[str, int, float]]  # label, times, strongest intensity
    first: int  # offset of the first narrated instance


def find_unsaid(story: Story) -> list[Unsaid]:
    """What each character feels toward another and never says: the bonds step's ``unsaid`` when the
    bonds carry it, else worked out from the feelings."""
    from_bonds = _unsaid_from_bonds(story)
    return from_bonds if from_bonds is not None else _unsaid_from_feelings(story)


def _unsaid_from_bonds(story: Story) -> list[Unsaid] | None:
    """``bond.extra["unsaid"]`` ({"emotions": {label: intensity}, "examples": [[start, end]]}) as Unsaid
    records, or None when no bond carries it."""
    carried = [b for b in story.bonds if isinstance(b.extra.get("unsaid"), Mapping)]
    if not carried:
        return None
    out = []
    for b in carried:
        u = b.extra["unsaid"]
        emos = u.get("emotions") if isinstance(u.get("emotions"), Mapping) else {}
        ranked = [
            (str(k), 1, float(v))
            for k, v in sorted(emos.items(), key=lambda kv: -float(kv[1]))
            if k != "neutral" and k not in STATES_OF_MIND  # readings made before states of mind were left out
        ]
        if not ranked:
            continue
        examples = [e for e in u.get("examples") or [] if isinstance(e, list | tuple) and len(e) == 2]
        first = min((int(e[0]) for e in examples), default=-1)
        out.append(Unsaid(b.source, b.target, ranked, first))
    return sorted(out, key=lambda u: (-sum(w for _, _, w in u.emotions), u.first))


def _unsaid_from_feelings(story: Story) -> list[Unsaid]:
    """Pairs and emotions felt only in narration: unvoiced feelings with no voiced feeling of the same
    emotion between the same two characters."""
    voiced = {(f.experiencer, f.target, f.emotion) for f in story.feelings if f.voiced}
    pairs: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    first: dict[tuple[str, str], int] = {}
    for f in story.feelings:
        if f.voiced or f.experiencer is None or f.target is None or f.experiencer == f.target:
            continue
        if f.emotion == "neutral" or f.emotion in STATES_OF_MIND or (f.experiencer, f.target, f.emotion) in voiced:
            continue
        key = (f.experiencer, f.target)
        pairs[key][f.emotion].append(f.intensity)
        first[key] = min(first.get(key, f.start), f.start)
    out = []
    for (exp, tgt), emos in pairs.items():
        ranked = sorted(((lab, len(v), max(v)) for lab, v in emos.items()), key=lambda t: (-t[1], -t[2], t[0]))
        out.append(Unsaid(exp, tgt, ranked, first[(exp, tgt)]))
    return sorted(out, key=lambda u: (-sum(n for _, n, _ in u.emotions), u.first))


def unsaid_section(story: Story, names: Mapping[str, str], sentence_id: Callable[[int], str | None]) -> str:
    """What each character feels toward another and never says."""
    head = (
        '<section id="unsaid" aria-labelledby="unsaid-h"><h2 id="unsaid-h">The unsaid</h2>'
        '<p class="lede">Feelings the narration gives a character toward someone, which they never put into '
        "words to anyone in the story.</p>"
    )
    if not story.feelings and not story.bonds:
        return head + missing(story, "feelings", "feelings") + "</section>"
    found = find_unsaid(story)
    if not found:
        return head + '<p class="note">Everything felt here is also said aloud.</p></section>'
    items = []
    for u in found:
        emo = " ".join(
            chip(lab) + (f'<span class="times">×{n}</span>' if n > 1 else "") for lab, n, _ in u.emotions[:4]
        )
        anchor = sentence_id(u.first) if u.first >= 0 else None
        link = f' <a class="jump" href="#{anchor}">first felt here</a>' if anchor else ""
        items.append(
            f'<li><span class="pair">{escape(name_of(names, u.experiencer))} → '
            f"{escape(name_of(names, u.target))}</span> {emo}{link}</li>"
        )
    return head + f'<ul class="unsaid">{"".join(items)}</ul></section>'


# -- legend -----------------------------------------------------------------------------------------


def legend_section() -> str:
    """What the colours, marks and numbers mean."""
    fams = "".join(
        f'<li><span class="chip f-{fam}"><span class="dot" aria-hidden="true"></span>{fam}</span> '
        f'<span class="muted">{escape(", ".join(labels))}</span></li>'
        for fam, (_, labels) in FAMILIES.items()
    )
    stops = ", ".join(valence_colour(v / 4) for v in range(-4, 5))
    return (
        '<section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">Legend</h2><div class="legend">'
        "<div><h3>Emotions in the text</h3><p>A sentence is tinted by its strongest emotion; the deeper the "
        "tint, the surer the model. Untinted sentences read as neutral. Focus or hover a tinted sentence for "
        "its emotions and who feels what toward whom.</p>"
        f'<ul class="families">{fams}</ul>'
        '<p><span class="who">Name</span> before a quote is its speaker; <span class="who unknown">?</span> '
        'means the speaker was not found. <span class="s u demo">Dotted underline</span>: a feeling narrated '
        "but not spoken.</p></div>"
        "<div><h3>Valence and strength</h3>"
        f'<div class="scale" style="background:linear-gradient(to right, {stops})" aria-hidden="true"></div>'
        '<p class="scale-labels"><span>−1 unpleasant</span><span>0 neutral</span><span>+1 pleasant</span></p>'
        "<p><strong>Valence</strong> (−1 to +1) is how pleasant the feelings are, blue to orange. "
        "<strong>Strength</strong> is the total intensity of the feelings along a bond; thicker arrows are "
        "stronger, relative to the story's strongest bond. Numbers beside emotions are model probabilities "
        "(in the text) or shares of the feelings (in the cast and bonds).</p>"
        "<p>Colours are Okabe–Ito and a blue–orange scale, chosen to stay distinct for colour-blind readers; "
        "every colour is also named in words.</p></div></div></section>"
    )
