"""A qualifier that narrows a rule without turning its word ("active", "severe", "serious", "recent", "symptomatic",
"clinically significant") left out, added or moved is one criterion_changed warning naming it, as a left-out
"uncontrolled" is: "Hepatitis B" for "Active hepatitis B" excludes people whose hepatitis is not active (126 of 150
real exclusions and 121 of 150 requirements with one left out raised nothing, words3). The same qualifier kept, with
or without its adverb, in other letters or with a hyphen, raises nothing."""

from datetime import date

import pytest

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.scope import qualifiers

TODAY = date(2026, 12, 6)


def _pair(record: str, page: str, section: str = "exclusion") -> list[tuple[str, str, str]]:
    """The page's warnings and criticals for a record with this one item among two others of `section`."""
    heading = "Exclusion Criteria" if section == "exclusion" else "Inclusion Criteria"
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": f"{heading}:\n\n* Age 18 or older\n* {record}\n* Pregnant women"}}})
    page_items = {section: ["Age 18 or older", page, "Pregnant women"]}
    found = reconcile(PageRecord(site="meddatax.com", nct_id="NCT01774864", **page_items), official, TODAY)
    return [(f.kind, f.severity, f.message) for f in found if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("section", ["exclusion", "inclusion"])
@pytest.mark.parametrize("record,page,left_out,of", [
    ("Active hepatitis B infection", "Hepatitis B infection", "active", "hepatitis B infection"),
    ("Active infection requiring systemic therapy", "Infection requiring systemic therapy", "active",
     "infection requiring systemic therapy"),
    ("Severe renal impairment", "Renal impairment", "severe", "renal impairment"),
    ("Serious concurrent illness", "Concurrent illness", "serious", "concurrent illness"),
    ("Recent myocardial infarction", "Myocardial infarction", "recent", "myocardial infarction"),
    ("Symptomatic brain metastases", "Brain metastases", "symptomatic", "brain metastases"),
    ("Clinically significant cardiovascular disease within the past 6 months",
     "Cardiovascular disease within the past 6 months", "clinically significant", "cardiovascular disease"),
])
def test_a_narrowing_qualifier_left_out_is_one_warning_naming_it(section, record, page, left_out, of):
    found = _pair(record, page, section)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{of}' in found[0][2]


def test_a_narrowing_qualifier_added_or_moved_is_said():
    added = _pair("Hepatitis B", "Active hepatitis B")
    assert [(k, s) for k, s, _ in added] == [("criterion_changed", "warning")]
    assert 'adds "active" to "hepatitis B"' in added[0][2]
    moved = _pair("Severe asthma or diabetes", "Asthma or severe diabetes")
    assert [(k, s) for k, s, _ in moved] == [("criterion_changed", "warning")]
    assert 'what "severe" describes, "diabetes" where ClinicalTrials.gov says "asthma"' in moved[0][2]


@pytest.mark.parametrize("record,page", [
    ("Clinically significant cardiovascular disease", "Significant cardiovascular disease"),
    ("Clinically significant cardiovascular disease", "Clinically-significant cardiovascular disease"),
    ("Active hepatitis B infection", "active hepatitis b infection"),
    ("Severe renal impairment", "SEVERE RENAL IMPAIRMENT"),
    ("Uncontrolled hypertension", "Poorly controlled hypertension"),
])
def test_the_same_qualifier_kept_raises_nothing(record, page):
    assert _pair(record, page) == []


def test_qualifiers_read_the_narrowing_ones_with_their_adverb():
    found = [(kind, said) for _, _, kind, said in qualifiers("clinically significant or severe heart disease, "
                                                             "sexually active women, renal impairment")]
    assert found == [("significant", "clinically significant"), ("severe", "severe"), ("active", "sexually active")]
