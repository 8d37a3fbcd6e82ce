"""The card when the service cannot say, end to end in Debian's Chromium: a wrong address (404), a trial the offline
service cannot check or ClinicalTrials.gov does not have, a service that needs an API key, one that cannot be reached
(then "Try again"), none set (as on Firefox for Android with no address saved); and the options page (opened at
install, setting the service, switching a site off).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures: pytest finds them by their names here)
    ARTIFACTS, CHROMIUM, EXT, SEED, SEED_PAGE, _free_port, _serve, browser, card_text, expanded, fixture_url,
    fresh_artifacts, headline, icon, online_service, options_url, requests, service, shot, show_card, sync_api,
    wait_settled,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def test_a_404_from_the_service_address_is_a_set_up_failure_not_an_unknown_trial(browser):
    """Review round 11e §2: a path typed after the address (or another server on the port) answers 404 to every
    request; that said "Trial not found on ClinicalTrials.gov" for a real trial. Only the service's own
    unknown-trial problem means that; this is "TrialLens isn't working right now", with the official record."""
    browser.set_service_url(browser.service.url + "/wrong")
    try:
        page = browser.open("https://meddatax.com/clinical-trials/NCT07232563?wrong-path", SEED_PAGE.read_text(encoding="utf-8"))
        try:
            assert wait_settled(page) == "unreachable"
            assert headline(page) == "TrialLens isn't working right now"
            assert icon(page) == "?"
            show_card(page)
            assert page.locator("triallens-card .next-steps a").get_attribute("href") == f"https://clinicaltrials.gov/study/{SEED}"
            assert page.locator("triallens-card button.retry").count() == 1
            assert "not found" not in page.locator("triallens-card").inner_text().lower()
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)


def test_unknown_trial_and_client_side_navigation(browser):
    url = fixture_url(SEED_PAGE)
    page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"))
    try:
        assert headline(page) == "This trial may have opened: check ClinicalTrials.gov"   # (the saved copy is overdue)
        # A single-page site swaps content and pushes a new URL: the card follows.
        page.evaluate("""() => {
            history.pushState({}, '', '/clinical-trials/NCT02580019');
            document.querySelector('h1').textContent = 'Umbilical Cord Derived Mesenchymal Stem Cells Treatment in Ischemic Stroke';
            for (const div of document.querySelectorAll('div')) if (div.textContent === 'NCT ID: NCT07232563') div.textContent = 'NCT ID: NCT02580019';
        }""")
        # The offline service has no record of NCT02580019 and could not ask ClinicalTrials.gov:
        # the card says it could not check, never that the trial does not exist.
        deadline = time.monotonic() + 20
        while headline(page) != "Could not check this page" and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert headline(page) == "Could not check this page"
        assert icon(page) == "?"
        card_text = page.evaluate("() => document.querySelector('triallens-card').shadowRoot.textContent")
        assert "NCT02580019" in card_text and "not found" not in card_text.lower()
        assert not expanded(page)   # a '?' card: its headline only, until the reader opens it
        show_card(page)
        # Why first, then the next step: the official record. No "Try again": this service works offline and never
        # asks, so asking again gives the same answer (reason not_asked; "Try again" is clicked in the unreachable test).
        order = page.evaluate("""() => [...document.querySelector('triallens-card').shadowRoot
            .querySelector('.body').children].map(el => el.className)""")
        assert order[:3] == ["verdict-note", "actions next-steps", "muted who"], order
        first = page.locator("triallens-card .next-steps")
        assert first.locator("a").get_attribute("href") == "https://clinicaltrials.gov/study/NCT02580019"
        assert first.locator("a").text_content() == "Official record on ClinicalTrials.gov"
        assert first.locator("a").is_visible()
        assert page.locator("triallens-card footer a").count() == 0, "the record's link once, not again in the footer"
        assert first.locator("button.retry").count() == 0
        shot(page, "unknown-after-navigation")
    finally:
        page.close()


def test_client_side_navigation_that_draws_the_new_trial_later(browser):
    """Review r60 #1: a single-page site pushes the new trial's address first and draws it when its data arrives. The
    card read the page once, 400 ms on, and kept the last trial's verdict on the new trial's page for good. Now the
    answer about the trial still drawn is not shown (a neutral "checking" card), and the page is checked again once it
    shows the new trial."""
    url = fixture_url(SEED_PAGE)
    page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"))
    try:
        assert headline(page) == "This trial may have opened: check ClinicalTrials.gov"
        page.evaluate("""() => {
            history.pushState({}, '', '/clinical-trials/NCT02580019');
            document.body.append(document.createElement('progress'));   // the router's progress bar: nothing drawn yet
        }""")
        deadline = time.monotonic() + 20
        state = lambda: page.evaluate("() => document.documentElement.getAttribute('data-triallens-state')")  # noqa: E731
        while state() != "settling" and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert state() == "settling"   # the service answered about NCT07232563, whose HTML the page still holds
        assert headline(page) == "Checking with ClinicalTrials.gov\u2026"
        assert SEED not in page.evaluate("() => document.querySelector('triallens-card').shadowRoot.textContent")
        page.evaluate("""() => {
            document.querySelector('h1').textContent = 'Umbilical Cord Derived Mesenchymal Stem Cells Treatment in Ischemic Stroke';
            for (const div of document.querySelectorAll('div')) if (div.textContent === 'NCT ID: NCT07232563') div.textContent = 'NCT ID: NCT02580019';
        }""")
        while headline(page) != "Could not check this page" and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert headline(page) == "Could not check this page"
        card = page.evaluate("() => document.querySelector('triallens-card').shadowRoot.textContent")
        assert "NCT02580019" in card and SEED not in card
    finally:
        page.close()


def test_trial_the_registry_does_not_have(browser, online_service):
    """Online, ClinicalTrials.gov's own 404 is the one answer that says "not found": on the
    card (no retry: asking again changes nothing) and on a listing badge."""
    unknown = "NCT09999991"
    html = SEED_PAGE.read_text(encoding="utf-8").replace(SEED, unknown)
    browser.set_service_url(online_service.url)
    try:
        assert online_service.annotate(f"https://meddatax.com/clinical-trials/{unknown}", html).status_code == 404
        page = browser.open(f"https://meddatax.com/clinical-trials/{unknown}", html)
        try:
            assert headline(page) == "Trial not found on ClinicalTrials.gov"
            assert icon(page) == "!"   # the page shows a number ClinicalTrials.gov does not know
            detail = page.locator("triallens-card .detail").text_content()
            assert f"ClinicalTrials.gov has no record of {unknown}, the trial number this page shows" in detail
            assert page.locator("triallens-card button.retry").count() == 0
            shot(page, "unknown-trial-online")
        finally:
            page.close()
        listing = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8").replace("NCT02580019", unknown)
        page = browser.open("https://meddatax.com/clinical-trials?condition=stroke", listing)
        try:
            assert wait_settled(page) == "badged"
            badge = page.locator(f"triallens-badge[data-nct={unknown}] span.shown")
            assert badge.text_content() == "Not found"
            # fresh from the fake registry (no "as of" date), but the record itself is past its planned start
            assert page.locator(f"triallens-badge[data-nct={SEED}] span.shown").text_content() == "? May have opened"
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)


@pytest.fixture(scope="module")
def keyed_service(tmp_path_factory):
    """The service as someone runs it for others: API keys required on /api/v1."""
    yield from _serve(tmp_path_factory.mktemp("keyed"), TRIALLENS_OFFLINE="1", TRIALLENS_API_KEYS="e2e-key-1")


def test_a_service_that_needs_an_api_key(browser, keyed_service):
    """Without a key the card says one is needed and offers the options; the key entered there goes
    with every request, and the same page is then checked."""
    ext_id = browser.worker.url.split("/")[2]
    browser.set_service_url(keyed_service.url)
    url = "https://meddatax.com/clinical-trials/NCT07232563?keyed"
    options = browser.context.new_page()
    try:
        page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"))
        try:
            assert wait_settled(page) == "unauthorized"
            assert "needs an API key" in page.locator("triallens-card .detail").text_content()
            show_card(page)
            assert page.locator("triallens-card button.options").is_visible()
        finally:
            page.close()
        options.goto(options_url(ext_id))
        sync_api.expect(options.locator("#service-url")).to_have_value(keyed_service.url)
        options.fill("#api-key", "e2e-key-1")
        options.click("button[type=submit]")
        sync_api.expect(options.locator("#service-msg")).to_contain_text("with your API key")
        options.click("#test")
        sync_api.expect(options.locator("#service-msg")).to_contain_text("Connected \u2014 TrialLens can check pages on")
        page = browser.open(url + "&again", SEED_PAGE.read_text(encoding="utf-8"))
        try:
            assert wait_settled(page) == "annotated"
        finally:
            page.close()
    finally:
        options.close()
        browser.worker.evaluate("() => chrome.storage.local.remove('apiKey')")
        browser.set_service_url(browser.service.url)


def test_unreachable_service_then_retry(browser):
    closed = f"http://127.0.0.1:{_free_port()}"
    browser.set_service_url(closed)
    try:
        url = "https://meddatax.com/clinical-trials/NCT07232563?unreachable"
        page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"))
        assert wait_settled(page) == "unreachable"
        assert headline(page) == "TrialLens isn't working right now"
        assert icon(page) == "?"   # nothing was checked: not "!", which says the page has a problem
        assert not expanded(page)
        shot(page, "unreachable-collapsed")
        show_card(page)
        # a plain sentence first, the page's official record meanwhile, the address only behind a disclosure
        assert page.locator("triallens-card .detail").text_content() == \
            "Nothing on this page was checked. Try again in a moment, or read the official record."
        assert page.locator("triallens-card .next-steps a").get_attribute("href") == f"https://clinicaltrials.gov/study/{SEED}"
        technical = page.locator("triallens-card details.technical")
        assert technical.locator("summary").text_content() == "Details for whoever set up TrialLens"
        assert not technical.locator("p").is_visible()
        assert closed not in page.locator("triallens-card .body").inner_text()
        assert page.locator("triallens-card button.options").is_visible()
        shot(page, "unreachable")
        technical.locator("summary").click()
        assert closed in technical.locator("p").inner_text()
        shot(page, "unreachable-details")
    finally:
        browser.set_service_url(browser.service.url)
    try:
        page.locator("triallens-card button.retry").click()
        page.wait_for_function("() => document.documentElement.dataset.triallensState === 'annotated'", timeout=20000)
        assert headline(page) == "This trial may have opened: check ClinicalTrials.gov"   # (the saved copy is overdue)
    finally:
        page.close()


def test_the_options_open_at_first_install_and_are_out_of_the_tests_way(browser):
    """At its first install the extension opens its options (r26 #13: out of the box a reader has no service); the
    fixture sends that tab away, so no test picks it for its own."""
    ext_id = browser.worker.url.split("/")[2]
    assert browser.install_tab == options_url(ext_id)
    assert not any(t.url.startswith(f"chrome-extension://{ext_id}/") for t in browser.context.pages)


def test_options_page_sets_the_service_and_switches_a_site_off(browser):
    ext_id = browser.worker.url.split("/")[2]
    options = browser.context.new_page()
    try:
        options.goto(options_url(ext_id))
        sync_api.expect(options.locator("#service-url")).to_have_value(browser.service.url)
        assert "nothing else leaves your browser" in options.locator("body").text_content().lower().replace(":", "")
        options.fill("#service-url", "javascript:alert(1)")
        options.click("button[type=submit]")
        sync_api.expect(options.locator("#service-msg")).to_contain_text("not a web address")
        options.fill("#service-url", browser.service.url + "/")
        options.click("button[type=submit]")
        options.wait_for_function("() => document.querySelector('#service-msg').textContent.startsWith('Saved')")
        options.click("#test")
        sites = len(requests.get(f"{browser.service.url}/api/v1/sites", timeout=10).json()["hosts"])
        sync_api.expect(options.locator("#service-msg")).to_have_text(f"Connected \u2014 TrialLens can check pages on {sites} sites.")
        sync_api.expect(options.locator("#service-url")).to_have_value(browser.service.url)   # the address, in its field
        # the key field is as wide as the address field
        assert options.locator("#api-key").bounding_box()["width"] == options.locator("#service-url").bounding_box()["width"]
        # command lines and variables only behind "For technical set-up"
        technical = options.locator("details#technical")
        assert technical.locator("summary").text_content() == "For technical set-up"
        for code in ("triallens serve --port 5000", "TRIALLENS_API_KEYS"):
            assert options.locator(f"code:text-is('{code}')").count() == 1
            assert not options.locator(f"code:text-is('{code}')").is_visible()
            assert options.locator(f"details#technical code:text-is('{code}')").count() == 1
        options.screenshot(path=str(ARTIFACTS / "chromium-options-closed.png"), full_page=True)
        technical.locator("summary").click()
        assert options.locator("code:text-is('triallens serve --port 5000')").is_visible()
        box = options.locator("#site-meddatax-com")
        sync_api.expect(box).to_be_checked()
        box.uncheck()
        options.wait_for_timeout(100)
        options.screenshot(path=str(ARTIFACTS / "chromium-options.png"), full_page=True)
        page = browser.open("https://meddatax.com/clinical-trials/NCT07232563?off", SEED_PAGE.read_text(encoding="utf-8"))
        try:
            assert wait_settled(page) == "disabled"
            assert page.locator("triallens-card").count() == 0
        finally:
            page.close()
    finally:
        browser.worker.evaluate("() => chrome.storage.local.remove('disabledSites')")
        options.close()


ANDROID = """() => {   // (what the extension asks to know it runs on Firefox for Android; the browser's own kept to put back)
    globalThis.realPlatformInfo = globalThis.realPlatformInfo || chrome.runtime.getPlatformInfo;
    chrome.runtime.getPlatformInfo = async () => ({os: 'android', arch: 'arm64', nacl_arch: 'arm'});
}"""


def test_as_on_firefox_for_android_with_no_address_saved_no_service_is_set(browser):
    """On Firefox for Android 127.0.0.1 is the phone itself: with no address saved the extension asks nothing there,
    the card says no service is set and opens the options, whose address field is empty under a prompt; once an
    address is saved there, the page is checked. Android simulated in Chromium: runtime.getPlatformInfo says
    "android" in the worker and in the options page. On desktop, nothing saved is still http://127.0.0.1:5000."""
    ext_id = browser.worker.url.split("/")[2]
    browser.worker.evaluate(ANDROID)
    browser.worker.evaluate("() => chrome.storage.local.remove('serviceUrl')")
    page = options = None
    try:
        page = browser.open("https://meddatax.com/clinical-trials/NCT07232563?no-service", SEED_PAGE.read_text(encoding="utf-8"))
        assert wait_settled(page) == "no_service"
        assert headline(page) == "No TrialLens service is set"
        assert icon(page) == "?"
        show_card(page)
        assert page.locator("triallens-card .detail").text_content().startswith(
            "Nothing on this page was checked: TrialLens needs a TrialLens service on a computer this phone can reach")
        assert page.locator("triallens-card button.retry").count() == 0
        with browser.context.expect_page() as opened:
            page.locator("triallens-card button.options").click()
        opened.value.wait_for_load_state()
        assert opened.value.url == options_url(ext_id)
        opened.value.close()
        options = browser.context.new_page()
        options.add_init_script(f"({ANDROID})()")
        options.goto(options_url(ext_id))
        sync_api.expect(options.locator("#service-unset")).to_be_visible()
        sync_api.expect(options.locator("#service-url")).to_have_value("")
        assert options.locator("#reset").is_hidden()
        options.fill("#service-url", browser.service.url)
        options.click("button[type=submit]")
        sync_api.expect(options.locator("#service-msg")).to_have_text(f"Saved. Pages are now checked by {browser.service.url}.")
        sync_api.expect(options.locator("#service-unset")).to_be_hidden()
        # the card that said no service is set checks the page again
        page.wait_for_function("() => document.documentElement.dataset.triallensState === 'annotated'", timeout=20000)
        assert headline(page) == "This trial may have opened: check ClinicalTrials.gov"   # (the saved copy is overdue)
    finally:
        browser.worker.evaluate("() => { chrome.runtime.getPlatformInfo = globalThis.realPlatformInfo; }")
        browser.set_service_url(browser.service.url)
        for tab in (page, options):
            if tab:
                tab.close()
    # desktop (the browser's own answer): nothing saved is the address TrialLens came with, and no prompt
    browser.worker.evaluate("() => chrome.storage.local.remove('serviceUrl')")
    desktop = browser.context.new_page()
    try:
        desktop.goto(options_url(ext_id))
        sync_api.expect(desktop.locator("#service-url")).to_have_value("http://127.0.0.1:5000")
        assert desktop.locator("#service-unset").is_hidden()
        assert desktop.locator("#reset").is_visible()
    finally:
        browser.set_service_url(browser.service.url)
        desktop.close()
