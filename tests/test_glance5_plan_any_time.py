"""A plan to become pregnant (or to father a child) that the record rules out with no time said is said in the
pregnancy row with no time (review r49 F8): "Excluded, also if planning a pregnancy during the study" told a reader
planning a child a year after the study that the row was not theirs, where the record's words rule out the plan
whenever it is for. A plan said for the study's time keeps "during the study"; one said for a span past it keeps the
span (plain14)."""

import pytest

from scrapers.criteria import parse_criteria
from server.explain import at_a_glance
from server.glance import pregnancy_row


def row(text: str) -> tuple[str | None, bool]:
    g = at_a_glance(None, parse_criteria(text))
    return pregnancy_row(g), g["pregnancy_plan_any_time"]


@pytest.mark.parametrize("text,expected", [
    # no time said (the records' own words)
    ("Exclusion Criteria:\n\n* Pregnancy or planned pregnancy", ("Excluded, also if planning a pregnancy", True)),
    ("Exclusion Criteria:\n\n* Are planning to father a baby", ("Excluded if planning to father a child", True)),
    ("Exclusion Criteria:\n\n* Women who are pregnant or planning to become pregnant cannot be included",
     ("Excluded, also if planning a pregnancy", True)),
    # the study's time
    ("Exclusion Criteria:\n\n* Pregnant or planning to become pregnant during the study",
     ("Excluded, also if planning a pregnancy during the study", False)),
    ("Inclusion Criteria:\n\n* Women who are not pregnant and do not plan to become pregnant during the study",
     ("Excluded, also if planning a pregnancy during the study", False)),
    # the study's time in words _SOME_TIME does not hold (NCT05819398, NCT06060392, NCT00001848)
    ("Exclusion Criteria:\n\n* Women who are pregnant, nursing, or who plan to become pregnant while in the trial.",
     ("Excluded, also if planning a pregnancy during the study", False)),
    ("Exclusion Criteria:\n\n* Pregnancy or women breastfeeding or planning to become pregnant while enrolled in this "
     "study.", ("Excluded, also if planning a pregnancy during the study", False)),
    ("Inclusion Criteria:\n\n* Do not desire pregnancy for the duration of the study.",
     ("Excluded if planning a pregnancy during the study", False)),
    # a time said before the plan (review r50 F7)
    ("Exclusion Criteria:\n\n* During the study, plans to become pregnant",
     ("Excluded if planning a pregnancy during the study", False)),
    # one plan for the study, one with no time: the broader, no time
    ("Exclusion Criteria:\n\n* Plan to become pregnant during the study\n* Planned pregnancy",
     ("Excluded if planning a pregnancy", True)),
    # a span past the study (plain14) is kept
    ("Exclusion Criteria:\n\n* Women who plan to become pregnant during the study or within 3 months following the "
     "last dose of the investigational product",
     ("Excluded if planning a pregnancy during the study and up to 3 months after the last dose", False)),
])
def test_the_row_says_the_time_the_record_says(text, expected):
    assert row(text) == expected


def test_an_older_glance_without_the_key_still_says_during_the_study():
    assert pregnancy_row({"pregnancy_excluded": True, "pregnancy_plan_excluded": True}) == \
        "Excluded, also if planning a pregnancy during the study"
