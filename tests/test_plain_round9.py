"""Round 8's remaining plain-English items (review round 8, NICE TO HAVE N4, N5, N6), one section each; every section
has a test that fails on the code before its fix, and tests that guard what the fix must not change."""

import json

import pytest
from conftest import FIXTURES
from plain_support import shown

from scrapers.official import OfficialRecord
from server.explain import explain, explain_item
from server.plain import glossary_for


def _item(nct: str, starts: str):
    rec = OfficialRecord(json.loads((FIXTURES / "ctgov" / f"{nct}.json").read_text(encoding="utf-8")))
    return next(e for e in explain(rec).items() if e.original.startswith(starts))


def _terms(glossary: list[dict]) -> list[str]:
    return [g["term"].lower() for g in glossary]


# --------------------------------------------------------------------------- N4: the investigators an item is about

def test_investigators_the_item_is_about_are_not_glossed():
    """NCT06495437: "Clinical investigators who have participated in drugs within 3 months" (people who took part in
    a drug trial) kept its words but was glossed "the doctors or researchers who run the study", which confirmed the
    misreading."""
    e = _item("NCT06495437", "Used stem cell")
    assert "Clinical investigators who have participated in drugs" in e.shown
    assert not any("investigator" in t for t in _terms(e.glossary))
    assert "investigators" not in _terms(glossary_for("Clinical investigators who have participated in drugs"))


@pytest.mark.parametrize("text,said", [
    ("Any condition that, in the opinion of the investigator, would interfere with the study", "the study doctor"),
    ("Judged by the investigator to be in impending respiratory failure.", "Judged by the study doctor"),
])
def test_the_investigator_who_judges_is_still_replaced_and_glossed(text, said):
    assert said in shown(text)
    assert "investigator" in _terms(explain_item(text, "exclusion").glossary)

