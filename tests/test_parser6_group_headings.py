"""Record headings that name their group in three words before the section word ("Erectile dysfunction cohort
Inclusion Criteria:", "General Safety & Laboratory Exclusion Criteria") and NIH outline headings numbered "III.II.":
read as headings, so the group's name is no criterion of its own; sentences about the criteria and an item with a
heading run in after it stay as they were."""

import pytest
from conftest import corpus_record
from criteria_support import assert_conserved, texts

from scrapers.criteria import flatten, parse_criteria
from scrapers.criteria_markers import header_kind


@pytest.mark.parametrize("line, kind", [
    ("Erectile dysfunction cohort Inclusion Criteria:", "inclusion"),      # NCT05868668
    ("Erectile dysfunction cohort Exclusion Criteria:", "exclusion"),
    ("General Safety & Laboratory Exclusion Criteria", "exclusion"),       # NCT00498368
    ("Intra-surgery (tissue explant/sequestrectomy) Exclusion Criteria", "exclusion"),   # NCT01640457
    ("III.II. INITIAL EVALUATION INCLUSION CRITERIA FOR BLOOD RELATIVES:", "inclusion"),  # NCT00001350
    ("-  III.I. INITIAL EVALUATION INCLUSION CRITERIA FOR PATIENTS:", "inclusion"),
])
def test_a_group_named_in_three_words_heads_its_list(line, kind):
    assert header_kind(line) == kind


@pytest.mark.parametrize("line", [
    "* Stable heterosexual relationship Exclusion Criteria:",    # an item, then a heading (NCT00668135)
    "Failure to meet inclusion criteria",
    "Eligible participants must meet the following inclusion criteria:",
    "For the MRI, the following exclusion criteria apply:",
    "Patients must meet all of the following eligibility criteria:",
    "Any participant not meeting inclusion criteria",
    "PATIENTS WITH PROSTATE CANCER PROGRESSIVE AFTER ANDROGEN DEPRIVATION Inclusion Criteria",
    "Documented, dated, written Informed Consent Inclusion Criteria Partner",
    "Clinically significant systemic illness Other exclusion criteria apply.",
])
def test_sentences_and_items_are_no_headings(line):
    assert header_kind(line) is None


COHORTS = ("Erectile dysfunction cohort Inclusion Criteria:\n\n1. Adult males\n2. Stable relationship\n\n"
           "Erectile dysfunction cohort Exclusion Criteria:\n\n1. Spinal cord injury\n2. Active smoker")


def test_the_cohort_name_is_no_inclusion_criterion():
    """Before: "Erectile dysfunction cohort" was an unplaced item and, from the second heading, an inclusion one."""
    crit = parse_criteria(COHORTS)
    assert texts(crit.inclusion) == ["Adult males", "Stable relationship"]
    assert texts(crit.exclusion) == ["Spinal cord injury", "Active smoker"]
    assert crit.unplaced == []
    assert crit.headers == ["Erectile dysfunction cohort Inclusion Criteria:", "Erectile dysfunction cohort Exclusion Criteria:"]
    assert_conserved(COHORTS, crit)


def test_an_item_with_a_heading_run_in_after_it_keeps_its_item():
    text = "Inclusion Criteria:\n\n* Age 20 or older\n* Stable heterosexual relationship Exclusion Criteria:\n* Smoker"
    crit = parse_criteria(text)
    assert texts(crit.inclusion) == ["Age 20 or older", "Stable heterosexual relationship"]
    assert texts(crit.exclusion) == ["Smoker"]


def test_nct00498368_laboratory_exclusions_are_exclusions_not_one_items_sub_list(shared_dir):
    """Before: "General Safety & Laboratory Exclusion Criteria" was an exclusion item holding 8 reasons as its
    sub-items."""
    text = corpus_record(shared_dir, "NCT00498368")["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    crit = parse_criteria(text)
    assert crit.headers[-1] == "General Safety & Laboratory Exclusion Criteria"
    assert not any("Exclusion Criteria" in it.text for it in flatten(crit.exclusion))
    assert "Platelets: <100,000/mm" in texts(crit.exclusion)
    assert_conserved(text, crit)


def test_nct00001350_initial_evaluation_lists_are_inclusion(shared_dir):
    """Before: both "III.I./III.II. INITIAL EVALUATION INCLUSION CRITERIA …" lists were unplaced."""
    text = corpus_record(shared_dir, "NCT00001350")["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    crit = parse_criteria(text)
    assert crit.unplaced == []
    assert [h for h in crit.headers if "INITIAL EVALUATION" in h] == [
        "- III.I. INITIAL EVALUATION INCLUSION CRITERIA FOR PATIENTS:",
        "III.II. INITIAL EVALUATION INCLUSION CRITERIA FOR BLOOD RELATIVES:"]
    assert crit.inclusion[0].text.startswith("In order to be eligible to enroll as a potential patient participant")
