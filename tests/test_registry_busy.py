"""TrialLens's own limit of requests to ClinicalTrials.gov is its own reason, "busy", over real HTTP against the fake
registry (review r19 #2): it was reported as "unreachable" (stale_reason, the 503's type and title, the verdict's
note), though ClinicalTrials.gov was up and simply not asked. The API, its schema, the HTML page and `triallens check`
say so now."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import trial_page

from scrapers import registry as registry_module
from scrapers.official import OfficialRecord
from scrapers.registry import Registry
from server import create_app
from server.cli import main
from server.providers import Providers
from server.verdict_words import NOTES, UNASKED_BUSY, UNASKED_UNREACHABLE

OLD = "2025-11-02T10:00:00Z"   # a stored copy older than the TTL: asked about again


def busy_registry(store, server, first: str) -> Registry:
    """A registry whose own limit (one request a minute) is spent on `first`: the next trial is not asked."""
    client = fast_client(server.base_url, retries=0, rate_limit=1, rate_period=60, max_rate_wait=0.05)
    reg = Registry(store, client, ttl=timedelta(hours=24))
    assert reg.lookup(first).source == "registry"
    return reg


def app_client(reg):
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=Providers(registry=reg)).test_client()


def text_of(resp, id_: str) -> str:
    m = re.search(rf'(?s)<(\w+)[^>]*\bid="{id_}"[^>]*>(.*?)</\1>', resp.get_data(as_text=True))
    assert m, f"no #{id_}"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(2)))).strip()


def test_a_saved_copy_served_under_the_own_limit_says_busy(store, studies, fake_ctgov):
    stored = studies[1]
    store.put(OfficialRecord(stored), fetched_at=OLD)
    reg = busy_registry(store, fake_ctgov, nct_of(studies[0]))
    c = app_client(reg)
    calls = fake_ctgov.calls

    detail = c.get(f"/api/v1/trials/{nct_of(stored)}").get_json()
    assert detail["stale"] is True and detail["stale_reason"] == "busy"
    assert "TrialLens has asked ClinicalTrials.gov 1 time in the last 60 s" in detail["note"]
    badge = c.get(f"/api/v1/status?ids={nct_of(stored)}").get_json()["statuses"][nct_of(stored)]
    assert badge["stale_reason"] == "busy"
    drift = c.get(f"/api/v1/trials/{nct_of(stored)}/drift?status=Recruiting").get_json()
    assert drift["official"]["stale_reason"] == "busy"
    assert drift["drift"]["note"].startswith(UNASKED_BUSY) and UNASKED_UNREACHABLE not in drift["drift"]["note"]
    assert drift["drift"]["note_says_why"] is True
    assert fake_ctgov.calls == calls   # (ClinicalTrials.gov was not asked: TrialLens's own limit)
    spec = c.get("/openapi.json").get_json()
    assert "busy" in spec["components"]["schemas"]["Official"]["properties"]["stale_reason"]["enum"]

    # the HTML page: without a claim, the line about the copy says why in its own words
    page = c.get(f"/trials/{nct_of(stored)}")
    assert page.status_code == 200
    assert text_of(page, "fetched").endswith(
        "TrialLens has asked ClinicalTrials.gov too often in the last minute; try again in a minute.")


def test_no_copy_under_the_own_limit_is_a_busy_503_and_a_busy_note(store, studies, fake_ctgov):
    reg = busy_registry(store, fake_ctgov, nct_of(studies[0]))
    c = app_client(reg)
    unstored = nct_of(studies[2])

    resp = c.get(f"/api/v1/trials/{unstored}")
    body = resp.get_json()
    assert resp.status_code == 503 and body["type"] == "urn:triallens:problem:registry-busy"
    assert 1 <= int(resp.headers["Retry-After"]) <= 60

    ann = c.post("/api/v1/annotate", json={"url": f"https://trials.example.org/study/{unstored}",
                                           "html": trial_page(unstored)}).get_json()
    assert ann["official"] is None and ann["drift"]["reason"] == "official_unavailable"
    assert ann["drift"]["note"] == NOTES["official_busy"]   # (was "could not get this trial's record from …")
    claim = c.get(f"/api/v1/trials/{unstored}/drift?status=Recruiting").get_json()
    assert claim["drift"]["note"] == NOTES["official_busy"].replace(   # (a caller's claim is no page: review r24 (a))
        "nothing on this page was compared", "what was given was not compared")

    page = c.get(f"/trials/{unstored}")
    assert page.status_code == 503
    assert text_of(page, "error-title") == "TrialLens is busy"
    assert f'href="https://clinicaltrials.gov/study/{unstored}"' in page.get_data(as_text=True)


def test_check_says_busy_in_its_json_and_its_words(store, studies, fake_ctgov, tmp_path, monkeypatch, capsys):
    stored = studies[1]
    store.put(OfficialRecord(stored), fetched_at=OLD)
    reg = busy_registry(store, fake_ctgov, nct_of(studies[0]))
    monkeypatch.setattr(registry_module, "default_registry", lambda: reg)
    page = tmp_path / "page.html"
    page.write_text(trial_page(nct_of(stored)), encoding="utf-8")
    url = f"https://trials.example.org/study/{nct_of(stored)}"

    assert main(["check", str(page), "--url", url, "--json", "--today", "2026-01-10"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["official"]["stale_reason"] == "busy" and data["drift"]["note"].startswith(UNASKED_BUSY)
    assert main(["check", str(page), "--url", url, "--today", "2026-01-10"]) == 0
    out = capsys.readouterr().out
    assert UNASKED_BUSY in out and UNASKED_UNREACHABLE not in out
