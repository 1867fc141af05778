"""Emotion model side by side: ONNX int8 (shipped), ONNX fp32 and torch fp32, on GoEmotions dev.

usage: python benchmarks/bench_emotions.py [--data ../shared/data/goemotions]
           [--model src/heartline/models/emotions-minilm-l2-v6]
           [--fp32 runs/emotions-minilm-l2-v6/model.fp32.onnx] [--checkpoint runs/emotions-minilm-l2-v6/model.pt]
           [--other src/heartline/models/emotions-minilm-v1]
           [--threads 2] [--batch-size 64] [--repeats 3] [--out benchmarks/results/emotions.json]

For each runtime: dev macro-F1 at threshold 0.5, tuned on all of dev (optimistic), and honest split-half
(thresholds tuned on one half of dev and scored on the other, both ways, averaged); and model throughput
in texts/s (tokenization + model, length-sorted batches, best of ``--repeats`` runs over all 5,426 dev
texts, ~18 tokens each). The fp32 ONNX export and the torch checkpoint stay out of git (runs/); a runtime
whose file is missing is skipped. torch fp32 needs the [train] extra.
Target: dev macro-F1 >= 0.53 (honest) and >= 1,500 sentences/s on 2 cores for the int8 model.

Fiction: each int8 model folder is also scored on ABBE (``--abbe``, sentences from novels, evaluation only) as
``heartline evaluate fiction`` does: its own labels mapped to Ekman's six, macro-F1 over the six
(``abbe_ekman_macro_f1``), micro-F1, and texts/s on those longer sentences (~37 tokens).
``--model`` is the shipped default (emotions-minilm-l2-v6, 2 layers); its fp32 export and torch checkpoint are
where ``heartline train emotions`` leaves them. The other shipped model (``--other``, the 6-layer
emotions-minilm-v1) is timed and scored beside it as onnx_int8_other.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "src" / "heartline" / "models"
SHIPPED = MODELS / "emotions-minilm-l2-v6"


def scores(y, p) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from heartline.emotions.labels import LABELS
    from heartline.emotions.metrics import dev_metrics

    m = dev_metrics(y, p, LABELS, splits=20)
    keep = ("macro_f1_at_0.5", "macro_f1_optimistic", "macro_f1_honest", "macro_f1_honest_mean_of_20_splits",
            "micro_f1_honest")  # fmt: skip
    return {k: m[k] for k in keep}


def timed(fn, texts, repeats: int):  # type: ignore[no-untyped-def]
    fn(texts[:256])  # warm-up
    best, probs = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        probs = fn(texts)
        best = min(best, time.perf_counter() - t0)
    return probs, round(len(texts) / best, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "goemotions")
    ap.add_argument("--model", type=Path, default=SHIPPED)
    ap.add_argument("--fp32", type=Path, default=ROOT / "runs" / SHIPPED.name / "model.fp32.onnx")
    ap.add_argument("--checkpoint", type=Path, default=ROOT / "runs" / SHIPPED.name / "model.pt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--other", type=Path, default=MODELS / "emotions-minilm-v1",
                    help="Another model folder, timed and scored as onnx_int8_other.")  # fmt: skip
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--abbe", type=Path, default=ROOT.parent / "shared" / "data" / "abbe",
                    help="ABBE folder; scored for the int8 model folders when it exists.")  # fmt: skip
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import numpy as np

    from heartline.emotions.model import EmotionModel
    from heartline.emotions.train import read_split

    texts, y = read_split(args.data / "dev.tsv")
    rows: dict[str, dict] = {}
    int8 = EmotionModel(args.model, threads=args.threads)
    lengths = [len(e.ids) for e in int8.tokenizer.encode_batch(texts)]
    load = os.getloadavg()[0]

    def onnx_runner(m: EmotionModel):  # type: ignore[no-untyped-def]
        return lambda t: m.predict_proba(t, batch_size=args.batch_size)

    other = EmotionModel(args.other, threads=args.threads) if args.other.exists() else None
    runtimes = [("onnx_int8", args.model, lambda: onnx_runner(int8))]
    runtimes.append(("onnx_int8_other", args.other, lambda: onnx_runner(other)))
    runtimes.append(
        (
            "onnx_fp32",
            args.fp32,
            lambda: onnx_runner(
                EmotionModel(
                    args.fp32,
                    tokenizer=args.model / "tokenizer.json",
                    config=args.model / "config.json",
                    threads=args.threads,
                )
            ),
        )
    )
    runtimes.append(("torch_fp32", args.checkpoint, lambda: torch_runner(args.checkpoint, int8, args)))  # fmt: skip
    for name, path, make in runtimes:
        if not path.exists():
            print(f"skip {name}: {path} not found", file=sys.stderr)
            continue
        fn = make()
        probs, speed = timed(fn, texts, args.repeats)
        rows[name] = {"path": str(path), "size_mb": round(path.stat().st_size / 1e6, 1) if path.is_file() else
                      round((path / "model.onnx").stat().st_size / 1e6, 1), "texts_per_s": speed,
                      **scores(y, np.asarray(probs))}  # fmt: skip
        folder_model = {"onnx_int8": int8, "onnx_int8_other": other}.get(name)
        if folder_model is not None and args.abbe.exists():
            rows[name].update(abbe_scores(folder_model, args))
        print(f"{name}: {rows[name]}", file=sys.stderr)

    payload = {
        "data": f"GoEmotions dev, {len(texts)} texts, mean {np.mean(lengths):.1f} tokens (incl. [CLS]/[SEP])",
        "threads": args.threads,
        "batch_size": args.batch_size,
        "load_average_at_start": round(load, 2),
        "runtimes": rows,
    }
    out = write_results("emotions", payload, args.out)
    head = ("runtime", "size MB", "texts/s", "F1@0.5", "F1 opt", "F1 honest", "(20 splits)")
    print(f"{head[0]:<16}" + "".join(f" {h:>11}" for h in head[1:]))
    keys = ("size_mb", "texts_per_s", "macro_f1_at_0.5", "macro_f1_optimistic", "macro_f1_honest",
            "macro_f1_honest_mean_of_20_splits")  # fmt: skip
    for name, r in rows.items():
        print(f"{name:<16}" + "".join(f" {r[k]:>11}" for k in keys))
    for name, r in rows.items():
        if "abbe_ekman_macro_f1" in r:
            print(
                f"{name:<16} ABBE (fiction, Ekman-6): macro-F1 {r['abbe_ekman_macro_f1']}, micro-F1 "
                f"{r['abbe_ekman_micro_f1']}, {r['abbe_texts_per_s']} texts/s"
            )
    print(f"wrote {out}")


def abbe_scores(model, args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """ABBE Ekman-6 macro/micro-F1 of a model folder with its own thresholds, and its speed on those texts."""
    import numpy as np

    from heartline.emotions import results_from_probs
    from heartline.evaluate.fiction import ekman_predictions, gold_matrix, read_abbe, score_ekman

    texts, gold = read_abbe(args.abbe)
    probs, speed = timed(lambda t: model.predict_proba(t, batch_size=args.batch_size), texts, args.repeats)
    results = results_from_probs(model, np.asarray(probs))
    s = score_ekman(gold_matrix(gold), ekman_predictions([r.labels for r in results]))
    return {"abbe_ekman_macro_f1": s["macro_f1"], "abbe_ekman_micro_f1": s["micro_f1"], "abbe_texts_per_s": speed}


def torch_runner(checkpoint: Path, onnx_model, args):  # type: ignore[no-untyped-def]
    import numpy as np
    import torch

    from heartline.emotions.labels import LABELS
    from heartline.emotions.train import base_model_dir, build_model

    torch.set_num_threads(args.threads)
    ckpt = torch.load(checkpoint, map_location="cpu")
    model = build_model(base_model_dir(), len(LABELS), layers=ckpt["config"].get("layers"))
    model.load_state_dict(ckpt["state_dict"])
    model.eval()

    def run(texts):  # type: ignore[no-untyped-def]
        windows, owner = onnx_model._windows(texts)  # same tokenization and windowing as the ONNX path
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        out = np.zeros((len(windows), len(LABELS)), dtype=np.float32)
        with torch.inference_mode():
            for b in range(0, len(order), args.batch_size):
                batch = order[b : b + args.batch_size]
                width = len(windows[batch[-1]])
                ids = torch.zeros((len(batch), width), dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, w in enumerate(batch):
                    ids[r, : len(windows[w])] = torch.tensor(windows[w])
                    mask[r, : len(windows[w])] = 1
                out[batch] = torch.sigmoid(model(ids, mask)).numpy()
        result = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        np.maximum.at(result, np.asarray(owner), out)
        return result

    return run


if __name__ == "__main__":
    main()
