"""Split misreads left from review r27 (session splits2). A record item shown as several bullets where one bullet
loses or changes the figure its test is held to ("AST" + "ALT > 2.5 x ULN" for "AST/ALT > 2.5 x ULN", or "AST > 5 x
ULN") is a critical change to a number, as a dropped or changed limit is anywhere else (it was the split note alone,
or warnings). An exclusion "X and Y" whose second bullet repeats X's subject is the "and" alarm even where alignment
paired the record with the first bullet alone. A range of one measure ("Age less than 20 or greater than 69 years")
as one bullet per bound is faithful; "Pregnant and breastfeeding women" as two bullets says the record's rule (an
exclusion's "pregnant and breastfeeding" means either: no one is excluded only when both hold)."""

import pytest

from test_split_alternatives import _alarms, _found


@pytest.mark.parametrize("section,record,bullets,lost", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST", "ALT > 2.5 x ULN"], "AST"),
    ("inclusion", "AST/ALT no greater than 2 times ULN", ["AST", "ALT no greater than 2 times ULN"], "AST"),   # (NCT00006092)
    ("inclusion", "SGOT/SGPT <= 3 x ULN", ["SGOT <= 3 x ULN", "SGPT"], "SGPT"),
])
def test_a_split_bullet_that_loses_its_tests_limit_is_a_critical_change(section, record, bullets, lost):
    alarms = _alarms(_found(section, record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert f'differs in a number: this page shows "{lost}" as an item of its own' in alarms[0][2]
    assert f'"{record}"' in alarms[0][2]


@pytest.mark.parametrize("section,record,bullets,changed", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST > 5 x ULN", "ALT > 2.5 x ULN"], "AST > 5 x ULN"),
    ("inclusion", "AST/ALT <= 2.5 x ULN", ["AST <= 2.5 x ULN", "ALT <= 5 x ULN"], "ALT <= 5 x ULN"),
    ("inclusion", "PT/PTT < 1.5 times ULN", ["PT < 1.5 times ULN", "PTT < 3 times ULN"], "PTT < 3 times ULN"),
])
def test_a_limit_changed_on_one_slash_bullet_is_a_critical_change_not_an_added_item(section, record, bullets,
                                                                                     changed):
    alarms = _alarms(_found(section, record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert f'this page shows "{changed}" as an item of its own' in alarms[0][2]


@pytest.mark.parametrize("section,record,bullets", [
    ("exclusion", "AST/ALT > 2.5 x ULN", ["AST > 2.5 x ULN", "ALT > 2.5 x ULN"]),
    ("inclusion", "AST/ALT <= 2.5 x ULN", ["AST <= 2.5 x ULN", "ALT <= 2.5 x ULN"]),
])
def test_a_slash_split_that_keeps_the_limit_on_each_bullet_stays_quiet(section, record, bullets):
    assert _alarms(_found(section, record, bullets)) == []
