"""Same rule, other wording (review round 10c, P1 and P2): a comparison written in words ("at least 6" for ">= 6")
and a time window in another exact unit ("2 weeks" for "14 days", "1 year" for "12 months", "14 days (2 weeks)")
say what the record says, so they raise no alarm; a changed comparison or an inexact unit ("14 weeks", "2 months",
"52 weeks" for a year) stays critical."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from datetime import date
from pathlib import Path

import pytest

from scrapers.criteria import parse_criteria
from scrapers.fidelity import check_fidelity
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.align import Entry, normalize
from scrapers.reconcile.compare import compare

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 1, 10)


def _record(nct: str) -> dict:
    return json.loads((SAVED_COPIES / f"{nct}.json").read_text(encoding="utf-8"))


def _items(record: dict) -> tuple[list[str], list[str]]:
    crit = parse_criteria(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    return [it.text for it in crit.inclusion], [it.text for it in crit.exclusion]


RECORD = _record("NCT07232563")
INC, EXC = _items(RECORD)


def _page_with(section: str, index: int, old: str, new: str, nct: str = "NCT07232563") -> list:
    """What reconcile says about a bundled record's page (meddatax) with one item's `old` written as `new`."""
    record = _record(nct)
    inc, exc = _items(record)
    items = inc if section == "inclusion" else exc
    assert old in items[index], (old, items[index])
    items[index] = items[index].replace(old, new)
    page = PageRecord(site="meddatax.com", nct_id=nct, inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, OfficialRecord(record), TODAY) if f.about == "page"]


@pytest.mark.parametrize("section,index,old,new", [
    ("inclusion", 3, ">= 6", "of at least 6"),
    ("inclusion", 3, ">= 6", "of 6 or more"),
    ("inclusion", 3, ">= 6", "6 or higher"),
    ("exclusion", 1, "INR > 1.7", "INR greater than 1.7"),
    ("exclusion", 1, "INR > 1.7", "INR above 1.7"),
    ("exclusion", 1, "INR > 1.7", "INR over 1.7"),
    ("inclusion", 7, "AST<= 2.5", "AST no more than 2.5"),
    ("inclusion", 7, "AST<= 2.5", "AST not exceeding 2.5"),
    ("exclusion", 1, "count < 100", "count less than 100"),
])
def test_comparison_written_in_words_is_no_alarm(section, index, old, new):
    # P1: the record backs no difference ("at least 6" is ">= 6"): no red CRITICAL over two lines that agree
    assert [f.message for f in _page_with(section, index, old, new) if is_alarm(f)] == []


@pytest.mark.parametrize("section,index,old,new,message", [
    ("inclusion", 3, ">= 6", "of more than 6",
     'A requirement for joining differs in a limit: this page says "Post-stroke ASPECTS score of more than 6", '
     'but ClinicalTrials.gov says "Post-stroke ASPECTS score >= 6".'),
    ("exclusion", 1, "INR > 1.7", "INR less than 1.7",
     'A reason someone cannot join differs in a limit: this page says "…35s; currently taking warfarin with INR less '
     'than 1.7", but ClinicalTrials.gov says "…35s; currently taking warfarin with INR > 1.7".'),
    ("exclusion", 1, "INR > 1.7", "INR of at least 1.7",
     'A reason someone cannot join differs in a limit: this page says "…35s; currently taking warfarin with INR of at '
     'least 1.7", but ClinicalTrials.gov says "…35s; currently taking warfarin with INR > 1.7".'),
    ("inclusion", 3, ">= 6", "<= 6",
     'A requirement for joining differs in a limit: this page says "Post-stroke ASPECTS score <= 6", '
     'but ClinicalTrials.gov says "Post-stroke ASPECTS score >= 6".'),
])
def test_a_changed_comparison_in_words_stays_critical(section, index, old, new, message):
    found = _page_with(section, index, old, new)
    assert [(f.kind, f.severity, f.message) for f in found] == [("criterion_changed", "critical", message)]


@pytest.mark.parametrize("record,page,what", [
    ("Grip strength above average", "Grip strength below average", "a comparison word"),
    ("Grip strength greater than average", "Grip strength less than average", "a limit"),
    ("Tumour 2 cm or more", "Tumour 2 cm or less", "a limit"),
])
def test_a_comparison_without_a_number_flipped_is_still_critical(record, page, what):
    found = compare([Entry(record, normalize(record), "inclusion")], [Entry(page, normalize(page), "inclusion")], 80.0)
    assert [(f.severity, f.message) for f in found] == [
        ("critical", f'A requirement for joining differs in {what}: this page says "{page}", '
                     f'but ClinicalTrials.gov says "{record}".')]


@pytest.mark.parametrize("section,index,old,new,shown", [
    ("inclusion", 5, "14 days", "two weeks", "Within 24 hours to two weeks of stroke onset"),
    ("inclusion", 5, "14 days", "2 weeks", "Within 24 hours to 2 weeks of stroke onset"),
    ("inclusion", 5, "24 hours", "1 day", "Within 1 day to 14 days of stroke onset"),
    ("exclusion", 1, "48 hours", "2 days", None),
])
def test_same_time_window_in_another_exact_unit_is_no_alarm(section, index, old, new, shown):
    # P2: a day is 24 hours and a week 7 days, so "two weeks" is the record's "14 days": at most the INFO that a
    # short item is worded otherwise, never "differs in a number"
    found = [(f.kind, f.severity, f.message) for f in _page_with(section, index, old, new)]
    assert found == ([("criterion_reworded", "info",
                       f'This page words a requirement for joining as "{shown}", where ClinicalTrials.gov says '
                       '"Within 24 hours to 14 days of stroke onset". No number, unit, limit or "not" differs; read '
                       'both to see what else does.')] if shown else [])


@pytest.mark.parametrize("section,index,old,new,message", [
    ("inclusion", 5, "14 days", "14 weeks",
     'A requirement for joining differs in a unit: this page says "Within 24 hours to 14 weeks of stroke onset", '
     'but ClinicalTrials.gov says "Within 24 hours to 14 days of stroke onset".'),
    ("inclusion", 5, "14 days", "3 weeks",
     'A requirement for joining differs in a number: this page says "Within 24 hours to 3 weeks of stroke onset", '
     'but ClinicalTrials.gov says "Within 24 hours to 14 days of stroke onset".'),
    ("inclusion", 5, "14 days", "2 months",     # never converted: a month is no exact number of days
     'A requirement for joining differs in a number: this page says "Within 24 hours to 2 months of stroke onset", '
     'but ClinicalTrials.gov says "Within 24 hours to 14 days of stroke onset".'),
    ("exclusion", 1, "48 hours", "3 days",
     'A reason someone cannot join differs in a number: this page says "…< 100×10^9/L; received heparin treatment '
     'within 3 days with aPTT >= 35s; currently taking…", but ClinicalTrials.gov says "…< 100×10^9/L; received '
     'heparin treatment within 48 hours with aPTT >= 35s; currently taking…".'),
])
def test_a_changed_time_window_stays_critical(section, index, old, new, message):
    found = _page_with(section, index, old, new)
    assert [(f.kind, f.severity, f.message) for f in found] == [("criterion_changed", "critical", message)]


@pytest.mark.parametrize("original,rewrite", [
    ("within 14 days of stroke onset", "within two weeks of stroke onset"),
    ("heparin within 48 hours", "heparin within 2 days"),
    ("Within 24 hours to 14 days", "Within 1 day to 14 days"),
    ("No surgery within 1.5 days", "No surgery within 36 hours"),
    ("observed for at least 90 minutes", "observed for at least 1.5 hours"),
    # N1: a year is 12 months by definition
    ("for at least 12 months", "for at least 1 year"),
    ("for at least 12 months", "for at least one year"),
    ("within 24 months", "within 2 years"),
    ("within 1 year of enrollment", "within 12 months of enrollment"),
    ("abuse within the past 12 months", "abuse within the past year"),
    ("at least 6 months", "at least half a year"),
    # N2: a time restated in brackets in an exactly equal unit is one figure
    ("any fever within 14 days before dosing", "any fever within 14 days (2 weeks) before dosing"),
    ("Within 24 hours to 14 days of stroke onset", "Within 24 hours to 14 days (2 weeks) of stroke onset"),
    ("for at least 12 months", "for at least 12 months (1 year)"),
])
def test_fidelity_converts_exact_time_units(original, rewrite):
    assert check_fidelity(original, rewrite) == []
    assert check_fidelity(rewrite, original) == []


@pytest.mark.parametrize("original,rewrite,kinds", [
    # months and years in days or weeks: never the same, only about as long (window3: a warning in reconcile)
    ("within 3 months of enrollment", "within 90 days of enrollment", ["near_time"]),
    ("within 1 year of enrollment", "within 52 weeks of enrollment", ["near_time"]),
    ("within 1 year of enrollment", "within 365 days of enrollment", ["near_time"]),
    ("within 1 month of enrollment", "within 30 days of enrollment", ["near_time"]),
    ("within 1 year of enrollment", "within 13 months of enrollment", ["number", "added"]),
    ("within the past year", "within the past 52 weeks", ["near_time"]),
    ("within 1 month of enrollment", "within 6 weeks of enrollment", ["number", "added"]),
    ("within the past year", "within the past month", ["unit"]),                               # both in words
    ("within 14 days of stroke onset", "within 14 weeks of stroke onset", ["unit"]),
    ("within 14 days of stroke onset", "within 3 weeks of stroke onset", ["number", "added"]),
    ("within 7 days", "at least 1 week", ["number", "added"]),                                # other window
    ("at least 48 hours", "more than 2 days", ["number", "added"]),                            # other comparator
])
def test_fidelity_never_passes_an_inexact_or_changed_duration(original, rewrite, kinds):
    assert [loss.kind for loss in check_fidelity(original, rewrite)] == kinds


@pytest.mark.parametrize("rewrite,message", [
    ("any fever within 14 days (3 weeks) before dosing", '"within before: 3 week" is not in the original'),
    ("any fever within 14 days (1 month) before dosing", '"within before: 1 month" is not in the original'),
])
def test_fidelity_catches_a_bracket_giving_another_time(rewrite, message):
    # N2: only an exactly equal gloss is dropped; "14 days (3 weeks)" says two different things
    assert [loss.message for loss in check_fidelity("any fever within 14 days before dosing", rewrite)] == [message]


@pytest.mark.parametrize("old,new", [("12 months", "1 year"), ("12 months", "one year")])
def test_years_written_as_months_is_no_alarm(old, new):
    # N1: NCT07041801's "for at least 12 months" written "for at least 1 year" is the same time
    assert _page_with("inclusion", 2, old, new, nct="NCT07041801") == []


@pytest.mark.parametrize("new,severity,differs", [
    ("52 weeks", "warning", 'a time period, "52 weeks" where ClinicalTrials.gov says "12 months" (about as long, but '
     'not the same)'),
    ("365 days", "warning", 'a time period, "365 days" where ClinicalTrials.gov says "12 months" (about as long, but '
     'not the same)'),
    ("2 years", "critical", "a number")])
def test_a_year_for_months_in_other_units_is_not_the_same(new, severity, differs):
    # days and weeks never stand for months or years: about as long is a warning (window3), another number of years
    # a critical
    assert [(f.kind, f.severity, f.message) for f in _page_with("inclusion", 2, "12 months", new, nct="NCT07041801")] == [
        ("criterion_changed", severity,
         f'A requirement for joining differs in {differs}: this page says "…the injection administration for at least '
         f'{new}, and voluntarily take effective contraceptive measures…", but ClinicalTrials.gov says "…the injection '
         f'administration for at least 12 months, and voluntarily take effective contraceptive measures…".')]


def _compared(record: str, page: str) -> list[tuple[str, str]]:
    found = compare([Entry(record, normalize(record), "exclusion")], [Entry(page, normalize(page), "exclusion")], 80.0)
    return [(f.severity, f.message) for f in found]


def test_past_year_written_as_12_months_is_no_alarm():
    # N1: NCT07635758's "within the past year"
    record = "History of drug abuse or alcohol abuse within the past year"
    assert _compared(record, record.replace("the past year", "the past 12 months")) == [
        ("info", 'This page words a reason someone cannot join as "History of drug abuse or alcohol abuse within the past '
                 '12 months", where ClinicalTrials.gov says "History of drug abuse or alcohol abuse within the past year". '
                 'No number, unit, limit or "not" differs; read both to see what else does.')]
    assert _compared(record, record.replace("the past year", "the past 6 months")) == [
        ("critical", 'A reason someone cannot join differs in a number: this page says "History of drug abuse or alcohol '
                     'abuse within the past 6 months", but ClinicalTrials.gov says "History of drug abuse or alcohol abuse '
                     'within the past year".')]


@pytest.mark.parametrize("new", ["14 days (2 weeks)", "14 days (two weeks)", "2 weeks (14 days)"])
def test_duration_restated_in_other_unit_is_no_alarm(new):
    # N2: the page adds a correct gloss: at most the INFO that the item is worded otherwise
    assert [(f.kind, f.severity, f.message) for f in _page_with("inclusion", 5, "14 days", new)] == [
        ("criterion_reworded", "info",
         f'This page words a requirement for joining as "Within 24 hours to {new} of stroke onset", where '
         'ClinicalTrials.gov says "Within 24 hours to 14 days of stroke onset". No number, unit, limit or "not" '
         'differs; read both to see what else does.')]


def test_a_bracket_giving_another_time_stays_critical():
    assert [(f.kind, f.severity, f.message) for f in _page_with("inclusion", 5, "14 days", "14 days (3 weeks)")] == [
        ("criterion_changed", "critical",
         'A requirement for joining differs in a number: this page says "Within 24 hours to 14 days (3 weeks) of stroke '
         'onset", but ClinicalTrials.gov says "Within 24 hours to 14 days of stroke onset".')]


# Review round 12d, P2-P4, on NCT07635758 (inclusion 1 "Body weight 45-90 kg", 2 "… onset between 6 and 72 hours
# (inclusive) prior to enrollment …", 3 "NIHSS score 6-20, …"): a closed range written with two bounds, an exactly
# equal time at a range's end and a weight restated in pounds say what the record says.

def _new_findings(index: int, old: str, new: str) -> list[tuple[str, str, str]]:
    """What reconcile says about NCT07635758's page with one inclusion item edited, beyond what it says unedited
    (the helper's page lists no sub-items, which it reports as left out either way)."""
    before = {f.message for f in _page_with("inclusion", index, old, old, nct="NCT07635758")}
    return [(f.kind, f.severity, f.message) for f in _page_with("inclusion", index, old, new, nct="NCT07635758")
            if f.message not in before]


@pytest.mark.parametrize("index,old,new", [
    (3, "NIHSS score 6-20", "NIHSS score ≥6 and ≤20"),
    (3, "NIHSS score 6-20", "NIHSS score at least 6 and no more than 20"),
    (3, "NIHSS score 6-20", "NIHSS score at least 6 and up to 20"),
    (3, "NIHSS score 6-20", "NIHSS score of 6 or more and 20 or less"),
    (2, "between 6 and 72 hours", "between 6 hours and 72 hours"),
    (1, "Body weight 45-90 kg", "Body weight at least 45 kg and at most 90 kg"),   # was not even paired
    (0, "Age ≥18 years and ≤80 years", "Age 18-80 years"),                        # the record's own two bounds
    (0, "Age ≥18 years and ≤80 years", "Age 18 to 80 years"),
])
def test_a_range_written_with_two_bounds_is_the_record_range(index, old, new):
    # P2: a ClinicalTrials.gov range "6-20" includes both ends, so ">= 6 and <= 20" is the same rule
    assert _new_findings(index, old, new) == []


@pytest.mark.parametrize("new,shown", [
    ("NIHSS score > 6 and < 20", "NIHSS score > 6 and < 20"),
    ("NIHSS score ≥6 and <20", "NIHSS score ≥6 and <20"),
])
def test_a_range_leaving_out_an_end_stays_critical(new, shown):
    assert _new_findings(3, "NIHSS score 6-20", new) == [
        ("criterion_changed", "critical",
         f'A requirement for joining differs in a limit: this page says "{shown}, with NIHSS item 1a (Level of '
         'Consciousness) <2", but ClinicalTrials.gov says "NIHSS score 6-20, with NIHSS item 1a (Level of '
         'Consciousness) <2".')]


def test_open_bounds_for_the_record_closed_ones_stay_critical():
    assert _new_findings(0, "Age ≥18 years and ≤80 years", "Age >18 years and <80 years") == [
        ("criterion_changed", "critical",
         'A requirement for joining differs in a limit: this page says "Age >18 years and <80 years; any gender", '
         'but ClinicalTrials.gov says "Age ≥18 years and ≤80 years; any gender".')]


@pytest.mark.parametrize("new", ["between 6 and 72 hours (3 days)", "between 6 and 72 hours (inclusive, 3 days)",
                                 "between 6 hours and 3 days"])
def test_an_exactly_equal_time_at_a_range_end_is_no_alarm(new):
    # P3: 72 hours is 3 days exactly, said instead or restated in brackets
    assert _new_findings(2, "between 6 and 72 hours", new) == []


@pytest.mark.parametrize("new,shown", [
    ("between 6 and 72 hours (4 days)", "…onset between 6 and 72 hours (4 days) (inclusive) prior to enrollment; "
                                        "received thrombolysis…"),
    ("between 6 hours and 4 days", "…ischemic stroke, with onset between 6 hours and 4 days (inclusive) prior to "
                                   "enrollment; received thrombolysis…"),
])
def test_another_time_at_a_range_end_stays_critical(new, shown):
    said = ("…onset between 6 and 72 hours (inclusive) prior to enrollment; received thrombolysis…" if "(4" in new else
            "…ischemic stroke, with onset between 6 and 72 hours (inclusive) prior to enrollment; received thrombolysis…")
    assert _new_findings(2, "between 6 and 72 hours", new) == [
        ("criterion_changed", "critical",
         f'A requirement for joining differs in a number: this page says "{shown}", but ClinicalTrials.gov says '
         f'"{said}".')]


@pytest.mark.parametrize("new", ["Body weight 45-90 kg (99-198 lb)", "Body weight 45-90 kg (about 99-198 lb)"])
def test_weight_restated_in_pounds_in_brackets_is_no_alarm(new):
    # P4: the record's kilograms stay; the pounds in brackets agree with them up to rounding
    assert _new_findings(1, "Body weight 45-90 kg", new) == [
        ("criterion_reworded", "info",
         f'This page words a requirement for joining as "{new}", where ClinicalTrials.gov says "Body weight 45-90 kg". '
         'No number, unit, limit or "not" differs; read both to see what else does.')]


@pytest.mark.parametrize("new", ["Body weight 45-90 kg (50-100 lb)",   # pounds that disagree with the kilograms
                                 "Body weight 99-198 lb"])             # pounds instead of the record's kilograms
def test_other_pounds_or_pounds_alone_stay_critical(new):
    assert _new_findings(1, "Body weight 45-90 kg", new) == [
        ("criterion_changed", "critical",
         f'A requirement for joining differs in a number: this page says "{new}", but ClinicalTrials.gov says '
         '"Body weight 45-90 kg".')]


@pytest.mark.parametrize("original,rewrite", [
    ("NIHSS score 6-20", "NIHSS score ≥6 and ≤20"),
    ("NIHSS score 6-20", "NIHSS score of 6 or more and 20 or less"),
    ("BMI between 18.5 and 30.", "BMI at least 18.5 but no more than 30."),
    ("onset between 6 and 72 hours prior to enrollment", "onset between 6 hours and 3 days prior to enrollment"),
    ("onset between 6 and 72 hours prior to enrollment", "onset ≥6 hours and ≤72 hours prior to enrollment"),
    ("Height at least 150 cm", "Height at least 150 cm (59 inches)"),
    ("Weight 50 kg or more", "Weight 50 kg (110 lb) or more"),
])
def test_fidelity_reads_two_bounds_and_restatements_as_one_figure(original, rewrite):
    assert check_fidelity(original, rewrite) == []
    assert check_fidelity(rewrite, original) == []


@pytest.mark.parametrize("original,rewrite,messages", [
    ("NIHSS score 6-20", "NIHSS score > 6 and < 20",
     ['"range 6" became "more than 6"', '"range 20" became "less than 20"']),
    ("NIHSS score 6-20", "NIHSS score ≥ 20 and ≤ 6",                       # no range: the ends are the wrong way round
     ['"range 6" became "at most 6"', '"range 20" became "at least 20"']),
    ("Height at least 150 cm", "Height at least 150 cm (69 inches)", ['"69" is not in the original']),
    ("Weight 50 kg or more", "Weight 50 kg (100 lb) or more",
     ['"at least 50 kg" became "50 kg"', '"100 lb" is not in the original']),
])
def test_fidelity_still_catches_open_bounds_and_wrong_restatements(original, rewrite, messages):
    assert [loss.message for loss in check_fidelity(original, rewrite)] == messages


# Review round 13, F4 (NCT00000839, NCT00460278): a bound of a range written with two comparators, restated in
# brackets, is still that range's end; a bracket giving another figure stops the range and is caught.

@pytest.mark.parametrize("original,rewrite", [
    ("Gestational age at least 26 weeks but not more than 36 weeks.",
     "Gestational age at least 26 weeks (182 days) but not more than 36 weeks (252 days)."),
    ("The subject's weight is ≥55 kg and ≤120 kg.", "The subject's weight is ≥55 kg (121 lb) and ≤120 kg (265 lb)."),
])
def test_fidelity_skips_a_restated_bound_inside_a_two_bound_range(original, rewrite):
    assert check_fidelity(original, rewrite) == []


@pytest.mark.parametrize("original,rewrite,messages", [
    ("weight ≥55 kg and ≤120 kg", "weight ≥55 kg (150 lb) and ≤120 kg (265 lb)",
     ['"range 55 kg" became "at least 55 kg"', '"range 120 kg" became "at most 120 kg"',
      '"150 lb" is not in the original']),
    ("weight ≥55 kg and ≤120 kg", "weight ≥55 kg and ≤120 kg (300 lb)", ['"300 lb" is not in the original']),
])
def test_fidelity_catches_a_wrong_bracket_inside_a_two_bound_range(original, rewrite, messages):
    assert [loss.message for loss in check_fidelity(original, rewrite)] == messages


def test_a_restated_bound_of_the_record_two_bound_range_is_no_alarm():
    assert _new_findings(0, "Age ≥18 years and ≤80 years", "Age ≥18 years (216 months) and ≤80 years (960 months)") == []


def test_a_wrong_restated_bound_of_the_record_two_bound_range_stays_critical():
    assert [(k, s) for k, s, _ in _new_findings(0, "Age ≥18 years and ≤80 years",
                                                 "Age ≥18 years (216 months) and ≤80 years (970 months)")] == [
        ("criterion_changed", "critical")]


# Review round 13, F3 (NCT00497354, NCT00004845, NCT00000142, NCT06339853, NCT00005794): alignment reads comparisons
# as signs too, so a short item with its comparison in other words is paired (not "missing" plus "added"), and
# trialfinderdata's run-on "Life expectancy: a) ≥ 12 weeks" is the record's label with its sub-item, not a changed
# label; a changed figure or comparison is still reported.

def _alarms_on(criteria: str, section_items: list[str], site: str = "meddatax.com") -> list[tuple[str, str, str]]:
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00497354", "briefTitle": "A trial"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-10-01"}},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL", "minimumAge": "18 Years"}}}
    page = PageRecord(site=site, nct_id="NCT00497354", inclusion=section_items)
    return [(f.kind, f.severity, f.message) for f in reconcile(page, OfficialRecord(record), TODAY)
            if f.about == "page" and is_alarm(f) and f.severity != "info"]


def _short_item(official: str, shown: str) -> list[tuple[str, str, str]]:
    crit = f"Inclusion Criteria:\n\n* Signed informed consent\n* {official}\n* Able to attend all study visits\n"
    return _alarms_on(crit, ["Signed informed consent", shown, "Able to attend all study visits"])


@pytest.mark.parametrize("official,shown", [
    ("BMI<35", "BMI less than 35"),
    ("Age greater than or equal to 55 years old", "Age ≥ 55 years old"),
    ("13 years or older", "≥ 13 years"),
    ("ISI ≥11", "ISI at least 11"),
])
def test_short_item_with_its_comparison_in_other_words_is_paired(official, shown):
    assert _short_item(official, shown) == []


@pytest.mark.parametrize("official,shown", [("BMI<35", "BMI less than 40"), ("ISI ≥11", "ISI more than 11")])
def test_short_item_with_a_changed_figure_or_comparison_stays_critical(official, shown):
    assert [(k, s) for k, s, _ in _short_item(official, shown)] == [("criterion_changed", "critical")]


def _run_on(shown: str) -> list[tuple[str, str, str]]:
    crit = ("Inclusion Criteria:\n\n* Histologically confirmed disease\n* Life expectancy:\n  * At least 12 weeks\n"
            "* Signed informed consent\n")
    return _alarms_on(crit, ["Histologically confirmed disease", shown, "Signed informed consent"],
                      site="trialfinderdata.org")


def test_run_on_label_and_sub_item_with_a_sign_is_the_record_item():
    assert _run_on("Life expectancy: a) ≥ 12 weeks") == []


def test_run_on_label_and_a_changed_sub_item_stays_critical():
    assert [(k, s) for k, s, _ in _run_on("Life expectancy: a) ≥ 6 weeks")] == [("criterion_changed", "critical")]
