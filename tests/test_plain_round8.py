"""Round 8's plain-English slips (found by the last helper and by reviewers), one section each; every section has a
test that fails on the code before its fix, and tests that guard what the fix must not change."""

import json

import pytest
from conftest import FIXTURES
from plain_support import shown

from scrapers.fidelity import check_fidelity
from scrapers.official import OfficialRecord
from server.explain import explain, explain_item
from server.plain import glossary_for


def _item(nct: str, starts: str):
    rec = OfficialRecord(json.loads((FIXTURES / "ctgov" / f"{nct}.json").read_text(encoding="utf-8")))
    return next(e for e in explain(rec).items() if e.original.startswith(starts))


def _terms(text: str, section: str = "exclusion") -> list[str]:
    return [g["term"].lower() for g in explain_item(text, section).glossary]


def _meaning(text: str, term: str, section: str = "exclusion") -> str:
    return next(g["meaning"] for g in explain_item(text, section).glossary if g["term"].lower() == term)


# --------------------------------------------------------------------------- "grade" beside a named scale

@pytest.mark.parametrize("text", [
    "NYHA Grade II or greater heart failure, or Grade II or greater peripheral neuropathy",
    "Uncontrolled hypertension, New York Heart Association (NYHA) Grade II or greater congestive heart failure, "
    "History of any cardiac arrhythmia requiring medication, Grade II or greater peripheral vascular disease",
    "ECOG performance status grade 0-1; no grade 2 or higher diarrhea",
    "Myocardial infarction above grade II; according to NYHA criteria, grades III to IV heart failure",
])
def test_another_grade_in_an_item_with_a_named_scale_is_explained(text):
    """The scale's own entry says what its grades are; another mention (a side effect's, a condition's grade) still
    needs the general meaning: the whole item lost it."""
    assert "grade" in _terms(text)


@pytest.mark.parametrize("text", [
    "NYHA grade III or IV heart failure",
    "C.C.I. grade III (NYHA)",                                        # the scale named after the grade
    "No prior grade III or IV New York Heart Association cardiac problem",
    "Performance status ECOG grade 0, 1, or 2",
    "medical grade silicone implants",
])
def test_grade_of_a_named_scale_alone_is_not_explained(text):
    assert "grade" not in _terms(text)
