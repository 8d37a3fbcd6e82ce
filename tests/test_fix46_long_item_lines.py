"""Review r46 N1: NCT00002542's record (a 2,474-character "DISEASE CHARACTERISTICS" item) shown one record line per
paragraph did not finish reconciling in 100 s of CPU: split_pairs.regroup_splits tried each run of the 51 page lines
as the item's alternatives, and every reading read the long item's qualifiers anew (splits._turning ->
scope.qualifiers), for every word of every reading, and matched each part with each bullet once per order of the
bullets. Those are now read once (cached, pure) and the page's answer is the same as the record's text shown in
items: no alarm; a figure changed on one of its lines is still the critical it was."""

from __future__ import annotations

from criteria_support import TODAY, _record, record_criteria
from test_wrap9_figure_lines import _page

from scrapers.reconcile import is_alarm, reconcile

NCT = "NCT00002542"


def _alarms(criteria: str, old: str = "", new: str = "") -> list[str]:
    found = reconcile(_page(NCT, criteria, old, new), _record(NCT, criteria), TODAY)
    return [f"{f.severity} {f.kind}: {f.message}" for f in found if is_alarm(f) and f.severity in ("critical", "warning")]


def test_the_long_record_shown_a_line_per_paragraph_reconciles_without_an_alarm(shared_dir):
    criteria = record_criteria(shared_dir, NCT)
    page = _page(NCT, criteria)
    assert len(page.inclusion) > 40 and page.exclusion == []   # (the layout the review timed: 51 lines)
    assert _alarms(criteria) == []


def test_a_figure_changed_on_one_of_its_lines_is_still_critical(shared_dir):
    said = _alarms(record_criteria(shared_dir, NCT), "within 14 weeks", "within 24 weeks")
    assert any(s.startswith("critical criterion_changed") and "24" in s for s in said), said
