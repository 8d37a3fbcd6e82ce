"""One-paragraph criteria (CheckOrphan's print, a list run into one paragraph on any site) cut into the record's items:
a figure that ends an item is no list number ("greater than 1."), a range between two figures in one unit is no bullet
("2 years - 40 years"), a lead-in before a "- " list and the old AIDS template's labels ("Co-existing Condition:",
"Prior Medication:") are items of their own, a colonless heading that starts the paragraph heads it ("Exclusion
Criteria Co-existing Condition: …"), and an "Eligibility [Criteria] for <part>:" heading run in opens an inclusion list
as the record's parser reads it (review r51 #3, parse9's page-side leftovers: NCT00002525, NCT00002071, NCT00002072,
NCT00002302, NCT00001698)."""

from datetime import date

import pytest

from bench.runon_verbatim import URL, page_html, run_on
from scrapers import scrape_html
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import official_entries, page_entries
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites._runon import split_paragraph
from scrapers.sites.base import Line

from conftest import corpus_record

TODAY = date(2026, 12, 7)


# -- the cuts, on text ---------------------------------------------------------------------------------------------

def test_a_range_between_two_figures_in_one_unit_is_no_bullet():
    items = split_paragraph("- Children and adults between the age(s) of 2 years - 40 years (the NIH CC is not well "
                            "equipped) - Patient must weigh at least 12 kg")
    assert items == ["Children and adults between the age(s) of 2 years - 40 years (the NIH CC is not well equipped)",
                     "Patient must weigh at least 12 kg"]


def test_an_item_ending_in_a_figure_before_one_starting_with_a_figure_in_another_unit_is_still_cut():
    assert split_paragraph("- Patient must weigh 12 kg - 18 years or older - x") == [
        "Patient must weigh 12 kg", "18 years or older", "x"]


def test_a_figure_that_ends_an_item_is_no_list_number():
    items = split_paragraph("ECOG performance status greater than 1. Cardiopulmonary disease including: 1. History of "
                            "coronary artery disease. 2. LV ejection fraction less than 40 percent.")
    assert items[0].startswith("ECOG performance status greater than 1.")
    assert "1. History of coronary artery disease." in items
    assert not any(it.rstrip().endswith("greater than") for it in items)


def test_a_lone_figure_after_a_comparator_with_no_list_after_it_is_the_items():
    assert split_paragraph("Karnofsky status of less than 1. Treatment with androgens within one month.") == [
        "Karnofsky status of less than 1. Treatment with androgens within one month."]


def test_a_numbered_list_after_a_lead_in_still_splits():
    assert split_paragraph("Patients with: 1. Age over 18. 2. ECOG 0 or 1. 3. Consent") == [
        "Patients with:", "1. Age over 18.", "2. ECOG 0 or 1.", "3. Consent"]


def test_a_lead_in_before_a_dash_list_and_the_templates_labels_are_items_of_their_own():
    items = split_paragraph(
        "Co-existing Condition: Patients with the following are excluded: - History of any primary hematologic "
        "disease. - History of seizures. Prior Medication: Excluded within 30 days of study entry: - Cytotoxic "
        "chemotherapy. - Steroids. Excluded within 45 days prior to study entry: - BCG vaccine.")
    assert items == ["Co-existing Condition:", "Patients with the following are excluded:",
                     "History of any primary hematologic disease.", "History of seizures.", "Prior Medication:",
                     "Excluded within 30 days of study entry:", "Cytotoxic chemotherapy.", "Steroids.",
                     "Excluded within 45 days prior to study entry:", "BCG vaccine."]


def test_a_lead_in_with_a_single_dash_after_it_is_one_item():
    assert split_paragraph("Age: 18 - 65 years") == ["Age: 18 - 65 years"]
    assert split_paragraph("Note: see below - x") == ["Note: see below - x"]


def test_a_lead_in_and_its_dash_list_among_paragraph_per_item_lines_stays_one_item():
    """A page that shows one paragraph per criterion and an item with its sub-list run in keeps the item whole, as
    it does a "*" sub-list (bench/runon_gaps.py --paragraphs)."""
    inc, exc, _ = criteria_lists([Line("Inclusion Criteria:", "p"), Line("Age 18 or older", "p"),
                                  Line("Has one of the following: - asthma - COPD", "p"), Line("Consent", "p")])
    assert inc == ["Age 18 or older", "Has one of the following: - asthma - COPD", "Consent"]


# -- headings, on text ---------------------------------------------------------------------------------------------

def test_a_colonless_heading_starting_the_paragraph_before_a_label_heads_it():
    inc, exc, _ = criteria_lists(["Exclusion Criteria Co-existing Condition: Patients with the following are "
                                  "excluded: - History of any primary hematologic disease. - AIDS-related dementia."])
    assert inc == []
    assert exc == ["Co-existing Condition:", "Patients with the following are excluded:",
                   "History of any primary hematologic disease.", "AIDS-related dementia."]


def test_a_heading_whose_own_words_follow_it_keeps_them():
    inc, exc, _ = criteria_lists(["INCLUSION CRITERIA FOR ALL SUBJECTS: Ages 18 to 85. Ability to consent."])
    assert inc == ["INCLUSION CRITERIA FOR ALL SUBJECTS: Ages 18 to 85. Ability to consent."] and exc == []


def test_an_eligibility_for_heading_run_into_a_dash_item_opens_an_inclusion_list():
    inc, exc, _ = criteria_lists([
        "Eligibility Criteria for Randomization: Inclusion Criteria: - Age 18 and over Exclusion Criteria: - Pregnant "
        "or nursing - Prior radiotherapy for this malignancy Eligibility Criteria for Re-registration for Patients "
        "Randomized Pre-operatively: - ECOG performance status of 0-2. - Must be re-registered < 35 days after surgery."])
    assert inc == ["Age 18 and over", "ECOG performance status of 0-2.", "Must be re-registered < 35 days after surgery."]
    assert exc == ["Pregnant or nursing", "Prior radiotherapy for this malignancy"]


def test_an_eligibility_heading_in_an_items_words_is_not_one():
    inc, exc, _ = criteria_lists(["Exclusion Criteria: - Pregnant - Patients who meet Eligibility Criteria for Part A: "
                                  "- Smokers"])
    assert exc == ["Pregnant", "Patients who meet Eligibility Criteria for Part A:", "Smokers"] and inc == []


def test_an_eligibility_for_heading_after_a_sentence_opens_an_inclusion_list():
    inc, exc, _ = criteria_lists([
        "EXCLUSION CRITERIA: Patients with compromised cardiovascular status. ELIGIBILITY FOR ORAL IMAGING SUBSTUDY: "
        "Participation in this substudy requires enrolment in the parent trial."])
    assert exc == ["Patients with compromised cardiovascular status."]
    assert inc == ["Participation in this substudy requires enrolment in the parent trial."]


# -- real records, as one paragraph ----------------------------------------------------------------------------------

def _criteria(record: dict) -> str:
    return unescape_markdown(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])


def _equal_items(page: PageRecord, official: OfficialRecord) -> tuple[int, int]:
    """(page items equal, word for word once normalised, to a record item of the same list; page items)."""
    pool = [(e.section, e.norm) for e in official_entries(official)]
    entries = page_entries(page)
    equal = 0
    for e in entries:
        if (e.section, e.norm) in pool:
            pool.remove((e.section, e.norm))
            equal += 1
    return equal, len(entries)


@pytest.mark.parametrize("nct_id", ["NCT00002525", "NCT00002071", "NCT00002072", "NCT00002302", "NCT00001698",
                                    "NCT00001630", "NCT00001686"])
def test_the_records_own_text_as_one_paragraph_draws_no_critical_on_a_site_whose_alarms_stand(shared_dir, nct_id):
    """Read as any site's one paragraph (the alarms not set aside as CheckOrphan's run-together words are), the
    record's own text draws no critical: before, the inline "Eligibility … for …:" heading left NCT00002525's
    re-registration requirements among the exclusions (2 criticals), the template pages read as one inclusion item
    (a critical each), and the cut figure and range made limits differ (NCT00001630, NCT00001686)."""
    record = corpus_record(shared_dir, nct_id)
    official = OfficialRecord(record)
    inc, exc, _ = criteria_lists([Line(run_on(_criteria(record)), "p")])
    page = PageRecord(site="trialfinderdata.org", nct_id=nct_id, inclusion=inc, exclusion=exc)
    found = [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.severity == "critical"]
    assert not found, [(f.kind, f.message) for f in found]


# (page items equal to a record item before → now: 0 of 1 → 15 of 18, 0/1 → 17/20, 23/36 → 36/36, 8/10 → 9/9, 0/1 →
# 24/28; NCT00001698's sentences stay run together, 0 of 2 → 0 of 3, but its substudy's requirements are no longer
# "left out"; NCT00001090's "… booster vaccine).] Exclusion Criteria Co-existing Condition: …" heads the exclusions, a
# closed bracket before it: read as inclusions, two of them drew "criteria merged")
@pytest.mark.parametrize("nct_id,least", [("NCT00002071", 15), ("NCT00002302", 17), ("NCT00002525", 36),
                                          ("NCT00001686", 9), ("NCT00001698", 0), ("NCT00001090", 24)])
def test_checkorphans_page_items_are_the_records(shared_dir, nct_id, least):
    record = corpus_record(shared_dir, nct_id)
    official = OfficialRecord(record)
    page = scrape_html(page_html(nct_id, "A trial", "", _criteria(record)), URL)
    equal, shown = _equal_items(page, official)
    assert equal >= least, (equal, shown)
    found = [f for f in reconcile(page, official, TODAY) if is_alarm(f) and f.field != "status"]
    assert not found, [(f.kind, f.message) for f in found]
