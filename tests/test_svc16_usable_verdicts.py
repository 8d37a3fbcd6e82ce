"""Whether a stored copy is a usable study, judged once per content. The lookup budget's count read every copy dated
within the TTL whole to judge it (svc13), and each lookup judged it again, twice; now the verdict is remembered by the
copy's content hash, which the count reads with the copy's date. A copy that changes, through this store or another
worker's, has a new hash, and is judged afresh: the cache never hides it. Real store, fake registry over HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from test_svc12_unreadable_copy import junk_of

from scrapers.errors import RegistryError
from scrapers.official import OfficialRecord
from scrapers.registry import Registry, Store
from scrapers.registry.store import utc_now
from scrapers.registry.verdicts import UNKNOWN, Verdicts


def online(store, server) -> Registry:
    return Registry(store, fast_client(server.base_url, retries=0), ttl=timedelta(hours=24))


def test_a_copy_is_judged_once(store, studies, fake_ctgov):
    ids = [nct_of(s) for s in studies[:3]]
    for s in studies[:3]:
        store.put(OfficialRecord(s), fetched_at=utc_now())
    reg = online(store, fake_ctgov)
    assert reg.to_ask(ids) == ([], [])
    for _ in range(3):
        assert all(reg.lookup(n).source == "store" for n in ids)
        assert reg.to_ask(ids, reg.held(ids)) == ([], [])
    assert reg.verdicts.judged == 3 and fake_ctgov.calls == 0   # (it was 3 for each count, and 2 for each lookup)


@pytest.mark.parametrize("kind", ["age", "status"])
def test_a_usable_copy_that_turns_to_junk_is_judged_again(store, studies, fake_ctgov, kind):
    nct, now = nct_of(studies[0]), utc_now()
    store.put(OfficialRecord(studies[0]), fetched_at=now)
    reg = online(store, fake_ctgov)
    assert reg.to_ask([nct]) == ([], []) and reg.lookup(nct).source == "store"
    store.put(OfficialRecord(junk_of(studies[0], kind)), fetched_at=now)   # (same date: only the content changed)
    assert reg.to_ask([nct]) == ([], [nct])   # (refreshed, so charged to the client's budget)
    assert reg.lookup(nct).source == "registry"   # (not served: ClinicalTrials.gov asked for today's record)


def test_junk_that_turns_usable_is_served(store, studies, fake_ctgov):
    nct, now = nct_of(studies[0]), utc_now()
    store.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=now)
    reg = Registry(store, None, ttl=timedelta(hours=24))   # (offline: the junk is never served)
    with pytest.raises(RegistryError):
        reg.lookup(nct)
    store.put(OfficialRecord(studies[0]), fetched_at=now)
    assert reg.lookup(nct).record.data["protocolSection"] == studies[0]["protocolSection"]
    asking = online(store, fake_ctgov)
    asking.verdicts = reg.verdicts
    assert asking.to_ask([nct]) == ([], []) and fake_ctgov.calls == 0


def test_another_workers_write_is_seen(store, studies, fake_ctgov):
    """Two workers, each its own connection and cache, one store file."""
    nct, now = nct_of(studies[0]), utc_now()
    store.put(OfficialRecord(studies[0]), fetched_at=now)
    reg = online(store, fake_ctgov)
    assert reg.to_ask([nct]) == ([], []) and reg.lookup(nct).source == "store"
    other = Store(store.path)
    try:
        other.put(OfficialRecord(junk_of(studies[0], "age")), fetched_at=now)
    finally:
        other.close()
    assert reg.to_ask([nct]) == ([], [nct])
    offline = Registry(store, None, ttl=timedelta(hours=24))
    offline.verdicts = reg.verdicts
    with pytest.raises(RegistryError, match="is not usable"):
        offline.lookup(nct)


def test_a_bundled_fixture_is_never_fresh_whatever_its_verdict(store, studies, fake_ctgov):
    nct = nct_of(studies[0])
    store.put(OfficialRecord(studies[0]), fetched_at=utc_now(), origin="fixture")
    reg = online(store, fake_ctgov)
    stored = store.get_stored(nct)
    assert reg.verdicts.of(stored.content_hash, stored.record.data) is None   # (judged usable)
    assert reg.to_ask([nct]) == ([], [nct])


def test_the_cache_is_bounded_and_keeps_the_recently_used():
    v = Verdicts(size=2)
    assert v.of("a", {}) == "no protocolSection" and v.of("b", {"x": 1}) == "no protocolSection"
    assert v.known("a") == "no protocolSection"   # (a used: b is the oldest now)
    v.of("c", [])
    assert v.known("b") is UNKNOWN and v.known("a") is not UNKNOWN and v.known("c") == "a JSON a list, expected an object"
    assert v.judged == 3
    assert v.of(None, []) == v.of("", []) and v.judged == 5   # (no hash: judged every time, remembered never)
