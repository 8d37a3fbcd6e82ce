"""reconcile() on odd but possible inputs: never a traceback, never an alarm the record does not back."""

import json
import random
import re
from datetime import date

import pytest
from conftest import SHARED

from scrapers.criteria import flatten, parse_criteria
from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 11, 22)


def test_bare_record_and_full_page():
    rec = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}}})
    page = PageRecord(site="x", status="RECRUITING", status_text="Recruiting", as_of="2025-01", enrollment=10,
                      phases=["PHASE1"], sex="ALL", min_age=Age(18, "YEARS"), inclusion=["Age 18 or older"],
                      plain_summary="This trial is currently recruiting people aged 18 to 65 years.")
    assert reconcile(page, rec, TODAY) == []  # the record states nothing to contradict


def test_malformed_dates_in_the_record_are_ignored_not_fatal():
    rec = OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "statusModule": {
        "overallStatus": "RECRUITING", "statusVerifiedDate": "sometime", "lastUpdatePostDateStruct": {"date": "2025-13-45"},
        "startDateStruct": {"date": "n/a"}, "completionDateStruct": {"date": "2020"}}}})
    page = PageRecord(site="x", as_of="2024-01-01", start_date="2024-02", completion_date="2021")
    kinds = {f.kind for f in reconcile(page, rec, TODAY)}
    assert "page_stale" not in kinds                      # no usable last-update date: no staleness claim
    assert "registry_overdue" in kinds                    # "2020" is a usable completion year
    assert {f.field for f in reconcile(page, rec, TODAY) if f.kind == "fact_mismatch"} == {"completion_date"}


@pytest.fixture(scope="module")
def records():
    path = SHARED / "data" / "ctgov" / "studies_v2.jsonl"
    if not path.exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(400), fh)]
    return [OfficialRecord(r) for r in rows if (r["protocolSection"].get("eligibilityModule") or {}).get("eligibilityCriteria")]


def _page_of(rec: OfficialRecord) -> PageRecord:
    crit = parse_criteria(rec.eligibility_criteria)
    return PageRecord(site="x", nct_id=rec.nct_id, status=rec.status, status_text=rec.status,
                      as_of=rec.last_update_posted, enrollment=rec.enrollment, phases=rec.phases, sex=rec.sex,
                      min_age=rec.min_age, max_age=rec.max_age, sponsor=rec.sponsor,
                      inclusion=[i.text for i in flatten(crit.inclusion + crit.unplaced)],
                      exclusion=[i.text for i in flatten(crit.exclusion)])


def test_a_page_copying_its_record_raises_no_alarm(records):
    noisy = [(r.nct_id, [f.message for f in reconcile(_page_of(r), r, TODAY) if is_alarm(f)]) for r in records[:120]]
    assert [n for n in noisy if n[1]] == []


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower().replace("\\", ""))


def test_a_page_of_another_trial_never_crashes_and_every_alarm_quotes_the_record(records):
    rng = random.Random(5)
    for rec in rng.sample(records, 25):
        other = rng.choice(records)
        source = _squash(rec.eligibility_criteria)
        for f in reconcile(_page_of(other), rec, TODAY):
            assert f.message and f.severity in ("critical", "warning", "info")
            for text in f.evidence.get("official_texts", []):
                assert _squash(text) in source, (f.kind, text)   # every official quote is the record's own text
            json.dumps(f.to_dict())   # JSON-ready
