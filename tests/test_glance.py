"""The pregnancy flag at a glance ("Pregnancy: Excluded" on the card and the trial page) is
raised only when the record excludes the participant's own pregnancy. Real records' wording."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance


def flag(text: str) -> bool:
    return at_a_glance(None, parse_criteria(text))["pregnancy_excluded"]


@pytest.mark.parametrize("text", [
    "Exclusion Criteria:\n\n* Pregnant or lactating women",
    "Exclusion Criteria:\n\n* Current pregnancy or plans to become pregnant during the study period",
    "Inclusion Criteria:\n\n* Not pregnant or nursing",
    "Inclusion Criteria:\n\n* Negative pregnancy test at screening",
])
def test_own_pregnancy_excluded(text):
    assert flag(text) is True


@pytest.mark.parametrize("text", [
    # the trial enrols pregnant women
    "Inclusion Criteria:\n\n* Singleton pregnancy\n\nExclusion Criteria:\n\n* Multiple pregnancies (i.e. twins, triplets)",
    "Inclusion Criteria:\n\n* Gestational age between 20 and 30 weeks.\n\nExclusion Criteria:\n\n* Pregnancy",
    "Inclusion Criteria:\n\n* Pregnant women of all parities\n\nExclusion Criteria:\n\n* Severely ill pregnant women",
    # a pregnancy named as a time, or someone else's
    "Exclusion Criteria:\n\n* Evidence of syphilis that requires therapy during this pregnancy.",
    "Exclusion Criteria:\n\n* Contact with pregnant caregiver",
    "Exclusion Criteria:\n\n* Household contacts who are pregnant or immunodeficient",
    "Exclusion Criteria:\n\n* Partner is pregnant",
])
def test_no_pregnancy_alarm_the_record_does_not_back(text):
    assert flag(text) is False


def test_breastfeeding_flag_not_raised_for_a_trial_of_breastfeeding_mothers():
    crit = parse_criteria("Inclusion Criteria:\n\n* Lactating women 4 to 12 weeks after delivery\n\n"
                          "Exclusion Criteria:\n\n* Breastfeeding less than 4 times a day")
    assert at_a_glance(None, crit)["breastfeeding_excluded"] is False
    crit = parse_criteria("Exclusion Criteria:\n\n* Pregnant or breastfeeding")
    assert at_a_glance(None, crit)["breastfeeding_excluded"] is True


def test_a_clause_about_a_spouse_leaves_the_participants_own_exclusion_standing():
    """NCT06495437: "Pregnant and lactating women; Have a pregnancy plan in the next 2 years (including the spouse's
    pregnancy plan)" is one item; the spouse in its second clause kept the first out, and the glance showed no
    pregnancy or breastfeeding row (review round 7)."""
    crit = parse_criteria("Exclusion Criteria:\n\n* Pregnant and lactating women; Have a pregnancy plan in the next 2 "
                          "years (including the spouse's pregnancy plan); Refusal to use effective contraception;")
    glance = at_a_glance(None, crit)
    assert (glance["pregnancy_excluded"], glance["breastfeeding_excluded"]) == (True, True)
    # a clause about the partner alone is still not the participant's
    assert flag("Exclusion Criteria:\n\n* Male participants whose partner is pregnant") is False
    # an inclusion item listing a household contact's conditions does not enrol nursing women (NCT00068588's kind)
    crit = parse_criteria("Inclusion Criteria:\n\n* Patients must be able to avoid close household contact with persons "
                          "with eczema; pregnant or nursing women; children under 5 years of age\n\nExclusion Criteria:"
                          "\n\n* Pregnant or lactating women")
    assert at_a_glance(None, crit)["breastfeeding_excluded"] is True
