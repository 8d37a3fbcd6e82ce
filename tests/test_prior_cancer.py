"""'No prior malignancy' in a cancer trial is another, earlier cancer: "You have had no cancer" denied the trial's own
(review r54 F3: NCT00004182, a metastatic breast cancer trial; 106 items), and "Prior malignancy in past 5 years" under
the exclusions read "You have had cancer in past 5 years" (NCT00005780). "prior" stays; since plain18 the sentence
says "had" beside it ("You have had no prior cancer …", "You have had a prior cancer …"), not "You have prior cancer"."""

from __future__ import annotations

import pytest

from server.explain import explain_text


def _shown(criteria: str) -> list[str]:
    pc = explain_text(criteria)
    return [it.shown for it in pc.inclusion + pc.exclusion]


@pytest.mark.parametrize("item, shown", [
    ("No prior malignancy within the past 5 years except basal cell carcinoma",
     "You have had no prior cancer within the past 5 years except basal cell carcinoma"),
    ("No prior invasive malignancy", "You have had no prior invasive cancer"),
    ("No prior cancer except nonmelanoma skin cancer", "You have had no prior cancer except nonmelanoma skin cancer"),
])
def test_a_prior_cancer_keeps_prior_among_the_requirements(item, shown):
    assert _shown(f"Inclusion Criteria:\n\n- {item}\n") == [shown]


def test_a_prior_cancer_keeps_prior_among_the_exclusions():
    assert _shown("Exclusion Criteria:\n\n- Prior malignancy in past 5 years except treated skin cancer\n") == [
        "You have had a prior cancer in past 5 years except treated skin cancer"]


@pytest.mark.parametrize("item, shown", [
    ("No prior chemotherapy", "You have had no chemo"),
    ("No prior cancer treatment that would rule out study treatment",
     "You have had no cancer treatment that would rule out study treatment"),
])
def test_a_prior_treatment_is_still_something_you_have_had(item, shown):
    assert _shown(f"Inclusion Criteria:\n\n- {item}\n") == [shown]
