"""GET /api/v1/status as a listing page's badges read it (review r56).

F3: a trial whose sponsor had not confirmed its status for over 2 years (NCT00499317, last confirmed Aug 2023;
NCT03466619, Mar 2018; NCT01194648, Apr 2018) got a green "Recruiting" listing badge online and "Recruiting (as of Sep
2024)" offline, while its card warned registry_unverified and a related trial said "Recruiting (status last confirmed
Aug 2023)". Each status now carries `unconfirmed_since`, counted as the card counts it.
F2: "Active, not recruiting" past its planned end is said by the service as by the extension (server/status_shown.py
related_status, extension/lib/badges.js): its status, then the caveat.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from conftest import corpus_record
from scrapers.official import OfficialRecord
from scrapers.reconcile.status import check_registry
from scrapers.registry import Registry
from scrapers.registry.store import Incoming, Store
from server import create_app
from server.providers import Providers
from server.status_shown import related_status, unconfirmed_since

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 7)
OLD_COPY = "2024-09-10T00:00:00Z"
IDS = ["NCT00499317", "NCT03466619", "NCT01194648", "NCT00582231"]


def _client(tmp_path, shared_dir, fetched_at: str):
    store = Store(tmp_path / "s.sqlite3")
    store.put_many([Incoming(OfficialRecord(corpus_record(shared_dir, n)), fetched_at, "registry") for n in IDS])
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=Providers(registry=Registry(store, None), today=lambda: TODAY))
    return app.test_client()


def test_a_current_record_says_since_when_its_status_went_unconfirmed(tmp_path, shared_dir):
    """As served fresh (online, within the TTL): counted to today, as the card's registry_unverified warning is."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = _client(tmp_path, shared_dir, now).get("/api/v1/status?ids=" + ",".join(IDS)).get_json()
    got = {n: (s["status"], s["stale"], s["overdue"], s["unconfirmed_since"]) for n, s in body["statuses"].items()}
    assert got == {"NCT00499317": ("RECRUITING", False, None, "2023-08"),
                   "NCT03466619": ("RECRUITING", False, None, "2018-03"),
                   "NCT01194648": ("RECRUITING", False, None, "2018-04"),
                   # (past its planned end, Dec 2024, and last confirmed in Jan 2024)
                   "NCT00582231": ("ACTIVE_NOT_RECRUITING", False, "end", "2024-01")}


def test_a_saved_copy_names_the_sponsors_month_once_it_is_over_2_years_old(tmp_path, shared_dir):
    """Offline, a copy of Sep 2024: NCT00499317 had been unconfirmed 12 months then, 40 by today; its badge said
    "Recruiting (as of Sep 2024)", read as "confirmed then" (status3: counted to today, the badge saying the month is the
    copy's word). NCT00582231 ("Active, not recruiting", last confirmed Jan 2024) likewise; the other two over 6 years."""
    body = _client(tmp_path, shared_dir, OLD_COPY).get("/api/v1/status?ids=" + ",".join(IDS)).get_json()
    got = {n: (s["stale"], s["unconfirmed_since"]) for n, s in body["statuses"].items()}
    assert got == {"NCT00499317": (True, "2023-08"), "NCT03466619": (True, "2018-03"),
                   "NCT01194648": (True, "2018-04"), "NCT00582231": (True, "2024-01")}


def test_the_field_is_in_the_spec_and_the_readme():
    from server.openapi_schemas import SCHEMAS

    item = SCHEMAS["Statuses"]["properties"]["statuses"]["additionalProperties"]
    item = next(s for s in item.get("anyOf", item.get("oneOf", [item])) if s.get("type") == "object") \
        if "properties" not in item else item
    assert "unconfirmed_since" in item["properties"] and "unconfirmed_since" in item["required"]
    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| `GET /api/v1/status?ids="))
    assert "`unconfirmed_since`" in row and "(status last confirmed Aug 2023)" in row


@pytest.mark.parametrize("copy_as_of", [None, OLD_COPY, "undated"])
def test_the_badge_says_unconfirmed_exactly_where_the_card_warns(shared_dir, copy_as_of):
    """Over every native corpus record whose status is not closed ("Unknown status" included): unconfirmed_since is set
    exactly where the card's registry_unverified finding is a warning (over 2 years) counted to today, and is then the
    record's last-verified month. Against a dated saved copy the card counts to the copy's day, the badge to today
    (status3: the copy's month read as "confirmed then"): the badge says it wherever the card does, and more."""
    import json

    checked = 0
    with open(shared_dir / "data" / "ctgov" / "studies_v2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = OfficialRecord(json.loads(line))
            if rec.status in ("COMPLETED", "TERMINATED", "WITHDRAWN"):
                continue
            dated = copy_as_of not in (None, "undated")
            warned = [f for f in check_registry(rec, TODAY, None if dated else copy_as_of)
                      if f.kind == "registry_unverified" and f.severity == "warning"]
            since = unconfirmed_since(rec, TODAY)
            assert (since is not None) == bool(warned), rec.nct_id
            if dated and any(f.kind == "registry_unverified" and f.severity == "warning"
                             for f in check_registry(rec, TODAY, copy_as_of)):
                assert since is not None, rec.nct_id
            assert since in (None, rec.status_verified)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("status,words", [
    ("ACTIVE_NOT_RECRUITING", "Active, not recruiting, though its planned end has passed"),
    ("ENROLLING_BY_INVITATION", "By invitation only, though its planned end has passed"),
    ("RECRUITING", "Recruiting, though its planned end has passed")])
def test_the_service_says_a_status_past_its_end_as_the_extension_does(status, words):
    """F2 on the service's side: the status kept, the caveat after it (never "may have ended" in its place)."""
    assert related_status({"status": status, "overdue": "end"}) == words
    badges = (ROOT / "extension" / "lib" / "badges.js").read_text(encoding="utf-8")
    assert 'end: "though its planned end has passed"' in badges
