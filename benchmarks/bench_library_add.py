"""Stories added per minute by ``heartline add`` against reading the same files without a library.

usage: python benchmarks/bench_library_add.py [--stories 8] [--words 5000] [--jobs 2] [--out FILE]

The stories are 5,000-word slices of the public-domain novels in ../shared/data/novels (written to a
temporary folder, never into the project). Three runs over the same files, each in a fresh process:

- ``read``: ``heartline read FILE -o FILE.json`` once per file, one after another (the bare command);
- ``read_files``: ``heartline.batch.read_files(files, jobs=N)`` in one process (the same worker pool
  ``add`` uses, without storing anything): the reading alone;
- ``add``: ``heartline add DIR --library NEW.db --jobs N``.

Target: ``add`` at least 70% of the stories per minute of bare ``heartline read``. The ratio to
``read_files`` is what the library itself costs. Writes benchmarks/results/library-add.json.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
NOVELS = ROOT.parent / "shared" / "data" / "novels"


def slices(folder: Path, stories: int, words: int) -> list[Path]:
    out: list[Path] = []
    for novel in sorted(NOVELS.glob("*.txt")):
        ws = novel.read_text(encoding="utf-8", errors="replace").split()
        start = 3000  # past the Project Gutenberg header and front matter
        while start + words <= len(ws) - 3000 and len(out) < stories:
            path = folder / f"{novel.stem}-{start}.txt"
            # whole lines again: rebuild paragraphs at blank-line boundaries of the slice
            path.write_text(" ".join(ws[start : start + words]).replace(" “", "\n\n“") + "\n", encoding="utf-8")
            out.append(path)
            start += words * 3
        if len(out) >= stories:
            break
    return out


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=8)
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stories"
        folder.mkdir()
        files = slices(folder, args.stories, args.words)
        n = len(files)
        read_s = 0.0
        for f in files:
            read_s += timed([sys.executable, "-m", "heartline", "read", str(f), "-o", f"{tmp}/{f.stem}.json"], env)
        code = (
            "import sys; from heartline.batch import read_files; "
            f"bad = [o.error for o in read_files(sys.argv[1:], jobs={args.jobs}) if o.error]; assert not bad, bad"
        )
        pool_s = timed([sys.executable, "-c", code, *map(str, files)], env)
        add_s = timed(
            [sys.executable, "-m", "heartline", "add", str(folder), "--library", f"{tmp}/library.db",
             "--jobs", str(args.jobs), "--quiet"],
            env,
        )  # fmt: skip
    per_min = {name: round(60 * n / s, 2) for name, s in (("read", read_s), ("read_files", pool_s), ("add", add_s))}
    payload = {
        "stories": n,
        "words_per_story": args.words,
        "jobs": args.jobs,
        "seconds": {"read": round(read_s, 1), "read_files": round(pool_s, 1), "add": round(add_s, 1)},
        "stories_per_minute": per_min,
        "add_vs_read": round(per_min["add"] / per_min["read"], 3),
        "add_vs_read_files": round(per_min["add"] / per_min["read_files"], 3),
        "target": {"add_vs_read": 0.7},
        "load_average": os.getloadavg(),
    }
    out = write_results("library-add", payload, args.out)
    print(f"{n} stories of {args.words:,} words, --jobs {args.jobs}")
    for name, v in per_min.items():
        print(f"  {name:<10} {v:6.1f} stories/min ({payload['seconds'][name]} s)")
    ratio, pool = payload["add_vs_read"], payload["add_vs_read_files"]
    print(f"  add / bare read {ratio:.2f} (target >= 0.70); add / read_files {pool:.2f}")
    print(f"  -> {out}")


if __name__ == "__main__":
    main()
