"""The pregnancy row's "planning … during the study" only where the record's span is the study's (review r47 L1).

"expecting to conceive or father a child within the projected duration of the study including 120 days following
the last dose" (NCT04646330) read "Excluded, also if planning a pregnancy or to father a child during the study": a
reader planning a child 60 days after the last dose was told the plan does not rule them out. A span that runs past
the study was not said at a glance (the row said "Excluded"; the item is in the criteria in full); plain14 says it where
it is read exactly (server/glance_plans.py). Texts are the records' own."""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers.official import OfficialRecord
from server import glance
from server.explain import explain


def _row(shared_dir, nct_id: str) -> str | None:
    return glance.pregnancy_row(explain(OfficialRecord(corpus_record(shared_dir, nct_id))).at_a_glance)


_FATHER_120 = ("Excluded, also if planning a pregnancy or to father a child during the study and up to 120 days after the "
               "last dose")


@pytest.mark.parametrize("nct_id, row", [
    ("NCT04646330", _FATHER_120),   # "… within the projected duration of the study including 120 days following the last dose …"
    ("NCT04736823", _FATHER_120),   # the same words
    ("NCT05078931", _FATHER_120),   # "… of the study, starting with the screening visit through 120 days after the last dose …"
    # the same, "expecting to conceive"
    ("NCT05832827", "Excluded, also if planning a pregnancy during the study and up to 120 days after the last dose"),
    # "plan to become pregnant during the study or within 3 months following the last dose"
    ("NCT02552212", "Excluded, also if planning a pregnancy during the study and up to 3 months after the last dose"),
])
def test_a_plan_for_longer_than_the_study_is_said_with_its_span(shared_dir, nct_id, row):
    """plain14: the row said only "Excluded" for these (r47 L1 left the span unsaid); it says the span, number and unit
    kept, never "during the study" alone."""
    assert _row(shared_dir, nct_id) == row


@pytest.mark.parametrize("nct_id, row", [
    # "women planning to become pregnant or lactating during the study period, or pregnant women\*2 …": a figure
    # that is no span (a footnote mark, an item number after it) does not stretch it
    ("NCT05923281", "Excluded, also if planning a pregnancy during the study"),
    # "attempting to conceive … during the study duration (applicable … to female subjects age 11 and older)"
    ("NCT05251116", "Excluded, also if planning a pregnancy during the study"),
])
def test_the_studys_own_span_is_still_said(shared_dir, nct_id, row):
    assert _row(shared_dir, nct_id) == row
