"""False alarms on pages of unknown hosts that show a record's own criteria (generic12): a run-on number glued to a full
stop ("… molsidomine) .2. Patients …"), a record in parts that repeats its exclusion heading and wraps a part's heading
before its "Inclusion criteria", a site's label after criteria with no list of their own, and a note of the record's
that says "where". The pages are built as bench/generic_verbatim.py builds them."""

from conftest import SAVED_COPIES  # noqa: F401  (the demo records as saved copies: conftest.py)
from datetime import date

from bench.generic_verbatim import URL, page_html
from conftest import corpus_record
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._runon_numbered import split_numbered

TODAY = date(2026, 12, 7)
NCT = "NCT05486611"


def _page(body: str):
    return scrape_html(f"<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>A trial</h1>"
                       f"<p>NCT ID: {NCT}</p>{body}</main></body></html>", URL.format(nct=NCT))


def _alarms(record: dict, layout: str) -> list:
    p = record["protocolSection"]
    nct = p["identificationModule"]["nctId"]
    page = scrape_html(page_html(layout, nct, p["identificationModule"].get("briefTitle", ""),
                                 p["eligibilityModule"]["eligibilityCriteria"]), URL.format(nct=nct))
    return [f for f in reconcile(page, OfficialRecord(record), TODAY) if is_alarm(f) and f.severity != "info"]


def test_a_number_glued_to_a_full_stop_starts_the_next_item():
    # NCT00654914's "B) Concomitant Medication" paragraph, as the record's parser cuts it (criteria_runon._RUNON)
    assert split_numbered("B) Concomitant Medication 1. Patients who are taking nitrates (e.g. molsidomine) .2. "
                          "Patients who are taking anticoagulants. 3. Patients who are taking androgens.") == [
        "B) Concomitant Medication", "1. Patients who are taking nitrates (e.g. molsidomine) .",
        "2. Patients who are taking anticoagulants.", "3. Patients who are taking androgens."]
    assert split_numbered("1. Creatinine below 1.5 mg/dL.2. Adults aged 18 or over.") == [
        "1. Creatinine below 1.5 mg/dL.", "2. Adults aged 18 or over."]
    # never a decimal's digits
    assert split_numbered("1. Signed consent to protocol version 1.2. 2. Adults. 3. Able to walk.") == [
        "1. Signed consent to protocol version 1.2.", "2. Adults.", "3. Able to walk."]


def test_a_value_one_right_before_the_next_items_number_stays_in_its_item():
    # NCT02390960's item 19 (its number the page's list's, not the text's): before, cut at "Visit | 1. 20. …", the item
    # lost its "1" and drew a critical "differs in a time period and a number"
    assert split_numbered("Subject has a history of drug abuse within 1 year before Visit 1. 20. Subject has a history "
                          "of alcoholism. 21. Subject has a positive test.") == [
        "Subject has a history of drug abuse within 1 year before Visit 1.", "20. Subject has a history of alcoholism.",
        "21. Subject has a positive test."]
    # a page numbering every item twice is read as before
    assert split_numbered("Adults. 1. 1. Age 18 or over 2. 2. Male") == ["Adults.", "1. 1. Age 18 or over",
                                                                          "2. 2. Male"]


def test_nct00654914_own_text_draws_no_critical(shared_dir):
    # before: a critical "differs in a number" (the page's item held ".2", read as "0.2")
    assert _alarms(corpus_record(shared_dir, "NCT00654914"), "md") == []
