"""A "- a - b" run a page made of a record whose headings carry a dash qualifier ("INCLUSION CRITERIA - Normal
Volunteers:", NIH outlines, NCT00001922) and whose lines without bullets ran into the items around them: its headings
read where the dashes show them, an item's own "1) … - … 2) …" count kept whole, and no critical the record does not
back."""

import re

import pytest
from conftest import corpus_record
from criteria_support import TODAY, one_paragraph

from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile


# NCT00001922's own outline, shortened: headings with a dash qualifier, a line without a bullet after a list
QUALIFIED = ("- INCLUSION CRITERIA - Normal Volunteers: - Aged 20 to 80. - No heart problems. "
             "EXCLUSION CRITERIA - Normal Volunteers: - Smokers. - Psychiatric disorder. "
             "Any individual with: 1) an implant or surgical clip - pacemaker, aneurysm clip: "
             "2) a foreign body - metal shavings, tattoos; and/or, 3) any other implant.")


def test_a_heading_alone_as_a_bullet_or_after_an_items_full_stop_heads_its_list():
    """Before: every item under "Inclusion", the headings read as items ("INCLUSION CRITERIA", "No heart problems.
    EXCLUSION CRITERIA") and the line without a bullet cut at its own dashes."""
    assert one_paragraph(QUALIFIED) == (
        ["Normal Volunteers:", "Aged 20 to 80.", "No heart problems."],
        ["Normal Volunteers:", "Smokers.",
         "Psychiatric disorder. Any individual with: 1) an implant or surgical clip - pacemaker, aneurysm clip: "
         "2) a foreign body - metal shavings, tattoos; and/or, 3) any other implant."])


@pytest.mark.parametrize("paragraph, read", [
    # a heading left in an item's words (no full stop before it, NCT00006334): none of the run's headings is read, as
    # before, rather than the lists after it put under the heading before it
    ("- INCLUSION CRITERIA - for TS Subjects: Female - EXCLUSION CRITERIA - for TS Subjects: Pregnancy "
     "INCLUSION CRITERIA - for Parents: Willing",
     (["INCLUSION CRITERIA", "for TS Subjects: Female", "EXCLUSION CRITERIA", "for TS Subjects: Pregnancy "
       "INCLUSION CRITERIA", "for Parents: Willing"], [])),
    # a count that starts each bullet is the list's (NCT01252810), a bracket's close no count (NCT00460603, NCT02465060)
    ("- 1) Renal insufficiency; - 2) Diabetes; - 3) Heart failure",
     (["1) Renal insufficiency;", "2) Diabetes;", "3) Heart failure"], [])),
    ("- (Phase 1) Solid tumor - (Phase 2) Colorectal cancer", (["(Phase 1) Solid tumor", "(Phase 2) Colorectal cancer"], [])),
    ("- NOTE: screening steps (Step 0, 2, 4, 6) must occur after therapy - Tumor tissue, 7) blocks - Consent",
     (["NOTE: screening steps (Step 0, 2, 4, 6) must occur after therapy", "Tumor tissue, 7) blocks", "Consent"], [])),
])
def test_what_the_dash_headings_and_counts_leave_as_before(paragraph, read):
    assert one_paragraph(paragraph) == read


_MARK = re.compile(r"^\s*(?:[*•\-–]|o(?=\s))\s+")


def test_nct00001922_shown_with_dashes_draws_no_critical(shared_dir):
    """The record's lines run into one paragraph, each bullet "- " (as fixture nct00001922_inline_dash_qualified_headings
    shows it). Before: 30 of its 42 reasons to stay out read as requirements (criterion_wrong_section, critical) and
    the psychiatric item with the next line's "1) an implant or surgical clip" (criterion_changed, critical); then the
    lines without bullets were said merged, warnings the record's own words do not back (review r51 #10); now none
    (reconcile/run_on_words.py)."""
    record = OfficialRecord(corpus_record(shared_dir, "NCT00001922"))
    lines = [line for line in unescape_markdown(record.eligibility_criteria).split("\n") if line.strip()]
    shown = " ".join(" ".join(((("- " + _MARK.sub("", line)) if _MARK.match(line) else line)).split()) for line in lines)
    inc, exc = one_paragraph(shown)
    page = PageRecord(site="checkorphan.org", nct_id="NCT00001922", inclusion=inc, exclusion=exc)
    alarms = [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if is_alarm(f)]
    assert alarms == []
