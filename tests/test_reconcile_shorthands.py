"""Shorthand in the criteria drift check: a page that writes a faithful shorthand for the record's words raises
nothing, a shorthand of something else still warns, and a page that drops one of two slash-joined tests warns.

Review of the shorthand list (words.SHORTHAND): "HBV" for "hepatitis B", "DHPG" for "ganciclovir" and the other
pairs the corpus defines but whose letters do not spell the words were "differs in a word" warnings; two short forms
in a row ("uncontrolled HTN, CVA") read as one changed word; "eGFR" and "Ph" did not pair with their words (a
criterion_added and a left-out warning); "AST" for the record's "AST/ALT" raised nothing."""

import pytest

from scrapers.reconcile.alike import short_forms, worded_sim
from scrapers.reconcile.words import WordChange, word_changes
from test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page", [
    ("Known hepatitis B infection", "Known HBV infection"),
    ("Known hepatitis C", "Known HCV"),
    ("Active herpes simplex infection", "Active HSV infection"),
    ("History of varicella-zoster infection", "History of VZV infection"),
    ("Receiving ganciclovir for maintenance", "Receiving DHPG for maintenance"),
    ("Prior systemic acyclovir", "Prior systemic ACV"),
    ("Concurrent erythropoietin", "Concurrent EPO"),
    ("Taking dehydroepiandrosterone supplements", "Taking DHEA supplements"),
    ("Prior carmustine wafers", "Prior BCNU wafers"),
    ("HER2 positive by immunohistochemistry", "HER2 positive by IHC"),
    ("Abnormal electromyography findings", "Abnormal EMG findings"),
    ("Willing to undergo pharmacokinetic sampling", "Willing to undergo PK sampling"),
    ("Second or third degree atrioventricular block", "Second or third degree AV block"),
    ("Adenocarcinoma of the gastroesophageal junction", "Adenocarcinoma of the GE junction"),
    ("Serum albumin below normal", "Serum Alb below normal"),
    ("Positive urine screen for phencyclidine", "Positive urine screen for PCP"),
    ("Prior diethylstilbestrol", "Prior DES"),
])
def test_a_shorthand_the_corpus_defines_for_the_words_is_no_change(record, page):
    assert word_changes(record, page) == []
    assert _pair(record, page) == []


@pytest.mark.parametrize("record,page,changed", [
    ("Known hepatitis C infection", "Known HBV infection", ("hepatitis C", "HBV")),
    ("Known hepatitis B infection", "Known HCV infection", ("hepatitis B", "HCV")),
    ("Active herpes zoster infection", "Active HSV infection", ("herpes zoster", "HSV")),
    ("Receiving foscarnet for maintenance", "Receiving DHPG for maintenance", ("foscarnet", "DHPG")),
    ("Abnormal electrocardiogram findings", "Abnormal EMG findings", ("electrocardiogram", "EMG")),
    ("Active gastrointestinal bleeding", "Active GE bleeding", ("Active gastrointestinal", "Active GE")),
    ("Symptomatic hypotension", "Symptomatic HTN", ("hypotension", "HTN")),
])
def test_a_shorthand_of_another_thing_is_still_a_change(record, page, changed):
    assert word_changes(record, page) == [WordChange(*changed)]
    assert [(k, s) for k, s, _ in _pair(record, page)] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("record,page", [
    ("Uncontrolled hypertension, cerebrovascular accident", "Uncontrolled HTN, CVA"),
    ("History of hypertension, diabetes mellitus", "History of HTN, DM"),
    ("Active hepatitis B, hepatitis C", "Active HBV, HCV"),
    ("Prior acyclovir/ganciclovir", "Prior ACV/DHPG"),
])
def test_two_shorthands_in_a_row_are_no_change(record, page):
    assert word_changes(record, page) == []
    assert _pair(record, page) == []


@pytest.mark.parametrize("record,page,changed", [
    ("Uncontrolled hypotension, cerebrovascular accident", "Uncontrolled HTN, CVA",
     ("hypotension cerebrovascular accident", "HTN CVA")),
    ("Uncontrolled hypertension, cerebrovascular accident", "Uncontrolled HTN, MI",
     ("hypertension cerebrovascular accident", "HTN MI")),
])
def test_two_shorthands_in_a_row_one_for_another_thing_still_warn(record, page, changed):
    assert word_changes(record, page) == [WordChange(*changed)]
    assert [(k, s) for k, s, _ in _pair(record, page)] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("record,page", [
    ("Reduced estimated glomerular filtration rate", "Reduced eGFR"),
    ("Philadelphia chromosome positive ALL", "Ph positive ALL"),
])
def test_a_short_form_with_small_letters_pairs_with_its_words(record, page):
    assert worded_sim(record, page) >= 80
    assert _pair(record, page) == []


def test_short_forms_read_as_written():
    assert short_forms("eGFR and aPTT, Ph+ ALL, Hb, CD4 count, HbA1c") == ["eGFR", "aPTT", "Ph", "ALL", "Hb"]
    assert short_forms("No history of Philadelphia") == []
