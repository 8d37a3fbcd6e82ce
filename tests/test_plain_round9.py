"""Round 8's remaining plain-English items (review round 8, NICE TO HAVE N4, N5, N6), one section each; every section
has a test that fails on the code before its fix, and tests that guard what the fix must not change."""

import pytest
from plain_support import bundled_item, shown

from server.explain import explain_item
from server.plain import glossary_for


def _terms(glossary: list[dict]) -> list[str]:
    return [g["term"].lower() for g in glossary]


# --------------------------------------------------------------------------- N4: the investigators an item is about

def test_investigators_the_item_is_about_are_not_glossed():
    """NCT06495437: "Clinical investigators who have participated in drugs within 3 months" (people who took part in
    a drug trial) kept its words but was glossed "the doctors or researchers who run the study", which confirmed the
    misreading."""
    e = bundled_item("NCT06495437", "Used stem cell")
    assert "Clinical investigators who have participated in drugs" in e.shown
    assert not any("investigator" in t for t in _terms(e.glossary))
    assert "investigators" not in _terms(glossary_for("Clinical investigators who have participated in drugs"))


@pytest.mark.parametrize("text,said", [
    ("Any condition that, in the opinion of the investigator, would interfere with the study", "the study doctor"),
    ("Judged by the investigator to be in impending respiratory failure.", "Judged by the study doctor"),
])
def test_the_investigator_who_judges_is_still_replaced_and_glossed(text, said):
    assert said in shown(text)
    assert "investigator" in _terms(explain_item(text, "exclusion").glossary)


# --------------------------------------------------------------------------- N5: "currently"

def test_currently_is_not_glossed():
    """NCT07232563: "…; currently taking warfarin with INR > 1.7" kept "currently" (a statement's start) and glossed
    it "Currently: now." (958 corpus glossaries): a word every reader knows."""
    e = bundled_item("NCT07232563", "Known bleeding tendencies")
    assert "currently taking warfarin" in e.shown
    assert "currently" not in _terms(e.glossary)
    assert "currently" not in _terms(explain_item("Patients who are currently taking warfarin", "exclusion").glossary)
    assert "currently" not in _terms(glossary_for("Currently a prisoner;"))


@pytest.mark.parametrize("text,said", [
    ("No currently active second malignancy", "currently active"),   # was "You have no now active …"
    ("Intolerant to currently approved therapies for HIV-1 infection", "to currently approved"),
    ("Treatment with a currently recommended antibiotic regimen", "a currently recommended"),
    ("Disease poorly controlled with currently available therapy", "with currently available"),
])
def test_currently_before_what_it_describes_stays_as_written(text, said):
    """"now" reads only as an adverb of the sentence: "the now approved TKIs", "No now active ADT" did not."""
    assert said in explain_item(text, "exclusion").shown


@pytest.mark.parametrize("text,said", [
    ("Patients who are currently taking warfarin", "You are now taking warfarin"),
    ("Patients who are positive for hepatitis B surface antigen or currently suffering from other infectious diseases",
     "or now suffering from"),
])
def test_currently_mid_sentence_is_still_now(text, said):
    assert said in shown(text)


def test_currently_opening_a_statement_not_addressed_stays():
    assert explain_item("Currently a prisoner;", "exclusion").shown == "Currently a prisoner;"


# --------------------------------------------------------------------------- N6: a condition named twice

def test_a_replacement_is_not_followed_by_another_word_for_a_condition():
    """NCT07041801: "interstitial encephalopathy syndrome" read "interstitial brain disorder syndrome" (half jargon, the
    condition said twice): the name stays as written, still explained."""
    e = bundled_item("NCT07041801", "Those who have had central nervous system diseases")
    assert "interstitial encephalopathy syndrome" in e.shown
    assert "encephalopathy" in _terms(e.glossary)
    assert "erection problems disorders" not in explain_item("A history of certain impotence disorders").shown
    assert "cognitive impairment disorder" in shown("Presence of cognitive impairment disorder (i.e., delirium)")


@pytest.mark.parametrize("text,said", [
    ("No coagulopathy disorder", "You have no blood clotting disorder"),   # one word: said once, as before
    ("Active encephalopathy", "brain disorder"),
    ("Hereditary cancer syndrome", "inherited cancer syndrome"),
])
def test_a_replacement_before_the_same_word_or_another_noun_is_kept(text, said):
    assert said in shown(text, "inclusion")


# --------------------------------------------------------------------------- N6: "You or your … is able"

def test_you_or_your_representative_has_a_verb():
    """NCT07635758 inclusion 5: "You or your legal representative able to understand and give written informed
    consent" had no verb. It agrees with the nearer of the two, as "You or your guardian signs" does."""
    e = bundled_item("NCT07635758", "Participant or legally authorized representative")
    assert e.shown.startswith("You or your legal representative is able to understand and give written informed consent")
    assert shown("Patient or guardian available to give written informed consent.", "inclusion") \
        .startswith("You or your guardian is available to give")
    assert shown("Patient or parent/guardian unable to provide informed consent.") \
        .startswith("You or your parent/guardian is unable to give")


def test_you_or_your_guardian_with_its_own_verb_is_unchanged():
    assert shown("The subject or guardian signs the informed consent and agrees to the proposed treatment regimen.",
                 "inclusion").startswith("You or your guardian signs the informed consent")


# --------------------------------------------------------------------------- N6: "You had" a state now

@pytest.mark.parametrize("text,said", [
    # NCT06495437 exclusion 5: a state measured against a limit, at screening
    ("The subjects had abnormal liver function (ALT and/or AST≥ 2.5 times the upper limit of normal), significant "
     "abnormal renal function;", "You have abnormal liver function"),
    ("The subject had a BMI less than 20 or greater than 48 (calculated as weight [kg]/height [m2]).",
     "You have a BMI (body mass index) less than 20"),
    ("The subjects who had uncontrollable diabetes (FPG>180mg/dL)", "You have uncontrollable diabetes"),
])
def test_a_state_measured_against_a_limit_is_now(text, said):
    assert shown(text).startswith(said)


def test_the_bundled_record_says_have_abnormal_liver_function():
    assert bundled_item("NCT06495437", "The subjects had abnormal liver function").shown \
        .startswith("You have abnormal liver function (ALT and/or AST at least 2.5 times the upper limit of normal)")


@pytest.mark.parametrize("text,said", [
    ("Patients who had any major surgery within 2 weeks", "You had any major surgery within 2 weeks"),
    ("The patient had at least one episode of major depression within the last 3 years", "You had at least one"),
    ("Subject had full remission from a malignancy for less than 1 year", "You had full remission"),   # a time
    ("Subjects had at least 8 POS during the 8-Week Baseline Period", "You had at least 8"),
    # "abnormalities" is no limit: the past tense of the whole statement stays
    ("The subjects who had uncontrolled major psychiatric disorder or had significant neurological abnormalities",
     "You had uncontrolled major mental health disorder"),
])
def test_a_past_event_or_a_time_keeps_had(text, said):
    assert shown(text).startswith(said)
