"""A line standing where a page's criteria would be, saying where they are instead ("See eligibility on sponsor site",
"Sign in to view the full eligibility criteria."): no criterion. Counted as one, the card's note said "It found only 0
of the 10 requirements for joining on this page" and a finding called the line "the one it shows" (review round 10,
P11). The page shows no criteria, and the card says so as it does for a page showing them as an image."""

from __future__ import annotations

import pytest
from service_support import FakeRegistry, providers

from conftest import FIXTURES
from scrapers import scrape_html
from scrapers.registry import load_demo_record
from server import create_app

MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"
URL = "https://meddatax.com/clinical-trials/NCT07232563"
PLACEHOLDERS = ["<p>See eligibility on sponsor site</p>", "<p>Sign in to view the full eligibility criteria.</p>",
                "<p>Eligibility criteria not available.</p>",
                "<h3>Inclusion Criteria</h3><p>Please contact the study team for eligibility details.</p>"
                "<h3>Exclusion Criteria</h3><p>Please contact the study team for eligibility details.</p>"]


def _with_criteria(html_block: str) -> str:
    src = MEDDATAX.read_text(encoding="utf-8")
    start, end = src.index("<h3>Inclusion Criteria</h3>"), src.index("<dl><dt>Minimum Age</dt>")
    return src[:start] + html_block + src[end:]


@pytest.mark.parametrize("block", PLACEHOLDERS)
def test_a_placeholder_is_no_criterion(block):
    page = scrape_html(_with_criteria(block), URL)
    assert (page.inclusion, page.exclusion, page.criteria_truncated) == ([], [], False)
    rec = load_demo_record("NCT07232563")
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                     providers=providers(FakeRegistry(records={rec.nct_id: rec})))
    drift = app.test_client().post("/api/v1/annotate", json={"url": URL, "html": _with_criteria(block)}).get_json()["drift"]
    assert "TrialLens found no eligibility criteria it could read on this page, so it did not check who can " in drift["note"]
    said = " ".join([drift["note"]] + [f["message"] for f in drift["findings"]])
    assert "only 0" not in said and "it shows" not in said


@pytest.mark.parametrize("line", ["Contact with bodily fluids of infected animals", "See criteria above for age",
                                  "Not available for follow-up visits", "Patients who signed in to the registry"])
def test_a_criterion_that_only_starts_like_a_placeholder_is_kept(line):
    page = scrape_html(_with_criteria(f"<h3>Inclusion Criteria</h3><p>* {line}</p>"), URL)
    assert page.inclusion == [line]
