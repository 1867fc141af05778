"""What ``heartline emotions``, ``heartline train emotions`` and ``heartline evaluate goemotions`` do.

The click commands in heartline/cli.py are thin wrappers over these functions.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from heartline.errors import DecodeError, FileNotFound, InputError

__all__ = ["emotions_json_lines", "evaluate_goemotions", "read_lines", "run_emotions"]


def read_lines(file: str) -> list[str]:
    """One text per line of ``file`` (``-`` for stdin); a trailing newline does not add an empty text."""
    if file == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    else:
        path = Path(file)
        if not path.is_file():
            raise FileNotFound(f"No such file: {file}", "Check the path, or pass '-' to read texts from stdin")
        data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{file} is not UTF-8 text (byte {exc.start})", "Convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def emotions_json_lines(texts: list[str], model: str | None = None, batch_size: int = 64) -> Iterator[str]:
    """One JSON object per text: {"text", "scores": {label: p}, "labels": [...]}, in input order."""
    from heartline.emotions import classify, load_model

    m = load_model(model)
    chunk = 8192  # keep memory flat on huge inputs; within a chunk texts are sorted by length
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        for text, r in zip(part, classify(part, model=m, batch_size=batch_size), strict=False):
            yield json.dumps(
                {"text": text, "scores": {k: round(v, 4) for k, v in r.scores.items()}, "labels": r.labels},
                ensure_ascii=False,
            )


def run_emotions(file: str, out: IO[str], model: str | None = None, batch_size: int = 64) -> int:
    """Classify the lines of ``file`` and write JSON lines to ``out``; returns the number of texts."""
    texts = read_lines(file)
    n = 0
    for line in emotions_json_lines(texts, model=model, batch_size=batch_size):
        out.write(line + "\n")
        n += 1
    return n


def evaluate_goemotions(
    data: str | Path, split: str = "dev", model: str | None = None, batch_size: int = 64
) -> dict[str, Any]:
    """Score a model on a GoEmotions split: macro/micro-F1 over the 28 labels, per-label F1, Ekman macro-F1."""
    import numpy as np

    from heartline.emotions import classify, load_model
    from heartline.emotions.labels import LABELS
    from heartline.emotions.metrics import f1_scores
    from heartline.emotions.train import read_split
    from heartline.emotions.views import EKMAN, group_matrix

    path = Path(data) / f"{split}.tsv"
    if not path.is_file():
        raise InputError(f"No GoEmotions split '{split}' at {path}", "Pass --data DIR holding train.tsv and dev.tsv")
    texts, y = read_split(path)
    m = load_model(model)
    t0 = time.perf_counter()
    results = classify(texts, model=m, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    index = {label: j for j, label in enumerate(LABELS)}
    pred = np.zeros_like(y)
    for i, r in enumerate(results):
        for label in r.labels:
            pred[i, index[label]] = 1
    scores = f1_scores(y, pred)
    table = {**EKMAN, "neutral": ("neutral",)}
    groups = list(table)
    ek = f1_scores(group_matrix(y, LABELS, table), group_matrix(pred, LABELS, table))
    return {
        "split": split,
        "rows": len(texts),
        "model": str(m.path),
        "macro_f1": round(scores["macro_f1"], 4),
        "micro_f1": round(scores["micro_f1"], 4),
        "ekman_macro_f1": round(ek["macro_f1"], 4),
        "per_label_f1": {k: round(v, 4) for k, v in zip(LABELS, scores["per_label"], strict=False)},
        "ekman_per_label_f1": {k: round(v, 4) for k, v in zip(groups, ek["per_label"], strict=False)},
        "texts_per_s": round(len(texts) / seconds, 1),
    }
