"""plain21: rewrites that read as broken English, or that say less than the record, are fixed or not shown.
"Are experiencing wasting" read "Are having wasting" (NCT00000952); "Patients with hysterectomy or tubal ligation before
informed consent" read "You have removal of the womb …" (NCT05923281); "POST-TREATMENT LYME DISEASE SYNDROME (PTLDS)",
a heading in capitals, read "You have POST-TREATMENT …", and the fragment "disease." read "You have disease."
(NCT00001539)."""

from __future__ import annotations

import pytest

from server.explain import explain_item
from server.kept_words import keep_record_words


@pytest.mark.parametrize("item, shown", [
    ("Are experiencing wasting (significant weight loss).", "Have wasting (significant weight loss)."),
    ("Are experiencing at least 1 of the following symptoms associated with fat changes:",
     "Have at least 1 of these symptoms associated with fat changes:"),
])
def test_are_experiencing_in_a_list_reads_have(item, shown):
    e = explain_item(item, "exclusion", addressed=False)
    assert (e.shown, e.rewritten) == (shown, True)
    assert "having" not in e.shown


def test_are_experiencing_an_event_is_left_to_the_lexicon():
    assert explain_item("Are experiencing a relapse.", "exclusion", addressed=False).shown == "Are having a relapse."


@pytest.mark.parametrize("item, start", [
    ("Patients with hysterectomy or tubal ligation before informed consent", "You have had removal of the womb"),
    ("Patient with surgery or previous fracture of spinal stenosis", "You have had surgery or past fracture"),
    ("People with vasectomy and ligation", "You have had "),
])
def test_an_operation_is_something_you_have_had(item, start):
    e = explain_item(item, "exclusion")
    assert e.shown.startswith(start), e.shown
    assert "had had" not in e.shown


@pytest.mark.parametrize("item, start", [
    ("Patients with surgery planned during the study", "You have surgery planned"),   # not yet done
    ("Patients with prior hysterectomy", "You have had removal of the womb"),   # "had" once
])
def test_an_operation_planned_or_beside_an_illness_keeps_have(item, start):
    e = explain_item(item, "exclusion")
    assert e.shown.startswith(start), e.shown
    assert "had had" not in e.shown


@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_a_heading_in_capitals_is_not_made_a_criterion(section):
    item = "POST-TREATMENT LYME DISEASE SYNDROME (PTLDS)"
    e = explain_item(item, section)
    assert (e.shown, e.rewritten, e.losses) == (item, False, [])


def test_capitals_with_a_number_or_already_about_you_are_not_headings():
    assert not keep_record_words("AGE 18 OR OLDER", "You are 18 or older")
    assert not keep_record_words("YOU HAVE DIABETES", "You have diabetes")
    assert not keep_record_words("HIV POSITIVE", "HIV (the virus that causes AIDS) POSITIVE")   # glossed, not "You"
    assert explain_item("Diabetes mellitus", "exclusion").shown.startswith("You have")   # not capitals: still reworded


@pytest.mark.parametrize("item", ["disease.", "Illness", "conditions;"])
def test_a_word_naming_no_illness_is_not_made_you_have(item):
    e = explain_item(item, "inclusion")
    assert not e.shown.startswith("You"), e.shown
    assert e.shown.lower() == item.lower() and e.rewritten is False


def test_a_word_naming_an_illness_is_still_reworded():
    assert explain_item("Diabetes", "exclusion").shown == "You have diabetes"


@pytest.mark.parametrize("item, shown", [
    ("Has undergone major surgery within 30 days of Study Day 1;", "You have had major surgery within 30 days of Study Day 1;"),
    ("Received radical prostatectomy", "You have had surgery to remove the whole prostate"),
    ("plans for surgery in next 3 months", "You have plans for surgery in next 3 months"),
    ("Subjects who have undergone vasectomy", "You have had male sterilization surgery"),
])
def test_an_operation_said_with_its_own_verb_is_left_as_it_was(item, shown):
    assert explain_item(item, "exclusion").shown == shown   # (a first draft made these "You have had had …")


@pytest.mark.parametrize("item, shown", [
    ("Have had a hysterectomy (uterus removed) within the past 4 months.",
     "You have had surgery to remove the womb (uterus removed) within the past 4 months."),
    ("Has not undergone a hysterectomy or bilateral oophorectomy; or",
     "You have not had surgery to remove the womb or removal of both ovaries; or"),
])
def test_a_removal_of_reads_surgery_to_remove(item, shown):
    assert explain_item(item, "inclusion").shown == shown   # (was "… had a removal of the womb …")
