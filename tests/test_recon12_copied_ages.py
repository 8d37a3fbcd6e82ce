"""An age a page words as the record's own criteria do is no page error (recon12, reconcile/copied_ages.py): records
whose criteria state other ages than their own age fields drew a critical on a page printing those criteria. The pages
are built as bench/generic_verbatim.py builds them; a changed age is still critical."""

from __future__ import annotations

import copy
import gzip
import json

import pytest

from conftest import SAVED_COPIES  # noqa: F401  (the demo records as saved copies: conftest.py)
from conftest import SHARED
from bench.generic_verbatim import URL, page_html
from verbatim_support import TODAY, own_text_alarms
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.copied_ages import copies_record, own_age_wordings

# the 13 corpus records whose own page drew an age critical before (every record with criteria as its md page)
SELF_CONTRADICTING = ("NCT00002718", "NCT00003458", "NCT00003476", "NCT00003568", "NCT00004278", "NCT00004690",
                      "NCT00004696", "NCT00004757", "NCT00004799", "NCT00004833", "NCT00005879", "NCT00006024",
                      "NCT00006273")


@pytest.fixture(scope="module")
def records() -> dict:
    """SELF_CONTRADICTING's records, read in one pass of the corpus (as conftest.corpus_record reads one)."""
    base, out = SHARED / "data" / "ctgov", {}
    for path, opener in ((base / "studies_v2.jsonl", open), (base / "studies_legacy_xml_as_v2.jsonl.gz", gzip.open)):
        if path.exists():
            with opener(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if any(f'"{n}"' in line for n in SELF_CONTRADICTING):
                        d = json.loads(line)
                        out.setdefault(d["protocolSection"]["identificationModule"]["nctId"], d)
    if len(out) < len(SELF_CONTRADICTING):
        pytest.skip("the shared corpus lacks some of these records")
    return out


def _ages(findings) -> list:
    return [f for f in findings if f.field in ("min_age", "max_age") and f.severity != "info"]


@pytest.mark.parametrize("layout", ["md", "h3", "div", "label"])
@pytest.mark.parametrize("nct", SELF_CONTRADICTING)
def test_the_records_own_age_words_draw_no_age_alarm(records, nct, layout):
    # before: e.g. NCT00003458 "This page gives the maximum age as 17 years, but ClinicalTrials.gov says 18 years."
    assert _ages(own_text_alarms(records[nct], layout)) == []


def _criteria_page(record: dict, criteria: str, layout: str = "md") -> list:
    """The alarms on a page of `layout` printing `criteria` for `record` (whose own criteria stay as they are)."""
    nct = record["protocolSection"]["identificationModule"]["nctId"]
    page = scrape_html(page_html(layout, nct, "A trial", criteria), URL.format(nct=nct))
    return [f for f in reconcile(page, OfficialRecord(record), TODAY) if is_alarm(f) and f.severity != "info"]


@pytest.mark.parametrize("layout", ["md", "div"])
def test_a_changed_age_on_such_a_page_is_still_critical(records, layout):
    rec = records["NCT00003458"]   # criteria "Age: 6 months to 17 years", maximum field 18 years
    criteria = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    assert "6 months to 17 years" in criteria
    found = _ages(_criteria_page(rec, criteria.replace("6 months to 17 years", "6 months to 12 years"), layout))
    assert [(f.severity, f.field, f.page_value) for f in found] == [("critical", "max_age", "6 months to 12 years")]
    rec = records["NCT00005879"]   # criteria "Age: 18 and over", fields 18 to 65 years
    criteria = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    found = _ages(_criteria_page(rec, criteria.replace("18 and over", "21 and over", 1), layout))
    assert ("critical", "min_age") in [(f.severity, f.field) for f in found]


def test_the_wording_must_be_the_records_signs_and_all(records):
    own = own_age_wordings(OfficialRecord(records["NCT00004799"]))   # "Age: Under 3 months"
    assert copies_record("Under 3 months", own) and copies_record("Age: under  3 months.", own)
    assert not copies_record("Under 4 months", own) and not copies_record("Over 3 months", own)
    assert not copies_record("", own)
    rec = copy.deepcopy(records["NCT00005879"])
    rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = (
        "Inclusion Criteria:\n\n* Age: \\> 18 years\n\nExclusion Criteria:\n\n* Age: 18 and over with heart failure\n"
        "* Age under 12 years")
    own = own_age_wordings(OfficialRecord(rec))
    assert copies_record("> 18 years", own) and copies_record("Age: \\> 18 years", own)
    assert not copies_record("< 18 years", own)
    # an exclusion item is no wording of the participant's limits
    assert not copies_record("Age under 12 years", own) and not copies_record("18 and over with heart failure", own)


def test_a_page_field_of_its_own_is_still_compared(records):
    # NCT00005879's own criteria say "Age: 18 and over"; a page whose age field (not its criteria) says "18 Years to
    # 70 Years" gives words of its own: its maximum is compared with the record's 65 years
    rec = records["NCT00005879"]
    nct = rec["protocolSection"]["identificationModule"]["nctId"]
    crit = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    head = "<h2>Eligibility Criteria</h2>"
    html = page_html("md", nct, "A trial", crit).replace(head, "<p>Ages: 18 Years to 70 Years</p>" + head)
    page = scrape_html(html, URL.format(nct=nct))
    assert page.max_age is not None and page.max_age.value == 70
    found = _ages([f for f in reconcile(page, OfficialRecord(rec), TODAY) if is_alarm(f)])
    assert [(f.severity, f.field) for f in found] == [("critical", "max_age")]


def test_a_bare_figure_of_the_record_vouches_for_no_side(records):
    # the record's "Age: 18 years" gives no side: a page's maximum "18 years" (its own label says maximum) is compared
    rec = copy.deepcopy(records["NCT00005879"])   # fields 18 to 65 years
    crit = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = crit.replace("18 and over", "18 years", 1)
    own = own_age_wordings(OfficialRecord(rec))
    assert "18years" in own and "age:18years" in own
    for said in ("18 years", "18 Years.", "Age: 18 years", "18"):
        assert not copies_record(said, own)
    nct = rec["protocolSection"]["identificationModule"]["nctId"]
    head = "<h2>Eligibility Criteria</h2>"
    html = page_html("md", nct, "A trial", crit.replace("18 and over", "18 years", 1)).replace(
        head, "<p>Minimum age: 18 years</p><p>Maximum age: 18 years</p>" + head)
    page = scrape_html(html, URL.format(nct=nct))
    assert page.max_age is not None and page.max_age.value == 18
    found = _ages([f for f in reconcile(page, OfficialRecord(rec), TODAY) if is_alarm(f)])
    assert [(f.severity, f.field) for f in found] == [("critical", "max_age")]
