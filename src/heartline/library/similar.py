"""Similar stories: a fixed-length profile per story, compared by cosine.

The profile (``DIM`` = 121 numbers, float32) is five blocks, each scaled to unit length and then
weighted, the whole vector scaled to unit length again, so a dot product is the cosine:

=============== ==== ====== ==========================================================================
block           size weight what
=============== ==== ====== ==========================================================================
main bond       28   1.0    the strongest bond's emotion shares (the 28 labels)
other bond      28   0.6    the main pair's reverse bond, else the second strongest bond
story mix       28   0.7    the story's emotion mix over all feelings
arc             32   0.8    the story's valence arc resampled to 32 points, centred on its mean
bond numbers    5    0.5    main bond valence, valence trend slope, mutuality, unsaid share, asymmetry
=============== ==== ====== ==========================================================================

Blocks are compared by what they mean (emotions, a shape, a few numbers), not by names, so two
stories about different people with the same kind of bond and arc come out close. The reason given
for a match names the blocks that contribute most to its score, in words.

``ProfileIndex`` loads every profile of a library once into a numpy matrix and keeps it until the
library changes (a counter in the ``meta`` table), so a query is one matrix-vector product.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..emotions.labels import LABELS
from .records import Reason

__all__ = ["BLOCKS", "DIM", "ProfileIndex", "explain", "profile", "summary_json"]

_EMOTIONS = [label for label in LABELS]
_INDEX = {label: i for i, label in enumerate(_EMOTIONS)}
_ARC_POINTS = 32
BLOCKS: list[tuple[str, int, float]] = [
    ("main bond", 28, 1.0),
    ("other bond", 28, 0.6),
    ("story mix", 28, 0.7),
    ("arc", _ARC_POINTS, 0.8),
    ("bond numbers", 5, 0.5),
]
DIM = sum(size for _, size, _ in BLOCKS)
_SLICES: list[slice] = []
_start = 0
for _name, _size, _w in BLOCKS:
    _SLICES.append(slice(_start, _start + _size))
    _start += _size


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _emotion_vector(shares: dict[str, float]) -> np.ndarray:
    v = np.zeros(28, dtype=np.float64)
    for label, share in shares.items():
        i = _INDEX.get(label)
        if i is not None:
            v[i] = float(share or 0.0)
    return v


def profile(reading: dict[str, Any], derived: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    """The profile vector (float32 bytes) of one story and the summary its reasons are written from."""
    bonds = derived["bonds"]  # strongest first
    main = bonds[0] if bonds else None
    other = None
    if main:
        other = next((b for b in bonds if b["source"] == main["target"] and b["target"] == main["source"]), None)
        other = other or (bonds[1] if len(bonds) > 1 else None)
    full = {(b["source"], b["target"]): b for b in reading.get("bonds") or []}

    def shares(b: dict[str, Any] | None) -> dict[str, float]:
        return dict((full.get((b["source"], b["target"])) or {}).get("emotions") or {}) if b else {}

    mix = {r["emotion"]: r["share"] for r in derived["story_emotions"]}
    story_arc = (reading.get("arcs") or {}).get("story") or {}
    valence = [float(v) for v in story_arc.get("valence") or [] if v is not None]
    arc = np.zeros(_ARC_POINTS)
    if len(valence) >= 2:
        arc = np.interp(np.linspace(0, 1, _ARC_POINTS), np.linspace(0, 1, len(valence)), valence)
        arc = arc - arc.mean()
    numbers = np.zeros(5)
    if main:
        numbers = np.array(
            [
                main["valence"] or 0.0,
                max(-1.0, min(1.0, main["trend_slope"] or 0.0)),
                main["mutuality"] or 0.0,
                main["unsaid_weight"] / main["strength"] if main["strength"] else 0.0,
                main["asymmetry"] or 0.0,
            ]
        )
    blocks = [_emotion_vector(shares(main)), _emotion_vector(shares(other)), _emotion_vector(mix), arc, numbers]
    vector = np.concatenate([_unit(b) * w for b, (_, _, w) in zip(blocks, BLOCKS, strict=True)])
    vector = _unit(vector).astype(np.float32)

    def top(d: dict[str, float], n: int = 3) -> list[str]:
        return [k for k, _ in sorted(d.items(), key=lambda kv: -kv[1])[:n]]

    summary = {
        "pair": [main["source_name"], main["target_name"]] if main else None,
        "main": top(shares(main)),
        "other": top(shares(other)),
        "mix": top(mix),
        "arc": (story_arc.get("shape") or {}).get("name"),
        "valence": round(float(main["valence"] or 0.0), 2) if main else None,
    }
    return vector.tobytes(), summary


def explain(a: dict[str, Any], b: dict[str, Any], parts: list[float], score: float) -> Reason:
    """One line saying what two stories share, from the blocks that count most in their cosine."""
    order = sorted(range(len(BLOCKS)), key=lambda i: -parts[i])
    said: list[str] = []
    for i in order[:2]:
        name = BLOCKS[i][0]
        if parts[i] <= 0.02:
            continue
        if name == "main bond":
            common = [e for e in a["main"] if e in b["main"]] or b["main"][:2]
            pair = " -> ".join(b["pair"]) if b.get("pair") else "the main bond"
            said.append(f"main bond {pair}: {', '.join(common)}")
        elif name == "other bond":
            common = [e for e in a["other"] if e in b["other"]] or b["other"][:2]
            said.append(f"the bond back: {', '.join(common)}")
        elif name == "story mix":
            common = [e for e in a["mix"] if e in b["mix"]] or b["mix"][:2]
            said.append(f"emotion mix: {', '.join(common)}")
        elif name == "arc":
            same = a.get("arc") and a.get("arc") == b.get("arc")
            said.append(f"arc: both {b['arc']}" if same else f"a similar valence arc ({b.get('arc') or 'no shape'})")
        else:
            v = b.get("valence")
            said.append(f"bond numbers (valence {v:+.2f})" if v is not None else "bond numbers")
    numbers = {BLOCKS[i][0].replace(" ", "_"): round(float(parts[i]), 4) for i in range(len(BLOCKS))}
    numbers["cosine"] = round(float(score), 4)
    return Reason("similar", f"cosine {score:.2f}; shares " + "; ".join(said or ["little"]), None, numbers)


class ProfileIndex:
    """Every profile of a library in one matrix, reloaded only when the library's generation changes.

    ``shared(path)`` is the one index of a library file in this process: every ``Library`` open on that
    file (a server's pool of connections) uses it, so a change to the library is loaded once, not once
    per connection. Loading swaps in a whole new snapshot, so a reader never sees half of one."""

    _shared: ClassVar[dict[tuple[str, int, int], ProfileIndex]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        self._load_lock = threading.Lock()
        self._snap: tuple[str | None, np.ndarray, np.ndarray, dict[int, int]] = (
            None, np.zeros(0, dtype=np.int64), np.zeros((0, DIM), dtype=np.float32), {})  # fmt: skip

    @classmethod
    def shared(cls, path: Path) -> ProfileIndex:
        """The index every ``Library`` on the file at ``path`` shares (a fresh one when the file cannot be
        told apart from another: no file yet)."""
        try:
            st = os.stat(path)
        except OSError:
            return cls()
        key = (str(Path(path).resolve()), st.st_dev, st.st_ino)
        with cls._shared_lock:
            index = cls._shared.get(key)
            if index is None:
                index = cls._shared[key] = cls()
            return index

    @property
    def generation(self) -> str | None:
        return self._snap[0]

    @property
    def ids(self) -> np.ndarray:
        return self._snap[1]

    @property
    def matrix(self) -> np.ndarray:
        return self._snap[2]

    @property
    def row_of(self) -> dict[int, int]:
        return self._snap[3]

    def load(self, conn: sqlite3.Connection, generation: str) -> None:
        if generation == self._snap[0]:
            return
        with self._load_lock:  # one load at a time; those who waited find it done
            if generation == self._snap[0]:
                return
            rows = conn.execute("SELECT story, vector FROM profiles ORDER BY story").fetchall()
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            buf = b"".join(r[1] for r in rows)
            matrix = (
                np.frombuffer(buf, dtype=np.float32).reshape(len(rows), DIM) if rows else np.zeros((0, DIM), np.float32)
            )
            self._snap = (generation, ids, matrix, {int(s): i for i, s in enumerate(ids)})

    def nearest(self, story: int, limit: int) -> list[tuple[int, float, list[float]]]:
        """(story key, cosine, per-block contributions) of the ``limit`` nearest other stories."""
        _, ids, matrix, row_of = self._snap  # one snapshot throughout, whatever another thread loads
        i = row_of.get(story)
        if i is None or limit <= 0:
            return []
        q = matrix[i]
        # einsum, not BLAS: one thread, steady on a busy machine (BLAS threads fighting cost 5-30x here)
        scores = np.einsum("ij,j->i", matrix, q)
        scores[i] = -np.inf
        k = min(limit, len(scores) - 1)
        if k <= 0:
            return []
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        out = []
        for j in idx:
            parts = [float(np.dot(matrix[j, s], q[s])) for s in _SLICES]
            out.append((int(ids[j]), float(scores[j]), parts))
        return out


def summary_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, ensure_ascii=False, separators=(",", ":"))
