"""Score emotion models on the silver fiction dev split (books held out from training) by kind of row.

usage: python scripts/silver_dev_eval.py runs/silver/dev.jsonl MODEL [MODEL ...]

For rows with silver labels (``quote``: a tagged quote's words without the tag; ``narration``: a sentence
with a cue, the cue cut out in a quarter of them), the silver labels of weight >= 0.8 and the model's labels
are both mapped to Ekman's six (heartline.emotions.views.EKMAN) and scored as ``heartline evaluate fiction``
scores ABBE: macro-F1 over the groups present. ``plain`` rows (no cue) report the share the model reads as
neutral only. Silver labels are noisy and narration rows often keep their cue word: compare models with it,
do not quote it as accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from heartline.emotions import classify, load_model
from heartline.emotions.metrics import f1_scores
from heartline.emotions.views import EKMAN
from heartline.evaluate.fiction import EKMAN6, ekman_predictions


def main() -> None:
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if line]
    for name in sys.argv[2:]:
        model = load_model(name)
        results = classify([r["text"] for r in rows], model=model)
        out: dict = {"model": Path(name).name}
        for kind in ("quote", "narration"):
            idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
            gold = np.array([[int(any(lab in EKMAN[g] for lab, w in rows[i]["labels"].items() if w >= 0.8))
                              for g in EKMAN6] for i in idx])  # fmt: skip
            keep = gold.sum(1) > 0
            pred = ekman_predictions([results[i].labels for i in idx])
            present = gold[keep].sum(0) > 0
            s = f1_scores(gold[keep][:, present], pred[keep][:, present])
            out[kind] = {
                "rows": int(keep.sum()),
                "ekman_macro_f1": round(s["macro_f1"], 4),
                "neutral_only": round(float(np.mean([results[i].labels == ["neutral"] for i in idx])), 4),
            }
        plain = [i for i, r in enumerate(rows) if r["kind"] == "plain"]
        out["plain"] = {
            "rows": len(plain),
            "neutral_only": round(float(np.mean([results[i].labels == ["neutral"] for i in plain])), 4),
        }
        print(json.dumps(out))


if __name__ == "__main__":
    main()
