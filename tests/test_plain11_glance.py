"""At a glance: the participant's own plan to father a child during the study is a fact of its own
(fathering_plan_excluded), said in the pregnancy row as such ("planning a pregnancy" would tell a woman that a rule for
men rules her out); a partner's pregnancy, a rule of conduct or a plan for another span raise nothing. Real records'
wording (plain11 in docs/benchmarks.md)."""

import pytest
from test_glance3_pregnancy_rows import exclusion, inclusion

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance
from server.glance import pregnancy_row


def glance(text: str) -> dict:
    return at_a_glance(None, parse_criteria(text))


def plans(text: str) -> tuple[bool, bool]:
    g = glance(text)
    return g["pregnancy_plan_excluded"], g["fathering_plan_excluded"]


@pytest.mark.parametrize("text, expected", [
    (exclusion("Are planning to father a baby or are in a relationship with a pregnant partner."), (False, True)),
    (exclusion("Men who are planning to impregnate their partners, or fertile men who are not using a reliable "
               "contraceptive method;"), (False, True)),                                                  # NCT06264414
    (exclusion("Men who plan to father a child during the study"), (False, True)),
    (exclusion("Male participants planning to conceive during the study"), (False, True)),
    # (a plan for the study "including 120 days following the last dose", NCT04646330, is not said as one "during the
    # study" alone (review r47 L1); plain14 says it with its span: tests/test_glance_plan_span.py,
    # tests/test_plain14_glance_span.py)
    (exclusion("Is pregnant, breastfeeding, or expecting to conceive or father a child within the projected duration "
               "of the study including 120 days following the last dose of study treatment"), (True, True)),
    (exclusion("Is pregnant, breastfeeding, or expecting to conceive or father a child within the projected duration "
               "of the study"), (True, True)),
    (exclusion("Patient Is Pregnant Or Breastfeeding, Or Expecting To Conceive Within The Projected Duration Of The "
               "Study"), (True, False)),                                                                   # NCT00496834
])
def test_a_plan_to_father_a_child_is_its_own_fact(text, expected):
    assert plans(text) == expected


@pytest.mark.parametrize("text", [
    exclusion("Patient's partner is trying to conceive during the trial period"),                         # NCT02344849
    exclusion("Are currently in or are planning to be in a sexual relationship with a pregnant female or are currently "
              "in a relationship where either partner is actively trying to conceive."),                  # NCT01352507
    exclusion("Males unwilling to refrain from fathering a child during the study and for 14 days after"),  # NCT00499928
    inclusion("Males participating in the study must not attempt to impregnate a female, or participate in sperm "
              "donation programs."),                                                                        # NCT00006604
    exclusion("Subjects who are intending to father a child in the 3 months following the study or are unwilling to "
              "abstain from sexual intercourse with pregnant or lactating women."),                       # NCT03510338
    exclusion("Is expecting to father children within 135 days after the last dose of trial treatment"),  # NCT05832827
    inclusion("Man who agrees to take appropriate precautions to avoid fathering children (with at least 99% "
              "certainty) from screening through safety follow-up."),                                      # NCT03147742
])
def test_no_fathering_fact_from_a_partner_a_rule_of_conduct_or_another_span(text):
    assert plans(text)[1] is False


@pytest.mark.parametrize("g, row", [
    ({"pregnancy_excluded": False, "fathering_plan_excluded": True},
     "Excluded if planning to father a child during the study"),
    ({"pregnancy_excluded": True, "fathering_plan_excluded": True},
     "Excluded, also if planning to father a child during the study"),
    ({"pregnancy_excluded": True, "pregnancy_plan_excluded": True, "fathering_plan_excluded": True},
     "Excluded, also if planning a pregnancy or to father a child during the study"),
    ({"pregnancy_excluded": False, "pregnancy_plan_excluded": True, "fathering_plan_excluded": True},
     "Excluded if planning a pregnancy or to father a child during the study"),
])
def test_the_pregnancy_row_says_the_plan_to_father_a_child(g, row):
    assert pregnancy_row(g) == row


def test_a_record_ruling_out_only_a_plan_to_father_a_child_has_a_row():                                 # NCT02224846
    g = glance(exclusion("Are planning to father a baby or are in a relationship with a pregnant partner."))
    # (no time said, so none in the row: test_glance5_plan_any_time.py)
    assert pregnancy_row(g) == "Excluded if planning to father a child"
