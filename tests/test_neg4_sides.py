"""A side counted per side, not per list (neg4). A list of sides ("Bilateral or multifocal", "Unilateral, multifocal")
was one qualifier of one kind, so a side moved from one list to another read as two lists of other kinds, which
scope.qualifier_moves leaves to words.py, which saw nothing: NCT00002794's "Bilateral or multifocal disease …
Unilateral, unilateral multifocal tumors" for "Bilateral or multifocal unilateral disease … Unilateral, multifocal
tumors" was silent. A side moved is a warning, not a critical: no side is turned."""

from datetime import date

import pytest

from conftest import corpus_record
from criteria_support import worst_alarm

from scrapers.criteria import flatten, parse_criteria
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.scope import qualifier_moves


def _edited_page_alarms(record: dict, index: int, old: str, new: str) -> list[tuple[str, str]]:
    """(severity, message) of each warning or critical a meddatax page of this real record draws that its unchanged
    page does not, where the page writes inclusion item `index` with `old` as `new`."""
    crit = parse_criteria(record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    inc, exc = [i.text for i in flatten(crit.inclusion)], [i.text for i in flatten(crit.exclusion)]
    official, nct = OfficialRecord(record), record["protocolSection"]["identificationModule"]["nctId"]

    def alarms(inclusion: list[str]) -> set[tuple[str, str]]:
        page = PageRecord(site="meddatax.com", nct_id=nct, inclusion=inclusion, exclusion=exc)
        return {(f.severity, f.message) for f in reconcile(page, official, date(2026, 12, 7))
                if f.about == "page" and f.severity in ("warning", "critical")}

    assert old in inc[index]
    edited = list(inc)
    edited[index] = inc[index].replace(old, new)
    return sorted(alarms(edited) - alarms(inc))


def test_nct00002794_a_side_moved_between_lists_warns(shared_dir):
    found = _edited_page_alarms(corpus_record(shared_dir, "NCT00002794"), 0,
                                "multifocal unilateral disease in children under age 10 Unilateral, multifocal",
                                "multifocal disease in children under age 10 Unilateral, unilateral multifocal")
    assert [s for s, _ in found] == ["warning"]


def test_nct00002794_multifocal_left_out_warns(shared_dir):
    found = _edited_page_alarms(corpus_record(shared_dir, "NCT00002794"), 0, "or multifocal unilateral",
                                "or unilateral")
    assert [s for s, _ in found] == ["warning"]
    assert 'leaves out "multifocal"' in found[0][1]


@pytest.mark.parametrize("item, old, new", [
    # (NCT00002794's sub-points, one item each)
    ("Bilateral or multifocal unilateral disease in children under age 10. Unilateral, multifocal tumors less than 5 "
     "dd", "multifocal unilateral disease in children under age 10. Unilateral, multifocal",
     "multifocal disease in children under age 10. Unilateral, unilateral multifocal"),
    # NCT00005090: a side moved out of a list of sides, and one said again of the list's other noun
    ("Bilateral or unilateral bone marrow aspiration and biopsy performed within 42 days of study",
     "Bilateral or unilateral bone marrow aspiration and biopsy",
     "or unilateral bone marrow aspiration and bilateral biopsy"),
    ("Bilateral or unilateral bone marrow aspiration and biopsy performed within 42 days of study",
     "and biopsy", "and bilateral biopsy"),
    # NCT00003375
    ("Histologically confirmed unifocal or multifocal supratentorial WHO grade II astrocytoma (diffuse fibrillary, "
     "protoplasmic, or gemistocytic)", "unifocal or multifocal supratentorial WHO grade II astrocytoma (diffuse "
     "fibrillary, protoplasmic", "unifocal or supratentorial WHO grade II astrocytoma (diffuse fibrillary, multifocal "
     "protoplasmic"),
])
def test_a_side_moved_or_said_again_off_its_list_warns(item, old, new):
    assert worst_alarm(item, old, new, "inclusion") == "warning"


def test_the_message_names_the_side_not_its_list():
    moves = qualifier_moves("Bilateral or multifocal unilateral disease. Unilateral, multifocal tumors",
                            "Bilateral or multifocal disease. Unilateral, unilateral multifocal tumors")
    assert [(m.record_said, m.page_said, m.record_part) for m in moves] == [("unilateral", "", "disease")]


@pytest.mark.parametrize("item, old, new", [
    ("Bilateral or unilateral bone marrow aspiration and biopsy performed within 42 days of study",
     "Bilateral or unilateral", "Unilateral or bilateral"),
    ("Unilateral hearing loss and tinnitus", "and tinnitus", "and unilateral tinnitus"),   # (one reading)
    ("Unilateral, multifocal tumors less than 5 dd", "Unilateral, multifocal", "Multifocal, unilateral"),
    ("Unilateral, multifocal tumors less than 5 dd", "Unilateral", "One-sided"),
])
def test_a_list_of_sides_reordered_or_said_of_each_stays_silent(item, old, new):
    assert worst_alarm(item, old, new, "inclusion") == "silent"
