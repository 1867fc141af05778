"""Fit the speaker ranker's weights on PDNC novels; report leave-novels-out accuracy; write the weights.

usage: python scripts/train_speakers.py [--data ../shared/data/pdnc/data] [--split dev] [--folds 6] [--out FILE]
                                        [--no-locked]
                                        [--cache DIR] [--l2 3e-3] [--passes 3] [--seeds 3] [--first-seed 0]

By default (``--split dev``) the ranker is fitted and cross-validated on the 12 development novels only
(``heartline.evaluate.pdnc.DEV_NOVELS``); the 6 locked novels (``LOCKED_NOVELS``) are then scored once, in
aggregate, by the weights fitted on the 12: an honest figure for novels neither the rules nor the ranker were
developed on. ``--split all`` fits on all 18 (its locked figure is then in-sample, an upper bound).

For every quote of every novel the rules decided by a pronoun or by turn-taking, the candidates and their
features come from :mod:`heartline.speakers.ranker`; a candidate is right when it maps to the gold speaker
(as the PDNC scorer maps characters). A conditional logit (softmax over one quote's candidates) is fitted
by full-batch Adam with an L2 penalty, ``--seeds`` times from different random starts of the tanh layer
(the ranker averages their scores: one fit alone moves the cross-validated figure by up to 0.8 points from
one start to the next). The second pass is fitted the same way on features that read the
neighbouring quotes' speakers from the first pass (fitted on the same novels). Novels are split into folds;
each fold is scored by weights fitted on the others, end to end (undetected quotes count wrong), next to the
rules alone. Then the weights are fitted on every novel and written as JSON (a list of scorers per pass).
No PDNC text is written anywhere. The fit runs on one BLAS thread, so it writes the same file on any machine.
"""

# ruff: noqa: E402  (numpy must load after the thread settings below)
from __future__ import annotations

import argparse
import json
import os
import pickle
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# One BLAS thread: with more, sums are added in another order, Adam's path drifts, and the written weights
# differ in the third decimal from one machine to the next. Set before numpy loads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np

from heartline.evaluate.pdnc import gold_characters, gold_quotes, map_characters, speaker_right, split_novels
from heartline.pipeline import Pipeline
from heartline.speakers import described_by_name, rule_speakers
from heartline.speakers.ablation import enabled
from heartline.speakers.ranker import FEATURES, RERANKED, WEIGHTS, Context, allowed_candidates, rerank
from heartline.story import Story

ROOT = Path(__file__).resolve().parent.parent


@dataclass(eq=False)
class Novel:
    """One PDNC novel after the rules: its context, and each gold quote's type, gold row and quote index."""

    name: str
    ctx: Context
    mapped: dict[str, str | None]
    gold: dict[str, set[str]]
    rows: list[tuple[str, dict[str, str], int | None]]
    first_items: list[dict] | None = None
    folded: dict[int, int] = field(default_factory=dict)  # described characters folded into named ones

    def said_by(self, qi: int | None, out: list[int | None]) -> str | None:
        """The gold character the predicted speaker of quote ``qi`` maps to, after the speakers step folds
        "the painter" into Basil Hallward (as ``heartline read`` does)."""
        ids = self.ctx.ids
        if qi is None or out[qi] is None:
            return None
        sp = out[qi]
        return self.mapped.get(ids[self.folded.get(sp, sp)])


def load_novel(folder: Path, cache: Path | None) -> Novel:
    return novel_from_story(folder, read_characters(folder, cache))


def read_characters(folder: Path, cache: Path | None) -> Story:
    """The novel after the segment and characters steps."""
    # the cache keeps the segment step only (the slow, stable part), so a change to the characters step shows
    cached = cache / f"{folder.name}.segment.pkl" if cache else None
    if cached is not None and cached.exists():
        story = pickle.loads(cached.read_bytes())
    else:
        story = Pipeline("segment")(Story((folder / "novel_text.txt").read_text(encoding="utf-8")))
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            cached.write_bytes(pickle.dumps(story))
    return Pipeline("characters", assume=["segment"])(story)


def novel_from_story(folder: Path, story: Story) -> Novel:
    """The rules' context for a novel whose characters are known, with its gold quotes matched."""
    index = {id(q): i for i, q in enumerate(story.quotes)}
    rows = [
        (row["quoteType"].strip().lower(), row, index[id(hit)] if hit is not None else None)
        for row, hit in gold_quotes(folder, story)
    ]
    gold = gold_characters(folder)
    ctx = rule_speakers(story)
    folded = described_by_name(story, ctx, ctx.ids) if enabled("described_by_name") else {}
    return Novel(folder.name, ctx, map_characters(story, gold), gold, rows, folded=folded)


def novel_items(nv: Novel) -> list[dict]:
    """Per gold quote the rules left to the ranker: candidate features (neighbours' speakers as in
    ``nv.ctx.speakers``) and which candidates map to the gold speaker."""
    ctx, ids = nv.ctx, nv.ctx.ids
    items = []
    for _, row, qi in nv.rows:
        if qi is not None and (ctx.kinds[qi] in RERANKED or ctx.rules[qi] is None):
            cands, x = allowed_candidates(ctx, qi)
            if cands:
                items.append({"x": x, "y": np.array([nv.mapped.get(ids[c]) == row["speaker"] for c in cands])})
    return items


def fit_passes(
    novels: list[Novel],
    passes: int,
    l2: float,
    hidden: int,
    steps: int,
    seeds: int,
    first_seed: int = 0,
    drop: Sequence[int] = (),
) -> list[list[dict]]:
    """Fit each pass on the features the passes before it leave (pass 1: the rules' neighbours): ``seeds``
    scorers from different random starts, whose scores the ranker averages. The features at the indices in
    ``drop`` are left out (their weights stay 0: the ranker then ignores them)."""
    fitted: list[list[dict]] = []
    for _ in range(passes):
        items = []
        for nv in novels:
            if not fitted:  # the rules' neighbours: the same in every fold
                if nv.first_items is None:
                    nv.ctx.speakers = list(nv.ctx.rules)
                    nv.first_items = novel_items(nv)
                items += nv.first_items
            else:
                nv.ctx.speakers = rerank(nv.ctx, fitted)
                items += novel_items(nv)
        fitted.append(
            [fit(items, l2, hidden, steps, seed=seed, drop=drop) for seed in range(first_seed, first_seed + seeds)]
        )
    for nv in novels:
        nv.ctx.speakers = list(nv.ctx.rules)
    return fitted


def fit(
    items: list[dict],
    l2: float,
    hidden: int = 0,
    steps: int = 400,
    lr: float = 0.05,
    seed: int = 0,
    drop: Sequence[int] = (),
) -> dict:
    """Conditional logit over the quotes whose candidates hold the right speaker: a linear score, plus a
    small tanh layer (started at random from ``seed``) when ``hidden`` > 0. Features at the indices in
    ``drop`` are zeroed, so their weights stay 0. Returns the parameters as arrays."""
    usable = [it for it in items if it["x"] is not None and it["y"].any()]
    x = np.concatenate([it["x"] for it in usable]).astype(np.float32)  # float32: twice as fast, as good
    if len(drop):
        x[:, list(drop)] = 0.0
    y = np.concatenate([it["y"] for it in usable])
    sizes = np.array([len(it["y"]) for it in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(usable)), sizes)
    rng = np.random.default_rng(seed)
    params = {"linear": np.zeros(x.shape[1], dtype=np.float32)}
    if hidden:
        params["w1"] = rng.normal(0, 0.1, (x.shape[1], hidden)).astype(np.float32)
        params["b1"] = np.zeros(hidden, dtype=np.float32)
        params["w2"] = rng.normal(0, 0.1, hidden).astype(np.float32)
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


def score(nv: Novel, passes: list[list[dict]] | None) -> Counter:
    """Right and total per quote type, end to end: the rules alone (``passes`` None) or reranked."""
    out = rerank(nv.ctx, passes) if passes else list(nv.ctx.rules)
    right: Counter = Counter()
    for kind, row, qi in nv.rows:
        strict, by_alias = speaker_right(nv.said_by(qi, out), row, nv.gold)
        right[kind] += strict
        right["alias_" + kind] += by_alias
        right["n_" + kind] += 1
    return right


def summary(r: Counter) -> str:
    """Strict scores, then alias-resolved ones (as ``heartline evaluate pdnc`` reports them)."""
    parts = []
    for prefix in ("", "alias_"):
        exp = r[prefix + "explicit"] / max(r["n_explicit"], 1)
        non = (r[prefix + "anaphoric"] + r[prefix + "implicit"]) / max(r["n_anaphoric"] + r["n_implicit"], 1)
        parts.append(f"explicit {100 * exp:.2f}% non-explicit {100 * non:.2f}%")
    return f"{parts[0]} (alias-resolved {parts[1]})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc" / "data")
    ap.add_argument(
        "--split",
        default="dev",
        choices=["dev", "all"],
        help="fit on the 12 development novels (default; the locked 6 scored once, in aggregate) or on all 18",
    )
    ap.add_argument("--folds", type=int, default=6, help="folds by novel for cross-validation (0: none)")
    ap.add_argument("--l2", type=float, default=3e-3)
    ap.add_argument("--hidden", type=int, default=16, help="units of the tanh layer (0: linear only)")
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--passes", type=int, default=3, help="passes of the ranker, each reading the one before")
    ap.add_argument("--seeds", type=int, default=3, help="scorers per pass, from different random starts")
    ap.add_argument(
        "--first-seed", type=int, default=0, help="the first random start (another one tells a change from noise)"
    )
    ap.add_argument(
        "--no-locked",
        action="store_true",
        help="do not score the locked novels (each scoring of them counts: score them with the shared scorer)",
    )
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--cache", type=Path, default=None, help="keep each novel's characters here between runs")
    args = ap.parse_args()
    available = [p.name for p in args.data.iterdir() if (p / "quotation_info.csv").exists()]
    names = split_novels(args.split, available)
    locked = split_novels("locked", available) if args.split == "dev" and not args.no_locked else []
    t0 = time.perf_counter()
    novels = [load_novel(args.data / n, args.cache) for n in names]
    print(f"{len(names)} novels read in {time.perf_counter() - t0:.0f} s ({args.split})")
    rules, ranked = Counter(), Counter()
    for k in range(args.folds):  # --folds 0: no cross-validation, only the fit on every novel
        test = novels[k :: args.folds]
        train = [nv for nv in novels if nv not in test]
        w = fit_passes(train, args.passes, args.l2, args.hidden, args.steps, args.seeds, args.first_seed)
        for nv in test:
            rules += score(nv, None)
            ranked += score(nv, w)
    print(f"rules alone:              {summary(rules)}")
    print(f"with ranker ({args.folds} folds): {summary(ranked)}")
    w = fit_passes(novels, args.passes, args.l2, args.hidden, args.steps, args.seeds, args.first_seed)
    print(f"fitted on all, scored on all (optimistic): {summary(sum((score(nv, w) for nv in novels), Counter()))}")
    locked_summary = None
    if locked:  # aggregate only: the locked novels' single quotes are never printed
        held = [load_novel(args.data / n, args.cache) for n in locked]
        rules_l = sum((score(nv, None) for nv in held), Counter())
        ranked_l = sum((score(nv, w) for nv in held), Counter())
        locked_summary = {"rules": summary(rules_l), "ranker": summary(ranked_l)}
        print(f"locked {len(held)}, rules alone:  {summary(rules_l)}")
        print(f"locked {len(held)}, with ranker:  {summary(ranked_l)}")
    out = {
        "model": "speakers-v8",
        "kind": "conditional logit over candidate speakers",
        "trained_on": f"PDNC, {len(names)} novels (quotes decided by a pronoun or turn-taking)",
        "novels": names,
        "cross_validation": {"folds": args.folds, "rules": summary(rules), "ranker": summary(ranked)},
        "locked": locked_summary,
        "l2": args.l2,
        "features": list(FEATURES),
        "hidden": args.hidden,
        "seeds": args.seeds,
        "passes": [[{k: np.round(v, 5).tolist() for k, v in m.items()} for m in members] for members in w],
    }
    args.out.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    for f, x in sorted(zip(FEATURES, w[0][0]["linear"], strict=True), key=lambda p: -abs(p[1]))[:12]:
        print(f"  {f:26s} {x:+.3f}")


if __name__ == "__main__":
    main()
