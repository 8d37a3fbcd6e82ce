"""A status or date no page was read for (typed into the look-up form, or given to the API's drift) is said as the
claim's, not as a page's: "This page says "Recruiting"" put words in the mouth of a page TrialLens never read (review
r23 leftovers #1). A page TrialLens read keeps "This page says"."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from service_support import (MEDDATAX_HTML, MEDDATAX_URL, FakeRegistry, providers, record, section_text,
                             shipped_offline_client)

from server import create_app


@pytest.fixture(scope="module")
def live():
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING"),
                                "NCT00000002": record("NCT00000002", "NOT_YET_RECRUITING")})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()


@pytest.fixture(scope="module")
def offline():
    return shipped_offline_client(Path(tempfile.mkdtemp()))


def findings_text(resp) -> str:
    said = section_text(resp, "page-findings")
    assert said, "no page findings"
    return said


def messages(resp) -> list[str]:
    return [f["message"] for f in resp.get_json()["drift"]["findings"] if f["about"] == "page"]


def test_the_look_up_form_says_what_the_person_entered(live):
    said = findings_text(live.get("/trials/NCT00000001?status=Completed&as_of=2023-01"))
    assert 'You entered "Completed", but ClinicalTrials.gov says the trial is "recruiting".' in said
    assert ("You entered that the page was last updated in Jan 2023, but this trial's ClinicalTrials.gov record was "
            "updated on 18 Nov 2025, over 2 years later, so the page may miss recent changes.") in said
    assert "This page says" not in said and "this page may" not in said


def test_the_api_says_what_was_given(live):
    got = messages(live.get("/api/v1/trials/NCT00000001/drift?status=Completed&as_of=2023-01-05"))
    assert 'The status given is "Completed", but ClinicalTrials.gov says the trial is "recruiting".' in got
    assert any(m.startswith("The last-updated date given is 5 Jan 2023, but") for m in got)
    unknown = messages(live.get("/api/v1/trials/NCT00000001/drift?status=Frobbing"))
    assert unknown == ['TrialLens could not compare the status given, "Frobbing", with ClinicalTrials.gov, which says '
                       '"recruiting".']
    batch = live.post("/api/v1/drift", json={"items": [{"nct_id": "NCT00000001", "status": "Closed"}]}).get_json()
    assert batch["results"][0]["drift"]["findings"][0]["message"].startswith('The status given is "Closed", but')


def test_against_a_saved_copy_the_note_and_finding_say_it_too(offline):
    resp = offline.get("/trials/NCT07232563?status=Recruiting")
    said = findings_text(resp)
    assert said.endswith("so the record may have changed since and the page may be right.")
    assert 'You entered "Recruiting", but TrialLens\'s saved copy' in said
    api = offline.get("/api/v1/trials/NCT07232563/drift?status=Recruiting").get_json()["drift"]
    assert "Where what was given differs from its saved copy" in api["note"]
    assert "this page" not in api["note"]


def test_a_page_read_keeps_its_own_words(live):
    reg = FakeRegistry(records={"NCT07232563": record("NCT07232563", "COMPLETED")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()
    got = client.post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    status = [f["message"] for f in got["drift"]["findings"] if f["kind"] == "status_drift"]
    assert status and status[0].startswith('This page says "')
