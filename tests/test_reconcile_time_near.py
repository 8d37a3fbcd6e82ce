"""A month given in weeks or days (window3): "in the last 4 weeks" for "during the month before study entry", "52
weeks" or "365 days" for "1 year" is about as long, not the same (a month is 28 to 31 days; the records' own authors
gloss "1 month (28 days)", "3 months (12 weeks)"): a critical "differs in a number" on 22 of 30 and 54-59 of 60 real
items each before, now a warning that names both. "12 months" for "1 year" is exact and quiet; another count ("8
weeks", "2 months", "5 weeks" for a month, "13 days" for 2 weeks) stays critical. Real items (the NCT id beside each)."""

from datetime import date

import pytest
from criteria_support import alarms_with_item_replaced

from scrapers.fidelity import check_fidelity

TODAY = date(2026, 12, 6)
INC = ["Age 18 years or older",
       "Serum PSA of ≤ 15ng/ml during the month before study entry"]                            # NCT00866554
EXC = ["Myocardial infarction within 1 year prior to entry.",                                  # NCT00000430
       "No brain disease by MRI or CT scan within 4 weeks prior to randomization"]                # NCT00006385


def _alarms(section: str, index: int, old: str, new: str) -> list:
    return alarms_with_item_replaced(INC, EXC, section, index, old, new, "NCT00866554", TODAY)


@pytest.mark.parametrize("section,index,old,new,said", [
    ("inclusion", 1, "during the month before study entry", "in the last 4 weeks",
     '"4 weeks" where ClinicalTrials.gov says "1 month"'),
    ("inclusion", 1, "during the month before study entry", "in the last 30 days", '"30 days"'),
    ("exclusion", 0, "within 1 year prior to entry", "within the past 52 weeks",
     '"52 weeks" where ClinicalTrials.gov says "1 year"'),
    ("exclusion", 0, "within 1 year prior to entry", "within the past 365 days", '"365 days"'),
    ("exclusion", 1, "within 4 weeks prior to randomization", "within the past month",
     '"1 month" where ClinicalTrials.gov says "4 weeks"'),
])
def test_a_month_given_in_weeks_warns(section, index, old, new, said):
    found = _alarms(section, index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")], found
    assert "differs in a time period, " + said in found[0].message


@pytest.mark.parametrize("section,index,old,new", [
    ("inclusion", 1, "during the month before study entry", "in the last 8 weeks"),
    ("inclusion", 1, "during the month before study entry", "in the last 2 months"),
    ("inclusion", 1, "during the month before study entry", "in the last 5 weeks"),
    ("exclusion", 0, "within 1 year prior to entry", "within the past 6 months"),
    ("exclusion", 1, "within 4 weeks prior to randomization", "within the past 2 months"),
])
def test_another_count_stays_critical(section, index, old, new):
    found = _alarms(section, index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")], found


def test_twelve_months_for_a_year_is_quiet():
    assert _alarms("exclusion", 0, "within 1 year prior to entry", "within the past 12 months") == []


def test_a_month_given_in_weeks_is_never_a_faithful_rewrite():
    # (the plain-English layer shows no rewrite the fidelity check finds a loss in)
    assert [loss.kind for loss in check_fidelity("MI within 1 month", "MI within 4 weeks")] == ["near_time"]
    assert [loss.kind for loss in check_fidelity("MI within 1 month", "MI within 5 weeks")] == ["number", "added"]
    assert [loss.kind for loss in check_fidelity("MI within 2 weeks", "MI within 13 days")] == ["number", "added"]
