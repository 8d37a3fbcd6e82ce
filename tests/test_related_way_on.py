"""A trial TrialLens knows no open related trial for (review r26 #4): said as what TrialLens knows, not "None open in
TrialLens's saved copy of ClinicalTrials.gov" (read as contradicting the footer's "checked just now"), and the way on:
`search_url`, ClinicalTrials.gov's search for open trials of the record's condition, in the annotation, on /related,
in /openapi.json, on the HTML page and from `triallens related`. Also r26 #2: on ClinicalTrials.gov's own study page
the annotation compares nothing but keeps the record's own warnings and their note."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json

import pytest
from service_support import MEDDATAX_HTML, MEDDATAX_URL, providers

from conftest import FIXTURES, ctgov_study_page
from server import create_app
from server.cli import main
from server.related_words import RELATED_NONE, search_url

SEARCH = "https://clinicaltrials.gov/search?cond=Ischemic%20Stroke&aggFilters=status:not%20rec"


def _client(related):
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(related=related)).test_client()


def _related_trial():
    from server.related import RelatedTrial
    return RelatedTrial("NCT00000009", "Another stroke trial", "RECRUITING", [], 0.5, "Same condition: Ischemic Stroke",
                        "https://clinicaltrials.gov/study/NCT00000009")


def test_the_search_is_for_open_trials_of_the_first_condition():
    assert search_url(["Ischemic Stroke", "Stroke"]) == SEARCH
    assert search_url(["Crohn's Disease & Colitis"]) == ("https://clinicaltrials.gov/search?cond=Crohn%27s%20Disease%20"
                                                         "%26%20Colitis&aggFilters=status:not%20rec")
    assert search_url([]) is None and search_url(None) is None and search_url(["  "]) is None


def test_an_empty_related_list_comes_with_a_search_of_clinicaltrials_gov():
    empty = _client(lambda record, k, statuses: []).post(
        "/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert empty["related"] == [] and empty["search_url"] == SEARCH
    some = _client(lambda record, k, statuses: [_related_trial()]).post(
        "/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert some["related"] and "search_url" not in some


def test_the_related_endpoint_and_schema_give_it_too():
    client = _client(lambda record, k, statuses: [])
    assert client.get("/api/v1/trials/NCT07232563/related").get_json() == {
        "nct_id": "NCT07232563", "related": [], "search_url": SEARCH}
    schema = client.get("/openapi.json").get_json()
    answer = schema["paths"]["/api/v1/trials/{nct_id}/related"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert answer["properties"]["search_url"]["format"] == "uri"
    assert schema["components"]["schemas"]["Annotation"]["properties"]["search_url"]["format"] == "uri"


def test_the_page_says_what_trialLens_knows_and_links_the_search():
    from tests.test_service_pages import section
    page = _client(lambda record, k, statuses: []).get("/trials/NCT07232563")
    assert section(page, "related") == ("Related trials " + RELATED_NONE +
                                        " Search ClinicalTrials.gov for open trials of Ischemic Stroke")
    assert f'<a href="{SEARCH.replace("&", "&amp;")}" rel="noopener noreferrer">' in page.get_data(as_text=True)
    assert "saved copy of ClinicalTrials.gov." not in section(page, "related")


def test_the_card_says_it_as_the_page_does():
    """The extension's card words the empty list and the search's link as the service's page does (it cannot import
    them): cardsections.js RELATED_NONE, badges.js RELATED_SEARCH."""
    from pathlib import Path

    from server.related_words import RELATED_SEARCH
    ext = Path(__file__).resolve().parents[1] / "extension"
    assert f'const RELATED_NONE = "{RELATED_NONE}";' in (ext / "content" / "cardsections.js").read_text(encoding="utf-8")
    prefix = RELATED_SEARCH.removesuffix("{condition}")
    assert prefix != RELATED_SEARCH
    assert f'const RELATED_SEARCH = "{prefix}";' in (ext / "lib" / "badges.js").read_text(encoding="utf-8")


def test_the_cli_says_it_and_prints_the_search(tmp_path, monkeypatch, capsys):
    from scrapers.official import OfficialRecord
    from scrapers.registry import Store

    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "no-fixtures"))
    store = Store(tmp_path / "s.db")   # (the seed trial alone: nothing related to it)
    store.put_many([OfficialRecord(json.loads((SAVED_COPIES / "NCT07232563.json").read_text(encoding="utf-8")))],
                   origin="test")
    store.close()
    assert main(["related", "NCT07232563", "--db", str(tmp_path / "s.db")]) == 0
    assert capsys.readouterr().out == (f"{RELATED_NONE} Try --any-status for trials that are not open.\n"
                                       f"Search ClinicalTrials.gov for open trials of Ischemic Stroke: {SEARCH}\n")
    assert main(["related", "NCT07232563", "--db", str(tmp_path / "s.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"nct_id": "NCT07232563", "related": [], "search_url": SEARCH}


# ClinicalTrials.gov's own study page (r26 #2) -----------------------------------------------------------------------

SEED = "NCT07232563"


def _study_page() -> str:
    """The seed trial's study page on ClinicalTrials.gov (as test_extension_e2e's official-site test builds it): its
    record is not yet recruiting 12 months after its planned start."""
    return ctgov_study_page(SEED)


@pytest.fixture
def offline(tmp_path):
    return create_app({"TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_OFFLINE": "1",
                       "TRIALLENS_RATE_LIMIT": "off"}).test_client()


def test_on_clinicaltrials_gov_the_records_own_warning_is_kept_and_nothing_compared(offline):
    ann = offline.post("/api/v1/annotate", json={"url": f"https://clinicaltrials.gov/study/{SEED}",
                                                  "html": _study_page()}).get_json()
    drift = ann["drift"]
    assert (drift["verdict"], drift["reason"], drift["caveat"]) == ("could_not_check", "official_page", "record_overdue")
    assert [(f["kind"], f["about"]) for f in drift["findings"]] == [("registry_overdue", "registry")]
    assert drift["headline"] == "This trial may have opened: check ClinicalTrials.gov"   # (a saved copy, offline)
    assert drift["note"] == ("This is the trial's own page on ClinicalTrials.gov, so TrialLens has nothing to compare "
                             "it with, but TrialLens's saved copy of the ClinicalTrials.gov record (from 18 Nov 2025) says the trial's "
                             "planned start has passed: see below.")
    assert ann["criteria"] and ann["related"] is not None
    drift_schema = offline.get("/openapi.json").get_json()["components"]["schemas"]["Drift"]["properties"]
    assert drift["reason"] in drift_schema["reason"]["enum"] and drift["headline"] in drift_schema["headline"]["enum"]
    # the same page elsewhere is compared as any page is
    elsewhere = offline.post("/api/v1/annotate", json={"url": f"https://example.org/study/{SEED}",
                                                        "html": _study_page()}).get_json()["drift"]
    assert elsewhere.get("reason") != "official_page" and any(f["about"] == "page" for f in elsewhere["findings"])


def test_the_pasted_study_page_shows_that_note(offline):
    from tests.test_service_pages import section
    page = offline.post("/check", data={"url": f"https://clinicaltrials.gov/study/{SEED}", "html": _study_page()})
    said = section(page, "verdict")
    assert "This is the official record" in said
    assert "so TrialLens has nothing to compare it with, but TrialLens's saved copy of the ClinicalTrials.gov record" in said
    assert section(page, "official").endswith("ask the study team whether it has opened.")   # (the finding itself)
