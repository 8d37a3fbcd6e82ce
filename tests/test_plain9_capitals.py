"""A record's capital kept in mid-sentence after an opening the rewrite added ("You have Severely low red blood cell
count", "Untreated Low sex hormones"): an ordinary word is put in small letters there; a name, an acronym, a drug's
name or a named score keeps its capitals."""

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("item, shown", [
    ("Patients with Severe Anemia", "You have severely low red blood cell count"),
    ("Patients with Untreated Hypogonadism", "You have untreated low sex hormones"),
    ("History of Untreated Hypogonadism", "You have had untreated low sex hormones"),
    ("History of Severe Hypotension", "You have had severely low blood pressure"),
    ("Diagnosis of Asthma", "You have a diagnosis of asthma"),
    ("Patients with Cardiogenic shock", "You have cardiogenic shock"),
    ("No Severe Anemia", "You have no severely low red blood cell count"),
])
def test_an_ordinary_word_after_the_opening_is_in_small_letters(item, shown):
    assert explain_item(item, "inclusion").shown == shown


@pytest.mark.parametrize("item, kept", [
    ("Patients with Crohn's Disease", "Crohn's"),
    ("Patients with Parkinson's Disease", "Parkinson's"),
    ("Patients with Klinefelter", "Klinefelter"),
    ("Patients with Heart Failure", "Heart Failure"),   # (a Title Case term, as first_words.a_name reads it)
    ("Cauda Equina Syndrome,", "Cauda Equina Syndrome"),
    ("Patients with HIV infection", "HIV"),
    ("Have an Eastern Cooperative Oncology Group (ECOG) performance status of 0 or 1", "Eastern Cooperative Oncology"),
    ("Be English speaking", "English"),
    ("Patients with Type 1 or Type 2 diabetes", "Type 1 or Type 2"),
    ("Chronic Antabuse (disulfiram) therapy.", "Antabuse"),
    ("Currently taking Metformin", "Metformin"),
    ("Recent Household, Daycare, Or School Exposure To Varicella", "Household, Daycare"),
])
def test_a_name_acronym_drug_or_title_case_list_keeps_its_capitals(item, kept):
    assert kept in explain_item(item, "inclusion").shown


def test_small_words_leaves_a_named_score_and_a_longer_name():
    from server.first_words import small_words
    assert small_words("You have Numeric Rating Scale score of 4", 9) == "You have Numeric Rating Scale score of 4"
    assert small_words("You have Diagnostic and Statistical Manual criteria", 9).endswith("Diagnostic and Statistical Manual criteria")
    assert small_words("You have Severe Anemia", 9) == "You have severe anemia"


@pytest.mark.parametrize("item, shown", [
    ("Untreated Hypogonadism", "Untreated low sex hormones"),
    ("Uncontrolled Hypertension", "Uncontrolled high blood pressure"),
])
def test_a_replacement_after_a_describing_word_that_starts_the_sentence_is_in_small_letters(item, shown):
    # (an item not addressed to the reader: no "You have" goes in front)
    assert explain_item(item, "exclusion", addressed=False).shown == shown


def test_a_title_case_label_and_a_one_word_replacement_keep_their_capitals():
    assert explain_item("Concurrent Medication:", "exclusion", addressed=False).shown == "Concurrent Medicine:"
    assert explain_item("Severe Cardiovascular Disease: uncontrolled hypertension", "exclusion").shown.startswith(
        "Severe Heart and blood vessel Disease:")
