"""A page item that is one of the record's items with an item of the other list run onto its end, too long a copy
for the two to pair ("Alcohol consumption > 80g/day Moderate to severe Heart Failure (as determined by …)"), is said
as the copy it is (critical criterion_wrong_section), not as an item added and one left out (two warnings); recon12,
reconcile/joined_copy.tail_pairs. Card pages (meddatax.com) of real records' lists, as bench/list_copy.py builds
them."""

from __future__ import annotations

import pytest

from joined_support import joined, page_alarms, record_lists
from scrapers.official import OfficialRecord


def _joined(lists: dict[str, list[str]], into: str, head: str, copied: str, head_as: str | None = None) -> dict:
    """`joined`, `copied` being an item of the other list."""
    assert copied in lists["exclusion" if into == "inclusion" else "inclusion"]
    return joined(lists, into, head, copied, head_as)


CASES = [  # (record, list run onto, the item's start, the other list's item's start)
    ("NCT00494117", "exclusion", "Alcohol consumption > 80g/day", "Moderate to severe Heart Failure"),
    ("NCT02552212", "inclusion", "At least 18 years old at the start of Screening Visit", "Exposure to more than 1"),
    ("NCT04857515", "inclusion", "Able to confirm download of installed DTx", "Lifetime diagnosis of"),
]


def _case(nct: str, into: str, head: str, start: str):
    official, lists = record_lists(nct)
    other = lists["exclusion" if into == "inclusion" else "inclusion"]
    return official, lists, next(t for t in other if t.startswith(start))


@pytest.mark.parametrize("nct, into, head, start", CASES)
def test_an_item_with_a_long_copy_run_on_is_said_copied(nct, into, head, start):
    official, lists, copied = _case(nct, into, head, start)
    assert page_alarms(official, lists) == []   # (the record's own lists: nothing)
    found = page_alarms(official, _joined(lists, into, head, copied))
    # before: warning criterion_added (the whole page item) and warning criterion_missing (the item it starts with)
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_wrong_section")]
    assert found[0].evidence["official_texts"] == [copied]
    assert head in found[0].page_value


def test_the_item_before_the_copy_is_still_compared():
    nct, into, head, start = CASES[0]
    official, lists, copied = _case(nct, into, head, start)
    found = page_alarms(official, _joined(lists, into, head, copied, head_as="Alcohol consumption > 60g/day"))
    assert sorted((f.severity, f.kind) for f in found) == [("critical", "criterion_changed"),
                                                           ("critical", "criterion_wrong_section")]
    changed = next(f for f in found if f.kind == "criterion_changed")
    assert "80" in changed.official_value and "60" in changed.page_value and "Heart" not in changed.page_value


def test_an_item_not_the_records_with_a_copy_is_still_added():
    # words of no record item before the copy: an item the record does not have, and the copy in it quoted
    nct, into, head, start = CASES[0]
    official, lists, copied = _case(nct, into, head, start)
    shown = {sec: list(items) for sec, items in lists.items()}
    shown[into].append(f"Taking part in a marathon in the last year {copied}")
    found = page_alarms(official, shown)
    assert [(f.severity, f.kind) for f in found] == [("warning", "criterion_added")]


def test_the_records_own_next_line_run_on_is_no_copy():
    # the last requirement and the first exclusion run together, the exclusion shown nowhere else (a page reader that
    # lost the heading): the two lines merged, no copy (joined_copy._run_on)
    inc = ["Age 18 years or older", "Signed informed consent"]
    exc = ["Severe chronic obstructive pulmonary disease requiring home oxygen therapy", "Known brain metastases"]
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inc) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in exc))
    official = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})
    found = page_alarms(official, {"inclusion": [inc[0], f"{inc[1]} {exc[0]}"], "exclusion": exc[1:]})
    assert [(f.severity, f.kind) for f in found] == [("warning", "criteria_merged")]
