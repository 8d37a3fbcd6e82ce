"""A record whose status ClinicalTrials.gov withholds (WITHHELD: a device trial not yet approved or cleared, its record
not public) backs no status alarm. A page saying "Recruiting" about one was headed red "ClinicalTrials.gov says this
trial is not recruiting", with a critical "so it is not taking new participants" (status3's finding): the record says
no such thing. The page's status is reported as not checked, and why."""

from __future__ import annotations

import pytest

from server import create_app
from tests.service_support import FakeRegistry, page_url, providers, record, trial_page

WITHHELD = "NCT03182660"   # (the corpus's one withheld record: NCT03182660, "[Trial of device that is not approved …]")


@pytest.fixture
def client():
    registry = FakeRegistry(records={WITHHELD: record(WITHHELD, "WITHHELD")})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(registry)).test_client()


@pytest.mark.parametrize("shown", ["Recruiting", "Not yet recruiting", "Completed", "Terminated"])
def test_a_page_status_beside_a_withheld_one_is_not_checked_and_raises_no_alarm(client, shown):
    body = client.post("/api/v1/annotate", json={"url": page_url(WITHHELD), "html": trial_page(WITHHELD, shown)})
    drift = body.get_json()["drift"]
    assert [(f["kind"], f["severity"]) for f in drift["findings"] if f["field"] == "status"] == [("cannot_compare",
                                                                                                   "info")]
    status = next(f for f in drift["findings"] if f["field"] == "status")
    assert status["message"] == (f'TrialLens could not check this page\'s status, "{shown}": ClinicalTrials.gov '
                                 "withholds this trial's status (its record is not public yet), so it neither confirms "
                                 "nor contradicts it. Ask the study team whether it is taking participants.")
    assert drift["state"] != "drifted" and drift["verdict"] != "not_recruiting"
    assert "not recruiting" not in drift["headline"]


def test_the_drift_check_for_callers_says_the_same(client):
    drift = client.get(f"/api/v1/trials/{WITHHELD}/drift?status=Recruiting").get_json()["drift"]
    assert drift["state"] != "drifted" and drift["verdict"] != "not_recruiting"
    assert not any(f["severity"] == "critical" for f in drift["findings"])
