"""Sentences and quotes from public-domain books, one per line: unlabeled texts for distilling the emotion model.

usage: python scripts/unlabeled_texts.py BOOK.txt [BOOK.txt ...] --per-book 300 --out runs/unlabeled.txt

Each book is read by heartline (Gutenberg header and licence dropped) and segmented; from a window of
``--window`` characters each side of the middle of the book (0: the whole book), every narration sentence
(quote marks stripped) and every quote's spoken words are kept, up to ``--per-book`` texts, drawn at random.
Texts are what the pipeline's emotion step classifies. ``--total N`` then shuffles all books' texts together
and keeps N.
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
    ap.add_argument("--window", type=int, default=40_000, help="characters each side of the middle; 0: all")
    ap.add_argument("--total", type=int, default=0, help="shuffle all texts and keep this many; 0: keep all")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts: list[str] = []
    for book in args.books:
        story = heartline.read(book, steps=["segment"])
        mid = len(story.text) // 2
        lo, hi = (max(0, mid - args.window), mid + args.window) if args.window else (0, len(story.text))
        found = [story.text[s.start : s.end] for s in story.sentences if lo <= s.start < hi]
        found += [story.quote_text(q) for q in story.quotes if lo <= q.start < hi]
        found = [model_text(t) for t in found]
        found = [t for t in dict.fromkeys(found) if 2 <= len(t.split()) <= 80]
        rng.shuffle(found)
        texts += found[: args.per_book]
    texts = [t.replace("\n", " ") for t in texts]
    if args.total:
        random.Random(args.seed).shuffle(texts)
        texts = texts[: args.total]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(texts) + "\n", encoding="utf-8")
    print(f"{len(texts)} texts from {len(args.books)} books -> {args.out}")


if __name__ == "__main__":
    main()
