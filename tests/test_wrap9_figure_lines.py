"""Review r42 M2: a hard-wrapped record that ends a sentence on a line of its own with a figure and its stop ("… under
the age of" / "18.", NCT00001397; "… in the past" / "6 months.", NCT00000749), shown one record line per paragraph,
was read as an item "… under the age of" and an item "18." (a bare list number to the comparison): a critical
"differs in a number" on a faithful page. The page reader now ends the sentence with it (`_sentence_end`); a figure
changed there stays critical, and a numbered list shown one marker per paragraph reads as before."""

from __future__ import annotations

from criteria_support import TODAY, _record, record_criteria
from scrapers.criteria import unescape_markdown
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


def _page(nct: str, criteria: str, old: str = "", new: str = "") -> PageRecord:
    """A CheckOrphan page showing each line of the record's text as a paragraph, `old` replaced by `new` once."""
    text = unescape_markdown(criteria)
    assert old in text
    text = text.replace(old, new, 1) if old else text
    inc, exc, _ = criteria_lists([Line(" ".join(ln.split()), "p") for ln in text.split("\n") if ln.strip()])
    return PageRecord(site="checkorphan.org", nct_id=nct, inclusion=inc, exclusion=exc)


def _criticals(nct: str, criteria: str, old: str = "", new: str = "") -> list[str]:
    found = reconcile(_page(nct, criteria, old, new), _record(nct, criteria), TODAY)
    return [f"{f.kind}: {f.message}" for f in found if is_alarm(f) and f.severity == "critical"]


def test_an_age_ending_a_sentence_on_its_own_line_draws_no_critical(shared_dir):
    """Before: the item "… under the age of" and "18." apart; a critical "differs in a number"."""
    nct = "NCT00001397"
    criteria = record_criteria(shared_dir, nct)
    page = _page(nct, criteria)
    assert any(item.endswith("patients under the age of 18.") for item in page.inclusion)
    assert "18." not in page.inclusion
    assert _criticals(nct, criteria) == []


def test_a_period_ending_a_sentence_on_its_own_line_draws_no_critical(shared_dir):
    """Before: "… with a high-risk partner, in the past" / "6 months.": a critical "differs in a number"."""
    nct = "NCT00000749"
    criteria = record_criteria(shared_dir, nct)
    page = _page(nct, criteria)
    assert any(item.endswith("in the past 6 months.") for item in page.exclusion)
    assert _criticals(nct, criteria) == []


def test_a_range_ending_on_its_own_line_keeps_its_dash(shared_dir):
    """NCT00000994: "… once a month for 5" / "- 7 days.": the dash is the range's, not a bullet. Before: a critical
    ("5" and "7 days." apart); read as "5 7 days." it would still be one, "a limit"."""
    nct = "NCT00000994"
    criteria = record_criteria(shared_dir, nct)
    page = _page(nct, criteria)
    assert any(item.endswith("once a month for 5 - 7 days.") for item in page.exclusion)
    assert _criticals(nct, criteria) == []


def test_the_ending_figure_changed_stays_critical(shared_dir):
    nct = "NCT00001397"
    criteria = record_criteria(shared_dir, nct)
    said = _criticals(nct, criteria, "under the age of\n18.", "under the age of\n21.")
    assert len(said) == 1 and said[0].startswith("criterion_changed") and "21" in said[0] and "18" in said[0]


def test_the_ending_period_changed_stays_critical(shared_dir):
    nct = "NCT00000749"
    criteria = record_criteria(shared_dir, nct)
    said = _criticals(nct, criteria, "in the past\n     6 months.", "in the past\n     12 months.")
    assert len(said) == 1 and said[0].startswith("criterion_changed") and "12 months" in said[0]


def test_a_numbered_list_shown_a_marker_a_paragraph_reads_as_before():
    """"1." after a line that runs on, and "2." after it: numbers in sequence are the list's, not a sentence's end."""
    lines = ["Inclusion Criteria:", "Age greater than 18 years", "1.", "Informed consent", "2.", "Male"]
    assert criteria_lists([Line(t, "p") for t in lines]) == (
        ["Age greater than 18 years", "1.", "Informed consent", "2.", "Male"], [], False)


def test_a_figure_after_a_heading_or_a_full_stop_is_not_joined():
    """Only a line that runs on takes the figure: not a heading line, nor an item that ends with its stop."""
    assert criteria_lists([Line(t, "p") for t in ["Inclusion Criteria:", "Age 18 or older.", "6 months."]]) == (
        ["Age 18 or older.", "6 months."], [], False)
    assert criteria_lists([Line("Exclusion Criteria", "h3"), Line("6 months.", "p")]) == ([], ["6 months."], False)
    assert criteria_lists([Line(t, "p") for t in ["Stable for at least", "6 months."]]) == (
        ["Stable for at least 6 months."], [], False)
