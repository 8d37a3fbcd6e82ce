"""The local store of official records: one SQLite file (stdlib sqlite3, WAL).

Why SQLite: one file, no server, atomic transactions, many concurrent readers across
threads and processes while one writer works. Each study is kept as its API v2 JSON plus
the columns needed to query it; when a record changes, the old version moves to
`study_history`, so the service can say "status changed from RECRUITING to COMPLETED".

Nothing already stored is ever lost: every write is one transaction (a crash or an
exception mid-batch rolls the whole batch back), and an incoming copy that is older than
the stored one (by last update posted, then fetched_at) goes to history instead of
replacing it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, ClassVar, Iterable, Iterator

import orjson

from ..errors import StoreError
from ..nct import normalize_nct_id
from ..official import OfficialRecord
from .records import (CopyFacts, DamagedCopy, Incoming, StoredStudy, WriteSummary,  # noqa: F401  (re-exported)
                      decode_copy, encode_record, normalize_timestamp, utc_now)
from .schema import prepare
from .usable import unusable

log = logging.getLogger(__name__)

WriteHook = Callable[[sqlite3.Connection, list[OfficialRecord]], None]


class StoreBusy(StoreError):
    """Another writer held the store longer than the caller would wait; nothing was written."""


class Store:
    """SQLite store of official records. Safe to share across threads (one connection
    per thread) and to open from several processes at once."""

    # Write hooks, called inside the write transaction with the records just added or
    # changed (in chunks). `Store.on_write.append(f)` registers for every store;
    # `store.on_write.append(f)` for one store.
    on_write: ClassVar[list[WriteHook]] = []

    def __init__(self, path: str | os.PathLike, *, busy_timeout: float = 30.0):
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self.on_write: list[WriteHook] = []  # type: ignore[misc]  (per-instance hooks)
        self._lock = threading.Lock()
        self._pool: list[sqlite3.Connection] = []
        self._pid = os.getpid()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {self.path}: {exc.strerror or exc}") from None
        prepare(self)

    # connections -------------------------------------------------------------------
    # A small pool rather than one connection per thread: a threaded server starts a
    # thread per request, and per-thread connections would pile up. SQLite connections
    # never cross a fork: a child process opens its own.
    POOL_SIZE = 8

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable across app crashes, never corrupt
        except sqlite3.Error as exc:
            if "not a database" in str(exc):
                raise StoreError(f"{self.path} is not a TrialLens store (SQLite said: {exc})") from None
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for one unit of work (autocommit; see transaction() for writes)."""
        with self._lock:
            if self._pid != os.getpid():
                self._pool, self._pid = [], os.getpid()
            conn = self._pool.pop() if self._pool else None
        if conn is None:
            conn = self._open()
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the store {self.path} cannot be read: {exc}") from exc
        finally:
            if conn.in_transaction:  # never hand on a half-done transaction
                conn.execute("ROLLBACK")
            with self._lock:
                keep = self._pid == os.getpid() and len(self._pool) < self.POOL_SIZE
                if keep:
                    self._pool.append(conn)
            if not keep:
                conn.close()

    def _all(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.connection() as conn:
            return conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: tuple = ()) -> tuple | None:
        with self.connection() as conn:
            return conn.execute(sql, params).fetchone()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, []
        for conn in pool:
            conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it (also on crash). `wait`: how long to wait for
        another writer (an ingest) in seconds, instead of busy_timeout; StoreBusy after it, nothing written."""
        with self.connection() as conn:
            try:
                if wait is not None:
                    conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
                try:
                    conn.execute("BEGIN IMMEDIATE")
                finally:
                    if wait is not None:   # (the pooled connection keeps the store's own wait)
                        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    waited = self.busy_timeout if wait is None else wait
                    raise StoreBusy(f"cannot write to the store {self.path}: another writer (a `triallens ingest`, or "
                                    f"another TrialLens process) was writing to it for more than {waited:g} s "
                                    f"({exc})") from None
                raise StoreError(f"cannot write to the store {self.path}: {exc}") from None
            try:
                yield conn
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"write to the store {self.path} failed and was undone: {exc}") from exc
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"write to the store {self.path} failed and was undone: {exc}") from None

    def _hooks(self) -> list[WriteHook]:
        shared = type(self).on_write
        return list(shared) + [h for h in self.on_write if h not in shared]

    # writes ------------------------------------------------------------------------
    def put(self, record: OfficialRecord, *, fetched_at: str | None = None, origin: str = "registry",
            alias: str | None = None) -> str:
        """Store one record; returns "added", "updated", "unchanged" or "older"."""
        summary = self.put_many([Incoming(record, fetched_at, origin)], alias_of={alias: record.nct_id} if alias else None)
        for outcome in ("added", "updated", "unchanged", "older"):
            if getattr(summary, outcome):
                return outcome
        raise AssertionError("put_many counted nothing")

    def put_many(self, items: Iterable[Incoming | OfficialRecord], *, origin: str = "ingest",
                 fetched_at: str | None = None, meta: dict[str, str | None] | None = None,
                 alias_of: dict[str, str] | None = None, hook_chunk: int = 500,
                 wait: float | None = None) -> WriteSummary:
        """Write many records in ONE transaction (an exception or crash part-way leaves the
        store exactly as it was). `meta` keys are written in the same transaction (the
        sync cursor); `None` deletes a key. Write hooks see changed records in chunks.

        A copy given no time (here or in its Incoming) and not fetched from the registry just now is stored
        undated: its fetched_at is the time it was stored, and readers are told the copy's date is not known.
        `wait`: see transaction() (a lookup someone waits on would rather not save than wait 30 s behind an ingest)."""
        summary = WriteSummary()
        now = utc_now()
        default_fetched = normalize_timestamp(fetched_at)
        hooks = self._hooks()
        pending: list[OfficialRecord] = []
        with self.transaction(wait) as conn:
            for item in items:
                inc = item if isinstance(item, Incoming) else Incoming(item)
                given = normalize_timestamp(inc.fetched_at) or default_fetched
                where = inc.origin or origin
                outcome = self._write_one(conn, inc.record, given or now, where, now,
                                          dated=given is not None or where == "registry", mends=inc.mends)
                summary.count(outcome)
                if outcome in ("added", "updated"):
                    summary.changed_ids.append(inc.record.nct_id)
                    if hooks:
                        pending.append(inc.record)
                        if len(pending) >= hook_chunk:
                            for hook in hooks:
                                hook(conn, pending)
                            pending = []
            if pending:
                for hook in hooks:
                    hook(conn, pending)
            for alias, nct in (alias_of or {}).items():
                if alias != nct:
                    conn.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?, ?)", (alias, nct, now))
            for key, value in (meta or {}).items():
                if value is None:
                    conn.execute("DELETE FROM meta WHERE key = ?", (key,))
                else:
                    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        return summary

    def _write_one(self, conn: sqlite3.Connection, rec: OfficialRecord, fetched_at: str, origin: str, now: str,
                   dated: bool = True, mends: bool = False) -> str:
        text, digest = encode_record(rec.data)
        lup = rec.last_update_posted
        old = conn.execute("SELECT content_hash, last_update_posted, fetched_at, dated, data = ? FROM studies"
                           " WHERE nct_id = ?", (text, rec.nct_id)).fetchone()
        if old is None:
            self._insert_current(conn, rec, text, digest, fetched_at, origin, now, dated)
            return "added"
        old_hash, old_lup, old_fetched, old_dated, same_text = old
        # the same hash over other text (SQLite compares it): local keys differ, or the row is damaged, which an
        # ingest or sync of the same content left as it was, "unchanged" (review r59 F3)
        mends = mends or (old_hash == digest and not same_text and self._damaged(conn, rec.nct_id))
        if mends:   # (the stored text is damaged: its hash and dates say nothing of it)
            old_hash = old_lup = None
        # a stored date after now (an ingest typo, 2030 for 2020) says nothing of when: it neither outranks a copy
        # fetched since nor stays once a dated copy of the same content comes in
        old_future = old_fetched > now
        if old_hash == digest:
            # the same content known current later, or given a date at last; an undated copy says nothing of when
            # (its time is only when it was stored) and never moves a stored date
            if dated and (fetched_at > old_fetched or not old_dated or old_future):
                conn.execute("UPDATE studies SET fetched_at = ?, origin = ?, dated = 1 WHERE nct_id = ?",
                             (fetched_at, origin, rec.nct_id))
            return "unchanged"
        # a copy that gives no last update date is not known to be newer than a dated one: it replaced the stored copy
        # and flipped a recruiting trial to withdrawn, served as current (review r58 F7)
        incoming_is_older = ((lup and old_lup and lup < old_lup) or (not lup and old_lup)
                             or (lup == old_lup and not old_future and fetched_at < old_fetched))
        if incoming_is_older and not mends and self._usable_row(conn, rec.nct_id):
            conn.execute(
                "INSERT OR IGNORE INTO study_history (nct_id, data, content_hash, status, last_update_posted,"
                " status_verified, fetched_at, origin, replaced_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (rec.nct_id, text, digest, rec.status, lup, rec.status_verified, fetched_at, origin, now))
            return "older"
        conn.execute(
            "INSERT OR IGNORE INTO study_history (nct_id, data, content_hash, status, last_update_posted,"
            " status_verified, fetched_at, origin, replaced_at)"
            " SELECT nct_id, data, content_hash, status, last_update_posted, status_verified, fetched_at, origin, ?"
            " FROM studies WHERE nct_id = ?", (now, rec.nct_id))
        self._insert_current(conn, rec, text, digest, fetched_at, origin, now, dated)
        return "updated"

    @staticmethod
    def _damaged(conn: sqlite3.Connection, nct_id: str) -> bool:
        """Whether the stored row of `nct_id` no longer reads as that study (DamagedCopy)."""
        try:
            decode_copy(nct_id, conn.execute("SELECT data FROM studies WHERE nct_id = ?", (nct_id,)).fetchone()[0])
        except DamagedCopy:
            return True
        return False

    @staticmethod
    def _usable_row(conn: sqlite3.Connection, nct_id: str) -> bool:
        """Whether the stored copy of `nct_id` is a usable study. One that is not (an older TrialLens let it in: no
        status, a minimumAge of 18 as a number) is never served (Registry.lookup), so a usable incoming copy replaces
        it even when the junk claims a later update; the junk goes to history, as any replaced copy does."""
        row = conn.execute("SELECT data FROM studies WHERE nct_id = ?", (nct_id,)).fetchone()
        try:
            return row is not None and unusable(orjson.loads(row[0])) is None
        except orjson.JSONDecodeError:   # (undecodable: no usable study either)
            return False

    @staticmethod
    def _insert_current(conn, rec: OfficialRecord, text: str, digest: str, fetched_at: str, origin: str, now: str,
                        dated: bool = True) -> None:
        start, pc, comp = rec.start, rec.primary_completion, rec.completion
        conn.execute(
            "INSERT OR REPLACE INTO studies (nct_id, data, content_hash, status, last_update_posted, status_verified,"
            " start_date, primary_completion_date, completion_date, study_type, title, fetched_at, origin, stored_at,"
            " dated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rec.nct_id, text, digest, rec.status, rec.last_update_posted, rec.status_verified,
             start.date if start else None, pc.date if pc else None, comp.date if comp else None,
             rec.study_type, rec.title, fetched_at, origin, now, int(dated)))
        for alias in rec.aliases:  # CT.gov lists retired ids in nctIdAliases; remember them for lookups
            if alias != rec.nct_id:
                conn.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?, ?)", (alias, rec.nct_id, now))

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def add_alias(self, alias: str, nct_id: str) -> None:
        self.put_many([], alias_of={alias: nct_id})

    # reads -------------------------------------------------------------------------
    def resolve(self, nct_id: str) -> str:
        """The current NCT id for `nct_id` (follows recorded aliases)."""
        nct = normalize_nct_id(nct_id)
        row = self._one("SELECT nct_id FROM aliases WHERE alias = ?", (nct,))
        return row[0] if row else nct

    def get_stored(self, nct_id: str) -> StoredStudy | None:
        nct = self.resolve(nct_id)
        row = self._one("SELECT data, fetched_at, origin, content_hash, stored_at, dated FROM studies WHERE nct_id = ?",
                        (nct,))
        if row is None:
            return None
        return StoredStudy(decode_copy(nct, row[0]), row[1], row[2], row[3], row[4], bool(row[5]))

    def fetched_at(self, nct_id: str) -> tuple[str, str | None] | None:
        """(current NCT id, fetched_at) of the stored copy, without reading the record itself: whether
        a copy is fresh enough is all a batch refresh needs to know (a listing's 100 badges). fetched_at is
        None for a copy whose date is not known."""
        facts = self.copy_facts(nct_id)
        return (facts.nct_id, facts.fetched_at) if facts else None

    def copy_facts(self, nct_id: str) -> CopyFacts | None:
        """fetched_at()'s, with the copy's origin and content_hash, still without reading the record: with them the
        registry knows a copy it has judged usable already (verdicts.py) without reading it whole again."""
        nct = self.resolve(nct_id)
        row = self._one("SELECT CASE WHEN dated THEN fetched_at END, origin, content_hash FROM studies WHERE nct_id = ?",
                        (nct,))
        return CopyFacts(nct, *row) if row else None

    def get(self, nct_id: str) -> OfficialRecord | None:
        stored = self.get_stored(nct_id)
        return stored.record if stored else None

    def history(self, nct_id: str, *, with_data: bool = False) -> list[dict]:
        """Older versions, newest first: {"status", "last_update_posted", "status_verified",
        "fetched_at", "replaced_at", "origin", "content_hash"} (+ "data" when asked)."""
        nct = self.resolve(nct_id)
        rows = self._all(
            "SELECT status, last_update_posted, status_verified, fetched_at, replaced_at, origin, content_hash, data"
            " FROM study_history WHERE nct_id = ? ORDER BY COALESCE(last_update_posted, '') DESC, fetched_at DESC, id DESC",
            (nct,))
        keys = ("status", "last_update_posted", "status_verified", "fetched_at", "replaced_at", "origin", "content_hash")
        out = []
        for row in rows:
            d = dict(zip(keys, row[:7]))
            if with_data:
                d["data"] = orjson.loads(row[7])
            out.append(d)
        return out

    def iter_records(self, *, status: str | None = None, chunk: int = 500) -> Iterator[OfficialRecord]:
        """Every current record (optionally of one overall status), streamed in chunks."""
        with self.connection() as conn:  # one read snapshot for the whole walk
            conn.execute("BEGIN")
            where, args = ("WHERE status = ? ", (status,)) if status else ("", ())
            cur = conn.execute(f"SELECT nct_id, data FROM studies {where}ORDER BY nct_id", args)
            while rows := cur.fetchmany(chunk):
                for nct, text in rows:
                    try:
                        yield decode_copy(nct, text)
                    except DamagedCopy as exc:   # (one damaged row: the others are still read; the log says which)
                        log.warning("%s; left out", exc)
            conn.execute("COMMIT")

    def ids(self) -> list[str]:
        return [r[0] for r in self._all("SELECT nct_id FROM studies ORDER BY nct_id")]

    def count(self) -> int:
        return self._one("SELECT COUNT(*) FROM studies")[0]

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def stats(self) -> dict:
        n = lambda sql: self._one(sql)[0]  # noqa: E731
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return {"path": str(self.path), "studies": n("SELECT COUNT(*) FROM studies"),
                "history": n("SELECT COUNT(*) FROM study_history"), "aliases": n("SELECT COUNT(*) FROM aliases"),
                "bytes": size}
