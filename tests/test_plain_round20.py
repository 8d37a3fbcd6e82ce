"""Review r20 (21,066 generated pages over 1,600 records): ages and weights in a page's plain-language text that are
not about who may join, figures the record's own criteria give, and the one miss (a changed age waved through by any
"N years" in the criteria). Each case is the reviewer's reproducer, as a plain summary or a criteria item."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.criteria import flatten, header_kind, parse_criteria
from scrapers.fidelity import check_fidelity
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 11, 22)
CRIT = "Inclusion Criteria:\n\n  -  Diagnosis of asthma\n\nExclusion Criteria:\n\n  -  Pregnancy\n"


def _record(criteria: str, minimum: str | None, maximum: str | None) -> OfficialRecord:
    elig = {"eligibilityCriteria": criteria, "sex": "ALL"}
    if minimum:
        elig["minimumAge"] = minimum
    if maximum:
        elig["maximumAge"] = maximum
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09990001", "briefTitle": "A Study of Something"},
        "statusModule": {"overallStatus": "RECRUITING"}, "eligibilityModule": elig}})


def _alarms(summary: str, record: OfficialRecord) -> list[tuple[str, str]]:
    page = PageRecord(site="clinconnect.io", nct_id="NCT09990001", plain_summary=summary)
    return [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if is_alarm(f) and f.severity != "info"]


# --------------------------------------------------------------------------- P1, P2: not about joining

@pytest.mark.parametrize("summary,minimum,maximum", [
    ("This clinical trial is studying asthma. People aged 40 to 60 years are the most likely to develop this disease.",
     "6 Years", "12 Years"),
    ("This clinical trial is studying asthma. Participants over 60 years old are required to do an exercise test as "
     "part of the study.", "18 Years", "80 Years"),
    ("This clinical trial is studying asthma. Women over 50 years of age must have had a mammogram in the past year, "
     "as is standard care.", "18 Years", "80 Years"),
    ("This clinical trial is studying asthma. Patients weighing less than 50 kg must receive a lower dose.",
     "18 Years", "80 Years"),
    ("This clinical trial is studying asthma. Children under 2 years old are most affected by this disease.",
     "6 Years", "12 Years"),
])
def test_an_age_or_weight_not_about_joining_raises_nothing(summary, minimum, maximum):
    assert _alarms(summary, _record(CRIT, minimum, maximum)) == []


@pytest.mark.parametrize("summary", [
    "People aged 40 to 60 years may be eligible to join.",
    "People aged 40 to 60 years can take part.",
    "Participants must be at least 30 years old.",
    "You must be over 60 years old to be in this study.",
    "Participants over 60 years old are eligible.",
])
def test_an_age_about_joining_is_still_said(summary):
    assert _alarms(summary, _record(CRIT, "18 Years", "80 Years")) == [("plain_age", "critical")]


def test_a_weight_rule_required_of_who_joins_is_still_compared():
    crit = "Inclusion Criteria:\n\n  -  Body weight of at least 45 kg\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    assert _alarms("Participants must weigh at least 60 kg.", _record(crit, "18 Years", "80 Years")) \
        == [("plain_number", "warning")]
    assert _alarms("Participants must weigh at least 45 kg.", _record(crit, "18 Years", "80 Years")) == []


# --------------------------------------------------------------------------- P3: children

@pytest.mark.parametrize("summary,minimum,maximum", [
    ("Children under 18 years old may be eligible to join.", "2 Years", "17 Years"),
    ("Children under 2 years old may be eligible.", None, "1 Year"),
    ("Infants younger than 6 months may be able to take part.", None, "5 Months"),
])
def test_children_under_n_is_the_records_maximum(summary, minimum, maximum):
    assert _alarms(summary, _record(CRIT, minimum, maximum)) == []


def test_children_under_n_that_differs_is_said():
    assert _alarms("Children under 12 years old may be eligible to join.", _record(CRIT, "2 Years", "17 Years")) \
        == [("plain_age", "critical")]


# --------------------------------------------------------------------------- P4: the record's own figures

def test_a_cohort_range_the_criteria_give_is_no_contradiction():
    cohort = ("Inclusion Criteria:\n\n  -  Patients with an immune defect between the ages of 6 and 65 years are "
              "eligible.\n  -  Healthy volunteers: a healthy adult between the ages of 18 and 65 years.\n\n"
              "Exclusion Criteria:\n\n  -  Pregnancy\n")
    rec = _record(cohort, "6 Years", "65 Years")
    assert _alarms("Healthy adults aged 18 to 65 years may be eligible to join.", rec) == []
    assert _alarms("Healthy adults aged 18 to 70 years may be eligible to join.", rec) == [("plain_age", "critical")]


def test_the_criteria_s_weeks_beside_a_minimum_in_months():
    weeks = ("Inclusion Criteria:\n\n  -  Are between the ages of 4 weeks and 2 years (consent of parent or guardian "
             "required).\n\nExclusion Criteria:\n\n  -  Pregnancy\n")
    rec = _record(weeks, "1 Month", "2 Years")
    assert _alarms("Children aged 4 weeks to 2 years may be eligible to join.", rec) == []
    # weeks are no exact months: a figure the record states nowhere is still a difference
    assert _alarms("Children aged 5 weeks to 2 years may be eligible to join.", rec) == [("plain_age", "critical")]


def test_the_criteria_s_age_in_another_exact_unit():
    # (ages8: the criteria's limit is the patients' own, "Patients under 18 years of age"; before, this test's
    # record said "consent from a parent or legal guardian for patients under 18 years of age", which says whom the
    # consent is for and is no limit to join since ages8: test_ages8_for_whom_ages.py)
    under = ("Inclusion Criteria:\n\n  -  Patients under 18 years of age, with signed, informed consent from a parent "
             "or legal guardian.\n  -  HIV infection\n\nExclusion Criteria:\n\n  -  Pregnancy\n")
    rec = _record(under, "3 Months", "8 Years")
    assert _alarms("Consent from a parent is required for patients under 216 months of age.", rec) == []
    assert _alarms("Patients under 216 months of age may be eligible to join.", rec) == []
    assert _alarms("Patients under 204 months of age may be eligible to join.", rec) == [("plain_age", "critical")]


# --------------------------------------------------------------------------- P5: the miss

SMOKE = ("Inclusion Criteria:\n\n  -  Current smoker with a smoking history of at least 20 years\n\n"
         "Exclusion Criteria:\n\n  -  Cancer within the past 5 years\n")


@pytest.mark.parametrize("summary", [
    "Participants must be at least 20 years old to join.",
    "Eligibility: Age >5 / <75.",
    "Participants must be at least 30 years old to join.",
])
def test_a_duration_in_the_criteria_does_not_vouch_for_an_age(summary):
    assert _alarms(summary, _record(SMOKE, "40 Years", "75 Years")) == [("plain_age", "critical")]


def test_an_age_limit_that_admits_no_one_is_said():
    crit = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    assert _alarms("Eligibility: Age >18 / <18.", _record(crit, "18 Years", None)) == [("plain_age", "critical")]


# --------------------------------------------------------------------------- P7: pounds for the record's kilograms

MIRROR = ("Inclusion Criteria:\n\n  -  Weight of 15 kg or greater.\n  -  Autistic disorder\n\n"
          "Exclusion Criteria:\n\n  -  Weight less than 15 kg.\n")


def test_a_weight_rule_mirrored_in_the_exclusions_is_one_rule():
    """NCT00005014: the inclusion "Weight of 15 kg or greater" and the exclusion "Weight less than 15 kg" are one
    rule, so the page's pounds are held to it."""
    rec = _record(MIRROR, "5 Years", "17 Years")
    assert _alarms("To join you must weigh at least 33 lb.", rec) == []
    assert _alarms("To join you must weigh at least 15 kg.", rec) == []
    page = PageRecord(site="clinconnect.io", nct_id="NCT09990001", plain_summary="To join you must weigh at least 20 kg.")
    found = [f for f in reconcile(page, rec, TODAY) if f.kind == "plain_number"]
    assert [(f.severity, f.evidence.get("weight_rule")) for f in found] == [("warning", "Weight of 15 kg or greater.")]


@pytest.mark.parametrize("criterion,said", [
    ("Wt greater than 40 kg.", "Participants must weigh more than 88 lb."),                        # NCT00006413
    ("Obesity. All subjects will be required to be over 60 kg in body weight.", "To join you must weigh over 132 lb."),
])
def test_pounds_for_a_weight_the_record_gives(criterion, said):
    crit = f"Inclusion Criteria:\n\n  -  {criterion}\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    rec = _record(crit, "18 Years", "65 Years")
    assert _alarms(said, rec) == []
    assert _alarms(said.replace(" lb", "0 lb"), rec) == [("plain_number", "warning")]


# --------------------------------------------------------------------------- P8: a second pound note

def test_a_second_bracket_that_restates_the_weight_adds_nothing():
    """NCT00498173 on Veeva: the record's "15 kg (33 lb)" shown with the site's own "(about 33 pounds)" was a critical
    changed number; a second note that gives another weight still differs."""
    record = "Weighs less than 15 kg (33 lb)"
    assert check_fidelity(record, "Weighs less than 15 kg (33 lb) (about 33 pounds)") == []
    assert check_fidelity(record, "Weighs less than 15 kg (33 lb) (about 50 pounds)")


def test_a_one_age_record_said_with_its_own_figures_is_left_alone():
    """NCT00496327 (12 to 12 years) shown as "Age >12 / <12": the page copies the record's own limits; "Age >18 / <18"
    for a record of 15 to 18 years is said."""
    assert _alarms("Eligibility: Age >12 / <12.", _record(CRIT, "12 Years", "12 Years")) == []
    assert _alarms("Eligibility: Age >18 / <18.", _record(CRIT, "15 Years", "18 Years")) == [("plain_age", "critical")]


# --------------------------------------------------------------------------- P6, P8 follow-ups: real records' text

# NCT06715774's criteria as ClinicalTrials.gov gives them (typos its own): a range "A and B years old" with no
# "between" or "aged" before it.
AND_RANGE = ("Inclusion Criteria:\n\n* 10 and 16 years old, with sketelal class II, a ANB angle ≥4° according to the "
             "Steiner cephalometric analysis, with Twin block or Motion appliance\n\nExclusion Criteria:\n\n* without "
             "previous orthodontic treatment, without systemic disesases and adenotonsillar hypertrophy.\n")


def _item_alarms(record: OfficialRecord, host: str, inclusion: list[str],
                 exclusion: list[str]) -> list[tuple[str, str]]:
    page = PageRecord(site=host, nct_id=record.nct_id, inclusion=inclusion, exclusion=exclusion)
    return [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if is_alarm(f) and f.severity != "info"]


def _items(record: OfficialRecord) -> tuple[list[str], list[str]]:
    """The record's items as the reviewer's generator (bench/drift_gen.base_spec) lists them on a page."""
    crit = parse_criteria(record.eligibility_criteria or "")
    texts = lambda tops: [it.text for it in flatten(tops) if not header_kind(it.text)]  # noqa: E731
    return texts(crit.inclusion + crit.unplaced), texts(crit.exclusion)


def _real(nct: str, criteria: str, minimum: str, maximum: str) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL", "minimumAge": minimum,
                              "maximumAge": maximum}}})


@pytest.mark.parametrize("host", ["meddatax.com", "ctv.veeva.com"])
def test_a_and_b_years_old_at_the_items_start_restated_in_months(host):
    """NCT06715774 on meddatax and Veeva: "10 and 16 years old" shown as "120 and 192 months old" was a critical
    changed number; "120 and 180 months old" still is one."""
    rec = _real("NCT06715774", AND_RANGE, "10 Years", "16 Years")
    inc, exc = _items(rec)
    assert inc[0].startswith("10 and 16 years old")
    assert _item_alarms(rec, host, [inc[0].replace("10 and 16 years", "120 and 192 months")], exc) == []
    assert _item_alarms(rec, host, [inc[0].replace("10 and 16 years", "120 and 180 months")], exc) \
        == [("criterion_changed", "critical")]


@pytest.mark.parametrize("record,page,same", [
    ("10 and 16 years old, with class II", "120 and 192 months old, with class II", True),
    ("Age: 10 and 16 years of age", "Age: 120 and 192 months of age", True),
    ("10 and 16 years old, with class II", "120 and 180 months old, with class II", False),
    ("10 and 16 years old, with class II", "120 and 180 months, with class II", False),
    # not a range: no age word and not the item's start, or no "old"/"of age" after it
    ("Smokers 10 and 16 years old", "Smokers 120 and 192 months old", False),
    ("10 and 16 years of smoking", "120 and 192 months of smoking", False),
])
def test_a_and_b_ages_read_as_a_range_only_where_unambiguous(record, page, same):
    assert (check_fidelity(record, page) == []) is same


# NCT00004776 (a legacy record, one unbroken paragraph): "Weight at least 25 lb (11.5 kg)"; Veeva's pound note on the
# record's kilograms lands inside the record's own bracket.
LEGACY = ("PROTOCOL ENTRY CRITERIA:\n\n--Disease Characteristics-- Lennox-Gastaut syndrome Slow spike and wave pattern "
          "on\nelectroencephalogram --Patient Characteristics-- Hematopoietic: No\nhematological abnormality within 2 "
          "years Hepatic: No hepatic disease within 2 years Renal:\nNo nephrolithiasis\nPulmonary: No respiratory "
          "disease within 2 years Other: Weight at least 25 lb (11.5 kg) No\nmedical disease within 2 years, e.g.: "
          "Rheumatic fever Gastrointestinal abnormality\nMalignancy Adequate parental supervision")


def test_a_pound_note_inside_the_records_bracket_adds_nothing():
    """NCT00004776 on Veeva: "25 lb (11.5 kg)" shown as "25 lb (11.5 kg (25 lb))" was a critical changed number; a
    nested note giving another weight still differs."""
    rec = _real("NCT00004776", LEGACY, "4 Years", "30 Years")
    inc, exc = _items(rec)
    k = next(i for i, s in enumerate(inc) if "(11.5 kg)" in s)

    def shown(note: str) -> list[str]:
        return inc[:k] + [inc[k].replace("(11.5 kg)", f"(11.5 kg ({note}))")] + inc[k + 1:]

    assert _item_alarms(rec, "ctv.veeva.com", shown("25 lb"), exc) == []
    assert ("criterion_changed", "critical") in _item_alarms(rec, "ctv.veeva.com", shown("50 lb"), exc)
    record = "Weight at least 25 lb (11.5 kg)"
    assert check_fidelity(record, "Weight at least 25 lb (11.5 kg (25 lb))") == []
    assert check_fidelity(record, "Weight at least 25 lb (11.5 kg (about 25 pounds))") == []
    assert check_fidelity(record, "Weight at least 25 lb (11.5 kg (50 lb))")
