"""Re-tune a model folder's per-label thresholds on GoEmotions dev, on the folder's own (int8) outputs.

usage: python scripts/retune_thresholds.py src/heartline/models/emotions-minilm-v1 --data ../shared/data/goemotions

Writes thresholds.json and the onnx_int8 entry of metrics.json (at 0.5, optimistic, honest split-half, and the
honest mean over 20 random splits), with the procedure in ``heartline.emotions.metrics.tune_thresholds``.
The model card's figures are then updated by hand.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from heartline.emotions.labels import LABELS
from heartline.emotions.metrics import dev_metrics, tune_thresholds
from heartline.emotions.model import EmotionModel
from heartline.emotions.train import read_split


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    texts, y = read_split(args.data / "dev.tsv")
    p = EmotionModel(args.model).predict_proba(texts)
    thresholds = tune_thresholds(y, p)
    entry = dev_metrics(y, p, LABELS, thresholds, splits=20)
    metrics_path = args.model / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.exists() else {}
    metrics["onnx_int8"] = entry
    metrics["threshold_procedure"] = "tune_thresholds: per-label best F1, shrunk toward the shared best (shrink=15)"
    metrics_path.write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    (args.model / "thresholds.json").write_text(
        json.dumps({k: float(v) for k, v in zip(LABELS, thresholds, strict=True)}, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps({k: v for k, v in entry.items() if k != "per_label_f1_honest"}, indent=1))


if __name__ == "__main__":
    main()
