"""``heartline batch``: stories per minute with the local runner and with Ray, 1 and 2 workers.

usage: python benchmarks/bench_batch.py [--data ../shared/data/litbank/original] [--stories 20] [--small 4]
                                        [--words 5000] [--repeats 3] [--out FILE]

The corpus is cut from the LitBank novels (read from shared/data, written to a temporary folder, never
into the repository): ``--stories`` pieces of about ``--words`` words, whole lines, one from each book
from its 20th line on. Each run is a fresh child process running ``run_batch`` into an empty folder, so
start-up is counted as a user meets it: Ray's start and the models loading in each worker or actor.

Each configuration reads the corpus and a small corpus (its first ``--small`` stories). The marginal
throughput, (stories - small) / (wall(corpus) - wall(small)), leaves start-up out (Ray's start, models
loading) for both runners alike; Ray hands outcomes back a block at a time, so timestamps within one run
do not measure its rate. Ray's fixed overhead is wall(small) with Ray less wall(small) with the local
runner. One worker gets one CPU thread in both runners (``HEARTLINE_THREADS=1``, ``actor_cpus=1``), so
1 against 2 workers is 1 against 2 cores. Also: the peak RSS of one Ray actor and of one local worker
after reading a 5,000-word story, and stories/hour/core for 5,000-word stories (docs/scale.md).
Target (issue 30): Ray at least 85% of the local runner's throughput on 2 cores.

The machine is shared with other jobs: every figure is the minimum (times) or maximum (throughput) and
the median over ``--repeats`` runs, with the load average at the start of each run recorded.
Writes benchmarks/results/batch.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "litbank" / "original"


def make_corpus(data: Path, folder: Path, stories: int, words: int) -> int:
    """Write ``stories`` pieces of about ``words`` words (whole lines) cut from the books in ``data``."""
    books = sorted(data.glob("*.txt"))
    if not books:
        sys.exit(f"no .txt books in {data}")
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(stories):
        book = books[i % len(books)]
        lines = book.read_text(encoding="utf-8", errors="replace").splitlines()
        start = 20 + (i // len(books)) * 4000  # a second piece of a book starts further on
        piece: list[str] = []
        count = 0
        for line in lines[start:]:
            piece.append(line)
            count += len(line.split())
            if count >= words:
                break
        total += count
        (folder / f"{i:04d}-{book.stem[:40]}.txt").write_text("\n".join(piece) + "\n", encoding="utf-8")
    return total


def child(corpus: str, runner: str, workers: int) -> dict[str, Any]:
    """In a fresh process: one batch run into an empty folder; times of every story."""
    from heartline.batch.run import BatchProgress, run_batch

    stamps: list[float] = []
    t0 = time.perf_counter()

    def progress(p: BatchProgress) -> None:
        stamps.append(time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        result = run_batch([corpus], Path(tmp) / "out", runner=runner, jobs=workers, progress=progress)
    wall = time.perf_counter() - t0
    n = len(stamps)
    return {
        "stories": n,
        "failed": result.failed,
        "words": result.words,
        "wall_s": round(wall, 2),
        "first_story_s": round(stamps[0], 2) if stamps else None,
        "stories_per_min_wall": round(60.0 * n / wall, 2),
    }


def child_rss(corpus: str, runner: str) -> dict[str, Any]:
    """In a fresh process: peak RSS of one worker (a Ray actor, or a local worker process) after it read
    the corpus's first story."""
    story = sorted(Path(corpus).glob("*.txt"))[0]
    if runner == "ray":
        import ray

        from heartline.batch.ray_runner import StoryReader

        class Probe(StoryReader):
            def peak_rss_mb(self) -> float:
                for line in Path("/proc/self/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
                return 0.0

        ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
        actor = ray.remote(num_cpus=1)(Probe).remote(None, 1)
        ray.get(actor.__call__.remote({"bytes": [story.read_bytes()], "path": [str(story)]}))
        rss = ray.get(actor.peak_rss_mb.remote())
        ray.shutdown()
        return {"peak_rss_mb": round(rss)}
    import resource

    from heartline.batch.work import read_file

    read_file(story)
    return {"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def spawn(*args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARTLINE_THREADS": "1"}
    load = os.getloadavg()[0]
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "load_average": round(load, 2)}


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def pick(key: str, best: Any) -> dict[str, float] | None:
        values = [r[key] for r in runs if r.get(key) is not None]
        if not values:
            return None
        return {"best": best(values), "median": round(statistics.median(values), 2)}

    return {
        "wall_s": pick("wall_s", min),
        "first_story_s": pick("first_story_s", min),
        "stories_per_min_wall": pick("stories_per_min_wall", max),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--small", type=int, default=4, help="stories in the small corpus (Ray's overhead)")
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_rss(*rest) if kind == "rss" else child(rest[0], rest[1], int(rest[2]))
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory(prefix="heartline-bench-") as tmp:
        corpus, small = Path(tmp) / "corpus", Path(tmp) / "small"
        words = make_corpus(args.data, corpus, args.stories, args.words)
        make_corpus(args.data, small, args.small, args.words)  # the corpus's first stories
        configs = [("local", 1), ("ray", 1), ("local", 2), ("ray", 2)]
        runs: dict[str, list[dict[str, Any]]] = {f"{r}-{w}": [] for r, w in configs}
        small_runs: dict[str, list[dict[str, Any]]] = {f"{r}-{w}": [] for r, w in configs}
        for rep in range(args.repeats):  # interleaved, so a burst of load from other jobs hits every config
            for runner, workers in configs:
                name = f"{runner}-{workers}"
                runs[name].append(spawn("run", str(corpus), runner, str(workers)))
                small_runs[name].append(spawn("run", str(small), runner, str(workers)))
                print(
                    f"[{rep + 1}/{args.repeats}] {name}: {runs[name][-1]} small: {small_runs[name][-1]}",
                    file=sys.stderr,
                )
        rss = {runner: spawn("rss", str(corpus), runner) for runner in ("local", "ray")}

    results = {name: summarize(r) for name, r in runs.items()}
    small_results = {name: summarize(r) for name, r in small_runs.items()}
    extra = args.stories - args.small
    extra_words = words - sum(r["words"] for r in small_runs["local-1"][:1])
    marginal: dict[str, dict[str, float]] = {}
    for name in runs:
        walls = [r["wall_s"] for r in runs[name]]
        small_walls = [r["wall_s"] for r in small_runs[name]]
        seconds = statistics.median(walls) - statistics.median(small_walls)
        best = min(walls) - min(small_walls)
        marginal[name] = {
            "stories_per_min": round(60.0 * extra / seconds, 2),
            "stories_per_min_from_best": round(60.0 * extra / best, 2),
            "words_per_s": round(extra_words / seconds),
        }
    ratios = {
        f"{w}_workers": {
            "marginal": round(marginal[f"ray-{w}"]["stories_per_min"] / marginal[f"local-{w}"]["stories_per_min"], 3),
            "marginal_from_best": round(
                marginal[f"ray-{w}"]["stories_per_min_from_best"] / marginal[f"local-{w}"]["stories_per_min_from_best"],
                3,
            ),
            "wall_median": round(
                results[f"ray-{w}"]["stories_per_min_wall"]["median"]
                / results[f"local-{w}"]["stories_per_min_wall"]["median"],
                3,
            ),
        }
        for w in (1, 2)
    }
    ray_overhead = {
        f"{w}_workers": round(
            small_results[f"ray-{w}"]["wall_s"]["median"] - small_results[f"local-{w}"]["wall_s"]["median"], 2
        )
        for w in (1, 2)
    }
    per_core = {name: round(marginal[name]["words_per_s"] * 3600 / 5000 / int(name.split("-")[1])) for name in marginal}
    payload = {
        "corpus": {"stories": args.stories, "small": args.small, "words_per_story": args.words, "words": words},
        "source": "pieces of the LitBank novels (shared/data/litbank/original)",
        "repeats": args.repeats,
        "shared_machine": "yes: other jobs ran at the same time; see load_average per run",
        "method": "marginal throughput = (stories - small) / (median wall(corpus) - median wall(small corpus)): "
        "start-up (Ray, model loading) cancels out; Ray returns outcomes in blocks, so in-stream timestamps "
        "do not measure its steady rate",
        "throughput": results,
        "small_corpus": small_results,
        "marginal": marginal,
        "ray_over_local": ratios,
        "target_ray_over_local_2_workers": 0.85,
        "ray_fixed_overhead_s_median": ray_overhead,
        "stories_per_hour_per_core_5000_words": per_core,
        "peak_rss_mb_one_worker": rss,
    }
    path = write_results("batch", payload, args.out)
    print(f"corpus: {args.stories} stories, {words:,} words; {args.repeats} repeats, shared machine (best/median)")
    for name, r in results.items():
        print(
            f"  {name:8s} wall {r['wall_s']['best']:6.1f}s (median {r['wall_s']['median']:6.1f}s), "
            f"{args.small} stories {small_results[name]['wall_s']['median']:5.1f}s; "
            f"marginal {marginal[name]['stories_per_min']:6.1f} stories/min, {marginal[name]['words_per_s']:,} words/s"
        )
    for w in (1, 2):
        print(f"  Ray/local marginal throughput, {w} worker(s): {ratios[f'{w}_workers']} (target 0.85 at 2)")
    print(f"  Ray fixed overhead ({args.small} stories, median wall Ray - local): {ray_overhead} s")
    print(f"  5,000-word stories per hour per core: {per_core}")
    print(f"  peak RSS of one worker: {rss}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
