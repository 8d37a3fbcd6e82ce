"""The SQLite store and the freshness policy (Registry.lookup), against the fake CT.gov."""

import json
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest

from fake_ctgov import ROOT, fake_ctgov, fast_client, nct_of, studies, variant  # noqa: F401  (fixtures)
from scrapers.errors import InvalidNctId, NotAskedOffline, RecordNotFound, RegistryError, StoreError, StudyNotFound
from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store, open_registry
from scrapers.registry.freshness import UNDATED
from scrapers.registry.store import encode_record


def recs(studies):
    return [OfficialRecord(s) for s in studies]


def snapshot(path):
    """(nct_id, content_hash) of every current record, read with plain sqlite3."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT nct_id, content_hash, status FROM studies ORDER BY nct_id").fetchall()


# store -------------------------------------------------------------------------------------

def test_round_trip_with_query_columns(store, studies):
    s = store.put_many(recs(studies), fetched_at="2025-01-02")
    assert (s.added, s.updated, s.unchanged) == (len(studies), 0, 0)
    got = store.get_stored(nct_of(studies[5]))
    assert got.record.data == studies[5] and got.fetched_at == "2025-01-02T00:00:00Z"
    with store.connection() as conn:
        row = conn.execute("SELECT status, last_update_posted, study_type FROM studies WHERE nct_id = ?",
                           (nct_of(studies[5]),)).fetchone()
    r = OfficialRecord(studies[5])
    assert row == (r.status, r.last_update_posted, r.study_type)
    again = store.put_many(recs(studies))
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(studies))
    assert store.get("NCT09999999") is None
    assert len(list(store.iter_records())) == len(studies) == store.count()


def test_content_hash_ignores_local_keys_and_key_order(studies):
    a = studies[0]
    b = {"_provenance": {"repo": "x"}, **dict(reversed(list(a.items())))}
    text_b, hash_b = encode_record(b)
    assert encode_record(a)[1] == hash_b
    assert json.loads(text_b) == b  # the local key is still stored


def test_history_kept_when_a_record_changes(store, studies):
    v1 = variant(studies[0], status="RECRUITING", last_update="2025-01-10")
    v2 = variant(studies[0], status="COMPLETED", last_update="2026-03-01")
    assert store.put(OfficialRecord(v1), fetched_at="2025-01-11") == "added"
    assert store.put(OfficialRecord(v2), fetched_at="2026-03-02") == "updated"
    assert store.get(nct_of(v1)).status == "COMPLETED"
    hist = store.history(nct_of(v1))
    assert [(h["status"], h["last_update_posted"], h["fetched_at"]) for h in hist] == \
        [("RECRUITING", "2025-01-10", "2025-01-11T00:00:00Z")]
    assert store.put(OfficialRecord(v2)) == "unchanged" and len(store.history(nct_of(v1))) == 1


def test_an_older_copy_never_replaces_a_newer_one(store, studies):
    new = variant(studies[0], status="COMPLETED", last_update="2026-03-01")
    old = variant(studies[0], status="RECRUITING", last_update="2025-01-10")
    store.put(OfficialRecord(new))
    assert store.put(OfficialRecord(old), fetched_at="2025-01-11") == "older"
    assert store.get(nct_of(new)).status == "COMPLETED"
    assert [h["status"] for h in store.history(nct_of(new))] == ["RECRUITING"]


def test_write_hooks_run_inside_the_transaction(tmp_path, studies):
    store = Store(tmp_path / "h.sqlite3")
    seen = []

    def index(conn, records):
        conn.execute("CREATE TABLE IF NOT EXISTS idx (nct_id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR REPLACE INTO idx VALUES (?)", [(r.nct_id,) for r in records])
        seen.append(len(records))

    store.on_write.append(index)
    store.put_many(recs(studies), hook_chunk=7)
    assert sum(seen) == len(studies) and max(seen) == 7
    with store.connection() as conn:
        assert conn.execute("SELECT COUNT(*) FROM idx").fetchone()[0] == len(studies)
    store.put_many(recs(studies))  # unchanged records are not re-announced
    assert sum(seen) == len(studies)

    def broken(conn, records):
        raise RuntimeError("index failed")

    before = snapshot(store.path)
    Store.on_write.append(broken)  # class-level registration reaches every store
    try:
        with pytest.raises(RuntimeError):
            store.put(OfficialRecord(variant(studies[0], status="WITHDRAWN", last_update="2099-01-01")))
    finally:
        Store.on_write.remove(broken)
    assert snapshot(store.path) == before  # the hook failed, so the write did not happen


def test_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.sqlite3"
    bad.write_text("this is not a database " * 100)
    with pytest.raises(StoreError, match="not a TrialLens store"):
        Store(bad)


def test_interrupted_ingest_leaves_the_store_as_it_was(store, studies):
    store.put_many(recs(studies[:10]))
    before = snapshot(store.path)

    def batch():
        for s in studies:
            yield OfficialRecord(variant(s, status="SUSPENDED", last_update="2099-01-01"))
            if nct_of(s) == nct_of(studies[20]):
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.put_many(batch())
    assert snapshot(store.path) == before
    assert store.history(nct_of(studies[0])) == []


CRASHING_INGEST = """
import os, sys, json
sys.path.insert(0, {root!r})
from scrapers.registry import Store
from scrapers.official import OfficialRecord
store = Store({db!r})
studies = json.loads(open({src!r}).read())
def items():
    for i, s in enumerate(studies):
        s["protocolSection"]["statusModule"]["overallStatus"] = "SUSPENDED"
        s["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {{"date": "2099-01-01"}}
        yield OfficialRecord(s)
        if i == 20:
            os._exit(3)   # the process dies mid-transaction: no rollback, no cleanup
store.put_many(items(), hook_chunk=5)
"""


def test_a_crash_mid_ingest_leaves_the_store_as_it_was(store, studies, tmp_path):
    store.put_many(recs(studies[:10]))
    before = snapshot(store.path)
    src = tmp_path / "studies.json"
    src.write_text(json.dumps(studies))
    code = CRASHING_INGEST.format(root=str(ROOT), db=str(store.path), src=str(src))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert snapshot(store.path) == before
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.put_many(recs(studies)).added == len(studies) - 10  # and it still takes writes


READER = """
import sys, json, time, os
sys.path.insert(0, {root!r})
from scrapers.registry import Store
store = Store({db!r})
seen, errors = set(), []
deadline = time.time() + 30
while not os.path.exists({flag!r}) and time.time() < deadline:
    try:
        n = store.count()
        statuses = {{r.status for r in store.iter_records()}}
        seen.add((n, "SUSPENDED" in statuses and len(statuses) == 1))
    except Exception as exc:
        errors.append(repr(exc))
print(json.dumps({{"seen": sorted(seen), "errors": errors}}))
"""


def test_concurrent_readers_threads_and_process_during_an_ingest(store, studies, tmp_path):
    base = recs(studies[:10])
    store.put_many(base)
    flag = tmp_path / "done"
    proc = subprocess.Popen([sys.executable, "-c", READER.format(root=str(ROOT), db=str(store.path), flag=str(flag))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, errors, stop = set(), [], threading.Event()

    def read():
        while not stop.is_set():
            try:
                n = store.count()
                rec = store.get(nct_of(studies[0]))
                seen.add((n, rec.status))
            except Exception as exc:  # noqa: BLE001  (any error is a failure, reported below)
                errors.append(repr(exc))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    for round_ in range(5):  # several ingests, each one transaction, while everyone reads
        store.put_many(OfficialRecord(variant(s, status="SUSPENDED", last_update=f"2099-01-0{round_ + 1}"))
                       for s in studies)
    stop.set()
    for t in readers:
        t.join()
    flag.write_text("x")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    result = json.loads(out)
    assert errors == [] and result["errors"] == []
    # every observation is a whole state: before (10 records) or after an ingest (all of them, all SUSPENDED)
    assert {n for n, _ in seen} <= {10, len(studies)}
    assert all(status == "SUSPENDED" for n, status in seen if n == len(studies))
    assert all(tuple(x) in {(10, False), (len(studies), True)} for x in result["seen"])


# freshness policy --------------------------------------------------------------------------

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def registry_for(store, server, **kw):
    return Registry(store, fast_client(server.base_url, retries=1), ttl=timedelta(hours=24), **kw)


def test_fresh_copy_served_without_a_network_call(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at=(NOW - timedelta(hours=2)).isoformat())
    got = registry_for(store, fake_ctgov).lookup(nct_of(studies[0]).lower(), now=NOW)
    assert (got.source, got.stale) == ("store", False) and fake_ctgov.calls == 0


def test_old_copy_is_refreshed_and_the_change_kept_in_history(store, studies, fake_ctgov):
    old = variant(studies[0], status="RECRUITING", last_update="2025-01-10")
    new = variant(studies[0], status="COMPLETED", last_update="2026-03-01")
    store.put(OfficialRecord(old), fetched_at="2026-05-01")
    fake_ctgov.set_study(new)
    got = registry_for(store, fake_ctgov).lookup(nct_of(old))
    assert (got.source, got.stale, got.record.status) == ("registry", False, "COMPLETED")
    assert [(h["status"], h["last_update_posted"]) for h in got.history] == [("RECRUITING", "2025-01-10")]
    assert store.get(nct_of(old)).status == "COMPLETED"
    assert got.to_dict()["history"][0]["status"] == "RECRUITING"


def test_registry_down_serves_the_stored_copy_marked_stale(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at="2026-05-01")
    fake_ctgov.stop()
    reg = registry_for(store, fake_ctgov)
    got = reg.lookup(nct_of(studies[0]), now=NOW)
    assert (got.source, got.stale, got.fetched_at) == ("store", True, "2026-05-01T00:00:00Z")
    assert "could not refresh" in got.note and "1 May 2026" in got.note
    with pytest.raises(RegistryError):
        reg.lookup(nct_of(studies[1]), now=NOW)  # nothing stored and nobody to ask


@pytest.mark.parametrize("fault", ["truncated", "garbage", "wrong_study", "500"])
def test_garbage_from_the_registry_never_reaches_the_store(store, studies, fake_ctgov, fault):
    store.put(OfficialRecord(studies[0]), fetched_at="2026-05-01")
    before = snapshot(store.path)
    fake_ctgov.faults.extend([fault] * 5)
    got = registry_for(store, fake_ctgov).lookup(nct_of(studies[0]), now=NOW)
    assert got.stale and got.record.data == studies[0]
    assert snapshot(store.path) == before


def test_unknown_trial_is_study_not_found(store, fake_ctgov):
    with pytest.raises(StudyNotFound):
        registry_for(store, fake_ctgov).lookup("NCT09999998")
    with pytest.raises(InvalidNctId):
        registry_for(store, fake_ctgov).lookup("NCT-nope")


def test_offline_mode_never_touches_the_network(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at="2020-01-01")
    reg = registry_for(store, fake_ctgov, offline=True)
    got = reg.lookup(nct_of(studies[0]), now=NOW)
    assert got.stale and got.source == "store" and "offline" in got.note
    with pytest.raises(NotAskedOffline, match="offline") as err:
        reg.lookup(nct_of(studies[1]), now=NOW)
    # not asked is not "no such trial": the service must not call it an unknown trial
    assert not isinstance(err.value, RecordNotFound) and isinstance(err.value, RegistryError)
    assert fake_ctgov.calls == 0


def test_alias_lookup_is_recorded_and_served_from_the_store(store, studies, fake_ctgov):
    current = nct_of(studies[3])
    fake_ctgov.aliases["NCT00000002"] = current
    reg = registry_for(store, fake_ctgov)
    got = reg.lookup("NCT00000002")
    assert got.record.nct_id == current and got.requested_id == "NCT00000002"
    offline = Registry(store, None, offline=True).lookup("NCT00000002")
    assert offline.record.nct_id == current and offline.requested_id == "NCT00000002"
    # how fresh the copy is, under its current id, without reading the record
    assert store.fetched_at("NCT00000002") == (current, got.fetched_at)
    assert store.fetched_at("NCT09999998") is None


def test_open_registry_reads_env_and_seeds_fixtures_once(tmp_path, fake_ctgov):
    env = {"TRIALLENS_DB": str(tmp_path / "env.sqlite3"), "TRIALLENS_OFFLINE": "1"}
    reg = open_registry(env)
    assert reg.offline and reg.store.path == tmp_path / "env.sqlite3"
    seeded = reg.store.ids()
    assert "NCT07232563" in seeded
    looked = reg.lookup("NCT07232563")
    assert looked.source == "store" and looked.fetched_at.startswith("2025-11-18")  # as of its last update, not now
    reg.store.put(OfficialRecord(variant(looked.record.data, status="RECRUITING", last_update="2026-01-01")))
    assert open_registry(env).store.get("NCT07232563").status == "RECRUITING"  # not re-seeded over newer data
    demo = tmp_path / "demo"
    demo.mkdir()
    new = variant(looked.record.data, nct_id="NCT01234567")
    (demo / "NCT01234567.json").write_text(json.dumps(new))
    assert open_registry({**env, "TRIALLENS_DEMO_DIR": str(demo)}).store.get("NCT01234567").data == new  # added later
    online = open_registry({"TRIALLENS_DB": str(tmp_path / "o.sqlite3"), "TRIALLENS_CTGOV_URL": fake_ctgov.base_url})
    assert not online.offline and online.client.base_url == fake_ctgov.base_url


def test_default_path_is_per_user(monkeypatch, tmp_path):
    from scrapers.registry.settings import default_db_path

    assert default_db_path({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "triallens" / "triallens.sqlite3"
    assert default_db_path({"TRIALLENS_DB": "~/x.db"}).name == "x.db"


def test_unreachable_registry_is_not_asked_again_during_the_cooldown(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at="2026-05-01")
    store.put(OfficialRecord(studies[1]), fetched_at="2026-05-01")
    fake_ctgov.faults.extend(["503"] * 2)
    reg = registry_for(store, fake_ctgov)
    assert reg.lookup(nct_of(studies[0]), now=NOW).stale
    calls = fake_ctgov.calls
    assert reg.lookup(nct_of(studies[1]), now=NOW).stale and fake_ctgov.calls == calls
    reg.cooldown, reg._down_until = 0, 0  # cooldown over: asked again, and fresh
    assert not reg.lookup(nct_of(studies[1]), now=NOW).stale


def test_one_bad_answer_does_not_silence_the_registry(store, studies, fake_ctgov):
    store.put(OfficialRecord(studies[0]), fetched_at="2026-05-01")
    fake_ctgov.faults.extend(["wrong_study"])
    reg = registry_for(store, fake_ctgov)
    assert reg.lookup(nct_of(studies[0]), now=NOW).stale
    assert reg.lookup(nct_of(studies[1]), now=NOW).source == "registry"


def test_a_store_that_is_not_a_triallens_store_is_said_not_passed_over(tmp_path, monkeypatch):
    """The CLI's lookup used to fall back to the bundled record, and `check` then blamed ClinicalTrials.gov ("could
    not check with ClinicalTrials.gov just now") for a wrong TRIALLENS_DB (review r23 #5)."""
    import scrapers.registry as registry

    bad = tmp_path / "corrupt.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    monkeypatch.setenv("TRIALLENS_DB", str(bad))
    with pytest.raises(StoreError, match="corrupt.sqlite3 is not a TrialLens store"):
        registry.lookup("NCT07232563")
    with pytest.raises(StoreError, match="is not a TrialLens store"):
        registry.get("NCT07232563")


def test_short_lived_threads_do_not_pile_up_connections(store, studies):
    store.put_many(recs(studies))
    errors = []

    def one_request():
        try:
            assert store.get(nct_of(studies[0])).nct_id == nct_of(studies[0])
            next(store.iter_records())  # abandoned half-way: its snapshot must be released
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    for _ in range(10):
        threads = [threading.Thread(target=one_request) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == [] and len(store._pool) <= Store.POOL_SIZE
    assert store.put(OfficialRecord(variant(studies[0], status="WITHDRAWN", last_update="2099-01-01"))) == "updated"


def test_opening_and_reading_never_wait_on_a_writer(store, studies):
    store.put_many(recs(studies[:5]))
    out = {}
    with store.transaction() as conn:  # a long write (an ingest) holds the write lock
        conn.execute("UPDATE studies SET status = 'WITHDRAWN'")

        def other_process_like():
            other = Store(store.path, busy_timeout=0.3)  # a fresh opener, e.g. `triallens check`
            out["count"] = other.count()
            with other.connection() as c:
                out["status"] = c.execute("SELECT status FROM studies WHERE nct_id = ?", (nct_of(studies[0]),)).fetchone()[0]
            try:
                other.put(OfficialRecord(studies[9]))
            except StoreError as exc:
                out["write"] = str(exc)
            other.close()

        t = threading.Thread(target=other_process_like)
        t.start()
        t.join()
    assert out["count"] == 5 and out["status"] == OfficialRecord(studies[0]).status  # the last committed state
    assert "cannot write" in out["write"] and "locked" in out["write"]
    with store.connection() as conn:  # and the writer's transaction went through
        assert {s for s, in conn.execute("SELECT status FROM studies")} == {"WITHDRAWN"}


def test_spent_rate_budget_serves_stale_without_cooldown(store, studies, fake_ctgov):
    for s in studies[:3]:
        store.put(OfficialRecord(s), fetched_at="2026-05-01")
    reg = Registry(store, fast_client(fake_ctgov.base_url, rate_limit=1, rate_period=60, max_rate_wait=0.1))
    assert reg.lookup(nct_of(studies[0]), now=NOW).source == "registry"
    got = reg.lookup(nct_of(studies[1]), now=NOW)
    assert got.stale and "limit" in got.note and fake_ctgov.calls == 1
    assert reg._down_until == 0  # not mistaken for an outage


def test_a_listing_of_trials_is_refreshed_in_one_request(store, studies, fake_ctgov, monkeypatch):
    """Badges for a listing page: the ids the store lacks (or holds stale) come in ONE request to
    ClinicalTrials.gov (filter.ids), not one each: 100 badges were 100 calls against a limit of 50 a
    minute. An id a complete answer lacks (neither a study nor an alias in it: filter.ids searches both) is one
    ClinicalTrials.gov has no study for, as its 404 would say: not asked again one by one (review r19 #2);
    a retired id that the answer names as an alias is stored under it."""
    from server.annotate import Annotator
    from server.providers import Providers

    an_hour_ago = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.put(OfficialRecord(studies[0]), fetched_at=an_hour_ago)
    old = variant(studies[5], aliases=["NCT00000007"])
    fake_ctgov.set_study(old)
    # (a read timeout for a loaded machine: this test counts requests, and a retry after fast_client's 0.3 s one,
    # seen under a load of 10, is one request more; the waits never apply when the fake answers in time)
    reg = Registry(store, fast_client(fake_ctgov.base_url, retries=1, timeout=(5.0, 5.0)), ttl=timedelta(hours=24))
    ann = Annotator(Providers(registry=reg))
    ids = [nct_of(s) for s in studies[:12]] + ["NCT00000007", "NCT09999998"]
    before = fake_ctgov.calls
    lookups, missing = ann.lookup_many(ids)
    batch = [r for r in fake_ctgov.requests[before:] if r.path.endswith("/studies")]
    assert len(batch) == 1 and fake_ctgov.calls - before == 1   # the batch alone: the unknown id is not asked again
    assert set(batch[0].args["filter.ids"].split(",")) == set(ids) - {nct_of(studies[0])}   # (fresh: not asked)
    assert missing == {"NCT09999998": "not_found"}
    assert lookups["NCT00000007"].record.nct_id == nct_of(studies[5])
    assert all(lookups[n].record.nct_id == n for n in ids[:12])
    # and again: all fresh in the store, ClinicalTrials.gov is not asked at all, and each record is read once, by its
    # lookup: whether the copy dated within the TTL is a usable study (one that is not is refreshed, so charged to the
    # client's budget: svc13) was judged by the lookups above and is known by its content hash (svc16: it was read
    # whole again for that); which ids need asking for is read without the records
    calls = fake_ctgov.calls
    reads: list[str] = []
    read = store.get_stored
    monkeypatch.setattr(store, "get_stored", lambda nct: reads.append(nct) or read(nct))
    ann2 = Annotator(Providers(registry=reg))
    ann2.lookup_many(ids[:12])
    assert fake_ctgov.calls == calls
    assert sorted(reads) == sorted(ids[:12])


def test_a_failed_batch_refresh_falls_back_to_one_lookup_each(store, studies, fake_ctgov):
    """A batch answer that cannot be read (not an outage): each trial is then asked for alone."""
    reg = registry_for(store, fake_ctgov)
    fake_ctgov.faults.extend(["garbage", "garbage"])   # the request and its retry
    assert reg.prefetch([nct_of(s) for s in studies[:3]]) == 0
    assert reg.lookup(nct_of(studies[1])).source == "registry"


def test_a_drift_batch_asks_the_registry_once(store, studies, fake_ctgov):
    """POST /drift with many trials: one filter.ids request, then local lookups; a bad id in the
    batch is still that item's own 400."""
    from server import create_app
    from server.providers import Providers

    reg = registry_for(store, fake_ctgov)
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=Providers(registry=reg)).test_client()
    items = [{"nct_id": nct_of(s), "status": "Recruiting"} for s in studies[:10]] + [{"nct_id": "bogus"}]
    before = fake_ctgov.calls
    results = client.post("/api/v1/drift", json={"items": items}).get_json()["results"]
    assert fake_ctgov.calls - before == 1
    assert all("drift" in r for r in results[:10]) and results[10]["error"]["status"] == 400


def test_an_unreachable_registry_in_a_batch_spares_the_lookups_after_it(store, studies, fake_ctgov):
    """The batch request fails as unreachable: the lookups that follow do not each wait on it again;
    a stored copy is served marked stale, an unstored trial is 'not checked'."""
    store.put(OfficialRecord(studies[0]), fetched_at="2020-01-01T00:00:00Z")
    reg = registry_for(store, fake_ctgov)
    fake_ctgov.faults.extend(["503"] * 4)
    assert reg.prefetch([nct_of(s) for s in studies[:3]]) == 0
    calls = fake_ctgov.calls
    looked = reg.lookup(nct_of(studies[0]))
    assert looked.stale and "unavailable" in looked.note and fake_ctgov.calls == calls
    with pytest.raises(RegistryError):
        reg.lookup(nct_of(studies[1]))
    assert fake_ctgov.calls == calls


def test_a_bundled_fixture_is_never_served_as_a_fresh_answer(tmp_path, fake_ctgov):
    """NCT06495437's reconstructed record has no date: seeded, it was stamped "now", and offline the card read "In sync
    with ClinicalTrials.gov … checked 2 minutes ago" when nobody had asked. A fixture is a saved copy: stale offline,
    refreshed from ClinicalTrials.gov when it can be asked."""
    offline = open_registry({"TRIALLENS_DB": str(tmp_path / "off.sqlite3"), "TRIALLENS_OFFLINE": "1"})
    looked = offline.lookup("NCT06495437")
    assert looked.source == "store" and looked.stale is True
    # nothing in it says when it was current: its date is unknown, not the minute it was seeded
    assert looked.dated is False and looked.copy_as_of == UNDATED and looked.to_dict()["fetched_at"] is None
    assert looked.note == "offline mode: demo record rebuilt from aggregator pages (its date is not known)"
    assert offline.lookup("NCT07232563").dated is True
    assert offline.lookup("NCT07232563").stale is True   # (dated fixtures too: reconstructed, not asked)
    fresh = variant(looked.record.data, last_update="2026-11-01")
    fake_ctgov.set_study(fresh)
    online = Registry(Store(tmp_path / "off.sqlite3"), fast_client(fake_ctgov.base_url))
    before = fake_ctgov.calls
    asked = online.lookup("NCT06495437")
    assert fake_ctgov.calls == before + 1 and asked.stale is False and asked.record.last_update_posted == "2026-11-01"


def test_a_stored_study_clinicaltrials_gov_no_longer_returns_is_served_as_gone(store, studies, fake_ctgov):
    """ClinicalTrials.gov answers 404 for a study the store holds: the saved copy is served, marked gone (the card says
    ClinicalTrials.gov no longer shows the trial, not that it could not be asked)."""
    store.put(OfficialRecord(studies[0]), fetched_at="2026-05-01")
    with fake_ctgov._lock:
        fake_ctgov.studies.pop(nct_of(studies[0]))
    got = registry_for(store, fake_ctgov).lookup(nct_of(studies[0]), now=NOW)
    assert got.stale and got.gone and got.record.data == studies[0]
    assert "HTTP 404" in got.note


def test_a_copy_given_no_date_is_stored_undated_and_never_moves_a_known_date(store, studies):
    """A record with no date in it, ingested without --fetched-at, used to be stamped with the time it was stored,
    which readers were shown as the copy's date ("from 5 Dec 2026 (5 minutes ago)"). It is stored undated: its time
    is kept for ordering only, fetched_at() reports None (a batch refresh asks for it), and it never moves the date of
    the same content stored with one; given a date later, the copy is dated."""
    nct = nct_of(studies[0])
    rec = OfficialRecord(studies[0])
    assert store.put(rec, origin="ingest:x.json") == "added"
    got = store.get_stored(nct)
    assert got.dated is False and got.fetched_at   # (a time for ordering, never shown)
    assert store.fetched_at(nct) == (nct, None)
    store.put(rec, fetched_at="2025-03-04", origin="ingest:y.json")
    assert store.get_stored(nct).dated is True and store.get_stored(nct).fetched_at == "2025-03-04T00:00:00Z"
    store.put(rec, origin="ingest:z.json")   # the same content again, undated: the known date stays
    got = store.get_stored(nct)
    assert (got.dated, got.fetched_at, got.origin) == (True, "2025-03-04T00:00:00Z", "ingest:y.json")
    # a record the registry just answered is dated by that answer even when the caller gives no time
    assert store.put(OfficialRecord(studies[1])) == "added" and store.get_stored(nct_of(studies[1])).dated is True


def test_a_store_written_before_undated_copies_existed_opens_with_every_copy_dated(tmp_path, studies):
    """Stores made by an earlier TrialLens have no `dated` column: opening one adds it, keeps every row, and counts
    each copy as dated (as it was read then)."""
    path = tmp_path / "old.sqlite3"
    with Store(path) as s:
        s.put_many(recs(studies[:3]), fetched_at="2025-01-02")
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE studies DROP COLUMN dated")
        assert "dated" not in [c[1] for c in conn.execute("PRAGMA table_info(studies)")]
    before = snapshot(path)
    with Store(path) as s:
        got = s.get_stored(nct_of(studies[0]))
        assert got.dated is True and got.fetched_at == "2025-01-02T00:00:00Z"
        assert s.count() == 3
    assert snapshot(path) == before
