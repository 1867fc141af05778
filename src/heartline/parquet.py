"""Parquet files in the export layout: one folder per table, shards inside, typed by ``tables.COLUMNS``.

::

    DIR/stories/part-<name>.parquet
    DIR/characters/part-<name>.parquet
    ...

Every shard of a table has the same Arrow schema, so DuckDB (``read_parquet('DIR/bonds/*.parquet')``),
pandas, polars and Spark read a table folder as one table. A shard is written to a temporary name and
renamed into place, so a reader never sees half of one and an interrupted run leaves only whole shards.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OutputError
from .tables import COLUMNS, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["arrow_schema", "read_table", "read_table_rows", "shards", "write_shard"]


def _pa() -> Any:
    import pyarrow

    return pyarrow


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one export table."""
    pa = _pa()
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "strings": pa.list_(pa.string()),
        "floats": pa.list_(pa.float64()),
    }
    return pa.schema([pa.field(name, types[kind], nullable=name != "story_id") for name, kind in COLUMNS[table]])


def write_shard(folder: str | Path, name: str, rows: dict[str, list[dict[str, Any]] | pa.Table]) -> list[Path]:
    """Write one shard of every table under ``folder`` (``folder/<table>/part-<name>.parquet``).

    A table's rows are dicts, or an Arrow table of its schema (``arrow_schema``), as a worker that built
    them elsewhere sends them. Tables without rows are skipped. Returns the files written."""
    pa = _pa()
    import pyarrow.parquet as pq

    root = Path(folder)
    written = []
    for table in TABLES:
        table_rows = rows.get(table)
        if table_rows is None or len(table_rows) == 0:
            continue
        target = root / table
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"Could not create {target}: {exc.strerror or exc}", "Check the path") from exc
        schema = arrow_schema(table)
        if isinstance(table_rows, pa.Table):
            data = table_rows.select(schema.names).cast(schema)
        else:
            data = pa.Table.from_pylist(table_rows, schema=schema)
        path = target / f"part-{name}.parquet"
        tmp = target / f".part-{name}.parquet.tmp"
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, path)
        written.append(path)
    return written


def shards(folder: str | Path, table: str) -> list[Path]:
    """The finished shards of one table, in name order."""
    return sorted((Path(folder) / table).glob("part-*.parquet"))


def read_table(folder: str | Path, table: str) -> pa.Table:
    """One table of an export folder as an Arrow table (empty, with its schema, when it has no shards)."""
    pa = _pa()
    import pyarrow.parquet as pq

    parts = [pq.read_table(p, schema=arrow_schema(table)) for p in shards(folder, table)]
    if not parts:
        return arrow_schema(table).empty_table()
    return pa.concat_tables(parts)


def read_table_rows(folder: str | Path, table: str, columns: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """Rows of one table of an export folder as dicts, shard by shard, without loading them all at once."""
    import pyarrow.parquet as pq

    cols = list(columns) if columns is not None else None
    for path in shards(folder, table):
        yield from pq.read_table(path, columns=cols).to_pylist()
