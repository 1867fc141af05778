"""The library's commands: tables, --json and --csv, and one-line errors that change nothing."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from heartline.cli import main

from .conftest import STORIES, story_id


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_find_prints_the_matches_with_why(library_path):
    result = run("find", "--pair", "Hana -> Theo", "--library", str(library_path))
    assert result.exit_code == 0, result.output
    assert "The Orchard Ladder" in result.output
    assert "Hana -> Theo: love" in result.output


def test_find_json_and_csv(library_path):
    out = run("find", "--feeling", "grief", "--json", "--library", str(library_path))
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data[0]["story"]["title"] == "Winter Letters"
    assert data[0]["reasons"][0]["quote"]
    out = run("find", "--feeling", "grief", "--csv", "--library", str(library_path))
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert rows[0]["title"] == "Winter Letters" and rows[0]["rank"] == "1"
    assert run("find", "--json", "--csv", "--library", str(library_path)).exit_code == 2


def test_list_show_similar(library_path, library):
    out = run("list", "--sort", "title", "--csv", "--library", str(library_path))
    assert out.exit_code == 0, out.output
    assert next(r["title"] for r in csv.DictReader(io.StringIO(out.output))) == "The Lighthouse Keepers"
    sid = story_id(library, "Winter Letters")
    out = run("show", sid[:8], "--library", str(library_path))
    assert out.exit_code == 0, out.output
    assert sid in out.output and "Winter Letters" in out.output
    out = run("show", sid, "--json", "--library", str(library_path))
    assert json.loads(out.output)["reading"]["schema"] == "heartline.reading/1"
    out = run("similar", sid, "--json", "--library", str(library_path))
    assert len(json.loads(out.output)) == 3


def test_report_by_library_id(library_path, library, tmp_path):
    sid = story_id(library, "The Rival")
    out = tmp_path / "r.html"
    result = run("report", sid, "-o", str(out), "--library", str(library_path))
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!doctype html>") and "regatta" in out.read_text()


def test_remove_and_export(fresh_library, tmp_path):
    path = str(fresh_library.path)
    sid = story_id(fresh_library, "The Rival")
    out = run("remove", sid, "--library", path)
    assert out.exit_code == 0 and f"removed {sid} The Rival" in out.output
    out = run("export", "--parquet", str(tmp_path / "x"), "--library", path)
    assert out.exit_code == 0, out.output
    assert "stories 3" in out.output


def test_add_reports_bad_files_and_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    lib = tmp_path / "lib.db"
    out = run("add", str(tmp_path / "empty.txt"), "--library", str(lib), "--quiet")
    assert out.exit_code == 1
    assert "skipped" in out.output and "empty.txt" in out.output
    assert "added 0, already there 0, failed 1" in out.output


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "heartline", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["find", "--pair", "Willow ->"], 'Write it as "Willow -> Buffy"'),
        (["find", "--feeling", "glee"], "Use one of: admiration"),
        (["find", "--arc", "comedy"], "Use one of: rags to riches"),
        (["list", "--sort", "size"], "Unknown sort 'size'"),
        (["show", "ffffffffffffffff"], "No story ffffffffffffffff in the library"),
        (["remove", "ffffffffffffffff"], "No story ffffffffffffffff"),
        (["similar", "ffffffffffffffff"], "No story ffffffffffffffff"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(fresh_library, args, message):
    path = fresh_library.path
    before = fresh_library.count()
    fresh_library.close()
    result = _cli(*args, "--library", str(path))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("heartline: error:"), result.stderr
    assert message in lines[0]
    from heartline.library import Library

    with Library(path) as lib:
        assert lib.count() == before


def test_non_library_files_and_missing_libraries(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    result = _cli("list", "--library", str(notes))
    assert result.returncode == 1 and "is not a heartline library" in result.stderr
    assert notes.read_text() == "not a database"
    result = _cli("find", "--tag", "x", "--library", str(tmp_path / "none.db"))
    assert result.returncode == 1 and "There is no library" in result.stderr
    assert not (tmp_path / "none.db").exists()
    result = _cli("add", str(tmp_path / "missing.txt"), "--library", str(tmp_path / "new.db"))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "new.db").exists()
    assert STORIES.is_dir()
