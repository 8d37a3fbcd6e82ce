"""plain22: wrong readings left by plain21. An operation beside an illness had one verb for both ("You have cervical
spine surgery and rheumatological diseases", NCT06098365); "surgically sterile with a hysterectomy" read "surgically
sterile with surgery to remove the womb" (NCT03147742)."""

from __future__ import annotations

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("item, shown", [
    ("Patients with cervical spine surgery and rheumatological diseases;",
     "You have had cervical spine surgery and have rheumatological diseases;"),
    ("previous ocular surgery and congenital eye diseases", "You have had eye surgery and have congenital eye diseases"),
    ("Patients with abdominal surgery", "You have had belly surgery"),
])
def test_an_operation_is_had_and_an_illness_is_had_now(item, shown):
    assert explain_item(item, "exclusion").shown == shown


@pytest.mark.parametrize("item, start", [
    # the operation names what the illness follows, or another verb is the record's: left as it was
    ("Patients with persistent post prostatectomy erectile dysfunction more than 18 months from prostatectomy",
     "You have lasting post"),
    ("proliferative retinopathy underwent vitrectomy", "You have proliferative"),
    ("Patients with surgery planned during the study", "You have surgery planned"),
    ("Valvular disease requiring surgery", "You have valvular disease"),
    ("Patients with mastectomy and disease-free for 5 years", "You have had breast removal surgery and disease-free"),
])
def test_an_operation_not_done_or_not_the_phrase_keeps_its_reading(item, start):
    shown = explain_item(item, "exclusion").shown
    assert shown.startswith(start), shown
    assert "had had" not in shown and "and have disease-free" not in shown


@pytest.mark.parametrize("item, shown", [
    ("Women of non-childbearing potential (ie, surgically sterile with a hysterectomy and/or bilateral oophorectomy OR "
     "≥ 12 months of amenorrhea).",
     "Women of non-childbearing potential (ie, surgically sterile with removal of the womb and/or removal of both "
     "ovaries OR at least 12 months of amenorrhea)."),
    ("Surgically sterilized with a hysterectomy", "Surgically sterilized with removal of the womb"),
])
def test_surgically_before_an_operation_says_surgery_once(item, shown):
    assert explain_item(item, "inclusion").shown == shown


def test_an_operation_without_surgical_before_it_still_reads_surgery_to_remove():
    # (plain21's reading; a comma ends the reach of "surgically": NCT02381795)
    assert explain_item("Have had a hysterectomy (uterus removed) within the past 4 months.", "inclusion").shown == (
        "You have had surgery to remove the womb (uterus removed) within the past 4 months.")
    assert "have had surgery to remove the womb" in explain_item(
        "a subject must be surgically sterile, have had a hysterectomy or tubal ligation", "inclusion").shown


@pytest.mark.parametrize("item, shown", [
    # NCT05094401: was "You have now having heart failure …" and "Currently having stage 4 …"
    ("Currently experiencing heart failure of New York Heart Association Class IV;",
     "You now have heart failure of New York Heart Association Class IV;"),
    ("Currently experiencing stage 4 or 5 chronic kidney disease;", "You now have stage 4 or 5 chronic kidney disease;"),
    # an event: "are having" reads (NCT00490516: was "Currently having an acute episode …", no one having it)
    ("Currently experiencing an acute episode of psychosis", "You are now having an acute episode of loss of touch with reality"),
])
def test_currently_experiencing_an_illness_is_currently_have(item, shown):
    e = explain_item(item, "exclusion")
    assert (e.shown, e.rewritten) == (shown, True)
    assert "have now having" not in e.shown


@pytest.mark.parametrize("item, kept", [
    # the bend of the colon's name: "liver flexure" names nothing (NCT00002575)
    ("Right colon from the ileocecal valve up to and including the hepatic flexure", "the hepatic flexure"),
    ("No transverse colon cancer (i.e., between distal hepatic flexure and proximal splenic flexure)",
     "distal hepatic flexure"),
    # "To not be considered ability to become pregnant" (NCT02381795), "Non ability to become pregnant" (NCT00497809)
    ("To not be considered childbearing potential a subject must be surgically sterile", "considered childbearing potential"),
    ("Non childbearing potential is defined as post-menopausal", "Non childbearing potential"),
])
def test_a_term_whose_plain_word_would_not_read_is_kept(item, kept):
    e = explain_item(item, "inclusion")
    assert kept in e.shown, e.shown
    assert e.glossary   # still explained


def test_hepatic_and_childbearing_potential_elsewhere_still_reworded():
    assert explain_item("hepatic dysfunction", "exclusion").shown == "Liver problems"
    assert "with ability to become pregnant" in explain_item(
        "Female patients with childbearing potential must use highly effective methods", "inclusion").shown


@pytest.mark.parametrize("item, part", [
    # "preclude subject following the study plan", "expected poor patient following the study rules": the person's
    # compliance is a noun there (33 corpus items read so)
    ("Medical or psychiatric conditions which preclude subject compliance with the protocol.",
     "preclude subject compliance with the study plan"),
    ("investigator's impression of expected poor patient compliance or anatomic inadequacy",
     "expected poor patient compliance or"),
    ("Other factors that may interfere with patient compliance.", "get in the way of patient compliance."),
])
def test_a_persons_compliance_keeps_the_word(item, part):
    e = explain_item(item, "exclusion")
    assert part in e.shown, e.shown
    assert "patient following" not in e.shown and "subject following" not in e.shown
    assert any(g["term"].lower().startswith("compliance") for g in e.glossary)   # still explained


def test_compliance_without_a_person_is_still_reworded():
    assert explain_item("Conditions that would interfere with study compliance.", "exclusion").shown == (
        "Conditions that would get in the way of following the study rules.")


@pytest.mark.parametrize("item, kept", [
    # a person relapses: "returned" read as coming back to the clinic (11 corpus items)
    ("Previously treated patients must have progressed or relapsed on Protocol CLB-8691", "progressed or relapsed on"),
    ("failed or relapsed after standard first-line antineoplastic therapy", "Failed or relapsed after"),
    ("Subjects were eligible except if they relapsed within 12 months after the last dose", "if they relapsed within"),
    ("Patients receive doxorubicin (unless relapsed less than 1 year following therapy)", "unless relapsed less than"),
])
def test_a_person_who_relapsed_is_not_returned(item, kept):
    e = explain_item(item, "inclusion", addressed=False)
    assert kept in e.shown, e.shown
    assert "returned" not in e.shown


def test_a_relapsed_illness_still_reads_returned():
    assert "that has returned or progressed" in explain_item("Kaposi's sarcoma that has relapsed or progressed.",
                                                             "inclusion").shown
    assert "treatment-resistant or returned" in explain_item("Diagnosis of refractory or relapsed ovarian epithelial cancer",
                                                             "inclusion").shown
