"""An item of the record's other list run onto the end of one of this list's items, where recon12's joined_copy did
not say it as the copy it is (bench/list_copy.py, joined, seed 7: 9 of 1,126): a copy glued on with its own dash
("-Concomitant …", the record writing its item so) and a copy under 12 characters ("Age 18-65.", "is pregnant;")
after the record's item word for word. Each was a critical "differs in a number", an item added and one left out, or
nothing; now one critical criterion_wrong_section. A short copy after words the record does not write is not said
so, and a footnote run onto an item (it names both lists) draws nothing. Card pages (meddatax.com) of real records'
lists, as bench/list_copy.py builds them (recon13)."""

from __future__ import annotations

import pytest

from joined_support import joined, page_alarms, record_lists
from scrapers.official import OfficialRecord



CASES = [  # (record, list run onto, the item's start, the other list's item's start): bench.list_copy's misses
    ("NCT00001223", "inclusion", ">=4 years", "-Concomitant medical"),          # a dash glued on: added + left out
    ("NCT03798535", "inclusion", "Patients must have histologically", "-Patients treated"),   # a dash: nothing
    ("NCT00004577", "inclusion", "able to understand", "is pregnant;"),          # 11 characters: nothing
    ("NCT00001408", "exclusion", "History of immunodeficiency", "Age 18-65."),  # "differs in a number"
    ("NCT00710099", "inclusion", "No significant medical history", "Pregnancy"),
]


def _case(nct: str, into: str, start: str) -> tuple[OfficialRecord, dict, str]:
    official, lists = record_lists(nct)
    other = lists["exclusion" if into == "inclusion" else "inclusion"]
    return official, lists, next(t for t in other if t.startswith(start))


@pytest.mark.parametrize("nct, into, head, start", CASES)
def test_a_dashed_or_short_copy_after_the_records_item_is_said_copied(nct, into, head, start):
    official, lists, copied = _case(nct, into, start)
    assert page_alarms(official, lists) == []   # (the record's own lists: nothing)
    found = page_alarms(official, joined(lists, into, head, copied))
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_wrong_section")]
    assert found[0].evidence["official_texts"] == [copied]
    assert head in found[0].page_value


def test_a_short_copy_after_words_the_record_does_not_write_is_not_said_copied():
    # "Pregnancy" after the page's own words, not the record's item: words added, not the exclusion copied
    official, lists, copied = _case("NCT00710099", "inclusion", "Pregnancy")
    found = page_alarms(official, joined(lists, "inclusion", "No significant medical history", copied,
                                      head_as="No significant medical history during"))
    assert not [f for f in found if f.kind == "criterion_wrong_section"]


def test_a_short_copy_after_a_changed_item_is_said_as_the_change():
    # the words before "Age 18-65." are not the record's item (200 ml for 100 ml): the change is said, not a copy
    official, lists, copied = _case("NCT00001408", "exclusion", "Age 18-65.")
    found = page_alarms(official, joined(lists, "exclusion", "For blood draws of greater than 100 ml", copied,
                                      head_as="For blood draws of greater than 200 ml, a hemoglobin of less than "
                                              "12.5 g/dl."))
    assert found and not [f for f in found if f.kind == "criterion_wrong_section"]
    assert any("200 ml" in f.message for f in found)


@pytest.mark.parametrize("nct, footnote", [
    ("NCT00490776", "Other protocol-defined inclusion/exclusion criteria may apply."),
    ("NCT06094296", "Note: Other protocol-defined inclusion/exclusion criteria apply."),
])
def test_a_footnote_run_onto_a_requirement_draws_nothing(nct, footnote):
    # the record's last line, copied onto a requirement: it names both lists and is no rule (footnotes.py)
    official, lists = record_lists(nct)
    assert footnote in lists["exclusion"] + [official.eligibility_criteria.strip().splitlines()[-1]]
    joined = {sec: list(items) for sec, items in lists.items()}
    joined["inclusion"][0] = f"{joined['inclusion'][0]} {footnote}"
    assert page_alarms(official, joined) == []
