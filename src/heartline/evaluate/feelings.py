"""Evaluate who feels (experiencer) and toward whom (target) on heartline's own gold passages.

The gold set (``data/feelings_gold.jsonl``, written for heartline, no third-party text) holds short
passages, each with its characters, the speaker and addressees of each quote, and the gold feelings:
``{"experiencer", "target" (null when the feeling is not directed), "voiced"}``.

Scores, micro-averaged over passages:

* **experiencer**: the set of characters who feel something in the passage, predicted vs gold;
* **target**: the set of (experiencer, target or "none") pairs, predicted vs gold, so a feeling
  given a target where the gold has none counts as wrong;
* **voiced accuracy**: of the gold (experiencer, target) pairs that were found, the share whose
  voiced / narrated flag agrees (a pair found both voiced and narrated matches either).

``upstream="gold"`` gives the feelings step the gold characters (names found by string match; pronouns
left to the step's own fallback) and the gold speakers, so it measures attribution alone;
``upstream="pipeline"`` runs the real characters and speakers steps first. Sentences (segment) and
emotion scores (the emotions step, when installed) are always the real ones.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..story import Character, Mention, Story

__all__ = ["GOLD_PATH", "evaluate_feelings", "load_gold", "score"]

GOLD_PATH = Path(__file__).resolve().parent / "data" / "feelings_gold.jsonl"
SOURCES = ("model", "lexicon", "both")


def load_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The gold passages, one dict per line of the JSONL file."""
    from ..errors import InputError

    p = Path(path) if path else GOLD_PATH
    if not p.is_file():
        raise InputError(f"No gold file at {p}", "Give the path of a feelings gold JSONL file")
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _gold_upstream(story: Story, record: dict[str, Any]) -> None:
    """Characters, name mentions and quote speakers from the gold record."""
    story.characters = [
        Character(_slug(c["name"]), c["name"], list(c.get("aliases", [])), gender=c.get("gender"))
        for c in record["characters"]
    ]
    mentions = []
    for c in story.characters:
        for form in [c.name, *c.aliases]:
            for m in re.finditer(rf"\b{re.escape(form)}\b", story.text):
                mentions.append(Mention(m.start(), m.end(), c.id, "name"))
                c.mentions += 1
    story.mentions = sorted(mentions, key=lambda m: m.start)
    for q, gq in zip(story.quotes, record.get("quotes", []), strict=False):
        q.speaker = _slug(gq["speaker"]) if gq.get("speaker") else None
        q.addressees = [_slug(a) for a in gq.get("addressees", [])]


def _prepare(
    records: list[dict[str, Any]], upstream: str, emotions_model: str | None = None, need_model: bool = True
) -> list[Story]:
    from ..errors import HeartlineError
    from ..pipeline import Pipeline

    config = {"emotions": {"model": emotions_model}} if emotions_model else {}
    with_emotions = need_model
    try:
        if need_model:
            Pipeline(["segment", "emotions"], config=config).step_fn("emotions")  # loads the model once (cached)
    except (HeartlineError, ImportError):  # no emotion model installed: only the lexicon speaks
        with_emotions = False
    if upstream == "gold":
        first = Pipeline(["segment", "emotions"] if with_emotions else ["segment"], config=config)
    else:
        names = ["segment", "characters", "speakers"] + (["emotions"] if with_emotions else [])
        first = Pipeline(names, config=config)
    stories = []
    for r in records:
        story = Story(r["text"])
        first(story)
        if upstream == "gold":
            _gold_upstream(story, r)
        stories.append(story)
    return stories


def _name_of(story: Story, char_id: str | None, gold_names: dict[str, str]) -> str | None:
    """The gold name a predicted character id stands for (by name or alias), else the id itself."""
    if char_id is None:
        return None
    c = story.character(char_id)
    forms = [char_id] if c is None else [c.name, *c.aliases, char_id]
    for f in forms:
        hit = gold_names.get(f.lower())
        if hit:
            return hit
    return forms[0]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(records: list[dict[str, Any]], predictions: Iterable[list[dict[str, Any]]]) -> dict[str, Any]:
    """Experiencer and target P/R/F1 and voiced accuracy of predicted feelings against the gold records.

    ``predictions`` holds, per record, dicts with ``experiencer`` / ``target`` (gold names or None) and
    ``voiced``.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # per kind: exp tp/pred/gold, tgt ...
    voiced_ok = voiced_n = 0
    errors: list[dict[str, Any]] = []
    for rec, pred in zip(records, predictions, strict=True):
        g_exp = {f["experiencer"] for f in rec["feelings"]}
        g_pair = {(f["experiencer"], f["target"] or "none") for f in rec["feelings"]}
        p_exp = {f["experiencer"] for f in pred if f["experiencer"]}
        p_pair = {(f["experiencer"], f["target"] or "none") for f in pred if f["experiencer"]}
        for kind in ("all", rec.get("kind", "all")):
            c = counts[kind]
            c[0] += len(g_exp & p_exp)
            c[1] += len(p_exp)
            c[2] += len(g_exp)
            c[3] += len(g_pair & p_pair)
            c[4] += len(p_pair)
            c[5] += len(g_pair)
        for gf in rec["feelings"]:
            flags = {f["voiced"] for f in pred if (f["experiencer"], f["target"]) == (gf["experiencer"], gf["target"])}
            if flags:
                voiced_n += 1
                voiced_ok += gf["voiced"] in flags
        if g_pair != p_pair and len(errors) < 20:
            errors.append({"id": rec["id"], "gold": sorted(map(list, g_pair)), "predicted": sorted(map(list, p_pair))})
    out: dict[str, Any] = {}
    for kind, c in counts.items():
        out[kind] = {"experiencer": _prf(c[0], c[1], c[2]), "target": _prf(c[3], c[4], c[5])}
    return {
        "experiencer": out["all"]["experiencer"],
        "target": out["all"]["target"],
        "voiced_accuracy": round(voiced_ok / voiced_n, 4) if voiced_n else 0.0,
        "by_kind": {k: v for k, v in sorted(out.items()) if k != "all"},
        "errors": errors,
    }


def evaluate_feelings(
    path: str | Path | None = None,
    upstream: str = "gold",
    sources: Iterable[str] = SOURCES,
    emotions_model: str | None = None,
) -> dict[str, Any]:
    """Run the feelings step over the gold passages with each signal ``source`` and score it.

    ``emotions_model`` is passed to the emotions step (a model folder or name; None: the shipped one)."""
    from ..feelings import attribute_feelings

    if upstream not in ("gold", "pipeline"):
        raise ValueError("upstream must be 'gold' or 'pipeline'")
    records = load_gold(path)
    sources = list(sources)
    stories = _prepare(records, upstream, emotions_model, need_model=bool({"model", "both"} & set(sources)))
    with_emotions = any("emotions" in s.done for s in stories)
    results: dict[str, Any] = {}
    for source in sources:
        if source == "model" and not with_emotions:
            results[source] = {"skipped": "no emotion model is installed, so the model signal is empty"}
            continue
        preds = []
        for rec, story in zip(records, stories, strict=True):
            gold_names = {c["name"].lower(): c["name"] for c in rec["characters"]}
            gold_names.update({_slug(c["name"]): c["name"] for c in rec["characters"]})
            preds.append([
                {"experiencer": _name_of(story, f.experiencer, gold_names),
                 "target": _name_of(story, f.target, gold_names), "voiced": f.voiced}
                for f in attribute_feelings(story, source=source)
            ])  # fmt: skip
        results[source] = score(records, preds)
    return {
        "task": "feelings: experiencer and target attribution",
        "gold": str(Path(path) if path else GOLD_PATH.name),
        "passages": len(records),
        "feelings": sum(len(r["feelings"]) for r in records),
        "upstream": upstream,
        "emotions_step": with_emotions,
        "emotions_model": emotions_model or "default",
        "results": results,
    }
