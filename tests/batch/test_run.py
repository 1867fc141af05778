"""The local runner end to end: shards in the export layout, errors recorded, resumable, read back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from heartline.batch.run import BatchProgress, plan, run_batch
from heartline.cli import main
from heartline.errors import OutputError, PipelineError
from heartline.parquet import read_table, shards
from heartline.tables import TABLES

ROOT = Path(__file__).resolve().parents[2]


def story_names(out: Path) -> list[str]:
    return sorted(read_table(out, "stories").column("source").to_pylist())


@pytest.mark.slow
def test_the_local_runner_writes_every_table_and_records_the_broken_files(corpus, local_run):
    out, result = local_run
    assert (result.found, result.skipped, result.read, result.failed) == (9, 1, 6, 2)
    assert story_names(out) == ["book.epub", "harbour.txt", "letters.txt", "oneshot.html", "storm.txt", "story.md"]
    for table in TABLES:
        assert shards(out, table), f"no {table} shard"
    errors = {Path(r["path"]).name: r for r in pq.read_table(out / "errors").to_pylist()}
    assert set(errors) == {"empty.txt", "binary.txt"}
    assert "empty" in errors["empty.txt"]["error"] and "binary" in errors["binary.txt"]["error"]
    assert all(r["content_hash"] and len(r["content_hash"]) == 64 for r in errors.values())
    assert result.shards == 3  # 8 outcomes, 3 per shard


@pytest.mark.slow
def test_the_shards_read_back_with_pyarrow_and_duckdb(local_run):
    out, _ = local_run
    stories = read_table(out, "stories")
    assert stories.num_rows == 6
    with duckdb.connect() as db:
        n, words = db.execute(f"SELECT count(*), sum(words) FROM read_parquet('{out}/stories/*.parquet')").fetchone()
        assert n == 6 and words == sum(stories.column("words").to_pylist())
        (orphans,) = db.execute(
            f"SELECT count(*) FROM read_parquet('{out}/bonds/*.parquet') b "
            f"ANTI JOIN read_parquet('{out}/stories/*.parquet') s USING (story_id)"
        ).fetchone()
        assert orphans == 0
        (bonds,) = db.execute(f"SELECT count(*) FROM '{out}/bonds/*.parquet'").fetchone()
        assert bonds == read_table(out, "bonds").num_rows > 0
        (errors,) = db.execute(f"SELECT count(*) FROM '{out}/errors/*.parquet'").fetchone()
        assert errors == 2


@pytest.mark.slow
def test_a_second_run_reads_nothing_and_retry_errors_reads_the_broken_files_again(corpus, local_run, tmp_path):
    out, _ = local_run
    todo, found, skipped = plan([corpus], out)
    assert (todo, found, skipped) == ([], 9, 9)
    todo, _, _ = plan([corpus], out, retry_errors=True)
    assert sorted(p.name for p in todo) == ["binary.txt", "empty.txt"]
    # a copy of the output, so the session's folder stays as the other tests expect it
    copy = tmp_path / "out"
    subprocess.run(["cp", "-r", str(out), str(copy)], check=True)
    again = run_batch([corpus], copy, retry_errors=True, jobs=1)
    assert (again.read, again.failed, again.skipped) == (0, 2, 7)
    assert story_names(copy) == story_names(out)


def test_progress_is_reported_after_each_story(tmp_path):
    (tmp_path / "a.txt").write_text("One. “Hi,” Al said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two. “Yo,” Bea said.", encoding="utf-8")
    seen: list[BatchProgress] = []
    run_batch([tmp_path], tmp_path / "out", steps=["segment"], jobs=1, progress=seen.append)
    assert [(p.done, p.total) for p in seen] == [(1, 2), (2, 2)]
    assert seen[-1].eta_seconds == 0 and seen[-1].words > 0 and seen[-1].words_per_second > 0


def test_bad_settings_fail_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text("One. “Hi,” Al said.", encoding="utf-8")
    with pytest.raises(PipelineError):
        run_batch([tmp_path], tmp_path / "out", steps=["bonds"])
    with pytest.raises(PipelineError):
        run_batch([tmp_path], tmp_path / "out", runner="spark")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        run_batch([tmp_path / "a.txt"], tmp_path / "file", steps=["segment"])
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_killed_run_started_again_reads_only_the_rest(corpus, local_run, tmp_path):
    """SIGKILL the batch command once some stories are written; the second run reads only the others, and
    every table ends with each story once."""
    out = tmp_path / "out"
    bigger = tmp_path / "corpus"
    bigger.mkdir()
    base = (corpus / "harbour.txt").read_text(encoding="utf-8")
    for i in range(12):
        (bigger / f"story-{i:02d}.txt").write_text(f"Part {i}\n\n" + base * 3, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "heartline", "batch", str(bigger), "--out", str(out), "--jobs", "1"]
    proc = subprocess.Popen([*cmd, "--shard-size", "1", "-q"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(shards(out, "stories")) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    first = read_table(out, "stories").num_rows
    assert 2 <= first < 12, "the run was not stopped half-way"
    result = CliRunner().invoke(main, ["batch", str(bigger), "--out", str(out), "--jobs", "2", "-q"])
    assert result.exit_code == 0, result.output
    assert f"12 files, {first} already in {out}: read {12 - first} stories" in result.output
    stories = read_table(out, "stories").column("story_id").to_pylist()
    assert len(stories) == len(set(stories)) == 12
    with duckdb.connect() as db:
        (dupes,) = db.execute(
            f"SELECT count(*) FROM (SELECT story_id, quote FROM '{out}/quotes/*.parquet' "
            "GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()
        readings_sql = f"SELECT count(DISTINCT story_id) = count(*) FROM '{out}/readings/*.parquet'"
        (readings,) = db.execute(readings_sql).fetchone()
    assert dupes == 0 and readings is True


def test_the_batch_command_prints_a_summary_and_refuses_bad_options(tmp_path):
    (tmp_path / "a.txt").write_text("One. “Hi,” Al said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--out", str(out), "--steps", "segment", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "2 files: read 1 stories" in result.output and "1 failed" in result.output
    assert "failed: " in result.output and "empty" in result.output
    bad = CliRunner().invoke(main, ["batch", str(tmp_path), "--out", str(out), "--address", "auto"])
    assert bad.exit_code == 2 and "--address needs --runner ray" in bad.output
    missing = CliRunner().invoke(main, ["batch", str(tmp_path / "nope"), "--out", str(out)])
    assert missing.exit_code == 1 and "does not exist" in missing.output
    assert missing.output.count("\n") == 1


@pytest.mark.slow
def test_a_batch_folder_is_added_to_a_library_without_reading_the_stories_again(local_run, tmp_path):
    import json

    from heartline.library import Library

    out, result = local_run
    db = tmp_path / "library.db"
    added = CliRunner().invoke(main, ["add", "--from-parquet", str(out), "--library", str(db)])
    assert added.exit_code == 0, added.output
    assert f"added {result.read}, already there 0, failed 0" in added.output
    readings = {r["story_id"]: json.loads(r["reading"]) for r in read_table(out, "readings").to_pylist()}
    with Library(db) as lib:
        assert lib.count() == len(readings) == 6
        for story_id, reading in readings.items():
            assert lib.reading(story_id) == reading


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_writes_the_stories_read_so_far_and_says_how_to_go_on(corpus, tmp_path):
    out = tmp_path / "out"
    bigger = tmp_path / "corpus"
    bigger.mkdir()
    base = (corpus / "harbour.txt").read_text(encoding="utf-8")
    for i in range(12):
        (bigger / f"story-{i:02d}.txt").write_text(f"Part {i}\n\n" + base * 3, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "heartline", "batch", str(bigger), "--out", str(out), "--jobs", "2"]
    # one shard of 100 stories: only the flush on Ctrl-C writes anything before the end
    # the interrupt as a terminal gives it: a run started in the background of a script inherits SIGINT ignored
    with subprocess.Popen(
        cmd, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_default_interrupt
    ) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the progress line, printed after the first story
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: the command and its workers
        rest = proc.stderr.read()
        code = proc.wait(timeout=60)
    assert first.startswith("1/12 stories"), first
    assert code == 130
    assert "interrupted; the stories read so far are in" in rest and "Traceback" not in rest
    done = read_table(out, "stories").num_rows
    assert 1 <= done < 12
    again = run_batch([bigger], out, jobs=2)
    assert (again.skipped, again.read) == (done, 12 - done)
