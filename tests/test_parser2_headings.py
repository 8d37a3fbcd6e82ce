"""Headings the official record's parser read as items (session parser2): "Angiographic Exclusion Criteria - Phases 1
& 2" (NCT00497367) was an item, so its eleven exclusions were shown as requirements for joining and the angiographic
inclusions before it as reasons to stay out ("- Phase 1" alone was a heading: the dash and "&" counted as words); and
an "Exclusion Criteria" heading run into an item's end with no stop before it ("… completion of study therapy
Exclusion Criteria", NCT00493025; NCT00491777) left every exclusion among the requirements. Corpus: these three
records' lists change, no other (8,087 parsed)."""

import re

from conftest import corpus_record

from criteria_support import TODAY, assert_conserved, record_criteria, texts
from scrapers.criteria import flatten, header_kind, parse_criteria
from scrapers.criteria_markers import run_on_heading
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile


def test_heading_with_a_qualifier_of_phases_is_a_heading():
    assert header_kind("Angiographic Exclusion Criteria - Phases 1 & 2") == "exclusion"
    assert header_kind("Angiographic Inclusion Criteria - Phases 1 & 2") == "inclusion"
    assert header_kind("Angiographic Exclusion Criteria - Phase 1") == "exclusion"   # (read so before too)


def test_nct00497367_angiographic_lists_are_in_their_sections(shared_dir):
    text = record_criteria(shared_dir, "NCT00497367")
    crit = parse_criteria(text)
    inc, exc = texts(flatten(crit.inclusion)), texts(flatten(crit.exclusion))
    assert "Target lesion is restenotic" in exc and "Target lesion is restenotic" not in inc
    assert "Unprotected LM disease" in exc
    assert "must be de novo" in inc and "must be de novo" not in exc
    assert "Angiographic Exclusion Criteria - Phases 1 & 2" in crit.headers
    assert "Angiographic Inclusion Criteria - Phases 1 & 2" in crit.headers
    assert_conserved(text, crit)


def test_exclusion_heading_run_into_the_last_inclusion(shared_dir):
    """NCT00493025: the item keeps its words, the heading opens the exclusions, all text is kept."""
    text = record_criteria(shared_dir, "NCT00493025")
    crit = parse_criteria(text)
    inc, exc = texts(flatten(crit.inclusion)), texts(flatten(crit.exclusion))
    assert inc[-1] == "Fertile patients must use effective contraception during and for 3 months after completion of " \
                      "study therapy"
    assert exc[0] == "Known severe hypersensitivity to gefitinib or any of its excipients"
    assert len(exc) == 12 and "Concurrent oral retinoids" in exc
    assert crit.headers[-1] == "Exclusion Criteria"
    assert_conserved(text, crit)


def test_nct00491777_exclusions_after_the_run_in_heading(shared_dir):
    crit = parse_criteria(record_criteria(shared_dir, "NCT00491777"))
    assert texts(crit.inclusion) == ["Age - 18-80 years", "Weight - 80-300 pounds", "Height - 5.0 feet - 6feet 4 inches"]
    assert texts(crit.exclusion) == ["Ongoing medical emergency or acute medical illness",
                                     "NcIQ or ECG electrode adhesive allergy or sensitivity"]


def test_run_in_heading_words_that_are_no_heading():
    """A reference to a list, a heading of the same list, or nothing after it: left as the item it is."""
    assert run_on_heading("Meets none of the Exclusion Criteria") is None
    assert run_on_heading("Patients with creatinine > 2.5 mg/dL.D) Other Exclusion Criteria") is None
    assert run_on_heading("Too short Exclusion Criteria") is None
    assert run_on_heading("completion of study therapy exclusion criteria") is None   # (not as headings are written)
    same = "Inclusion Criteria:\n\n* Age 18 to 80\n* Signed consent for the study Inclusion Criteria\n* Weight over 50 kg"
    assert texts(parse_criteria(same).inclusion)[1] == "Signed consent for the study Inclusion Criteria"
    last = "Inclusion Criteria:\n\n* Age 18 to 80\n* Signed consent for the study Exclusion Criteria"
    assert texts(parse_criteria(last).inclusion)[-1] == "Signed consent for the study Exclusion Criteria"
    twice = last + "\n* Pregnancy\n\nExclusion Criteria:\n\n* Prior chemotherapy"
    assert texts(parse_criteria(twice).exclusion) == ["Prior chemotherapy"]


def _page_lines(text: str) -> list[str]:
    return [re.sub(r"^\s*-\s+", "", ln).strip() for ln in re.split(r"\n\s*\n", text) if ln.strip()]


def test_faithful_pages_of_nct00493025_draw_no_alarm(shared_dir):
    """A page showing the record's text under its one heading, the run-in line as written, and a page showing the two
    lists apart: neither is told it moved anything."""
    raw = corpus_record(shared_dir, "NCT00493025")
    record = OfficialRecord(raw)
    lines = _page_lines(record_criteria(shared_dir, "NCT00493025"))[1:]   # (after "Inclusion Criteria:")
    cut = next(k for k, ln in enumerate(lines) if ln.endswith("study therapy Exclusion Criteria"))
    as_one = PageRecord(site="meddatax.com", nct_id="NCT00493025", inclusion=lines, exclusion=[])
    apart = PageRecord(site="meddatax.com", nct_id="NCT00493025",
                       inclusion=lines[:cut] + [lines[cut].removesuffix(" Exclusion Criteria")], exclusion=lines[cut + 1:])
    for page in (as_one, apart):
        assert [f.kind for f in reconcile(page, record, TODAY) if is_alarm(f) and f.about == "page"] == []
