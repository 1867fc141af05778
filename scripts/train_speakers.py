"""Fit the speaker ranker's weights on PDNC novels; report leave-novels-out accuracy; write the weights.

usage: python scripts/train_speakers.py [--data ../shared/data/pdnc/data] [--folds 6] [--out FILE]
                                        [--cache DIR] [--l2 1e-3]

For every quote of every novel the rules decided by a pronoun or by turn-taking, the candidates and their
features come from :mod:`heartline.speaker_ranker`; a candidate is right when it maps to the gold speaker
(as the PDNC scorer maps characters). A conditional logit (softmax over one quote's candidates) is fitted
by full-batch Adam with an L2 penalty. Novels are split into folds; each fold is scored by weights fitted on
the others, end to end (undetected quotes count wrong), next to the rules alone. Then the weights are fitted
on every novel and written as JSON (feature name -> weight). No PDNC text is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections import Counter
from pathlib import Path

import numpy as np

from heartline.evaluate.pdnc import gold_characters, gold_quotes, map_characters
from heartline.pipeline import Pipeline
from heartline.speaker_ranker import FEATURES, RERANKED, WEIGHTS, allowed_candidates, scores
from heartline.speakers import rule_speakers
from heartline.story import Story

ROOT = Path(__file__).resolve().parent.parent


def novel_rows(folder: Path, cache: Path | None) -> dict:
    """Per gold quote: its type, and (when the rules' quote is reranked) candidate features and labels."""
    cached = cache / f"{folder.name}.pkl" if cache else None
    if cached is not None and cached.exists():
        story = pickle.loads(cached.read_bytes())
    else:
        story = Pipeline("segment,characters")(Story((folder / "novel_text.txt").read_text(encoding="utf-8")))
        story.cache.pop("progress", None)
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            cached.write_bytes(pickle.dumps(story))
    ctx = rule_speakers(story)
    ids = story.cache["char_index"]
    mapped = map_characters(story, gold_characters(folder))
    index = {id(q): i for i, q in enumerate(story.quotes)}
    items = []
    for row, hit in gold_quotes(folder, story):
        item = {"kind": row["quoteType"].strip().lower(), "rule_right": False, "x": None, "y": None}
        if hit is not None:
            qi = index[id(hit)]
            rule = ctx.speakers[qi]
            item["rule_right"] = rule is not None and mapped.get(ids[rule]) == row["speaker"]
            if ctx.kinds[qi] in RERANKED or rule is None:
                cands, x = allowed_candidates(ctx, qi)
                if cands:
                    item["x"] = x
                    item["y"] = np.array([mapped.get(ids[c]) == row["speaker"] for c in cands], dtype=bool)
        items.append(item)
    return {"items": items}


def fit(items: list[dict], l2: float, hidden: int = 0, steps: int = 400, lr: float = 0.05) -> dict:
    """Conditional logit over the quotes whose candidates hold the right speaker: a linear score, plus a
    small tanh layer when ``hidden`` > 0. Returns the parameters as arrays."""
    usable = [it for it in items if it["x"] is not None and it["y"].any()]
    x = np.concatenate([it["x"] for it in usable]).astype(np.float64)
    y = np.concatenate([it["y"] for it in usable])
    sizes = np.array([len(it["y"]) for it in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(usable)), sizes)
    rng = np.random.default_rng(0)
    params = {"linear": np.zeros(x.shape[1])}
    if hidden:
        params["w1"] = rng.normal(0, 0.1, (x.shape[1], hidden))
        params["b1"] = np.zeros(hidden)
        params["w2"] = rng.normal(0, 0.1, hidden)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v2 = {k: np.zeros_like(v) for k, v in params.items()}
    for t in range(1, steps + 1):
        s = x @ params["linear"]
        if hidden:
            h = np.tanh(x @ params["w1"] + params["b1"])
            s = s + h @ params["w2"]
        s -= np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        ep = np.where(y, e, 0.0)
        q = ep / np.add.reduceat(ep, starts)[group]
        d = (p - q) / len(usable)
        grads = {"linear": x.T @ d}
        if hidden:
            grads["w2"] = h.T @ d
            da = d[:, None] * params["w2"][None, :] * (1 - h * h)
            grads["w1"] = x.T @ da
            grads["b1"] = da.sum(0)
        for k in params:
            g = grads[k] + l2 * params[k]
            m[k] = 0.9 * m[k] + 0.1 * g
            v2[k] = 0.999 * v2[k] + 0.001 * g * g
            params[k] -= lr * (m[k] / (1 - 0.9**t)) / (np.sqrt(v2[k] / (1 - 0.999**t)) + 1e-8)
    return params


def score(items: list[dict], w: dict | None) -> Counter:
    right: Counter = Counter()
    for it in items:
        ok = it["rule_right"]
        if w is not None and it["x"] is not None:
            ok = bool(it["y"][int(np.argmax(scores(w, it["x"])))])
        right[it["kind"]] += ok
        right["n_" + it["kind"]] += 1
    return right


def summary(r: Counter) -> str:
    exp = r["explicit"] / max(r["n_explicit"], 1)
    non = (r["anaphoric"] + r["implicit"]) / max(r["n_anaphoric"] + r["n_implicit"], 1)
    return f"explicit {100 * exp:.2f}% non-explicit {100 * non:.2f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc" / "data")
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--hidden", type=int, default=16, help="units of the tanh layer (0: linear only)")
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--cache", type=Path, default=None, help="keep each novel's characters here between runs")
    args = ap.parse_args()
    names = sorted(p.name for p in args.data.iterdir() if (p / "quotation_info.csv").exists())
    t0 = time.perf_counter()
    data = {n: novel_rows(args.data / n, args.cache)["items"] for n in names}
    print(f"features for {len(names)} novels in {time.perf_counter() - t0:.0f} s")
    rules, ranked = Counter(), Counter()
    for k in range(args.folds):
        test = names[k :: args.folds]
        train = [it for n in names if n not in test for it in data[n]]
        w = fit(train, args.l2, args.hidden, args.steps)
        for n in test:
            rules += score(data[n], None)
            ranked += score(data[n], w)
    print(f"rules alone:              {summary(rules)}")
    print(f"with ranker ({args.folds} folds): {summary(ranked)}")
    w = fit([it for n in names for it in data[n]], args.l2, args.hidden, args.steps)
    print(f"fitted on all, scored on all (optimistic): {summary(sum((score(data[n], w) for n in names), Counter()))}")
    out = {
        "model": "speakers-v2",
        "kind": "conditional logit over candidate speakers",
        "trained_on": f"PDNC, {len(names)} novels (quotes decided by a pronoun or turn-taking)",
        "cross_validation": {"folds": args.folds, "rules": summary(rules), "ranker": summary(ranked)},
        "l2": args.l2,
        "features": list(FEATURES),
        "hidden": args.hidden,
        "weights": {k: np.round(v, 5).tolist() for k, v in w.items()},
    }
    args.out.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    for f, x in sorted(zip(FEATURES, w["linear"], strict=True), key=lambda p: -abs(p[1]))[:12]:
        print(f"  {f:26s} {x:+.3f}")


if __name__ == "__main__":
    main()
