"""CheckOrphan pages whose run-together criteria are the record's own text draw no alarm (review r51 #3, #10: 22 of
499 such pages drew a critical "criterion changed", 133 warnings), and a figure changed on such a page still does.
The pages are built as bench/runon_verbatim.py builds them (fixtures/html/checkorphan.org's layout: one
"Eligibility Criteria:" paragraph, "*" bullets shown as " - ")."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
from datetime import date

import pytest

from bench.runon_verbatim import URL, page_html
from scrapers import scrape_html
from scrapers.criteria import unescape_markdown
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.run_on_words import said_of_run_on

from conftest import corpus_record

TODAY = date(2026, 12, 7)

# r51's cases: a figure read as a list marker (NCT00001630), a range's dash as a bullet (NCT00001686), a colonless
# legacy heading and lead-in read with the whole list as one item (NCT00004852, NCT00000945, NCT00002078), a word
# fragment read as an item (NCT05160233, NCT00001582), inline "1. … 2. …" said to be merged (NCT00001922), a heading
# run into the last item after a dash (NCT00006253), a sign the record escapes twice ("\\&#8805;", NCT00657033)
CASES = ("NCT00001630", "NCT00001686", "NCT00004852", "NCT00000945", "NCT00002078", "NCT05160233", "NCT00001582",
         "NCT00001922", "NCT00006253", "NCT00657033")


def _alarms(record: dict, criteria: str) -> list:
    official = OfficialRecord(record)
    page = scrape_html(page_html(official.nct_id, "A trial", "", criteria), URL)
    return [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.field != "status"]


@pytest.mark.parametrize("nct_id", CASES)
def test_a_checkorphan_page_showing_the_records_own_criteria_draws_no_alarm(shared_dir, nct_id):
    record = corpus_record(shared_dir, nct_id)
    criteria = unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    found = _alarms(record, criteria)
    assert not found, [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("nct_id, old, new", [
    ("NCT00001630", "greater than 1.", "greater than 2."),
    ("NCT00001686", "2 years - 40 years", "2 years - 45 years"),
    ("NCT00004852", "Are 18 years of age or older", "Are 16 years of age or older"),
    ("NCT00006253", "21 years of age or older", "25 years of age or older"),
])
def test_a_figure_changed_on_a_run_together_page_is_still_an_alarm(shared_dir, nct_id, old, new):
    record = corpus_record(shared_dir, nct_id)
    criteria = unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    assert criteria.count(old) == 1
    found = _alarms(record, criteria.replace(old, new))
    assert found, "the changed figure went unsaid"
    assert any(new.split()[-2] in f.page_value or new.split()[-2] in str(f.evidence.get("page_texts"))
               for f in found), [(f.kind, f.page_value) for f in found]


def test_an_item_left_out_of_a_run_together_page_is_still_said(shared_dir):
    record = corpus_record(shared_dir, "NCT00006253")
    criteria = unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    assert "does not speak" in criteria
    found = _alarms(record, criteria.replace("  -  does not speak English\n\n", ""))
    assert [f.kind for f in found] == ["criterion_missing"]
    assert found[0].evidence["official_texts"] == ["does not speak English"]


def test_only_run_together_sites_have_their_cuts_forgiven():
    """A site that shows each item apart (meddatax) merging two of the record's items is a page that runs them
    together, whatever its words: its warning stays."""
    from scrapers.model import PageRecord
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Adults aged 18 to 65 years\n"
                                                     "* Able to give written consent\n\nExclusion Criteria:\n\n"
                                                     "* Pregnancy\n* Prior surgery"}}})
    merged = dict(inclusion=["Adults aged 18 to 65 years Able to give written consent"],
                  exclusion=["Pregnancy", "Prior surgery"])
    elsewhere = PageRecord(site="meddatax.com", nct_id="NCT01774864", **merged)
    run_on = PageRecord(site="checkorphan.org", nct_id="NCT01774864", **merged)
    said = [f for f in reconcile(elsewhere, official, TODAY) if is_alarm(f)]
    assert [f.kind for f in said] == ["criteria_merged"]
    assert said_of_run_on(said, run_on, official) == []
    assert said_of_run_on(said, elsewhere, official) == said


def test_a_capture_cut_after_a_few_words_is_not_read_as_the_other_lists_item():
    """dev.jsonl #14 (ClinConnect, NCT06427642) stops in the inclusion list at "For children with", words that start
    items of both lists: paired with the exclusions' "For children with BPD:", the page was said to leave out "For
    children with HIE: unable or unwilling …" of a list it does not show (review r51 #9)."""
    import json
    from pathlib import Path
    from scrapers.model import PageRecord
    root = Path(__file__).resolve().parents[1]
    official = OfficialRecord(json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8")))
    shown = [line[2:] for line in official.eligibility_criteria.split("\n") if line.startswith("* ")][:2]
    page = PageRecord(site="clinconnect.io", nct_id="NCT06427642", inclusion=shown + ["For children with"])
    found = [f for f in reconcile(page, official, TODAY) if f.field.endswith("_criteria")]
    assert not [f for f in found if is_alarm(f)], [f.message for f in found if is_alarm(f)]
    assert {f.kind for f in found} == {"criteria_list_not_shown", "criteria_incomplete"}


def test_a_short_item_left_out_is_not_found_in_other_words_of_the_list(shared_dir):
    """NCT00462605's "Untreated ALL" left out of a run-together page: its two words read in "… untreated. All …" once
    the page's stops are gone, and the left-out warning was dropped; a few words said left out must stand alone."""
    record = corpus_record(shared_dir, "NCT00462605")
    criteria = unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    assert criteria.count("  -  Untreated ALL\n") == 1
    found = _alarms(record, criteria.replace("  -  Untreated ALL\n", "", 1))
    assert [f.kind for f in found] == ["criterion_missing"]
    assert "Untreated ALL" in found[0].message
