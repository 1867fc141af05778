"""Export a library as Parquet tables and import such a folder back.

The export layout is ``heartline.tables``/``heartline.parquet``'s: ``DIR/<table>/part-*.parquet`` for
stories, characters, quotes, feelings, bonds, bond_timelines, arcs and readings (the whole reading JSON,
so a folder can be brought back into a library without reading the stories again). DuckDB, pandas,
polars and Spark read each table folder as one table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from ..errors import OutputError
from ..parquet import read_table_rows, shards, write_shard
from ..tables import TABLES, empty_rows, reading_rows
from .records import AddResult, LibraryError, StoryRecord


class Library(Protocol):
    """What export and import need of a library (``heartline.library.Library``)."""

    def iter_readings(self) -> Iterator[tuple[StoryRecord, dict[str, Any]]]: ...

    def add_reading(
        self, reading: dict[str, Any], *, content_hash: str, path: str | None = None
    ) -> tuple[StoryRecord, bool]: ...


__all__ = ["check_import_folder", "export_parquet", "import_parquet"]

_SHARD_STORIES = 500


def export_parquet(lib: Library, folder: str | Path) -> dict[str, int]:
    """Write every story of ``lib`` under ``folder`` (which must be new or empty); rows written per table."""
    root = Path(folder).expanduser()
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise OutputError(f"{root} exists and is not an empty folder", "Export to a new folder")
    counts = dict.fromkeys(TABLES, 0)
    rows = empty_rows()
    in_shard = 0
    shard = 0

    def flush() -> None:
        nonlocal rows, in_shard, shard
        if in_shard:
            write_shard(root, f"{shard:05d}", rows)
            shard += 1
        rows, in_shard = empty_rows(), 0

    for record, reading in lib.iter_readings():
        for table, table_rows in reading_rows(reading, record.id, content_hash=record.content_hash).items():
            rows[table].extend(table_rows)
            counts[table] += len(table_rows)
        if rows["stories"]:
            rows["stories"][-1]["source"] = record.source_path or rows["stories"][-1]["source"]
        in_shard += 1
        if in_shard >= _SHARD_STORIES:
            flush()
    flush()
    root.mkdir(parents=True, exist_ok=True)
    return counts


def check_import_folder(folder: str | Path) -> Path:
    """The folder, when it holds an export's ``readings`` table; else LibraryError."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise LibraryError(f"There is no export folder at {root}", "Give a folder written by heartline export/batch")
    if not shards(root, "readings"):
        raise LibraryError(
            f"{root} has no readings table ({root / 'readings'}/part-*.parquet)",
            "Export with the readings (heartline export --parquet, heartline batch) to import it",
        )
    return root


def import_parquet(lib: Library, folder: str | Path) -> AddResult:
    """Add every reading of an export folder (its ``readings`` table), keyed by the stories' content hashes."""
    root = check_import_folder(folder)
    hashes: dict[str, str] = {}
    for row in read_table_rows(root, "stories", columns=["story_id", "content_hash"]):
        if row.get("content_hash"):
            hashes[row["story_id"]] = row["content_hash"]
    result = AddResult()
    for row in read_table_rows(root, "readings"):
        story_id = row["story_id"]
        digest = hashes.get(story_id)
        if not digest:
            result.failed.append((story_id, f"Story {story_id} has no content_hash in the stories table."))
            continue
        try:
            reading: dict[str, Any] = json.loads(row["reading"])
            record, new = lib.add_reading(reading, content_hash=digest)
        except (ValueError, LibraryError) as exc:
            message = exc.one_line() if isinstance(exc, LibraryError) else f"Its reading is not JSON ({exc})."
            result.failed.append((story_id, message))
            continue
        (result.added if new else result.skipped).append(record)
    return result
