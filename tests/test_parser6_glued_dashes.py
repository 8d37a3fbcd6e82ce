"""A run-on "- a - b" list whose first line the record wrote with its dashes glued to the word ("---None -WHOLE
EXOME/GENOME SEQUENCING - ELIGIBLITY …: - …", NCT00001392's NIH outline): split at its spaced bullets as a list that
starts with "- " is, so no item of it is compared with the run of sixteen and its "None" read as a "not"."""

import re

import pytest
from conftest import corpus_record
from criteria_support import TODAY, one_paragraph

from scrapers.criteria import flatten, parse_criteria, unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line

GLUED = ("- INCLUSION CRITERIA: ---An unlimited number of subjects will be eligible. - EXCLUSION CRITERIA: ---None "
         "-WHOLE EXOME/GENOME SEQUENCING - ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING: - Subjects with kidney disease "
         "- Age greater than or equal to 2 years")


def test_a_list_after_a_glued_first_line_is_split_at_its_bullets():
    """Before: the exclusions were one item, "---None -WHOLE … - Age greater than or equal to 2 years". The
    "ELIGIBLITY FOR …:" heading opens a list of who may join, on the page as in the record (parse9, review r51 #1)."""
    inclusion, exclusion = one_paragraph(GLUED)
    assert exclusion == ["---None -WHOLE EXOME/GENOME SEQUENCING"]
    assert inclusion[1:] == ["Subjects with kidney disease", "Age greater than or equal to 2 years"]


@pytest.mark.parametrize("paragraph, read", [
    # numbering first: a numbered list (NCT00001962's "-INCLUSION CRITERIA: 1. …")
    ("-Acquired aplasia defined by: 1. anemia - low count 2. Age 2 or older 3. Weight over 12 kg",
     (["-Acquired aplasia defined by:", "1. anemia - low count", "2. Age 2 or older", "3. Weight over 12 kg"], [])),
    # two dashes are a PDQ heading's ("--Disease Characteristics--"), a figure's minus no bullet
    ("--Disease Characteristics-- Histologically proven cancer - Stage IV", (
        ["--Disease Characteristics-- Histologically proven cancer - Stage IV"], [])),
    ("-20 C storage - samples", (["-20 C storage - samples"], [])),
])
def test_what_stays_as_before(paragraph, read):
    assert one_paragraph(paragraph) == read


_MARK = re.compile(r"^\s*(?:[*•\-–]|o(?=\s))\s+")


def test_nct00001392_shown_with_dashes_draws_no_critical(shared_dir):
    """The record's lines run into one paragraph, each bullet "- " (fixture nct00001392_inline_glued_dashes). Before:
    a critical 'criterion changed' ("differs in a 'not'": the run of sixteen against the record's "ELIGIBLITY …"
    item) and two 'criterion missing'; then one 'criteria merged' warning ("---None" and "-WHOLE EXOME/GENOME
    SEQUENCING", two record lines without bullets, run together), which review r51 #10 found noise: the page's words are
    the record's, only where the reader cut them differs (reconcile/run_on_words.py); now none."""
    record = OfficialRecord(corpus_record(shared_dir, "NCT00001392"))
    lines = [line for line in unescape_markdown(record.eligibility_criteria).split("\n") if line.strip()]
    shown = " ".join(" ".join(((("- " + _MARK.sub("", line)) if _MARK.match(line) else line)).split()) for line in lines)
    inc, exc = one_paragraph(shown)
    page = PageRecord(site="checkorphan.org", nct_id="NCT00001392", inclusion=inc, exclusion=exc)
    alarms = [(f.kind, f.severity) for f in reconcile(page, record, TODAY) if is_alarm(f) and f.severity != "info"]
    assert alarms == []


@pytest.mark.parametrize("paragraph, read", [
    # every bullet glued, a spaced dash inside an item (review r33: NCT04909229's sleep times, NCT06653829's scale;
    # cut there, 44 of 200 real records so laid out gained criticals)
    ("-Pregnancy -Shift work -Habitual sleep outside the ranges of 4:00h - 10:00h (wake time) and 20:00h - 02:00h "
     "(bed time) -Current use of melatonin",
     (["-Pregnancy -Shift work -Habitual sleep outside the ranges of 4:00h - 10:00h (wake time) and 20:00h - 02:00h "
       "(bed time) -Current use of melatonin"], [])),
    ("-Meets DSM-5 criteria for schizophrenia -Presence of negative symptoms - SANS rating of 2 or higher -Age 18-65",
     (["-Meets DSM-5 criteria for schizophrenia -Presence of negative symptoms - SANS rating of 2 or higher "
       "-Age 18-65"], [])),
    # one spaced dash after a glued first line is an item's own (NCT00005235), as is one after a glued "-≥"
    ("---Patients that have had myocardial infarction within 2 weeks - still in hospital",
     (["---Patients that have had myocardial infarction within 2 weeks - still in hospital"], [])),
    ("-Men undergoing placement at Mayo Clinic - Rochester. -≥ 18 years old.",
     (["-Men undergoing placement at Mayo Clinic - Rochester. -≥ 18 years old."], [])),
])
def test_a_list_of_glued_bullets_is_not_cut_inside_an_item(paragraph, read):
    assert one_paragraph(paragraph) == read


@pytest.mark.parametrize("nct_id", ["NCT04909229", "NCT06653829"])
def test_a_real_list_shown_with_glued_bullets_draws_no_critical(shared_dir, nct_id):
    """Review r33's layout: each list one paragraph of "-item" bullets under its heading. Before: NCT04909229's
    exclusions cut at "4:00h - 10:00h", two criticals; NCT06653829's at "negative symptoms - SANS rating", two."""
    record = OfficialRecord(corpus_record(shared_dir, nct_id))
    crit = parse_criteria(record.eligibility_criteria)
    inc, exc = ([it.text for it in flatten(items)] for items in (crit.inclusion, crit.exclusion))
    lines = [Line("Inclusion Criteria:", "h3"), Line(" ".join("-" + t for t in inc), "p"),
             Line("Exclusion Criteria:", "h3"), Line(" ".join("-" + t for t in exc), "p")]
    i, e, _ = criteria_lists(lines)
    page = PageRecord(site="checkorphan.org", nct_id=nct_id, inclusion=i, exclusion=e)
    assert [f.kind for f in reconcile(page, record, TODAY) if is_alarm(f) and f.severity == "critical"] == []
