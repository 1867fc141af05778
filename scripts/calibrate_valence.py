"""Fit the linear map from an emotion model's 27 emotion probabilities to valence and arousal on EmoBank.

usage: python scripts/calibrate_valence.py --emobank ../shared/data/emobank \
           --model src/heartline/models/emotions-minilm-l2-v6 [--other-weight 0.25] [--ridge 1.0]

EmoBank (Buechel and Hahn 2017, CC BY-SA 4.0) rates 10,062 sentences for valence and arousal (1-5, reader and
writer averaged); 2,893 are fiction. The model reads every sentence; a ridge regression (one intercept, one
weight per emotion label, neutral left out as the arcs leave it out) is fitted to ``(V - 3) / 2`` and
``(A - 3) / 2``, fiction rows weighted 1 and the other genres ``--other-weight``. Quality: Pearson r on the
fiction rows, 5-fold cross-validated by document (no document's sentences on both sides), beside the same r
for the hand-set valence table (``language/data/valence.tsv``, arcs' weighted sum).

EmoBank's ratings crowd the middle of the scale, so the fitted map has a small spread. Arcs' amplitude
thresholds are in units of the hand table; the map is therefore scaled (intercept kept at a neutral
sentence's 0: weights only) so its predictions on EmoBank fiction have the same standard deviation as the
hand table's on the same sentences. The direction and the relative weights are EmoBank's; the scale is the
hand table's. Writes ``valence.json`` into the model folder.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np

from heartline.emotions.model import EmotionModel
from heartline.language.valence import VALUES


def read_emobank(folder: Path) -> tuple[list[str], np.ndarray, np.ndarray, list[str], list[str]]:
    """Texts, valence, arousal (1-5), category and document of every EmoBank sentence."""
    meta = {}
    with (folder / "corpus_meta.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["id"]] = (row["category"], row["document"])
    texts, v, a, cats, docs = [], [], [], [], []
    with (folder / "corpus_emobank.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["id"] not in meta or not row["text"].strip():
                continue
            texts.append(row["text"])
            v.append(float(row["V"]))
            a.append(float(row["A"]))
            cats.append(meta[row["id"]][0])
            docs.append(meta[row["id"]][1])
    return texts, np.array(v), np.array(a), cats, docs


def ridge(x: np.ndarray, y: np.ndarray, w: np.ndarray, lam: float) -> np.ndarray:
    """Weighted ridge regression with an unpenalised intercept: coefficients [intercept, weights...]."""
    xa = np.column_stack([np.ones(len(x)), x])
    reg = lam * np.eye(xa.shape[1])
    reg[0, 0] = 0.0
    return np.linalg.solve(xa.T @ (xa * w[:, None]) + reg, xa.T @ (y * w))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--emobank", type=Path, required=True)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--other-weight", type=float, default=0.25)
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    texts, v, a, cats, docs = read_emobank(args.emobank)
    m = EmotionModel(args.model, threads=2)
    probs = m.predict_proba(texts)
    labels = [lab for lab in m.labels if lab != "neutral"]
    x = probs[:, [m.labels.index(lab) for lab in labels]]
    fiction = np.array([c == "fiction" for c in cats])
    weight = np.where(fiction, 1.0, args.other_weight)
    hand = (x @ np.array([VALUES[lab] for lab in labels])) / np.maximum(1.0, x.sum(1))  # arcs' signal

    doc_ids = sorted(set(docs))
    rng = np.random.default_rng(0)
    fold_of_doc = dict(zip(doc_ids, rng.permutation(len(doc_ids)) % args.folds, strict=True))
    fold = np.array([fold_of_doc[d] for d in docs])
    out: dict = {"model": args.model.name, "labels": labels, "data": "EmoBank (Buechel and Hahn 2017, CC BY-SA 4.0)",
                 "fiction_rows": int(fiction.sum()), "rows": len(texts), "other_weight": args.other_weight,
                 "ridge": args.ridge}  # fmt: skip
    for name, target in (("valence", (v - 3) / 2), ("arousal", (a - 3) / 2)):
        pred = np.zeros(len(texts))
        for k in range(args.folds):
            train = fold != k
            coef = ridge(x[train], target[train], weight[train], args.ridge)
            pred[~train] = coef[0] + x[~train] @ coef[1:]
        r_cv = float(np.corrcoef(pred[fiction], target[fiction])[0, 1])
        coef = ridge(x, target, weight, args.ridge)
        fitted = coef[0] + x @ coef[1:]
        entry = {
            "r_fiction_cv": round(r_cv, 4),
            "r_all_cv": round(float(np.corrcoef(pred, target)[0, 1]), 4),
            "intercept_fit": round(float(coef[0]), 5),
        }
        if name == "valence":
            entry["r_fiction_hand_table"] = round(float(np.corrcoef(hand[fiction], target[fiction])[0, 1]), 4)
            scale = float(hand[fiction].std() / max(1e-9, (x[fiction] @ coef[1:]).std()))
        else:
            scale = float(1.0 / max(1e-9, (x[fiction] @ coef[1:]).std()) * 0.25)  # arousal: sd 0.25 on fiction
        entry["scale"] = round(scale, 4)
        entry["weights"] = {lab: round(float(w) * scale, 5) for lab, w in zip(labels, coef[1:], strict=True)}
        entry["r_fiction_fit"] = round(float(np.corrcoef(fitted[fiction], target[fiction])[0, 1]), 4)
        out[name] = entry
        print(f"{name}: CV r on fiction {entry['r_fiction_cv']} (all genres {entry['r_all_cv']})"
              + (f", hand table {entry['r_fiction_hand_table']}" if name == "valence" else ""))  # fmt: skip
    path = args.model / "valence.json"
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
