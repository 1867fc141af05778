"""Keep a GoEmotions-heavy share of fiction silver: every targeted row and a random sample of the rest.

usage: python scripts/select_silver.py SILVER_IN OUT [--sample 6000] [--seed 7]

Rows of kind ``bodily-fear`` and ``shake-not-fear`` (the oversampled cue rows and their counterweight), and every
narration row with a bodily-fear cue (``fiction_silver.BODILY_FEAR_RE`` on the text or on the row's cut-out cue),
are kept whole; of the other rows a random ``--sample`` are kept. Fewer general silver rows keep the GoEmotions
rows the larger part of what a continued run sees: ``emotions-minilm-l2-v6`` was trained on the output of
``select_silver.py silver6/train.jsonl silver7/train.jsonl`` (its model card has the rest of the recipe).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fiction_silver import BODILY_FEAR_RE

__all__ = ["select"]


def select(rows: list[dict], sample: int, seed: int) -> list[dict]:
    """The kept rows, shuffled with ``seed``."""
    keep, rest = [], []
    for r in rows:
        cued = r["kind"] == "narration" and (
            BODILY_FEAR_RE.search(r["text"]) or BODILY_FEAR_RE.search(r.get("bodily_fear", ""))
        )
        (keep if r["kind"] in ("bodily-fear", "shake-not-fear") or cued else rest).append(r)
    rng = random.Random(seed)
    out = keep + rng.sample(rest, min(sample, len(rest)))
    rng.shuffle(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("silver", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--sample", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.silver.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = select(rows, args.sample, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {len(out)}: {dict(Counter(r['kind'] for r in out))}")


if __name__ == "__main__":
    main()
