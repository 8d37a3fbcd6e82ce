"""Run-on numbered criteria with a gap (review round 8, S1): a page that leaves one item out of
TrialFinderData's "Original Eligibility Criteria" paragraph ("… 4. … 6. … 7. …") must still be
read item by item, or every later item is glued onto one and reconcile reports reasons "run
together", "left out" items the page shows and a garbled "differs in its meaning"."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date
from html import escape
from pathlib import Path

import pytest

from scrapers import scrape_html
from scrapers.criteria import unescape_markdown
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.sites._runon_numbered import split_numbered

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
URL = "https://www.trialfinderdata.org/trial/NCT07635758"
EXPECTED = json.loads(PAGE.with_suffix(".json").read_text(encoding="utf-8"))
TODAY = date(2026, 11, 22)
ORIGINAL = "<h2>Original Eligibility Criteria</h2>"


def _without_exclusion(n: int) -> tuple[str, str]:
    """The fixture page with exclusion item `n` taken out of its run-on paragraph (its number
    goes with it, as a site dropping it shows), and the item's text."""
    item = EXPECTED["exclusion"][n - 1]
    head, tail = PAGE.read_text(encoding="utf-8").split(ORIGINAL)
    shown = escape(item) + " "
    assert tail.count(shown) == 1, item
    return head + ORIGINAL + tail.replace(shown, "", 1), item


# the reviewer's variants: exclusion 2, 8 and 15, and 5 (so that 4 is followed by 6, whose
# "any of the following: 1. … 6." list holds the missing 5)
VARIANTS = {"s_item2_out": 2, "s_item8_out": 8, "s_item15_out": 15, "label_item_out": 5, "s_item4_out": 4}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_run_on_page_missing_an_item_is_read_as_the_page_shows_it(name):
    html, item = _without_exclusion(VARIANTS[name])
    rec = scrape_html(html, URL)
    assert rec.inclusion == EXPECTED["inclusion"]
    assert rec.exclusion == [x for x in EXPECTED["exclusion"] if x != item]


@pytest.mark.parametrize("name", VARIANTS)
def test_a_run_on_page_missing_an_item_gets_only_the_left_out_finding(name):
    official = OfficialRecord(json.loads((SAVED_COPIES / "NCT07635758.json").read_text(encoding="utf-8")))
    html, item = _without_exclusion(VARIANTS[name])
    findings = reconcile(scrape_html(html, URL), official, TODAY)
    assert [f.kind for f in findings] == ["criterion_missing"], [f.message for f in findings]
    # "5. History of brain tumor … except: a) …" is the record's item with its five exceptions
    left_out = unescape_markdown(item.split(". ", 1)[1].split(" a) ")[0])
    assert findings[0].evidence["official_texts"][0] == left_out


def test_the_top_level_may_skip_one_to_three_numbers():
    assert split_numbered("1. Adults 2. Consent 4. Pregnant 5. Stroke") == [
        "1. Adults", "2. Consent", "4. Pregnant", "5. Stroke"]
    assert split_numbered("1. A 2. B 5. E 6. F") == ["1. A", "2. B", "5. E", "6. F"]
    # three in a row left out: before, "2. B 6. F 7. G" and every item after it read as one
    assert split_numbered("1. A 2. B 6. F 7. G") == ["1. A", "2. B", "6. F", "7. G"]
    # the page's last item: an item that starts with a capital, after a gap of one to three
    assert split_numbered("1. Adults 2. Consent 4. Pregnant") == ["1. Adults", "2. Consent", "4. Pregnant"]
    assert split_numbered("1. Adults 2. Consent 6. Pregnant") == ["1. Adults", "2. Consent", "6. Pregnant"]
    # not four, nor a last item in lower case (it may be the item's own words)
    assert split_numbered("1. A 2. B 7. G 8. H") == ["1. A", "2. B 7. G 8. H"]
    assert split_numbered("1. Adults 2. Consent 7. Pregnant") == ["1. Adults", "2. Consent 7. Pregnant"]
    assert split_numbered("1. adults 2. consent 4. pregnant") == ["1. adults", "2. consent 4. pregnant"]
    # a last item after a gap of two whose skipped number is in the item's text stays as written: that "4." may
    # be the left-out item after all
    assert split_numbered("1. Adults 2. Protocol version 4. Signed 5. Pregnant") == [
        "1. Adults", "2. Protocol version 4. Signed 5. Pregnant"]


def test_a_run_on_page_missing_three_items_in_a_row_is_read_as_the_page_shows_it():
    """Exclusions 8, 9 and 10 left out of NCT07635758's paragraph ("7. … 11. …"): the page's items are read one by
    one, and reconcile reports those three as left out and nothing else (before, items 7 and 11 to the end read
    as one, and reconcile found them "run together" and the rest "left out")."""
    html = PAGE.read_text(encoding="utf-8")
    head, tail = html.split(ORIGINAL)
    gone = EXPECTED["exclusion"][7:10]
    for item in gone:
        shown = escape(item) + " "
        assert tail.count(shown) == 1, item
        tail = tail.replace(shown, "", 1)
    rec = scrape_html(head + ORIGINAL + tail, URL)
    assert rec.exclusion == [x for x in EXPECTED["exclusion"] if x not in gone]
    official = OfficialRecord(json.loads((SAVED_COPIES / "NCT07635758.json").read_text(encoding="utf-8")))
    findings = reconcile(rec, official, TODAY)
    assert [f.kind for f in findings] == ["criterion_missing"] * 3, [f.message for f in findings]


def test_a_list_nested_after_a_colon_holds_the_number_the_top_level_skips():
    assert split_numbered("4. Seizure 6. History of any of the following: 1. A 2. B 3. C 4. D 5. E 6. F "
                          "7. Surgery") == [
        "4. Seizure", "6. History of any of the following: 1. A 2. B 3. C 4. D 5. E 6. F", "7. Surgery"]
    # the top level resumes at the number that breaks the nested run
    assert split_numbered("5. a 6. Any of: 1. x 2. y 3. z 8. Surgery 9. Illness") == [
        "5. a", "6. Any of: 1. x 2. y 3. z", "8. Surgery", "9. Illness"]
    # a list nested without a colon still holds its numbers: the "2." after it is the next item,
    # and its "3." is no skip (NCT00003878)
    assert split_numbered("1. Brain metastases 1. Solitary mass OR 2. Two lesions 3. Accessible 4. Distinct "
                          "2. No prior neoplasm 3. Adults") == [
        "1. Brain metastases 1. Solitary mass OR 2. Two lesions 3. Accessible 4. Distinct", "2. No prior neoplasm",
        "3. Adults"]


def test_a_nested_run_that_reaches_the_parents_next_number_stays_nested_when_the_parent_resumes():
    """NCT00090376: "2. … defined as: 1. Gleason … 2. PSA … 3. <=T2a stage disease 3. Motivated
    males": the first "3." is the nested list's, the second the item's."""
    assert split_numbered("1. Prostate carcinoma 2. Localized prostate cancer is defined as: 1. Gleason score <=7 "
                          "2. PSA <=10 3. <=T2a stage disease 3. Motivated males 4. Erectile function") == [
        "1. Prostate carcinoma", "2. Localized prostate cancer is defined as: 1. Gleason score <=7 2. PSA <=10 "
        "3. <=T2a stage disease", "3. Motivated males", "4. Erectile function"]
    # a nested run that goes on to the end leaves the parent's next number the item, as before (NCT07635758)
    assert split_numbered("6. Any of the following: 1. a 2. b 3. c 4. d 5. e 6. f 7. Surgery 8. Illness, including: "
                          "1. x 2. y 9. Last") == [
        "6. Any of the following: 1. a 2. b 3. c 4. d 5. e 6. f", "7. Surgery", "8. Illness, including: 1. x 2. y",
        "9. Last"]


def test_a_list_nested_without_a_colon_holds_the_parents_next_number_when_the_parent_resumes():
    """NCT00492258 as a run-on page: "1. … (RCC) 1. Clear cell … 2. Intermediate- or high-risk disease 2. Must have
    undergone surgery": the first "2." is the nested list's (before, it was read as item 2, and the real item 2 was
    glued onto it)."""
    assert split_numbered("1. Histologically confirmed renal cell carcinoma (RCC) 1. Clear cell or non-clear cell "
                          "tumors allowed 2. Intermediate- or high-risk disease 2. Must have undergone surgery for RCC "
                          "3. Adults") == [
        "1. Histologically confirmed renal cell carcinoma (RCC) 1. Clear cell or non-clear cell tumors allowed "
        "2. Intermediate- or high-risk disease", "2. Must have undergone surgery for RCC", "3. Adults"]
    # a "1." that reads as the item's words opens no list (NCT04688775)
    page = ("1. Episodic cluster headache for at least 12 months prior to Screening Visit 1. 2. Cluster periods of 6 "
            "weeks or longer. 3. Able to tell cluster attacks from other headaches. 4. In a bout that started not "
            "later than 1 week prior to Screening Visit 2. 5. First symptoms at 60 years of age or younger.")
    assert [x.split(".")[0] for x in split_numbered(page)] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("text", [
    "2. Prior Phase 4. Study participation",
    "2. Protocol version 4. Signed",
    "2. Visits as in Appendix 4. Visit windows apply",
    "2. NYHA class 4. Heart failure",
    "2. Karnofsky score of 4. Or more",
    "2. Platelets ≥ 4. Normal range",
    "2. Vaccinated within 4. Weeks before",
    "2. Warfarin 4. 5 mg daily",          # a dose written with a space after the point
    "2. Consented on 4. 11. 2020",        # a date
    "2. Doses 1, 4. Both given",
    "2. Follow-up for 4. months",
    "2. Stage 3 or 4. Metastatic",
])
def test_a_number_out_of_sequence_that_is_the_items_text_does_not_start_an_item(text):
    """The top level skips only where the number reads as an item's: the page's last item
    here ends with a number one past the next, which must stay its text."""
    assert split_numbered("1. Adults " + text) == ["1. Adults", text]
    # nor when the next number follows it ("… version 4. 5. Next" with 3 missing)
    assert split_numbered("1. Adults " + text + " 5. Pregnant") == ["1. Adults", text + " 5. Pregnant"]


def test_a_colons_list_that_runs_to_the_end_stays_nested_where_the_parent_would_keep_one_item():
    """NCT00002003 as a run-on page: "1. Patients must have the following: 1. Positive HIV antibody … 2. Diagnosis …
    3. … 4. Signed written informed consent." with nothing after: read with "2." as the parent's next item, the
    colon's list kept one item and three of its items became criteria of their own (541 lists of this shape in the
    corpus's run-on pages, bench/runon_gaps.py)."""
    page = ("1. Patients must have the following: 1. Positive HIV antibody. 2. Diagnosis of lymphoma. "
            "3. PCP prophylaxis during the study. 4. Signed written informed consent.")
    assert split_numbered(page) == [page]
    # a list's fragments (small letters) stay nested whatever the parent's number (NCT03086122)
    page = ("1. Adults 2. Patients presenting any of the following conditions: 1. cardiovascular diseases. "
            "2. history of pelvic surgery. 3. congenital malformations. 4. hormonal disorders.")
    assert split_numbered(page) == ["1. Adults", page[len("1. Adults "):]]


def test_a_colons_list_that_runs_to_the_end_leaves_the_parents_next_number_an_item_otherwise():
    # two capitalized sub-items, then the parent's next: the item, as before (NCT00415220)
    assert split_numbered("1. Adults 2. Major neurological deficits such as: 1. Cauda equina syndrome 2. Rapidly "
                          "progressing symptoms 3. Substance abuse 4. Hospitalization") == [
        "1. Adults", "2. Major neurological deficits such as: 1. Cauda equina syndrome 2. Rapidly progressing symptoms",
        "3. Substance abuse", "4. Hospitalization"]
    # the one item holds a list of its own (the template's "Allowed:" with lettered items, NCT00000704)
    assert split_numbered("1. Concurrent Medication: 1. Allowed: a) Aspirin. b) Acyclovir. 2. Positive HIV antigen. "
                          "3. Signed consent.") == [
        "1. Concurrent Medication: 1. Allowed: a) Aspirin. b) Acyclovir.", "2. Positive HIV antigen.",
        "3. Signed consent."]
