"""A record with no eligibility criteria at all (a withheld record, NCT03182660, has no eligibility module): the page
said "A summary, not every rule: the full list below has them all." over nothing, and `triallens explain` printed
"pregnancy: not mentioned as an exclusion", which reads as "pregnancy is fine" (review r23 #14). Both now say the
record gives no criteria, and make no at-a-glance claim drawn from criteria."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from service_support import BUNDLED, FakeRegistry, providers
from test_service_pages import section, text

from scrapers.model import OfficialRecord
from server import cli, create_app
from server.explain import explain

WITHHELD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT03182660",
                             "briefTitle": "[Trial of device that is not approved or cleared by the U.S. FDA]"},
    "statusModule": {"overallStatus": "WITHHELD", "lastUpdatePostDateStruct": {"date": "2017-06-22", "type": "ACTUAL"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "[Redacted]"}}}}


def _no_criteria_text() -> OfficialRecord:
    """The bundled record with its ages and sex but no criteria text."""
    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["identificationModule"]["nctId"] = "NCT00000005"
    data["protocolSection"]["eligibilityModule"].pop("eligibilityCriteria")
    return OfficialRecord(data)


@pytest.fixture()
def client():
    reg = FakeRegistry(records={"NCT03182660": OfficialRecord(copy.deepcopy(WITHHELD)),
                                "NCT00000005": _no_criteria_text()})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg, explain=explain)).test_client()


def test_a_withheld_record_says_it_gives_no_criteria(client):
    resp = client.get("/trials/NCT03182660")
    assert resp.status_code == 200
    assert section(resp, "no-criteria") == "ClinicalTrials.gov gives no eligibility criteria for this trial."
    page = resp.get_data(as_text=True)
    assert 'id="glance-partial"' not in page and 'id="glance"' not in page
    assert "the full list below" not in text(resp)


def test_a_record_without_criteria_text_keeps_its_ages_but_promises_no_list(client):
    resp = client.get("/trials/NCT00000005")
    assert section(resp, "no-criteria") == "ClinicalTrials.gov gives no eligibility criteria for this trial."
    assert 'id="glance-partial"' not in resp.get_data(as_text=True)
    glance = section(resp, "glance")
    assert glance.startswith("Age ") and "Pregnancy" not in glance


def test_a_saved_copy_without_criteria_says_whose_it_is():
    reg = FakeRegistry(records={"NCT03182660": OfficialRecord(copy.deepcopy(WITHHELD))}, stale=True)
    resp = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                      providers=providers(reg, explain=explain)).test_client().get("/trials/NCT03182660")
    assert section(resp, "no-criteria") == ("TrialLens's saved copy of the record (10 Jan 2026) gives no eligibility "
                                            "criteria for this trial: the official record on ClinicalTrials.gov may "
                                            "be newer.")
    assert 'id="criteria-source"' not in resp.get_data(as_text=True)


def test_a_record_with_criteria_still_promises_the_full_list():
    reg = FakeRegistry(records={"NCT07232563": OfficialRecord(copy.deepcopy(BUNDLED))})
    resp = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                      providers=providers(reg, explain=explain)).test_client().get("/trials/NCT07232563")
    assert 'id="no-criteria"' not in resp.get_data(as_text=True)
    assert section(resp, "glance-partial").endswith("the full list below has them all.")


def test_cli_explain_makes_no_not_mentioned_claim(tmp_path: Path, capsys):
    path = tmp_path / "NCT03182660.json"
    path.write_text(json.dumps(WITHHELD), encoding="utf-8")
    assert cli.main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "not mentioned" not in out and "pregnancy" not in out
    assert "The record gives no eligibility criteria for this trial." in out


def test_a_sex_but_no_ages_sends_no_one_to_a_list():
    """With no criteria the age row said "See the full list below (…)" over nothing; it says the record gives none."""
    data = _no_criteria_text().data
    for key in ("minimumAge", "maximumAge"):
        data["protocolSection"]["eligibilityModule"].pop(key, None)
    reg = FakeRegistry(records={"NCT00000005": OfficialRecord(data)})
    resp = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                      providers=providers(reg, explain=explain)).test_client().get("/trials/NCT00000005")
    assert section(resp, "glance").startswith("Age ClinicalTrials.gov gives no age range for this trial Sex ")
    assert "the full list below" not in text(resp)
