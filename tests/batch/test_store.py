"""Shards of a batch run: whole stories only, resumable by content, errors apart."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

import heartline
from heartline.batch.store import ShardWriter, done_hashes, remove_unfinished
from heartline.batch.work import Outcome
from heartline.parquet import read_table, shards, write_shard
from heartline.tables import TABLES, content_hash, reading_rows


def outcome(text: str, name: str) -> Outcome:
    digest = content_hash(text.encode())
    reading = heartline.read(text=text, steps="segment").to_dict()
    return Outcome(name, digest, digest[:16], reading, None, len(text.split()), 0.01)


def failure(name: str) -> Outcome:
    return Outcome(name, content_hash(b"x" + name.encode()), None, None, f"{name} is empty. Check the file.", 0, 0.0)


@pytest.mark.usefixtures("nlp")
def test_a_shard_is_written_every_shard_size_stories_and_at_close(tmp_path):
    writer = ShardWriter(tmp_path, shard_size=2)
    for i in range(5):
        writer.add(outcome(f"Story number {i}. “Hello,” Ann said.", f"s{i}.txt"))
    assert len(shards(tmp_path, "stories")) == 2
    writer.add(failure("bad.txt"))
    writer.close()
    assert writer.shards_written == 3 and writer.stories_written == 5 and writer.errors_written == 1
    assert read_table(tmp_path, "stories").num_rows == 5
    assert read_table(tmp_path, "readings").num_rows == 5
    errors = pq.read_table(tmp_path / "errors").to_pylist()
    assert errors == [{"path": "bad.txt", "content_hash": failure("bad.txt").content_hash, "error": errors[0]["error"]}]
    assert "empty" in errors[0]["error"]


@pytest.mark.usefixtures("nlp")
def test_a_shard_is_also_written_after_flush_seconds(tmp_path):
    writer = ShardWriter(tmp_path, shard_size=100, flush_seconds=0.0)
    writer.add(outcome("One story. “Hi,” Bo said.", "a.txt"))
    assert len(shards(tmp_path, "stories")) == 1


@pytest.mark.usefixtures("nlp")
def test_done_hashes_are_the_stories_written_and_the_errors_unless_retried(tmp_path):
    good = outcome("A story. “Yes,” Cy said.", "a.txt")
    writer = ShardWriter(tmp_path)
    writer.add_all([good, failure("bad.txt")])
    writer.close()
    assert done_hashes(tmp_path) == {good.content_hash, failure("bad.txt").content_hash}
    assert done_hashes(tmp_path, errors=False) == {good.content_hash}
    assert done_hashes(tmp_path / "nothing-here") == set()


@pytest.mark.usefixtures("nlp")
def test_the_files_of_a_shard_that_never_reached_stories_are_removed(tmp_path):
    done = outcome("Kept. “Ok,” Di said.", "kept.txt")
    writer = ShardWriter(tmp_path)
    writer.add(done)
    writer.close()
    # what a run killed while writing a shard leaves: some tables of the shard, not stories/, a temp file
    half = outcome("Half written. “No,” Ed said.", "half.txt")
    rows = reading_rows(half.reading, half.story_id, content_hash=half.content_hash)
    left = write_shard(tmp_path, "killed", {t: r for t, r in rows.items() if t != "stories"})
    assert len(left) >= 2
    (tmp_path / "bonds" / ".part-killed.parquet.tmp").parent.mkdir(exist_ok=True)
    (tmp_path / "bonds" / ".part-killed.parquet.tmp").write_bytes(b"half")
    assert read_table(tmp_path, "readings").num_rows == 2
    assert remove_unfinished(tmp_path) == len(left) + 1
    for table in TABLES:
        assert {p.name for p in shards(tmp_path, table)} <= {f"part-{writer.prefix}-00000.parquet"}
    assert read_table(tmp_path, "readings").num_rows == 1
    assert not list((tmp_path / "bonds").glob(".part-*"))
    assert done_hashes(tmp_path) == {done.content_hash}


@pytest.mark.usefixtures("nlp")
def test_two_writers_never_reuse_a_shard_name(tmp_path):
    a, b = ShardWriter(tmp_path), ShardWriter(tmp_path)
    a.add(outcome("First. “A,” Fay said.", "a.txt"))
    b.add(outcome("Second. “B,” Gus said.", "b.txt"))
    a.close()
    b.close()
    assert len(shards(tmp_path, "stories")) == 2
