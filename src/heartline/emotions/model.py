"""Load the emotion model (an ONNX folder) and run it with ONNX Runtime + ``tokenizers``; no torch.

A model folder holds ``model.onnx`` (input_ids + attention_mask -> 28 sigmoid probabilities),
``tokenizer.json``, ``labels.json``, ``thresholds.json``, ``config.json`` and ``MODEL_CARD.md``; optionally
``valence.json``, the model's valence and arousal maps fitted on EmoBank (``scripts/calibrate_valence.py``):
``valence`` / ``arousal`` -> ``weights`` (label -> weight, neutral left out). :func:`valence_weights` reads it.

Texts longer than the model window (``config.json: max_length`` tokens) are split into overlapping
windows (``window_stride`` tokens apart); a text's probability for a label is the maximum over its windows.
Nothing is silently cut off from text: a text gets as many windows as :data:`TOKENS_PER_WORD` tokens a word
would need (prose has under 2; the longest sentences and quotes of 24 novels reach 1.93), so token-dense
junk with few words (100 KB of ``&amp;&#`` with no space is one "word" of 70,000 tokens) is read on that
many windows spread evenly over it, instead of costing the model seconds per sentence.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from heartline import config as hl_config
from heartline.errors import ModelError, require

TOKENS_PER_WORD = 4  # windows a text may have: as many as this many tokens per whitespace word would need

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "DEFAULT_MODEL",
    "TOKENS_PER_WORD",
    "EmotionModel",
    "load_model",
    "resolve_model_path",
    "valence_weights",
]

DEFAULT_MODEL = "emotions-minilm-l2-v6"
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_CACHE: dict[tuple[str, int], EmotionModel] = {}
_LOCK = threading.Lock()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"Model file missing: {path}", "A model folder needs model.onnx, tokenizer.json, labels.json, "
            "thresholds.json and config.json; re-export it with 'heartline train emotions'"
        ) from None  # fmt: skip
    except (OSError, ValueError) as exc:
        raise ModelError(f"Cannot read model file {path}: {exc}", "Re-export the model folder") from None


def _read_valence(path: Path, key: str = "valence") -> dict[str, float] | None:
    """A model folder's fitted label weights for ``key`` (valence or arousal), or None when it has none."""
    if not path.is_file():
        return None
    weights = _read_json(path).get(key, {}).get("weights")
    if not isinstance(weights, dict):
        raise ModelError(f"{path} has no {key} weights", "Refit it with scripts/calibrate_valence.py")
    return {str(k): float(v) for k, v in weights.items()}


def valence_weights(name_or_path: str | Path | None = None, key: str = "valence") -> dict[str, float] | None:
    """The label weights a model folder's ``valence.json`` fits for ``key`` ("valence" or "arousal"), or None
    when the folder has no such file (use the hand-set table, ``heartline.language.valence.VALUES``)."""
    return _read_valence(resolve_model_path(name_or_path) / "valence.json", key)


class EmotionModel:
    """An ONNX emotion classifier: ``predict_proba(texts)`` returns a (texts x labels) probability matrix.

    ``path`` is a model folder, or an ``.onnx`` file with ``tokenizer`` and ``config`` given separately
    (the benchmark uses this for the fp32 export); labels and thresholds then come from ``config``'s folder.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        tokenizer: str | Path | None = None,
        config: str | Path | None = None,
        threads: int | None = None,
    ) -> None:
        ort = require("onnxruntime", "emotions", "The emotion model")
        from tokenizers import Tokenizer

        path = Path(path)
        folder = path if path.is_dir() else path.parent
        onnx_file = path / "model.onnx" if path.is_dir() else path
        config_path = Path(config) if config else folder / "config.json"
        meta_dir = config_path.parent
        if not onnx_file.is_file():
            raise ModelError(f"No model.onnx in {folder}", "Pass a model folder made by 'heartline train emotions'")
        self.path = path
        self.config: dict[str, Any] = _read_json(config_path)
        self.labels: list[str] = list(_read_json(meta_dir / "labels.json"))
        th = _read_json(meta_dir / "thresholds.json")
        self.thresholds: list[float] = [float(th[label]) for label in self.labels]
        self.max_length = int(self.config.get("max_length", 128))
        self.stride = max(1, int(self.config.get("window_stride", self.max_length // 2)))
        self.pad_id = int(self.config.get("pad_id", 0))
        self.no_label_passes: str = self.config.get("no_label_passes", "top")
        self.threads = threads or hl_config.threads()
        tok_path = Path(tokenizer) if tokenizer else meta_dir / "tokenizer.json"
        try:
            self.tokenizer = Tokenizer.from_file(str(tok_path))
        except Exception as exc:  # tokenizers raises a bare Exception
            raise ModelError(f"Cannot load tokenizer {tok_path}: {exc}", "Re-export the model folder") from None
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        # One session, run from ``threads`` worker threads at once with one ONNX Runtime thread each: on small
        # sentence batches, batch-level parallelism matches or beats splitting each matrix product (0-15% on 2 cores).
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        try:
            self.session = ort.InferenceSession(str(onnx_file), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:
            raise ModelError(f"ONNX Runtime cannot load {onnx_file}: {exc}", "Re-export the model folder") from None
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self.valence: dict[str, float] | None = _read_valence(meta_dir / "valence.json")

    def __repr__(self) -> str:
        return f"EmotionModel({str(self.path)!r}, labels={len(self.labels)}, threads={self.threads})"

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="heartline-emotions")
            return self._pool

    # ------------------------------------------------------------------------------------------ windows

    def _windows(self, texts: Sequence[str]) -> tuple[list[list[int]], list[int]]:
        """Token id windows and, for each window, the index of its text."""
        encodings = self.tokenizer.encode_batch([t if isinstance(t, str) else str(t) for t in texts])
        windows: list[list[int]] = []
        owner: list[int] = []
        inner = self.max_length - 2
        for i, enc in enumerate(encodings):
            ids = enc.ids
            if len(ids) <= self.max_length:
                windows.append(ids)
                owner.append(i)
                continue
            cls, body, sep = ids[0], ids[1:-1], ids[-1]
            starts = list(range(0, max(1, len(body) - inner + self.stride), self.stride))
            budget = self._window_budget(texts[i] if isinstance(texts[i], str) else str(texts[i]))
            if len(starts) > budget:  # evenly spread, first and last kept
                starts = [starts[round(k * (len(starts) - 1) / max(1, budget - 1))] for k in range(budget)]
            for start in starts:
                windows.append([cls, *body[start : start + inner], sep])
                owner.append(i)
        return windows, owner

    def _window_budget(self, text: str) -> int:
        """The most windows ``text`` may have: those :data:`TOKENS_PER_WORD` tokens a word would fill."""
        tokens = TOKENS_PER_WORD * len(text.split())
        inner = self.max_length - 2
        return 1 + max(0, -(-(tokens - inner) // self.stride))

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Probabilities (len(texts) x len(labels)), float32, in the order of ``texts``."""
        import numpy as np

        n_labels = len(self.labels)
        if len(texts) == 0:
            return np.zeros((0, n_labels), dtype=np.float32)
        windows, owner = self._windows(texts)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        out = np.zeros((len(windows), n_labels), dtype=np.float32)
        batch_size = max(1, int(batch_size))
        batches = [order[b : b + batch_size] for b in range(0, len(order), batch_size)]

        def run(batch: list[int]) -> None:
            width = len(windows[batch[-1]])
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for r, w in enumerate(batch):
                seq = windows[w]
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1
            (probs,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            out[batch] = probs

        if self.threads == 1 or len(batches) == 1:
            for batch in batches:
                run(batch)
        else:
            for _ in self._executor().map(run, batches):
                pass
        if len(windows) == len(texts):
            return out
        result = np.zeros((len(texts), n_labels), dtype=np.float32)
        np.maximum.at(result, np.asarray(owner), out)
        return result


def resolve_model_path(name_or_path: str | Path | None = None, local_files_only: bool = True) -> Path:
    """The folder of a model: None -> the shipped default; a path; a shipped or cached model name.

    A hub id ("org/name") that is not on disk raises ModelError: heartline does not download models
    (offline is the default, ``HEARTLINE_OFFLINE``); download the folder yourself and pass its path.
    """
    if name_or_path is None:
        name_or_path = DEFAULT_MODEL
    candidate = Path(name_or_path).expanduser()
    if candidate.exists():
        return candidate
    name = str(name_or_path)
    for root in (hl_config.MODELS_DIR, hl_config.heartline_home() / "models"):
        if (root / name).is_dir():
            return root / name
    if _HUB_ID.match(name):
        home = hl_config.heartline_home() / "models"
        fix = f"Download the model folder yourself and pass its path, or put it in {home}"
        if local_files_only or hl_config.offline():
            why = "heartline is offline (local_files_only=True, HEARTLINE_OFFLINE)"
            raise ModelError(f"Model '{name}' is not on this machine and {why}", fix)
        raise ModelError(f"Model '{name}' is not on this machine and heartline does not download models", fix)
    raise ModelError(
        f"No model folder at '{name}'",
        f"Pass a model folder, a model name in {hl_config.MODELS_DIR}, or leave it out for '{DEFAULT_MODEL}'",
    )


def load_model(
    name_or_path: str | Path | None = None, local_files_only: bool = True, threads: int | None = None
) -> EmotionModel:
    """Load (once per folder and thread count) an emotion model; None is the shipped default."""
    path = resolve_model_path(name_or_path, local_files_only).resolve()
    threads = threads or hl_config.threads()
    key = (str(path), threads)
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = _CACHE[key] = EmotionModel(path, threads=threads)
        return model
