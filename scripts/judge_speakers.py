"""Judge removals of the speakers step's rules by two sets of novels: PDNC dev-12 and LitBank's paragraphs.

usage: python scripts/judge_speakers.py --cache DIR [--off RULE[,RULE...] ...] [--folds 4] [--hidden 0]
                                        [--passes 2] [--steps 400] [--seeds 1] [--litbank DIR] [--out FILE]

Each ``--off`` is one setting: the rules named (keys of :data:`heartline.speakers.ablation.RULES`, comma
separated) switched off together; ``none`` is every rule on. For each setting the ranker is refitted as
``ablate_speakers.py`` fits it by default (linear, one start, 2 passes: a convex fit, the same on every run, so
a difference is the setting's, not a random start's; ``--hidden 16 --passes 3 --seeds 3 --steps 800`` is the
shipped form):

- PDNC: the 12 development novels only (the locked six are never read), cross-validated by novel
  (``--folds`` folds, each novel scored by weights fitted on the others), alias-resolved, undetected quotes
  wrong, explicit and anaphoric + implicit;
- LitBank: the ranker fitted on all 12 then reads LitBank's excerpts on the original text's paragraphs
  (``heartline evaluate litbank --paragraphs``: 65 books, PDNC's locked novels left out), explicit and other.

The two judges read different books (LitBank's ranker is fitted on the PDNC dev novels, never on LitBank),
so a removal that holds on both is likelier to hold on novels neither has seen. Output: one line per
setting and JSON (``--out``). No PDNC or LitBank text is written.
"""

# ruff: noqa: E402  (numpy must load after the thread settings below)
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one BLAS thread, as train_speakers.py fits: the same weights on any machine

import numpy as np
from train_speakers import fit_passes, novel_from_story, read_characters, score

from heartline.evaluate.litbank import evaluate_litbank_paragraphs
from heartline.evaluate.pdnc import split_novels
from heartline.speakers import ablation, ranker
from heartline.speakers.ranker import FEATURES
from heartline.story import Story

ROOT = Path(__file__).resolve().parent.parent


def pct(right: int, n: int) -> float:
    return round(100 * right / max(n, 1), 2)


def judge(stories: dict[str, Story], data: Path, litbank: Path | None, off: set[str], args: argparse.Namespace) -> dict:
    """Both judges' figures with the rules in ``off`` switched off."""
    ablation.DISABLED.clear()
    ablation.DISABLED.update(off)
    try:
        novels = [novel_from_story(data / n, s) for n, s in stories.items()]
        cv: Counter = Counter()
        per_novel: dict[str, list[int]] = {}
        for k in range(args.folds):
            test = novels[k :: args.folds]
            train = [nv for nv in novels if nv not in test]
            w = fit_passes(train, args.passes, args.l2, args.hidden, args.steps, args.seeds, args.first_seed)
            for nv in test:
                r = score(nv, w)
                cv += r
                per_novel[nv.name] = [
                    r["alias_explicit"],
                    r["alias_anaphoric"] + r["alias_implicit"],
                ]
        out: dict = {
            "off": sorted(off),
            "dev_cv": [
                pct(cv["alias_explicit"], cv["n_explicit"]),
                pct(cv["alias_anaphoric"] + cv["alias_implicit"], cv["n_anaphoric"] + cv["n_implicit"]),
            ],
            "dev_cv_right": [cv["alias_explicit"], cv["alias_anaphoric"] + cv["alias_implicit"]],
            "dev_cv_per_novel": per_novel,
        }
        if litbank is not None:
            w = fit_passes(novels, args.passes, args.l2, args.hidden, args.steps, args.seeds, args.first_seed)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "speakers.json"
                passes = [[{k: np.round(v, 5).tolist() for k, v in m.items()} for m in ms] for ms in w]
                path.write_text(json.dumps({"features": list(FEATURES), "passes": passes}), encoding="utf-8")
                shipped = ranker.WEIGHTS
                ranker.WEIGHTS = path
                ranker.load_weights.cache_clear()
                try:
                    lb = evaluate_litbank_paragraphs(litbank)
                finally:
                    ranker.WEIGHTS = shipped
                    ranker.load_weights.cache_clear()
            out["litbank"] = [
                round(100 * lb["explicit"]["speaker_right"], 2),
                round(100 * lb["other"]["speaker_right"], 2),
            ]
            out["litbank_all"] = round(100 * lb["quotes"]["speaker_right"], 2)
        return out
    finally:
        ablation.DISABLED.clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc" / "data")
    ap.add_argument("--litbank", type=Path, default=ROOT.parent / "shared" / "data" / "litbank")
    ap.add_argument("--no-litbank", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="each novel's segment step, kept between runs")
    ap.add_argument("--off", nargs="+", default=["none"], help="settings: comma-separated rules, or none")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=0, help="units of the tanh layer (0: linear)")
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--l2", type=float, default=3e-3)
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    settings = [set() if s == "none" else set(s.split(",")) for s in args.off]
    for off in settings:
        unknown = off - set(ablation.RULES)
        if unknown:
            raise SystemExit(f"unknown rules {sorted(unknown)}")
    available = [p.name for p in args.data.iterdir() if (p / "quotation_info.csv").exists()]
    names = split_novels("dev", available)  # the locked novels are never read here
    stories = {n: read_characters(args.data / n, args.cache) for n in names}
    protocol = {k: getattr(args, k) for k in ("folds", "hidden", "passes", "steps", "seeds", "first_seed", "l2")}
    results = []
    for off in settings:
        t0 = time.perf_counter()
        r = judge(stories, args.data, None if args.no_litbank else args.litbank, off, args)
        results.append(r)
        print(
            f"off {','.join(sorted(off)) or 'none'}: dev CV {r['dev_cv']} LitBank {r.get('litbank')} "
            f"({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        if args.out is not None:
            args.out.write_text(
                json.dumps({"protocol": protocol, "results": results}, indent=1) + "\n",
                encoding="utf-8",
            )


if __name__ == "__main__":
    main()
