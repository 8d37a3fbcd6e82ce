"""A page item with the other list's heading run into its end ("Stable heterosexual relationship Exclusion
Criteria:" among the inclusions, NCT00668135's own line): read as a heading on the page side since a heading may name
its group in three words (parser6), the item was dropped and the record's "left out" (review r33: 49 of 149 real
last inclusions so shown gained a false warning). The page keeps the item, as the record's bulleted line reads; a
heading of the page's own list, or one naming a group, is still a heading."""

import pytest
from conftest import corpus_record

from criteria_support import TODAY, bulleted_record
from scrapers.criteria_markers import item_before_heading
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

INC = ["Age: 20 years and older", "Males with erectile dysfunction", "Stable heterosexual relationship"]
EXC = ["Primary hypoactive sexual desire", "Nitrate use"]


def _alarms(record: OfficialRecord, inclusion: list[str], exclusion: list[str]) -> list:
    page = PageRecord(site="meddatax.com", nct_id=record.nct_id, inclusion=inclusion, exclusion=exclusion)
    return [f for f in reconcile(page, record, TODAY) if f.about == "page" and f.severity != "info"]


def test_nct00668135_item_with_the_heading_run_in_is_kept(shared_dir):
    """The record's own line "* Stable heterosexual relationship Exclusion Criteria:" shown as an inclusion item."""
    record = OfficialRecord(corpus_record(shared_dir, "NCT00668135"))
    inc = ["Age: 20 years and older- Males with erectile dysfunction",
           "Stable heterosexual relationship Exclusion Criteria:"]
    exc = ["Primary hypoactive sexual desire",
           "History of myocardial infarction, stroke or life-threatening arrhythmia within the prior 6 months- "
           "Nitrate use", "Other exclusion criteria apply according to the Summary of Product Characteristics"]
    assert _alarms(record, inc, exc) == []
    changed = _alarms(record, inc[:1] + ["Stable homosexual relationship Exclusion Criteria:"], exc)
    assert [(f.kind, f.severity) for f in changed] == [("criterion_changed", "warning")]


@pytest.mark.parametrize("heading", ["Exclusion Criteria:", "Key Exclusion Criteria:", "Exclusion criteria",
                                     "EXCLUSION CRITERIA (Parts A and B):"])
def test_a_run_in_heading_after_the_last_inclusion_is_quiet(heading):
    assert _alarms(bulleted_record(INC, EXC), INC[:-1] + [f"{INC[-1]} {heading}"], EXC) == []


@pytest.mark.parametrize("text,section,item", [
    ("Stable heterosexual relationship Exclusion Criteria:", "inclusion", "Stable heterosexual relationship"),
    ("Erectile dysfunction cohort Inclusion Criteria:", "inclusion", None),   # (its own list's heading)
    ("Erectile dysfunction cohort Exclusion Criteria:", "inclusion", None),   # (a group's name)
    ("Healthy Volunteer Controls Exclusion Criteria:", "inclusion", None),
    ("Stable heterosexual relationship Exclusion Criteria:", "exclusion", None),
])
def test_item_before_heading(text, section, item):
    assert item_before_heading(text, section) == item


def test_a_group_heading_shown_as_an_item_stays_a_heading():
    """A heading of the page's own list in three words (NCT05868668's "Erectile dysfunction cohort Inclusion
    Criteria:") is no item of it."""
    page_inc = ["Erectile dysfunction cohort Inclusion Criteria:"] + INC
    assert _alarms(bulleted_record(INC, EXC), page_inc, EXC) == []
