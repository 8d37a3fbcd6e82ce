"""A hard wrap inside a bracket leaves a line opening with its closer: "… at the Baseline Visit (Visit" / "2)."
(NCT00499863), "(including HIV, hepatitis" / "B) No known autoimmune disease" (NCT00002733). The record parser reads
the closer as the bracket's in all 15 such records of the shared corpus since brk (parser3 kept 4), and the page side
reads a page line opening so alike (reconcile/bracket_closers.py): before, a page showing the record's lines one per
paragraph lost the line "2)." as a bare list number and drew "differs in a number" criticals once the record joined."""

import re

import pytest
from criteria_support import assert_conserved, one_paragraph_alarms, record_criteria
from test_fix42_run_entries import _alarms

from scrapers.criteria import iter_items, parse_criteria
from scrapers.reconcile.bracket_closers import closers_read

# (record, the joined item as it reads now, the marker the bracket's closer was mistaken for before brk)
JOINED = [
    ("NCT00499863", "(Visit 2).", "2)"),
    ("NCT00001393", "as in group 1).", "1)"),
    ("NCT00001961", "(chest pain score greater than 4).", "4)"),
    ("NCT00000645", "CD4+ < 200).", "200)"),
    ("NCT00007267", "(MMSE) < 24))", "24)"),
    ("NCT00002733", "(including HIV, hepatitis B) No known autoimmune disease", "B)"),
    ("NCT00002593", "(stage II) with bowel obstruction", "II)"),
    ("NCT00005796", "(WHO grade III) Incompletely resected ependymoma", "III)"),
]
# the 15 records parser3's probe found cut inside a bracket
ALL = ["NCT00001761", "NCT00004844", "NCT00460512", "NCT00498186", "NCT00000645", "NCT00001393", "NCT00001961",
       "NCT00002265", "NCT00002593", "NCT00002733", "NCT00002880", "NCT00003620", "NCT00005796", "NCT00007267",
       "NCT00499863"]


@pytest.mark.parametrize("nct_id,joined,marker", JOINED, ids=[j[0] for j in JOINED])
def test_the_closer_stays_in_its_item(shared_dir, nct_id, joined, marker):
    text = record_criteria(shared_dir, nct_id)
    crit = parse_criteria(text)
    items = [it for _, _, it in iter_items(crit)]
    assert any(joined in it.text for it in items)
    assert marker not in [it.marker for it in items]
    assert_conserved(text, crit)


@pytest.mark.parametrize("nct_id", ALL)
def test_a_page_showing_the_records_lines_draws_no_warning(shared_dir, nct_id):
    """Each of the record's lines a paragraph (test_fix42's layout): no warning or critical (before brk, joining the
    record alone drew alarms in 8 of the 15, criticals in 6)."""
    text = record_criteria(shared_dir, nct_id)
    assert [(k, s) for k, s, _ in _alarms(nct_id, text) if s != "info"] == []


@pytest.mark.parametrize("nct_id", ["NCT00001393", "NCT00001961", "NCT00002593", "NCT00005796", "NCT00007267",
                                    "NCT00499863"])
def test_the_one_paragraph_page_lost_its_false_criticals(shared_dir, nct_id):
    """CheckOrphan's one-paragraph page: a critical in each of these while the record was cut at the closer."""
    text = record_criteria(shared_dir, nct_id)
    assert [k for k, s in one_paragraph_alarms(nct_id, text) if s == "critical"] == []


def test_a_changed_figure_inside_the_bracket_is_still_caught(shared_dir):
    """The page line "2)." moved onto "(Visit" still compares: a page saying "(Visit 3)." for the record's "(Visit 2)."
    differs in a number."""
    nct = "NCT00499863"
    text = record_criteria(shared_dir, nct)
    cut = re.search(r"\(Visit\n\s*2\)\.", text).group(0)
    said = _alarms(nct, text, (cut, cut.replace("2)", "3)")))
    assert any(s == "critical" and "3" in m for _, s, m in said)


def test_page_lines_read_the_closer_as_the_brackets():
    assert closers_read(["Score of 26 at the Baseline Visit (Visit", "2)."]) == ["Score of 26 at the Baseline Visit (Visit 2)."]
    assert closers_read(["No immunodeficiency (including HIV, hepatitis", "B) No known autoimmune disease"]) == [
        "No immunodeficiency (including HIV, hepatitis B)", "No known autoimmune disease"]
    # a closer normalize keeps ("II)") stays on its line: the page's lines are the record's lines
    assert closers_read(["T3-T4 (stage", "II) with bowel obstruction"]) == ["T3-T4 (stage", "II) with bowel obstruction"]
    # no bracket open on the line before, or a "(2)" of its own: a list marker, as before
    assert closers_read(["Adults (see below)", "2) Signed consent"]) == ["Adults (see below)", "2) Signed consent"]
    assert closers_read(["Adults (see", "(2) Signed consent"]) == ["Adults (see", "(2) Signed consent"]
    # the next number of the line before's own "1)" list is its list's marker, a bracket left open by a typo
    assert closers_read(["1) Adults (see", "2) Signed consent"]) == ["1) Adults (see", "2) Signed consent"]
