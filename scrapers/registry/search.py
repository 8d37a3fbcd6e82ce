"""The related-trials index: an FTS5 table plus per-trial structured features, kept in
the same SQLite file as the store so it is updated in the store's own write transaction.

Works on any sqlite3 connection: `ensure_schema(conn)` creates the tables,
`update_index(conn, records)` (the store's on_write hook) replaces the rows of the given
records, `build_index(conn, records)` (re)builds everything in bulk. Ranking lives in
server/related.py; this module only stores and looks up.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..official import OfficialRecord
from .features import (SIGNAL_KEYS, TrialFeatures, features_of, features_of_page,  # noqa: F401  (re-exported)
                       norm_term)

# FTS columns, and their bm25 weights: the brief summary counts least (long, generic prose).
# `status_tag` holds one token per trial ("statusrecruiting"), so the status filter is an FTS
# AND: matches are filtered inside FTS5 without a join per row; it carries no bm25 weight.
FTS_COLUMNS = ("titles", "conditions", "keywords", "condition_mesh", "interventions", "intervention_mesh", "summary",
               "status_tag")
BM25_WEIGHTS = (3.0, 4.0, 2.0, 3.0, 2.5, 2.0, 0.5, 0.0)
PLAIN_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0)
TOKENIZE = "porter unicode61 remove_diacritics 2"
# What the stored features JSON holds; an index written with an older version is rebuilt once from the store's
# records by `backfill` (the store's own tables are not touched). 2: healthy_volunteers and the planned dates.
# 3: the age limits as the record words them, the countries with a site, and the study type (shown beside each result).
FEATURES_VERSION = 3

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS related_trials (
    id        INTEGER PRIMARY KEY,
    nct_id    TEXT NOT NULL UNIQUE,
    status    TEXT,
    features  TEXT NOT NULL          -- TrialFeatures as JSON
);
CREATE TABLE IF NOT EXISTS related_aliases (
    alias     TEXT PRIMARY KEY,
    nct_id    TEXT NOT NULL
) WITHOUT ROWID;
-- document frequency of structured terms: kind 'c' condition (+ MeSH), 'a' condition MeSH
-- ancestor, 'i' intervention name (+ MeSH). Kind '' term '' holds the trial count, kind 'v'
-- term 'features' the FEATURES_VERSION the rows were written with.
CREATE TABLE IF NOT EXISTS related_df (
    kind      TEXT NOT NULL,
    term      TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (kind, term)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS related_fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize='{TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS related_vocab USING fts5vocab(related_fts, row);
"""


def _fts_row(f: TrialFeatures) -> tuple[str, ...]:
    return (
        "\n".join(f.titles), "\n".join(f.conditions), "\n".join(f.keywords),
        "\n".join(dict.fromkeys(f.condition_mesh + f.condition_ancestors)),
        "\n".join(f"{n} ({t.lower()})" if t else n for t, n in f.interventions),
        "\n".join(f.intervention_mesh), f.summary, status_tag(f.status),
    )


def status_tag(status: str | None) -> str:
    return "status" + re.sub(r"[^a-z]", "", (status or "none").lower())


def _df_terms(f: TrialFeatures) -> list[tuple[str, str]]:
    return ([("c", t) for t in f.condition_terms()] + [("a", t) for t in f.ancestor_terms()]
            + [("i", t) for t in f.intervention_terms()] + [("", "")])


# ---------------------------------------------------------------- writing

def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the index tables if missing (idempotent; no commit of its own beyond DDL)."""
    for stmt in SCHEMA.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    # (an empty index is as new as this code; one with rows and no marker was written by an older TrialLens)
    if conn.execute("SELECT 1 FROM related_trials LIMIT 1").fetchone() is None:
        conn.execute("INSERT OR IGNORE INTO related_df(kind, term, n) VALUES ('v', 'features', ?)", (FEATURES_VERSION,))


def _bump(conn: sqlite3.Connection, terms: Iterable[tuple[str, str]], delta: int) -> None:
    terms = list(terms)
    conn.executemany("INSERT INTO related_df(kind, term, n) VALUES (?, ?, ?) "
                     "ON CONFLICT(kind, term) DO UPDATE SET n = n + excluded.n", [(k, t, delta) for k, t in terms])
    if delta < 0:
        conn.executemany("DELETE FROM related_df WHERE kind = ? AND term = ? AND n <= 0", terms)


def update_index(conn: sqlite3.Connection, records: Iterable[OfficialRecord]) -> None:
    """Insert or replace the index rows of `records`. Runs inside the caller's transaction
    (the store's on_write hook), so the index never disagrees with the stored records."""
    ensure_schema(conn)
    for record in records:
        f = features_of(record)
        old = conn.execute("SELECT id, features FROM related_trials WHERE nct_id = ?", (f.nct_id,)).fetchone()
        if old:
            _bump(conn, _df_terms(TrialFeatures.from_json(old[1])), -1)
            conn.execute("DELETE FROM related_fts WHERE rowid = ?", (old[0],))
            conn.execute("DELETE FROM related_aliases WHERE nct_id = ?", (f.nct_id,))
            conn.execute("UPDATE related_trials SET status = ?, features = ? WHERE id = ?", (f.status, f.to_json(), old[0]))
            rowid = old[0]
        else:
            rowid = conn.execute("INSERT INTO related_trials(nct_id, status, features) VALUES (?, ?, ?)",
                                 (f.nct_id, f.status, f.to_json())).lastrowid
        conn.execute(f"INSERT INTO related_fts(rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})",
                     (rowid, *_fts_row(f)))
        conn.executemany("INSERT OR REPLACE INTO related_aliases(alias, nct_id) VALUES (?, ?)",
                         [(a, f.nct_id) for a in f.aliases if a != f.nct_id])
        _bump(conn, _df_terms(f), +1)


@contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction on any connection: autocommit ones (the store's) get BEGIN/COMMIT,
    Python-managed ones the usual `with conn`."""
    if conn.isolation_level is None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    else:
        with conn:
            yield


def build_index(conn: sqlite3.Connection, records: Iterable[OfficialRecord]) -> int:
    """Rebuild the whole index from `records` in one transaction (bulk ingest, benchmarks).
    Commits. Returns the number of trials indexed."""
    with _write(conn):
        return load_index(conn, records)


def load_index(conn: sqlite3.Connection, records: Iterable[OfficialRecord], batch: int = 2000) -> int:
    """Replace the index contents with `records`, inside the caller's transaction."""
    ensure_schema(conn)
    for table in ("related_trials", "related_aliases", "related_df", "related_fts"):
        conn.execute(f"DELETE FROM {table}")
    df: Counter = Counter()
    seen: dict[str, int] = {}
    rows, fts, aliases = [], [], []

    def flush() -> None:
        conn.executemany("INSERT OR REPLACE INTO related_trials(id, nct_id, status, features) VALUES (?, ?, ?, ?)", rows)
        conn.executemany(f"INSERT INTO related_fts(rowid, {', '.join(FTS_COLUMNS)}) "
                         f"VALUES (?{', ?' * len(FTS_COLUMNS)})", fts)
        conn.executemany("INSERT OR REPLACE INTO related_aliases(alias, nct_id) VALUES (?, ?)", aliases)
        rows.clear(), fts.clear(), aliases.clear()

    for record in records:
        f = features_of(record)
        if f.nct_id in seen:  # a later copy of the same trial wins, like the store
            flush()
            old = conn.execute("SELECT features FROM related_trials WHERE id = ?", (seen[f.nct_id],)).fetchone()
            df.subtract(_df_terms(TrialFeatures.from_json(old[0])))
            conn.execute("DELETE FROM related_fts WHERE rowid = ?", (seen[f.nct_id],))
        seen.setdefault(f.nct_id, len(seen) + 1)
        rows.append((seen[f.nct_id], f.nct_id, f.status, f.to_json()))
        fts.append((seen[f.nct_id], *_fts_row(f)))
        aliases.extend((a, f.nct_id) for a in f.aliases if a != f.nct_id)
        df.update(_df_terms(f))
        if len(rows) >= batch:
            flush()
    flush()
    conn.executemany("INSERT INTO related_df(kind, term, n) VALUES (?, ?, ?)",
                     [(k, t, n) for (k, t), n in df.items() if n > 0] + [("v", "features", FEATURES_VERSION)])
    conn.execute("INSERT INTO related_fts(related_fts) VALUES ('optimize')")
    return len(seen)


def install(store_type) -> None:
    """Keep the index in step with a store: register `update_index` as a write hook on the
    Store class (or one store). Idempotent."""
    if update_index not in store_type.on_write:
        store_type.on_write.append(update_index)


_backfilled: set[str] = set()


def backfill(store) -> int:
    """Rebuild the index from the store when it misses records (a store written before the
    hook was installed, or by an older TrialLens). Checked once per store file and process.
    Returns how many records were indexed (0: the index was complete)."""
    key = str(getattr(store, "path", id(store)))
    if key in _backfilled:
        return 0
    with store.connection() as conn:
        complete = _index_complete(conn)
    n = 0
    if not complete:
        # looked at again once this process may write: gunicorn's workers (no --preload) each rebuilt the whole index
        # in turn behind the one before, and a worker waiting past 30 s failed to start, stopping the service (review
        # r58 F5). The wait is long: a worker past gunicorn's timeout is restarted and then finds the index built.
        with store.transaction(wait=BACKFILL_WAIT) as conn:
            if not _index_complete(conn):
                n = load_index(conn, store.iter_records())
    _backfilled.add(key)
    return n


BACKFILL_WAIT = 600.0   # seconds a process waits for another building the index


def _index_complete(conn: sqlite3.Connection) -> bool:
    """Whether the index holds every stored record, built by this FEATURES_VERSION."""
    stored = conn.execute("SELECT COUNT(*) FROM studies").fetchone()[0]
    return has_index(conn) and trial_count(conn) >= stored and features_version(conn) >= FEATURES_VERSION


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'related_fts'").fetchone() is not None


# ---------------------------------------------------------------- reading

WORD = re.compile(r"[^\W_]+")


def features_version(conn: sqlite3.Connection) -> int:
    """The FEATURES_VERSION the index was built with (1: before the marker existed)."""
    row = conn.execute("SELECT n FROM related_df WHERE kind = 'v' AND term = 'features'").fetchone()
    return row[0] if row else 1


def trial_count(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT n FROM related_df WHERE kind = '' AND term = ''").fetchone()
    return row[0] if row else 0


def df_of(conn: sqlite3.Connection, kind: str, terms: Iterable[str]) -> dict[str, int]:
    terms = list(set(terms))
    if not terms:
        return {}
    q = f"SELECT term, n FROM related_df WHERE kind = ? AND term IN ({', '.join('?' * len(terms))})"
    return dict(conn.execute(q, (kind, *terms)).fetchall())


def idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def stems(conn: sqlite3.Connection, words: list[str]) -> list[str | None]:
    """The index tokenizer's term for each word (porter stems), via a scratch FTS5 table in
    the connection's temp schema, so query terms are looked up exactly as they were indexed."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.related_q USING fts5(t, tokenize='{TOKENIZE}')")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.related_qv USING fts5vocab(temp, related_q, instance)")
    conn.execute("DELETE FROM temp.related_q")
    conn.execute("INSERT INTO temp.related_q(rowid, t) VALUES (1, ?)", (" ".join(words),))
    out: list[str | None] = [None] * len(words)
    for term, offset in conn.execute("SELECT term, offset FROM temp.related_qv"):
        if 0 <= offset < len(words):
            out[offset] = term
    return out


def doc_freqs(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    terms = list(set(terms))
    if not terms:
        return {}
    q = f"SELECT term, doc FROM related_vocab WHERE term IN ({', '.join('?' * len(terms))})"
    return dict(conn.execute(q, terms).fetchall())


def fts_phrase(word: str) -> str:
    """One FTS5 string token, quoted so that no input can be read as query syntax."""
    return '"' + word.replace('"', '""') + '"'


def lookup(conn: sqlite3.Connection, nct_id: str) -> tuple[TrialFeatures, set[str]] | None:
    """Features of an indexed trial and every id that names it (itself, its aliases, and
    trials that list it as an alias; the store's own alias table too, when there is one)."""
    for candidate in [nct_id, *_aliased_to(conn, {nct_id})]:
        row = conn.execute("SELECT features FROM related_trials WHERE nct_id = ?", (candidate,)).fetchone()
        if row is not None:
            f = TrialFeatures.from_json(row[0])
            return f, same_trial_ids(conn, f) | {nct_id}
    return None


def same_trial_ids(conn: sqlite3.Connection, f: TrialFeatures) -> set[str]:
    ids = {i for i in (f.nct_id, *f.aliases) if i}
    return ids | _aliased_to(conn, ids) if ids else ids


def _aliased_to(conn: sqlite3.Connection, ids: set[str]) -> set[str]:
    """Ids joined to `ids` by an alias, in the index's alias table and the store's."""
    marks = ", ".join("?" * len(ids))
    args = tuple(ids) * 2
    out = {r[0] for r in conn.execute(f"SELECT nct_id FROM related_aliases WHERE alias IN ({marks}) "
                                      f"UNION SELECT alias FROM related_aliases WHERE nct_id IN ({marks})", args)}
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'aliases'").fetchone():
        try:
            out |= {r[0] for r in conn.execute(f"SELECT nct_id FROM aliases WHERE alias IN ({marks}) "
                                               f"UNION SELECT alias FROM aliases WHERE nct_id IN ({marks})", args)}
        except sqlite3.OperationalError:  # an unrelated table of that name
            pass
    return out - ids
