"""Crash safety and concurrency, with real processes: SIGKILL during ``heartline add``, and readers in
other processes querying while an add writes."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from .conftest import LIGHTHOUSE, STORIES, copy_library

pytestmark = pytest.mark.slow

CHILD_TABLES = ("readings", "characters", "names", "bonds", "bond_emotions", "bond_windows", "story_emotions",
                "arcs", "labels", "profiles")  # fmt: skip


def variants(folder: Path, copies: int) -> list[Path]:
    """Distinct story files (different bytes) made from the plain-text test stories."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [STORIES / "winter-letters.txt", STORIES / "the-rival.md", LIGHTHOUSE]
    out = []
    for n in range(copies):
        for base in bases:
            path = folder / f"{base.stem}-{n}{base.suffix}"
            path.write_text(base.read_text(encoding="utf-8") + f"\n\nThe end of copy {n}.\n", encoding="utf-8")
            out.append(path)
    return out


def check_consistent(path: Path) -> int:
    """Every story whole (all its rows, matching its reading) or absent; no rows of absent stories."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stories = conn.execute("SELECT id, story_id, title FROM stories").fetchall()
        for table in CHILD_TABLES:
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE story NOT IN (SELECT id FROM stories)")
            assert orphans.fetchone()[0] == 0, table
        assert conn.execute("SELECT count(*) FROM texts").fetchone()[0] == len(stories)
        for key, sid, _title in stories:
            data = conn.execute("SELECT data FROM readings WHERE story = ?", (key,)).fetchone()
            assert data is not None, sid
            reading = json.loads(zlib.decompress(data[0]))
            n = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE story = ?", (key,)).fetchone()[0]
                 for t in ("characters", "bonds", "profiles")}  # fmt: skip
            assert n["characters"] == len(reading["characters"]), sid
            assert n["bonds"] == len(reading["bonds"]), sid
            assert n["profiles"] == 1, sid
            assert conn.execute("SELECT count(*) FROM texts WHERE rowid = ?", (key,)).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM versions WHERE story_id = ?", (sid,)).fetchone()[0] == 1
        return len(stories)
    finally:
        conn.close()


def stories_in(library: Path) -> int:
    if not library.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not initialised yet
        return 0


def add_command(folder: Path, library: Path) -> list[str]:
    return [sys.executable, "-m", "heartline", "add", str(folder), "--library", str(library), "--jobs", "1", "-q"]


def test_sigkill_at_random_moments_leaves_every_story_whole_or_absent(tmp_path):
    files = variants(tmp_path / "stories", 4)
    library = tmp_path / "library.db"
    rng = random.Random(35)
    seen = []
    for target in sorted(rng.sample(range(1, len(files) - 2), 3)):
        # wait until the add is under way (models loaded, some stories in), then kill it a random moment later
        proc = subprocess.Popen(add_command(tmp_path / "stories", library), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 300
        while stories_in(library) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.2))  # a story takes about 0.3 s: the kill lands while one is being added
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        seen.append(check_consistent(library))
    assert seen == sorted(seen)  # nothing added is ever lost
    assert any(0 < n < len(files) for n in seen), seen  # the kills landed while stories were being added
    done = subprocess.run(add_command(tmp_path / "stories", library), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert check_consistent(library) == len(files)
    conn = sqlite3.connect(library)
    hashes = [r[0] for r in conn.execute("SELECT content_hash FROM stories")]
    conn.close()
    assert len(hashes) == len(set(hashes)) == len(files)


READER = r"""
import json, sys, time
from pathlib import Path
from heartline.library import Library, parse_query

path, stop = sys.argv[1], Path(sys.argv[2])
counts, queries, errors = [], 0, []
lib = Library(path, create=False)
ids = [r.id for r in lib.list()]
while True:
    last = stop.exists()
    try:
        counts.append(lib.count())
        lib.find(parse_query(feeling="admiration"), limit=5)
        lib.find(parse_query(text="storm"), limit=5)
        lib.list(sort="-words", limit=5)
        lib.similar(ids[0], limit=3)
        lib.facets()
        queries += 6
        if queries % 60 == 0:
            lib.close()
            lib = Library(path, create=False)
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    if last:
        break
print(json.dumps({"queries": queries, "counts": counts, "errors": errors}))
"""


def test_readers_in_other_processes_keep_answering_while_an_add_runs(library_path, tmp_path):
    library = copy_library(library_path, tmp_path / "library.db")
    files = variants(tmp_path / "stories", 2)
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(library), str(stop)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        add = subprocess.run(add_command(tmp_path / "stories", library), capture_output=True, text=True, timeout=600)
    finally:
        stop.touch()
    assert add.returncode == 0, add.stderr
    for reader in readers:
        out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
        report = json.loads(out)
        assert report["errors"] == []
        assert report["queries"] > 30
        assert report["counts"] == sorted(report["counts"])  # each reader sees stories arrive, whole, in order
        assert report["counts"][0] >= 4 and report["counts"][-1] == 4 + len(files)
    assert check_consistent(library) == 4 + len(files)
