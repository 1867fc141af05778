"""Where speaker attribution goes wrong on PDNC: error categories per quote type, and sample errors.

usage: python scripts/pdnc_errors.py [--data ../shared/data/pdnc/data] [NOVEL ...] [--samples 20] [--seed 0]

Runs segment, characters and speakers on each novel (as ``heartline evaluate pdnc`` does) and sorts every gold
quote into: right; undetected; no-speaker (detected, no speaker predicted); unmapped-char (the predicted
character maps to no gold character); other-char (it maps to someone else). "/gold-not-main" marks quotes
whose gold speaker is not one of the novel's main names, which no reader can score. Then prints sample
errors of one quote type with the text around them. For reading only: PDNC text is never written anywhere.

Only the 12 development novels (``heartline.evaluate.pdnc.DEV_NOVELS``) may be read this way: the 6 locked
novels are the test set, and their single errors are not to be looked at (docs/characters.md). Naming one
is refused.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from heartline.evaluate.pdnc import LOCKED_NOVELS, gold_characters, gold_quotes, map_characters, split_novels
from heartline.pipeline import Pipeline
from heartline.story import Story

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("novels", nargs="*")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc" / "data")
    ap.add_argument("--type", default="explicit", choices=["explicit", "anaphoric", "implicit"])
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    available = [p.name for p in args.data.iterdir() if (p / "quotation_info.csv").exists()]
    names = args.novels or split_novels("dev", available)
    if locked := sorted(set(names) & set(LOCKED_NOVELS)):
        raise SystemExit(f"{', '.join(locked)}: locked test novels; score them in aggregate only (eval_pdnc.py)")
    pipeline = Pipeline("segment,characters,speakers")
    cats: Counter[tuple[str, str]] = Counter()
    samples = []
    for name in names:
        folder = args.data / name
        text = (folder / "novel_text.txt").read_text(encoding="utf-8")
        story = pipeline(Story(text))
        gold = gold_characters(folder)
        mapped = map_characters(story, gold)
        for row, hit in gold_quotes(folder, story):
            kind, speaker = row["quoteType"].strip().lower(), row["speaker"]
            if hit is None:
                cat = "undetected"
            elif hit.speaker is None:
                cat = "no-speaker"
            elif mapped.get(hit.speaker) == speaker:
                cat = "right"
            elif mapped.get(hit.speaker) is None:
                cat = "unmapped-char"
            else:
                cat = "other-char"
            if cat != "right" and speaker not in gold:
                cat += "/gold-not-main"
            cats[(kind, cat)] += 1
            if hit is not None and kind == args.type and cat in ("other-char", "unmapped-char", "no-speaker"):
                pred = story.character(hit.speaker).name if hit.speaker else None  # type: ignore[union-attr]
                around = text[max(0, hit.start - 200) : hit.end + 80].replace("\n", " | ")
                samples.append((name, cat, speaker, pred, around))
    for kind in ("explicit", "anaphoric", "implicit"):
        total = sum(n for (k, _), n in cats.items() if k == kind)
        parts = ", ".join(f"{c} {n}" for (k, c), n in cats.most_common() if k == kind)
        print(f"{kind} ({total}): {parts}")
    random.Random(args.seed).shuffle(samples)
    for name, cat, speaker, pred, around in samples[: args.samples]:
        print(f"\n## {name} {cat}: gold {speaker!r}, predicted {pred!r}\n   {around}")


if __name__ == "__main__":
    main()
