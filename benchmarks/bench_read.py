"""The whole read (every step) on the long novels: time and words/s per step, and peak memory.

usage: python benchmarks/bench_read.py [--data ../shared/data/novels] [--novel NAME ...] [--out FILE]

Each novel runs in its own child process, so its peak RSS (``resource.getrusage``) is its own. Wall time
(``s``) and CPU time (``cpu_s``, all threads of the process) are both kept per step: on a shared machine
the wall time grows with the other jobs' load (``load_average`` is recorded), the CPU time much less. Models
are loaded before the clock starts (``load_s`` reports that apart). A step that cannot run here (its
model is not installed) is reported as ``unavailable`` and left out; the steps after it still run on
what the story has, so their figures are indicative only and flagged ``partial``.
Targets: the whole read of a 100,000-word novel in at most 20 s on 2 cores; War and Peace in
at most 2 GB RSS. Writes benchmarks/results/read.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "novels"


def _rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_one(path: str, steps: list[str], emotions_model: str | None = None) -> dict[str, Any]:
    """In a child: load every step's model, then time each step of the read of one novel."""
    import heartline
    from heartline.pipeline import Pipeline

    pipeline = Pipeline(steps, config={"emotions": {"model": emotions_model}} if emotions_model else {})
    t0 = time.perf_counter()
    fns: dict[str, Any] = {}
    unavailable: dict[str, str] = {}
    for name in pipeline.names:
        try:
            fns[name] = pipeline.step_fn(name)
        except Exception as exc:  # a missing model: report it, measure the rest
            unavailable[name] = f"{type(exc).__name__}: {exc}"
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    story = heartline.load(path)
    ingest_s = time.perf_counter() - t1
    words = story.metadata.words
    per_step: dict[str, Any] = {"ingest": {"s": round(ingest_s, 3), "words_per_s": round(words / max(ingest_s, 1e-9))}}
    for name in pipeline.names:
        if name not in fns:
            continue
        t, c = time.perf_counter(), time.process_time()
        fns[name](story)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        story.done.append(name)
        per_step[name] = {
            "s": round(dt, 3),
            "cpu_s": round(dc, 3),
            "words_per_s": round(words / max(dt, 1e-9)),
            "peak_rss_mb": _rss_mb(),
        }
    total = sum(v["s"] for v in per_step.values())
    cpu = sum(v.get("cpu_s", v["s"]) for v in per_step.values())
    return {
        "words": words,
        "load_s": round(load_s, 3),
        "total_s": round(total, 3),
        "cpu_s": round(cpu, 3),
        "load_average": round(__import__("os").getloadavg()[0], 2),
        "s_per_100k_words": round(total * 100_000 / max(words, 1), 2),
        "words_per_s": round(words / max(total, 1e-9)),
        "steps": per_step,
        "unavailable": unavailable,
        "partial": bool(unavailable),
        "counts": {
            "sentences": len(story.sentences),
            "quotes": len(story.quotes),
            "characters": len(story.characters),
            "mentions": len(story.mentions),
            "feelings": len(story.feelings),
            "bonds": len(story.bonds),
        },
        "json_mb": round(len(story.to_json()) / 1e6, 1),
        "peak_rss_mb": _rss_mb(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--novel", action="append", help="Only this file name (repeatable).")
    ap.add_argument("--steps", default=None, help="Comma-separated steps (default: all).")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "read.json")
    ap.add_argument("--emotions-model", help="Emotion model folder for the emotions step (default: the shipped one).")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    from heartline.pipeline import parse_steps

    steps = parse_steps(args.steps)
    if args.child:
        print(json.dumps(run_one(args.child, steps, args.emotions_model)))
        return
    results: dict[str, Any] = {}
    novels = sorted(args.data.glob("*.txt"))
    if args.novel:
        novels = [n for n in novels if n.name in set(args.novel)]
    for novel in novels:
        cmd = [sys.executable, __file__, "--child", str(novel), "--steps", ",".join(steps)]
        if args.emotions_model:
            cmd += ["--emotions-model", args.emotions_model]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            results[novel.name] = {"error": (p.stderr.strip().splitlines() or ["failed"])[-1]}
            continue
        results[novel.name] = json.loads(p.stdout.strip().splitlines()[-1])
        _write(args, steps, results)  # after each novel, so a long run leaves what it has measured
    out = _write(args, steps, results)
    _print_summary(results, steps)
    print(f"(written to {out})")


def _write(args: argparse.Namespace, steps: list[str], results: dict[str, Any]) -> Path:
    targets = {"s_per_100k_words": 20, "war_and_peace_peak_rss_mb": 2048}
    model = args.emotions_model or "default"
    return write_results(
        "read", {"steps": steps, "emotions_model": model, "novels": results, "targets": targets}, args.out
    )


def _print_summary(results: dict[str, Any], steps: list[str]) -> None:
    cols = ["ingest", *steps]
    print(
        f"{'novel':34} {'words':>8} {'total s':>8} {'s/100k':>7} {'RSS MB':>7}  "
        + " ".join(f"{c[:9]:>9}" for c in cols)
    )
    for name, r in results.items():
        if "error" in r:
            print(f"{name:34} error: {r['error']}")
            continue
        cells = " ".join(f"{r['steps'][c]['s']:>9.2f}" if c in r["steps"] else f"{'-':>9}" for c in cols)
        flag = "  (partial: " + ", ".join(r["unavailable"]) + " unavailable)" if r["partial"] else ""
        head = f"{name:34} {r['words']:>8,} {r['total_s']:>8.1f} {r['s_per_100k_words']:>7.1f} {r['peak_rss_mb']:>7}"
        print(f"{head}  {cells}{flag}")


if __name__ == "__main__":
    main()
