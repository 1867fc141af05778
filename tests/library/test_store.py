"""The store: idempotent adds, versions of a changed file, removal, and files that are not libraries."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from heartline.library import Library, LibraryError, parse_query
from heartline.library.store import APPLICATION_ID, SCHEMA_VERSION
from heartline.tables import content_hash

from .conftest import LIGHTHOUSE, STORIES, story_id


def test_adding_the_same_files_again_stores_nothing_new(fresh_library):
    before = fresh_library.count()
    result = fresh_library.add([STORIES, LIGHTHOUSE], jobs=1)
    assert result.added == [] and result.failed == []
    assert len(result.skipped) == 4
    assert fresh_library.count() == before == 4


def test_add_reading_is_idempotent_by_content_hash(fresh_library):
    sid = story_id(fresh_library, "The Rival")
    record = fresh_library.get(sid)
    reading = fresh_library.reading(sid)
    again, new = fresh_library.add_reading(reading, content_hash=record.content_hash, path="elsewhere.md")
    assert not new and again.id == sid
    assert fresh_library.count() == 4


def test_a_changed_file_at_the_same_path_replaces_its_older_version(fresh_library, tmp_path):
    story = tmp_path / "the-rival.md"
    shutil.copy(STORIES / "the-rival.md", story)
    first = fresh_library.add([story], jobs=1)
    assert first.skipped  # the same bytes as the session's copy: stored once, under the first path
    story.write_text(story.read_text() + "\nNora laughed, and Kit was glad.\n")
    second = fresh_library.add([story], jobs=1)
    assert len(second.added) == 1
    new = second.added[0]
    assert new.source_path == str(story.resolve())
    assert fresh_library.count() == 5
    story.write_text(story.read_text() + "\nThe sea was calm at last.\n")
    third = fresh_library.add([story], jobs=1)
    assert len(third.added) == 1
    assert fresh_library.count() == 5  # the third version replaced the second
    with pytest.raises(LibraryError, match=f"replaced by a newer version of its file, {third.added[0].id}"):
        fresh_library.get(new.id)
    assert fresh_library.get(str(story)).id == third.added[0].id


def test_get_by_id_prefix_and_path_and_unknown_ids(library):
    sid = story_id(library, "Winter Letters")
    assert library.get(sid[:6]).id == sid
    assert library.get(str(STORIES / "winter-letters.txt")).id == sid
    with pytest.raises(LibraryError, match="No story 0000000000000000 in the library"):
        library.get("0000000000000000")


def test_the_reading_comes_back_whole(library):
    sid = story_id(library, "The Lighthouse Keepers")
    reading = library.reading(sid)
    assert reading["schema"] == "heartline.reading/1"
    assert reading["text"] == LIGHTHOUSE.read_text(encoding="utf-8")
    assert content_hash(LIGHTHOUSE.read_bytes()).startswith(sid)


def test_remove_takes_every_row_of_the_story(fresh_library):
    sid = story_id(fresh_library, "Winter Letters")
    removed = fresh_library.remove(sid)
    assert removed.title == "Winter Letters"
    assert fresh_library.count() == 3
    conn = sqlite3.connect(fresh_library.path)
    for table in ("readings", "characters", "names", "bonds", "bond_emotions", "bond_windows", "story_emotions",
                  "arcs", "labels", "profiles"):  # fmt: skip
        story_col = "story"
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE {story_col} NOT IN (SELECT id FROM stories)"
        ).fetchone()[0]
        assert orphans == 0, table
    assert conn.execute("SELECT count(*) FROM texts WHERE texts MATCH 'Marta'").fetchone()[0] == 0
    conn.close()
    with pytest.raises(LibraryError, match="No story"):
        fresh_library.remove(sid)


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: apples, rope\n")
    with pytest.raises(LibraryError, match="is not a heartline library"):
        Library(path)
    assert path.read_text() == "shopping list: apples, rope\n"


def test_another_applications_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another application's SQLite database"):
        Library(path)
    assert path.read_bytes() == before


def test_a_library_from_a_newer_heartline_is_refused(fresh_library):
    path = fresh_library.path
    fresh_library.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="written by a newer heartline"):
        Library(path)


def test_a_new_library_is_marked_as_one(tmp_path):
    path = tmp_path / "sub" / "new.db"
    Library(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with pytest.raises(LibraryError, match="There is no library"):
        Library(tmp_path / "absent.db", create=False)


def test_add_reading_rejects_what_is_not_a_reading(fresh_library):
    with pytest.raises(LibraryError, match="not a heartline reading"):
        fresh_library.add_reading({"text": "hi"}, content_hash="0" * 64)
    with pytest.raises(LibraryError, match="not a SHA-256"):
        fresh_library.add_reading(fresh_library.reading(story_id(fresh_library, "The Rival")), content_hash="abc")
    assert fresh_library.count() == 4


def test_bad_files_are_reported_and_the_add_goes_on(tmp_path, fresh_library):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    shutil.copy(STORIES / "the-rival.md", tmp_path / "rival.md")
    seen = []
    result = fresh_library.add([tmp_path], jobs=1, progress=seen.append)
    assert sorted(p.split("/")[-1] for p, _ in result.failed) == ["binary.txt", "empty.txt"]
    assert [p.done for p in seen] == [1, 2, 3] and {p.total for p in seen} == {3}
    assert sorted(p.status for p in seen) == ["failed", "failed", "skipped"]
    assert all(p.error for p in seen if p.status == "failed")
    assert all("\n" not in e and e for _, e in result.failed)
    assert len(result.skipped) == 1


def test_an_older_library_is_migrated_when_opened(fresh_library):
    path = fresh_library.path
    expected = [(m.story.id, round(m.score, 6)) for m in fresh_library.find(parse_query(feeling="admiration"))]
    fresh_library.close()
    conn = sqlite3.connect(path)  # make it a schema 1 library: no bond_emotions.weight
    conn.execute("DROP INDEX bond_emotions_emotion")
    conn.execute("ALTER TABLE bond_emotions DROP COLUMN weight")
    conn.execute("CREATE INDEX bond_emotions_emotion ON bond_emotions (emotion, trend, share)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert [(m.story.id, round(m.score, 6)) for m in lib.find(parse_query(feeling="admiration"))] == expected
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_read_only_library_file_gives_a_one_line_error(fresh_library, tmp_path):
    path = fresh_library.path
    fresh_library.close()
    with Library(path) as lib:
        lib._conn.execute("PRAGMA query_only = ON")  # what a read-only file or a full disk looks like to SQLite
        with pytest.raises(LibraryError, match="Could not write to the library"):
            lib.remove(story_id(lib, "The Rival"))
        lib._conn.execute("PRAGMA query_only = OFF")
        assert lib.count() == 4
