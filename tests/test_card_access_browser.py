"""The extension's card for readers of every kind, in Debian's Chromium with the unpacked Chrome package: the card
(folded and open, answered and failed) and the options page checked by axe-core (no "serious" or "critical" violation),
and the card's text at the reader's own font size.

The card's check is scoped to its host element (axe follows it into the open shadow root): the saved aggregator page
around it is the site's own markup, not TrialLens's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_support import AXE, axe_problems, open_details

ROOT = Path(__file__).resolve().parents[1]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")

from test_extension_e2e import (  # noqa: E402,F401  (the extension's browser and service fixtures, as its e2e tests use them)
    CHROMIUM, SEED_PAGE, _drifted_page, browser, expanded, fixture_url, options_url, service, wait_settled,
)

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (cd extension && npm ci)"),
]

CARD = {"include": [["triallens-card"]]}   # the card alone: not the site's page around it
IN_CARD = "document.querySelector('triallens-card').shadowRoot"


@pytest.mark.parametrize("which", ["in_sync", "drifted"])
def test_the_card_folded_and_open_has_no_serious_axe_violations(browser, which):
    url = fixture_url(SEED_PAGE) + f"?axe-{which}"
    html = SEED_PAGE.read_text(encoding="utf-8") if which == "in_sync" else _drifted_page()
    page = browser.open(url, html)
    try:
        assert wait_settled(page) == "annotated"
        toggle = page.locator("triallens-card button.toggle")
        if expanded(page):
            toggle.click()
        assert not expanded(page)
        assert axe_problems(page, CARD) == [], "folded"
        toggle.click()
        assert expanded(page)
        open_details(page, IN_CARD)
        assert axe_problems(page, CARD) == [], "open"
        page.locator("triallens-card button.wording").click()   # the criteria in ClinicalTrials.gov's own words
        open_details(page, IN_CARD)
        assert axe_problems(page, CARD) == [], "open, original wording"
    finally:
        page.close()


def test_a_failure_card_has_no_serious_axe_violations(browser):
    """The service cannot be reached: the failure card, its set-up details open."""
    browser.set_service_url("http://127.0.0.1:9")
    try:
        page = browser.open(fixture_url(SEED_PAGE) + "?axe-down", SEED_PAGE.read_text(encoding="utf-8"))
        try:
            if not expanded(page):
                page.locator("triallens-card button.toggle").click()
            open_details(page, IN_CARD)
            assert axe_problems(page, CARD) == []
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)


def test_the_options_page_has_no_serious_axe_violations(browser):
    ext_id = browser.worker.url.split("/")[2]
    page = browser.context.new_page()
    try:
        page.goto(options_url(ext_id))
        page.wait_for_selector("#service-url")
        open_details(page)
        assert axe_problems(page) == []
    finally:
        page.close()


CARD_TEXT_JS = """() => {
  const root = document.querySelector('triallens-card').shadowRoot;
  const size = (sel) => parseFloat(getComputedStyle(root.querySelector(sel)).fontSize);
  const card = root.querySelector('.card');
  // text cut off: a box narrower than its content (a button's label, the card's lines), or the card outside the window
  const clipped = [card, ...root.querySelectorAll('button, h2, p, li')].filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.className || el.tagName);
  const box = card.getBoundingClientRect();
  return { headline: size('.headline'), finding: size('.finding p'), hide: size('button.toggle'), clipped,
           inWindow: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight };
}"""


def test_the_card_s_text_follows_the_reader_s_font_size(browser):
    """Browsers' font-size setting (Chrome: Settings, Appearance, Font size) at twice the usual 16px: the card's text is
    twice as large too, as the page's own text is, and none of it is cut off (its sizes were in px, which ignore it)."""
    url = fixture_url(SEED_PAGE) + "?font-size"
    page = browser.open(url, _drifted_page())
    try:
        assert expanded(page), "a warning opens"
        usual = page.evaluate(CARD_TEXT_JS)
        assert (usual["headline"], usual["finding"], usual["hide"]) == (15, 14, 14), usual
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        assert page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") == 32   # (the page's own text)
        large = page.evaluate(CARD_TEXT_JS)
        assert (large["headline"], large["finding"], large["hide"]) == (30, 28, 28), large
        assert large["clipped"] == [] and large["inWindow"], large
        page.locator("triallens-card button.toggle").click()   # folded: the headline and its buttons still fit
        folded = page.evaluate(CARD_TEXT_JS)
        assert folded["clipped"] == [] and folded["inWindow"], folded
    finally:
        page.close()


def test_the_options_page_s_text_follows_the_reader_s_font_size(browser):
    ext_id = browser.worker.url.split("/")[2]
    page = browser.context.new_page()
    try:
        page.goto(options_url(ext_id))
        page.wait_for_selector("#service-url")
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        sizes = page.evaluate("""() => ['body', 'label', '.help'].map((s) =>
            parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
        assert sizes[0] == 32 and sizes[1] == 32 and sizes[2] >= 30, sizes
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        page.close()


# The element focused in the card, and whether what is drawn at the middle of its first line is that element (not the
# card's sticky header or its "More" strip over it): WCAG 2.4.11, a focused control is not hidden by the card's own parts.
FOCUS_SEEN_JS = """() => {
  const root = document.querySelector('triallens-card').shadowRoot;
  const el = root.activeElement;
  if (!el) return null;
  const r = el.getClientRects()[0];
  const hit = root.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
  return { what: (el.textContent || el.className).trim().slice(0, 40), seen: Boolean(hit && (hit === el || el.contains(hit))) };
}"""


def test_tabbing_through_the_open_card_keeps_the_focused_control_in_sight(browser):
    """Tab and Shift+Tab through a long open card: each focused link, button and disclosure is scrolled into the part
    of the card the reader sees, not left under the sticky header (going up) or the "More" strip (going down)."""
    url = fixture_url(SEED_PAGE) + "?focus-in-sight"
    page = browser.open(url, _drifted_page())
    try:
        assert expanded(page)
        open_details(page, IN_CARD)   # who can join and the related trials open: far longer than the card
        count = page.evaluate(f"() => ({IN_CARD}).querySelectorAll('.card a[href], .card button, .card summary').length")
        assert count > 10
        page.locator("triallens-card button.toggle").focus()
        hidden = []
        for key in ["Tab"] * (count - 1) + ["Shift+Tab"] * (count - 1):
            page.keyboard.press(key)
            seen = page.evaluate(FOCUS_SEEN_JS)
            assert seen is not None, key   # (still in the card)
            if not seen["seen"]:
                hidden.append((key, seen["what"]))
        assert not hidden, hidden
    finally:
        page.close()


def test_listing_badges_follow_the_reader_s_font_size(browser):
    """A listing page's status badges grow with the browser's font-size setting, as the text beside them does."""
    html = (ROOT / "extension" / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
    page = browser.open("https://meddatax.com/clinical-trials?condition=stroke&font-size", html)
    try:
        assert wait_settled(page) == "badged"
        size = "() => parseFloat(getComputedStyle(document.querySelector('triallens-badge').shadowRoot.querySelector('.badge')).fontSize)"
        assert page.evaluate(size) == 13
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        assert page.evaluate(size) == 26
    finally:
        page.close()


def test_the_open_card_s_text_scrolls_with_the_keyboard(browser):
    """A keyboard-only reader (no screen reader) reads the findings' text, which has no control to Tab to, by scrolling
    the card with the arrow and Page keys from its Hide button: the card scrolls, not the page under it."""
    url = fixture_url(SEED_PAGE) + "?keyboard-scroll"
    page = browser.open(url, _drifted_page())
    try:
        assert expanded(page)
        open_details(page, IN_CARD)
        page.locator("triallens-card button.toggle").focus()
        scrolled = f"() => [({IN_CARD}).querySelector('.card').scrollTop, window.scrollY]"
        assert page.evaluate(scrolled) == [0, 0]
        page.keyboard.press("PageDown")   # (the browser scrolls smoothly: waited for, not timed)
        page.wait_for_function(f"() => ({IN_CARD}).querySelector('.card').scrollTop > 0")
        card_top, page_top = page.evaluate(scrolled)
        assert page_top == 0, "the page under the card stays where it is"
        page.keyboard.press("ArrowDown")
        page.wait_for_function(f"top => ({IN_CARD}).querySelector('.card').scrollTop > top", arg=card_top)
        assert page.evaluate(scrolled)[1] == 0
    finally:
        page.close()


# How much of the focused header button's focus ring (3px outline, 2px from the button) the card clips: the ring's
# edges beyond the card's inside edges (its overflow clips there), in px, per side.
RING_CLIPPED_JS = """() => {
  const root = document.querySelector('triallens-card').shadowRoot;
  const el = root.activeElement, card = root.querySelector('.card');
  const s = getComputedStyle(el), ring = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
  const b = el.getBoundingClientRect(), c = card.getBoundingClientRect();
  const inner = { top: c.top + card.clientTop, left: c.left + card.clientLeft };
  inner.bottom = inner.top + card.clientHeight; inner.right = inner.left + card.clientWidth;
  const out = (v) => Math.max(0, Math.round(v * 10) / 10);
  return { name: el.className, style: s.outlineStyle, top: out(inner.top - (b.top - ring)), bottom: out(b.bottom + ring - inner.bottom),
           left: out(inner.left - (b.left - ring)), right: out(b.right + ring - inner.right) };
}"""


@pytest.mark.parametrize("viewport", [(1280, 860), (360, 740)], ids=["desktop", "phone"])
def test_the_header_buttons_focus_ring_is_not_cut_off_by_the_card(browser, viewport):
    """Reached with Tab, Show/Hide and Close draw their whole focus ring: the card (folded, it is the header alone; on
    a phone a pill with little room) does not clip it at its edges."""
    url = fixture_url(SEED_PAGE) + f"?ring-{viewport[0]}"
    page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"), viewport=viewport)
    try:
        rings = []
        for fold in (True, False):
            if expanded(page) == fold:
                page.locator("triallens-card button.toggle").click()
            page.locator("triallens-card button.toggle").focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")   # (from the keyboard: the focus ring shows)
            rings.append(page.evaluate(RING_CLIPPED_JS))
            page.keyboard.press("Tab")
            rings.append(page.evaluate(RING_CLIPPED_JS))
        assert [r["name"] for r in rings] == ["toggle", "close"] * 2
        clipped = [r for r in rings if r["style"] != "solid" or any(r[k] for k in ("top", "bottom", "left", "right"))]
        assert not clipped, clipped
    finally:
        page.close()
