""""=/<" and "=/>" in plain English (after ages6): the comparators table reads "Gleason score =/< 7" as "<=", and the
fidelity check then refused plain.py's rewrite "Gleason score =/ less than 7" (a comparator changed), so 5 items fell
back to the record's words; before ages6 that wrong rewrite was shown. plain.py now writes them "at most"/"at least".
Texts are the records' own (bench_explain's 5 fallbacks)."""

from __future__ import annotations

import pytest

from server.explain import explain_text


@pytest.mark.parametrize("text, shown", [
    ("Gleason score =/< 7", "Gleason score at most 7"),
    ("Life expectancy =/> 3 months", "Expected length of life at least 3 months"),
    ("Age =/> 18 years", "Age at least 18 years"),
    ("PSA = / < 10 ng/mL", "PSA (a prostate blood test) at most 10 ng/mL"),
])
def test_equal_slash_comparators_are_said_in_words(text, shown):
    [item] = explain_text(f"Inclusion Criteria:\n\n* {text}\n", None).items()
    assert item.shown == shown
