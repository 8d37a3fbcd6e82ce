"""An alternative a page leaves out of an "A, B, or C" list (review round 25, J3): "(chemotherapy or immunotherapy)"
where ClinicalTrials.gov says "(chemotherapy, radiotherapy, or immunotherapy)" raised nothing, and "Known HIV or
hepatitis B infection" for "Known HIV, hepatitis B or hepatitis C infection" only the reworded note; a reader with
hepatitis C then reads that they may join. A warning naming the alternative; a faithful copy of the list (members
reordered, an Oxford comma, "and/or", a short form, Title Case) and an example left out raise nothing."""

import pytest
from test_reconcile_word_changes import _pair   # (a record with one reason someone cannot join, shown as the page)

from scrapers.reconcile.alternatives import dropped_alternatives


@pytest.mark.parametrize("record,page,gone", [
    ("Have not recovered from previous cancer treatment (chemotherapy, radiotherapy, or immunotherapy).",
     "Have not recovered from previous cancer treatment (chemotherapy or immunotherapy).", "radiotherapy"),
    ("Known HIV, hepatitis B or hepatitis C infection", "Known HIV or hepatitis B infection", "hepatitis C"),
    ("Known HIV, hepatitis B or hepatitis C infection", "Known hepatitis B or hepatitis C infection", "HIV"),
    ("Significant renal, cardiovascular or neurologic disease", "Significant renal or neurologic disease",
     "cardiovascular"),
    ("Hypersensitivity to divalproex sodium, valproic acid, or valproate sodium",
     "Hypersensitivity to divalproex sodium or valproate sodium", "valproic acid"),
])
def test_an_alternative_left_out_is_a_warning_naming_it(record, page, gone):
    assert _pair(record, page) == [(
        "criterion_changed", "warning",
        f'A reason someone cannot join differs in a list: this page leaves out "{gone}", one of the alternatives '
        f'ClinicalTrials.gov lists: this page says "{page}", but ClinicalTrials.gov says "{record}".')]


@pytest.mark.parametrize("record,page", [
    # the list written another way
    ("Prior chemotherapy, radiotherapy, or immunotherapy", "Prior radiotherapy, chemotherapy, or immunotherapy"),
    ("Prior chemotherapy, radiotherapy, or immunotherapy", "Prior chemotherapy, radiotherapy or immunotherapy"),
    ("Prior chemotherapy, radiotherapy or immunotherapy", "Prior chemotherapy, radiotherapy, and/or immunotherapy"),
    ("Prior chemotherapy, radiotherapy, or immunotherapy", "Prior Chemotherapy, Radiotherapy, Or Immunotherapy"),
    ("Prior chemotherapy, radiotherapy, or immunotherapy", "Prior chemotherapy, RT, or immunotherapy"),
    ("Known HIV, HBV, or HCV infection", "Known HIV, hepatitis B virus, or hepatitis C virus infection"),
    ("History of stroke, myocardial infarctions, or angina", "History of stroke, myocardial infarction or angina"),
    # examples left out: the rule is the head, not the list
    ("Serious illness such as diabetes, hypertension, or asthma", "Serious illness such as diabetes or asthma"),
    ("Immunomodulators including interferon, interleukins, or systemic corticosteroids.",
     "Immunomodulators including interferon or systemic corticosteroids."),
    ("Other cancers (e.g., breast, lung, or colon cancer)", "Other cancers (e.g., breast or colon cancer)"),
    ("Heart disease, lung disease, or kidney disease, etc.", "Heart disease or kidney disease, etc."),
    # the left-out member still named elsewhere in the item, or only in its short form
    ("Prior chemotherapy, radiotherapy, or immunotherapy; radiotherapy within 4 weeks",
     "Prior chemotherapy or immunotherapy; radiotherapy within 4 weeks"),
    ("Prior chemotherapy, radiotherapy (RT), or immunotherapy", "Prior chemotherapy, RT, or immunotherapy"),
    # a describing word of the list's last part is no alternative
    ("Severe asthma, diabetes, or active hepatitis", "Severe asthma, diabetes, or hepatitis"),
])
def test_a_faithful_list_or_an_example_left_out_raises_no_list_warning(record, page):
    assert not any("differs in a list" in m for *_, m in _pair(record, page))
    assert dropped_alternatives(record, page) == []


@pytest.mark.parametrize("record,page,gone", [
    # a two-part "A or B" with one part left out: it was a critical "differs in an "or"" that named nothing
    ("Known HIV or hepatitis B infection", "Known HIV infection", "hepatitis B"),
    ("Known HIV or hepatitis B infection", "Known hepatitis B infection", "HIV"),
    ("Prior chemotherapy or radiotherapy", "Prior chemotherapy", "radiotherapy"),
    ("Pregnant or breastfeeding women", "Pregnant women", "breastfeeding"),
    # a list with its examples after it is no list of examples (NCT01406860, NCT00000452)
    ("Known or suspected QT prolongation, including congenital long QT syndrome",
     "Known QT prolongation, including congenital long QT syndrome", "suspected QT"),
    ("Severe physical or medical illnesses such as AIDS", "Severe medical illnesses such as AIDS", "physical"),
])
def test_one_part_of_two_left_out_is_a_warning_naming_it(record, page, gone):
    test_an_alternative_left_out_is_a_warning_naming_it(record, page, gone)


@pytest.mark.parametrize("record,page", [
    ("Serious illness such as diabetes or asthma", "Serious illness such as diabetes"),
    ("Other cancers (e.g., breast or colon cancer)", "Other cancers (e.g., colon cancer)"),
    ("Prior chemotherapy or radiotherapy", "Prior radiotherapy or chemotherapy"),
    ("Prior chemotherapy or radiotherapy", "Prior chemotherapy and/or radiotherapy"),
    ("Prior chemotherapy or radiotherapy", "Prior Chemotherapy Or Radiotherapy"),
])
def test_an_example_of_two_left_out_or_a_faithful_two_part_list_raises_no_alarm(record, page):
    """An example is the record's to give and a copy's to shorten (it was a critical "differs in an "or"")."""
    assert _pair(record, page) == []


@pytest.mark.parametrize("record,page", [
    ("Age 18 or older", "Age 18"),   # (a limit, not an alternative)
    ("Patients with or without metastases", "Patients with metastases"),   # (a "not" lost too)
    ("Uncontrolled diabetes or hypertension", "Uncontrolled diabetes and hypertension"),   # ("and" for "or")
    ("Male or female", "Female"),   # (a sex turned away, never only a list's part)
])
def test_an_or_that_is_no_alternative_left_out_stays_critical(record, page):
    assert [s for _, s, _ in _pair(record, page)] == ["critical"]
