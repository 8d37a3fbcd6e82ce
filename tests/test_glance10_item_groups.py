"""glance10: group headings the criteria text places (review r52 F3, F9): a heading glued to an item's end heads what
follows it, one at an item's start heads the item (the middle: still no labels; tests/test_groups10_item_groups.py);
"Termination criteria:" is the study's rule, not the group before it's; a proper name in a heading in capitals is
written as a name ("Lyme", not "LYME")."""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers.criteria import parse_criteria
from scrapers.official import OfficialRecord
from server.explain import explain_text
from server.item_groups import UNGROUPED, group_name, runs, section_groups

FAMILY = """Individual inclusion criteria:

1. Individual diagnosed with a diabetic foot ulcer.

Individual exclusion criteria:

1. Individual who is hospitalized.

Family inclusion criteria:

1. The caregiver or family member of an individual having DFU.

Family exclusion criteria:

Individuals who attend the program less than 80 percent.

Termination criteria:

This study will be suspended if events are identified representing serious noncompliance.
"""


def test_termination_criteria_are_no_groups():
    """NCT03909802: the suspension paragraph read as the family's exclusion."""
    plain = explain_text(FAMILY)
    assert [e.group for e in plain.exclusion] == ["Individual", "Family", None]
    assert [h for h, _ in runs(plain.exclusion)] == ["Individual", "Family", UNGROUPED]


@pytest.mark.parametrize("heading, name", [
    ("EXCLUSION CRITERIA - PTLDS PATIENTS AND LYME ARTHRITIS CONTROLS:", "PTLDS patients and Lyme arthritis controls"),
    # (unchanged: abbreviations, common words, a name written as one before)
    ("INCLUSION CRITERIA: PARKINSON'S DISEASE PATIENTS", "Parkinson's disease patients"),
    ("INCLUSION CRITERIA: HIV-INFECTED PATIENTS", "HIV-infected patients"),
    ("INCLUSION CRITERIA - ADHD PARTICIPANTS", "ADHD participants"),
    ("INCLUSION CRITERIA: TYPE 1 DIABETES PATIENTS", "Type 1 diabetes patients"),
])
def test_a_proper_name_in_capitals_is_written_as_a_name(heading, name):
    assert group_name(heading) == name


def _labels(shared_dir, nct_id: str) -> dict:
    rec = OfficialRecord(corpus_record(shared_dir, nct_id))
    return section_groups(parse_criteria(rec.eligibility_criteria), rec.eligibility_criteria)


def test_corpus_nct00497367_phase_2_has_its_own_run(shared_dir):
    labels = _labels(shared_dir, "NCT00497367")["inclusion"]
    assert labels.count("Phases 1 and 2") == 14 and labels.count("Phase 1") == 4 and labels[-3:] == ["Phase 2"] * 3


def test_corpus_nct05147818_and_nct03909802(shared_dir):
    assert _labels(shared_dir, "NCT05147818")["inclusion"][-1] == "Matched controls"
    assert _labels(shared_dir, "NCT03909802")["exclusion"][-1] is None
