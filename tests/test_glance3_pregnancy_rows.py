"""The pregnancy and breastfeeding rows at a glance say only what an item says of the participant's own pregnancy or
breastfeeding: not a study step ("Pregnancy testing will be performed …"), a plan, a partner's or a donor's state, a
woman the participant lives with, a disease of pregnancy, a stage of it, or a nursing mother's duty to stop. True
exclusions keep their rows. Real records' wording (glance3 in docs/benchmarks.md)."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance


def rows(text: str) -> tuple[bool, bool]:
    g = at_a_glance(None, parse_criteria(text))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"]


def exclusion(*items: str) -> str:
    return "Exclusion Criteria:\n\n" + "".join(f"* {it}\n" for it in items)


def inclusion(*items: str) -> str:
    return "Inclusion Criteria:\n\n" + "".join(f"* {it}\n" for it in items)


@pytest.mark.parametrize("text", [
    # a study step
    exclusion("Pregnancy testing will be performed on women of childbearing age within the three days prior to MRI "
              "scanning."),                                                                          # NCT00001920
    exclusion("Female patients in childbearing age will have a pregnancy test at enrollment, and at the time of the "
              "second vaccine."),                                                                    # NCT00492739
    exclusion("Women who are pregnant will be counseled about risks."),                              # NCT00006630
    # only a plan
    exclusion("Intend to become pregnant during study period"),                                      # NCT00462436
    exclusion("If you are a woman, you must not be planning to become pregnant during the course of the study"),
    # a partner's or a donor's
    inclusion("patient's partner must have a negative urine pregnancy test at time of screening"),  # NCT00210704
    inclusion("Partner is not pregnant or lactating"),                                               # NCT01037218
    exclusion("DONOR: Identical twin", "DONOR: Pregnancy"),                                         # NCT00008450
    inclusion("Other: HIV negative Donor Entry Criteria: HLA-identical family member HIV negative Negative pregnancy "
              "test Age 12 years and over"),                                                         # NCT00002789
    # a woman the participant is close to (trials of men)
    exclusion("Participating in a regular physical relationship with a pregnant woman"),             # NCT00490022
    exclusion("Subjects who are intending to father a child in the 3 months following the study or are unwilling to "
              "abstain from sexual intercourse with pregnant or lactating women."),                  # NCT03510338
    # the means to bear a child, a disease of pregnancy, a stage of it
    exclusion("Without capacity to have a pregnancy (uterine aplasia, hysterectomy)"),               # NCT04350879
    exclusion("Acute liver failure of pregnancy or the HELLP syndrome (pregnancy associated hemolysis and coagulopathy)"),
    exclusion("Pregnant women over 23 weeks will be excluded, since there are no on-campus prenatal or neonatal "
              "facilities.", "Pregnant patients requiring fetal surgery will be excluded since there are no on-campus "
              "neonatal facilities."),                                                               # NCT00001850
    exclusion("Pregnant in the last two trimesters"),                                                # NCT06113666
])
def test_no_pregnancy_row_from_what_is_not_the_participants_pregnancy(text):
    assert rows(text) == (False, False)


@pytest.mark.parametrize("text", [
    inclusion("Patients whose sex partner is not in pregnancy or lactating, and is taking proper contraceptive"),
    exclusion("Unwillingness to refrain from breast-feeding during the study and for 3 months afterwards"),
    exclusion("breastfeeding should be discontinued if the mother is treated with R115777."),        # NCT00005845
])
def test_no_breastfeeding_row_from_a_partner_or_a_duty_to_stop(text):
    assert rows(text)[1] is False


@pytest.mark.parametrize("text, expected", [
    (exclusion("Pregnant women are excluded from this study; breastfeeding should be discontinued if the mother is "
               "treated on study"), (True, False)),                                                  # NCT00005817
    (exclusion("Because there is an unknown but potential risk for adverse events in nursing infants secondary to "
               "treatment of the mother with erlotinib, breastfeeding should be discontinued if the mother is treated "
               "with erlotinib.", "Pregnant women"), (True, False)),                                 # NCT00497224
    (exclusion("Patient Pregnant.", "Donor pregnant or lactating."), (True, False)),                 # NCT00003553
    (exclusion("Patient or donor pregnant or lactating."), (True, True)),                            # NCT00001637
])
def test_the_participants_own_row_stays_beside_what_is_not(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    exclusion("Pregnant or breastfeeding women"),
    exclusion("Positive pregnancy test"),
    exclusion("Women who are pregnant or plan to become pregnant during the study"),
    exclusion("Female patients of childbearing age who is or plans on becoming pregnant during the course of the study"),
    exclusion("For females who have reached menarche: Pregnancy or inability or unwillingness to undergo pregnancy "
              "testing."),                                                                           # NCT00001246
    exclusion("a negative pregnancy test must be documented during the screening period for women of childbearing "
              "potential"),                                                                          # NCT00005942
    exclusion("Patients who become pregnant."),                                                      # NCT00001305
    inclusion("Women of childbearing potential (WOCBP) with non-sterilized male partners must have a negative serum "
              "pregnancy test within 7 days prior to first dosing"),                                 # NCT06940401
    inclusion("Of childbearing potential but is not pregnant at time of baseline and is practicing one of the "
              "following methods of birth control: oral or parenteral contraceptives, double-barrier method, "
              "vasectomized partner, or abstinence from sexual intercourse."),                        # NCT00460473
    inclusion("Female patients of childbearing age or male patients whose partner was a female of childbearing age had "
              "to consent to use a highly effective method of contraception; and have no plans to have children, "
              "Childbearing age female patients who were not surgically sterilized had to undergo a serum pregnancy "
              "test with a negative result within 7 days before starting study treatment.；"),         # NCT06480136
])
def test_true_exclusions_keep_the_pregnancy_row(text):
    assert rows(text)[0] is True
