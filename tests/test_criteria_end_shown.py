"""A page that shows where its criteria end (the next section's heading right after them: "Sponsors", "Trial design",
"Locations") leaves out the record's items past its last one: each is a criterion_missing warning, not the note "may be
further down this page" (review round 21, P3: a dropped last reason someone cannot join was only a note, 150 of 150).
A list that runs to the end of what was read, or stops at a pointer to more, keeps the note."""

import sys
from dataclasses import replace
from datetime import date

import pytest
from conftest import ROOT

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import official_entries
from scrapers.registry import load_demo_record

sys.path.insert(0, str(ROOT / "bench"))
from drift_gen import base_spec  # noqa: E402
from layouts import render  # noqa: E402

TODAY = date(2026, 11, 22)
LAST = "Other reasons deemed by the investigator as unsuitable for participation or inability to complete study procedures"


def _findings(page: PageRecord, record) -> list:
    return [f for f in reconcile(page, record, TODAY) if f.about == "page"]


def test_a_list_ending_at_the_next_section_leaves_out_the_records_items_past_its_last():
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    assert T[-1].startswith("Other reasons deemed")
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:-1],
                      criteria_ends_at="Sponsors")
    found = _findings(page, record)
    assert [(f.kind, f.severity, f.field) for f in found] == [("criterion_missing", "warning", "exclusion_criteria")]
    assert found[0].message.startswith('This page leaves out a reason someone cannot join that ClinicalTrials.gov '
                                       'lists: "Other reasons deemed by the investigator')
    assert is_alarm(found[0])
    # the same list where the page does not show its end (a capture that stops there): the note, naming the item
    found = _findings(replace(page, criteria_ends_at=None), record)
    assert [(f.kind, f.severity) for f in found] == [("criteria_incomplete", "info")]
    assert '"Other reasons deemed by the investigator' in found[0].message


def test_a_list_none_of_whose_items_pair_keeps_its_note():
    """Which of the record's items a page list that pairs with none stands for is not known: its note says so."""
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5],
                      exclusion=["Known hypersensitivity to shellfish"], criteria_ends_at="Sponsors")
    assert not any(f.kind == "criterion_missing" for f in _findings(page, record))


def _spec(drop_last: bool = False, cut: int | None = None):
    spec = base_spec(load_demo_record("NCT07635758"))
    if drop_last:
        spec.items = spec.items[:-1]
    if cut is not None:
        spec.items, spec.truncated = spec.items[:cut], True
    return spec


@pytest.mark.parametrize("host", ["meddatax.com", "clinconnect.io", "ctv.veeva.com", "trialfinderdata.org"])
def test_each_layout_says_its_dropped_last_reason_and_nothing_on_its_faithful_page(host):
    record = load_demo_record("NCT07635758")
    html, url = render(_spec(), host)
    page = scrape_html(html, url)
    assert page.criteria_ends_at and not page.criteria_truncated
    assert not [f for f in _findings(page, record) if is_alarm(f)]
    html, url = render(_spec(drop_last=True), host)
    page = scrape_html(html, url)
    missing = [f for f in _findings(page, record) if f.kind == "criterion_missing"]
    assert [f.severity for f in missing] == ["warning"] and missing[0].evidence["official_texts"][0].startswith(LAST)


@pytest.mark.parametrize("host", ["meddatax.com", "clinconnect.io", "ctv.veeva.com"])
def test_a_list_cut_by_a_see_full_criteria_marker_is_its_own_finding(host):
    """The marker says the rest is elsewhere: the page shows no end of its list, whatever heading follows it."""
    record = load_demo_record("NCT07635758")
    html, url = render(_spec(cut=12), host)
    page = scrape_html(html, url)
    assert page.criteria_truncated and page.criteria_ends_at is None
    kinds = {f.kind for f in _findings(page, record)}
    assert "criteria_truncated" in kinds and "criterion_missing" not in kinds


_MED = ("<html><body><main><h1>A trial</h1><div>NCT ID: NCT07635758</div><h2>Eligibility Criteria</h2>"
        "<h3>Exclusion Criteria</h3><ul><li>Pregnant or lactating women</li><li>Prior transplant</li>{more}</ul>"
        "{after}</main></body></html>")


@pytest.mark.parametrize("more,after,end", [
    ("", "<h2>Sponsors</h2><div>Acme</div>", "Sponsors"),
    ("", "", None),                                                # the page (or its capture) stops there
    ("<li>...See full criteria</li>", "<h2>Sponsors</h2>", None),  # cut by a marker
])
def test_meddatax_says_where_its_criteria_end(more, after, end):
    page = scrape_html(_MED.format(more=more, after=after), "https://meddatax.com/clinical-trials/NCT07635758")
    assert page.exclusion == ["Pregnant or lactating women", "Prior transplant"]
    assert page.criteria_ends_at == end
    assert ("criteria_ends_at" in page.to_dict()) == (end is not None)


_VEEVA = ("<html><body><main><h1>A trial about stem cells in stroke</h1><section><h2>Identifiers</h2><ul><li>"
          "NCT07635758</li></ul></section><section><h3>Sex</h3><p>All</p><h3>Exclusion criteria</h3><ul><li>Pregnant "
          "women</li><li>Prior transplant</li></ul></section><section><h2>{after}</h2></section></main></body></html>")


@pytest.mark.parametrize("after,end", [("Trial design", "Trial design"), ("Loading...", None)])
def test_veeva_a_loading_line_shows_no_end(after, end):
    page = scrape_html(_VEEVA.format(after=after), "https://ctv.veeva.com/study/a-trial-about-stem-cells-in-stroke")
    assert page.exclusion == ["Pregnant women", "Prior transplant"] and page.criteria_ends_at == end


def test_a_paragraph_read_alone_or_a_guessed_section_end_shows_no_end():
    """checkorphan's criteria are one value, and the generic reader only guesses where a section ends: neither tells
    where the page's list ends."""
    generic = ("<html><body><h1>A stroke trial</h1><p>NCT07635758</p><h2>Inclusion Criteria</h2><ul><li>Adults</li>"
               "</ul><h2>Exclusion Criteria</h2><ul><li>Pregnant women</li><li>Prior transplant</li></ul>"
               "<p>How To Join This Trial</p><h2>Contacts</h2></body></html>")
    page = scrape_html(generic, "https://trials.example-health.org/t/1")
    assert page.exclusion == ["Pregnant women", "Prior transplant"] and page.criteria_ends_at is None
    orphan = ("<html><body><h1>A stroke trial</h1><div>NCT ID</div><div>NCT07635758</div><div>Eligibility Criteria</div>"
              "<div>Inclusion Criteria: 1. Adults Exclusion Criteria: 1. Pregnant women 2. Prior transplant</div>"
              "<div>Contacts</div><div>Dr A</div></body></html>")
    page = scrape_html(orphan, "https://www.checkorphan.org/clinical-trials/nct07635758")
    assert len(page.exclusion) == 2 and page.criteria_ends_at is None


COPY = "2026-06-26T00:00:00Z"


def test_a_last_item_left_out_against_a_saved_copy_stands_as_one_in_the_middle_does():
    """Against a saved copy that could not be refreshed, an item past where the page's list ends was softened to an
    "unconfirmed" note (the record may have dropped it since), though one left out between items shown stands: R24
    found 30 of 120 Veeva pages with their last exclusion dropped told only "this page may be right", against a copy a
    day old. An aggregator dropping an item is far likelier than an amendment since the copy: both stand, naming the
    copy."""
    record = load_demo_record("NCT07635758")
    T = [e.text for e in official_entries(record)]
    page = PageRecord(site="meddatax.com", nct_id="NCT07635758", inclusion=T[:5], exclusion=T[5:-1],
                      criteria_ends_at="Sponsors")
    found = [f for f in reconcile(page, record, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.severity, f.field) for f in found] == [("criterion_missing", "warning", "exclusion_criteria")]
    assert "TrialLens's saved copy of the ClinicalTrials.gov record (from 26 Jun 2026)" in found[0].message
    # live, the warning as before
    assert [f.kind for f in _findings(page, record)] == ["criterion_missing"]
    # one left out between items shown stands against the copy
    middle = replace(page, exclusion=T[5:7] + T[8:])
    found = [f for f in reconcile(middle, record, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == [("criterion_missing", "warning")]
