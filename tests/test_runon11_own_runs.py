"""A site that is not CheckOrphan printing a legacy record's own run-on paragraphs ("PATIENT CHARACTERISTICS: Age: 18
and over Performance status: ECOG 0-2 Life expectancy: Greater than 3 months Hematopoietic: …") as one item each
draws no criteria alarm (review r54 F2: NCT00002998's critical "differs in a number"); a figure changed, a "not"
dropped or a block left out on such a page is still said (reconcile/own_runs.py). Pages built as
bench/paragraph_pages.py builds them (meddatax's layout, the record's markdown rendered)."""

from datetime import date

import pytest

from bench.paragraph_pages import URL, page_html
from conftest import corpus_record
from scrapers import scrape_html
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 12, 7)
# r54 F2's pages: "differs in a number" (NCT00002998), "… and a 'not'" (NCT00002742), "leaves out 'Not specified'"
# (NCT00002812, NCT00003239), and the other critical ones it names
CASES = ("NCT00002998", "NCT00002742", "NCT00003368", "NCT00002576", "NCT00003150", "NCT00003840", "NCT00002812",
         "NCT00003239")


def _criteria(record: dict) -> str:
    return unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])


def _alarms(record: dict, criteria: str) -> list:
    official = OfficialRecord(record)
    page = scrape_html(page_html(official.nct_id, "A trial", "COMPLETED", criteria), URL.format(n=official.nct_id))
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity != "info"
            and f.field.startswith(("inclusion", "exclusion", "criteria"))]


@pytest.mark.parametrize("nct_id", CASES)
def test_a_page_printing_the_records_own_paragraphs_draws_no_criteria_alarm(shared_dir, nct_id):
    record = corpus_record(shared_dir, nct_id)
    found = _alarms(record, _criteria(record))
    assert not found, [(f.kind, f.message[:160]) for f in found]


def test_a_changed_figure_inside_a_paragraph_is_still_critical(shared_dir):
    record = corpus_record(shared_dir, "NCT00002998")
    criteria = _criteria(record)
    assert "ECOG 0-2 Life expectancy:\nGreater than 3 months" in criteria
    found = _alarms(record, criteria.replace("Greater than 3 months", "Greater than 2 months"))
    assert any(f.kind == "criterion_changed" and f.severity == "critical" for f in found), \
        [(f.kind, f.message[:160]) for f in found]


def test_a_dropped_not_inside_a_paragraph_is_still_said(shared_dir):
    record = corpus_record(shared_dir, "NCT00002998")
    criteria = _criteria(record)
    assert "Not pregnant or nursing" in criteria
    found = _alarms(record, criteria.replace("Not pregnant or nursing", "Pregnant or nursing"))
    assert any(f.kind == "criterion_changed" and "not" in f.message for f in found), \
        [(f.kind, f.message[:160]) for f in found]


def test_a_paragraph_left_out_is_still_said(shared_dir):
    record = corpus_record(shared_dir, "NCT00002998")
    criteria = _criteria(record)
    block = next(b for b in criteria.split("\n\n") if b.startswith("PRIOR CONCURRENT THERAPY"))
    found = _alarms(record, criteria.replace(block, ""))
    assert any(f.kind == "criterion_missing" for f in found), [(f.kind, f.message[:160]) for f in found]


def _official(text: str) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def test_each_paragraph_of_the_record_shown_as_one_item_draws_nothing():
    """Not even an info "words a requirement as …": each page item is the record's own paragraph, word for word."""
    criteria = ("DISEASE CHARACTERISTICS: Histologically confirmed metastatic breast cancer\n\n"
                "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2 Life expectancy:\n"
                "Greater than 3 months Hematopoietic: WBC at least 3500/mm3 Hepatic: Bilirubin no greater than 2.0 "
                "mg/dL\nRenal: Creatinine no greater than 2.0 mg/dL")
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864",
                      inclusion=[" ".join(block.split()) for block in criteria.split("\n\n")])
    found = [f for f in reconcile(page, _official(criteria), TODAY) if is_alarm(f)]
    assert not found, [(f.kind, f.message) for f in found]


def test_a_sign_turned_inside_a_paragraph_is_still_critical():
    """"Ph+" and "Ph-" are the same words: a block is the record's only sign for sign (review round 25, J5)."""
    criteria = ("DISEASE CHARACTERISTICS: Histologically confirmed Ph+ CML in chronic phase\n\n"
                "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2")
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864",
                      inclusion=["DISEASE CHARACTERISTICS: Histologically confirmed Ph- CML in chronic phase",
                                 "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2"])
    found = [f for f in reconcile(page, _official(criteria), TODAY) if is_alarm(f) and f.severity == "critical"]
    assert [f.kind for f in found] == ["criterion_changed"], [(f.kind, f.message) for f in found]
