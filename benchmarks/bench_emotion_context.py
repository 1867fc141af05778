"""A left context for the emotion model: the sentence before, given as ``context [SEP] sentence``.

usage: python benchmarks/bench_emotion_context.py [--silver runs/silver/dev.jsonl]
           [--model src/heartline/models/emotions-minilm-l2-v4 ...] [--threads 2] [--repeats 3]
           [--out benchmarks/results/emotion_context.json]

Scores each model folder on the held-out silver fiction books (``scripts/fiction_silver.py`` writes them to
dev.jsonl, each row with ``prev``, the sentence before it in the book) twice: the sentence alone, and the same
sentence after its left context and the tokenizer's ``[SEP]``. As ``scripts/silver_dev_eval.py`` does, the
silver labels of weight >= 0.8 and the model's labels are mapped to Ekman's six and scored by macro-F1 over the
groups present, per kind of row (``quote``: a tagged quote's words without the tag; ``narration``: a sentence
with a cue, the cue cut out in a quarter of them); ``plain`` rows (no cue) report the share read as neutral
only. Only rows that have a left context are scored, so both readings see the same rows. The silver labels are
noisy and come from the sentence, not its context: compare the two readings with it, not as accuracy.

Speed: texts/s (tokenization + model, best of ``--repeats``, the two readings timed in turn) over the same rows,
alone and with context.
A handful of hand-written pairs (``PAIRS``: a sentence that says little by itself after one that says what
it means) show the Ekman groups each reading gives.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
SEP = " [SEP] "

# (left context, sentence, the Ekman group a reader would give the sentence; "" for none)
PAIRS = [
    ("The letter said that her son had died at Sebastopol.", "She sat by the window until it was dark.", "sadness"),
    ("Something was moving in the cellar below her.", "She did not dare to breathe.", "fear"),
    ("The footsteps stopped just outside the door.", "Nobody moved.", "fear"),
    ("He had been told that the prize was his.", "He ran all the way home.", "joy"),
    ("The man had lied to her from the first day.", "She tore his letter into pieces and threw it on the fire.",
     "anger"),
    ("At last the doctor came out and said the child would live.", "Mary sat down on the stairs and covered her face.",
     "joy"),
    ("His brother had taken the last of their money and gone.", "Tom looked at the empty drawer for a long time.",
     "sadness"),
    ("The soup had been left out in the sun for three days.", "He lifted the lid and put it back at once.", "disgust"),
    ("The coach left at nine.", "She packed her trunk.", ""),
]  # fmt: skip


def timed_both(fn, a: list[str], b: list[str], repeats: int) -> tuple:  # type: ignore[no-untyped-def]
    """Outputs for ``a`` and ``b`` and texts/s of each, best of ``repeats`` runs taken in turn (a, b, a, b...),
    so a change of load on a shared machine falls on both."""
    fn(a[:256])  # warm-up
    best, outs = [float("inf"), float("inf")], [None, None]
    for _ in range(repeats):
        for k, texts in enumerate((a, b)):
            t0 = time.perf_counter()
            outs[k] = fn(texts)
            best[k] = min(best[k], time.perf_counter() - t0)
    return outs, [round(len(a) / best[0], 1), round(len(b) / best[1], 1)]


def score_kind(rows: list[dict], labels: list[list[str]], kind: str) -> dict:
    """Ekman macro-F1 against the silver labels of weight >= 0.8 and the share read as neutral only, for the
    rows of one kind (``plain`` rows have no silver label: the share alone)."""
    import numpy as np

    from heartline.emotions.metrics import f1_scores
    from heartline.emotions.views import EKMAN
    from heartline.evaluate.fiction import EKMAN6, ekman_predictions

    idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
    out: dict = {"rows": len(idx), "neutral_only": round(float(np.mean([labels[i] == ["neutral"] for i in idx])), 4)}
    if kind == "plain":
        return out
    gold = np.array(
        [[int(any(lab in EKMAN[g] for lab, w in rows[i]["labels"].items() if w >= 0.8)) for g in EKMAN6] for i in idx]
    )
    keep = gold.sum(1) > 0
    pred = ekman_predictions([labels[i] for i in idx])
    present = gold[keep].sum(0) > 0
    out["scored"] = int(keep.sum())
    out["ekman_macro_f1"] = round(f1_scores(gold[keep][:, present], pred[keep][:, present])["macro_f1"], 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--silver", type=Path, default=ROOT / "runs" / "silver" / "dev.jsonl")
    ap.add_argument("--model", type=Path, action="append", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import numpy as np

    from heartline.emotions import results_from_probs
    from heartline.emotions.model import EmotionModel, resolve_model_path
    from heartline.evaluate.fiction import EKMAN6, ekman_predictions

    rows = [json.loads(line) for line in args.silver.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r.get("prev")]
    alone = [r["text"] for r in rows]
    with_context = [r["prev"] + SEP + r["text"] for r in rows]
    models = args.model or [resolve_model_path(None)]
    report: dict[str, dict] = {}
    for path in models:
        model = EmotionModel(path, threads=args.threads)
        out: dict = {"path": str(path)}
        both, speeds = timed_both(model.predict_proba, alone, with_context, args.repeats)
        for reading, texts, probs, speed in zip(
            ("alone", "with_context"), (alone, with_context), both, speeds, strict=True
        ):
            labels = [r.labels for r in results_from_probs(model, np.asarray(probs))]
            tokens = [len(e.ids) for e in model.tokenizer.encode_batch(texts)]
            scores: dict = {"texts_per_s": speed, "mean_tokens": round(float(np.mean(tokens)), 1)}
            for kind in ("quote", "narration", "plain"):
                scores[kind] = score_kind(rows, labels, kind)
            pair_texts = [s for _, s, _ in PAIRS] if reading == "alone" else [c + SEP + s for c, s, _ in PAIRS]
            pair_labels = [r.labels for r in results_from_probs(model, model.predict_proba(pair_texts))]
            found = 0
            scores["pairs"] = []
            for (_, sentence, want), row, lab in zip(PAIRS, ekman_predictions(pair_labels), pair_labels, strict=True):
                groups = [EKMAN6[j] for j in np.flatnonzero(row)]
                found += (want in groups) if want else not groups
                scores["pairs"].append({"sentence": sentence, "expected": want, "groups": groups, "labels": lab})
            scores["pairs_expected_group_found"] = found
            out[reading] = scores
        report[Path(path).name] = out
        print(f"{Path(path).name}: {json.dumps(out)}", file=sys.stderr)

    payload = {"data": f"{args.silver} rows with a left context: {len(rows)}", "threads": args.threads,
               "models": report}  # fmt: skip
    path = write_results("emotion_context", payload, args.out)
    head = ("model", "reading", "texts/s", "tokens", "narr F1", "quote F1", "plain neu", "pairs")
    print(f"{head[0]:<26}{head[1]:<14}" + "".join(f"{h:>10}" for h in head[2:]))
    for name, out in report.items():
        for reading in ("alone", "with_context"):
            s = out[reading]
            cells = (s["texts_per_s"], s["mean_tokens"], s["narration"]["ekman_macro_f1"], s["quote"]["ekman_macro_f1"],
                     s["plain"]["neutral_only"], f"{s['pairs_expected_group_found']}/{len(PAIRS)}")  # fmt: skip
            print(f"{name:<26}{reading:<14}" + "".join(f"{c:>10}" for c in cells))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
