"""Review r58: the registry and the store under answers that look usable and are not, and rows damaged on disk.

F1 a redirect to a study that does not list the asked id as an alias was trusted, and the alias kept pointing a
recruiting trial at a completed one for good; F2 a lone surrogate escape parsed, then could not be stored (TypeError:
a 500 on every route); F3 a damaged stored row gave 500s (or a 400 blaming the caller) and was never asked about again;
F7 an answer with no last update date replaced a dated copy; F8 a repeated page token paged forever; F9 the store's
path reached API callers in a note. All over real HTTP against the fake CT.gov API on 127.0.0.1.
"""

from __future__ import annotations

import sqlite3

import pytest

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies, variant  # noqa: F401  (fixtures)
from scrapers.errors import MalformedResponse, StoreError
from scrapers.official import OfficialRecord
from scrapers.registry import Registry
from scrapers.registry.store import DamagedCopy
from scrapers.registry.sync import sync
from tests.service_support import registry_service

OLD = "2020-01-01T00:00:00Z"


def _stored(store, study: dict) -> None:
    store.put(OfficialRecord(study), fetched_at=OLD, origin="registry")


def _registry(store, fake, **kw) -> Registry:
    return Registry(store, fast_client(fake.base_url), ttl=0, **kw)


def _damage(store, nct: str, text: str) -> None:
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE studies SET data = ? WHERE nct_id = ?", (text, nct))


# F1 ----------------------------------------------------------------------------------------------------------------

def test_a_redirect_to_a_study_not_listing_the_id_is_refused_and_leaves_no_alias(store, fake_ctgov, studies):
    asked, other = nct_of(studies[0]), nct_of(studies[1])
    _stored(store, studies[0])
    fake_ctgov.set_study(variant(studies[1], status="COMPLETED"))
    fake_ctgov.faults.append(f"redirect_to:{other}")
    got = _registry(store, fake_ctgov).lookup(asked)
    assert (got.record.nct_id, got.stale, got.source) == (asked, True, "store")
    assert f"got {other} (after a redirect, but that study does not list it as an alias)" in got.note
    assert store.resolve(asked) == asked
    fixed = _registry(store, fake_ctgov).lookup(asked)   # (the registry behaves again: the trial is its own)
    assert (fixed.record.nct_id, fixed.stale, fixed.source) == (asked, False, "registry")


def test_a_redirect_to_the_study_listing_the_id_is_followed(store, fake_ctgov, studies):
    current = nct_of(studies[2])
    fake_ctgov.aliases["NCT00000003"] = current
    got = _registry(store, fake_ctgov).lookup("NCT00000003")
    assert (got.record.nct_id, got.stale) == (current, False)
    assert store.resolve("NCT00000003") == current


# F2 ----------------------------------------------------------------------------------------------------------------

def test_an_answer_the_store_cannot_encode_is_junk_and_the_stored_copy_is_served(store, fake_ctgov, studies):
    study = studies[0]
    _stored(store, study)
    fake_ctgov.faults.extend(["surrogate"] * 3)
    got = _registry(store, fake_ctgov).lookup(nct_of(study))
    assert (got.source, got.stale) == ("store", True)
    assert "not valid JSON" in got.note and "surrogate" in got.note
    assert store.get_stored(nct_of(study)).fetched_at == OLD


def test_the_service_answers_a_junk_answer_without_a_500(store, fake_ctgov, studies):
    study, other = studies[0], studies[1]
    _stored(store, study)
    _stored(store, other)
    client = registry_service(store, fast_client(fake_ctgov.base_url)).test_client()
    fake_ctgov.faults.extend(["surrogate"] * 6)
    resp = client.get(f"/api/v1/trials/{nct_of(study)}")
    assert resp.status_code == 200 and resp.get_json()["stale"] is True, resp.get_json()


# F3 ----------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("damage, why", [("{not json", "not JSON"), ("[]", "not a ClinicalTrials.gov study"),
                                         ('{"protocolSection": 5}', "not a ClinicalTrials.gov study")])
def test_a_damaged_row_is_a_store_fault_for_that_trial(store, studies, damage, why):
    nct = nct_of(studies[0])
    _stored(store, studies[0])
    _damage(store, nct, damage)
    with pytest.raises(DamagedCopy, match=why) as err:
        store.get_stored(nct)
    assert isinstance(err.value, StoreError) and err.value.nct_id == nct


def test_a_row_holding_another_trial_is_damaged(store, studies):
    nct = nct_of(studies[0])
    _stored(store, studies[0])
    with sqlite3.connect(store.path) as conn:
        other = conn.execute("SELECT data FROM studies").fetchone()[0].replace(nct, nct_of(studies[1]))
    _damage(store, nct, other)
    with pytest.raises(DamagedCopy, match=f"it holds {nct_of(studies[1])}"):
        store.get_stored(nct)


def test_a_damaged_row_is_mended_by_the_registrys_answer_and_kept_in_history(store, fake_ctgov, studies):
    nct = nct_of(studies[0])
    _stored(store, studies[0])
    _damage(store, nct, "{not json")
    got = _registry(store, fake_ctgov).lookup(nct)
    assert (got.source, got.stale, got.record.data) == ("registry", False, studies[0])
    assert store.get_stored(nct).record.data == studies[0]   # (same content as before the damage: still replaced)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT data FROM study_history WHERE nct_id = ?", (nct,)).fetchall() == [("{not json",)]


def test_a_damaged_row_offline_or_unreachable_is_store_unavailable(store, fake_ctgov, studies):
    nct = nct_of(studies[0])
    _stored(store, studies[0])
    _damage(store, nct, "[]")
    with pytest.raises(DamagedCopy):
        Registry(store, None, ttl=0).lookup(nct)   # (offline)
    fake_ctgov.faults.extend(["500"] * 10)
    with pytest.raises(DamagedCopy):
        _registry(store, fake_ctgov).lookup(nct)
    with sqlite3.connect(store.path) as conn:   # (nothing lost: the row is as it was)
        assert conn.execute("SELECT data FROM studies WHERE nct_id = ?", (nct,)).fetchone() == ("[]",)


def test_the_service_names_a_damaged_row_for_that_trial_alone(store, studies):
    bad, good = nct_of(studies[0]), nct_of(studies[1])
    for s in studies[:2]:
        _stored(store, s)
    _damage(store, bad, "{not json")
    client = registry_service(store, None).test_client()
    one = client.get(f"/api/v1/trials/{bad}")
    assert one.status_code == 503 and one.get_json()["type"].endswith("store-unavailable")
    assert str(store.path) not in one.get_data(as_text=True)
    batch = client.get(f"/api/v1/status?ids={bad},{good}")
    assert batch.status_code == 200
    body = batch.get_json()
    assert body["missing"][bad] == "store_unavailable" and body["statuses"][good]["status"]
    drift = client.post("/api/v1/drift", json={"items": [{"nct_id": bad, "status": "Recruiting"},
                                                         {"nct_id": good, "status": "Recruiting"}]})
    assert drift.status_code == 200
    results = drift.get_json()["results"]
    assert results[0]["error"]["type"].endswith("store-unavailable") and "error" not in results[1]


def test_a_walk_of_the_store_leaves_out_a_damaged_row_and_reads_the_rest(store, studies):
    for s in studies[:3]:
        _stored(store, s)
    _damage(store, nct_of(studies[1]), "{not json")
    assert [r.nct_id for r in store.iter_records()] == sorted([nct_of(studies[0]), nct_of(studies[2])])


# F7 ----------------------------------------------------------------------------------------------------------------

def test_an_answer_with_no_last_update_date_does_not_replace_a_dated_copy(store, fake_ctgov, studies):
    study = studies[0]
    _stored(store, study)
    fake_ctgov.faults.append("nolup")
    got = _registry(store, fake_ctgov).lookup(nct_of(study))
    assert got.record.status == study["protocolSection"]["statusModule"]["overallStatus"] != "WITHDRAWN"
    assert got.note.startswith("ClinicalTrials.gov answered with a copy of this record that gives no last update "
                               "date, so it is not known to be newer than the saved copy")
    assert store.get_stored(nct_of(study)).record.data == study
    assert [h["status"] for h in store.history(nct_of(study))] == ["WITHDRAWN"]   # (kept, not current)


# F8 ----------------------------------------------------------------------------------------------------------------

def test_a_sync_given_the_same_page_token_again_stops_and_keeps_its_pages(store, fake_ctgov, studies):
    fake_ctgov.faults.extend([None, "sametoken"])
    with pytest.raises(MalformedResponse, match="a page token it had given before .* Sync stopped after 1 page"):
        sync(store, fast_client(fake_ctgov.base_url), "2000-01-01", page_size=5)
    assert store.count() == 5


def test_a_page_token_that_is_not_text_is_junk_not_the_last_page(store, fake_ctgov, studies):
    class NumberToken(type(fast_client(fake_ctgov.base_url))):
        def _json(self, resp):
            data = super()._json(resp)
            data["nextPageToken"] = 12
            return data

    client = NumberToken(fake_ctgov.base_url, retries=0)
    with pytest.raises(MalformedResponse, match="nextPageToken is not text"):
        sync(store, client, "2000-01-01", page_size=5)
    assert store.get_meta("sync:last_completed") is None


# F6 ----------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["TRIALLENS_OFFLINE", "TRIALLENS_TRUST_PROXY"])
@pytest.mark.parametrize("value", ["y", "2", "offline", "enabled"])
def test_an_on_off_setting_with_another_value_stops_the_service_at_start(name, value):
    from server.config import ServiceConfig

    with pytest.raises(ValueError, match=f"{name} must be 1 \\(on\\) or 0 \\(off\\), got '{value}'"):
        ServiceConfig.from_env({name: value}, environ={})


@pytest.mark.parametrize("value, offline", [("1", True), ("Yes", True), ("on", True), ("", False), ("0", False),
                                            ("false", False), ("off", False)])
def test_on_off_values_read_as_documented(value, offline):
    from server.config import ServiceConfig

    assert ServiceConfig.from_env({"TRIALLENS_OFFLINE": value}, environ={}).offline is offline


def test_the_cli_refuses_an_offline_value_it_cannot_read(monkeypatch, tmp_path, capsys):
    from server.cli import main

    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("TRIALLENS_OFFLINE", "y")
    monkeypatch.setenv("TRIALLENS_CTGOV_URL", "http://127.0.0.1:9/api/v2")   # (never asked)
    assert main(["explain", "NCT07232563"]) == 2
    err = capsys.readouterr().err
    assert "triallens: error: TRIALLENS_OFFLINE must be 1 (on) or 0 (off), got 'y'" in err and "Traceback" not in err


# F5 ----------------------------------------------------------------------------------------------------------------

def test_a_process_waiting_to_build_the_index_finds_it_built_and_does_not_build_it_again(store, studies):
    """gunicorn's workers without --preload: each found the index missing, then rebuilt it whole behind the one before
    (holding the write lock each time), and one waiting past 30 s failed to start."""
    import threading

    from scrapers.registry import search

    for s in studies[:6]:
        _stored(store, s)
    with sqlite3.connect(store.path) as conn:   # (a store written before the index, or by an older TrialLens)
        search.ensure_schema(conn)
        conn.execute("DELETE FROM related_df")
    sibling = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    sibling.execute("BEGIN IMMEDIATE")   # (another worker, building the index)
    search._backfilled.discard(str(store.path))
    built: list[int] = []
    waiting = threading.Thread(target=lambda: built.append(search.backfill(store)))
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive()   # (it found the index incomplete and waits for the write lock)
    search.load_index(sibling, [OfficialRecord(s) for s in studies[:6]])
    sibling.execute("COMMIT")
    sibling.close()
    waiting.join(30)
    assert built == [0]
    with store.connection() as conn:
        assert search.trial_count(conn) == 6


# F4 ----------------------------------------------------------------------------------------------------------------

def test_another_programs_sqlite_database_is_refused_and_left_as_it_was(tmp_path):
    from scrapers.registry import Store

    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.close()
    with pytest.raises(StoreError, match="is not a TrialLens store: it is another program's SQLite database "
                                         r"\(tables moz_places\)"):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["moz_places"]
    conn.close()


def test_a_new_file_and_an_empty_database_still_become_stores(tmp_path):
    from scrapers.registry import Store

    sqlite3.connect(tmp_path / "empty.sqlite3").close()
    for name in ("new.sqlite3", "empty.sqlite3"):
        with Store(tmp_path / name) as store:
            assert store.count() == 0


# F10 ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, value, said", [
    ("TRIALLENS_RATE_LIMIT", "0 per minute", "TRIALLENS_RATE_LIMIT must allow at least 1 request, got '0 per minute'"),
    ("TRIALLENS_LOOKUP_BUDGET", "0/hour", "TRIALLENS_LOOKUP_BUDGET must allow at least 1 request, got '0/hour'"),
    ("TRIALLENS_API_KEYS", " , ", "TRIALLENS_API_KEYS is set but names no key"),
])
def test_a_setting_that_parses_but_cannot_work_stops_the_service_at_start(name, value, said):
    from server.config import ServiceConfig

    with pytest.raises(ValueError, match=said.replace("(", r"\(").replace(")", r"\)")):
        ServiceConfig.from_env({name: value}, environ={})


def test_a_lookup_timeout_under_one_attempts_least_time_is_refused():
    from scrapers.errors import BadInput
    from scrapers.registry.settings import interactive_settings

    with pytest.raises(BadInput, match="from 0.05 to 600, got '1e-9'"):
        interactive_settings({"TRIALLENS_LOOKUP_TIMEOUT": "1e-9"})
    assert interactive_settings({"TRIALLENS_LOOKUP_TIMEOUT": "0.05"})["deadline"] == 0.05


# Review r59: the mend path and the foreign-database check, looked at again ------------------------------------------

def test_a_damaged_rows_answer_naming_the_trial_it_merged_into_keeps_that_trials_newer_copy(store, fake_ctgov, studies):
    """r59 F1: the mend applies to the damaged row only: a lagging answer for the trial the damaged id merged into went
    past the older-copy rule and replaced its newer copy (a completed trial shown recruiting)."""
    old_id, merged = nct_of(studies[0]), studies[1]
    _stored(store, studies[0])
    store.put(OfficialRecord(variant(merged, status="COMPLETED", last_update="2026-06-01")), fetched_at=OLD,
              origin="registry")
    _damage(store, old_id, "{not json")
    fake_ctgov.set_study(variant(merged, status="RECRUITING", last_update="2024-01-01", aliases=[old_id]))
    fake_ctgov.aliases[old_id] = nct_of(merged)
    _registry(store, fake_ctgov).lookup(old_id)
    kept = store.get_stored(nct_of(merged)).record
    assert (kept.status, kept.last_update_posted) == ("COMPLETED", "2026-06-01")


def test_asked_by_a_retired_id_a_damaged_current_row_is_asked_about_by_its_own_id(store, fake_ctgov, studies):
    """r59 F6: the retired id's own 404 said "unknown trial" of one the store holds."""
    current = nct_of(studies[0])
    store.put(OfficialRecord(studies[0]), fetched_at=OLD, origin="registry")
    store.add_alias("NCT00000009", current)
    _damage(store, current, "[]")
    got = _registry(store, fake_ctgov).lookup("NCT00000009")
    assert (got.record.nct_id, got.source) == (current, "registry")
    assert fake_ctgov.requests[-1].path == f"/api/v2/studies/{current}"


def test_an_ingest_of_the_same_content_mends_a_damaged_row(store, studies, tmp_path):
    """r59 F3: a damaged row kept its hash, so an ingest or sync of the same record said "unchanged" and left it."""
    nct = nct_of(studies[0])
    _stored(store, studies[0])
    _damage(store, nct, "{not json")
    summary = store.put_many([OfficialRecord(studies[0])], origin="ingest", fetched_at=OLD)
    assert (summary.updated, summary.unchanged) == (1, 0)
    assert store.get_stored(nct).record.data == studies[0]
    again = store.put_many([OfficialRecord(studies[0])], origin="ingest", fetched_at=OLD)   # (a sound row: unchanged)
    assert (again.updated, again.unchanged) == (0, 1)


def test_an_answer_with_no_date_leaves_the_saved_copy_shown_as_a_saved_copy(store, fake_ctgov, studies):
    """r59 F4: the old copy was served as current (stale false), and a right page was told it may be out of date."""
    _stored(store, studies[0])
    fake_ctgov.faults.append("nolup")
    got = _registry(store, fake_ctgov).lookup(nct_of(studies[0]))
    assert (got.stale, got.stale_reason, got.copy_as_of) == (True, "unreachable", OLD)


@pytest.mark.parametrize("tables", [
    ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "CREATE TABLE patients (id INTEGER)"],
    ["CREATE TABLE studies (id INTEGER, name TEXT)"],
    ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"],
])
def test_another_programs_database_with_tables_named_as_ours_is_refused_untouched(tmp_path, tables):
    """r59 F2: a `meta` table of its own let another program's database through (switched to WAL and filled); one
    with only a `studies` table was switched to WAL before it was refused."""
    from scrapers.registry import Store

    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    for sql in tables:
        conn.execute(sql)
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="is not a TrialLens store"):
        Store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert len(conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()) == len(tables)
    conn.close()
