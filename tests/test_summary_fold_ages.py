"""A summary age that says the page's own changed age limit is one wrong limit, one finding: a page giving the
maximum age as 80 years (the record: 70) and a summary saying "aged 18 to 80 years" were two CRITICALs (fact_mismatch
and plain_age). Over 2,429 corpus records with both limits in one unit, the page's maximum raised by 5 and said so in
its summary: 4,848 findings, 2,429 now; a summary saying another change (+3 beside the page's +5) keeps its own
finding (4,854 before and after)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

RECORD = OfficialRecord({"protocolSection": {
    "identificationModule": {"nctId": "NCT09000002", "briefTitle": "A diabetes trial"},
    "statusModule": {"overallStatus": "RECRUITING"},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Type 2 diabetes",
                          "minimumAge": "18 Years", "maximumAge": "70 Years"}}})


def _findings(summary: str, lo: int = 18, hi: int | None = 80):
    """The page's ages (lo to hi years; hi None: "18 years and older") and `summary`, against 18 to 70 years."""
    page = PageRecord("example.org", nct_id="NCT09000002", min_age=Age(lo, "YEARS", f"{lo} Years"),
                      max_age=Age(hi, "YEARS", f"{hi} Years") if hi else None,
                      no_max_age_text=None if hi else f"{lo} years and older", plain_summary=summary)
    return [f for f in reconcile(page, RECORD, date(2026, 12, 6)) if f.kind in ("fact_mismatch", "plain_age")]


@pytest.mark.parametrize("summary,said,hi", [
    ("Adults aged 18 to 80 years with type 2 diabetes may be able to take part.", "aged 18 to 80 years", 80),
    ("People must be over 18 and under 81 years of age to take part.", "over 18 and under 81 years of age", 80),
    ("Adults 18 years and older may join this study.", "Adults 18 years and older", None),
])
def test_a_summary_age_saying_the_page_s_changed_limit_is_one_finding(summary, said, hi):
    (only,) = _findings(summary, hi=hi)
    assert (only.kind, only.field, only.severity) == ("fact_mismatch", "max_age", "critical")
    assert only.message.endswith(f'This page\'s summary says "{said}" too.'), only.message
    assert (only.evidence["also_in_summary"]["kind"], only.evidence["also_in_summary"]["field"]) == (
        "plain_age", "plain_summary")


def test_both_limits_changed_are_said_once_each():
    """21 to 80 on the page and in the summary: the summary is said in the minimum's row; the maximum's stays."""
    got = _findings("Adults aged 21 to 80 years may be able to join.", lo=21)
    assert sorted((f.kind, f.field) for f in got) == [("fact_mismatch", "max_age"), ("fact_mismatch", "min_age")]
    assert [f.field for f in got if "summary says" in f.message] == ["min_age"]


@pytest.mark.parametrize("summary,lo", [
    ("Adults aged 18 to 75 years with type 2 diabetes may be able to take part.", 18),   # another maximum
    ("Adults aged 21 to 80 years may be able to join.", 18),    # the page's maximum, but a minimum the page lacks
    ("Adults aged 18 to 70 months may be able to join.", 18),   # another unit
])
def test_a_summary_age_saying_another_change_keeps_its_own_finding(summary, lo):
    got = sorted((f.kind, f.field) for f in _findings(summary, lo=lo))
    assert ("plain_age", "plain_summary") in got and ("fact_mismatch", "max_age") in got, got
    assert not any("also_in_summary" in f.evidence for f in _findings(summary, lo=lo))
