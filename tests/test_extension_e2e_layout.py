"""The card's size and scrolling, end to end in Debian's Chromium: open, at most 60% of the window's height with "More ↓"
while there is more; out of the page's headline; readable at 200 % and 400 % zoom; on a narrow window with large text,
the headline never cut mid-word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures: pytest finds them by their names here)
    ARTIFACTS, CHROMIUM, SEED_PAGE, _drifted_page, browser, expanded, fixture_url, fresh_artifacts, service, shot,
    show_card, sync_api, wait_settled,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def test_a_long_card_scrolls_inside_and_says_there_is_more(browser):
    """Open, the card takes at most 60% of the window's height and scrolls inside; its header has an
    edge over the scrolling text, and "More ↓" shows at the bottom until the reader reaches the end."""
    url = "https://meddatax.com/clinical-trials/NCT07232563?long"
    page = browser.open(url, _drifted_page())
    try:
        card = page.locator("triallens-card .card")
        if page.locator("triallens-card button.toggle").get_attribute("aria-expanded") == "false":
            page.locator("triallens-card button.toggle").click()
        page.locator("triallens-card .criteria > summary").click()   # open: far longer than the card
        assert card.bounding_box()["height"] <= 0.6 * 860 + 1
        assert card.evaluate("el => el.scrollHeight > el.clientHeight")
        assert page.locator("triallens-card header").evaluate("el => getComputedStyle(el).borderBottomWidth") == "1px"
        more = page.locator("triallens-card .more span")
        sync_api.expect(more).to_be_visible()
        shot(page, "long-card-more")
        # the cue is a solid strip (no text shows through it), and just short of the end no text sits under it
        assert more.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"
        assert more.evaluate("el => getComputedStyle(el).borderTopWidth") == "1px"
        card.evaluate("el => { el.scrollTop = el.scrollHeight - el.clientHeight - 4; }")
        sync_api.expect(more).to_be_visible()
        last_text = page.locator("triallens-card footer > :last-child").bounding_box()
        assert last_text["y"] + last_text["height"] <= more.bounding_box()["y"] + 0.5, (last_text, more.bounding_box())
        card.evaluate("el => { el.scrollTop = el.scrollHeight; }")
        sync_api.expect(more).to_be_hidden()
        card.evaluate("el => { el.scrollTop = 0; }")
        sync_api.expect(more).to_be_visible()
        more.click()   # scrolls on
        page.wait_for_function("() => document.querySelector('triallens-card').shadowRoot.querySelector('.card').scrollTop > 0")
        page.locator("triallens-card button.toggle").click()   # hidden, the card is its header: it all fits, no cue
        assert card.evaluate("el => el.scrollHeight <= el.clientHeight")
        sync_api.expect(more).to_be_hidden()
        page.locator("triallens-card button.toggle").click()
    finally:
        page.close()


def test_card_stays_out_of_the_way_and_readable_at_200_percent(browser):
    url = "https://meddatax.com/clinical-trials/NCT07232563?zoom"
    html = _drifted_page()
    page = browser.open(url, html)
    try:
        box = page.locator("triallens-card aside").bounding_box()
        h1 = page.locator("h1").bounding_box()
        overlap = not (box["x"] > h1["x"] + h1["width"] or box["y"] > h1["y"] + h1["height"])
        assert not overlap, "the card covers the page's headline"
    finally:
        page.close()
    # 200% zoom: half the CSS pixels at twice the density.
    zoomed = browser.context.new_page()
    try:
        zoomed.set_viewport_size({"width": 640, "height": 430})
        zoomed.goto(url)
        wait_settled(zoomed)
        toggle = zoomed.locator("triallens-card button.toggle")
        assert toggle.get_attribute("aria-expanded") == "true", "a warning opens, on a narrow window too"
        box = zoomed.locator("triallens-card aside").bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0
        assert box["x"] + box["width"] <= 640 and box["y"] + box["height"] <= 430
        assert box["height"] <= 0.5 * 430 + 1, "the card leaves at least half of the page visible"
        # a narrow window: open, the card spans the bottom edge
        assert box["x"] == 0 and box["width"] == 640 and box["y"] + box["height"] == 430
        assert zoomed.locator("triallens-card .headline").is_visible()
        zoomed.screenshot(path=str(ARTIFACTS / "chromium-zoom200.png"))
        toggle.click()   # "Hide": the headline alone, at the bottom corner
        assert toggle.get_attribute("aria-expanded") == "false"
        zoomed.screenshot(path=str(ARTIFACTS / "chromium-zoom200-collapsed.png"))
    finally:
        zoomed.close()


# Scrolls the card so its first finding is at the card's top edge, then returns how much of that finding's text the reader
# sees there: the band between whatever covers the card's top (a sticky header) and its bottom (the "More" strip),
# and what is drawn at the middle of the finding's first line (the finding, not the header over it).
FINDING_IN_VIEW_JS = """() => {
  const root = document.querySelector('triallens-card').shadowRoot;
  const card = root.querySelector('.card');
  const finding = root.querySelector('.finding');
  card.scrollTop += finding.getBoundingClientRect().top - card.getBoundingClientRect().top;
  const c = card.getBoundingClientRect(), f = finding.getBoundingClientRect();
  const header = root.querySelector('header').getBoundingClientRect();
  const more = root.querySelector('.more span');
  let top = c.top, bottom = c.bottom;
  if (header.bottom > top && header.top < bottom) top = Math.max(top, header.bottom);
  if (more && more.getClientRects().length) {
    const m = more.getBoundingClientRect();
    if (m.top < bottom && m.bottom > top) bottom = Math.min(bottom, m.top);
  }
  const line = finding.querySelector('p').getClientRects()[0];
  const x = line.left + Math.min(line.width / 2, 40), y = line.top + line.height / 2;
  const hit = root.elementFromPoint(x, y);
  return { band: Math.min(bottom, f.bottom) - Math.max(top, f.top), hitInFinding: Boolean(hit && finding.contains(hit)),
           scrollTop: card.scrollTop, text: finding.textContent.slice(0, 60) };
}"""


def test_at_400_percent_zoom_the_findings_can_be_read(browser):
    """WCAG 1.4.10: at 320×256 CSS px (1280×1024 at 400 %), the open card's findings can be scrolled into view and
    read: the header scrolls away with them and no strip covers them (it showed its header and "More ↓", nothing else)."""
    url = "https://meddatax.com/clinical-trials/NCT07232563?z400"
    page = browser.open(url, _drifted_page(), viewport=(320, 256))
    try:
        assert expanded(page), "a warning opens"
        seen = page.evaluate(FINDING_IN_VIEW_JS)
        page.screenshot(path=str(ARTIFACTS / "chromium-zoom400-finding.png"))
        assert seen["hitInFinding"], seen
        assert seen["band"] >= 40, seen
        box = page.locator("triallens-card aside").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 256 + 0.5
        # the rest can be reached too: scrolled to the end, the card's last lines are clear of anything over them
        assert page.evaluate("""() => { const root = document.querySelector('triallens-card').shadowRoot;
            const card = root.querySelector('.card'); card.scrollTop = card.scrollHeight;
            const last = root.querySelector('.body > :last-child'); const r = last.getBoundingClientRect();
            const c = card.getBoundingClientRect(); const hit = root.elementFromPoint(r.left + 4, r.bottom - 6);
            return r.bottom <= c.bottom + 0.5 && Boolean(hit) && last.contains(hit); }""")
    finally:
        page.close()


def test_on_a_narrow_window_with_large_text_the_headline_is_never_cut_mid_word(browser):
    """Walk-through r26 #9: at 400px with a 26px default font the headline read "ClinicalTrials.\\ngov". A 250px window
    at the default font has the same room for its words: the word stays whole, and Hide and Close move to a row of
    their own, still inside the card."""
    url = fixture_url(SEED_PAGE) + "?narrow-big"
    page = browser.open(url, SEED_PAGE.read_text(encoding="utf-8"), viewport=(250, 700))
    try:
        show_card(page)
        lines = page.evaluate("""() => { const t = document.querySelector('triallens-card').shadowRoot
                .querySelector('.headline-text').firstChild;
            const at = t.data.indexOf('ClinicalTrials.gov'); const r = document.createRange();
            r.setStart(t, at); r.setEnd(t, at + 'ClinicalTrials.gov'.length);
            return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; }""")
        assert lines == 1, "ClinicalTrials.gov is drawn on one line"
        card = page.locator("triallens-card aside").bounding_box()
        for sel in ("button.toggle", "button.close"):
            box = page.locator(f"triallens-card {sel}").bounding_box()
            assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"], (sel, box, card)
        assert page.evaluate("() => { const c = document.querySelector('triallens-card').shadowRoot.querySelector('.card');"
                             " return c.scrollWidth <= c.clientWidth; }"), "no sideways scrolling in the card"
        page.screenshot(path=str(ARTIFACTS / "chromium-narrow-big-text.png"))
    finally:
        page.close()
