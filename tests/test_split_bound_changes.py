"""A range of one measure shown one bound per bullet with one bound's figure, limit or unit changed ("Greater than
69 months" for "greater than 69 years") is the critical change naming that bullet and what changed (session
splits3): not a criterion added and one missing (warnings), nor "a number and an "or"" (the split itself is
faithful). Record texts marked with a trial number are that record's own item."""

import pytest

from test_split_alternatives import _alarms, _found


@pytest.mark.parametrize("record,bullets,changed,said,what", [
    ("Age less than 20 or greater than 69 years.", ["Age less than 20", "Greater than 69 months"],   # (NCT00006168)
     "Greater than 69 months", "greater than 69 years", "a unit"),
    ("Age less than 20 or greater than 69 years.", ["Age less than 20", "Greater than 65 years"],
     "Greater than 65 years", "greater than 69 years", "a number"),
    ("Age less than 20 or greater than 69 years.", ["Age less than 18", "Greater than 69 years"],
     "Age less than 18", "Age less than 20", "a number"),
    ("Serum potassium < 3.5 or > 5.1 mEq/L", ["Serum potassium < 3.5", "> 10.2 mEq/L"],   # (NCT00461136)
     "> 10.2 mEq/L", "> 5.1 mEq/L", "a number"),
])
def test_a_range_bullet_with_its_bound_changed_is_one_critical_change_naming_it(record, bullets, changed, said,
                                                                               what):
    alarms = _alarms(_found("exclusion", record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert alarms[0][2] == (f'A reason someone cannot join differs in {what}: this page shows "{changed}" as an item '
                            f'of its own, where ClinicalTrials.gov\'s "{record}" says "{said}".')


@pytest.mark.parametrize("record,bullets,changed,said", [
    ("Age less than 40 or over 70", ["Age less than 40", "Under 70"], "Under 70", "over 70"),   # (NCT02665520)
    ("Abnormal serum testosterone level defined as a value lower than 300 ng/dL or greater than 1197 ng/dL.",
     ["Abnormal serum testosterone level defined as a value lower than 300 ng/dL", "Less than 1197 ng/dL"],   # (NCT03039218)
     "Less than 1197 ng/dL", "greater than 1197 ng/dL"),
])
def test_a_range_bullet_with_its_limit_turned_names_that_bullet_not_an_or(record, bullets, changed, said):
    # (its comparison word is not the record's, so the bullet was read as a criterion added beside "an "or"")
    alarms = _alarms(_found("exclusion", record, bullets))
    assert [(k, s) for k, s, _ in alarms] == [("criterion_changed", "critical")]
    assert alarms[0][2].startswith(f'A reason someone cannot join differs in a limit: this page shows "{changed}" as '
                                   'an item of its own, where ClinicalTrials.gov')
    assert alarms[0][2].endswith(f' says "{said}".')
