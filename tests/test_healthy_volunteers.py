"""Whether a trial takes healthy volunteers, as a page shows it and as the record says (review round 21, P7): a page
saying "Healthy Volunteers" for a patients-only trial sends healthy people to it."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import copy
import json
import re
from pathlib import Path

import pytest
from service_support import FakeRegistry, providers

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile.facts import check_facts
from scrapers.vocab import normalize_healthy_volunteers
from server import create_app

ROOT = Path(__file__).resolve().parents[1]
VEEVA_HTML = (ROOT / "fixtures" / "html" / "ctv.veeva.com" / "nct07041801_divs.html").read_text(encoding="utf-8")
VEEVA_URL = "https://ctv.veeva.com/study/treatment-of-systemic-lupus-erythematosus-with-human-umbilical-cord-mesenchymal-stem-cells"
RECORD = json.loads((SAVED_COPIES / "NCT07041801.json").read_text(encoding="utf-8"))


def _record(accepts: bool | None) -> OfficialRecord:
    data = copy.deepcopy(RECORD)
    el = data["protocolSection"]["eligibilityModule"]
    el.pop("healthyVolunteers", None)
    if accepts is not None:
        el["healthyVolunteers"] = accepts
    return OfficialRecord(data)


@pytest.mark.parametrize("text,expected", [
    ("Yes", True), ("No", False), ("No Healthy Volunteers", False), ("Healthy Volunteers", True),
    ("Accepts Healthy Volunteers", True), ("Accepts Healthy Volunteers: No", False), ("f", None), ("N/A", None),
    ("Healthy volunteers and patients with lupus", None), ("", None), (None, None),
])
def test_the_wordings_pages_use(text, expected):
    assert normalize_healthy_volunteers(text) is expected


# -- the site readers: the value under its label, or meddatax's bare value after the sex ---------------------------

VEEVA_PAGE = ("<h1>A trial</h1><p>Status and phase</p><p>Enrolling</p><p>Identifiers</p><p>NCT01234567</p>"
              "<h3>Sex</h3><p>All</p><h3>Ages</h3><p>18 to 65 years old</p>{volunteers}"
              "<h3>Inclusion criteria</h3><ul><li>Healthy Volunteers</li></ul>")


@pytest.mark.parametrize("volunteers,expected", [
    ("<h3>Volunteers</h3><p>Healthy Volunteers</p>", True),
    ("<h3>Volunteers</h3><p>No Healthy Volunteers</p>", False),
    ("<h3>Volunteers</h3>", None),    # an empty label is no value (a criterion below reads "Healthy Volunteers")
    ("", None),
])
def test_veeva_volunteers_row(volunteers, expected):
    rec = scrape_html(VEEVA_PAGE.format(volunteers=volunteers), "https://ctv.veeva.com/study/a-trial")
    assert rec.healthy_volunteers is expected


MEDDATAX_PAGE = ("<h1>A trial</h1><p>NCT ID: NCT01234567</p><h2>Eligibility Criteria</h2><h3>Inclusion Criteria</h3>"
                 "<ul><li>Adults with lupus</li></ul>{tail}<h2>Sponsors</h2><div>Some University</div>")


@pytest.mark.parametrize("tail,expected", [
    ("<div>18 Years</div><div>65 Years</div><div>ALL</div><div>Yes</div>", True),
    ("<div>18 Years</div><div>65 Years</div><div>ALL</div><div>No</div>", False),
    ("<div>18 Years</div><div>65 Years</div><div>ALL</div>", None),
    ("<div>Minimum Age</div><div>18 Years</div><div>Sex</div><div>ALL</div><div>Healthy Volunteers</div><div>Yes</div>",
     True),
])
def test_meddatax_tail(tail, expected):
    rec = scrape_html(MEDDATAX_PAGE.format(tail=tail), "https://meddatax.com/clinical-trials/NCT01234567")
    assert rec.healthy_volunteers is expected


@pytest.mark.parametrize("html,url", [
    ("<h1>A trial</h1><dl><dt>ClinicalTrials.gov ID</dt><dd>NCT01234567</dd><dt>Accepts Healthy Volunteers</dt>"
     "<dd>Yes</dd></dl>", "https://clinicaltrials.gov/study/NCT01234567"),
    ("<h1>A trial</h1><p>NCT01234567</p><p><span>Accepts Healthy Volunteers?</span> <span>Yes</span></p><h2>Details</h2>",
     "https://clinicaltrialexchange.com/trial/NCT01234567"),
    ("<h1>A trial</h1><table><tr><td>Accepts healthy volunteers</td><td>Yes</td></tr></table><p>NCT01234567</p>",
     "https://www.inclinicaltrials.com/lupus/NCT01234567/"),
    ("<h1>A trial</h1><p>Accepts Healthy Volunteers: Yes</p><p>NCT ID: NCT01234567</p>",
     "https://www.checkorphan.org/clinical-trials/NCT01234567"),
    ("<h1>A trial (NCT01234567)</h1><dl><dt>Gender</dt><dd>All</dd><dt>Healthy Volunteers</dt><dd>Yes</dd></dl>",
     "https://hospital.example.org/trials/NCT01234567"),
])
def test_labelled_readers(html, url):
    assert scrape_html(html, url).healthy_volunteers is True


# -- the finding ---------------------------------------------------------------------------------------------------

def _found(page_says, record_says):
    page = PageRecord(site="ctv.veeva.com", nct_id="NCT07041801", healthy_volunteers=page_says)
    return [f for f in check_facts(page, _record(record_says)) if f.field == "healthy_volunteers"]


def test_a_page_taking_healthy_volunteers_for_a_patients_only_trial_is_a_warning():
    (f,) = _found(True, False)
    assert (f.kind, f.severity) == ("fact_mismatch", "warning")
    # the card's rows quote both sides in words, never a bare true/false
    assert (f.page_value, f.official_value) == ("accepts healthy volunteers", "does not accept healthy volunteers")
    assert f.message == ("This page says the trial accepts healthy volunteers, but ClinicalTrials.gov says it does "
                         "not: only people with the condition it studies can join.")


def test_the_reverse_is_said_as_information():
    (f,) = _found(False, True)
    assert f.severity == "info"
    assert f.message.startswith("This page says the trial does not accept healthy volunteers, but ClinicalTrials.gov "
                                "says it does")


@pytest.mark.parametrize("page_says,record_says", [(True, True), (False, False), (None, False), (True, None)])
def test_agreement_or_silence_says_nothing(page_says, record_says):
    assert _found(page_says, record_says) == []


def test_what_a_reader_gets_from_the_api_and_the_html_page():
    """The Veeva fixture with its "Volunteers" row flipped: the API's finding and drift verdict, and the HTML page's
    words, say which side says what."""
    html = VEEVA_HTML.replace("No Healthy Volunteers", "Healthy Volunteers")
    assert html != VEEVA_HTML
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=providers(FakeRegistry(records={"NCT07041801": _record(False)})))
    client = app.test_client()
    a = client.post("/api/v1/annotate", json={"url": VEEVA_URL, "html": html}).get_json()
    assert a["page"]["healthy_volunteers"] is True
    f = next(x for x in a["drift"]["findings"] if x["field"] == "healthy_volunteers")
    assert f["severity"] == "warning" and f["page_value"] == "accepts healthy volunteers"
    assert a["drift"]["verdict"] == "differs", a["drift"]
    body = client.post("/check", data={"html": html, "url": VEEVA_URL}).get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#39;", "'")
    assert "This page says the trial accepts healthy volunteers, but ClinicalTrials.gov says it does not" in text
