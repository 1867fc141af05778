"""Sentences and quotes from public-domain books, one per line: unlabeled texts for distilling the emotion model.

usage: python scripts/unlabeled_texts.py BOOK.txt [BOOK.txt ...] --per-book 300 --out runs/unlabeled.txt

Each book is read by heartline (Gutenberg header and licence dropped) and segmented; from a window of
paragraphs in the middle of the book, every narration sentence (quote marks stripped) and every quote's
spoken words are kept, up to ``--per-book`` texts. Texts are what the pipeline's emotion step classifies.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import heartline
from heartline.emotions.step import model_text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("books", nargs="+", type=Path)
    ap.add_argument("--per-book", type=int, default=300)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts: list[str] = []
    for book in args.books:
        story = heartline.read(book, steps=["segment"])
        mid = len(story.text) // 2
        lo, hi = max(0, mid - 40_000), mid + 40_000
        found = [story.text[s.start : s.end] for s in story.sentences if lo <= s.start < hi]
        found += [story.quote_text(q) for q in story.quotes if lo <= q.start < hi]
        found = [model_text(t) for t in found]
        found = [t for t in dict.fromkeys(found) if 2 <= len(t.split()) <= 80]
        rng.shuffle(found)
        texts += found[: args.per_book]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(t.replace("\n", " ") for t in texts) + "\n", encoding="utf-8")
    print(f"{len(texts)} texts from {len(args.books)} books -> {args.out}")


if __name__ == "__main__":
    main()
