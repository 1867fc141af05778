"""``Library``: add stories, find them by who feels what toward whom, find similar ones, export them.

    with Library("~/stories/library.db") as lib:
        lib.add(["fic/"], jobs=2)
        for m in lib.find(parse_query(pair="Willow -> Buffy", feeling="love rising")):
            print(m.story.title, m.score, m.reasons[0].text)

Every story is added in one short write transaction, after it has been read (reading happens in worker
processes, outside any transaction): a story is whole or absent, whatever kills the process, and readers
in other processes keep answering while a long add runs. Stories are keyed by the SHA-256 of their source
file: the same bytes are stored once. A changed file at the same absolute path is a new version that
replaces the old one (``versions`` remembers the old id and what replaced it).
"""

from __future__ import annotations

import builtins
import json
import re
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..config import heartline_home
from ..tables import content_hash as hash_bytes
from ..tables import story_id_for
from .derive import derive
from .query import Query, plan
from .records import AddProgress, AddResult, LibraryError, Match, QueryError, StoryRecord
from .similar import ProfileIndex, explain, profile
from .store import connect

__all__ = ["FACETS", "SORTS", "Library"]

SORTS: dict[str, str] = {
    "added": "s.added ASC, s.id ASC",
    "-added": "s.added DESC, s.id DESC",
    "title": "s.title_key ASC, s.id ASC",
    "-title": "s.title_key DESC, s.id DESC",
    "words": "s.words ASC, s.id ASC",
    "-words": "s.words DESC, s.id DESC",
}
FACETS = ("fandom", "relationship", "tag", "arc", "emotion")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_ID_PREFIX = re.compile(r"^[0-9a-f]{4,16}$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _record(row: Any) -> StoryRecord:
    pair = (row["main_source_name"], row["main_target_name"]) if row["main_source_name"] else None
    return StoryRecord(
        id=row["story_id"],
        title=row["title"],
        authors=json.loads(row["authors"]),
        fandoms=json.loads(row["fandoms"]),
        relationships=json.loads(row["relationships"]),
        tags=json.loads(row["tags"]),
        words=row["words"],
        source_path=row["source_path"],
        source_format=row["source_format"],
        content_hash=row["content_hash"],
        added=row["added"],
        main_pair=pair,
        arc_shape=row["arc_shape"],
        characters=row["characters"],
        quotes=row["quotes"],
    )


class Library:
    """A library of story readings in one SQLite file (see the module docstring and docs/library.md)."""

    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        """Open (with ``create``, creating when absent) the library file at ``path``."""
        self.path = Path(path).expanduser() if path is not None else self.default_path()
        self._conn = connect(self.path, create=create)
        self._lock = threading.RLock()
        self._profiles = ProfileIndex.shared(self.path)

    @staticmethod
    def default_path() -> Path:
        """``$HEARTLINE_HOME/library.db`` (``~/.cache/heartline/library.db`` when unset)."""
        return heartline_home() / "library.db"

    # --- plumbing --------------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r})"

    @contextmanager
    def _write(self) -> Iterator[Any]:
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as exc:  # locked past busy_timeout, disk full, read-only file
                raise LibraryError(
                    f"Could not write to the library {self.path} ({exc})",
                    "Check the disk and the file's permissions, or wait for the other heartline writing to it",
                ) from exc

    @contextmanager
    def _read(self) -> Iterator[Any]:
        """One snapshot for a query of several statements (WAL: the writer is never waited for)."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def _records(self, conn: Any, keys: list[int]) -> dict[int, StoryRecord]:
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        return {r["id"]: _record(r) for r in conn.execute(f"SELECT * FROM stories WHERE id IN ({marks})", keys)}

    def _key(self, conn: Any, story_id_or_path: str) -> int:
        ref = str(story_id_or_path).strip()
        row = conn.execute("SELECT id FROM stories WHERE story_id = ?", (ref,)).fetchone()
        if row:
            return int(row[0])
        low = ref.lower()
        if _ID_PREFIX.match(low):
            rows = conn.execute(
                "SELECT id, story_id FROM stories WHERE story_id >= ? AND story_id < ? LIMIT 3", (low, low + "g")
            ).fetchall()
            if len(rows) == 1:
                return int(rows[0][0])
            if len(rows) > 1:
                ids = ", ".join(r[1] for r in rows)
                raise LibraryError(f"'{ref}' is the start of several story ids ({ids})", "Give more of the id")
        candidates = [ref]
        with suppress(OSError, RuntimeError):
            candidates.append(str(Path(ref).expanduser().resolve()))
        for c in candidates:
            row = conn.execute("SELECT id FROM stories WHERE source_path = ? ORDER BY id DESC", (c,)).fetchone()
            if row:
                return int(row[0])
        old = conn.execute("SELECT replaced_by, removed FROM versions WHERE story_id = ?", (low,)).fetchone()
        if old and old["replaced_by"]:
            raise LibraryError(
                f"Story {ref} was replaced by a newer version of its file, {old['replaced_by']}",
                f"Use: heartline show {old['replaced_by']}",
            )
        raise LibraryError(f"No story {ref} in the library {self.path}", "See the ids with: heartline list")

    # --- adding ----------------------------------------------------------------------------------------

    def add_reading(
        self, reading: dict[str, Any], *, content_hash: str, path: str | None = None
    ) -> tuple[StoryRecord, bool]:
        """Store a reading made elsewhere; (the story, True when newly added). One transaction."""
        if not isinstance(reading, dict) or not str(reading.get("schema", "")).startswith("heartline.reading/"):
            raise LibraryError("This is not a heartline reading", "Give the JSON of heartline read -o (a dict)")
        if str(reading["schema"]) != "heartline.reading/1":
            raise LibraryError(f"Unknown reading schema {reading['schema']}", "Upgrade heartline")
        digest = str(content_hash).lower()
        if not _HASH.match(digest):
            raise LibraryError(f"'{content_hash}' is not a SHA-256 content hash", "Use heartline.tables.content_hash")
        with self._lock:
            row = self._conn.execute("SELECT * FROM stories WHERE content_hash = ?", (digest,)).fetchone()
        if row:
            return _record(row), False
        derived = derive(reading)  # all the work before the write transaction
        vector, summary = profile(reading, derived)
        blob = zlib.compress(_dumps(reading).encode("utf-8"), 6)
        meta = reading.get("metadata") or {}
        story_arc = (reading.get("arcs") or {}).get("story") or {}
        shape = story_arc.get("shape") or {}
        main = derived["bonds"][0] if derived["bonds"] else None
        story_id = story_id_for(digest)
        added = _now()
        replaces = bool(path) and Path(str(path)).is_absolute()
        with self._write() as conn:
            row = conn.execute("SELECT * FROM stories WHERE content_hash = ?", (digest,)).fetchone()
            if row:  # another process added it while this one was deriving
                return _record(row), False
            if replaces:
                for old in conn.execute("SELECT id, story_id FROM stories WHERE source_path = ?", (path,)).fetchall():
                    self._delete(conn, int(old["id"]))
                    conn.execute("UPDATE versions SET replaced_by = ? WHERE story_id = ?", (story_id, old["story_id"]))
            cur = conn.execute(
                "INSERT INTO stories (story_id, content_hash, title, title_key, authors, fandoms, relationships, tags,"
                " summary, words, source_path, source_format, added, main_source, main_target, main_source_name,"
                " main_target_name, arc_shape, arc_confidence, characters, quotes, schema)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    story_id,
                    digest,
                    meta.get("title"),
                    (meta.get("title") or "").lower(),
                    _dumps(list(meta.get("authors") or [])),
                    _dumps(list(meta.get("fandoms") or [])),
                    _dumps(list(meta.get("relationships") or [])),
                    _dumps(list(meta.get("tags") or [])),
                    meta.get("summary"),
                    int(meta.get("words") or 0),
                    path,
                    meta.get("source_format"),
                    added,
                    main["source"] if main else None,
                    main["target"] if main else None,
                    main["source_name"] if main else None,
                    main["target_name"] if main else None,
                    shape.get("name"),
                    shape.get("confidence"),
                    len(reading.get("characters") or []),
                    len(reading.get("quotes") or []),
                    reading.get("schema"),
                ),
            )
            key = int(cur.lastrowid or 0)
            self._insert_rows(conn, key, derived)
            conn.execute("INSERT INTO readings (story, data) VALUES (?, ?)", (key, blob))
            conn.execute(
                "INSERT INTO profiles (story, vector, summary) VALUES (?, ?, ?)", (key, vector, _dumps(summary))
            )
            kinds = ("fandoms", "relationships", "characters", "tags")
            tags = " ".join(str(t) for k in kinds for t in meta.get(k) or [])
            conn.execute(
                "INSERT INTO texts (rowid, title, summary, tags, text) VALUES (?, ?, ?, ?, ?)",
                (key, meta.get("title") or "", meta.get("summary") or "", tags, reading.get("text") or ""),
            )
            conn.execute(
                "INSERT OR REPLACE INTO versions (story_id, content_hash, source_path, added) VALUES (?, ?, ?, ?)",
                (story_id, digest, path, added),
            )
            row = conn.execute("SELECT * FROM stories WHERE id = ?", (key,)).fetchone()
        return _record(row), True

    @staticmethod
    def _insert_rows(conn: Any, key: int, d: dict[str, Any]) -> None:
        weights = {(b["source"], b["target"]): b["weight"] for b in d["bonds"]}
        conn.executemany(
            "INSERT INTO characters VALUES (?,?,?,?,?,?,?,?,?)",
            [(key, c["character"], c["name"], _dumps(c["aliases"]), c["gender"], c["mentions"], c["quotes"],
              int(c["present"]), c["weight"]) for c in d["characters"]],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO names VALUES (?,?,?,?)", [(n["key"], key, n["character"], n["exact"]) for n in d["names"]]
        )
        conn.executemany(
            "INSERT INTO bonds VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(key, b["source"], b["target"], b["source_name"], b["target_name"], b["rank"], b["weight"], b["valence"],
              b["strength"], b["count"], b["voiced_share"], b["trend"], b["trend_slope"], b["mutuality"],
              b["asymmetry"], b["unsaid_weight"], _dumps(b["emotions"]), b["quote"], b["unsaid_quote"])
             for b in d["bonds"]],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO bond_emotions VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(key, e["source"], e["target"], e["emotion"], e["share"], e["unsaid"], e["change"], e["trend"],
              e["quote"], weights[(e["source"], e["target"])]) for e in d["bond_emotions"]],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO bond_windows VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(key, w["source"], w["target"], w["window"], w["start"], w["end"], w["chapter"], w["count"],
              w["strength"], w["valence"], _dumps(w["top"])) for w in d["bond_windows"]],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO story_emotions VALUES (?,?,?,?,?,?)",
            [(key, e["emotion"], e["share"], e["change"], e["trend"], e["quote"]) for e in d["story_emotions"]],
        )
        conn.executemany(
            "INSERT INTO arcs VALUES (?,?,?,?,?,?,?)",
            [(key, a["subject"], a["shape"], a["confidence"], a["amplitude"], a["start"], a["end"]) for a in d["arcs"]],
        )
        conn.executemany(
            "INSERT INTO labels VALUES (?,?,?,?)", [(lb["kind"], lb["key"], key, lb["value"]) for lb in d["labels"]]
        )

    @staticmethod
    def _delete(conn: Any, key: int) -> None:
        conn.execute("DELETE FROM texts WHERE rowid = ?", (key,))
        conn.execute("DELETE FROM stories WHERE id = ?", (key,))

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        jobs: int | None = None,
        progress: Callable[[AddProgress], None] | None = None,
    ) -> AddResult:
        """Read and add story files and folders (recursively); a file already there is skipped unread."""
        from ..batch.work import read_files, story_files

        files = story_files(paths)
        result = AddResult()
        total = len(files)
        done = 0
        words = 0
        started = time.perf_counter()

        def report(path: str, status: str, error: str | None = None) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(AddProgress(done, total, words, time.perf_counter() - started, path, status, error))

        to_read: list[Path] = []
        for p in files:
            try:
                digest = hash_bytes(p.read_bytes())
            except OSError as exc:
                result.failed.append((str(p), f"Could not read {p}: {exc.strerror or exc}."))
                report(str(p), "failed", result.failed[-1][1])
                continue
            with self._lock:
                row = self._conn.execute("SELECT * FROM stories WHERE content_hash = ?", (digest,)).fetchone()
            if row:
                result.skipped.append(_record(row))
                report(str(p), "skipped")
            else:
                to_read.append(p)
        for outcome in read_files(to_read, jobs=jobs):
            if outcome.reading is None or outcome.content_hash is None:
                result.failed.append((outcome.path, outcome.error or "could not be read"))
                report(outcome.path, "failed", outcome.error)
                continue
            record, new = self.add_reading(
                outcome.reading, content_hash=outcome.content_hash, path=str(Path(outcome.path).resolve())
            )
            words += outcome.words
            (result.added if new else result.skipped).append(record)
            report(outcome.path, "added" if new else "skipped")
        return result

    def remove(self, story_id: str) -> StoryRecord:
        """Remove a story and everything derived from it (one transaction)."""
        with self._write() as conn:
            key = self._key(conn, story_id)
            record = self._records(conn, [key])[key]
            self._delete(conn, key)
            conn.execute("UPDATE versions SET removed = ? WHERE story_id = ?", (_now(), record.id))
        return record

    # --- reading ---------------------------------------------------------------------------------------

    def get(self, story_id_or_path: str) -> StoryRecord:
        """A story by id (or a unique start of one) or by its source path."""
        with self._read() as conn:
            key = self._key(conn, story_id_or_path)
            return self._records(conn, [key])[key]

    def reading(self, story_id: str) -> dict[str, Any]:
        """The full reading JSON (heartline.reading/1) of a story."""
        with self._read() as conn:
            key = self._key(conn, story_id)
            row = conn.execute("SELECT data FROM readings WHERE story = ?", (key,)).fetchone()
        data: dict[str, Any] = json.loads(zlib.decompress(row[0]).decode("utf-8"))
        return data

    def count(self, query: Query | None = None) -> int:
        sql, params = plan(query or Query()).matched_sql()
        with self._read() as conn:
            return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def list(
        self, *, query: Query | None = None, sort: str = "added", limit: int = 50, offset: int = 0
    ) -> builtins.list[StoryRecord]:
        """Stories matching ``query`` (all when None) in the order of ``sort`` (see ``SORTS``)."""
        if sort not in SORTS:
            raise QueryError(f"Unknown sort '{sort}'", f"Use one of: {', '.join(SORTS)}")
        sql, params = plan(query or Query()).matched_sql()
        params = {**params, "_limit": max(0, int(limit)), "_offset": max(0, int(offset))}
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT s.* FROM stories s JOIN ({sql}) m ON m.story = s.id ORDER BY {SORTS[sort]}"
                " LIMIT :_limit OFFSET :_offset",
                params,
            ).fetchall()
        return [_record(r) for r in rows]

    def find(self, query: Query, *, limit: int = 20, offset: int = 0) -> builtins.list[Match]:
        """Stories matching every filter of ``query``, best first, each with why it matched."""
        p = plan(query)
        sql, params = p.matched_sql()
        params = {**params, "_limit": max(0, int(limit)), "_offset": max(0, int(offset))}
        with self._read() as conn:
            page = conn.execute(
                f"SELECT story, score FROM ({sql}) ORDER BY score DESC, story DESC LIMIT :_limit OFFSET :_offset",
                params,
            ).fetchall()
            keys: builtins.list[int] = [int(r[0]) for r in page]
            records = self._records(conn, keys)
            reasons = p.reasons(conn, keys)
        return [Match(records[k], float(r[1]), reasons.get(k, [])) for k, r in zip(keys, page, strict=True)]

    def similar(self, story_id: str, *, limit: int = 10) -> builtins.list[Match]:
        """The stories whose bond and arc profile is nearest (cosine), with what they share."""
        with self._read() as conn:
            key = self._key(conn, story_id)
            generation = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
            self._profiles.load(conn, str(generation))
            near = self._profiles.nearest(key, limit)
            keys = [k for k, _, _ in near]
            records = self._records(conn, keys)
            marks = ",".join("?" * (len(keys) + 1))
            summaries = {
                r[0]: json.loads(r[1])
                for r in conn.execute(f"SELECT story, summary FROM profiles WHERE story IN ({marks})", [key, *keys])
            }
        mine = summaries.get(key, {})
        return [
            Match(records[k], score, [explain(mine, summaries.get(k, {}), parts, score)])
            for k, score, parts in near
            if k in records
        ]

    def facets(
        self, query: Query | None = None, fields: Iterable[str] = FACETS, limit: int = 20
    ) -> dict[str, builtins.list[tuple[str, int]]]:
        """For each field, its values among the stories matching ``query`` and how many stories have each."""
        fields = list(fields)
        bad = [f for f in fields if f not in FACETS]
        if bad:
            raise QueryError(f"Unknown facet '{bad[0]}'", f"Use one of: {', '.join(FACETS)}")
        sql, params = plan(query or Query()).matched_sql()
        params = {**params, "_limit": max(0, int(limit))}
        out: dict[str, builtins.list[tuple[str, int]]] = {}
        with self._read() as conn:
            for field in fields:
                if field == "arc":
                    q = (
                        f"SELECT s.arc_shape, count(*) AS n FROM stories s JOIN ({sql}) m ON m.story = s.id"
                        " WHERE s.arc_shape IS NOT NULL GROUP BY s.arc_shape ORDER BY n DESC, s.arc_shape"
                    )
                elif field == "emotion":
                    q = (
                        f"SELECT e.emotion, count(*) AS n FROM story_emotions e JOIN ({sql}) m ON m.story = e.story"
                        " WHERE e.share >= 0.1 GROUP BY e.emotion ORDER BY n DESC, e.emotion"
                    )
                else:
                    q = (
                        f"SELECT min(l.value), count(*) AS n FROM labels l JOIN ({sql}) m ON m.story = l.story"
                        f" WHERE l.kind = '{field}' GROUP BY l.key ORDER BY n DESC, l.key"
                    )
                q += " LIMIT :_limit"
                out[field] = [(str(r[0]), int(r[1])) for r in conn.execute(q, params)]
        return out

    # --- exchange --------------------------------------------------------------------------------------

    def export_parquet(self, folder: str | Path) -> dict[str, int]:
        """Every story as the export tables (heartline.tables layout) under ``folder``; rows per table."""
        from .exchange import export_parquet

        return export_parquet(self, folder)

    def import_parquet(self, folder: str | Path) -> AddResult:
        """Add the stories of an export folder (needs its ``readings`` table); idempotent like add."""
        from .exchange import import_parquet

        return import_parquet(self, folder)

    def iter_readings(self, batch: int = 100) -> Iterator[tuple[StoryRecord, dict[str, Any]]]:
        """Every story with its reading, in id order, a batch of rows per statement."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT s.*, r.data FROM stories s JOIN readings r ON r.story = s.id WHERE s.id > ?"
                    " ORDER BY s.id LIMIT ?",
                    (last, batch),
                ).fetchall()
            if not rows:
                return
            for r in rows:
                yield _record(r), json.loads(zlib.decompress(r["data"]).decode("utf-8"))
            last = int(rows[-1]["id"])
