"""A rule that rules out pregnancy or breastfeeding only in some case is no "Excluded" row at a glance: the row
would say more than the record (NCT00001601, NCT00001638, NCT00001921; their own wording)."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance


def glance(text: str) -> tuple[bool, bool]:
    g = at_a_glance(None, parse_criteria(text))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"]


NCT00001601 = ("INCLUSION CRITERIA\n\nPatients of any age, both genders, and all racial/ethnic groups with oral diseases.\n\n"
               "EXCLUSION CRITERIA\n\nA written referral is needed from the patient's physician or dentist.\n\n"
               "No patients with significant cognitive impairment.\n\n"
               "No pregnancy or lactation, if this status precludes proposed diagnostic procedures or\ntherapies because "
               "of unknown, untoward effects on mother and/or child.")


def test_a_conditional_pregnancy_and_lactation_exclusion_is_no_row():
    assert glance(NCT00001601) == (False, False)


def test_breastfeeding_unless_milk_is_discarded_is_no_row_but_pregnancy_still_is():
    text = ("Exclusion Criteria:\n\n* Pregnant women (Patients who are uncertain as to whether they are pregnant will be "
            "required to have a screening urine or blood pregnancy test)\n"
            "* lactating women unless they are willing to discard breast milk for 24 hours")
    assert glance(text) == (True, False)


def test_pregnancy_excluded_only_for_one_procedure_is_no_row():
    assert glance("Exclusion Criteria:\n\n* Pregnancy (only for purpose of MRI procedures under separate protocols)")[0] \
        is False


@pytest.mark.parametrize("text", [
    "Exclusion Criteria:\n\n* Are pregnant or breastfeeding (if female)",
    "Exclusion Criteria:\n\n* Pregnant or lactating, if of childbearing potential",
    "Exclusion Criteria:\n\n* Pregnant or nursing women, or women of childbearing potential unless using contraception",
    "Exclusion Criteria:\n\n* Current pregnancy or unwillingness to take oral contraceptives if menstruating.",
])
def test_a_rule_said_of_women_or_of_another_clause_still_raises_the_pregnancy_row(text):
    assert glance(text)[0] is True
