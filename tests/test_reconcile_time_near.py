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


# review r34 #2: a month given in weeks was the whole finding, so a second change in the same item hid behind its
# warning (NCT00004057, "or greater" → "or less" with "12 months" → "48 weeks", a warning). The near time now warns
# only when nothing else differs; otherwise the item's finding is the other change's.
QTC = ("Cardiovascular: No prior grade 3 or 4 cardiac arrhythmias except atrial fibrillation No QTc interval of 440 "
       "milliseconds or greater on electrocardiogram No other QTc abnormalities No myocardial infarction, unstable "
       "angina, or congestive heart failure within the past 12 months")                          # NCT00004057


def _qtc_alarms(*swaps: tuple[str, str]) -> list:
    """The alarms of a page that makes each (old, new) change in NCT00004057's cardiovascular item."""
    new = QTC
    for old, said in swaps:
        new = new.replace(old, said)
    return alarms_with_item_replaced(["Age 18 years or older"], [QTC], "exclusion", 0, QTC, new, "NCT00004057", TODAY)


def test_a_flipped_comparison_beside_a_near_time_stays_critical():
    found = _qtc_alarms(("or greater", "or less"), ("12 months", "48 weeks"))
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")], found
    assert found[0].message.endswith('It also gives a time period, "48 weeks" where ClinicalTrials.gov says '
                                     '"12 months" (about as long, but not the same).')


def test_a_swapped_word_beside_a_near_time_is_named():
    found = _qtc_alarms(("myocardial infarction", "stroke"), ("12 months", "48 weeks"))
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")], found
    assert 'differs in a word, "stroke" where ClinicalTrials.gov says "myocardial infarction"' in found[0].message


def test_the_near_time_alone_still_warns():
    found = _qtc_alarms(("12 months", "48 weeks"))
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")], found
    assert 'differs in a time period, "48 weeks"' in found[0].message


# review r34 #3: a 10% share of the figure took lengths no calendar gives, more the longer the span ("3350 weeks" for 60
# years, "395 days" for 12 months); N months are 4N to 4.35N weeks or 28N to 31N days, N years 52N to 52.2N weeks or
# 365N to 366N days
@pytest.mark.parametrize("old,new,near", [
    ("MI within 3 months", "MI within 12 weeks", True),
    ("MI within 3 months", "MI within 13 weeks", True),
    ("MI within 6 months", "MI within 24 weeks", True),
    ("MI within 6 months", "MI within 26 weeks", True),
    ("MI within 12 months", "MI within 48 weeks", True),
    ("MI within 12 months", "MI within 52 weeks", True),
    ("MI within 1 month", "MI within 31 days", True),
    ("Age 18 years or older", "Age 939 weeks or older", True),
    ("MI within 1 year", "MI within 366 days", True),
    ("Age younger than 60 years", "Age younger than 3350 weeks", False),
    ("Life expectancy > 12 months", "Life expectancy > 395 days", False),
    ("MI within 6 months", "MI within 197 days", False),
    ("MI within 6 months", "MI within 27 weeks", False),
    ("MI within 1 year", "MI within 53 weeks", False),
    ("MI within 1 year", "MI within 360 days", False),
    ("MI within 12 months", "MI within 47 weeks", False),
])
def test_a_near_time_is_a_calendar_length(old, new, near):
    assert ([loss.kind for loss in check_fidelity(old, new)] == ["near_time"]) is near
