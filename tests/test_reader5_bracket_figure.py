"""Review r42 M2, the "18." class with a bracket: a hard-wrapped record that ends a bracket on a line of its own with a
figure ("… parental consent (for those under" / "18)", NCT00001245; "… (ECOG" / "1)", NCT00004229), shown one record
line per paragraph, was read as an item "… (for those under" and an item "18)" (a bare list marker to the comparison):
a critical "differs in a number" on a faithful page. The page reader now ends the bracket with it (`_sentence_end`);
the figure changed there stays critical, and a "1)" list shown a marker per paragraph reads as before."""

from __future__ import annotations

from test_wrap9_figure_lines import _criticals, _page

from criteria_support import record_criteria
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line


def test_an_age_closing_a_bracket_on_its_own_line_draws_no_critical(shared_dir):
    nct = "NCT00001245"
    criteria = record_criteria(shared_dir, nct)
    page = _page(nct, criteria)
    assert any(item.endswith("(for those under 18)") for item in page.inclusion)
    assert "18)" not in page.inclusion + page.exclusion
    assert _criticals(nct, criteria) == []


def test_a_score_closing_a_bracket_on_its_own_line_draws_no_critical(shared_dir):
    """NCT00004229 "(ECOG" / "1)", NCT00004433 "(CGI severity index at least" / "4)"."""
    for nct, end in (("NCT00004229", "disease (ECOG 1)"), ("NCT00004433", "(CGI severity index at least 4)")):
        criteria = record_criteria(shared_dir, nct)
        page = _page(nct, criteria)
        assert any(item.endswith(end) for item in page.inclusion + page.exclusion), nct
        assert _criticals(nct, criteria) == [], nct


def test_the_figure_closing_the_bracket_changed_stays_critical(shared_dir):
    nct = "NCT00001245"
    criteria = record_criteria(shared_dir, nct)
    said = _criticals(nct, criteria, "(for those under\n18)", "(for those under\n21)")
    assert len(said) == 1 and said[0].startswith("criterion_changed") and "21" in said[0]


def test_a_marker_list_with_brackets_reads_as_before():
    """"1)" after a line with no bracket left open, or beside a "2)" marker, is the list's marker."""
    lines = ["Inclusion Criteria:", "Age greater than 18 years", "1)", "Informed consent (written", "2)", "Male"]
    assert criteria_lists([Line(t, "p") for t in lines]) == (
        ["Age greater than 18 years", "1)", "Informed consent (written", "2)", "Male"], [], False)
    lines = ["Inclusion Criteria:", "Adults (age over", "18)."]
    assert criteria_lists([Line(t, "p") for t in lines]) == (["Adults (age over", "18)."], [], False)
    lines = ["Inclusion Criteria:", "Adults (age over", "18)"]
    assert criteria_lists([Line(t, "p") for t in lines]) == (["Adults (age over 18)"], [], False)
