"""Listing pages, end to end in Debian's Chromium: a status badge beside each NCT id, marked "TrialLens", from one
batched status request, with what it means shown by keyboard too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures: pytest finds them by their names here)
    CHROMIUM, EXT, SEED, browser, fresh_artifacts, requests, service, shot, sync_api, wait_settled,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def test_listing_page_gets_badges_from_one_status_request(browser):
    url = "https://meddatax.com/clinical-trials?condition=stroke"
    html = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
    before = browser.service.requests_logged("GET /api/v1/status")
    page = browser.open(url, html)
    try:
        assert wait_settled(page) == "badged"
        badges = page.locator("triallens-badge")
        ids = [badges.nth(i).get_attribute("data-nct") for i in range(badges.count())]
        assert ids == [SEED, "NCT02580019", "NCT04434768", "NCT05697718", "NCT04097652", "NCT06997939"]
        assert browser.service.requests_logged("GET /api/v1/status") == before + 1, "one batched request per page view"
        expected = requests.get(f"{browser.service.url}/api/v1/status", params={"ids": ",".join(ids)}, timeout=10).json()
        for i, nct in enumerate(ids):
            span = badges.nth(i).locator(".badge")
            text = span.locator(".shown").text_content()
            entry = expected["statuses"][nct]
            if entry is not None and entry["overdue"] == "start":
                # the seed's record is past its planned start while "not yet recruiting": a question, as on its card
                want = "? May have opened"
            elif entry is not None:
                # offline, the status is TrialLens's saved copy: the badge says from when
                want = "Not yet recruiting (as of Nov 2025)" if entry["stale"] else "Not yet recruiting"
            else:   # offline service: a trial it could not ask about is "? Not checked", never "Not found"
                want = {"not_found": "Not found", "not_checked": "? Not checked"}[expected["missing"][nct]]
            assert text == want, (nct, text)
            # not a status: a dashed outline, unlike any status badge
            style = span.evaluate("el => getComputedStyle(el).borderTopStyle")
            assert style == ("dashed" if want.startswith("?") else "solid"), (nct, style)
        assert expected["statuses"][SEED]["overdue"] == "start"
        assert page.locator("triallens-card").count() == 0
        # "Also registered as NCT06997939: Autologous …": the badge sits straight after the id, not after the title
        around = page.evaluate("""() => { const b = document.querySelector('triallens-badge[data-nct=NCT06997939]');
            return [b.previousSibling.textContent, b.nextSibling.textContent]; }""")
        assert around[0].endswith("Also registered as NCT06997939") and around[1].startswith(": Autologous"), around
        assert min(badges.nth(i).locator(".badge").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
                   for i in range(badges.count())) >= 13
        # whose label it is, drawn; and what it means, by keyboard (and a tap), not only a mouse's tooltip (r26 #7)
        first = badges.nth(0)
        assert first.locator(".mark").text_content() == "TrialLens"
        explain = first.locator(".explain")
        sync_api.expect(explain).to_be_hidden()
        first.locator("button.badge").focus()
        page.keyboard.press("Enter")
        sync_api.expect(explain).to_be_visible()
        assert explain.text_content().startswith(f"TrialLens: {SEED}: "), explain.text_content()
        shot(page, "listing")
    finally:
        page.close()
