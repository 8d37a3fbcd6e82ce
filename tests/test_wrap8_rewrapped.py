"""A page that shows a hard-wrapped record's lines one per paragraph cuts its items across lines (NCT00004412: "…
Creatinine greater than" / "0.9 mg/mL (teenagers) Other: pregnant; Fertile patients with no effective contraception"
/ "Poorly controlled seizure disorders …"). The record's items and the lines that together spell them are compared as
one text (rewrapped.py): the faithful page draws no critical; a figure changed on the second line of an item, or its
"no" dropped from the line before, stays critical."""

from __future__ import annotations

from criteria_support import TODAY, _record, record_criteria
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line

NCT = "NCT00004412"


def _lines_as_paragraphs(criteria: str, old: str = "", new: str = "") -> PageRecord:
    """A CheckOrphan page showing each line of the record's text as a paragraph of its own, `old` replaced by `new`
    (asserting the text has `old`)."""
    text = unescape_markdown(criteria)
    assert old in text
    text = text.replace(old, new, 1) if old else text
    lines = [Line(" ".join(ln.split()), "p") for ln in text.split("\n") if ln.strip()]
    inc, exc, _ = criteria_lists(lines)
    return PageRecord(site="checkorphan.org", nct_id=NCT, inclusion=inc, exclusion=exc)


def _criticals(page: PageRecord, criteria: str) -> list[str]:
    """Each critical's message and what it found changed."""
    return [f"{f.kind}: {f.message} {f.evidence.get('changes')}" for f in reconcile(page, _record(NCT, criteria), TODAY)
            if is_alarm(f) and f.severity == "critical"]


def test_record_lines_shown_one_per_paragraph_draw_no_critical(shared_dir):
    """Before: two criterion_changed criticals, "a number and a limit" (the line ending "Creatinine greater than"
    compared with the whole item) and "a 'not'" (the line after "… with no effective contraception")."""
    criteria = record_criteria(shared_dir, NCT)
    page = _lines_as_paragraphs(criteria)
    assert "Creatinine greater than" in page.exclusion[4] and page.exclusion[5].startswith("0.9 mg/mL")
    assert _criticals(page, criteria) == []


def test_a_figure_changed_on_an_items_second_line_stays_critical(shared_dir):
    criteria = record_criteria(shared_dir, NCT)
    page = _lines_as_paragraphs(criteria, "than\n0.9 mg/mL (teenagers) Other: pregnant",
                                "than\n1.9 mg/mL (teenagers) Other: pregnant")
    said = _criticals(page, criteria)
    assert len(said) == 1 and said[0].startswith("criterion_changed") and '"more than 1.9 mg" is not in' in said[0]


def test_a_no_dropped_on_the_line_before_an_items_tail_stays_critical(shared_dir):
    criteria = record_criteria(shared_dir, NCT)
    page = _lines_as_paragraphs(criteria, "Fertile patients with no effective contraception",
                                "Fertile patients with effective contraception")
    said = _criticals(page, criteria)
    assert len(said) == 1 and said[0].startswith("criterion_changed") and "the rewrite 0" in said[0]


def test_lines_that_start_with_a_heading_the_record_drops_draw_no_critical(shared_dir):
    """NCT00002479: "PATIENT CHARACTERISTICS: Age: Over 18 … Hematopoietic: WBC at" / "least 3,000/mm3 …"; the
    record reads the heading away, the page line keeps it in front of the entries it wraps. Before: 3 criticals."""
    criteria = record_criteria(shared_dir, "NCT00002479")
    page = _lines_as_paragraphs(criteria)
    page.nct_id = "NCT00002479"
    assert [f for f in reconcile(page, _record("NCT00002479", criteria), TODAY)
            if is_alarm(f) and f.severity != "info"] == []
