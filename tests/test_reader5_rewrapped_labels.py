"""Review r42 M2, two faithful pages still drawing a critical: a hard-wrapped record's lines shown one per paragraph
that rewrapped.py did not read as one run.

- NCT00003929: the record's entries "Cardiovascular:" and "Pulmonary:" (their norm drops the colon) were not found in
  the page line "Cardiovascular: Pulmonary: Other: …" that keeps it, so the run was refused and the line "6 weeks
  Hematopoietic: …" was compared with the entry "Hematopoietic: …" alone: "differs in a number".
- NCT00002458: the heading "PRIOR CONCURRENT THERAPY:" in front of "Prior murine antibody …" / "titer is less than
  1,000 U/mL …": its "PRIOR" was matched to the entry's "Prior" and its words counted against the run's likeness.

A figure changed on such a run's second line stays critical."""

from __future__ import annotations

from test_wrap9_figure_lines import _criticals

from criteria_support import record_criteria


def test_sub_labels_ending_in_a_colon_do_not_stop_a_run(shared_dir):
    nct = "NCT00003929"
    assert _criticals(nct, record_criteria(shared_dir, nct)) == []


def test_an_all_caps_heading_in_front_of_a_run_does_not_stop_it(shared_dir):
    nct = "NCT00002458"
    assert _criticals(nct, record_criteria(shared_dir, nct)) == []


def test_a_figure_changed_on_the_second_line_stays_critical(shared_dir):
    for nct, old, new, figure in (
            ("NCT00003929", "At least\n6 weeks", "At least\n8 weeks", "8 weeks"),
            ("NCT00002458", "less than 1,000 U/mL", "less than 3,000 U/mL", "3,000")):
        said = _criticals(nct, record_criteria(shared_dir, nct), old, new)
        assert len(said) == 1 and said[0].startswith("criterion_changed") and figure in said[0], (nct, said)


def test_an_all_caps_heading_the_record_holds_in_its_entry_is_matched(shared_dir):
    """NCT00003869's entries start "TRACK II AT RANDOMIZATION: Pregnant, nursing women, …": the record reads those
    words as the entry's, so leaving them out of the run's matching made a false "differs in an 'or'"."""
    nct = "NCT00003869"
    assert _criticals(nct, record_criteria(shared_dir, nct)) == []
