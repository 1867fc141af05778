"""What each rule of the speakers step, and each group of the ranker's features, is worth on the dev novels.

usage: python scripts/ablate_speakers.py --cache DIR [--data ../shared/data/pdnc/data] [--only NAME ...]
                                         [--folds 4] [--passes 2] [--steps 400] [--out FILE]

On the 12 development novels only (``heartline.evaluate.pdnc.DEV_NOVELS``; the locked six are never read),
each rule of :data:`heartline.speakers.ablation.RULES` is switched off in turn, and each group of the
ranker's features (:data:`GROUPS`) left out in turn. For each, every novel is scored end to end, as
``train_speakers.py`` scores it (alias-resolved, undetected quotes wrong): by the rules alone, and with a
ranker refitted without that rule or group by leave-novels-out (``--folds`` folds by novel: each novel is
scored by weights fitted on the others). So a rule is judged on novels its ranker was not fitted on.

The ranker here is linear (no tanh layer) and fitted from one start: its fit is convex and the same on
every run, so a difference between two settings is the rule's, not a random start's. A rule that changes no
decision on any dev novel is reported as such without refitting.

A rule pays its way when, switched on, more quotes are right (explicit and anaphoric + implicit together,
with the ranker) on at least 2 dev novels than with it off, and more over the 12 in all. Output: one line per
rule or group, and JSON (``--out``, default benchmarks/results/speakers-ablation.json) with the counts per
novel. No PDNC text is written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_speakers import Novel, fit_passes, novel_from_story, read_characters, score

from heartline.evaluate.pdnc import split_novels
from heartline.speakers import ablation
from heartline.speakers.ranker import FEATURES
from heartline.story import Story

ROOT = Path(__file__).resolve().parent.parent

# the ranker's features in groups of one kind of evidence each
GROUPS: dict[str, tuple[str, ...]] = {
    "rule": ("rule", "rule_explicit", "rule_anaphoric", "rule_implicit", "rule_action", "conversation_start_rule"),
    "tag": ("tag_name", "tag_pronoun", "tag_addressee"),
    "gender": ("gender_match", "gender_mismatch", "gender_unknown"),
    "action": ("action", "action_pronoun"),
    "names_in_quote": ("vocative_here", "named_here", "pair_talked"),
    "turns": (
        "prev1",
        "prev2",
        "prev3",
        "next1",
        "next2",
        "prev1_explicit",
        "prev2_explicit",
        "next1_explicit",
        "next2_explicit",
        "alternate",
        "two_party",
        "prev1_same_paragraph",
    ),
    "addressed": ("addressed_by_prev", "addressed_by_next"),
    "recency": ("conversation_start", "spoke_within_15", "spoke_recently", "spoke_never", "tagged_speaker_nearby"),
    "asked": ("asked_prev1",),
    "narration": (
        "narration_p0",
        "subject_p0",
        "narration_p1",
        "narration_p2_5",
        "narration_p6_10",
        "narration_next",
        "subject_last_p1",
    ),
    "before": ("before_subject1", "before_gsubject1", "before_gsubject2", "before_gmention1"),
    "mentions": ("most_mentioned", "log_mentions"),
    "address_words": ("address_prev_match", "address_prev_mismatch", "address_next_match", "address_next_mismatch"),
    "chain": tuple(f for f in FEATURES if f.startswith("chain_")),
    "style": ("style_sim", "style_best", "style_unknown"),
}


# rules of the ranker itself: the rules' decisions do not show them
RANKER_RULES = {"vocative_filter"}


def fingerprint(nv: Novel) -> tuple:
    """What the rules decided for a novel, and the evidence the ranker reads: equal means the rule did nothing."""
    ctx = nv.ctx
    ev = tuple(
        (
            e.tag_speaker,
            e.tag_kind,
            e.tag_gender,
            e.tag_addressee,
            e.action,
            e.action_gender,
            e.action_pronoun,
            tuple(e.vocatives),
            tuple(sorted(e.named)),
        )
        for e in ctx.ev
    )
    return tuple(ctx.rules), tuple(ctx.kinds), ev, tuple(sorted(nv.folded.items()))


def per_novel(
    novels: list[Novel], folds: int, passes: int, steps: int, drop: list[int], fitted: list | None = None
) -> dict[str, dict]:
    """Right counts per novel: rules alone, and with a linear ranker fitted on the other folds (or, given
    ``fitted``, with those weights per fold, fitted before the change: the change's own effect, without a
    refit's)."""
    out: dict[str, dict] = {}
    for k in range(folds):
        test = novels[k::folds]
        train = [nv for nv in novels if nv not in test]
        if fitted is not None and len(fitted) == k:
            fitted.append(fit_passes(train, passes, 3e-3, 0, steps, 1, drop=drop))
        w = fitted[k] if fitted is not None else fit_passes(train, passes, 3e-3, 0, steps, 1, drop=drop)
        for nv in test:
            r, ranked = score(nv, None), score(nv, w)
            out[nv.name] = {
                "rules": [r["alias_explicit"], r["alias_anaphoric"] + r["alias_implicit"]],
                "ranker": [ranked["alias_explicit"], ranked["alias_anaphoric"] + ranked["alias_implicit"]],
                "n": [r["n_explicit"], r["n_anaphoric"] + r["n_implicit"]],
            }
    return out


def totals(res: dict[str, dict], key: str) -> list[float]:
    exp = sum(v[key][0] for v in res.values())
    non = sum(v[key][1] for v in res.values())
    n_exp = sum(v["n"][0] for v in res.values())
    n_non = sum(v["n"][1] for v in res.values())
    return [round(100 * exp / n_exp, 2), round(100 * non / n_non, 2)]


def verdict(base: dict[str, dict], off: dict[str, dict]) -> dict:
    """Per novel, quotes right with the rule on minus with it off (explicit + non-explicit, ranker)."""
    gain = {n: sum(base[n]["ranker"]) - sum(off[n]["ranker"]) for n in base}
    gain_rules = {n: sum(base[n]["rules"]) - sum(off[n]["rules"]) for n in base}
    helps = sum(g > 0 for g in gain.values())
    hurts = sum(g < 0 for g in gain.values())
    net = sum(gain.values())
    return {
        "gain_per_novel": gain,
        "gain_rules_alone": sum(gain_rules.values()),
        "helps_on": helps,
        "hurts_on": hurts,
        "net": net,
        "keep": helps >= 2 and net > 0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc" / "data")
    ap.add_argument("--cache", type=Path, default=None, help="each novel's segment step, kept between runs")
    ap.add_argument("--only", nargs="*", default=None, help="these rules or groups only (default: all)")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument(
        "--no-refit",
        action="store_true",
        help="rules only: score with the ranker fitted with every rule on (per fold), not refitted without it",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speakers-ablation.json")
    args = ap.parse_args()
    available = [p.name for p in args.data.iterdir() if (p / "quotation_info.csv").exists()]
    names = split_novels("dev", available)  # the locked novels are never read here
    t0 = time.perf_counter()
    stories: dict[str, Story] = {n: read_characters(args.data / n, args.cache) for n in names}
    print(f"{len(names)} dev novels read in {time.perf_counter() - t0:.0f} s", flush=True)

    def novels() -> list[Novel]:
        return [novel_from_story(args.data / n, stories[n]) for n in names]

    ablation.DISABLED.clear()
    base_novels = novels()
    base_prints = [fingerprint(nv) for nv in base_novels]
    t0 = time.perf_counter()
    fold_weights: list = []  # the base ranker per fold, for --no-refit
    base = per_novel(base_novels, args.folds, args.passes, args.steps, [], fold_weights)
    print(
        f"all rules on: rules alone {totals(base, 'rules')}, ranker {totals(base, 'ranker')} "
        f"({time.perf_counter() - t0:.0f} s)",
        flush=True,
    )
    todo = [*ablation.RULES, *([] if args.no_refit else GROUPS)] if args.only is None else args.only
    results: dict[str, dict] = {}
    for name in todo:
        t0 = time.perf_counter()
        if name in GROUPS:
            drop = [FEATURES.index(f) for f in GROUPS[name]]
            off = per_novel(base_novels, args.folds, args.passes, args.steps, drop)
            kind = "feature group"
        else:
            if name not in ablation.RULES:
                raise SystemExit(f"unknown rule or group {name!r}")
            ablation.DISABLED.clear()
            ablation.DISABLED.add(name)
            try:
                off_novels = novels()
            finally:
                ablation.DISABLED.clear()
            kind = "rule"
            if name not in RANKER_RULES and all(
                fingerprint(nv) == fp for nv, fp in zip(off_novels, base_prints, strict=True)
            ):
                results[name] = {
                    "kind": kind,
                    "changes_nothing": True,
                    "keep": False,
                    "net": 0,
                    "helps_on": 0,
                    "hurts_on": 0,
                }
                print(f"{name:26s} changes no decision on the dev novels", flush=True)
                continue
            off = per_novel(
                off_novels, args.folds, args.passes, args.steps, [], fold_weights if args.no_refit else None
            )
        v = verdict(base, off)
        results[name] = {
            "kind": kind,
            "changes_nothing": False,
            **v,
            "off_rules": totals(off, "rules"),
            "off_ranker": totals(off, "ranker"),
            "per_novel_off": off,
        }
        print(
            f"{name:26s} off: rules {totals(off, 'rules')}, ranker {totals(off, 'ranker')}; on helps "
            f"{v['helps_on']} novels, hurts {v['hurts_on']}, net {v['net']:+d} quotes (rules alone "
            f"{v['gain_rules_alone']:+d}) -> {'keep' if v['keep'] else 'remove'} "
            f"({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
    out = {
        "benchmark": "speakers step, rules and ranker feature groups switched off one at a time",
        "novels": names,
        "protocol": {
            "folds": args.folds,
            "passes": args.passes,
            "steps": args.steps,
            "ranker": "linear, one start",
            "refit": not args.no_refit,
            "counts": "alias-resolved right quotes, undetected quotes wrong",
        },
        "base": {"rules": totals(base, "rules"), "ranker": totals(base, "ranker"), "per_novel": base},
        "ablations": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    prev = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() and args.only else None
    if prev is not None and prev.get("protocol") == out["protocol"]:  # --only: add to the earlier run's table
        prev["ablations"].update(results)
        prev["base"] = out["base"]
        out = prev
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
