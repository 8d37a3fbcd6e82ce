"""In Chromium, with the extension as it ships: once this browser's lookup budget (1 an hour) is used, a listing's
"? Not checked" badges for trials TrialLens holds no copy of say why and when they can be checked ("As many trials
have been looked up from here as TrialLens allows for now. Try again in about an hour", from each id's own wait in
/status's `waits`), in their tooltip and in the note a key press opens; they said only "could not be checked against
ClinicalTrials.gov just now"."""

from __future__ import annotations

from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures by name)
    CHROMIUM, EXT, SEED, browser, fresh_artifacts, requests, service, shot, sync_api, wait_settled,
)
from test_svc14_wait_browser import SPENT, budget_service  # noqa: F401  (the budget of 1 an hour, a fixture)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")

WAIT = "Try again in about an hour"
WHY = "not checked against ClinicalTrials.gov. As many trials have been looked up from here as TrialLens allows for now."


def test_unchecked_listing_badges_past_the_budget_say_when_they_can_be_checked(browser, budget_service):
    # (this test's requests and the browser's come from 127.0.0.1: one client, one budget)
    assert requests.get(f"{budget_service.url}/api/v1/trials/{SPENT}", timeout=30).json()["stale"] is False
    browser.set_service_url(budget_service.url)
    try:
        listing = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
        page = browser.open("https://meddatax.com/clinical-trials?condition=stroke", listing)
        try:
            assert wait_settled(page) == "badged"
            badges = page.locator("triallens-badge")
            ids = [badges.nth(i).get_attribute("data-nct") for i in range(badges.count())]
            body = requests.get(f"{budget_service.url}/api/v1/status", params={"ids": ",".join(ids)}, timeout=30).json()
            waits = body.get("waits", {})
            # the trials the store holds no copy of, each with its wait; the seed's stale copy is served (svc15)
            assert waits and SEED not in waits and all(3500 < s <= 3600 for s in waits.values()), body
            assert set(waits) == {n for n in ids if body["missing"].get(n) == "not_checked"}, body
            for i, nct in enumerate(ids):
                button = badges.nth(i).locator("button.badge")
                title = button.get_attribute("title")
                if nct in waits:
                    assert title == f"TrialLens: {nct}: {WHY} {WAIT}", title
                    assert button.locator(".shown").text_content() == "? Not checked"
                else:
                    assert WHY not in title, (nct, title)
            first = badges.nth(ids.index(next(iter(waits))))
            first.locator("button.badge").focus()
            page.keyboard.press("Enter")
            explain = first.locator(".explain")
            sync_api.expect(explain).to_be_visible()
            assert explain.text_content().endswith(f"{WHY} {WAIT}."), explain.text_content()
            shot(page, "svc16-listing-unchecked-budget")
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)
