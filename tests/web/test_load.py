"""A bounded load run against the real server: concurrent readers while ``heartline add`` runs, no errors.

The full run (100 readers, 10,000 stories, at least 20 s) is benchmarks/bench_web.py; this one is short
so CI can afford it, and records its latencies in the test output only (no timed assertion)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ..conftest import ROOT
from .conftest import Server

pytestmark = pytest.mark.slow


def test_readers_get_answers_while_a_story_is_added(server: Server, tmp_path: Path, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_web
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    import asyncio
    import random

    ids = [row["story"]["id"] for row in server.get("/api/stories?per=50").json()["rows"]]
    add = bench_web.start_add(server.library, tmp_path / "to-add", 2)
    try:
        mix = bench_web.page_mix(["Maren", "Ines", "Willow", "Buffy"], ids, random.Random(1))
        readers = bench_web.run_readers(server.port, mix, readers=40, seconds=8, think=0.2)
        with ThreadPoolExecutor(1) as pool:  # an event loop of its own (Playwright may hold this thread's)
            results = pool.submit(asyncio.run, readers).result()
        running = add.poll() is None
        out, _ = add.communicate(timeout=600)
    finally:
        if add.poll() is None:
            add.kill()
    summary = bench_web.summarize(results, 8)
    with capsys.disabled():
        print(f"\nload: {summary['requests']} requests, p50 {summary['all']['p50_ms']} ms, "
              f"p95 {summary['all']['p95_ms']} ms, add still running at the end: {running}")  # fmt: skip
    assert summary["requests"] > 100
    assert summary["errors"] == 0, summary["statuses"]
    assert {k for k, _, _ in results} == {"library", "find", "story", "report"}
    assert add.returncode == 0, out.decode()
    assert server.get("/api/stories?text=Copy&per=5").json()["total"] >= 2
