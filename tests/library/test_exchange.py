"""export --parquet: the tables read back by pyarrow and queried by DuckDB; import brings them back."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from heartline.errors import OutputError
from heartline.library import Library, LibraryError, parse_query
from heartline.parquet import arrow_schema, read_table
from heartline.tables import COLUMNS


@pytest.fixture(scope="module")
def exported(library_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export") / "out"
    with Library(library_path) as lib:
        counts = lib.export_parquet(folder)
    return folder, counts


def test_every_table_is_written_with_its_declared_schema(exported):
    folder, counts = exported
    assert counts["stories"] == 4 and counts["readings"] == 4
    for table in ("stories", "characters", "quotes", "feelings", "bonds", "bond_timelines", "arcs", "readings"):
        parts = sorted((folder / table).glob("part-*.parquet"))
        assert parts, table
        data = pq.read_table(parts[0])
        assert data.schema.equals(arrow_schema(table)), table
        assert read_table(folder, table).num_rows == counts[table]
        assert [c for c, _ in COLUMNS[table]] == data.column_names


def test_duckdb_queries_the_folders_as_tables(exported):
    folder, _ = exported
    con = duckdb.connect()
    rows = con.execute(
        f"""
        SELECT s.title, b.source, b.target, round(b.valence, 2)
        FROM read_parquet('{folder}/bonds/*.parquet') b
        JOIN read_parquet('{folder}/stories/*.parquet') s USING (story_id)
        WHERE list_contains(b.unsaid_labels, 'love')
        ORDER BY b.strength DESC
        """
    ).fetchall()
    assert ("The Orchard Ladder", "hana", "theo") in [r[:3] for r in rows]
    n = con.execute(f"SELECT count(*) FROM read_parquet('{folder}/feelings/*.parquet')").fetchone()[0]
    assert n == exported[1]["feelings"]


def test_import_brings_every_story_back(exported, tmp_path, library):
    folder, _ = exported
    with Library(tmp_path / "imported.db") as lib:
        result = lib.import_parquet(folder)
        assert len(result.added) == 4 and not result.failed
        assert {r.id for r in lib.list()} == {r.id for r in library.list()}
        again = lib.import_parquet(folder)
        assert len(again.skipped) == 4 and not again.added
        assert [m.story.title for m in lib.find(parse_query(tag="pining"))] == ["The Orchard Ladder"]


def test_export_refuses_a_folder_that_is_not_empty(exported, library):
    folder, _ = exported
    with pytest.raises(OutputError, match="not an empty folder"):
        library.export_parquet(folder)


def test_import_needs_the_readings_table(tmp_path, library):
    (tmp_path / "stories").mkdir()
    with pytest.raises(LibraryError, match="has no readings table"):
        library.import_parquet(tmp_path)


def test_narrator_unnamed_and_triggers_survive_export_and_import(tmp_path):
    story = tmp_path / "first-person.txt"
    story.write_text("I loved Clara more than anyone. When Clara left the farm I was furious with her.\n")
    with Library(tmp_path / "a.db") as lib:
        assert len(lib.add([story], jobs=1).added) == 1
        lib.export_parquet(tmp_path / "out")
    characters = read_table(tmp_path / "out", "characters").to_pylist()
    assert [(c["character"], c["unnamed"]) for c in characters if c["narrator"]] == [("narrator", True)]
    feelings = read_table(tmp_path / "out", "feelings").to_pylist()
    assert "loved" in {f["trigger_text"] for f in feelings}
    with Library(tmp_path / "b.db") as lib:
        assert len(lib.import_parquet(tmp_path / "out").added) == 1
        lib.export_parquet(tmp_path / "again")
    assert read_table(tmp_path / "again", "characters").to_pylist() == characters
    assert read_table(tmp_path / "again", "feelings").to_pylist() == feelings
