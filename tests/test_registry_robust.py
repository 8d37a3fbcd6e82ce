"""The registry and store when the dates, the registry or the command line misbehave (review round 10b):
a copy dated in the future, a slow or misconfigured registry, a junk Retry-After, a record of another trial,
a URL to fetch in offline mode."""

from __future__ import annotations

import copy
import json

import pytest

from fake_ctgov import ROOT, FakeCtgov, fast_client, variant
from scrapers.errors import BadInput
from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store
from scrapers.registry.ingest import ingest
from server.cli import main

BUNDLED_PATH = ROOT / "fixtures" / "ctgov" / "NCT07232563.json"
BUNDLED = json.loads(BUNDLED_PATH.read_text(encoding="utf-8"))   # NOT_YET_RECRUITING
NCT = "NCT07232563"
MEDDATAX_PAGE = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"
FUTURE = "2099-01-01"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "r.sqlite3")
    yield s
    s.close()


@pytest.fixture
def recruiting():
    """A fake ClinicalTrials.gov on which the bundled trial has since opened (same last update posted)."""
    server = FakeCtgov([variant(BUNDLED, status="RECRUITING")]).start()
    yield server
    server.stop()


# 1. a copy dated in the future -----------------------------------------------------------------

def test_ingest_refuses_a_fetched_at_in_the_future(store, tmp_path):
    with pytest.raises(BadInput, match=r"^--fetched-at 2099-01-01 is in the future \(it is now 20\d\d-"):
        ingest(store, [BUNDLED_PATH], fetched_at=FUTURE)
    assert store.count() == 0


def test_cli_ingest_with_a_future_fetched_at_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "cli.sqlite3"))
    assert main(["ingest", str(BUNDLED_PATH), "--fetched-at", FUTURE]) == 2
    err = capsys.readouterr().err
    assert err.startswith("triallens: error: --fetched-at 2099-01-01 is in the future (it is now ")
    assert err.rstrip().endswith("): give the date the files were downloaded")
    assert Store(tmp_path / "cli.sqlite3").count() == 0


def test_a_record_dated_in_the_future_is_ingested_undated(store, tmp_path):
    """A versionHolder after now says nothing of when the copy was current: stored, but undated."""
    data = copy.deepcopy(BUNDLED)
    data.setdefault("derivedSection", {}).setdefault("miscInfoModule", {})["versionHolder"] = FUTURE
    (tmp_path / f"{NCT}.json").write_text(json.dumps(data), encoding="utf-8")
    assert ingest(store, [tmp_path / f"{NCT}.json"]).summary.added == 1
    assert store.get_stored(NCT).dated is False


def test_a_stored_copy_dated_in_the_future_is_not_fresh(store, recruiting):
    """A store written before ingest refused future dates: the copy is asked about, the registry's answer becomes
    current (a copy dated 2099 used to outrank it and send it to history), and the old copy stays in history."""
    store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
    got = Registry(store, fast_client(recruiting.base_url)).lookup(NCT)
    assert recruiting.calls == 1
    assert (got.record.status, got.stale, got.source) == ("RECRUITING", False, "registry")
    assert store.get(NCT).status == "RECRUITING"
    assert [h["status"] for h in store.history(NCT)] == ["NOT_YET_RECRUITING"]


def test_the_same_content_refetched_replaces_a_future_date(store, tmp_path):
    server = FakeCtgov([BUNDLED]).start()
    try:
        store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
        got = Registry(store, fast_client(server.base_url)).lookup(NCT)
    finally:
        server.stop()
    assert got.source == "registry" and not got.stale
    assert store.get_stored(NCT).fetched_at == got.fetched_at < FUTURE


def test_a_future_dated_copy_served_when_the_registry_is_down_gives_no_date(store, recruiting):
    store.put(OfficialRecord(BUNDLED), fetched_at=FUTURE, origin="ingest:x.json")
    recruiting.faults.extend(["503"] * 3)
    got = Registry(store, fast_client(recruiting.base_url)).lookup(NCT)
    assert got.stale and got.stale_reason == "unreachable" and got.known_fetched_at is None
    assert got.note.endswith("showing the saved copy (its date is not known)")
    assert store.get_stored(NCT).fetched_at == "2099-01-01T00:00:00Z"   # nothing stored is lost


# 2. check --record with another trial's record ------------------------------------------------

def test_check_refuses_a_record_of_another_trial(capsys):
    other = ROOT / "fixtures" / "ctgov" / "NCT06427642.json"
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(other)]) == 2
    out = capsys.readouterr()
    assert "[CRITICAL]" not in out.out and out.out == ""
    assert out.err == (f"triallens: error: --record {other} is the record of NCT06427642, but the page is about "
                       f"{NCT}: give {NCT}'s record, or leave out --record to use the local store\n")


def test_check_takes_the_pages_own_record_or_one_listing_its_id_as_an_alias(tmp_path, capsys):
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(BUNDLED_PATH), "--today", "2026-01-10"]) == 0
    renamed = variant(BUNDLED, nct_id="NCT07999999", aliases=[NCT])   # the page shows the trial's retired id
    (tmp_path / "renamed.json").write_text(json.dumps(renamed), encoding="utf-8")
    assert main(["check", str(MEDDATAX_PAGE), "--record", str(tmp_path / "renamed.json"), "--today", "2026-01-10"]) == 0
    assert capsys.readouterr().out.startswith(f"{NCT} on meddatax.com")
