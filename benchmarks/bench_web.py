"""Load on ``heartline serve``: many concurrent readers of a large library while ``heartline add`` runs.

usage: python benchmarks/bench_web.py [--stories 10000] [--readers 100] [--seconds 30] [--think 1.0]
                                      [--add 40] [--keep PATH] [--out FILE]

A real server (``python -m heartline serve``, one uvicorn process) on a loopback port, over a library
built by benchmarks/bench_library_queries.py's builder (synthetic readings made from real ones, stored
with ``Library.add_reading``). ``--readers`` simulated people each keep one HTTP/1.1 connection open and
loop: open a page, wait a think time drawn uniformly from 0.5x to 1.5x ``--think`` seconds, open the next.
``--think 0`` sends requests back to back (a saturation test: latency is then the queue, not the page).
The pages, in turn: the library page (no query, a facet filter, a feeling, an arc), ``/api/find`` with a
pair, a feeling with a trend or the unsaid, a story's page and the report it embeds. Meanwhile (unless
``--add 0``) ``heartline add`` reads a folder of stories into the same library in another process, as a
person would from a terminal: enough stories to outlast the readers; it is stopped when they are done.
Every answer must be 200. Writes benchmarks/results/web-<N>.json and prints p50/p95 per
page kind. Target: library page and find p95 at most 150 ms at 10,000 stories with 100 readers on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
ADD_STORIES = [
    ROOT / "examples" / "the-lighthouse-keepers.txt",
    ROOT.parent / "shared" / "examples" / "i-missed-you.txt",
]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(library: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "heartline", "serve", "--library", str(library), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
        )  # fmt: skip
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"heartline serve exited: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("heartline serve did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def start_add(library: Path, folder: Path, copies: int) -> subprocess.Popen[bytes]:
    """``heartline add`` of ``copies`` distinct story files (real text, each one read in full)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [p for p in ADD_STORIES if p.exists()]
    for i in range(copies):
        base = bases[i % len(bases)]
        (folder / f"added-{i}.txt").write_text(f"Copy {i} of {base.stem}.\n\n" + base.read_text(encoding="utf-8"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARTLINE_THREADS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "heartline", "add", str(folder), "--library", str(library), "-j", "1", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip


def page_mix(names: list[str], story_ids: list[str], rng: random.Random) -> list[Callable[[], tuple[str, str]]]:
    """Functions that each return (kind, path) for one request."""
    from heartline.arcs import SHAPES
    from heartline.emotions.labels import LABELS

    emotions = [x for x in LABELS if x != "neutral"]
    q = urllib.parse.urlencode
    return [
        lambda: ("library", "/"),
        lambda: ("library", "/?" + q({"tag": f"Tag {rng.randrange(120)}"})),
        lambda: ("library", "/?" + q({"feeling": rng.choice(emotions)})),
        lambda: ("library", "/?" + q({"arc": rng.choice(SHAPES), "sort": "title", "page": rng.randint(1, 5)})),
        lambda: ("find", "/api/find?" + q({"pair": f"{rng.choice(names)} -> {rng.choice(names)}"})),
        lambda: ("find", "/api/find?" + q({"feeling": f"{rng.choice(emotions)} {rng.choice(['rising', 'falling'])}"})),
        lambda: ("find", "/api/find?" + q({"unsaid": rng.choice(emotions)})),
        lambda: ("story", f"/stories/{rng.choice(story_ids)}"),
        lambda: ("report", f"/stories/{rng.choice(story_ids)}/report"),  # the story page's embedded reading
    ]


async def _get(reader: Any, writer: Any, host: str, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html,application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    chunked = False
    for line in lines[1:]:
        k, _, v = line.partition(":")
        if k.lower() == "content-length":
            length = int(v)
        elif k.lower() == "transfer-encoding" and "chunked" in v.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def run_readers(
    port: int, mix: list[Callable[[], tuple[str, str]]], readers: int, seconds: float, think: float, seed: int = 3
) -> list[tuple[str, int, float]]:
    """``readers`` concurrent connections for ``seconds``; returns (kind, status, milliseconds) per request."""
    results: list[tuple[str, int, float]] = []
    stop = time.monotonic() + seconds
    host = f"127.0.0.1:{port}"

    async def one(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        await asyncio.sleep(rng.random() * max(think, 0.05))  # readers arrive spread out
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        k = i
        try:
            while time.monotonic() < stop:
                kind, path = mix[k % len(mix)]()
                k += 1
                t0 = time.perf_counter()
                try:
                    status = await _get(reader, writer, host, path)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    status = 0
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                results.append((kind, status, (time.perf_counter() - t0) * 1000))
                if think > 0:
                    await asyncio.sleep(think * (0.5 + rng.random()))
        finally:
            writer.close()

    await asyncio.gather(*(one(i) for i in range(readers)))
    return results


def summarize(results: list[tuple[str, int, float]], seconds: float) -> dict[str, Any]:
    kinds = sorted({k for k, _, _ in results})
    out: dict[str, Any] = {
        "requests": len(results),
        "errors": sum(1 for _, s, _ in results if s != 200),
        "statuses": sorted({s for _, s, _ in results}),
        "rps": round(len(results) / seconds, 1),
    }
    for kind in ["all", *kinds]:
        ms = [m for k, _, m in results if kind in ("all", k)]
        out[kind] = {"n": len(ms), "p50_ms": round(pct(ms, 50), 1), "p95_ms": round(pct(ms, 95), 1),
                     "max_ms": round(max(ms), 1) if ms else None}  # fmt: skip
    return out


def load(
    library: Path,
    *,
    readers: int,
    seconds: float,
    think: float,
    names: list[str],
    add_copies: int = 0,
    work: Path,
) -> dict[str, Any]:
    """Start a server over ``library``, run the readers (and an add), stop everything; the summary."""
    from heartline.library import Library

    with Library(library) as lib:
        ids = [r.id for r in lib.list(limit=500, sort="-added")]
    port = free_port()
    server = start_server(library, port, work / "server.log")
    add = None
    try:
        if add_copies:
            add = start_add(library, work / "to-add", add_copies)
            add_started = time.monotonic()
        mix = page_mix(names, ids, random.Random(5))
        cpu0 = cpu_seconds(server.pid)
        started = time.monotonic()
        results = asyncio.run(run_readers(port, mix, readers, seconds, think))
        elapsed = time.monotonic() - started
        summary = summarize(results, elapsed)
        cpu = cpu_seconds(server.pid) - cpu0
        summary["server_cpu_s"] = round(cpu, 1)
        summary["server_cpu_ms_per_request"] = round(1000 * cpu / max(1, len(results)), 1)
        summary["load_average"] = os.getloadavg()
        if add is not None:
            summary["add_running_at_end"] = add.poll() is None
            add.kill()  # the readers are done; the stories read so far are whole (the library's guarantee)
            add.wait(timeout=60)
            summary["add_s"] = round(time.monotonic() - add_started, 1)
            summary["add_exit"] = add.returncode
            with Library(library) as lib:
                summary["stories_after"] = lib.count()
        return summary
    finally:
        if add is not None and add.poll() is None:
            add.kill()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--stories", type=int, default=10_000)
    ap.add_argument("--readers", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--think", type=float, default=1.0, help="Mean seconds a reader waits between pages.")
    ap.add_argument("--add", type=int, default=40, help="Stories `heartline add` reads during the run (0: none).")
    ap.add_argument("--keep", type=Path, help="Build (or reuse) the library at this path (it is copied).")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    import bench_library_queries as builder

    work = Path(tempfile.mkdtemp(prefix="heartline-bench-web-"))
    try:
        source = args.keep or work / "built.db"
        built = builder.build(source, args.stories)
        names = built.pop("names")
        library = work / "library.db"
        with __import__("sqlite3").connect(source) as src, __import__("sqlite3").connect(library) as dst:
            src.backup(dst)  # the run adds stories: never to the kept library
        summary = load(library, readers=args.readers, seconds=args.seconds, think=args.think, names=names,
                       add_copies=args.add, work=work)  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    payload = {"stories": args.stories, "readers": args.readers, "seconds": args.seconds, "think_s": args.think,
               "add_stories": args.add, "server": "heartline serve, one uvicorn process", **built,
               "result": summary}  # fmt: skip
    path = write_results(f"web-{args.stories}" + ("" if args.think else "-saturated"), payload, args.out)
    print(f"{args.stories:,} stories, {args.readers} readers, {args.seconds:.0f} s, think {args.think} s, "
          f"add of {args.add} stories alongside: {summary['requests']} requests ({summary['rps']}/s), "
          f"{summary['errors']} errors; server CPU {summary['server_cpu_ms_per_request']} ms a request; "
          f"load average {summary['load_average'][0]:.1f}")  # fmt: skip
    for kind in ("library", "find", "story", "report", "all"):
        if kind in summary:
            s = summary[kind]
            print(
                f"  {kind:8} n={s['n']:5}  p50 {s['p50_ms']:7.1f} ms  p95 {s['p95_ms']:7.1f} ms  max {s['max_ms']} ms"
            )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
