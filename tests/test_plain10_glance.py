"""At a glance: a plan to become pregnant during the study, said as the participant's own exclusion (or an inclusion
asking for none), is shown; a requirement listed under another group's lead-in in the exclusions (NCT00001951's
controls) or anything under a donor's lead-in raises no row. Real records' wording (plain10 in docs/benchmarks.md)."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance


def glance(text: str) -> tuple[bool, bool, bool]:
    g = at_a_glance(None, parse_criteria(text))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"], g.get("pregnancy_plan_excluded", False)


def exclusion(*items: str) -> str:
    return "Exclusion Criteria:\n\n" + "".join(f"* {it}\n" for it in items)


def inclusion(*items: str) -> str:
    return "Inclusion Criteria:\n\n" + "".join(f"* {it}\n" for it in items)


# NCT00001951: patients with premature ovarian failure; its controls' selection criteria are listed in the exclusions
CONTROLS = ("INCLUSION CRITERIA:\n\nPatients with karyotypically normal spontaneous premature ovarian failure who are "
            "between the age of 18 and 42 years will be candidates.\n\nEXCLUSION CRITERIA:\n\nGeneral:\n\nSmokers (more "
            "than 2 cigarettes per day).\n\nHysterectomy\n\nCONTROL SELECTION CRITERIA:\n\nHealthy non-pregnant "
            "regularly menstruating women (cycles between 21 and 35 days), non-smokers, non-alcohol users, under no "
            "medications, using non-hormonal contraceptive methods (i.e. barrier methods of contraception, or "
            "sterilization) and with no intention to conceive within the following 3 years.\n")


def test_a_control_groups_requirement_in_the_exclusions_raises_no_row():
    assert glance(CONTROLS) == (False, False, False)


def test_a_time_said_with_not_pregnant_is_no_requirement():
    assert glance(exclusion("Ever diagnosed with diabetes when not pregnant"))[0] is False         # NCT00460018


def test_a_mothers_lead_in_in_the_exclusions_raises_no_row():                                      # NCT00000879
    text = ("Exclusion Criteria:\n\n* The infant will not be eligible if the mother:\n"
            "  * Is breast-feeding her baby.\n  * Used certain medications during pregnancy.\n")
    assert glance(text)[:2] == (False, False)


def test_a_donors_lead_in_in_the_exclusions_raises_no_row():                                       # NCT00000852
    text = ("Exclusion Criteria:\n\n* Donors with the following symptoms or conditions are excluded:\n"
            "  * Pregnancy.\n  * Fever.\n")
    assert glance(text)[0] is False


@pytest.mark.parametrize("text, expected", [
    (exclusion("Not pregnant"), (True, False)),                                                      # NCT00499460
    (exclusion("non-pregnant, non-lactating"), (True, True)),                                       # NCT00495313
    ("Exclusion Criteria:\n\n* CONTROLS AND PATIENTS:\n  * Pregnancy.\n", (True, False)),         # NCT00001284
    ("Exclusion Criteria:\n\n* Healthy Volunteers and patients must not:\n  * Be pregnant or lactating\n",
     (True, True)),                                                                                  # NCT00001756
])
def test_the_participants_own_requirement_or_exclusion_keeps_its_row(text, expected):
    assert glance(text)[:2] == expected


@pytest.mark.parametrize("text, expected", [
    (exclusion("Pregnant or planning to become pregnant during the course of the trial."), (True, True)),  # NCT04325464
    (exclusion("Pregnancy or planned pregnancy"), (True, True)),                                    # NCT00462046
    (exclusion("Intend to become pregnant during study period"), (False, True)),                   # NCT00462436
    # (a plan "during the study or within 3 months following the last dose", NCT02552212, is not said as one "during
    # the study" alone: the row would cut the 3 months off (review r47 L1); plain14 says it with its span,
    # "pregnancy_plan_until": tests/test_glance_plan_span.py, tests/test_plain14_glance_span.py)
    (exclusion("Female subjects who are breastfeeding, pregnant or plan to become pregnant during the study or within "
               "3 months following the last dose of the investigational product"), (True, True)),  # NCT02552212
    (inclusion("Women who are not pregnant and do not plan to become pregnant during the study."), (True, True)),
])
def test_the_participants_own_plan_during_the_study_is_shown(text, expected):
    g = glance(text)
    assert (g[0], g[2]) == expected


@pytest.mark.parametrize("text", [
    exclusion("Patient's partner is trying to conceive during the trial period"),                   # NCT02344849
    exclusion("Subjects with nursing partners, known pregnant partners or wish to become pregnant during the course of "
              "the study."),                                                                         # NCT02495467
    exclusion("Women who plan to become pregnant within 6 months, or are pregnant or lactating."),  # NCT05999214
    exclusion("Pregnancy or planning pregnancy in the first postoperative year."),                   # NCT00460434
    exclusion("Female patients must not have a positive pregnancy test and must not have the intent for future "
              "pregnancy."),                                                                         # NCT00006505
    inclusion("Not planning to become pregnant within the next 6 months"),                          # NCT00462813
    inclusion("Male patients will be advised to freeze sperm should they wish to father children"),
    "Exclusion Criteria:\n\n* Donors with the following are excluded:\n  * Wish to become pregnant during the study\n",
])
def test_no_plan_row_from_a_partner_another_span_or_a_requirement_backwards(text):
    assert glance(text)[2] is False


@pytest.mark.parametrize("text", [
    inclusion("Patients must not be pregnant or lactating."),                                        # NCT00006198
    inclusion("Female patients must not be pregnant or planning to become pregnant"),                # NCT00003126
])
def test_an_inclusion_saying_must_not_be_pregnant_raises_the_row(text):
    assert glance(text)[0] is True


@pytest.mark.parametrize("text", [
    exclusion("If you are a woman, you must not be planning to become pregnant during the course of the study"),
    exclusion("Nursing mothers or women who are pregnant or plan to become pregnant during the time of the study"),
])
def test_a_plan_worded_as_a_requirement_or_for_the_time_of_the_study_is_shown(text):                # NCT00004984,
    assert glance(text)[2] is True                                                                   # NCT02814825


def test_a_plan_for_another_span_said_before_the_study_is_not_shown():
    assert glance(exclusion("Planning a pregnancy in the next 6 months and not using contraception during the "
                            "study"))[2] is False


def test_the_trial_page_says_the_plan_in_the_pregnancy_row(tmp_path):
    """NCT07635758 (a bundled record): "Pregnant or lactating women; or participants with pregnancy plans during the
    study period, …"."""
    import html
    import re

    from service_support import shipped_offline_client

    body = shipped_offline_client(tmp_path).get("/trials/NCT07635758").get_data(as_text=True)
    glance_list = re.search(r'(?s)<dl id="glance"[^>]*>(.*?)</dl>', body).group(1)
    said = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", glance_list)))
    assert "Pregnancy Excluded, also if planning a pregnancy during the study" in said
