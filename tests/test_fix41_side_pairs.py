"""A side said in plain words is read as the record's term only where it stands in that term's place (fix41, review
r41 §1-§2). words9 read every "one-sided" / "on both sides" of a text as a term once the other text said the terms
more often, so a page that wrote the record's side in words and gave another noun a side of its own had that added
side read as an added term, which is silent (r41: 30 of 30 real items critical → 28 silent; items with a side added at
the end 96 → 94 silent). The items below are the reviewer's reproductions (real ClinicalTrials.gov items, NCT ids
given, and synthetic ones)."""

import pytest

from criteria_support import worst_alarm

from scrapers.side_words import sides_as_terms

def _severity(item: str, old: str, new: str, section: str = "inclusion") -> str:
    return worst_alarm(item, old, new, section)


@pytest.mark.parametrize("item, old, new, section", [
    ("Severe or very severe unilateral orbital, supraorbital and/or temporal pain",   # NCT05264714
     "unilateral orbital, supraorbital", "one-sided orbital, two-sided supraorbital", "inclusion"),
    ("Positive unilateral Straight Leg Raise test which includes reports of back and leg pain",   # NCT04728685
     "unilateral Straight Leg Raise test which includes reports of back and leg",
     "one-sided Straight Leg Raise test which includes reports of back and two-sided leg", "inclusion"),
    ("Patients who needed bilateral decompression, laminectomy or fusion",   # NCT01499641: an exclusion widened
     "bilateral decompression, laminectomy", "two-sided decompression, one-sided laminectomy", "exclusion"),
    ("bilateral root symptoms, double root involvement, cauda equina syndrome",   # NCT02742311
     "bilateral root symptoms, double", "two-sided root symptoms, one-sided double", "exclusion"),
    ("lumbar disc prolapse with unilateral radiculopathy", "lumbar disc prolapse with unilateral",   # NCT02742311
     "lumbar disc prolapse on both sides with one-sided", "inclusion"),
    ("Unilateral hearing loss with tinnitus for at least 3 months", "Unilateral hearing loss with tinnitus",
     "One-sided hearing loss with tinnitus on both sides", "inclusion"),
    ("Unilateral hearing loss with tinnitus for at least 3 months", "Unilateral hearing loss with tinnitus",
     "One-sided hearing loss with one-sided tinnitus", "inclusion"),
    ("Unilateral knee osteoarthritis, Kellgren-Lawrence grade 2 or 3", "Unilateral knee osteoarthritis, "
     "Kellgren-Lawrence grade 2 or 3", "One-sided knee osteoarthritis, Kellgren-Lawrence grade 2 on both sides or 3",
     "inclusion"),
])
def test_a_side_the_page_adds_to_another_noun_is_critical(item, old, new, section):
    """The record's own side in words does not make the side the page adds a term (it was silent)."""
    assert _severity(item, old, new, section) == "critical"


def test_sides_swapped_between_two_nouns_are_not_silent():
    """As terms, "Unilateral tinnitus and bilateral hearing loss" has the record's words (r41 §2, a blind spot left
    alone); in plain words the swap is no longer read as the terms, so it warns as before words9."""
    item = "Unilateral hearing loss and bilateral tinnitus for at least 3 months"
    assert _severity(item, "Unilateral hearing loss and bilateral tinnitus",
                     "One-sided tinnitus and two-sided hearing loss") != "silent"
    assert _severity(item, "Unilateral hearing loss and bilateral tinnitus",
                     "Hearing loss on both sides and tinnitus on one side") == "critical"


def test_limits_swapped_between_the_sides_are_critical():
    """NCT02178761: a patient with one-sided 60% stenosis is let in by the page, not by the record (r41 §3)."""
    item = "unilateral luminal diameter stenosis >=70% or bilateral diameter stenoses >=50%"
    assert _severity(item, item, "two-sided luminal diameter stenosis >=70% or one-sided diameter stenoses >=50%") \
        == "critical"


@pytest.mark.parametrize("item, old, new", [
    ("Unilateral hearing loss", "Unilateral", "One-sided"),
    ("Has had a previous unilateral or bilateral vagotomy", "unilateral or bilateral", "two-sided or one-sided"),
    ("Has had a previous unilateral or bilateral vagotomy", "unilateral or bilateral", "one-sided or two-sided"),
    ("Unilateral knee osteoarthritis, Kellgren-Lawrence grade 2 or 3", "Unilateral knee osteoarthritis",
     "Knee osteoarthritis on one side"),
    ("Unilateral hearing loss and bilateral tinnitus for at least 3 months",
     "Unilateral hearing loss and bilateral tinnitus", "Hearing loss on one side and tinnitus on both sides"),
    ("unilateral luminal diameter stenosis >=70% or bilateral diameter stenoses >=50%", "unilateral luminal",
     "one-sided luminal"),
])
def test_the_record_sides_in_plain_words_stay_silent(item, old, new):
    assert _severity(item, old, new) == "silent"


def test_only_the_sides_that_pair_are_read_as_terms():
    assert sides_as_terms("Unilateral hearing loss", "One-sided hearing loss") == \
        ("Unilateral hearing loss", "unilateral hearing loss")
    assert sides_as_terms("Unilateral knee pain", "Knee pain on one side") == ("Unilateral knee pain",
                                                                               "Knee pain unilateral")
    page = "One-sided hearing loss with tinnitus on both sides"   # (a side more: neither is the record's term)
    assert sides_as_terms("Unilateral hearing loss with tinnitus", page)[1] == page
