"""A rule "said the other way round" (sect8: "History of MI" among the exclusions for the requirement "No history of
MI", an info) only where it is one: the negation negates the whole item, nothing else changed, no group sub-heading
crossed, and only for the pairs wrong_sections itself reports. Review r40 found each of these silenced or downgraded
a real change (F1-F4); every case below was silent or an info on the code before fix40."""

from __future__ import annotations

import pytest

from criteria_support import TODAY, _record, bulleted_record, one_paragraph
from scrapers.model import PageRecord
from scrapers.reconcile import reconcile

INCLUSION = ["Age 18 to 75 years", "Able to give informed consent"]
EXCLUSION = ["Active drug or alcohol dependence", "Prior pelvic irradiation"]


def _severities(page: PageRecord, record, item: str) -> set[str]:
    """The severities of the findings that name the page's `item`."""
    return {f.severity for f in reconcile(page, record, TODAY) if f.about == "page" and item[:30] in f.message}


def _turned(section: str, record_item: str, shown_as: str) -> set[str]:
    """The record's `record_item` (in `section`) taken out and shown, as `shown_as`, last in the other list."""
    inc, exc = INCLUSION + ([record_item] if section == "inclusion" else []), EXCLUSION + (
        [record_item] if section == "exclusion" else [])
    record = bulleted_record(inc, exc)
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864",
                      inclusion=INCLUSION + ([shown_as] if section == "exclusion" else []),
                      exclusion=EXCLUSION + ([shown_as] if section == "inclusion" else []))
    return _severities(page, record, shown_as)


@pytest.mark.parametrize("section,record_item,shown_as", [
    # F2: a negation inside a clause, one of several, a "non-" in a name, or after "may", is not the whole rule's
    ("inclusion", "Men or non-pregnant, non-breastfeeding women able to provide informed consent",
     "Men or pregnant, non-breastfeeding women able to provide informed consent"),
    ("inclusion", "Not pregnant and not breastfeeding", "Pregnant and not breastfeeding"),
    ("inclusion", "Histologically confirmed non-small cell lung cancer",
     "Histologically confirmed small cell lung cancer"),
    ("exclusion", "History of malignancy except non-melanomatous skin cancers",
     "History of malignancy except melanomatous skin cancers"),
    ("exclusion", "Pregnant females, nursing mothers, or females not practicing birth control",
     "Pregnant females, nursing mothers, or females practicing birth control"),
    ("inclusion", "Women aged 18 to 45 years who are not pregnant", "Women aged 18 to 45 years who are pregnant"),
    ("exclusion", "Patients not mechanically ventilated with a history of asthma",
     "Patients mechanically ventilated with a history of asthma"),
    ("exclusion", "Patients who have not responded to PDE5 inhibitors or who have an adverse reaction to them",
     "Patients who have responded to PDE5 inhibitors or who have an adverse reaction to them"),
    ("exclusion", "May not be younger than 18 years of age.", "May be younger than 18 years of age."),
    # F3: the negation turned and a word changed
    ("inclusion", "No active hepatitis B infection", "Active hepatitis C infection"),
    ("inclusion", "No major surgery within 4 weeks before enrollment",
     "Minor surgery within 4 weeks before enrollment"),
    ("inclusion", "No known untreated brain metastases or leptomeningeal disease",
     "Known untreated bone metastases or leptomeningeal disease"),
])
def test_a_changed_rule_moved_to_the_other_list_stays_critical(section, record_item, shown_as):
    assert "critical" in _turned(section, record_item, shown_as)


@pytest.mark.parametrize("section,record_item,shown_as", [
    ("inclusion", "No history of stroke or TIA", "History of stroke or TIA"),
    ("inclusion", "Not pregnant or breastfeeding", "Pregnant or breastfeeding"),
    ("inclusion", "Patients without brain metastases", "Patients with brain metastases"),
    ("inclusion", "Patients who have not received prior chemotherapy", "Patients who have received prior chemotherapy"),
    ("inclusion", "Subjects must not be taking warfarin", "Subjects must be taking warfarin"),
    ("inclusion", "Have never used tadalafil once a day", "Have used tadalafil once a day"),
    ("exclusion", "Cannot complete follow-up", "Can complete follow-up"),
    ("exclusion", "Prior pelvic radiotherapy", "No prior pelvic radiotherapy"),
])
def test_the_whole_rule_said_the_other_way_round_is_still_an_info(section, record_item, shown_as):
    """sect8's win, kept: one leading negation, nothing else changed."""
    assert _turned(section, record_item, shown_as) == {"info"}


def test_a_flip_on_a_page_read_as_one_list_is_critical():
    """F1: the page shows no exclusion list, so wrong_sections says nothing; the pair read "in the other list" that
    differs by a "not" must still be compared (NCT00496210: minors invited, was silent)."""
    record = bulleted_record(INCLUSION, EXCLUSION + ["May not be younger than 18 years of age."])
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864",
                      inclusion=INCLUSION + EXCLUSION + ["May be younger than 18 years of age."], exclusion=[])
    assert "critical" in _severities(page, record, "May be younger than 18 years")


HEALTHY = ("Inclusion Criteria:\n\n* Diagnosis of trigeminal neuralgia\n* Able to provide HIPAA authorization\n\n"
           "Exclusion Criteria:\n\n* Life expectancy less than 1 year\n* Active drug or alcohol dependence\n"
           "* Inability to give informed consent.\n\nInclusion Criteria for Healthy Volunteers:\n\n"
           "* Willingness to consent and be of age 18 and older\n"
           "* No history of trigeminal neuralgia or other facial pain\n* Not pregnant or breastfeeding")


@pytest.mark.parametrize("old,new", [
    ("* No history of trigeminal", "* History of trigeminal"),
    ("* Not pregnant or breastfeeding", "* Pregnant or breastfeeding"),
])
def test_a_flip_in_place_after_its_own_heading_on_a_one_paragraph_page_is_critical(old, new):
    """F1: the page shows the item under its own record heading (run into the paragraph, left unread); the "not" it
    dropped is a flip, not a move (r40: 49/49 such real flips were silent)."""
    record = _record("NCT02910323", HEALTHY)
    inc, exc = one_paragraph(HEALTHY.replace(old, new))
    page = PageRecord(site="checkorphan.org", nct_id="NCT02910323", inclusion=inc, exclusion=exc)
    assert "critical" in _severities(page, record, new[2:])


def test_a_rule_turned_across_a_group_heading_stays_critical():
    """F4: the healthy volunteers' "No history of facial pain" shown as "History of facial pain" among everyone's
    exclusions turns away the trial's own patients (their inclusion is the diagnosis)."""
    record = _record("NCT02910323", HEALTHY)
    page = PageRecord(site="meddatax.com", nct_id="NCT02910323",
                      inclusion=["Diagnosis of trigeminal neuralgia", "Able to provide HIPAA authorization",
                                 "Willingness to consent and be of age 18 and older", "Not pregnant or breastfeeding"],
                      exclusion=["Life expectancy less than 1 year", "Active drug or alcohol dependence",
                                 "Inability to give informed consent.",
                                 "History of trigeminal neuralgia or other facial pain"])
    assert "critical" in _severities(page, record, "History of trigeminal neuralgia or other facial pain")


def test_a_one_list_records_no_x_shown_as_x_under_the_pages_exclusions_is_still_an_info():
    """sect8's win on PDQ outlines, kept: the record lists "No X" among its requirements and has no exclusion list;
    the page shows "X" under its exclusion heading: the same rule, no alarm."""
    text = ("DISEASE CHARACTERISTICS:\n\n* Histologically confirmed solid tumor\n\nPATIENT CHARACTERISTICS:\n\n"
            "* Age 18 and over\n* No myocardial infarction within the past year\n* Able to give informed consent")
    record = _record("NCT00057759", text)
    page = PageRecord(site="meddatax.com", nct_id="NCT00057759",
                      inclusion=["Histologically confirmed solid tumor", "Age 18 and over", "Able to give informed consent"],
                      exclusion=["Myocardial infarction within the past year"])
    assert _severities(page, record, "Myocardial infarction within the past year") == {"info"}
