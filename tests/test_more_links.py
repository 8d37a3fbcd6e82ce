"""A list cut by a link or button to the rest of it, worded as sites word it ("Load more", "Show 4 more", "+ 4 more",
"View all 12 criteria", "Show more ▼"), is a cut list: not a criterion the record lacks, and the record's items behind
it are not "left out". Review round 22, F1: "Load more" was "a reason someone cannot join" and the record's next
items were each a criterion_missing warning (126 of 150 pages). A site's footnote "Other protocol-defined
inclusion/exclusion criteria may apply" is no criterion either (a warning on 150 of 150 pages)."""

import copy
from datetime import date

import pytest

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import official_entries
from scrapers.registry import load_demo_record
from scrapers.sites.common import strip_truncation

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("line", [
    "See full criteria", "…See full criteria", "Load more", "Load more criteria", "Show more ▼", "Read more »",
    "[+] Show more", "+ 4 more", "+4 more criteria", "Show 4 more", "See 5 more", "View all 12 criteria", "View all",
    "More…", "Expand all", "Continue reading", "Show more (5)", "› Read more", "Show the full criteria",
])
def test_a_link_to_the_rest_of_the_list_cuts_it(line):
    assert strip_truncation(["Pregnant or lactating women", line]) == (["Pregnant or lactating women"], True)


@pytest.mark.parametrize("line", [
    "More than 2 prior therapies", "Show evidence of disease", "Expanded access", "Read and sign consent",
    "Continue treatment", "View all imaging at baseline", "4 or more prior lines", "Show full blood count",
    "Show more than 3 lesions", "Expand the cohort to 40 patients",
])
def test_a_criterion_that_starts_like_a_link_is_kept(line):
    assert strip_truncation([line]) == ([line], False)


@pytest.mark.parametrize("line", [
    "Other protocol-defined inclusion/exclusion criteria may apply.", "Other protocol-defined criteria may apply",
    "* Other protocol defined Inclusion/Exclusion criteria may apply", "Other study-specific criteria may apply.",
    # the other wordings of review round 22 (126 of 150 pages still warned) and of records in the CT.gov corpus
    "Other protocol defined criteria apply.", "Additional criteria may apply; contact the study team.",
    "(Criteria as listed on ClinicalTrials.gov.)", "Other inclusion/exclusion criteria may apply",
    "Additional eligibility criteria apply", "Further inclusion criteria apply.", "Other exclusion criteria apply",
    "Additional criteria apply, please contact the Investigator for more information.",
    "Note: Other protocol-defined inclusion/exclusion criteria applied.", "Additional criteria exist.",
    "Additional drug-specific exclusion criteria might apply.", "Other protocol defined exclusion criteria could apply.",
    "16. Other protocol defined criteria apply.",   # (clinconnect and TrialFinderData number their items)
])
def test_a_sites_footnote_is_no_criterion_to_compare(line):
    """Kept as the page shows it (some records carry it as their last item: a page copying one reads back whole), and
    compared on neither side: added by a page, it is no criterion the record lacks; left off a page whose record has
    it, nothing is left out."""
    assert strip_truncation(["Prior transplant", line]) == (["Prior transplant", line], False)
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:] + [line])
    assert not [f for f in _findings(page, record) if is_alarm(f)]
    data = copy.deepcopy(record.data)
    elig = data["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = elig["eligibilityCriteria"].rstrip() + "\n* " + line + "\n"
    with_note = OfficialRecord(data)
    assert [e.text for e in official_entries(with_note)] == T
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:],
                      criteria_ends_at="Sponsors")
    assert not [f for f in _findings(page, with_note) if is_alarm(f)]


@pytest.mark.parametrize("line", [
    "Other cancers within 5 years", "Other exclusion criteria apply according to the Summary of Product Characteristics",
    "Additional criteria apply to patients over 65", "Other serious illness that may apply to the patient",
    "Further exclusion criteria will be patients who have any TMJ growth disturbances",
])
def test_a_line_that_names_its_rule_is_still_compared(line):
    """Only a footnote that points elsewhere is left out: a line that says which people or which rule (a condition,
    a figure, a document) is a criterion the record lacks when a page adds it."""
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:] + [line])
    assert [f.page_value for f in _findings(page, record) if f.kind == "criterion_added"] == [line]


def _findings(page: PageRecord, record) -> list:
    return [f for f in reconcile(page, record, TODAY) if f.about == "page"]


def test_an_unknown_link_left_as_an_item_replaces_no_record_item():
    """Should a site word its link some other way, a page item of a word or two ("Tap here") after the last pair
    stands in for none of the record's items: the record's items past the last pair are not called left out."""
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:9] + ["Tap here"])
    assert not [f for f in _findings(page, record) if f.kind == "criterion_missing"]
    # a rule of its own in the same place still replaces the record's next item (review round 21, P3)
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5],
                      exclusion=T[5:9] + ["Known hypersensitivity to shellfish or iodine contrast"])
    assert [f.kind for f in _findings(page, record) if f.kind == "criterion_missing"] == ["criterion_missing"]


_MED = ("<html><body><main><h1>A trial</h1><div>NCT ID: NCT07635758</div><h2>Eligibility Criteria</h2>"
        "<h3>Inclusion Criteria</h3><ul>{inc}</ul><h3>Exclusion Criteria</h3><ul>{exc}<li><a href='#'>Load more</a></li>"
        "</ul><h2>Locations</h2><div>Beijing</div></main></body></html>")


def test_a_page_whose_list_ends_in_load_more_is_cut_not_missing_items():
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    li = lambda xs: "".join(f"<li>{x}</li>" for x in xs)  # noqa: E731
    page = scrape_html(_MED.format(inc=li(T[:5]), exc=li(T[5:9])), "https://meddatax.com/clinical-trials/NCT07635758")
    assert page.criteria_truncated and page.criteria_ends_at is None and "Load more" not in page.exclusion
    alarms = [f for f in _findings(page, record) if is_alarm(f)]
    assert [f.kind for f in alarms] == ["criteria_truncated"]
