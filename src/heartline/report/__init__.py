"""The HTML report: one self-contained page that shows a story's feelings at a glance.

>>> from heartline.story import Story
>>> page = render_html(Story("“Hi,” she said."))
>>> page.startswith("<!doctype html>") and "she said." in page
True

The page needs nothing but itself: CSS and JavaScript are inline, there are no fonts, images or
requests of any kind, and a Content-Security-Policy forbids them. Every figure and table is rendered
here in Python, so the page reads with JavaScript off; the script only adds tooltips, the bond detail
panel and highlighting. Story text and metadata are untrusted: everything is escaped, and the data
the script reads is JSON with ``<``, ``>`` and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026``.
"""

from __future__ import annotations

import copy
import json
import math
import secrets
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ..language.valence import label_valence
from ..story import Story
from .charts import mood_strip
from .palette import FAMILY_OF, scores_valence, valence_colour
from .sections import (
    arcs_section,
    bonds_section,
    cast_section,
    header_section,
    legend_section,
    unsaid_section,
)
from .text import TextView, chapter_title, render_text

__all__ = ["load_reading", "render_html", "report_path", "script_json"]


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` element: no ``<``, ``>``, ``&``
    (so no ``</script>`` and no ``<!--``), and no line or paragraph separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _names(story: Story) -> dict[str, str]:
    return {c.id: c.name for c in story.characters}


def _sentence_valences(story: Story) -> list[tuple[int, float]]:
    return [(s.start, scores_valence(s.emotions)) for s in story.sentences if s.emotions]


def _sentence_id(view: TextView) -> Callable[[int], str | None]:
    """offset -> the id of the rendered sentence that holds it (None when that sentence has no id)."""

    def find(offset: int) -> str | None:
        si = bisect_right(view.sentence_of_offset, offset) - 1
        return f"s{si}" if si >= 0 and str(si) in view.sentences else None

    return find


def _page_data(story: Story, view: TextView, names: dict[str, str]) -> dict[str, Any]:
    """What the page script needs, kept compact: per-sentence top emotions, feelings, quotes, bonds."""
    others = [c for f in story.feelings for c in (f.experiencer, f.target)]
    others += [c for b in story.bonds for c in (b.source, b.target)]
    others += [c for q in story.quotes for c in (q.speaker, *q.addressees)]
    chars = list(dict.fromkeys([*names, *(c for c in others if c)]))
    index = {cid: i for i, cid in enumerate(chars)}

    def ci(cid: str | None) -> int:
        return index[cid] if cid is not None and cid in index else -1

    labels = view.labels
    feelings = []
    for f in story.feelings:
        li = view.label_index(f.emotion)
        feelings.append([ci(f.experiencer), ci(f.target), li, round(f.intensity, 2), 1 if f.voiced else 0])
    quotes_used = sorted({d["q"] for d in view.sentences.values() if "q" in d})
    quotes = {
        str(qi): [ci(story.quotes[qi].speaker), [ci(a) for a in story.quotes[qi].addressees if a in index]]
        for qi in quotes_used
    }
    sentences = {k: {kk: vv for kk, vv in d.items() if kk != "cls"} for k, d in view.sentences.items()}
    bonds = [
        [ci(b.source), ci(b.target), round(b.valence, 2), round(b.strength, 2),
         [[view.label_index(k), round(v, 2)] for k, v in list(b.emotions.items())[:5]]]
        for b in story.bonds
    ]  # fmt: skip
    return {
        "chars": [names.get(c, c) for c in chars],
        "ids": chars,
        "labels": labels,
        "families": [FAMILY_OF.get(lab, "other") for lab in labels],
        "valence": [label_valence(lab) for lab in labels],
        "sentences": sentences,
        "feelings": feelings,
        "quotes": quotes,
        "bonds": bonds,
    }


def _chapter_nav(story: Story, valences: list[tuple[int, float]]) -> str:
    """Links to every chapter, each with a dot in its mean valence colour."""
    starts = [v[0] for v in valences]
    items = []
    for i, ch in enumerate(story.chapters):
        lo, hi = bisect_right(starts, ch.start - 1), bisect_right(starts, ch.end - 1)
        chunk = [v for _, v in valences[lo:hi]]
        dot = ""
        if chunk:
            mean = sum(chunk) / len(chunk)
            dot = (
                f'<span class="swatch" style="background:{valence_colour(mean)}" '
                f'title="mean valence {mean:+.2f}" aria-hidden="true"></span>'
            )
        items.append(f'<li><a href="#ch-{i}">{dot}{escape(chapter_title(story, i))}</a></li>')
    return f'<nav class="chapters" aria-label="Chapters"><h3>Chapters</h3><ol>{"".join(items)}</ol></nav>'


def _text_section(story: Story, view: TextView, valences: list[tuple[int, float]]) -> str:
    notes = []
    if not story.sentences:
        notes.append("Sentences were not segmented: run the <code>segment</code> step to annotate the text.")
    elif "emotions" not in story.done and not valences:
        notes.append("Not computed: run the <code>emotions</code> step to tint sentences by emotion.")
    if story.quotes and not ("speakers" in story.done or any(q.speaker for q in story.quotes)):
        notes.append("Not computed: run the <code>speakers</code> step to label each quote with its speaker.")
    note = "".join(f'<p class="note">{n}</p>' for n in notes)
    nav = _chapter_nav(story, valences) if len(story.chapters) > 1 else ""
    return (
        '<section id="text" aria-labelledby="text-h"><h2 id="text-h">The text</h2>'
        f'{note}<div class="reader">{nav}<article class="story-text" lang="{escape(story.metadata.language or "en")}">'
        f"{view.html}</article></div></section>"
    )


def _finite(value: Any) -> float:
    """A float for a number that may be missing, NaN or infinite in a hand-edited reading (else 0.0)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return 0.0
    return v if math.isfinite(v) else 0.0


def _finite_view(story: Story) -> Story:
    """The story with every number the report draws made finite; the caller's story is not changed."""
    bonds = [replace(b, valence=_finite(b.valence), strength=max(0.0, _finite(b.strength))) for b in story.bonds]
    feelings = [replace(f, intensity=_finite(f.intensity)) for f in story.feelings]
    sentences = [
        replace(s, emotions={k: _finite(v) for k, v in s.emotions.items()}) if s.emotions else s
        for s in story.sentences
    ]
    view = copy.copy(story)
    view.bonds, view.feelings, view.sentences = bonds, feelings, sentences
    return view


def render_html(story: Story) -> str:
    """The report for ``story`` as one self-contained HTML page (a string; write it with UTF-8)."""
    from .. import __version__

    story = _finite_view(story)
    names = _names(story)
    view = render_text(story, names)
    valences = _sentence_valences(story)
    mean = sum(v for _, v in valences) / len(valences) if valences else None
    body = "\n".join(
        [
            header_section(story, mood_strip(story, valences), mean),
            cast_section(story),
            bonds_section(story, names),
            arcs_section(story, names),
            unsaid_section(story, names, _sentence_id(view)),
            _text_section(story, view, valences),
            legend_section(),
        ]
    )
    title = story.metadata.title or "Untitled story"
    nonce = secrets.token_urlsafe(18)
    steps = ", ".join(story.done) or "none"
    return Template(_asset("page.html")).substitute(
        title=escape(f"{title} · heartline"),
        nonce=nonce,
        css=_asset("report.css"),
        js=_asset("report.js"),
        data=script_json(_page_data(story, view, names)),
        body=body,
        footer=escape(f"Made by heartline {__version__} from a reading with steps: {steps}."),
    )


def load_reading(path: str | Path) -> Story:
    """A Story from a reading JSON file written by ``heartline read -o`` (schema heartline.reading/1)."""
    from ..errors import FileNotFound, FormatError

    path = Path(path)
    if not path.is_file():
        raise FileNotFound(f"There is no reading at {path}", "Make one with: heartline read STORY -o reading.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(
            f"{path} is not JSON ({exc.__class__.__name__}: {exc})", "Give the file written by heartline read -o"
        ) from exc
    try:
        return Story.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise FormatError(
            f"{path} is not a complete heartline reading ({exc})",
            "Write it again with: heartline read STORY -o reading.json",
        ) from exc


def report_path(reading: str | Path) -> Path:
    """Where ``heartline report READING`` writes when no ``-o`` is given: READING with ``.html``."""
    return Path(reading).with_suffix(".html")
