"""Review r42 of wrap8 (rewrapped.py): a run of a hard-wrapped record's lines, shown one per paragraph, was compared as
one text, one bag of figures and negations. Figures swapped between its entries (H1) and a "no" moved from one entry
to another (H2) were silent; a critical quoted the run's first words, the same on both sides (M1); and a page line
running two of the record's lines together drew no "merged" warning (H3). Each record entry of a run is now compared
with its own stretch of the page's words (run_entries.py)."""

from __future__ import annotations

from criteria_support import TODAY, _record, record_criteria
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


def _page(nct: str, criteria: str, *edits: tuple[str, str]) -> PageRecord:
    """A page showing each line of the record's text as a paragraph, each (old, new) edit made once. (A generic page's:
    CheckOrphan prints the record's lines run into one paragraph, where the items are the reader's cuts, not the
    page's: reconcile/run_on_words.py.)"""
    text = unescape_markdown(criteria)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    inc, exc, _ = criteria_lists([Line(" ".join(ln.split()), "p") for ln in text.split("\n") if ln.strip()])
    return PageRecord(site="example.org", nct_id=nct, inclusion=inc, exclusion=exc)


def _alarms(nct: str, criteria: str, *edits: tuple[str, str]) -> list[tuple[str, str, str]]:
    found = reconcile(_page(nct, criteria, *edits), _record(nct, criteria), TODAY)
    return [(f.kind, f.severity, f.message) for f in found if is_alarm(f)]


def test_figures_swapped_between_two_entries_of_a_run_are_critical(shared_dir):
    """NCT00002780: ejection fraction at least 45%, FEV1 at least 60%, shown the other way round. Before: silent."""
    nct = "NCT00002780"
    criteria = record_criteria(shared_dir, nct)
    assert not [a for a in _alarms(nct, criteria) if a[1] == "critical"]
    said = _alarms(nct, criteria, ("Ejection fraction at least 45%", "Ejection fraction at least 60%"),
                   ("PFT-FEV1 at least 60%", "PFT-FEV1 at least 45%"))
    crit = [m for k, s, m in said if s == "critical" and k == "criterion_changed"]
    assert any("Ejection fraction at least 60%" in m for m in crit)
    assert any("FEV1 at least 45%" in m for m in crit)


def test_a_no_moved_between_two_entries_of_a_run_is_critical(shared_dir):
    """NCT00003825: "No concurrent chemotherapy" shown as allowed and "Concurrent hormonal therapy … allowed" shown as
    forbidden, as many "no"s as before. Before: silent."""
    nct = "NCT00003825"
    criteria = record_criteria(shared_dir, nct)
    said = _alarms(nct, criteria, ("chemotherapy No concurrent chemotherapy", "chemotherapy concurrent chemotherapy"),
                   ("Endocrine therapy: Concurrent hormonal", "Endocrine therapy: No concurrent hormonal"))
    crit = [m for k, s, m in said if s == "critical"]
    assert any('"not"' in m and "since prior chemotherapy concurrent chemotherapy" in m for m in crit)
    assert any('"not"' in m and "No concurrent hormonal" in m for m in crit)


def test_a_critical_on_a_long_run_quotes_the_changed_figure(shared_dir):
    """NCT00003109: "no greater than 25% of bone marrow" shown as 30%. Before: the critical quoted the run's start,
    "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified …", on both sides."""
    nct = "NCT00003109"
    criteria = record_criteria(shared_dir, nct)
    said = _alarms(nct, criteria, ("no greater than 25% of bone marrow", "no greater than 30% of bone marrow"))
    crit = [m for k, s, m in said if s == "critical"]
    assert len(crit) == 1 and "30%" in crit[0] and "25%" in crit[0]


def test_two_record_lines_run_into_one_line_of_a_run_are_merged(shared_dir):
    """NCT00001661: "… or allergies to any of the drugs." and "Women must not be nursing or pregnant." as one line.
    Before: nothing (a run skipped the merged warning); the page as the record breaks it draws none."""
    nct = "NCT00001661"
    criteria = record_criteria(shared_dir, nct)
    assert not [a for a in _alarms(nct, criteria) if a[0] == "criteria_merged"]
    said = _alarms(nct, criteria, ("any of the drugs.\n\nWomen must not", "any of the drugs. Women must not"))
    merged = [m for k, s, m in said if k == "criteria_merged"]
    assert len(merged) == 1 and "Women must not be nursing" in merged[0]


def test_a_line_that_runs_entries_on_as_the_record_line_does_is_no_merge(shared_dir):
    """NCT00002458: "allowed Hepatic: Not specified Renal: No renal dysfunction …" is the record's own line, the
    entry before it ending on the line above ("… marrow hypoplasia" / "allowed …"): no criteria_merged."""
    nct = "NCT00002458"
    assert not [a for a in _alarms(nct, record_criteria(shared_dir, nct)) if a[0] == "criteria_merged"]


def test_figures_swapped_between_the_lines_of_one_entry_are_critical(shared_dir):
    """NCT00001961: one entry over 6 lines, its age limit 21 and its test's sensitivity 0.85 trading places. compare
    reads the entry's figures as a bag; before: silent (a line-by-line reading had warned)."""
    nct = "NCT00001961"
    criteria = record_criteria(shared_dir, nct)
    said = _alarms(nct, criteria, ("Ages above age 21", "Ages above age 0.85"),
                   ("approximately 0.85. If", "approximately 21. If"))
    crit = [m for k, s, m in said if s == "critical" and k == "criterion_changed"]
    assert len(crit) == 1 and "Ages above age 0.85" in crit[0] and "Ages above age 21" in crit[0]
