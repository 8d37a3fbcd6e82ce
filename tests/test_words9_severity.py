"""Word-level criteria findings whose severity was wrong (words9): a side said in plain words read as a figure
("One-sided" for "Unilateral": critical), a first visit the record itself names shown by that name ("screening" for
"Visit 1 (screening)", "Day 1" for "Cycle 1 Day 1": critical), and a word that makes a rule another person's
("caregiver", "guardian", "sibling") left out in silence."""

import pytest

from criteria_support import OTHER_EXCLUSIONS, OTHER_INCLUSIONS, alarms_with_item_replaced

from scrapers.fidelity import check_fidelity


def _found(item: str, old: str, new: str) -> list[tuple[str, str]]:
    """(severity, message) of each alarm a page draws that writes the record's inclusion `item` with `old` as `new`."""
    return [(f.severity, f.message) for f in
            alarms_with_item_replaced([item] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS, "inclusion", 0, old, new)]


def _severity(found: list[tuple[str, str]]) -> str:
    return "critical" if any(s == "critical" for s, _ in found) else "warning" if found else "silent"


@pytest.mark.parametrize("item, old, new", [
    ("Unilateral hearing loss", "Unilateral", "One-sided"),
    ("Bilateral hearing loss", "Bilateral", "Two-sided"),
    ("Bilateral hearing loss", "Bilateral", "Both-sided"),
    ("Dominant headache on one side", "on one side", "unilateral"),
])
def test_a_side_in_plain_words_is_the_same_side(item, old, new):
    """"One-sided" is "unilateral" (the lexicon's own meaning): its "one" is no figure a patient must meet. It was a
    critical "differs in a number" (review r38 §8; words9: 80 of 80 real items)."""
    assert _found(item, old, new) == []


@pytest.mark.parametrize("item, old, new", [
    ("Unilateral hearing loss", "Unilateral", "Two-sided"),
    ("Bilateral hearing loss", "Bilateral", "One-sided"),
    ("Unilateral hearing loss", "Unilateral", "Bilateral"),
])
def test_the_other_side_in_plain_words_is_still_critical(item, old, new):
    found = _found(item, old, new)
    assert _severity(found) == "critical"
    assert "differs in a word" in found[0][1]


def test_the_side_words_are_read_only_beside_a_side_term():
    """Without "unilateral" or "bilateral" in the other text, "one" stays a figure to compare."""
    assert check_fidelity("Unilateral hearing loss", "One-sided hearing loss") == []
    assert [loss.kind for loss in check_fidelity("Hearing loss", "One-sided hearing loss")] == ["added"]


@pytest.mark.parametrize("item, old, new, said", [
    ("Hemoglobin >= 9 g/dL at Cycle 1 Day 1", "Cycle 1 Day 1", "Day 1",
     '"Day 1" where ClinicalTrials.gov says "Cycle 1 Day 1"'),
    ("Labs within 14 days prior to Cycle 1, Day 1", "Cycle 1, Day 1", "Day 1",
     '"Day 1" where ClinicalTrials.gov says "Cycle 1, Day 1"'),
    ("Labs within 14 days prior to Cycle 1 Day 8", "Cycle 1 Day 8", "Day 8",
     '"Day 8" where ClinicalTrials.gov says "Cycle 1 Day 8"'),
    ("Negative pregnancy test at Visit 1 (screening)", "Visit 1 (screening)", "screening",
     '"screening" where ClinicalTrials.gov says "Visit 1 (screening)"'),
    ("Surgery within 1 month of screening (Visit 1)", "screening (Visit 1)", "screening",
     '"screening" where ClinicalTrials.gov says "screening (Visit 1)"'),
    ("Symptomatic at the Screening Visit (Visit 1) and Visit 2", "Screening Visit (Visit 1)", "Screening",
     '"Screening" where ClinicalTrials.gov says "Screening Visit (Visit 1)"'),
    ("Negative pregnancy test within 7 days before Day 1 (first dose of study drug)",
     "Day 1 (first dose of study drug)", "the first dose",
     '"the first dose" where ClinicalTrials.gov says "Day 1 (first dose of study drug)"'),
])
def test_the_first_visit_by_the_name_the_record_gives_it_is_a_warning(item, old, new, said):
    """The record itself says the two are one visit (its brackets, or the first cycle's day): a warning naming both,
    not a critical "differs in a number" sending the reader after a changed limit."""
    found = _found(item, old, new)
    assert [s for s, _ in found] == ["warning"]
    assert "differs in a visit, " + said in found[0][1]


@pytest.mark.parametrize("item, old, new", [
    ("Hemoglobin >= 9 g/dL at Cycle 1 Day 1", "Cycle 1 Day 1", "Cycle 2 Day 1"),
    ("Hemoglobin >= 9 g/dL at Cycle 1 Day 1", "Cycle 1 Day 1", "Day 8"),
    ("Labs within 14 days prior to Cycle 1, Day 1", "Cycle 1, Day 1", "Cycle 2, Day 1"),
    ("Labs within 14 days prior to Cycle 1 Day 8", "Cycle 1 Day 8", "Day 1"),
    ("Negative pregnancy test at Visit 1 (screening)", "Visit 1 (screening)", "Visit 2 (screening)"),
    ("Negative pregnancy test at Visit 1 (screening)", "Visit 1 (screening)", "baseline"),
    ("Symptomatic at the Screening Visit (Visit 1) and Visit 2", "Screening Visit (Visit 1)", "Baseline Visit"),
    ("Negative pregnancy test within 7 days before Day 1", "Day 1", "the first dose"),   # (no tie in the record)
    ("Negative pregnancy test within 7 days before Day 1 (fasting)", "Day 1 (fasting)", "fasting"),   # (no name)
    ("Negative test within 7 days before Day 1 (first dose of study drug) and after consent",
     "Day 1 (first dose of study drug)", "the first dose of placebo"),
])
def test_another_visit_or_one_the_record_does_not_name_stays_critical(item, old, new):
    assert _severity(_found(item, old, new)) == "critical"


@pytest.mark.parametrize("item, old, new, word", [
    ("Caregiver's consent to participate", "Caregiver's consent", "Consent", "caregiver"),
    ("Caregiver willing to provide consent", "Caregiver willing", "Willing", "caregiver"),
    ("Children for whom guardian consent cannot be obtained", "guardian consent", "consent", "guardian"),
    ("Sibling donor age <= 60 years", "Sibling donor age", "Donor age", "sibling"),
    ("Family history of premature coronary disease", "Family history", "History", "family"),
])
def test_a_word_that_makes_the_rule_another_persons_left_out_warns(item, old, new, word):
    """Left out, the rule is about the participant, not the caregiver, guardian or sibling: silent before."""
    found = _found(item, old, new)
    assert [s for s, _ in found] == ["warning"]
    assert f'leaves out "{word}"' in found[0][1]


@pytest.mark.parametrize("item, old, new", [
    ("Caregiver's consent to participate", "Caregiver's consent", "Consent of the caregiver"),
    ("Guardian consent obtained", "Guardian consent", "guardian consent"),
    ("Child ages 4-18 with known or suspected spinal AVM", "Child ages", "Ages"),   # (the child is the participant)
])
def test_the_same_person_or_the_participant_is_no_change(item, old, new):
    assert _found(item, old, new) == []
