"""A summary age that repeats a changed age requirement is one change, one finding (service3): the page's criterion
says "Men 18-75 years of age" for the record's "18-70", and its summary "aged 18 to 75 years". It was a CRITICAL
criterion_changed and a CRITICAL plain_age; only the page's age-limit fields were folded. Over 703 pages built from
corpus records with an inclusion item naming both age limits, its maximum +5 and the summary repeating it
(bench/summary_fold_eval.py --only age_criterion), 568 pages had both (1,271 findings; now 41 pages, 744 findings,
the 41 where the record's age fields differ from its own item or the page's bound is exclusive). A summary saying
another limit (+3: 577 pages) or the same figure in another unit (579) keeps both, as before."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile

CRITERIA = ["Men 18-70 years of age", "Erectile dysfunction for 6 to 12 months"]
AGES = ("criterion_changed", "plain_age")


def _findings(changed: dict[str, str], summary: str, exclusion: list[str] | None = None, oldest: str = "70 Years",
              youngest: str = "18 Years"):
    """The record with CRITERIA (and `exclusion`), aged `youngest` to `oldest`; a page showing them with `changed` items
    replaced, and `summary`."""
    text = "Inclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in CRITERIA) \
        + ("\n\nExclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in exclusion) if exclusion else "")
    record = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT09000002", "briefTitle": "An ED trial"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text, "sex": "MALE", "minimumAge": youngest,
                              "maximumAge": oldest}}})
    page = PageRecord("example.org", nct_id="NCT09000002", inclusion=[changed.get(c, c) for c in CRITERIA],
                      exclusion=[changed.get(c, c) for c in exclusion or []], plain_summary=summary)
    return [f for f in reconcile(page, record, date(2026, 12, 6)) if f.kind in AGES]


MAX_75 = {"Men 18-70 years of age": "Men 18-75 years of age"}


@pytest.mark.parametrize("changed,summary", [
    (MAX_75, "People aged 18 to 75 years may be able to take part."),
    (MAX_75, "People aged 18-75 years may be able to take part."),
    (MAX_75, "Adults aged 18 to 75 years can take part."),
    ({"Men 18-70 years of age": "Men 21-70 years of age"}, "People aged 21 to 70 years may be able to take part."),
])
def test_a_summary_age_repeating_a_changed_age_requirement_is_one_finding(changed, summary):
    found = _findings(changed, summary)
    assert [f.kind for f in found] == ["criterion_changed"], [f.message for f in found]
    (only,) = found
    assert only.severity == "critical" and only.page_value == changed["Men 18-70 years of age"]
    assert only.message.endswith("too.") and "This page's summary says" in only.message
    assert only.evidence["also_in_summary"]["kind"] == "plain_age"


@pytest.mark.parametrize("summary", ["People aged 18 to 72 years may be able to take part.",   # (another limit)
                                     "People aged 18 to 75 months may be able to take part.",   # (another unit)
                                     "People aged 21 to 75 years may be able to take part."])   # (a bound unchanged)
def test_a_summary_age_saying_another_change_keeps_its_own_finding(summary):
    assert sorted(f.kind for f in _findings(MAX_75, summary)) == sorted(AGES)


def test_the_record_s_age_fields_differing_from_its_item_keep_both():
    """The summary was compared with the record's 65, the item with its 70: two things to check, not one change."""
    assert sorted(f.kind for f in _findings(MAX_75, "People aged 18 to 75 years may join.", oldest="65 Years")) \
        == sorted(AGES)


def test_an_item_naming_no_age_is_no_age_limit():
    """A duration ("for 6 to 12 months") is no age, even where it is the record's ages: a summary "aged 6 to 15
    months" is another claim."""
    changed = {"Erectile dysfunction for 6 to 12 months": "Erectile dysfunction for 6 to 15 months"}
    found = _findings(changed, "People aged 6 to 15 months may be able to take part.",
                      oldest="12 Months", youngest="6 Months")
    assert sorted(f.kind for f in found) == sorted(AGES), [f.message for f in found]


def test_an_exclusion_s_age_is_not_read_as_the_limit():
    """"Age over 70 years" excluded, shown as "over 75": the summary's "18 to 75" is not what that item changed."""
    found = _findings({"Age over 70 years": "Age over 75 years"}, "People aged 18 to 75 years may be able to take "
                      "part.", exclusion=["Age over 70 years"])
    assert sorted(f.kind for f in found) == sorted(AGES), [f.message for f in found]
