"""A batch run's output folder: shards written as stories finish, and what a folder already holds.

::

    DIR/stories/part-<shard>.parquet      one row per story read (the mark that a story is done)
    DIR/characters/part-<shard>.parquet   ... every table of ``heartline.tables``, same shard names
    DIR/readings/part-<shard>.parquet     the whole reading JSON, for ``heartline add --from-parquet``
    DIR/errors/part-<shard>.parquet       path, content_hash, error: files that could not be read

A shard holds up to ``shard_size`` stories and is written at the latest ``flush_seconds`` after its first
story, so a 100,000-story run makes a few thousand files, not 100,000, and an interrupted run loses at most
one shard's work. Each shard writes ``errors`` and every other table first and ``stories`` last, each file
atomically (``heartline.parquet``): a story listed in ``stories/`` has all its rows. A run killed half-way
through a shard leaves files of that shard in other tables but not in ``stories/``; the next run into the
folder removes them (``remove_unfinished``) before it reads those stories again, so no row is doubled.

Resuming is by content: ``done_hashes`` gives the SHA-256 of every story in ``stories/`` (and of every
file in ``errors/``), and a run skips a file whose bytes hash to one of them, whatever its path.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError
from ..parquet import arrow_schema, shards, write_shard
from ..tables import TABLES, reading_rows
from .work import Outcome

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "ERRORS",
    "ERROR_COLUMNS",
    "ShardWriter",
    "done_hashes",
    "error_schema",
    "remove_unfinished",
    "story_tables",
    "table_from_bytes",
    "tables_to_bytes",
    "write_errors",
]

ERRORS = "errors"
ERROR_COLUMNS: tuple[str, ...] = ("path", "content_hash", "error")
DONE = "stories"


def error_schema() -> Any:
    """The Arrow schema of ``DIR/errors/`` shards: three string columns."""
    import pyarrow as pa

    return pa.schema([pa.field(name, pa.string()) for name in ERROR_COLUMNS])


def write_errors(folder: str | Path, name: str, rows: list[dict[str, Any]]) -> Path | None:
    """Write one shard of the errors table (``folder/errors/part-<name>.parquet``) atomically."""
    if not rows:
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(folder) / ERRORS
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Could not create {target}: {exc.strerror or exc}", "Check the path") from exc
    path = target / f"part-{name}.parquet"
    tmp = target / f".part-{name}.parquet.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=error_schema()), tmp, compression="zstd")
    os.replace(tmp, path)
    return path


def _shard_name(path: Path) -> str:
    return path.name[len("part-") : -len(".parquet")]


def remove_unfinished(folder: str | Path) -> int:
    """Remove the files of shards that never reached ``stories/`` (a run killed while writing one) and
    leftover temporary files. Returns how many files were removed."""
    root = Path(folder)
    if not root.is_dir():
        return 0
    finished = {_shard_name(p) for p in shards(root, DONE)}
    removed = 0
    for table in TABLES:
        if table == DONE:
            continue
        for part in shards(root, table):
            if _shard_name(part) not in finished:
                part.unlink(missing_ok=True)
                removed += 1
    for table in (*TABLES, ERRORS):
        for tmp in (root / table).glob(".part-*.parquet.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def done_hashes(folder: str | Path, *, errors: bool = True) -> set[str]:
    """Content hashes already in ``folder``: every story in ``stories/``, and with ``errors`` every file
    recorded in ``errors/`` (so a run does not try a broken file again unless asked to)."""
    import pyarrow.parquet as pq

    found: set[str] = set()
    tables = [DONE, ERRORS] if errors else [DONE]
    for table in tables:
        for part in shards(folder, table):
            column = pq.read_table(part, columns=["content_hash"]).column("content_hash")
            found.update(h for h in column.to_pylist() if h)
    return found


def story_tables(outcome: Outcome, *, with_reading: bool = True) -> dict[str, pa.Table]:
    """One read story's rows as an Arrow table per export table (tables without rows left out)."""
    import pyarrow as pa

    if outcome.reading is None or outcome.story_id is None:
        return {}
    rows = reading_rows(outcome.reading, outcome.story_id, content_hash=outcome.content_hash, with_reading=with_reading)
    return {table: pa.Table.from_pylist(r, schema=arrow_schema(table)) for table, r in rows.items() if r}


def tables_to_bytes(tables: dict[str, pa.Table]) -> dict[str, bytes]:
    """Each table as an Arrow IPC stream (how a Ray actor sends a story's rows to the driver)."""
    import pyarrow as pa

    out = {}
    for name, table in tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        out[name] = sink.getvalue().to_pybytes()
    return out


def table_from_bytes(data: bytes) -> pa.Table:
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


class ShardWriter:
    """Collect outcomes and write them as shards of the export layout.

    ``add(outcome)`` buffers one story's rows (or its error) and writes a shard when ``shard_size`` stories
    are buffered or ``flush_seconds`` have passed since the first; ``add_tables(outcome, tables)`` does the
    same with rows already made into Arrow tables elsewhere (``story_tables``); ``close()`` writes what is
    left. Shard names start with a per-run prefix, so a resumed run never overwrites an earlier run's."""

    def __init__(
        self,
        folder: str | Path,
        *,
        shard_size: int = 100,
        flush_seconds: float = 60.0,
        with_reading: bool = True,
    ) -> None:
        self.folder = Path(folder)
        self.shard_size = max(1, shard_size)
        self.flush_seconds = flush_seconds
        self.with_reading = with_reading
        self.prefix = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:8]
        self.shards_written = 0
        self.stories_written = 0
        self.errors_written = 0
        self._parts: dict[str, list[pa.Table]] = {table: [] for table in TABLES}
        self._errors: list[dict[str, Any]] = []
        self._count = 0
        self._since: float | None = None

    def add(self, outcome: Outcome) -> None:
        self.add_tables(outcome, story_tables(outcome, with_reading=self.with_reading))

    def add_tables(self, outcome: Outcome, tables: dict[str, pa.Table]) -> None:
        """Buffer one outcome: its tables when it was read (``outcome.error`` is None), else its error."""
        if outcome.error is None and tables:
            for table, part in tables.items():
                self._parts[table].append(part)
        else:
            self._errors.append({"path": outcome.path, "content_hash": outcome.content_hash, "error": outcome.error})
        self._count += 1
        if self._since is None:
            self._since = time.monotonic()
        if self._count >= self.shard_size or time.monotonic() - self._since >= self.flush_seconds:
            self.flush()

    def add_all(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            self.add(outcome)

    def flush(self) -> None:
        """Write the buffered stories and errors as one shard (nothing when the buffer is empty)."""
        if not self._count:
            return
        import pyarrow as pa

        name = f"{self.prefix}-{self.shards_written:05d}"
        write_errors(self.folder, name, self._errors)
        merged = {table: pa.concat_tables(parts) for table, parts in self._parts.items() if parts}
        write_shard(self.folder, name, {t: rows for t, rows in merged.items() if t != DONE})
        if DONE in merged:
            write_shard(self.folder, name, {DONE: merged[DONE]})  # last: marks the shard's stories done
            self.stories_written += merged[DONE].num_rows
        self.errors_written += len(self._errors)
        self.shards_written += 1
        self._parts = {table: [] for table in TABLES}
        self._errors = []
        self._count = 0
        self._since = None

    def close(self) -> None:
        self.flush()
