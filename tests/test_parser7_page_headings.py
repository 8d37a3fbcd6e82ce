"""A page that shows a record's criteria as the record writes them, one paragraph or list item a line, is read with
the record's section headings: a heading the record parser reads (header_kind) is one on the page too, or the page's
lists and the record's part and the check raises an alarm the record does not back."""

from __future__ import annotations

import re

import pytest

from criteria_support import TODAY, _record, record_criteria
from scrapers.criteria import parse_criteria, unescape_markdown
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line

_MARK = re.compile(r"^\s*(?:[*•\-–]|o(?=\s)|\d{1,2}\.)\s+")


def shown_as_written(criteria: str) -> list[Line]:
    """The record's paragraphs and list items, one a line, hard wraps joined (as ClinicalTrials.gov shows them)."""
    out: list[str] = []
    joining = False
    for ln in unescape_markdown(criteria).split("\n"):
        if not ln.strip():
            joining = False
        elif joining and not _MARK.match(ln):
            out[-1] += " " + ln.strip()
        else:
            out.append(ln.strip())
            joining = True
    return [Line(" ".join(t.split()), "p") for t in out]


def test_lines_the_record_reads_as_headings_switch_the_page_list():
    lines = [Line(t, "p") for t in (
        "- EXCLUSION CRITERIA:", "- Age < 4 years.",
        "- INCLUSION CRITERIA FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION RITUXIMAB AND CYCLOSPORINE:",
        "- Women must use reliable birth control method.",
        "III.VI. STUDY EXCLUSIONS:", "1. Any condition non-conducive to the research goals of the study.",
        "INCLUSION:", "1. Ages 40 to 69", "GENERAL EXCLUSION CRITERIA", "1. Weight less than 70 Lb. (35 kg)")]
    inc, exc, _ = criteria_lists(lines)
    assert inc == ["Women must use reliable birth control method.", "1. Ages 40 to 69"]
    assert exc == ["Age < 4 years.", "1. Any condition non-conducive to the research goals of the study.",
                   "1. Weight less than 70 Lb. (35 kg)"]


def test_an_item_with_the_other_lists_heading_run_in_keeps_its_item():
    """NCT00668135's "* Stable heterosexual relationship Exclusion Criteria:", a line of its own: the item is an
    inclusion, its exclusions follow (as the record's bulleted line is read)."""
    lines = [Line(t, "p") for t in ("Inclusion Criteria:", "Age 18 to 65",
                                    "Stable heterosexual relationship Exclusion Criteria:", "Diabetes")]
    inc, exc, _ = criteria_lists(lines)
    assert inc == ["Age 18 to 65", "Stable heterosexual relationship"]
    assert exc == ["Diabetes"]


@pytest.mark.parametrize("nct_id", ["NCT00001392", "NCT00001350", "NCT00001539", "NCT00000569"])
def test_record_shown_as_written_reads_as_the_record(shared_dir, nct_id):
    """Each of these records' own text, shown as written, reads back with every record item in the section the record
    has it, and the page draws no wrong-section alarm (NCT00001539: 8 criticals, its "GENERAL EXCLUSION CRITERIA"
    unread on the page once "EXCLUSION CRITERIA FOR PTLDS PATIENTS …:" was; NCT00001392: 6 warnings)."""
    criteria = record_criteria(shared_dir, nct_id)
    inc, exc, _ = criteria_lists(shown_as_written(criteria))
    crit = parse_criteria(criteria)
    norm = lambda s: " ".join(_MARK.sub("", s).split())  # noqa: E731
    page_exc = {norm(t) for t in exc}
    page_inc = {norm(t) for t in inc}
    assert not [it.text for it in crit.exclusion if norm(it.text) in page_inc]
    assert not [it.text for it in crit.inclusion if norm(it.text) in page_exc]
    page = PageRecord(site="checkorphan.org", nct_id=nct_id, inclusion=inc, exclusion=exc)
    assert not [f for f in reconcile(page, _record(nct_id, criteria), TODAY)
                if is_alarm(f) and f.kind == "criterion_wrong_section"]
