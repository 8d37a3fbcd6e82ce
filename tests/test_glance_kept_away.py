"""Pregnancy and breastfeeding rows (review r54 F5): pregnant women named as people to keep away from are no sign the
trial takes them (NCT00004148, a vaccinia-vector vaccine trial, lost its "Pregnancy: excluded" row), and "No current
pregnancy" / "no ongoing breastfeeding" among the requirements rule them out as "No pregnancy" does (NCT00001385,
NCT00001302, NCT06221670)."""

from __future__ import annotations

import pytest

from scrapers.criteria import parse_criteria
from server.glance import at_a_glance


def _rows(criteria: str) -> tuple[bool, bool]:
    g = dict(at_a_glance(None, parse_criteria(criteria)))
    return g["pregnancy_excluded"], g["breastfeeding_excluded"]


@pytest.mark.parametrize("item", [
    "Patients must be able to avoid high risk individuals (e.g., children under 3 years, pregnant women, "
    "immunocompromised people) for 7 days",
    "Must not live with pregnant or nursing women during the vaccination period",
    "Willing to avoid close contact with pregnant women for 14 days",
])
def test_pregnant_women_to_keep_away_from_do_not_lift_the_rule(item):
    assert _rows(f"Inclusion Criteria:\n\n- {item}\n- Not pregnant or nursing\n") == (True, True)


@pytest.mark.parametrize("item, rows", [
    ("No current pregnancy.", (True, False)),
    ("No ongoing pregnancy or unwillingness to practice adequate contraception", (True, False)),
    ("No current pregnancy or lactation", (True, True)),
    ("There must be no ongoing breastfeeding prior to initiation of the drug", (False, True)),
])
def test_no_current_pregnancy_among_the_requirements_rules_it_out(item, rows):
    assert _rows(f"Inclusion Criteria:\n\n- {item}\n") == rows


def test_a_trial_that_takes_pregnant_women_still_shows_no_rule():
    assert _rows("Inclusion Criteria:\n\n- Pregnant women between 20 and 30 weeks of gestation\n") == (False, False)
