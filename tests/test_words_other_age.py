"""An age that is not the participant's own, its word left out: "Aged between 20 and 30 weeks" or "Age between 20 and
30 weeks" where ClinicalTrials.gov says "Gestational age between 20 and 30 weeks" sets the child's own age, not how
far the pregnancy had gone. Review r33: once "age" and "aged" read as one word (words5), "Aged" for "Gestational age"
was silent (50 of 50 real items warned before), and "Age" for "Bone age", "Mental age", "Donor age" or
"Developmental age" was silent before that. A chronological or postnatal age is the participant's own."""

import pytest

from criteria_support import alarms_with_item_replaced

INC = ["Gestational age between 20 and 30 weeks.", "Bone age less than or equal to 12 years.",
       "Donor age <= 45 years", "Mental age of at least 18 months.", "Postnatal age <48 hours",
       "Chronological age of 10.0 to 14.9 years.", "Gestational age 37-42 weeks. (GA)",
       "Developmental age 3 years or older"]
EXC = ["Pregnancy", "Uncontrolled hypertension"]


@pytest.mark.parametrize("index,old,new,word", [
    (0, "Gestational age", "Aged", "gestational"), (0, "Gestational age", "Age", "gestational"),
    (1, "Bone age", "Aged", "bone"), (1, "Bone age", "Age", "bone"), (2, "Donor age", "Aged", "donor"),
    (2, "Donor age", "Age", "donor"), (3, "Mental age", "Aged", "mental"), (3, "Mental age", "Age", "mental"),
    (7, "Developmental age", "Age", "developmental"),
])
def test_another_s_age_shown_as_the_participant_s_warns(index, old, new, word):
    found = alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new)
    assert [(f.kind, f.severity) for f in found] == [("criterion_changed", "warning")]
    assert f'leaves out "{word}", which ClinicalTrials.gov says of "age"' in found[0].message


@pytest.mark.parametrize("index,old,new", [
    # (the participant's own age, said without its word; a short form the page keeps; age said as "aged")
    (4, "Postnatal age", "Aged"), (4, "Postnatal age", "Age"), (5, "Chronological age", "Aged"),
    (5, "Chronological age", "Age"), (6, "Gestational age", "Aged"),
])
def test_the_participant_s_own_age_said_otherwise_is_quiet(index, old, new):
    assert alarms_with_item_replaced(INC, EXC, "inclusion", index, old, new) == []
