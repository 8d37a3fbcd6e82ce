"""The room the card keeps at the page's end, open as well as folded, in Debian's Chromium with the unpacked Chrome
package (walk-through r26 #11: at the page's very end the open card covered its last lines for good).

The folded card's room on phones, app shells and row bodies is tests/test_extension_e2e_room.py's; this file is the open
card's: its height, following the card as it opens, grows and folds, with the page never moving under the reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")

from test_extension_e2e import (  # noqa: E402,F401  (the extension's browser and service fixtures)
    CHROMIUM, FILLER, FIXTURES, FOOTER_LINK, LAST_LINK_JS, SEED_PAGE, SCROLL_TO_END_JS, _drifted_page, browser, expanded,
    fixture_url, service,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")

CARD_TOP_JS = "() => document.querySelector('triallens-card').shadowRoot.querySelector('aside').getBoundingClientRect().top"
ROOM_JS = "() => { const r = document.querySelector('triallens-room'); return r ? r.getBoundingClientRect().height : 0; }"
# every layout shift since the page started loading, without the reader doing anything (CLS's own rule)
SHIFTS_JS = """() => new Promise((resolve) => {
  const seen = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) seen.push(e.value); })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(seen.reduce((a, b) => a + b, 0))));
})"""


def _long(html: str) -> str:
    """`html` made longer than the window, ending on FOOTER_LINK (a link at the bottom right, under the card's corner)."""
    return html.replace("</main>", FILLER + "</main>").replace("</body>", FOOTER_LINK + "</body>")


def _last_link_clear(page) -> dict:
    page.evaluate(SCROLL_TO_END_JS)
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")   # (the scroll drawn)
    seen = page.evaluate(LAST_LINK_JS)
    seen["card_top"] = page.evaluate(CARD_TOP_JS)
    return seen


# the room reaches from the card's top edge to the window's bottom, and more (its gap)
ROOM_COVERS_JS = f"() => ({ROOM_JS})() >= innerHeight - ({CARD_TOP_JS})()"


@pytest.mark.parametrize("viewport", [(1280, 700), (400, 640)])
def test_at_the_page_s_end_the_open_card_leaves_its_last_line_clear(browser, viewport):
    """A warning opens by itself; scrolled to the page's end, its last link is above the open card and can be clicked.
    The window grown taller makes the card taller (its height is a share of the window's): the room grows with it.
    Hide at the page's end does not move the page; Show gives the open card's room back."""
    url = fixture_url(SEED_PAGE) + f"?open-room-{viewport[0]}"
    page = browser.open(url, _long(_drifted_page()), viewport=viewport)
    try:
        assert expanded(page), "a warning opens"
        seen = _last_link_clear(page)
        assert seen["hit"] == "link" and seen["bottom"] <= seen["card_top"], seen
        # a taller window, a taller card: the room follows it
        before = page.locator("triallens-card aside").bounding_box()["height"]
        page.set_viewport_size({"width": viewport[0], "height": viewport[1] + 200})
        page.wait_for_function(f"h => document.querySelector('triallens-card').shadowRoot.querySelector('aside')"
                               f".getBoundingClientRect().height > h", arg=before, timeout=10000)
        page.wait_for_function(ROOM_COVERS_JS, timeout=10000)
        seen = _last_link_clear(page)
        assert seen["hit"] == "link" and seen["bottom"] <= seen["card_top"], seen
        # Hide at the page's end: the page stays where it is
        top = seen["top"]
        page.locator("triallens-card button.toggle").click()
        assert not expanded(page)
        assert page.evaluate(LAST_LINK_JS)["top"] == top, "folding did not pull the page up under the reader"
        # scrolled back up, the room is the folded card's again
        folded = page.locator("triallens-card aside").bounding_box()["height"]
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_function(f"() => ({ROOM_JS})() < {folded} + 40", timeout=10000)
        page.locator("triallens-card button.toggle").click()   # Show: the open card's room again
        page.wait_for_function(ROOM_COVERS_JS, timeout=10000)
        seen = _last_link_clear(page)
        assert seen["hit"] == "link" and seen["bottom"] <= seen["card_top"], seen
    finally:
        page.close()


def test_an_in_sync_page_does_not_shift_as_it_loads(browser):
    """An in-sync (or '?') card opens as its headline: its room at the page's end moves nothing on the page."""
    quiet_page = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
    page = browser.open(fixture_url(quiet_page) + "?no-shift", _long(quiet_page.read_text(encoding="utf-8")))
    try:
        assert not expanded(page)
        assert page.evaluate(ROOM_JS) > 0, "room kept"
        assert page.evaluate(SHIFTS_JS) == 0
    finally:
        page.close()
