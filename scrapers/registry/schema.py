"""The store's SQLite schema, the one in-place change older stores get (the `dated` column), and prepare(): a file
made a store, or refused as one that is not."""

from __future__ import annotations

import re
import sqlite3

from ..errors import StoreError

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS studies (
    nct_id TEXT PRIMARY KEY,
    data TEXT NOT NULL,                 -- API v2 JSON, compact
    content_hash TEXT NOT NULL,         -- sha256 of the canonical JSON (local "_" keys left out)
    status TEXT,
    last_update_posted TEXT,
    status_verified TEXT,
    start_date TEXT,
    primary_completion_date TEXT,
    completion_date TEXT,
    study_type TEXT,
    title TEXT,
    fetched_at TEXT NOT NULL,           -- when this content was known to be current (UTC ISO)
    origin TEXT NOT NULL,               -- registry | ingest:<file> | fixture | sync
    stored_at TEXT NOT NULL,            -- when this version was written here
    dated INTEGER NOT NULL DEFAULT 1    -- 0: nothing said when the copy was current (fetched_at is when it was stored)
);
CREATE INDEX IF NOT EXISTS studies_status ON studies(status);
CREATE INDEX IF NOT EXISTS studies_lup ON studies(last_update_posted);
CREATE TABLE IF NOT EXISTS study_history (
    id INTEGER PRIMARY KEY,
    nct_id TEXT NOT NULL,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status TEXT,
    last_update_posted TEXT,
    status_verified TEXT,
    fetched_at TEXT NOT NULL,
    origin TEXT,
    replaced_at TEXT NOT NULL,
    UNIQUE (nct_id, content_hash)
);
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT PRIMARY KEY,
    nct_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def has_dated(columns: list[tuple]) -> bool:
    """Whether PRAGMA table_info(studies) rows include the `dated` column."""
    return any(col[1] == "dated" for col in columns)


def add_dated(conn: sqlite3.Connection) -> None:
    """A store written before `dated` existed gets the column, every copy in it counted as dated (as it was read
    then): an added column with a default, so older TrialLens versions still read and write the file."""
    if not has_dated(conn.execute("PRAGMA table_info(studies)").fetchall()):
        conn.execute("ALTER TABLE studies ADD COLUMN dated INTEGER NOT NULL DEFAULT 1")


_OWN_TABLES = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA))


def own_table(name: str) -> bool:
    """Whether a table is one a TrialLens store holds: the schema's, the related-trials index's (related_*, with its
    full-text index's own tables) or SQLite's."""
    return name in _OWN_TABLES or name.startswith(("related_", "sqlite_"))


def prepare(store) -> None:
    """Make `store`'s file a TrialLens store (schema, WAL, the `dated` column), or refuse it with StoreError."""
    try:
        if _ready(store):  # the common case takes no write lock: opening never waits on an ingest
            return
        mode = store._one("PRAGMA journal_mode = WAL")[0]
        with store.transaction() as c:
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            row = c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                c.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise StoreError(f"{store.path} has store schema {row[0]}, this TrialLens reads {SCHEMA_VERSION}")
            add_dated(c)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path} is not a TrialLens store (SQLite said: {exc})") from None
    except StoreError as exc:
        if "not a database" in str(exc):
            raise StoreError(f"{store.path} is not a TrialLens store (SQLite said: file is not a database)") from None
        raise
    if str(mode).lower() != "wal":
        raise StoreError(f"cannot put {store.path} in WAL mode (got {mode}); is it on a network drive?")


def _ready(store) -> bool:
    """Whether the file is a TrialLens store already (no write needed to open it); StoreError if it cannot be one:
    another program's database was switched to WAL and filled with TrialLens's tables and demo records (review r58
    F4), also one with a `meta` table of its own (r59 F2). A file is a new store only with no table at all (every
    TrialLens store has had `meta`, made in the same transaction as its other tables), else a store only with no
    table TrialLens does not make."""
    tables = [n for (n,) in store._all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    others = [n for n in tables if not own_table(n)]
    if tables and "meta" not in tables:   # (TrialLens's table names without its meta: another program's)
        others = others or tables
    if others:
        raise StoreError(f"{store.path} is not a TrialLens store: it is another program's SQLite database "
                         f"(tables {', '.join(sorted(others)[:3])}); set TRIALLENS_DB to a file of TrialLens's own")
    if not tables:
        return False   # a new file
    mode = store._one("PRAGMA journal_mode")[0]
    row = store._one("SELECT value FROM meta WHERE key = 'schema_version'")
    if row is None:   # (every TrialLens store wrote its version with its tables, in one transaction)
        raise StoreError(f"{store.path} is not a TrialLens store: its meta table gives no schema version")
    if row[0] != SCHEMA_VERSION:
        raise StoreError(f"{store.path} has store schema {row[0]}, this TrialLens reads {SCHEMA_VERSION}")
    return str(mode).lower() == "wal" and has_dated(store._all("PRAGMA table_info(studies)"))
