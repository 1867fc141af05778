"""The short terminal summary of a reading that ``heartline read FILE`` prints."""

from __future__ import annotations

from typing import Any

from .bonds import feels_most
from .story import Story

__all__ = ["feelings_lines", "shape_words", "summarize"]


def summarize(story: Story) -> str:
    md = story.metadata
    lines = [md.title or (md.source or "untitled story")]
    if md.authors:
        lines[0] += f" by {', '.join(md.authors)}"
    lines.append(
        f"{md.words:,} words, {len(story.chapters)} chapter(s), {len(story.paragraphs):,} paragraphs, "
        f"{len(story.sentences):,} sentences, {len(story.quotes):,} quotes"
    )
    if story.characters:
        cast = sorted(story.characters, key=lambda c: -c.mentions)[:8]
        lines.append(
            "characters: "
            + ", ".join(
                f"{c.name} ({c.mentions} mentions, {c.quotes} lines{'' if c.present else ', absent'})" for c in cast
            )
        )
    lines += feelings_lines(story)
    return "\n".join(lines)


def _name(story: Story, char_id: str) -> str:
    c = story.character(char_id)
    return c.name if c else char_id


def _top(emotions: dict[str, float], k: int = 3) -> str:
    return ", ".join(sorted(emotions, key=lambda e: -emotions[e])[:k]) or "-"


def _first(emotions: dict[str, float], k: int = 3) -> str:
    """The first ``k`` labels in the bond's own order (most distinctive first)."""
    return ", ".join(list(emotions)[:k]) or "-"


def feelings_lines(story: Story, pairs: int = 3) -> list[str]:
    """Main characters, the strongest bonds both ways, the unsaid and the arc's shape."""
    lines: list[str] = []
    arcs = story.arcs or {}
    main = arcs.get("main_characters") or []
    if main:
        lines.append("main characters: " + ", ".join(_name(story, c) for c in main))
        most = feels_most(story)
        felt = [f"{_name(story, c)}: {', '.join(lab for lab, _ in most[c])}" for c in main if most.get(c)]
        if felt:
            lines.append("feels most: " + "; ".join(felt))
    bonds = {(b.source, b.target): b for b in story.bonds}
    strength: dict[frozenset[str], float] = {}
    for (a, b), bond in bonds.items():
        strength[frozenset((a, b))] = strength.get(frozenset((a, b)), 0.0) + bond.strength
    tagged = {frozenset((b.source, b.target)): b.extra.get("tagged") for b in story.bonds if b.extra.get("tagged")}
    # the pairs the work's tags are about first, then the strongest
    for pair in sorted(strength, key=lambda p: (p not in tagged, -strength[p]))[:pairs]:
        a, b = sorted(pair)
        if (b, a) in bonds and ((a, b) not in bonds or bonds[(b, a)].strength > bonds[(a, b)].strength):
            a, b = b, a  # the stronger direction first
        parts = []
        for src, tgt in ((a, b), (b, a)):
            one = bonds.get((src, tgt))
            if one is not None:
                parts.append(f"{_name(story, src)} -> {_name(story, tgt)}: {_first(one.emotions)} "
                             f"(valence {one.valence:+.2f}, strength {one.strength:.1f})")  # fmt: skip
        kind = f" [tagged {tagged[pair]}]" if pair in tagged else ""
        lines.append("bond: " + "; ".join(parts) + kind)
    unsaid = sorted((b for b in story.bonds if b.extra.get("unsaid", {}).get("emotions")),
                    key=lambda b: -b.extra["unsaid"].get("weight", 0.0))[:pairs]  # fmt: skip
    for ub in unsaid:
        u = ub.extra["unsaid"]
        lines.append(f"unsaid: {_name(story, ub.source)} -> {_name(story, ub.target)}: {_top(u['emotions'])}")
        if u.get("examples"):
            s, e = u["examples"][0]
            quote = " ".join(story.text[s:e].split())
            lines.append(f'  "{quote[:100]}{"..." if len(quote) > 100 else ""}"')
    arc = arcs.get("story")
    if arc and arc.get("shape", {}).get("name") and arc.get("start") is not None and arc.get("end") is not None:
        lines.append(f"arc: {shape_words(arc['shape'])}; "
                     f"valence {arc['start']:+.2f} at the start, {arc['end']:+.2f} at the end")  # fmt: skip
    return lines


def shape_words(shape: dict[str, Any]) -> str:
    """A shape in words: "Cinderella (confidence 0.97, p = 0.005)", "flat (no shape stands out from its
    noise, p = 0.36)" or "unclear (closest: tragedy, p = 0.01)"."""
    test = shape.get("test") or {}
    p = test.get("p_value")
    pt = f", p = {p:.3g}" if isinstance(p, int | float) else ""
    name = shape.get("name")
    if name == "flat":
        return f"flat (no shape stands out from its noise{pt})"
    if name == "unclear":
        closest = shape.get("template")
        return f"unclear (closest: {closest}{pt})" if closest else f"unclear{pt}"
    return f"{name} (confidence {shape.get('confidence', 0.0):.2f}{pt})"
