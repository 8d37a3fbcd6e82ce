"""The pregnancy row says a plan's span past the study where the record's words are read exactly (plain14).

"Is pregnant, breastfeeding, or expecting to conceive or father a child within the projected duration of the study
including 120 days following the last dose of study treatment" (NCT04646330) showed "Excluded" only (r47 L1: "during
the study" would cut the span short). It now says "Excluded, also if planning a pregnancy or to father a child during
the study and up to 120 days after the last dose": the number and the unit kept. Any other words after the study's time
leave the row as it was. Texts are the records' own unless said."""

from __future__ import annotations

import pytest

from scrapers.criteria import parse_criteria
from server import glance, glance_plans


def _glance(exclusion: str) -> dict:
    return glance.at_a_glance(None, parse_criteria(f"Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* {exclusion}\n"))


@pytest.mark.parametrize("text, row", [
    ("Is pregnant, breastfeeding, or expecting to conceive or father a child within the projected duration of the "
     "study including 120 days following the last dose of study treatment.",                         # NCT04646330
     "Excluded, also if planning a pregnancy or to father a child during the study and up to 120 days after the last "
     "dose"),
    ("Is pregnant or breastfeeding or expecting to conceive within the projected duration of the study, starting with "
     "the screening visit through 120 days after the last dose of trial treatment",                  # NCT05832827
     "Excluded, also if planning a pregnancy during the study and up to 120 days after the last dose"),
    ("Subjects who are breastfeeding, pregnant or plan to become pregnant during the study or within 3 months "
     "following the last dose of the investigational product",                                       # NCT02552212
     "Excluded, also if planning a pregnancy during the study and up to 3 months after the last dose"),
])
def test_a_span_read_exactly_is_said(text, row):
    g = _glance(text)
    assert glance.pregnancy_row(g) == row
    assert g["pregnancy_plan_until"] in row


@pytest.mark.parametrize("text", [
    # (made up) more after the span: not read exactly
    "Pregnant or planning to become pregnant during the study or within 3 months following the last dose, or donating eggs",
    # (made up) a span that is not after the last dose
    "Pregnant or planning to become pregnant during the study or within 3 months following surgery",
    # (made up) no figure
    "Pregnant or planning to become pregnant during the study and for several months after the last dose",
])
def test_a_span_not_read_exactly_is_not_said(text):
    g = _glance(text)
    assert glance.pregnancy_row(g) == "Excluded"
    assert g["pregnancy_plan_until"] is None


def test_one_span_for_both_plans_or_none():
    """(made up) a plan to father a child for the study alone and a pregnancy plan for longer: the row would say one
    span for both, so it says the study's, for the plan said for it."""
    g = _glance("Pregnant, or planning to become pregnant during the study or within 3 months following the last "
                "dose; men planning to father a child during the study")
    assert glance.pregnancy_row(g) == "Excluded, also if planning to father a child during the study"
    assert g["pregnancy_plan_until"] is None


def test_the_study_alone_is_said_as_before():
    g = _glance("Pregnant or planning to become pregnant during the study")                  # (made up)
    assert glance.pregnancy_row(g) == "Excluded, also if planning a pregnancy during the study"
    assert g["pregnancy_plan_until"] is None


@pytest.mark.parametrize("g, row", [
    ({"pregnancy_excluded": False, "pregnancy_plan_excluded": True, "pregnancy_plan_until": "120 days after the last dose"},
     "Excluded if planning a pregnancy during the study and up to 120 days after the last dose"),
    ({"pregnancy_excluded": True, "pregnancy_plan_until": "120 days after the last dose"}, "Excluded"),   # (no plan)
    ({"pregnancy_excluded": True, "pregnancy_plan_excluded": True, "pregnancy_plan_until": 120},
     "Excluded, also if planning a pregnancy during the study"),                              # (not words: not said)
])
def test_pregnancy_row_with_a_span(g, row):
    assert glance.pregnancy_row(g) == row


def test_glance_is_split_by_concern():
    """glance.py was 398 lines: the row's words and the plan reading are glance_plans.py's, the same objects."""
    assert glance.pregnancy_row is glance_plans.pregnancy_row
    assert glance.AND_UP_TO == glance_plans.AND_UP_TO == "and up to"
