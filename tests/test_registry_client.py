"""CtgovClient over real HTTP against the fake CT.gov server (no mocking of requests)."""

import pytest

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies, variant  # noqa: F401  (fixtures)
from scrapers.errors import (BadRequest, InvalidNctId, MalformedResponse, RecordNotFound, RegistryError, RegistryUnavailable,
                             StudyNotFound)
from scrapers.registry.client import last_update_filter
from scrapers.registry.pacing import RateLimiter, parse_retry_after


class Sleeps(list):
    """Records the waits the client asks for (and skips them, keeping tests fast)."""

    def __call__(self, seconds):
        self.append(seconds)


def test_get_study_normalizes_id_and_identifies_itself(fake_ctgov, studies):
    nct = nct_of(studies[3])
    got = fast_client(fake_ctgov.base_url).get_study(nct.lower())
    assert got.record.nct_id == nct and got.alias is None
    assert got.record.data == studies[3]
    assert fake_ctgov.requests[-1].path == f"/api/v2/studies/{nct}"
    assert fake_ctgov.user_agents[-1].startswith("TrialLens/")


def test_invalid_id_never_reaches_the_network(fake_ctgov):
    with pytest.raises(InvalidNctId):
        fast_client(fake_ctgov.base_url).get_study("NCT123")
    assert fake_ctgov.calls == 0


def test_404_is_study_not_found_without_retries(fake_ctgov):
    client = fast_client(fake_ctgov.base_url)
    with pytest.raises(StudyNotFound) as err:
        client.get_study("NCT09999999")
    assert isinstance(err.value, RecordNotFound)
    assert fake_ctgov.calls == 1


def test_429_honours_retry_after(fake_ctgov, studies):
    sleeps = Sleeps()
    fake_ctgov.faults.extend(["429:7"])
    got = fast_client(fake_ctgov.base_url, sleep=sleeps).get_study(nct_of(studies[0]))
    assert got.record.nct_id == nct_of(studies[0])
    assert sleeps == [7.0]  # exactly what the server asked, not our own backoff
    assert fake_ctgov.calls == 2


def test_retry_after_beyond_the_cap_gives_up_at_once(fake_ctgov, studies):
    fake_ctgov.faults.extend(["429:3600"])
    with pytest.raises(RegistryUnavailable, match="3600"):
        fast_client(fake_ctgov.base_url, max_retry_after=60, sleep=Sleeps()).get_study(nct_of(studies[0]))
    assert fake_ctgov.calls == 1


def test_5xx_retried_with_exponential_backoff(fake_ctgov, studies):
    sleeps = Sleeps()
    fake_ctgov.faults.extend(["500", "503"])
    client = fast_client(fake_ctgov.base_url, retries=3, backoff=1.0, max_backoff=100, sleep=sleeps)
    assert client.get_study(nct_of(studies[1])).record.nct_id == nct_of(studies[1])
    assert fake_ctgov.calls == 3
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0  # base * 2**attempt, with jitter


def test_persistent_5xx_is_registry_unavailable(fake_ctgov, studies):
    fake_ctgov.faults.extend(["500"] * 10)
    with pytest.raises(RegistryUnavailable, match="HTTP 500"):
        fast_client(fake_ctgov.base_url, retries=2).get_study(nct_of(studies[0]))
    assert fake_ctgov.calls == 3


def test_slow_answer_times_out_and_is_retried(fake_ctgov, studies):
    fake_ctgov.faults.extend(["slow:1.0", "slow:1.0"])
    client = fast_client(fake_ctgov.base_url, retries=2, timeout=(1.0, 0.2))
    assert client.get_study(nct_of(studies[0])).record.nct_id == nct_of(studies[0])  # third try answers in time
    assert fake_ctgov.calls == 3
    fake_ctgov.faults.extend(["slow:1.0"] * 3)
    with pytest.raises(RegistryUnavailable, match="no answer within"):
        client.get_study(nct_of(studies[0]))


@pytest.mark.parametrize("fault", ["truncated", "garbage", "deep"])
def test_malformed_json_is_a_typed_error(fake_ctgov, studies, fault):
    fake_ctgov.faults.extend([fault] * 3)
    with pytest.raises(MalformedResponse, match="not valid JSON"):
        fast_client(fake_ctgov.base_url, retries=2).get_study(nct_of(studies[0]))
    assert fake_ctgov.calls == 3


def test_truncated_once_then_whole_is_accepted(fake_ctgov, studies):
    fake_ctgov.faults.extend(["truncated"])
    assert fast_client(fake_ctgov.base_url).get_study(nct_of(studies[2])).record.data == studies[2]


def test_a_different_study_than_asked_is_rejected(fake_ctgov, studies):
    fake_ctgov.faults.extend(["wrong_study"])
    with pytest.raises(MalformedResponse, match="got NCT"):
        fast_client(fake_ctgov.base_url).get_study(nct_of(studies[0]))


def test_alias_redirect_is_followed_and_recorded(fake_ctgov, studies):
    current = nct_of(studies[4])
    fake_ctgov.aliases["NCT00000001"] = current
    got = fast_client(fake_ctgov.base_url).get_study("NCT00000001")
    assert got.record.nct_id == current
    assert got.alias == "NCT00000001" and got.redirected
    assert [r.path for r in fake_ctgov.requests[-2:]] == ["/api/v2/studies/NCT00000001", f"/api/v2/studies/{current}"]


def test_connection_refused_is_registry_unavailable(fake_ctgov, studies):
    url = fake_ctgov.base_url
    fake_ctgov.stop()
    with pytest.raises(RegistryUnavailable, match="cannot connect"):
        fast_client(url, retries=1).get_study(nct_of(studies[0]))


def test_search_pages_with_tokens_fields_and_filter(fake_ctgov, studies):
    client = fast_client(fake_ctgov.base_url)
    pages = list(client.iter_pages(page_size=7, filter_advanced=last_update_filter("2000-01-01")))
    got = [r.nct_id for page, _ in pages for r in page.records]
    assert got == sorted(nct_of(s) for s in studies)
    assert len(pages) == -(-len(studies) // 7)
    assert pages[0][0].total_count == len(studies) and pages[0][1] is None and pages[1][1]
    first = fake_ctgov.requests[-len(pages)]
    assert first.args["pageSize"] == "7" and first.args["countTotal"] == "true"
    assert first.args["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2000-01-01,MAX]"
    assert "pageToken" in fake_ctgov.requests[-1].args

    newest = max(s["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] for s in studies)
    page = client.search(filter_advanced=last_update_filter(newest), query={"term": ""}, fields=["NCTId"])
    assert page.records and all(r.last_update_posted >= newest for r in page.records)
    assert fake_ctgov.requests[-1].args["fields"] == "NCTId"


def test_page_size_is_capped_and_bad_token_is_bad_request(fake_ctgov):
    client = fast_client(fake_ctgov.base_url)
    client.search(page_size=5000)
    assert fake_ctgov.requests[-1].args["pageSize"] == "1000"
    with pytest.raises(BadRequest):
        client.search(page_token="not-a-token!")


def test_search_errors_are_typed(fake_ctgov):
    fake_ctgov.faults.extend(["404"])
    with pytest.raises(RegistryError, match="HTTP 404"):
        fast_client(fake_ctgov.base_url).search()
    fake_ctgov.faults.extend(["truncated"] * 3)
    with pytest.raises(MalformedResponse):
        fast_client(fake_ctgov.base_url).search()


def test_rate_limiter_waits_for_a_free_slot():
    now = [0.0]
    waits = []

    def sleep(s):
        waits.append(s)
        now[0] += s

    limiter = RateLimiter(3, 10.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        assert limiter.acquire() == 0
    now[0] = 4.0
    assert limiter.acquire() == pytest.approx(6.0)  # the oldest call leaves the window at t=10
    assert waits == [pytest.approx(6.0)]


def test_retry_after_forms():
    from datetime import datetime, timezone

    assert parse_retry_after("12") == 12.0
    now = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("Thu, 01 Jan 2026 00:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_rate_limiter_refuses_a_wait_longer_than_allowed():
    from scrapers.errors import RateLimited

    now = [0.0]
    limiter = RateLimiter(2, 60.0, clock=lambda: now[0], sleep=lambda s: None)
    limiter.acquire(max_wait=5)
    limiter.acquire(max_wait=5)
    # (TrialLens's own pace, said as such, with the wait: not ClinicalTrials.gov failing; review r19 #2)
    with pytest.raises(RateLimited, match=r"^TrialLens has asked ClinicalTrials.gov 2 times in the last 60 s, its own "
                                          r"limit; try again in 60 s$") as caught:
        limiter.acquire(max_wait=5)
    assert caught.value.retry_after == 60.0 and "by TrialLens, its own limit" in caught.value.reason


def test_client_keeps_to_its_rate_limit(fake_ctgov, studies):
    from scrapers.errors import RateLimited

    # (no retries and a roomy read timeout: under load a slow answer was retried, and the retry used up a slot)
    client = fast_client(fake_ctgov.base_url, rate_limit=3, rate_period=60, max_rate_wait=0.5, timeout=(5.0, 5.0),
                         retries=0)
    for s in studies[:3]:
        client.get_study(nct_of(s))
    with pytest.raises(RateLimited):
        client.get_study(nct_of(studies[3]))
    assert fake_ctgov.calls == 3  # the fourth request was never sent


@pytest.mark.parametrize("url", ["garbage", "ftp://127.0.0.1/api/v2", "http:///api/v2", "https://x/api?x=1"])
def test_a_base_url_that_is_no_http_address_is_bad_input_at_once(url):
    """It was a connection error retried three times and reported as ClinicalTrials.gov down."""
    from scrapers.errors import BadInput
    from scrapers.registry.client import CtgovClient

    with pytest.raises(BadInput, match="must be an http"):
        CtgovClient(url)
    assert CtgovClient("http://127.0.0.1:9/api/v2/").base_url == "http://127.0.0.1:9/api/v2"
