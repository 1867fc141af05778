"""Characters + speakers speed on a 100,000-word novel, and how many characters and quotes they find.

usage: python benchmarks/bench_characters.py [--data ../shared/data/novels] [--novel FILE] [--words 100000]
           [--repeats 3] [--out benchmarks/results/characters.json]

The first ``--words`` words of each novel (whole paragraphs) are segmented once (not timed); then the
characters and speakers steps run ``--repeats`` times on fresh copies and the best time is kept. Wall and
CPU time are both recorded, with the load average, since the machine is shared. Target: at most
5 s for characters + speakers on a 100k-word novel on 2 cores.
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
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "novels"
TARGET_S = 5.0


def first_words(text: str, words: int) -> str:
    """The text up to the paragraph where the word count reaches ``words``."""
    count, out = 0, []
    for para in text.split("\n\n"):
        out.append(para)
        count += len(para.split())
        if count >= words:
            break
    return "\n\n".join(out)


def bench_one(path: Path, words: int, repeats: int) -> dict[str, object]:
    import heartline
    from heartline.characters import find_characters
    from heartline.pipeline import Pipeline
    from heartline.speakers import attribute_speakers
    from heartline.story import Story

    text = first_words(heartline.load(path).text, words)
    segmented = Pipeline("segment")(Story(text))
    best: dict[str, float] = {}
    story = segmented
    for _ in range(repeats):
        story = Story(text)
        story.paragraphs, story.sentences = segmented.paragraphs, segmented.sentences
        story.quotes = [q.__class__(q.start, q.end, list(q.parts), paragraph=q.paragraph) for q in segmented.quotes]
        story.cache["docs"] = segmented.cache["docs"]
        w0, c0 = time.perf_counter(), time.process_time()
        find_characters(story)
        w1 = time.perf_counter()
        attribute_speakers(story)
        w2, c2 = time.perf_counter(), time.process_time()
        run = {"characters_s": w1 - w0, "speakers_s": w2 - w1, "total_s": w2 - w0, "cpu_s": c2 - c0}
        if not best or run["total_s"] < best["total_s"]:
            best = run
    n_words = story.metadata.words
    return {
        "novel": path.name,
        "words": n_words,
        **{k: round(v, 3) for k, v in best.items()},
        "seconds_per_100k_words": round(best["total_s"] * 100_000 / max(n_words, 1), 3),
        "characters": len(story.characters),
        "mentions": len(story.mentions),
        "quotes": len(story.quotes),
        "quotes_attributed": sum(1 for q in story.quotes if q.speaker),
        "top_characters": [c.name for c in story.characters[:8]],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--novel", type=Path, action="append", help="A novel file (repeatable); default: all in --data.")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "characters.json")
    args = ap.parse_args()
    from heartline.language.nlp import get_nlp

    get_nlp().get_pipe("ner")  # load once, outside the timings
    novels = args.novel or sorted(p for p in args.data.glob("*.txt"))
    rows = [bench_one(p, args.words, args.repeats) for p in novels]
    worst = max((r["seconds_per_100k_words"] for r in rows), default=0.0)
    out = write_results(
        "characters",
        {
            "target_s_per_100k_words": TARGET_S,
            "worst_s_per_100k_words": worst,
            "meets_target": worst <= TARGET_S,
            "load_average": list(os.getloadavg()),
            "novels": rows,
        },
        args.out,
    )
    for r in rows:
        print(
            f"{r['novel']:<36} {r['words']:>7} words  characters {r['characters_s']:.2f}s"
            f"  speakers {r['speakers_s']:.2f}s"
            f"  -> {r['seconds_per_100k_words']:.2f} s/100k words  ({r['characters']} characters, "
            f"{r['quotes_attributed']}/{r['quotes']} quotes attributed)"
        )
    print(f"worst {worst:.2f} s per 100k words (target {TARGET_S} s); wrote {out}")


if __name__ == "__main__":
    main()
