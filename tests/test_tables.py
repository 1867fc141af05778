"""The export tables: rows built from a real reading, every declared column present, Parquet read back."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

import heartline
from heartline.parquet import read_table, read_table_rows, shards, write_shard
from heartline.tables import COLUMNS, TABLES, content_id, main_pair, reading_rows

STORY = (
    "“I missed you,” Mara said to Theo. She hugged him and felt such joy.\n\n"
    "“I was so afraid,” Theo said. He loved her.\n\n"
    "Mara wept with grief for Jonah, and Theo held her."
)


@pytest.fixture(scope="module")
def reading() -> dict:
    return heartline.read(text=STORY).to_dict()


def test_every_table_has_exactly_its_declared_columns(reading):
    rows = reading_rows(reading, "abc")
    assert set(rows) == set(TABLES)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert list(row) == [name for name, _ in COLUMNS[table]], table


def test_rows_follow_the_reading(reading):
    rows = reading_rows(reading, "s1", content_hash="f" * 64)
    (story,) = rows["stories"]
    assert story["story_id"] == "s1"
    assert story["quotes"] == len(reading["quotes"]) == len(rows["quotes"]) == 2
    assert rows["quotes"][0]["text"] == "I missed you,"
    assert {c["character"] for c in rows["characters"]} >= {"mara", "theo"}
    assert len(rows["feelings"]) == len(reading["feelings"]) > 0
    for f in rows["feelings"]:
        assert f["text"] == reading["text"][f["start"] : f["end"]]
        assert 0.0 <= f["position"] <= 1.0
    assert len(rows["bonds"]) == len(reading["bonds"])
    assert sum(len(b["timeline"]) for b in reading["bonds"]) == len(rows["bond_timelines"])
    assert rows["arcs"][0]["subject"] == "story"
    assert (story["main_source"], story["main_target"]) == main_pair(reading)


def test_a_reading_without_later_steps_has_empty_tables():
    reading = heartline.read(text="“Stay,” Maren said.", steps="segment").to_dict()
    rows = reading_rows(reading, "s2", with_reading=False)
    assert len(rows["stories"]) == 1 and len(rows["quotes"]) == 1
    assert rows["bonds"] == rows["feelings"] == rows["arcs"] == rows["readings"] == []


def test_content_id_is_stable_and_short():
    assert content_id(b"a story") == content_id(b"a story") != content_id(b"a story!")
    assert len(content_id(b"x")) == 16


def test_parquet_shards_read_back_with_their_schema(reading, tmp_path):
    write_shard(tmp_path, "0001", reading_rows(reading, "s1"))
    write_shard(tmp_path, "0002", reading_rows(reading, "s2"))
    for table in ("stories", "quotes", "bonds", "readings"):
        assert [p.name for p in shards(tmp_path, table)] == ["part-0001.parquet", "part-0002.parquet"]
    stories = read_table(tmp_path, "stories")
    assert stories.column("story_id").to_pylist() == ["s1", "s2"]
    assert pq.read_schema(shards(tmp_path, "bonds")[0]).names == [n for n, _ in COLUMNS["bonds"]]
    assert not list(tmp_path.rglob("*.tmp"))
    (back,) = [r for r in read_table_rows(tmp_path, "readings") if r["story_id"] == "s2"]
    assert heartline.Story.from_json(back["reading"]).to_dict() == reading


def test_duckdb_reads_a_table_folder_as_one_table(reading, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    write_shard(tmp_path, "a", reading_rows(reading, "s1"))
    write_shard(tmp_path, "b", reading_rows(reading, "s2"))
    con = duckdb.connect()
    n = con.execute(f"select count(distinct story_id) from read_parquet('{tmp_path}/bonds/*.parquet')").fetchall()
    assert n == [(2,)]


def test_a_shard_can_be_given_as_arrow_tables(reading, tmp_path):
    import pyarrow as pa

    from heartline.parquet import arrow_schema

    rows = reading_rows(reading, "s1")
    as_arrow = {t: pa.Table.from_pylist(r, schema=arrow_schema(t)) for t, r in rows.items()}
    write_shard(tmp_path / "rows", "a", rows)
    write_shard(tmp_path / "arrow", "a", as_arrow)
    for table in TABLES:
        assert read_table(tmp_path / "arrow", table).equals(read_table(tmp_path / "rows", table)), table
    assert [p.parent.name for p in shards(tmp_path / "arrow", "stories")] == ["stories"]


def test_main_pair_among_equals_is_the_first_in_the_reading():
    bonds = [{"source": "a", "target": "b", "strength": 2.0}, {"source": "b", "target": "a", "strength": 2.0}]
    assert main_pair({"bonds": bonds}) == ("a", "b")
    assert main_pair({"bonds": []}) == (None, None)


FIRST_PERSON = "I loved Clara more than anyone. When Clara left the farm I was furious with her, and I wept."


def test_a_first_person_story_has_a_narrator_row_and_feelings_carry_their_trigger():
    reading = heartline.read(text=FIRST_PERSON).to_dict()
    rows = reading_rows(reading, "s3")
    narrator = [c for c in rows["characters"] if c["narrator"]]
    assert [c["character"] for c in narrator] == ["narrator"]
    assert narrator[0]["unnamed"] is True
    assert all(c["narrator"] is False for c in rows["characters"] if c["character"] != "narrator")
    love = [f for f in rows["feelings"] if f["emotion"] == "love"]
    assert love and love[0]["trigger_text"] == "loved"
    assert FIRST_PERSON[love[0]["trigger_start"] : love[0]["trigger_end"]] == "loved"
    for f in rows["feelings"]:
        assert (f["trigger_start"] is None) == (f["trigger_end"] is None) == (f["trigger_text"] is None)


def test_a_feeling_without_a_trigger_has_null_trigger_columns(reading):
    untriggered = {**reading, "feelings": [{**f, "trigger": None} for f in reading["feelings"]]}
    for f in reading_rows(untriggered, "s4")["feelings"]:
        assert f["trigger_start"] is None and f["trigger_end"] is None and f["trigger_text"] is None
