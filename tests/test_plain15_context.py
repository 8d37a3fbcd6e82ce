"""Items whose meaning hangs on the lead-in above them (review r49, plain15).

F1: a lead-in that negates its list in its last clause ("… . None of the following should be present:", "May not have
entered accelerated phase as defined by any of the following:") had its items said "You have symptomatic splenomegaly"
under "You may be able to join if…". F2: a lead-in about the participant's kin ("Two or more maternally related males
manifesting at least one of the following XLP phenotypes:") had the relatives' illnesses said "You have aplastic
anemia". F3: a lead-in defining a term ("Nonmeasurable is defined as any of the following:") and an item saying what
does not count ("… not considered a prior hormonal intervention") were said as the reader's. F4: "except for the
following" was no exceptions label, so the exceptions were unmarked "You have hypomagnesemia". Lead-in and item texts
are the records' own unless marked synthetic.
"""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers.criteria import parse_criteria
from scrapers.criteria_markers import EXCEPT_LABEL
from scrapers.lead_ins import defines_a_term, negates_list, says_out
from scrapers.official import OfficialRecord
from server import explain
from server.explain import explain_item, explain_text


def _tree(es):
    for e in es:
        yield e
        yield from _tree(e.children)


def _under(pc, section: str, lead_end: str):
    heads = [e for e in _tree(getattr(pc, section)) if e.original.rstrip().endswith(lead_end)]
    assert heads, [e.original[-80:] for e in _tree(getattr(pc, section))]
    return heads[0]


def _you(e) -> bool:
    return e.shown.startswith(("You ", "Your "))


# ---------------------------------------------------------------- F1: a negating last clause

NEGATING = [
    # NCT00461084: the negation follows a sentence of the lead-in's own
    "Staging fulfills criteria for no initial treatment according to GELF criteria for advanced stage disease. "
    "None of the following should be present:",
    "May not have entered accelerated phase as defined by any of the following:",                   # NCT00006056
    "Patient or her household contacts must not have any of the following:",                        # NCT00002916
    "Patients with head and neck cancer must not have any of the following:",                       # NCT00492089
    "Patients must not have any uncontrolled intercurrent illness including, but not limited to:",  # NCT02465060
    "Subjects cannot have received any of these:",                                                  # synthetic
    "Measurable disease. Patients should not have any of the following:",                           # synthetic
]


@pytest.mark.parametrize("text", NEGATING)
def test_a_negating_last_clause_makes_its_items_reasons_to_stay_out(text):
    assert negates_list(text) and says_out(text)
    assert not explain._children_addressed(text, "inclusion", True)
    assert not explain._children_addressed(text, "unplaced", True)
    # (under the exclusions its items are reasons you cannot join: said of you, as before; not where the lead-in names
    # someone else beside the patient, F2)
    assert explain._children_addressed(text, "exclusion", True) is ("household" not in text)


@pytest.mark.parametrize("text", [
    # NCT03799601: the negation is in a sentence run on without a space, and "no risk" follows the list word
    "Women of child-bearing age should take appropriate contraceptive measures and should not breastfeed from "
    "screening to 3 months after stopping the study and treatment.Before starting administration, the pregnancy test "
    "was negative, or one of the following criteria was met to prove that there was no risk of pregnancy:",
    # NCT05897541: no list word after the negation: requirements follow
    "Must not be considered by the investigator or subinvestigator to have SARS-CoV-2 infection and:",
    "Patients who do not have any of the following must have a biopsy:",        # synthetic: a clause about some
    "Patients may or may not have any of the following:",                       # synthetic
    "Patients must have one of the following:",
])
def test_not_a_negating_lead_in(text):
    assert not negates_list(text)
    assert explain._children_addressed(text, "inclusion", True)


@pytest.mark.parametrize("text", [
    "Other: No medical contraindication to surgery, e.g.:",                                  # NCT00004670
    # a negated item without a colon, over what it rules out
    "No other serious medical or psychiatric illness which would prevent informed consent or general anesthesia",  # NCT00003657
    "No clinically significant ascites or pleural effusion",                                 # NCT00002687
])
def test_a_negated_parent_does_not_address_its_items(text):
    for section in ("inclusion", "exclusion", "unplaced"):
        assert not explain._children_addressed(text, section, True)


def test_a_negated_parent_over_an_elaboration():
    text = """Inclusion Criteria:

* No clinically significant ascites or pleural effusion
  * Clinically significant pleural effusion defined as shortness of breath with oxygen saturation less than 90%
* Not pregnant or nursing
  * Negative pregnancy test
"""
    kids = [k for e in explain_text(text).inclusion for k in e.children]
    assert len(kids) == 2 and not _you(kids[0]), [k.shown for k in kids]


def test_nct00461084_splenomegaly_is_not_said_as_yours():
    text = """Inclusion Criteria:

* Staging fulfills criteria for no initial treatment according to GELF criteria for advanced stage disease. None of the following should be present:
  * A nodal or extranodal mass with a diameter of >7 cm,
  * Symptomatic splenomegaly,
  * Ureteral compression.
"""
    pc = explain_text(text)
    kids = _under(pc, "inclusion", "None of the following should be present:").children
    assert [k.original for k in kids][1] == "Symptomatic splenomegaly,"
    assert not any(_you(k) for k in kids), [k.shown for k in kids]


@pytest.mark.parametrize("nct_id, lead_end, item", [
    ("NCT00461084", "None of the following should be present:", "Symptomatic splenomegaly,"),
    ("NCT00006056", "accelerated phase as defined by any of the following:", "Lymphadenopathy"),
    ("NCT00002916", "household contacts must not have any of the following:", "Known immunodeficiency"),
])
def test_records_with_a_negating_lead_in(shared_dir, nct_id, lead_end, item):
    rec = OfficialRecord(corpus_record(shared_dir, nct_id))
    kids = _under(explain_text(rec.eligibility_criteria, rec), "inclusion", lead_end).children
    assert any(k.original == item for k in kids), [k.original for k in kids]
    assert not any(_you(k) for k in kids), [k.shown for k in kids]


@pytest.mark.parametrize("nct_id, item, shown_start", [
    ("NCT03799601", "Have undergone irreversible sterilization surgery", "You have had irreversible sterilization"),
    ("NCT05897541", "No measured fever at Screening", "You have no measured fever"),
])
def test_harmless_alternatives_keep_their_you(shared_dir, nct_id, item, shown_start):
    rec = OfficialRecord(corpus_record(shared_dir, nct_id))
    pc = explain_text(rec.eligibility_criteria, rec)
    mine = [e for e in _tree(pc.inclusion) if e.original.startswith(item)]
    assert mine and all(e.shown.startswith(shown_start) for e in mine), [e.shown for e in mine]


# ---------------------------------------------------------------- F2: the participant's kin

@pytest.mark.parametrize("text", [
    "Two or more maternally related males manifesting at least one of the following XLP phenotypes:",  # NCT00006056
    "1 affected family member must have one of the following:",                                      # NCT00004210
    "First-degree relatives must have:",                                    # synthetic
    "Siblings:",                                                            # synthetic
    "Household contacts must not have:",                                    # synthetic
    "Family members of the patient with any of the following:",             # synthetic
    # the patient named with someone else: each item may be either's (r49 F2)
    "Patient or her household contacts must have one of the following:",    # synthetic (NCT00002916 without the "not")
    "Patients and donors must have:",                                       # synthetic
    # (the relative has them: "Breast cancer before age 50" is not "You have breast cancer …")
    "Patients must have a first-degree relative with one of the following:",   # synthetic
    "Presence of household member or close contact to someone who:",          # NCT00496821 (an exclusion)
    "Patients in this category will be eligible if they or their biologic family members manifest one or more of the "
    "following features in a pattern suggestive of a heritable urologic malignant disorder:",   # NCT00001238
    "Identification in the fetus of any of the following structural lesions considered causal for congenital heart "
    "block:",                                                                   # NCT00460928 (an exclusion)
])
def test_a_lead_in_about_kin_does_not_address_its_items(text):
    assert not explain._children_addressed(text, "inclusion", True)
    assert not explain._children_addressed(text, "exclusion", True)


@pytest.mark.parametrize("text", [
    "Patients must have one of the following:",
    "Disease characteristics:",
])
def test_a_lead_in_of_the_patient_still_addresses_its_items(text):
    assert explain._children_addressed(text, "inclusion", True)


def test_nct00006056_the_relatives_phenotypes_are_not_yours(shared_dir):
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00006056"))
    kids = _under(explain_text(rec.eligibility_criteria, rec), "inclusion", "XLP phenotypes:").children
    assert "Aplastic anemia" in [k.original for k in kids]
    assert not any(_you(k) for k in kids), [k.shown for k in kids]


def test_someone_elses_label_of_kin_keeps_its_words():
    e = explain_item("Relatives: History of breast cancer", "inclusion")     # synthetic
    assert not e.shown.startswith("Relatives: You"), e.shown


# ---------------------------------------------------------------- F3: definitions and what does not count

@pytest.mark.parametrize("text, defines", [
    ("Nonmeasurable is defined as any of the following:", True),                          # NCT00005989
    ("One prior hormonal intervention is defined by any of the following:", True),        # NCT00002723
    ("The following are NOT considered measurable:", True),
    ("The following are not considered measurable but are followed for response:", True),  # NCT00002878
    ("The following lesions are considered nonmeasurable:", True),                        # NCT00004856
    ("Nonmeasurable disease defined as any of the following:", True),                     # NCT00005999
    ("Lesions considered intrinsically nonmeasurable include:", True),                    # NCT00005949
    ("Measurable disease. Adequate contraception is defined as:", True),                  # synthetic
    ("Significant cardiac disease defined as:", False),                                   # NCT00461045 (exclusion)
    ("Postmenopausal, as defined by any of the following:", False),                       # NCT00499681
    ("Patients are considered high risk if they have:", False),                           # synthetic
    ("Patients will be considered eligible if:", False),                                  # synthetic
    ("Must not be considered by the investigator or subinvestigator to have SARS-CoV-2 infection and:", False),
])
def test_defines_a_term(text, defines):
    assert defines_a_term(text) is defines
    for section in ("inclusion", "exclusion", "unplaced"):
        if defines:
            assert not explain._children_addressed(text, section, True)


def test_nct00005989_nonmeasurable_forms_are_not_said_as_yours():
    text = """Inclusion Criteria:

* Measurable disease
  * At least 20 mm in at least one dimension
  * Nonmeasurable is defined as any of the following:
    * Bone lesions
    * Leptomeningeal disease
    * Inflammatory breast disease
    * Lymphangitis cutis/pulmonis
"""
    kids = _under(explain_text(text), "inclusion", "defined as any of the following:").children
    assert len(kids) == 4 and not any(_you(k) for k in kids), [k.shown for k in kids]


@pytest.mark.parametrize("text", [
    "Prior neoadjuvant or adjuvant deprivation for treatment of nonmetastatic disease not considered a prior hormonal "
    "intervention",                                                                    # NCT00002723
    "Previous chemotherapy does not count as a prior regimen",                         # synthetic (r49)
    "Prior chemotherapy counts as one regimen",                                        # synthetic
    "Prior radiotherapy considered a separate regimen",                                # synthetic
])
def test_an_item_saying_what_counts_is_not_you_have_had(text):
    e = explain_item(text, "inclusion")
    assert not _you(e), e.shown


def test_prior_treatment_alone_is_still_yours():
    assert explain_item("Prior radiotherapy", "inclusion").shown.startswith("You have had")
    assert explain_item("Prior chemotherapy allowed", "inclusion").shown.startswith("Prior ")


# ---------------------------------------------------------------- F4: "except for the following"

@pytest.mark.parametrize("text, rule", [
    ("No other prior malignancy except for the following:", "No other prior malignancy"),
    ("Concurrent toxicity must be ≤ grade 2 except for the following, which may be grade 3:",   # NCT00492167
     "Concurrent toxicity must be ≤ grade 2"),
    ("Concurrent systemic chemotherapy allowed for recurrent disease after first course of treatment except for "
     "these:", "Concurrent systemic chemotherapy allowed for recurrent disease after first course of treatment"),
    ("Supplements are not permitted while on protocol therapy, except for any combination of the following:",
     "Supplements are not permitted while on protocol therapy"),                          # NCT00460031 (its lead-in)
    ("Previously untreated except for the following:", "Previously untreated"),          # NCT00002756
    ("No concurrent medications except for the following classes of medications:", "No concurrent medications"),
    ("History of malignancy, except:", "History of malignancy"),                          # as before
])
def test_except_for_the_following_is_an_exceptions_label(text, rule):
    m = EXCEPT_LABEL.search(text)
    assert m and text[:m.start()].rstrip(" ,;:") == rule
    assert not explain._children_addressed(text, "inclusion", True)
    assert not explain._children_addressed(text, "exclusion", True)


@pytest.mark.parametrize("text", [
    # run on: the exceptions follow on the line itself (NCT00009906)
    "No other prior malignancy is allowed except for the following: adequately treated basal cell skin cancer",
    "Except for the following reasons, patients are eligible",
    "No prior malignancy except curatively treated basal cell skin cancer",
])
def test_not_an_exceptions_label(text):
    assert not EXCEPT_LABEL.search(text)


def test_nct00492167_grade_3_exceptions_are_marked_and_not_yours():
    text = """Inclusion Criteria:

* Concurrent toxicity must be ≤ grade 2 except for the following, which may be grade 3:
  * Myelosuppression
  * Hyperbilirubinemia from TPN
  * Hypomagnesemia
"""
    head = _under(explain_text(text), "inclusion", "which may be grade 3:")
    assert head.to_dict()["exceptions"] is True
    assert not any(_you(k) for k in head.children), [k.shown for k in head.children]


def test_exceptions_under_an_exclusion_are_marked():
    text = """Exclusion Criteria:

* Other malignancy within 5 years, except for the following:
  * Basal cell carcinoma of the skin
  * Carcinoma in situ of the cervix
* No uncontrolled infection
"""
    pc = explain_text(text)
    head = _under(pc, "exclusion", "except for the following:")
    assert head.to_dict()["exceptions"] is True and len(head.children) == 2
    assert not any(k.worded_as_requirement or _you(k) for k in head.children)


def test_a_rule_of_its_own_is_lifted_from_the_new_exceptions_label():
    """An old PDQ list nests rules after the exceptions (criteria_mend.lift_rules_from_exceptions): under the wider
    label too, "Not pregnant or nursing" is a rule of its own, not an exception."""
    crit = parse_criteria("""Inclusion Criteria:

* No other prior malignancy except for the following:
  * Adequately treated basal cell skin cancer
  * Not pregnant or nursing
""")
    top = crit.inclusion
    assert [c.text for c in top[0].children] == ["Adequately treated basal cell skin cancer"]
    assert top[1].text == "Not pregnant or nursing"


def test_a_household_contacts_pregnancy_is_not_the_participants():
    """glance reads the same SOMEONE_ELSE (its _OTHERS_LEAD): NCT00001043's "Household contact with persons meeting
    any of the following criteria: pregnancy, …" (a vaccinia trial) said the participant's pregnancy was excluded."""
    from server.glance import at_a_glance
    text = """Exclusion Criteria:

* Eczema.
* Household contact with persons meeting any of the following criteria:
  * pregnancy, < 12 months of age, eczema, or immunodeficiency disease or use of immunosuppressive medications.
"""
    assert at_a_glance(None, parse_criteria(text))["pregnancy_excluded"] is False
    assert at_a_glance(None, parse_criteria(text + "* Pregnancy\n"))["pregnancy_excluded"] is True


@pytest.mark.parametrize("lead", [
    # a definition (NCT04207047), examples of what meets the rule (NCT04710303), a double negative (NCT00003728)
    "Women will not be considered of childbearing potential if one of the following conditions is documented on the "
    "medical records:",
    "Participant must not be of reproductive potential or sterile(as verified by medical records), such as:",
    "All VHR patients are eligible for this study except those whose sole VHR criterion is age and who have none of "
    "the following features:",
])
def test_lead_ins_that_define_or_give_examples_do_not_negate_their_list(lead):
    """Review r50 F6: read as reasons to stay out, these hid a page moving their items between the lists."""
    from scrapers.lead_ins import negates_list
    assert not negates_list(lead)


def test_the_criteria_comparison_does_not_read_a_negated_list_as_the_records_exclusions():
    """explain's wording reads a negated list's items as reasons to stay out; the criteria comparison keeps its own
    reading of what the record says out (a page moving such an item is still said to move it; review r50 F6)."""
    from scrapers.lead_ins import says_out
    lead = "Staging fulfills criteria for no initial treatment. None of the following should be present:"
    assert says_out(lead) and not says_out(lead, negated_lists=False)
