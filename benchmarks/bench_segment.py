"""Reading + segmenting speed and peak memory on the long novels.

usage: python benchmarks/bench_segment.py [--data ../shared/data/novels] [--out benchmarks/results/segment.json]

Each novel runs in its own child process so its peak RSS is its own. Targets: at least
30,000 words/s for ingest + segment on 2 cores; War and Peace under 1 GB RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "novels"


def run_one(path: str) -> dict[str, float]:
    """In a child: load the model, then time ingest + segment of one novel."""
    import heartline
    from heartline.language.nlp import get_nlp
    from heartline.pipeline import Pipeline

    get_nlp()
    pipeline = Pipeline("segment")
    t0 = time.perf_counter()
    story = heartline.load(path)
    t1 = time.perf_counter()
    pipeline(story)
    t2 = time.perf_counter()
    words = story.metadata.words
    return {
        "words": words,
        "ingest_s": round(t1 - t0, 3),
        "segment_s": round(t2 - t1, 3),
        "words_per_s": round(words / (t2 - t0)),
        "paragraphs": len(story.paragraphs),
        "sentences": len(story.sentences),
        "quotes": len(story.quotes),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "segment.json")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    results = {}
    for novel in sorted(args.data.glob("*.txt")):
        p = subprocess.run(
            [sys.executable, __file__, "--child", str(novel)], capture_output=True, text=True, check=True
        )
        results[novel.name] = json.loads(p.stdout.strip().splitlines()[-1])
    out = write_results("segment", {"steps": "ingest + segment", "novels": results}, args.out)
    print(f"{'novel':38} {'words':>9} {'words/s':>9} {'peak RSS':>9}")
    for name, r in results.items():
        print(f"{name:38} {r['words']:>9,} {r['words_per_s']:>9,} {r['peak_rss_mb']:>6} MB")
    print(f"(written to {out})")


if __name__ == "__main__":
    main()
