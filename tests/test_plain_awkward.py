"""Rewrites a patient stumbled on (corpus items, ../shared/data/ctgov): each case is the general pattern behind one
reported string, with the record it was found in."""

from __future__ import annotations

import pytest

from plain_support import shown


@pytest.mark.parametrize("text,expected", [
    # a word saying which medicines: not "forbidden other medicines you take" (NCT04066023, NCT05486312, NCT06136936)
    ("Use of any prohibited concomitant medications within 30 days of screening",
     "Use of any forbidden medicines within 30 days of screening"),
    ("Currently needs or will likely require prohibited concomitant medications.",
     "You now need or will likely need forbidden medicines."),
    ("Requiring any of the excluded concomitant medications.", "Needing any of the excluded medicines."),   # NCT00000644
    ("Active opportunistic infection requiring treatment with an excluded concomitant medication.",
     "Active opportunistic infection needing treatment with an excluded medicine."),   # NCT00000653
    # "the" names them: not "The other medicines you take listed as exclusion criteria" (NCT03813992)
    ("The concomitant medications listed as exclusion criteria apply to the extension phase.",
     "The other medicines listed as exclusion criteria apply to the extension phase."),
])
def test_medicines_a_word_describes_are_not_other_medicines_you_take(text, expected):
    assert shown(text) == expected
