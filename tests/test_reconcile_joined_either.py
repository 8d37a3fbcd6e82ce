"""Two exclusions run together as "pregnant and breastfeeding" (session alarms, item 4): the record's "Pregnant" and
"Breastfeeding" shown as "Pregnant and breastfeeding" were a critical "on this page only all of them together" (45 of
45 real neighbouring pairs joined by "and"), though every such exclusion item of the corpus means either
(alternatives.as_either). Read as the "or" it means: the merge warning (14 of those 45; the other 31 join longer
items, as "… and have household contact with infants", and stay critical). "Not using effective contraception and
breastfeeding" is no such pair: only someone both not using contraception and breastfeeding, critical as before (31
of 31 real pairs); joined by "or" it was and is the merge warning."""

from datetime import date

import pytest

from criteria_support import bulleted_record

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile

TODAY = date(2026, 12, 6)
INC = ["Age 18 years or older", "Pregnant women in the second trimester", "Breastfeeding mothers"]
EXC = ["Active infection", "Pregnancy", "Lactation", "Not using effective contraception", "Breastfeeding"]


def _alarms(section: str, first: int, joined: str) -> list:
    official = bulleted_record(INC, EXC)
    inc, exc = list(INC), list(EXC)
    items = inc if section == "inclusion" else exc
    items[first:first + 2] = [joined]
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inc, exclusion=exc)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY)
            if f.about == "page" and f.severity != "info"]


@pytest.mark.parametrize("joined", ["Pregnancy and lactation", "Pregnancy or lactation"])
def test_pregnancy_and_lactation_excluded_together_mean_either(joined):
    assert _alarms("exclusion", 1, joined) == [("criteria_merged", "warning")]


def test_not_using_contraception_and_breastfeeding_stays_critical():
    assert ("criterion_changed", "critical") in _alarms("exclusion", 3, "Not using effective contraception and "
                                                        "breastfeeding")
    assert _alarms("exclusion", 3, "Not using effective contraception or breastfeeding") == \
        [("criteria_merged", "warning")]


def test_requirements_joined_by_or_stay_critical():
    assert ("criterion_changed", "critical") in _alarms("inclusion", 1, "Pregnant women in the second trimester or "
                                                        "breastfeeding mothers")


@pytest.mark.parametrize("first,count,joined", [
    (1, 3, "Pregnancy and lactation and not using effective contraception"),
    (0, 3, "Active infection and pregnancy and lactation"),
    (0, 4, "Active infection and pregnancy and lactation and not using effective contraception"),
])
def test_the_pair_inside_a_longer_and_join_stays_critical(first, count, joined):
    """Review r30 #1: only "pregnancy and lactation" means either; the other "and" still keeps out only someone with
    both (20 of 22 real three-item joins had dropped to the merge warning)."""
    official = bulleted_record(INC, EXC)
    exc = list(EXC)
    exc[first:first + count] = [joined]
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=list(INC), exclusion=exc)
    found = [f for f in reconcile(page, official, TODAY) if f.about == "page" and f.severity != "info"]
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "critical")]
    assert 'joined by "and"' in found[0].message
