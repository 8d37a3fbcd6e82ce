"""GET /api/v1/status tells a listing's badge what the card over the same record tells (status3).

An "Unknown status" record unconfirmed for over 2 years past its planned end: the card is headed, amber, "This trial may
have ended: check with the study team", and /status gave overdue null and unconfirmed_since null, so the badge was a grey
"Unknown status". It now gives overdue "end" (the badge's "? May have ended", amber) and the sponsor's month, exactly
where the card's unknown_status finding says the trial is very likely over.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from service_support import TODAY, FakeRegistry, page_url, providers, record, trial_page

from scrapers.official import OfficialRecord
from scrapers.reconcile.status import check_registry
from server.annotate import Annotator
from server.app import create_app
from server.status_shown import badge_overdue, unconfirmed_since
from server.verdict_words import OVERDUE_HEADLINES

OVER = "NCT00000021"      # Unknown status, last confirmed Mar 2018, due to finish Jan 2019
RECENT = "NCT00000022"    # Unknown status, confirmed within 2 years


def _registry(stale: bool = False) -> FakeRegistry:
    return FakeRegistry(records={
        OVER: record(OVER, "UNKNOWN", verified="2018-03", start="2016-01-01", completion="2019-01-31"),
        RECENT: record(RECENT, "UNKNOWN", verified=f"{TODAY.year - 1}-{TODAY.month:02d}", start="2016-01-01",
                       completion="2019-01-31"),
    }, stale=stale)


def _statuses(stale: bool = False) -> dict:
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(_registry(stale))).test_client()
    return client.get(f"/api/v1/status?ids={OVER},{RECENT}").get_json()["statuses"]


@pytest.mark.parametrize("stale", [False, True])
def test_an_unknown_status_record_very_likely_over_is_badged_as_its_card_heads_it(stale):
    got = _statuses(stale)
    assert (got[OVER]["status"], got[OVER]["overdue"], got[OVER]["unconfirmed_since"]) == ("UNKNOWN", "end", "2018-03")
    assert (got[RECENT]["overdue"], got[RECENT]["unconfirmed_since"]) == (None, None)
    card = Annotator(providers(_registry(stale))).annotate(trial_page(OVER, status="Unknown status"), page_url(OVER))
    if not stale:
        assert card["drift"]["headline"] == OVERDUE_HEADLINES["completion_date"]   # (the card it agrees with)
    recent = Annotator(providers(_registry(stale))).annotate(trial_page(RECENT, status="Unknown status"),
                                                              page_url(RECENT))
    assert recent["drift"]["headline"] != OVERDUE_HEADLINES["completion_date"]


def test_a_saved_copy_is_counted_to_its_day_for_the_overdue_sign_as_the_card_counts():
    """Unconfirmed 23 months when the copy was saved, over 2 years by today: the card (against that copy) does not say
    "very likely over", so neither does the badge's question (its month, counted to today, it does say)."""
    rec = record(OVER, "UNKNOWN", verified="2022-10", completion="2023-01-31")
    copy = "2024-09-10T00:00:00Z"
    assert badge_overdue(rec, copy, date(2026, 12, 7)) is None
    assert badge_overdue(rec, None, date(2026, 12, 7)) == "end"
    assert unconfirmed_since(rec, date(2026, 12, 7)) == "2022-10"


def test_over_the_corpus_the_badge_asks_exactly_where_the_card_says_very_likely_over(shared_dir):
    """Every native corpus record with "Unknown status": overdue "end" exactly where its card's finding says likely
    over (live, today), and the sponsor's month exactly where that finding is a warning."""
    today = date(2026, 12, 7)
    checked = 0
    with open(shared_dir / "data" / "ctgov" / "studies_v2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if '"UNKNOWN"' not in line:
                continue
            rec = OfficialRecord(json.loads(line))
            if rec.status != "UNKNOWN":
                continue
            said = [f for f in check_registry(rec, today) if f.kind == "registry_unverified"]
            over = any(f.evidence.get("likely_over") for f in said)
            assert (badge_overdue(rec, None, today) == "end") == over, rec.nct_id
            warned = any(f.severity == "warning" for f in said)
            assert (unconfirmed_since(rec, today) is not None) == warned, rec.nct_id
            checked += 1
    assert checked > 20
