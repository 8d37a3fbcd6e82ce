"""Review r27: the relaxations for bullets and two-part lists made real changes silent. A split bullet that drops the
list's head ("Allergy to") or its limiting clause ("requiring treatment"), or is a fragment ("Medical"); an exclusion
"No A or B" as bullets; "Stage II/III" as one bullet a stage; a later alternative read as an example because an
example word stood earlier in the clause; an inclusion "A or B" shown as two bullets called a part "left out". Each
was info only or a warning that named the wrong thing; each now alarms (or names what is gone), while splits that
keep every shared word on every bullet stay the criteria_split note. Record texts marked with a trial number are
that record's own item."""

import pytest
from test_reconcile_word_changes import _pair   # (a record with one reason someone cannot join, shown as the page)
from test_split_alternatives import _alarms, _found

from scrapers.reconcile.alternatives import dropped_alternatives


@pytest.mark.parametrize("record,page,gone", [
    ("Congenital or acquired immunodeficiency, immunosuppressive therapy such as anti-cancer chemotherapy or radiation "
     "therapy within the preceding 6 months, or long-term systemic corticosteroid therapy.",   # (NCT00491985)
     "Congenital or acquired immunodeficiency, immunosuppressive therapy such as anti-cancer chemotherapy or radiation "
     "therapy within the preceding 6 months.", "long-term systemic corticosteroid therapy"),
    ("Impaired immune system due to immunosuppressive diseases such as AIDS and HIV, or use of immunosuppressive "
     "medications",   # (NCT06299332)
     "Impaired immune system due to immunosuppressive diseases such as AIDS and HIV",
     "use of immunosuppressive medications"),
    ("Have any other active infection, such as tuberculosis or toxoplasmosis, or any other significant disease.",
     "Have any other active infection, such as tuberculosis or toxoplasmosis.", "other significant disease"),
])
def test_an_alternative_after_a_list_of_examples_left_out_is_named(record, page, gone):
    """(31 of 59 real "… such as X, or Y" items dropping Y were silent)"""
    assert dropped_alternatives(record, page, least=2) == [type(dropped_alternatives(record, page, 2)[0])(gone, "")]
    assert any(s == "warning" and f'leaves out "{gone}"' in m for _, s, m in _pair(record, page))


@pytest.mark.parametrize("record,bullets", [
    # the clause that limits the list on one bullet only: the other excludes everyone with it
    ("Nausea or vomiting that precludes oral dosing.", ["Nausea that precludes oral dosing", "Vomiting"]),
    ("Diabetes or hypertension requiring treatment", ["Diabetes requiring treatment", "Hypertension"]),
    ("Diabetes or hypertension requiring treatment", ["Diabetes", "Hypertension requiring treatment"]),
    ("Any condition or behavior that indicates to the investigator that the subject is unlikely to be compliant",
     ["Any condition", "Behavior that indicates to the investigator that the subject is unlikely to be compliant"]),
    # a fragment for a part
    ("Medical or psychiatric condition that precludes compliance with the protocol.",
     ["Medical", "Psychiatric condition that precludes compliance with the protocol"]),
    ("Medical or psychiatric condition", ["Medical", "Psychiatric condition"]),
    ("Recurrent or chronic unexplained diarrhea.", ["Recurrent", "Chronic unexplained diarrhea"]),
    # the head that says what the list is of, left off a bullet
    ("Allergy to nicotine or caffeine", ["Allergy to nicotine", "Caffeine"]),
    ("A family history of congenital or hereditary immunodeficiency.",
     ["A family history of congenital", "Hereditary immunodeficiency"]),
    ("Known hypersensitivity to Dutasteride or Bicalutamide", ["Known hypersensitivity to Dutasteride", "Bicalutamide"]),
    ("Known drug or alcohol dependence", ["Known drug", "Alcohol dependence"]),
    ("Are taking tetracycline or Vitamin A.", ["Are taking tetracycline", "Vitamin A"]),
    # "No A or B" of a reason someone cannot join: bullets mean "or", so "No A" + "No B" says another rule
    ("No history of bleeding or coagulopathy", ["No history of bleeding", "No history of coagulopathy"]),
    ("Not using effective contraception or breastfeeding", ["Not using effective contraception", "Not breastfeeding"]),
])
def test_an_exclusion_split_that_drops_a_shared_word_or_leaves_a_fragment_alarms(record, bullets):
    assert "critical" in [s for _, s, _ in _alarms(_found("exclusion", record, bullets))]


@pytest.mark.parametrize("record,bullets", [
    ("Postoperative pathologic stage IA/IB (grade 3)",   # (NCT00002807)
     ["Postoperative pathologic stage IA (grade 3)", "Postoperative pathologic stage IB (grade 3)"]),
    ("Heart failure, NYHA class III/IV within 6 months",
     ["Heart failure, NYHA class III within 6 months", "Heart failure, NYHA class IV within 6 months"]),
    ("Pathologic stage 1/2 disease", ["Pathologic stage 1 disease", "Pathologic stage 2 disease"]),
])
def test_a_requirement_split_one_stage_or_class_a_bullet_alarms(record, bullets):
    """(bullets of a requirement are each required: "stage 1/2" as two asks for both; 30 of 80 were silent)"""
    assert _alarms(_found("inclusion", record, bullets))


@pytest.mark.parametrize("record,bullets", [
    ("Measurable or evaluable disease", ["Measurable disease", "Evaluable disease"]),   # (NCT00003039)
    ("Histologically or cytologically confirmed adenocarcinoma",
     ["Histologically confirmed adenocarcinoma", "Cytologically confirmed adenocarcinoma"]),
])
def test_a_requirement_split_onto_two_bullets_is_the_critical_or_not_a_part_left_out(record, bullets):
    """(the page shows the other part as a second requirement: it asks for both, it leaves nothing out)"""
    alarms = _alarms(_found("inclusion", record, bullets))
    assert "critical" in [s for _, s, _ in alarms] and not any("leaves out" in m for *_, m in alarms)


def test_the_message_keeps_the_bullets_apart():
    found = _alarms(_found("exclusion", "Diabetes or hypertension requiring treatment",
                           ["Diabetes", "Hypertension requiring treatment"]))
    assert [s for _, s, _ in found] == ["critical"]
    assert 'this page says "Diabetes; Hypertension requiring treatment"' in found[0][2]


def test_a_bullet_that_loses_the_shared_period_names_it():
    found = _alarms(_found("exclusion", "History of myocardial infarction or stroke within 6 months",
                           ["History of myocardial infarction", "Stroke within 6 months"]))
    assert [s for _, s, _ in found] == ["critical"]   # (session splits2: it quoted both bullets, naming no loss)
    assert 'this page shows "History of myocardial infarction" as an item of its own, where ClinicalTrials.gov\'s ' \
        '"History of myocardial infarction or stroke within 6 months" says "History of myocardial infarction within ' \
        '6 months"' in found[0][2]


@pytest.mark.parametrize("record,bullets", [
    ("Diabetes or hypertension requiring treatment", ["Diabetes requiring treatment", "Hypertension requiring treatment"]),
    ("Current or prior use of warfarin", ["Current use of warfarin", "Prior use of warfarin"]),
    ("Unable or unwilling to provide consent", ["Unable to provide consent", "Unwilling to provide consent"]),
    ("Allergy to nicotine or caffeine", ["Allergy to nicotine", "Allergy to caffeine"]),
    ("Are pregnant or breast-feeding.", ["Are pregnant", "Are breast-feeding"]),
])
def test_an_exclusion_split_with_every_shared_word_on_every_bullet_is_only_the_split_note(record, bullets):
    assert [k for k, *_ in _found("exclusion", record, bullets)] == ["criteria_split"]


@pytest.mark.parametrize("record,bullets", [
    ("Hemoglobin < 9 g/dL or platelets < 100,000/mm3", ["Hemoglobin < 9 g/dL", "Platelets < 100,000/mm3"]),
    ("WBC < 2.5x10^9/L, or platelet count < 125x10^9/L",   # (NCT00461396)
     ["WBC < 2.5x10^9/L", "Platelet count < 125x10^9/L"]),
])
def test_an_exclusion_split_whose_parts_carry_their_own_figures_is_only_the_split_note(record, bullets):
    """(149 of 150 real ones were a critical "or": the last part's own figure was read as said of every part)"""
    assert [k for k, *_ in _found("exclusion", record, bullets)] == ["criteria_split"]


@pytest.mark.parametrize("record,bullets", [
    ("Hemoglobin < 9 g/dL or platelets < 100,000/mm3", ["Hemoglobin < 9 g/dL", "Platelets < 50,000/mm3"]),
    ("Hemoglobin < 9 g/dL or platelets < 100,000/mm3", ["Hemoglobin > 9 g/dL", "Platelets < 100,000/mm3"]),
    ("Creatinine > 2 mg/dL or clearance < 50 mL/min within 28 days",   # (the period said of both)
     ["Creatinine > 2 mg/dL", "Clearance < 50 mL/min within 28 days"]),
])
def test_a_split_with_own_figures_that_changes_one_or_drops_a_shared_period_alarms(record, bullets):
    assert "critical" in [s for _, s, _ in _alarms(_found("exclusion", record, bullets))]
