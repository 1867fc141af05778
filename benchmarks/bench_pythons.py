"""Segment and full-read speed of the same book on each supported Python (3.11, 3.12, 3.13).

usage: python benchmarks/bench_pythons.py [--book PATH] [--repeats 3] [--python 3.11 ...] [--also-generic]
                                          [--venvs DIR] [--out benchmarks/results/pythons.json]

Each Python gets a venv (kept in --venvs, made once) holding heartline's pinned run-time dependencies for
that Python, installed as a user would: ``pip install --only-binary=:all: .``. The children run this
checkout's code (``PYTHONPATH=src``) with those dependencies, through ``bench_read.py --child``: once with
the segment step only (ingest + segment, words/s) and once with every step (s per 100,000 words); a third
child times spaCy's tagger and parser alone (words per CPU second), the part that depends on BLIS. Each
measurement is repeated (the Pythons taking turns) and the minimum kept, wall and CPU time apart: on a
shared machine the other jobs lengthen the wall time, the CPU time much less. ``--also-generic`` adds a
row per Python with BLIS forced to its portable ``generic`` kernels (``HEARTLINE_BLIS_KERNELS=generic``),
what a CPU that BLIS does not recognise would run without heartline.language.blas (docs/install.md).
Writes benchmarks/results/pythons.json and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BOOK = ROOT.parent / "shared" / "data" / "novels" / "a_tale_of_two_cities_pg98.txt"
VERSIONS = ("3.11", "3.12", "3.13")
_VERSIONS_CODE = (
    "import platform, json; from importlib.metadata import version as v; "
    "from heartline.language.blas import use_fast_kernels as k; "
    "print(json.dumps({'python': platform.python_version(), "
    "**{p: v(p) for p in ('spacy', 'thinc', 'blis', 'numpy', 'onnxruntime')}, 'kernels': k().as_dict()}))"
)

# spaCy's tagger and parser alone (what the feelings step runs) on the book's paragraphs, in CPU seconds:
# the part of the read whose speed depends on BLIS's kernels.
_PARSE_CODE = """
import json, sys, time
import heartline
from heartline.segment import get_nlp
from heartline.pipeline import Pipeline
story = heartline.load(sys.argv[1])
Pipeline("segment")(story)
texts = [story.text[p.start : p.end] for p in story.paragraphs]
nlp = get_nlp()
with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
    list(nlp.pipe(texts[:50]))
    t, c = time.perf_counter(), time.process_time()
    list(nlp.pipe(texts, batch_size=128))
    dt, dc = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"words": story.metadata.words, "s": dt, "cpu_s": dc}))
"""


def find_python(version: str) -> str | None:
    """``pythonX.Y`` on PATH, else the newest pyenv install of X.Y; checked by running it."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [shutil.which(f"python{version}")]
    candidates += [str(p) for p in sorted(root.glob(f"versions/{version}.*/bin/python"), reverse=True)]
    for cand in candidates:
        if not cand:
            continue
        p = subprocess.run(
            [cand, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
        )
        if p.returncode == 0 and p.stdout.strip() == version:
            return cand
    return None


def ensure_venv(python: str, version: str, venvs: Path) -> Path:
    """A venv with heartline's dependencies for ``version``, from wheels; made once and kept."""
    venv = venvs / f"py{version}"
    exe = venv / "bin" / "python"
    stamp = venv / "pyproject.toml"
    if exe.exists() and stamp.exists() and stamp.read_text() == (ROOT / "pyproject.toml").read_text():
        return exe
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    with tempfile.TemporaryDirectory() as tmp:  # pip builds a local folder in place: give it a copy
        files = (
            subprocess.run(
                ["git", "ls-files", "-z", "-c", "-o", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
            )
            .stdout.decode()
            .split("\0")
        )
        for rel in filter(None, files):
            if (ROOT / rel).is_file():
                (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, Path(tmp) / rel)
        subprocess.run([str(exe), "-m", "pip", "install", "-q", "--only-binary=:all:", tmp], check=True)
    shutil.copy2(ROOT / "pyproject.toml", stamp)
    return exe


def _child(exe: Path, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    p = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if p.returncode != 0:
        raise RuntimeError(f"{exe} {' '.join(args)} failed: {(p.stderr.strip().splitlines() or ['?'])[-1]}")
    return dict(json.loads(p.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--python", action="append", help="A version to measure (repeatable; default all found).")
    ap.add_argument("--also-generic", action="store_true", help="Add rows with BLIS's generic kernels forced.")
    ap.add_argument("--venvs", type=Path, default=Path(tempfile.gettempdir()) / "heartline-bench-venvs")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "pythons.json")
    args = ap.parse_args()

    rows: list[dict[str, Any]] = []
    missing = []
    for version in args.python or VERSIONS:
        python = find_python(version)
        if python is None:
            missing.append(version)
            continue
        exe = ensure_venv(python, version, args.venvs)
        variants = [("fast", {}), ("generic", {"HEARTLINE_BLIS_KERNELS": "generic"})]
        for label, extra in variants if args.also_generic else variants[:1]:
            env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **extra}
            info = _child(exe, ["-c", _VERSIONS_CODE], env)
            rows.append(
                {
                    "version": version,
                    "kernels_forced": label == "generic",
                    "exe": str(exe),
                    "env": env,
                    "info": info,
                    "segment": [],
                    "parse": [],
                    "read": [],
                }
            )
    bench_read = str(ROOT / "benchmarks" / "bench_read.py")
    for rep in range(args.repeats):
        for row in rows:
            seg = _child(Path(row["exe"]), [bench_read, "--child", str(args.book), "--steps", "segment"], row["env"])
            parse = _child(Path(row["exe"]), ["-c", _PARSE_CODE, str(args.book)], row["env"])
            full = _child(Path(row["exe"]), [bench_read, "--child", str(args.book)], row["env"])
            row["segment"].append(seg)
            row["parse"].append(parse)
            row["read"].append(full)
            print(
                f"repeat {rep + 1}: Python {row['version']}{' generic' if row['kernels_forced'] else ''}: "
                f"segment {seg['steps']['segment']['s']:.2f} s, read {full['total_s']:.1f} s "
                f"(load {full['load_average']})",
                flush=True,
            )

    results = [summarise(row) for row in rows]
    out = write_results(
        "pythons",
        {
            "book": args.book.name,
            "repeats": args.repeats,
            "note": "minimum over the repeats; wall and CPU seconds apart (a shared 2-core machine)",
            "not_found": missing,
            "rows": results,
        },
        args.out,
    )
    print_table(results, args.book.name, args.repeats)
    if missing:
        print(f"not found here: Python {', '.join(missing)}")
    print(f"(written to {out})")


def summarise(row: dict[str, Any]) -> dict[str, Any]:
    words = row["read"][0]["words"]

    def seg_time(r: dict[str, Any], key: str) -> float:  # ingest is timed in wall seconds only
        return float(r["steps"]["ingest"]["s"]) + float(r["steps"]["segment"][key])

    seg_wall = min(seg_time(r, "s") for r in row["segment"])
    seg_cpu = min(seg_time(r, "cpu_s") for r in row["segment"])
    parse_cpu = min(float(r["cpu_s"]) for r in row["parse"])
    read_wall = min(float(r["total_s"]) for r in row["read"])
    read_cpu = min(float(r["cpu_s"]) for r in row["read"])
    steps = {name: min(float(r["steps"][name]["s"]) for r in row["read"]) for name in row["read"][0]["steps"]}
    return {
        "python": row["info"]["python"],
        "packages": {k: row["info"][k] for k in ("spacy", "thinc", "blis", "numpy", "onnxruntime")},
        "blis_kernels": row["info"]["kernels"],
        "words": words,
        "segment_words_per_s": round(words / seg_wall),
        "segment_words_per_cpu_s": round(words / seg_cpu),
        "parse_words_per_cpu_s": round(words / parse_cpu),
        "read_s_per_100k_words": round(read_wall * 100_000 / words, 2),
        "read_cpu_s_per_100k_words": round(read_cpu * 100_000 / words, 2),
        "read_step_s_min": steps,
        "load_averages": [r["load_average"] for r in row["read"]],
    }


def print_table(results: list[dict[str, Any]], book: str, repeats: int) -> None:
    print(f"{book}, {results[0]['words'] if results else 0:,} words; minimum of {repeats} runs")
    head = f"{'Python':8} {'spaCy':7} {'thinc':7} {'blis':6} {'kernels':16} "
    print(head + f"{'segment w/s':>12} {'(CPU)':>8} {'parse w/CPU-s':>14} {'read s/100k':>12} {'(CPU)':>7}")
    for r in results:
        k = r["blis_kernels"]
        kernels = k["used"] if k["used"] == k["detected"] else f"{k['used']} (forced)"
        p = r["packages"]
        print(
            f"{r['python']:8} {p['spacy']:7} {p['thinc']:7} {p['blis']:6} {kernels:16} "
            f"{r['segment_words_per_s']:>12,} {r['segment_words_per_cpu_s']:>8,} {r['parse_words_per_cpu_s']:>14,} "
            f"{r['read_s_per_100k_words']:>12.2f} {r['read_cpu_s_per_100k_words']:>7.2f}"
        )


if __name__ == "__main__":
    main()
