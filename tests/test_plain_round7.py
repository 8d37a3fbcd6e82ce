"""Review round 7's plain-English slips (S9, N5, N8): "assessment" said as a bare "check", "lesions" as "abnormal
areas" where that does not read, smaller rewrite slips, and glossary entries that repeat their term, explain a word in
the wrong sense or explain one thing twice."""

import json

import pytest
from conftest import FIXTURES
from plain_support import shown

from scrapers.official import OfficialRecord
from server.explain import explain, explain_item


def _record_items(nct: str) -> list:
    rec = OfficialRecord(json.loads((FIXTURES / "ctgov" / f"{nct}.json").read_text(encoding="utf-8")))
    return explain(rec).items()


def _item(nct: str, starts: str):
    return next(e for e in _record_items(nct) if e.original.startswith(starts))


# --------------------------------------------------------------------------- "assessment"

def test_assessment_is_kept_as_written():
    """NCT07635758: "accurate check of mRS, NIHSS, or BI scores", "dementia that may affect clinical check", "may
    affect study check": "check" needs an article that "assessment" (often said as a mass noun) does without."""
    depression = _item("NCT07635758", "Uncontrolled depression").shown
    assert "may affect clinical assessment" in depression and "may affect study assessment" in depression
    assert "accurate assessment of mRS" in _item("NCT07635758", "Any concomitant disease").shown
    got = explain_item("Conditions that would interfere with assessment of response", "exclusion")
    assert "check" not in got.shown and "assessment of response" in got.shown
    assert [g["term"] for g in got.glossary if g["term"] == "assessment"]   # still explained
