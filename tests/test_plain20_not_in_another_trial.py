"""plain20: "Not participating in another trial" under the exclusions is a requirement's wording: under "You cannot
join if…" it read as ruling out those who are in no other trial. It is marked (`worded_as_requirement`, server/worded.py)
as "Patients must not take part in another trial" already was; under the inclusions it reads as it is, unmarked.
"""

from __future__ import annotations

import pytest

from plain_support import trial_record as _record
from server.explain import explain
from server.worded import worded_as_requirement


@pytest.mark.parametrize("item", [
    "Not participating in another trial", "Not participating in another clinical trial",
    "Not currently participating in another interventional study", "Not enrolled in another clinical trial",
    "Not currently enrolled in any other study", "Not participating in a clinical trial",
    "Not enrolled on SECRAB or OSCAR trials", "Not previously enrolled on this study",
])
def test_not_being_in_a_trial_under_the_exclusions_is_worded_as_a_requirement(item):
    assert worded_as_requirement(item)
    crit = f"Inclusion Criteria:\n\n- Adults\n\nExclusion Criteria:\n\n- {item}\n"
    plain = explain(_record(["Asthma"], "Asthma study", crit))
    assert plain.exclusion[0].worded_as_requirement
    assert not plain.inclusion[0].worded_as_requirement


def test_under_the_inclusions_it_is_no_mark_and_reads_as_a_requirement():
    crit = "Inclusion Criteria:\n\n- Not participating in another trial\n"
    e = explain(_record(["Asthma"], "Asthma study", crit)).inclusion[0]
    assert (e.shown, e.worded_as_requirement) == ("Not taking part in another trial", False)


@pytest.mark.parametrize("item", [
    "Not wanting to participate in the research", "Not registered with a general practitioner",
    "Not able to take part in study visits",
])
def test_a_lack_said_with_not_is_no_requirement(item):
    assert not worded_as_requirement(item)


@pytest.mark.parametrize("item", [
    "Not included in the study: pregnant women", "Not enrolled in the study if they have had surgery in the last 30 days",
    "Not involved in the study design", "Not enrolled in this study when younger than 18",
])
def test_a_lead_in_or_this_studys_own_words_are_not_marked(item):
    """Review r59 F5: "… the study: pregnant women" and "… the study if …" lead in to reasons, and "included" or
    "involved" in the study are about this one; marked, each drew "Ask the study team which is meant"."""
    assert not worded_as_requirement(item)
