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


# --- review r35 #1: "Pregnancy: Excluded" on trials that enrol pregnant women ----------------------------------

@pytest.mark.parametrize("text", [
    # NCT00000888: the exclusions name only problems with the pregnancy, and twins
    "Inclusion Criteria:\n\n* Are between 14 and 32 weeks pregnant.\n\nExclusion Criteria:\n\n* Are having problems with "
    "their pregnancy.\n* Are pregnant with more than one baby (such as twins or triplets).",
    # NCT00000887, NCT00000944, NCT00001106: the trimester said
    "Inclusion Criteria:\n\n* Are in the 2nd or 3rd trimester (14 to 34 weeks pregnant).\n\nExclusion Criteria:\n\n"
    "* Are at risk for premature birth or pregnancy complications.",
    "Inclusion Criteria:\n\n* Have been pregnant for 14-28 weeks (are in your 1st or 2nd trimester).\n\nExclusion "
    "Criteria:\n\n* Have risk factors for premature birth, or other problems with their pregnancy.",
    "Inclusion Criteria:\n\n* Patients must have HIV-1 infection and be in the third trimester of pregnancy.\n\n"
    "Exclusion Criteria:\n\n* Complications of pregnancy.",
    # NCT00000869: another study; NCT00006320 and NCT01892319: a positive test, a week of gestation
    "Inclusion Criteria:\n\n* Are at least 20 weeks pregnant.\n\nExclusion Criteria:\n\n* Are enrolled in another "
    "pregnancy treatment study.",
    "Inclusion Criteria:\n\n* Positive urine pregnancy test or positive serum Beta-HCG\n* At least 14-week gestation at "
    "the time of screening\n\nExclusion Criteria:\n\n* History of significant obstetric complications during prior "
    "pregnancy(ies)\n* Not receiving ongoing medical care for HIV infection and pregnancy",
    "Inclusion Criteria:\n\n* Woman with a positive pregnancy test\n\nExclusion Criteria:\n\n* Women who have been "
    "pregnant for more than 16 weeks at baseline visit will be excluded from the study",
    # NCT00497068, NCT00460018
    "Inclusion Criteria:\n\n* Confirmed pregnancy\n\nExclusion Criteria:\n\n* Not pregnant",
    "Inclusion Criteria:\n\n* Diagnosis of Gestational Diabetes Mellitus\n\nExclusion Criteria:\n\n* Ever diagnosed with "
    "diabetes when not pregnant",
    # NCT00001532, NCT00001230, NCT00001245, NCT06376032: said in so many words, in either list
    "Inclusion Criteria:\n\n* Pregnant and or nursing women can be included in accordance with Federal Regulations\n\n"
    "Exclusion Criteria:\n\n* pregnancy or lactation",
    "Exclusion Criteria:\n\n* Although pregnant or nursing women can be enrolled, they will be excluded from receiving "
    "treatment while pregnant or breastfeeding",
    "Exclusion Criteria:\n\n* Pregnancy is not a criterion for exclusion.",
    "Exclusion Criteria:\n\n* Pregnant and nursing people are eligible to participate.",
    # a pregnancy that is no reason to turn the participant away: NCT00494013, NCT00000797, NCT00000879, NCT05921747
    "Exclusion Criteria:\n\n* Have used insulin therapy (outside of pregnancy) any time in the past 2 years",
    "Exclusion Criteria:\n\n* HAART started before January 1, 2008, except during pregnancy",
    "Exclusion Criteria:\n\n* Used certain medications during pregnancy.",
    "Exclusion Criteria:\n\n* Postpartum women with nausea, dizziness and blurred vision, high risk pregnancies.",
])
def test_no_pregnancy_alarm_on_a_trial_that_enrols_pregnant_women(text):
    assert flag(text) is False


@pytest.mark.parametrize("text", [
    # the participant's own pregnancy is still there beside a complication or a time
    "Exclusion Criteria:\n\n* Pregnancy or pregnancy complications",
    "Exclusion Criteria:\n\n* Are pregnant or plan to try to become pregnant in the next year. Women who become pregnant "
    "after enrolling in the trial will not be discontinued.",
    # NCT00001504, NCT00499473: an inclusion list saying pregnant women are not wanted enrols none
    "Inclusion Criteria:\n\n* Pregnant women will be excluded.\n* Negative pregnancy test required within 7 days",
    "Inclusion Criteria:\n\n* All women of childbearing potential must have a negative pregnancy test\n* Pregnant "
    "women are excluded from this study",
    "Inclusion Criteria:\n\n* Pregnant or nursing women may not participate\n\nExclusion Criteria:\n\n* Pregnancy",
    # an exclusion saying pregnant people may not be enrolled is no "may join"
    "Exclusion Criteria:\n\n* Non-pregnant women can be enrolled; pregnant women cannot.",
])
def test_pregnancy_still_excluded_where_the_record_says_so(text):
    assert flag(text) is True


def test_nursing_women_who_may_join_leave_no_breastfeeding_row():
    """NCT00001230 (an exclusion) and NCT00001532 (an inclusion) say nursing women can be enrolled or included."""
    for text in ("Exclusion Criteria:\n\n* Although pregnant or nursing women can be enrolled, they will be excluded "
                 "from receiving treatment while pregnant or breastfeeding",
                 "Inclusion Criteria:\n\n* Pregnant and or nursing women can be included\n\nExclusion Criteria:\n\n"
                 "* pregnancy or lactation"):
        assert at_a_glance(None, parse_criteria(text))["breastfeeding_excluded"] is False


# --- review r35 §8: the glance's ages ---------------------------------------------------------------------------

def ages(lo: str | None, hi: str | None) -> str | None:
    from scrapers.official import OfficialRecord
    module = {k: v for k, v in (("minimumAge", lo), ("maximumAge", hi)) if v}
    record = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00004642"},
                                                 "eligibilityModule": module}})
    return at_a_glance(record, parse_criteria(""))["age"]


def test_a_lower_limit_of_nought_is_said_in_the_upper_ones_unit():
    """NCT00004642 "0 Years" to "29 Days" read "0 years to 29 days" (10 records)."""
    assert ages("0 Years", "29 Days") == "0 to 29 days"
    assert ages("0 Years", "24 Hours") == "0 to 24 hours"
    assert ages("1 Day", "17 Years") == "1 day to 17 years"
    assert ages("18 Years", "70 Years") == "18 to 70 years"


def test_one_age_is_said_once():
    """NCT00000382 "12 to 12 months", NCT00497471 "1 to 1 day" (6 records in all)."""
    assert ages("12 Months", "12 Months") == "12 months only"
    assert ages("1 Day", "1 Day") == "1 day only"
    assert ages("12 Months", "1 Year") == "12 months to 1 year"


def test_a_lower_limit_in_minutes_keeps_its_figure_and_says_the_unit_may_be_wrong():
    """NCT01809093 (vitrectomy in adults with diabetes) gives "18 Minutes" and no maximum: a typo for years, but the
    record's figure is what is shown, with a word about its unit. A newborn trial's minutes, with a maximum, are not
    questioned."""
    got = ages("18 Minutes", None)
    assert got.startswith("18 minutes and older") and "unit may be a mistake" in got
    assert ages("5 Minutes", "10 Days") == "5 minutes to 10 days"
    assert ages("18 Years", None) == "18 years and older"
