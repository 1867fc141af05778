"""The Ray runner on a real local Ray (2 CPUs, loopback only): the same readings as the local runner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from heartline.batch.ray_runner import reader_for_bytes
from heartline.batch.run import run_batch
from heartline.batch.work import read_file
from heartline.parquet import read_table
from heartline.tables import TABLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def local_ray():
    import ray  # in the [test] extra: CI runs these tests, never skips them

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="session")
def ray_run(local_ray, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ray") / "out"
    return out, run_batch([corpus], out, runner="ray", jobs=2, shard_size=3)


def rows(out: Path, table: str) -> list[dict]:
    return sorted(read_table(out, table).to_pylist(), key=lambda r: repr(sorted(r.items())))


@pytest.mark.slow
def test_ray_gives_the_readings_the_local_runner_gives(ray_run, local_run):
    (ray_out, ray_result), (local_out, local_result) = ray_run, local_run
    assert (ray_result.found, ray_result.skipped, ray_result.read, ray_result.failed) == (9, 1, 6, 2)
    assert ray_result.words == local_result.words
    for table in TABLES:
        assert rows(ray_out, table) == rows(local_out, table), f"{table} differs"
    assert len(rows(ray_out, "readings")) == 6


@pytest.mark.slow
def test_ray_records_the_broken_files_with_the_paths_given(ray_run, local_run):
    (ray_out, _), (local_out, _) = ray_run, local_run
    ray_errors = sorted(pq.read_table(ray_out / "errors").to_pylist(), key=lambda r: r["path"])
    local_errors = sorted(pq.read_table(local_out / "errors").to_pylist(), key=lambda r: r["path"])
    assert ray_errors == local_errors
    assert [Path(r["path"]).name for r in ray_errors] == ["binary.txt", "empty.txt"]


@pytest.mark.slow
def test_a_second_ray_run_reads_only_what_is_new(ray_run, corpus, tmp_path):
    out, _ = ray_run
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "new.txt").write_text("The Visit\n\n“Stay,” Lena said to Owen. He stayed, and she was glad.\n")
    result = run_batch([corpus, extra], out, runner="ray", jobs=2)
    assert (result.found, result.skipped, result.read, result.failed) == (10, 9, 1, 0)
    assert read_table(out, "stories").num_rows == 7


def test_a_story_read_from_bytes_is_the_story_read_from_its_file(corpus):
    for name in ("harbour.txt", "book.epub", "broken/empty.txt"):
        path = corpus / name
        a, b = read_file(path), reader_for_bytes(path.read_bytes(), str(path))
        fields = ("path", "content_hash", "reading", "error", "words")
        assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]


def test_without_ray_the_ray_runner_names_the_extra_to_install(tmp_path):
    (tmp_path / "a.txt").write_text("One. “Hi,” Al said.", encoding="utf-8")
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "from heartline.cli import main\n"
        f"main(['batch', {str(tmp_path)!r}, '--out', {str(tmp_path / 'out')!r}, '--runner', 'ray'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")}, check=False
    )
    assert proc.returncode == 1
    assert "pip install 'heartline[ray]'" in proc.stderr and proc.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()
