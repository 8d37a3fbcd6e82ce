"""In Chromium, with the extension as it ships: once this browser's lookup budget (1 an hour) is used, a listing's
badges served from TrialLens's saved copies say when they will be checked again ("Try again in about an hour", the
card's words, from the badge's retry_after), in their tooltip and in the note a key press opens; they said only
"TrialLens's saved copy from …"."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import os
import subprocess
from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures by name)
    CHROMIUM, EXT, ROOT, _service_command, browser, fresh_artifacts, requests, service, shot, sync_api, wait_settled,
)
from test_svc14_wait_browser import SPENT, budget_service  # noqa: F401  (the budget of 1 an hour, a fixture)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")

WAIT = "Try again in about an hour"
OLD = ["NCT06495437", "NCT07041801"]   # (bundled records, listed in place of two the service holds no copy of)


def save_old_copies(service) -> None:
    """Copies of OLD saved long ago (2 Jan 2025) in the running service's store, as an operator ingests them."""
    env = {**os.environ, "TRIALLENS_DB": str(Path(service.log).parent / "store.sqlite3")}
    paths = [str(SAVED_COPIES / f"{nct}.json") for nct in OLD]
    run = subprocess.run(_service_command() + ["ingest", *paths, "--fetched-at", "2025-01-02"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_listing_badges_past_the_budget_say_when_they_will_be_checked(browser, budget_service):
    save_old_copies(budget_service)
    # (this test's requests and the browser's come from 127.0.0.1: one client, one budget)
    assert requests.get(f"{budget_service.url}/api/v1/trials/{SPENT}", timeout=30).json()["stale"] is False
    browser.set_service_url(budget_service.url)
    try:
        listing = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
        for unstored, old in zip(["NCT02580019", "NCT04434768"], OLD):
            listing = listing.replace(unstored, old)
        page = browser.open("https://meddatax.com/clinical-trials?condition=stroke", listing)
        try:
            assert wait_settled(page) == "badged"
            badges = page.locator("triallens-badge")
            ids = [badges.nth(i).get_attribute("data-nct") for i in range(badges.count())]
            answer = requests.get(f"{budget_service.url}/api/v1/status", params={"ids": ",".join(ids)},
                                  timeout=30).json()
            said, unchecked = answer["statuses"], answer.get("waits", {})
            # the saved copies served past the budget, each with its wait; an overdue question ("? May have opened")
            # too, after its caveat (review r56 F2: it says the record's status, so when it is checked again too)
            budget = [n for n in ids if said[n] and said[n]["stale_reason"] == "budget"]
            waiting = [n for n in budget if not said[n]["overdue"]]
            assert waiting and all(3500 < said[n]["retry_after"] <= 3600 for n in waiting), said
            for i, nct in enumerate(ids):
                title = badges.nth(i).locator("button.badge").get_attribute("title")
                # (an id the budget left with no status says when too: svc16's per-id waits)
                assert title.endswith(WAIT) == (nct in budget or nct in unchecked), (nct, title)
            first = badges.nth(ids.index(waiting[0]))
            first.locator("button.badge").focus()
            page.keyboard.press("Enter")
            explain = first.locator(".explain")
            sync_api.expect(explain).to_be_visible()
            assert "(TrialLens's saved copy from " in explain.text_content()
            assert explain.text_content().endswith(f"). {WAIT}."), explain.text_content()
            shot(page, "svc15-listing-budget")
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)
