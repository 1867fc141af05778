"""The library file: one SQLite database (stdlib ``sqlite3``), its schema, version and migrations.

Opening: a file that is not SQLite, or SQLite without heartline's ``application_id`` and ``meta`` table,
is refused before anything is written to it; a file whose ``user_version`` is newer than ``SCHEMA_VERSION``
is refused (a newer heartline wrote it); an older one is migrated in one transaction, step by step
(``MIGRATIONS``). Connections run in WAL mode (readers never wait for the writer and see only committed
stories), with ``busy_timeout`` so a second writer waits instead of failing, ``foreign_keys`` on (removing
a story cascades to every table) and ``synchronous=NORMAL`` (a commit survives a crash of the process;
WAL makes it durable against power loss at the next checkpoint).

Tables (every query table keyed by ``story``, the integer key of ``stories``; see docs/library.md):
``meta``, ``stories``, ``readings`` (the reading JSON, zlib-compressed), ``characters``, ``names``,
``bonds``, ``bond_emotions``, ``bond_windows``, ``story_emotions``, ``arcs``, ``labels``, ``profiles``,
``versions`` and the FTS5 table ``texts`` (title, summary, tags, text).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .records import LibraryError

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA", "SCHEMA_VERSION", "connect"]

APPLICATION_ID = 0x48_4C_4C_42  # "HLLB": marks the file as a heartline library
SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    title_key TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    fandoms TEXT NOT NULL DEFAULT '[]',
    relationships TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    source_path TEXT,
    source_format TEXT,
    added TEXT NOT NULL,
    main_source TEXT,
    main_target TEXT,
    main_source_name TEXT,
    main_target_name TEXT,
    arc_shape TEXT,
    arc_confidence REAL,
    characters INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    schema TEXT
);
CREATE INDEX stories_source_path ON stories (source_path);
CREATE INDEX stories_added ON stories (added);
CREATE INDEX stories_title ON stories (title_key);
CREATE INDEX stories_words ON stories (words);
CREATE TABLE readings (
    story INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
CREATE TABLE characters (
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    character TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    gender TEXT,
    mentions INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 0,
    weight REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (story, character)
) WITHOUT ROWID;
CREATE TABLE names (
    key TEXT NOT NULL,
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    character TEXT NOT NULL,
    exact INTEGER NOT NULL,
    PRIMARY KEY (key, story, character)
) WITHOUT ROWID;
CREATE INDEX names_story ON names (story);
CREATE TABLE bonds (
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_name TEXT NOT NULL,
    target_name TEXT NOT NULL,
    rank INTEGER NOT NULL,
    weight REAL NOT NULL,
    valence REAL,
    strength REAL NOT NULL,
    count INTEGER NOT NULL,
    voiced_share REAL,
    trend TEXT,
    trend_slope REAL,
    mutuality REAL,
    asymmetry REAL,
    unsaid_weight REAL NOT NULL,
    emotions TEXT NOT NULL,
    quote TEXT,
    unsaid_quote TEXT,
    PRIMARY KEY (story, source, target)
) WITHOUT ROWID;
CREATE TABLE bond_emotions (
    story INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    emotion TEXT NOT NULL,
    share REAL NOT NULL,
    unsaid REAL NOT NULL,
    change REAL,
    trend TEXT,
    quote TEXT,
    weight REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (story, source, target, emotion),
    FOREIGN KEY (story, source, target) REFERENCES bonds (story, source, target) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX bond_emotions_emotion ON bond_emotions (emotion, trend, share, weight, change);
CREATE INDEX bond_emotions_unsaid ON bond_emotions (emotion, story) WHERE unsaid > 0;
CREATE TABLE bond_windows (
    story INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    window INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    chapter INTEGER,
    count INTEGER NOT NULL,
    strength REAL,
    valence REAL,
    top TEXT NOT NULL,
    PRIMARY KEY (story, source, target, window),
    FOREIGN KEY (story, source, target) REFERENCES bonds (story, source, target) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE story_emotions (
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    emotion TEXT NOT NULL,
    share REAL NOT NULL,
    change REAL,
    trend TEXT,
    quote TEXT,
    PRIMARY KEY (story, emotion)
) WITHOUT ROWID;
CREATE INDEX story_emotions_emotion ON story_emotions (emotion, trend, share);
CREATE TABLE arcs (
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    shape TEXT,
    confidence REAL,
    amplitude REAL,
    start REAL,
    "end" REAL,
    PRIMARY KEY (story, subject)
) WITHOUT ROWID;
CREATE INDEX arcs_shape ON arcs (shape, subject);
CREATE TABLE labels (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, key, story)
) WITHOUT ROWID;
CREATE INDEX labels_story ON labels (story);
CREATE TABLE profiles (
    story INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    vector BLOB NOT NULL,
    summary TEXT NOT NULL
);
CREATE TABLE versions (
    story_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source_path TEXT,
    added TEXT NOT NULL,
    replaced_by TEXT,
    removed TEXT
);
CREATE INDEX versions_source_path ON versions (source_path);
CREATE VIRTUAL TABLE texts USING fts5 (title, summary, tags, text, tokenize = 'unicode61 remove_diacritics 2');
"""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Schema 2 copies each bond's weight into bond_emotions, so a feeling query reads one covering index."""
    conn.execute("ALTER TABLE bond_emotions ADD COLUMN weight REAL NOT NULL DEFAULT 0")
    conn.execute(
        "UPDATE bond_emotions SET weight = (SELECT b.weight FROM bonds b WHERE b.story = bond_emotions.story"
        " AND b.source = bond_emotions.source AND b.target = bond_emotions.target)"
    )
    conn.execute("DROP INDEX bond_emotions_emotion")
    conn.execute("CREATE INDEX bond_emotions_emotion ON bond_emotions (emotion, trend, share, weight, change)")


# from_version -> function migrating the open connection to from_version + 1 (inside one transaction)
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def _not_library(path: Path, why: str) -> LibraryError:
    return LibraryError(
        f"{path} is not a heartline library ({why})",
        "Give a library file made by heartline add, or a new path (--library PATH)",
    )


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """An open, checked (and, when new, initialised; when older, migrated) connection to the library."""
    if path.is_dir():
        raise _not_library(path, "it is a folder")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise LibraryError(f"There is no library at {path}", "Add stories first: heartline add STORY --library PATH")
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = f"Cannot create {path.parent}: {exc.strerror or exc}"
            raise LibraryError(message, "Choose another --library") from exc
    try:
        conn = _open(path)
    except sqlite3.Error as exc:
        raise LibraryError(f"Cannot open {path}: {exc}", "Check the path and its permissions") from exc
    try:
        app, version, tables = _inspect(conn, path)
        if app == 0 and tables == 0:
            _initialise(conn)
        elif app != APPLICATION_ID:
            raise _not_library(path, "another application's SQLite database")
        elif version > SCHEMA_VERSION:
            raise LibraryError(
                f"{path} was written by a newer heartline (library schema {version}; this one reads up to "
                f"{SCHEMA_VERSION})",
                "Upgrade heartline: pip install -U heartline",
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if app == APPLICATION_ID and version < SCHEMA_VERSION:
            _migrate(conn, version)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _not_library(path, str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _inspect(conn: sqlite3.Connection, path: Path) -> tuple[int, int, int]:
    app = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    if app == APPLICATION_ID:
        has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            raise _not_library(path, "its tables are missing")
    return app, version, tables


def _initialise(conn: sqlite3.Connection) -> None:
    from datetime import UTC, datetime

    conn.execute("BEGIN IMMEDIATE")
    try:
        # a second process may have initialised it while this one waited for the lock
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID:
            conn.execute("ROLLBACK")
            return
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('created', ?), ('generation', '0'), ('application', 'heartline')",
            (datetime.now(UTC).isoformat(timespec="seconds"),),
        )
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        while current < SCHEMA_VERSION:
            step = MIGRATIONS.get(current)
            if step is None:
                raise LibraryError(
                    f"Library schema {current} cannot be migrated by this heartline",
                    "Export it with the heartline that made it (heartline export --parquet DIR) and import the folder",
                )
            step(conn)
            current += 1
            conn.execute(f"PRAGMA user_version = {current}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
