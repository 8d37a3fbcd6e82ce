"""A trial's own page is never "about a different trial" for wording its title, its sponsor or its conditions its own
way (review r44). ident4 let a lay title alone decide where the conditions say nothing ("Healthy"), read "NEI" as
another sponsor than "National Eye Institute (NEI)", and compared illness words exactly where the conditions check
reads British spellings and MeSH terms. Real records; each page is built as r44's scripts build it: the record's
own facts, the title and conditions as a site words them, the enrollment 37 stale, no criteria shown."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import british, lay_title, own_pages, page_of
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.conditions import check_conditions
from scrapers.reconcile.facts import same_sponsor
from scrapers.reconcile.identity import _title_words, check_identity


def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _initials(name: str) -> str:
    """Every word's first letter, as bench/identity_eval.py's reworded page shows a sponsor: "NEIN" for "National
    Eye Institute (NEI)", which is none of the names the record supports."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).upper()


def _own_page(r: OfficialRecord, title: str, sponsor: str, conditions: list[str] | None = None) -> PageRecord:
    return replace(page_of(r, r.nct_id), title=title, sponsor=sponsor, enrollment=(r.enrollment or 0) + 37,
                   conditions=conditions or list(r.conditions))


LAY = [("NCT00001172", "Tracking Where People Look When Shown Pictures", "NEI"),   # "Visual Stimulus and Eye Movement"
       ("NCT00001519", "How Quickly Breathing Returns to Normal After a Hard Workout", "CC"),   # "Oxygen Uptake…"
       ("NCT00001597", "Measuring How Much Something Hurts", "NIDCR")]   # "Pain Measurement in Healthy Volunteers"


@pytest.mark.parametrize("nct_id, title, acronym", LAY)
def test_a_lay_title_alone_does_not_make_an_own_page_another_trial(nct_id, title, acronym):
    """The sponsor shown as initials no name of the record supports, so only the title could decide."""
    r = _record(nct_id)
    assert r.conditions[0] == "Healthy"
    page = _own_page(r, title, _initials(r.sponsor))
    assert not same_sponsor(page.sponsor, [r.sponsor] + r.collaborators)
    assert check_identity(page, r) == []


@pytest.mark.parametrize("nct_id, title, acronym", LAY)
def test_the_sponsors_bracketed_acronym_is_its_sponsor(nct_id, title, acronym):
    r = _record(nct_id)
    assert f"({acronym})" in r.sponsor
    assert same_sponsor(acronym, [r.sponsor])
    assert check_identity(_own_page(r, title, acronym), r) == []


@pytest.mark.parametrize("page_name, names, same", [
    ("NCI", ["Eastern Cooperative Oncology Group", "National Cancer Institute (NCI)"], True),   # a collaborator
    ("ECOG", ["Eastern Cooperative Oncology Group"], True),            # initials of three letters or more
    ("NIAID", ["National Institute of Allergy and Infectious Diseases (NIAID)"], True),
    ("NIH", ["National Cancer Institute (NCI)"], False),               # not what the record says
    ("NEI", ["National Cancer Institute (NCI)"], False),
    ("PF", ["Pfizer"], False),
    ("NIH CC", ["National Eye Institute (NEI)"], False),
    # a word of its own the record's name holds, as sites shorten names (review r50 F1)
    ("Lilly", ["Eli Lilly and Company"], True),
    ("Lilly USA, LLC", ["Eli Lilly and Company"], True),
    ("Merck & Co., Inc.", ["Merck Sharp & Dohme Corp."], True),
    ("Sanofi", ["Sanofi Pasteur, a Sanofi Company"], True),
    # never a word many names share, nor a long name sharing one word
    ("University of Washington", ["University of Michigan"], False),
    ("National Cancer Institute", ["Cancer Research UK"], False),
    ("Pfizer", ["Eli Lilly and Company"], False),
    ("Johns Hopkins University", ["Hopkins Hospital"], False),
])
def test_a_sponsor_named_for_short_only_as_the_records_name_supports(page_name, names, same):
    assert same_sponsor(page_name, names) is same


@pytest.mark.parametrize("nct_id, shown, title", [
    ("NCT00002514", ["Leukaemia"], "Combination Chemotherapy for Adults With Blood Cancer"),        # British
    ("NCT00001397", ["Haematologic Diseases"], "Looking Into Blood Disorders"),                     # British
    ("NCT00297544", ["Erectile Dysfunction"], "Can Viagra Improve Blood Vessel Lining?"),           # MeSH term
])
def test_conditions_the_conditions_check_agrees_with_are_no_evidence_of_another_trial(nct_id, shown, title):
    r = _record(nct_id)
    page = _own_page(r, title, "Research Partners", conditions=shown)   # (a sponsor none of the record's)
    assert not same_sponsor(page.sponsor, [r.sponsor] + r.collaborators)
    assert check_conditions(page, r) == []
    assert check_identity(page, r) == []


def test_a_swapped_page_whose_illness_the_conditions_check_finds_at_odds_is_still_another_trial():
    """Deferring to the conditions check keeps what it finds: an impotence trial's page under a leukemia trial's
    number."""
    a, b = _record("NCT00297544"), _record("NCT00002514")
    page = page_of(a, b.nct_id)
    assert check_conditions(page, b) != []
    assert [(f.kind, f.severity) for f in check_identity(page, b)] == [("other_trial", "critical")]


@pytest.mark.parametrize("nct_id", ["NCT00001172", "NCT00001519", "NCT00001597", "NCT00002514", "NCT00297544"])
def test_those_trials_own_pages_are_not_another_trial_in_any_layout(nct_id):
    r = _record(nct_id)
    pages = own_pages(r)
    assert {"lay title, no criteria", "lay title, no criteria, British spelling",
            "lay title, no criteria, MeSH terms"} <= set(pages)
    for name, page in pages.items():
        assert check_identity(page, r) == [], name


def test_the_benchmarks_lay_title_says_words_the_record_never_does():
    """The benchmark's lay-title layout reaches the title rule (r44 H2: its reworded title said one word)."""
    r = _record("NCT00001172")
    assert lay_title(r) == "Tracking Where People Look When Shown Pictures"
    assert british("Leukemia, Solid Tumor, Hematologic Diseases") == "Leukaemia, Solid Tumour, Haematologic Diseases"


@pytest.mark.parametrize("page_title, record_title", [
    ("Sildénafil for Étude", "Sildenafil for Etude"),                   # accents
    ("BMS-214662 and LY-3009104", "BMS214662 and LY3009104"),           # a drug code, one word
    ("α-Interferon and β-Blockers", "Alpha-Interferon and Beta-Blockers"),
    ("Haemoglobin in Tumours", "Hemoglobin in Tumors"),
])
def test_title_words_are_read_alike_on_both_sides(page_title, record_title):
    assert _title_words(page_title) == _title_words(record_title) != set()
