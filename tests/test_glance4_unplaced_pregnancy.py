"""The pregnancy and breastfeeding rows read what the record rules out wherever it says it (review r49 F5, F7): a
requirement under no inclusion or exclusion heading ("No pregnancy.", "Not pregnant or lactating.": 140 records
showed "not mentioned as an exclusion"), "No pregnancy or lactation" as a requirement, a statement that pregnant
people "will be excluded", and "breast-feed"/"breastfeed" without -ing. Never a plan, an infant's feeding, a partner,
one part of a study, or a complication of pregnancy."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance


def glance(text: str) -> tuple[bool, bool]:
    g = at_a_glance(None, parse_criteria(text))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"]


@pytest.mark.parametrize("text,expected", [
    # under no heading (the records' own words)
    ("Adults with retinitis pigmentosa.\n\nNo pregnancy.", (True, False)),                      # NCT00001142
    ("Age 18 or older.\n\nFemales must not be pregnant or lactating.", (True, True)),          # NCT00001144
    ("Healthy adults.\n\nNo pregnant women.", (True, False)),                                 # NCT00001173
    ("Not pregnant or lactating.\n\nAge over 21.", (True, True)),                              # NCT00001318
    ("Adults.\n\nNo pregnancy or breastfeeding.", (True, True)),                               # NCT00001357
    ("Adults.\n\nPregnant women will be excluded.", (True, False)),                            # NCT00001430
    ("Adults.\n\nWomen must not be nursing or pregnant.", (True, True)),                        # NCT00001661
    ("Inclusion Criteria:\n\n* Women must not be breast feeding or pregnant", (True, True)),    # NCT00493298
    ("Adults.\n\nPregnant or nursing females will be excluded.", (True, True)),                # NCT00001724
    ("Adults.\n\nNo pregnancy or the possibility of becoming pregnant during drug administration.", (True, False)),
    # under a lead-in naming everyone, or an item read as a lead-in (NCT00001509's "INFORMED CONSENT:")
    ("PATIENTS:\n\nAge 18 or older.\n\nNot pregnant or lactating.", (True, True)),
    ("INFORMED CONSENT:\n\nWomen of childbearing potential must not be pregnant or lactating.", (True, True)),
    # in an inclusion list
    ("Inclusion Criteria:\n\n* Adults\n* No pregnancy or lactation", (True, True)),
    ("Inclusion Criteria:\n\n* Women of child-bearing age should not breastfeed from screening to 3 months after "
     "stopping the study", (False, True)),                                                    # NCT03799601
    # an exclusion's "breast-feed women" (NCT00461747)
    ("Exclusion Criteria:\n\n1. Pregnancy or breast-feed women.", (True, True)),
])
def test_what_the_record_rules_out_wherever_it_says_it(text, expected):
    assert glance(text) == expected


@pytest.mark.parametrize("text", [
    "Adults.\n\nNo pregnancy complications which require medical treatment and special obstetric care.",
    "Inclusion Criteria:\n\n* No pregnancy-induced hypertension",
    "Adults.\n\nWomen who are pregnant will be excluded from participating in the apheresis component of this protocol.",
    "Adults.\n\nSubjects whose partners are pregnant will be excluded.",
    "Exclusion Criteria:\n\n- Plan to breast-feed.",                                          # NCT00000869: a plan
    "Exclusion Criteria:\n\n- Are breast-fed.",                                               # NCT00000873: an infant
    "CONTROLS:\n\nNo pregnancy.\n\nHealthy volunteers aged 18 to 60.",
    "Recipients aged 18 to 60.\n\nDONOR:\n\nNot pregnant or lactating.",                     # (another group only)
    # one group's rule under no heading is not the study's (NCT00001142; review r50 F5)
    "HEALTHY PEDIATRIC VOLUNTEERS:\n\nAge 5 to 17.\n\nCHILDREN WITH CONDITIONS CAUSING CHRONIC INFECTIONS OTHER THAN "
    "HIV:\n\nNo pregnancy.",
    "Group 2:\n\nFemales must not be pregnant or lactating.",
    # pregnant people may take part (NCT00001375): a requirement of one procedure is no row
    "Adults.\n\nPregnant patients may be entered into the study, but they will not undergo percutaneous needle biopsy.\n\n"
    "Joint MRI: Must not be pregnant.",
])
def test_no_row_for_what_is_not_the_participants_own_pregnancy_or_breastfeeding(text):
    assert glance(text) == (False, False)
