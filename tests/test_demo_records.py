"""The bundled demo records are rebuilt from aggregator pages (fixtures/ctgov/README.md), not downloaded from
ClinicalTrials.gov: everything said about them names them as that, never as "TrialLens's saved copy of the
ClinicalTrials.gov record" (review r51 §8: a criterion the rebuild lacks was said to be missing from ClinicalTrials.gov's
record). The rest of the suite uses the demo records without their note, as saved copies (conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAVED_COPIES, fixture_url
from scrapers.official import OfficialRecord
from server import create_app
from server.copy_names import DEMO_NOTE, DEMO_RECORD_LINE, as_demo
from scrapers.reconcile.saved_copy import SAVED_COPY

DEMO = FIXTURES / "ctgov"
SPA = FIXTURES / "html" / "ctv.veeva.com" / "nct07041801_spa_dl.html"


def test_every_bundled_record_says_it_was_rebuilt_and_no_registry_answer_does():
    for path in sorted(DEMO.glob("NCT*.json")):
        assert OfficialRecord(json.loads(path.read_text(encoding="utf-8"))).reconstructed, path.name
    for path in sorted(SAVED_COPIES.glob("NCT*.json")):   # (the suite's saved copies of them)
        assert not OfficialRecord(json.loads(path.read_text(encoding="utf-8"))).reconstructed


def test_a_saved_copys_every_name_is_said_as_the_demo_record():
    said = as_demo(f"TrialLens could not find it in its saved copy of the ClinicalTrials.gov record (from 27 Jun 2025). "
                   f"{SAVED_COPY}, from 27 Jun 2025. This page differs from TrialLens's saved copy. Anything changed "
                   "since that copy was saved was not checked. In that copy, the trial's planned end has passed.")
    assert "saved copy" not in said and "that copy" not in said and "ClinicalTrials.gov record" not in said
    assert said.startswith("TrialLens could not find it in its rebuilt demo record (from 27 Jun 2025). "
                           "TrialLens's rebuilt demo record, from 27 Jun 2025.")


def _check(env: dict, *extra: str) -> str:
    return subprocess.run([sys.executable, "-m", "server.cli", "check", str(SPA), "--today", "2026-11-22", *extra],
                          capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout


def test_the_cli_names_a_demo_record_and_says_what_its_gaps_may_be(tmp_path):
    env = {"TRIALLENS_OFFLINE": "1", "TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_DEMO_DIR": str(DEMO)}
    out = _check(env)
    assert "  demo record:         recruiting, last update posted 27 Jun 2025 (rebuilt from aggregator pages)\n" in out
    assert "\nThis page differs from TrialLens's demo record\n" in out and DEMO_NOTE in out
    # the item the rebuild lacks (exclusion 1: no captured page shows it) is not said to be missing from the registry's
    assert ('This page lists "Pregnant or lactating women;" as a reason someone cannot join, but TrialLens could not '
            "find it in its rebuilt demo record (from 27 Jun 2025).") in out
    assert "saved copy" not in out and "ClinicalTrials.gov record" not in out
    data = json.loads(_check(env, "--json"))
    assert data["official"]["reconstructed"] is True and DEMO_NOTE in data["drift"]["note"]


def test_the_same_record_as_a_saved_copy_is_still_named_one(tmp_path):
    env = {"TRIALLENS_OFFLINE": "1", "TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_DEMO_DIR": str(SAVED_COPIES)}
    out = _check(env)
    assert "  saved copy:          recruiting" in out and "could not find it in its saved copy of the ClinicalTrials.gov " \
        "record (from 27 Jun 2025)" in out
    assert "demo record" not in out and DEMO_NOTE not in out


@pytest.fixture
def demo_client(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(DEMO))
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}).test_client()


def test_the_service_says_the_record_is_a_demo_record_in_the_annotation_and_on_its_page(demo_client):
    html = SPA.read_text(encoding="utf-8")
    res = demo_client.post("/api/v1/annotate", json={"url": fixture_url(SPA), "html": html})
    assert res.status_code == 200, res.get_data(as_text=True)
    ann = res.get_json()
    assert ann["official"]["reconstructed"] is True and ann["official"]["stale"] is True
    assert ann["drift"]["headline"] == "This page differs from TrialLens's demo record"
    assert DEMO_NOTE in ann["drift"]["note"]
    assert not [f["message"] for f in ann["drift"]["findings"] if "saved copy" in f["message"]]
    page = demo_client.get("/trials/NCT07041801").get_data(as_text=True)
    assert "TrialLens&#39;s demo record, rebuilt from aggregator pages" in page
    assert "saved copy of the ClinicalTrials.gov record" not in page and "saved copy of the record" not in page
    assert DEMO_RECORD_LINE.replace("'", "&#39;") in page   # (the footer line, as the card's)
    # the related trials are the demo store's records: named so, as the card does (NCT07232563 has some)
    related = demo_client.get("/trials/NCT07232563").get_data(as_text=True)
    assert "Other trials that TrialLens's demo records list as recruiting" in related
    assert "saved copy of ClinicalTrials.gov" not in related


def test_the_trial_summary_says_whether_the_record_was_rebuilt(demo_client):
    assert demo_client.get("/api/v1/trials/NCT07041801").get_json()["reconstructed"] is True


def test_a_store_seeded_before_the_note_gets_the_bundles_records_and_keeps_everything_else(tmp_path):
    """Review r55 F1: seeding only added records a store lacked, so a store seeded before the demo records said they
    were rebuilt kept calling them saved copies. A copy from the bundle (origin "fixture") is renewed from its file;
    one from ClinicalTrials.gov, an ingest or a sync never is, and the replaced copy stays in the history."""
    from scrapers.registry import Store, open_registry

    db = tmp_path / "s.sqlite3"
    env = {"TRIALLENS_DB": str(db), "TRIALLENS_OFFLINE": "1"}
    open_registry({**env, "TRIALLENS_DEMO_DIR": str(SAVED_COPIES)}).store.close()   # (an older TrialLens's seeding)
    store = Store(db)
    registry_answer = json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8"))
    store.put(OfficialRecord(registry_answer), fetched_at="2026-12-01T10:00:00Z", origin="registry")
    assert not store.get("NCT07041801").reconstructed
    store.close()
    reg = open_registry({**env, "TRIALLENS_DEMO_DIR": str(DEMO)})
    assert reg.store.get("NCT07041801").reconstructed and reg.store.get_stored("NCT07041801").origin == "fixture"
    assert len(reg.store.history("NCT07041801")) == 1   # (the older bundle's copy, kept)
    kept = reg.store.get_stored("NCT06427642")
    assert kept.origin == "registry" and not kept.record.reconstructed
    reg.store.close()


def test_explain_and_the_developers_note_name_a_demo_record_too(tmp_path):
    """Review r55 F4: `triallens explain` said nothing of whose criteria these were, and the developer's note
    (`check -v`'s Details, `official.note`) said "saved copy fetched 27 Jun 2025" of a record nobody fetched."""
    from server.copy_names import DEMO_EXPLAINED

    env = {**os.environ, "TRIALLENS_OFFLINE": "1", "TRIALLENS_DB": str(tmp_path / "s.sqlite3"),
           "TRIALLENS_DEMO_DIR": str(DEMO)}
    out = subprocess.run([sys.executable, "-m", "server.cli", "explain", "NCT07041801"], capture_output=True,
                         text=True, check=True, env=env).stdout
    assert out.splitlines()[1] == DEMO_EXPLAINED
    err = subprocess.run([sys.executable, "-m", "server.cli", "check", "-v", str(SPA), "--today", "2026-11-22"],
                         capture_output=True, text=True, check=True, env=env).stderr
    assert "Details: offline mode: demo record rebuilt from aggregator pages dated 27 Jun 2025" in err
    copies = {**env, "TRIALLENS_DB": str(tmp_path / "c.sqlite3"), "TRIALLENS_DEMO_DIR": str(SAVED_COPIES)}
    out = subprocess.run([sys.executable, "-m", "server.cli", "explain", "NCT07041801"], capture_output=True,
                         text=True, check=True, env=copies).stdout
    assert DEMO_EXPLAINED not in out


def test_a_listing_badge_says_whether_the_record_was_rebuilt(demo_client, tmp_path):
    """A listing's badge (GET /status) carried nothing to tell a demo record from a saved copy of ClinicalTrials.gov's,
    so the extension badged it "Recruiting (as of Jun 2025)", "according to ClinicalTrials.gov" (extension/test/
    badge_demo.test.js reads the field)."""
    res = demo_client.get("/api/v1/status?ids=NCT07041801,NCT00000000")
    assert res.status_code == 200, res.get_data(as_text=True)
    badge = res.get_json()["statuses"]["NCT07041801"]
    assert badge["reconstructed"] is True and badge["status"] == "RECRUITING"
    client = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_DEMO_DIR": str(SAVED_COPIES),
                         "TRIALLENS_DB": str(tmp_path / "c.sqlite3"), "TRIALLENS_OFFLINE": "1"}).test_client()
    assert client.get("/api/v1/status?ids=NCT07041801").get_json()["statuses"]["NCT07041801"]["reconstructed"] is False
