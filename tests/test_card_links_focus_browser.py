"""The card's "Read it all in a full tab" link and a listing's "Try again", in Debian's Chromium with the unpacked Chrome
package and the real service (walk-through r26 T7 and its listing note).

- The criteria's link opens the service's own page for the trial, GET {service}/trials/{id}, in a new tab.
- A listing whose statuses could not be asked for gets one note with "Try again"; once asking again works, the badges
  come and the keyboard is on the first of them, not nowhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")

from test_extension_e2e import (  # noqa: E402,F401  (the extension's browser and service fixtures)
    CHROMIUM, EXT, SEED, SEED_PAGE, _free_port, browser, fixture_url, service, show_card, wait_settled,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def test_the_criteria_link_the_service_s_page_for_the_trial_in_a_new_tab(browser):
    page = browser.open(fixture_url(SEED_PAGE) + "?full-tab", SEED_PAGE.read_text(encoding="utf-8"))
    try:
        show_card(page)
        page.locator("triallens-card details.criteria > summary").click()
        link = page.locator("triallens-card a.full-tab")
        sync_api.expect(link).to_be_visible()
        assert link.text_content() == "Read it all in a full tab"
        assert link.get_attribute("href") == f"{browser.service.url}/trials/{SEED}"
        assert link.bounding_box()["height"] >= 24, "a target the size of a fingertip's least"
        with page.context.expect_page() as opened:
            link.click()
        tab = opened.value
        try:
            tab.wait_for_load_state()
            assert tab.url == f"{browser.service.url}/trials/{SEED}"
            assert SEED in tab.content(), "the service's page for this trial"
        finally:
            tab.close()
    finally:
        page.close()


def test_try_again_on_a_listing_s_note_puts_focus_on_the_first_badge(browser):
    url = "https://meddatax.com/clinical-trials?condition=stroke&retry-focus"
    html = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
    browser.set_service_url(f"http://127.0.0.1:{_free_port()}")   # nothing listens there
    try:
        page = browser.open(url, html)
        assert wait_settled(page) == "unreachable"
    finally:
        browser.set_service_url(browser.service.url)
    try:
        show_card(page)
        page.locator("triallens-card button.retry").click()
        page.wait_for_function("() => document.documentElement.dataset.triallensState === 'badged'", timeout=20000)
        sync_api.expect(page.locator("triallens-card")).to_have_count(0)
        focused = page.evaluate("""() => { const a = document.activeElement;
            return a && a.localName === 'triallens-badge' ? [a.dataset.nct, a.shadowRoot.activeElement.localName] : null; }""")
        assert focused == [page.locator("triallens-badge").first.get_attribute("data-nct"), "button"], focused
        page.keyboard.press("Enter")   # the badge's own disclosure: what it means
        assert page.locator("triallens-badge").first.locator(".explain").is_visible()
    finally:
        page.close()
