"""The store's SQLite schema, and the one in-place change older stores get (the `dated` column)."""

from __future__ import annotations

import sqlite3

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
