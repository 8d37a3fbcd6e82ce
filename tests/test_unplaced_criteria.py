"""A page that lists eligibility criteria under no inclusion or exclusion heading (medifind's "View:" list, which
toggles between the two lists and names neither). The scraper rightly does not place them, but the note then said
"TrialLens found no eligibility criteria it could read on this page", which is not what a reader sees: the page does
show a list. The scraper now counts them (PageRecord.criteria_unplaced) and every surface says the page lists them
without saying which are which, so TrialLens did not compare them."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, fixture_url
from service_support import shipped_offline_client

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from server.drift import summarize
from server.verdict_words import NOTES

MEDIFIND = FIXTURES / "html" / "medifind.com"
LABELLED = ["nct06427642_semantic.html", "nct06427642_divs.html", "nct06427642_inline.html"]
SAID = ("This page lists 3 eligibility criteria without saying which are for joining and which rule people out, so "
        "TrialLens did not compare them: read them on ClinicalTrials.gov before you decide.")


def _scrape(name: str) -> PageRecord:
    page = MEDIFIND / name
    return scrape_html(page.read_text(encoding="utf-8"), fixture_url(page))


@pytest.mark.parametrize("name", LABELLED)
def test_medifind_counts_the_criteria_it_does_not_place(name):
    rec = _scrape(name)
    assert (rec.inclusion, rec.exclusion, rec.criteria_unplaced) == ([], [], 3)
    assert rec.to_dict()["criteria_unplaced"] == 3
    assert PageRecord.from_dict(rec.to_dict()) == rec


def test_a_bare_list_under_no_label_is_not_counted():
    """The first capture shows no labels at all: its list could be anything, so nothing is claimed of it."""
    rec = _scrape("nct06427642_unlabelled_semantic.html")
    assert rec.criteria_unplaced == 0 and "criteria_unplaced" not in rec.to_dict()


def test_other_pages_json_keeps_its_shape():
    assert "criteria_unplaced" not in PageRecord(site="x.org", inclusion=["Age 18 or over"]).to_dict()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return shipped_offline_client(tmp_path_factory.mktemp("unplaced"))


def _text(resp) -> str:
    import html
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", resp.get_data(as_text=True))))


@pytest.mark.parametrize("name", LABELLED)
def test_every_surface_says_the_page_lists_criteria_it_did_not_compare(name, client, capsys):
    """The API's JSON (which the extension's card shows as it is), the pasted-page check and the CLI say the same."""
    from server.cli import main
    from server.verdict_words import UNASKED_OFFLINE, UNASKED_OFFLINE_CLI

    page = MEDIFIND / name
    html_text, url = page.read_text(encoding="utf-8"), fixture_url(page)
    drift = client.post("/api/v1/annotate", json={"url": url, "html": html_text}).get_json()["drift"]
    assert drift["note"].endswith(" " + SAID)
    assert "found no eligibility criteria" not in drift["note"]
    shown = _text(client.post("/check", data={"html": html_text, "url": url}))
    assert SAID in shown and "found no eligibility criteria" not in shown
    assert main(["check", str(page), "--url", url]) == 0
    out = capsys.readouterr().out
    assert f"\n{drift['headline']}\n{drift['note'].replace(UNASKED_OFFLINE, UNASKED_OFFLINE_CLI)}\n" in out


def _official() -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2026-03-01"}},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Age 18 or over\n\nExclusion Criteria:"
                                                     "\n\n* Pregnancy", "sex": "ALL"}}})


def test_notes_that_name_criteria_among_what_was_not_found_say_what_the_page_lists():
    """No status either: "found no status and no eligibility criteria it could read" was not true of such a page."""
    page = PageRecord(site="x.org", nct_id="NCT00000001", enrollment=40, criteria_unplaced=1)
    out = summarize(page, _official(), [], read=True)
    assert out["caveat"] == "little_compared"
    assert out["note"] == ("TrialLens found no status it could read on this page, so it compared only its number of "
                           "participants. " + NOTES["criterion_unplaced"])
    assert "one eligibility criterion without saying whether it is for joining" in out["note"]
    nothing = summarize(PageRecord(site="x.org", nct_id="NCT00000001", criteria_unplaced=4), _official(), [], read=True)
    assert nothing["reason"] == "nothing_to_compare"
    assert nothing["note"].startswith("Besides its eligibility criteria, TrialLens could read nothing on this page "
                                      "that it compares with ClinicalTrials.gov (status, dates, phase, number of "
                                      "participants, ages, sex, healthy volunteers, sponsor, kind of study, conditions "
                                      "studied), so it compared nothing. ")
    assert nothing["note"].endswith("This page lists 4 eligibility criteria without saying which are for joining and "
                                    "which rule people out, so TrialLens did not compare them: read them on "
                                    "ClinicalTrials.gov before you decide.")
    dated = summarize(PageRecord(site="x.org", nct_id="NCT00000001", as_of="2026-02", as_of_text="Feb 2026",
                                 criteria_unplaced=2), _official(), [], read=True)
    assert dated["note"].startswith("Besides its eligibility criteria, the only thing TrialLens could read on this "
                                    "page is when it was last updated")
    # (a page with none keeps its words)
    plain = summarize(PageRecord(site="x.org", nct_id="NCT00000001", enrollment=40), _official(), [], read=True)
    assert plain["note"] == NOTES["little_compared"].format(shown="its number of participants")


def test_the_published_schema_names_every_page_record_field(client):
    from dataclasses import fields

    schema = client.get("/openapi.json").get_json()["components"]["schemas"]["PageRecord"]
    assert {f.name for f in fields(PageRecord)} <= set(schema["properties"])
    assert schema["properties"]["criteria_unplaced"]["type"] == "integer"
