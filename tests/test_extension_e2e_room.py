"""The card on a phone and at the page's end, end to end in Debian's Chromium (and the folded card in firefox-esr): the
folded pill and "Close"; the room the folded card keeps at the page's end (also in an app shell and a row body), so the
last link can be scrolled clear of it; the page's own bottom bars (fixed, shown late, sticky in a part of the page)
lifting the card; the room given back as the reader scrolls up after an open card shrank at the page's end. (The open
card's room as it opens, grows and folds: tests/test_card_room_browser.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures: pytest finds them by their names here)
    ARTIFACTS, CHROMIUM, EXT, FILLER, FIXTURES, FOOTER_LINK, LAST_LINK_JS, SCROLL_TO_END_JS, SEED_PAGE, _run_firefox, browser,
    expanded, fixture_url, fresh_artifacts, service, show_card, sync_api,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


COOKIE_BAR = ('<div id="cookies" style="position:fixed;left:0;right:0;bottom:0;padding:10px 12px;background:#222;color:#fff;'
              'display:flex;justify-content:space-between;align-items:center;font:14px sans-serif">We use cookies.'
              '<button id="accept" style="min-height:40px;padding:0 16px">Accept</button></div>')


def test_on_a_phone_the_card_can_be_closed_for_the_page_and_folds_small(browser):
    """360×740 with a site's fixed cookie bar: folded, the card is a small pill, not a bar across the page; "Close"
    (a named button, from the keyboard) takes it off the page, and the page's own Accept button can be used again."""
    url = fixture_url(SEED_PAGE) + "?phone"
    html = SEED_PAGE.read_text(encoding="utf-8").replace("</body>", COOKIE_BAR + "</body>")
    page = browser.open(url, html, viewport=(360, 740))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()   # Hide: folded
        assert not expanded(page)
        pill = page.locator("triallens-card aside").bounding_box()
        # (170px wide before it showed the name; 210 with it in Debian's DejaVu Sans, narrower in a phone's own font)
        assert pill["width"] <= 220 and pill["height"] <= 64, pill
        assert page.locator("triallens-card .headline").text_content().strip(), "the headline is still there for screen readers"
        # the pill says what it is: "TrialLens" drawn inside it, on one line (review r17: icon, Show and × alone)
        brand = page.locator("triallens-card .brand")
        sync_api.expect(brand).to_be_visible()
        box = brand.bounding_box()
        assert box["height"] < 24 and pill["x"] <= box["x"] and box["x"] + box["width"] <= pill["x"] + pill["width"], (box, pill)
        assert page.locator("triallens-card .headline-text").bounding_box()["width"] <= 1, "the headline's words are not drawn"
        heading = page.locator("triallens-card h2.headline")
        # a screen reader hears the name once, then the headline, as two words: "TrialLens This trial may have opened: …"
        sync_api.expect(heading).to_have_accessible_name(re.compile(r"^TrialLens [A-Z]"))
        page.screenshot(path=str(ARTIFACTS / "chromium-phone-folded.png"))
        close = page.get_by_role("button", name="Close TrialLens on this page")
        sync_api.expect(close).to_have_count(1)
        close.focus()
        page.keyboard.press("Enter")
        sync_api.expect(page.locator("triallens-card")).to_have_count(0)
        hit = page.evaluate("""() => { const b = document.getElementById('accept').getBoundingClientRect();
            return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2).id; }""")
        assert hit == "accept"
        page.screenshot(path=str(ARTIFACTS / "chromium-phone-closed.png"))
    finally:
        page.close()


LAST_LINK_HIT_JS = """() => { window.scrollTo(0, document.scrollingElement.scrollHeight);
    const a = document.getElementById('tl-last'); const b = a.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { hit: hit === a ? 'link' : (hit ? hit.tagName : null), top: b.top, bottom: b.bottom, inner: innerHeight }; }"""


def test_on_a_phone_the_page_s_last_link_can_be_scrolled_clear_of_the_folded_card(browser):
    """375×667, a page whose last line is a link at the bottom right, under the folded card (the pill): scrolled to the
    end, the link is clear of the card and can be tapped (the card keeps room at the page's end while it is folded).
    From the keyboard, "Close" puts focus back on that link, where the reader Tabbed into the card from; the room goes."""
    url = fixture_url(SEED_PAGE) + "?phone-last-link"
    html = SEED_PAGE.read_text(encoding="utf-8").replace("</body>", FOOTER_LINK + "</body>")
    page = browser.open(url, html, viewport=(375, 667))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()   # Hide: the pill
        assert not expanded(page)
        pill = page.locator("triallens-card aside").bounding_box()
        seen = page.evaluate(LAST_LINK_HIT_JS)
        page.screenshot(path=str(ARTIFACTS / "chromium-phone-last-link.png"))
        assert seen["hit"] == "link", (seen, pill)
        assert seen["bottom"] <= pill["y"], "the whole link is above the card"
        # the keyboard: from the page's last link into the card (its Show; where the card is in the Tab order depends
        # on its verdict), Tab to Close, Enter
        page.evaluate("""() => { document.getElementById('tl-last').focus();
            document.querySelector('triallens-card').shadowRoot.querySelector('button.toggle').focus(); }""")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.querySelector('triallens-card').shadowRoot.activeElement.className") == "close"
        page.keyboard.press("Enter")
        sync_api.expect(page.locator("triallens-card")).to_have_count(0)
        assert page.evaluate("() => document.activeElement.id") == "tl-last", "focus back on the link, not the top of the page"
        assert page.evaluate("() => document.documentElement.style.scrollPaddingBottom") == ""
        # (the part of the room still in view stays, so the page does not jump, and goes as the reader scrolls up)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_function("() => !document.querySelector('triallens-room')")
    finally:
        page.close()


APP_SHELL = ("<style>html,body{overflow:hidden;height:100%;margin:0} .scroller{height:100%;overflow:auto}</style>"
             '<div class="scroller">')
ROW_BODY = ("<style>body{margin:0;display:flex;flex-direction:row;align-items:flex-end;overflow-wrap:anywhere}"
            " main{flex:1;min-width:0} header,footer{flex:none;width:70px;background:#ddd}</style>")


def _layout_page(layout: str) -> str:
    """The seed page, longer, ending on FOOTER_LINK, in an app shell (the window does not scroll: an element inside it
    does) or in a body laid out as a row (the footer a right-hand column)."""
    html = SEED_PAGE.read_text(encoding="utf-8").replace("</main>", FILLER + "</main>")
    if layout == "app_shell":
        return html.replace("<body>", "<body>" + APP_SHELL).replace("</body>", FOOTER_LINK + "</div></body>")
    return html.replace("<body>", "<body>" + ROW_BODY).replace("</body>", FOOTER_LINK + "</body>")


@pytest.mark.parametrize("layout", ["app_shell", "row_body"])
def test_the_room_works_in_an_app_shell_and_a_row_body(browser, layout):
    """375×667, folded card: on a page that scrolls inside an element under `html, body {overflow: hidden}`, and on a
    body laid out as a row, the page's last link can be scrolled clear of the card (review r17: the room did nothing
    there); closed, nothing of TrialLens's is left on the page once the reader scrolls back up."""
    url = fixture_url(SEED_PAGE) + f"?layout={layout}"
    page = browser.open(url, _layout_page(layout), viewport=(375, 667))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()
        assert not expanded(page)
        pill = page.locator("triallens-card aside").bounding_box()
        page.evaluate(SCROLL_TO_END_JS)
        seen = page.evaluate(LAST_LINK_JS)
        page.screenshot(path=str(ARTIFACTS / f"chromium-room-{layout}.png"))
        assert seen["hit"] == "link", (seen, pill)
        assert seen["bottom"] <= pill["y"], (seen, pill)
        page.get_by_role("button", name="Close TrialLens on this page").click()
        sync_api.expect(page.locator("triallens-card")).to_have_count(0)
        page.evaluate("() => { const s = document.querySelector('.scroller'); if (s) s.scrollTop = 0; window.scrollTo(0, 0); }")
        page.wait_for_function("() => !document.querySelector('triallens-room')")
        assert page.evaluate("""() => [...document.querySelectorAll('[style]')].map(e => e.tagName + ' ' + e.getAttribute('style'))
            .filter(s => /padding-bottom/.test(s))""") == []
    finally:
        page.close()


def test_a_fixed_bottom_bar_stays_usable_under_the_folded_card(browser):
    """360×740 with a site's fixed cookie bar: the folded card sits above the bar, so its Accept button (under the
    card's corner before, review r17) can be seen and pressed while the card is there."""
    url = fixture_url(SEED_PAGE) + "?phone-bar"
    html = SEED_PAGE.read_text(encoding="utf-8").replace("</body>", COOKIE_BAR + "</body>")
    page = browser.open(url, html, viewport=(360, 740))
    try:
        for _ in range(2):   # folded, then open (on a phone the open card spans the window's bottom)
            pill = page.locator("triallens-card aside").bounding_box()
            bar = page.locator("#cookies").bounding_box()
            assert pill["y"] + pill["height"] <= bar["y"] + 1, (pill, bar)
            hit = page.evaluate("""() => { const b = document.getElementById('accept').getBoundingClientRect();
                return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2).id; }""")
            assert hit == "accept"
            page.locator("triallens-card button.toggle").click()
        page.screenshot(path=str(ARTIFACTS / "chromium-phone-bar.png"))
    finally:
        page.close()


# The page shows its bar after the card is drawn: a new element, or a hidden one shown by its class (as sites do).
LATE_BAR_JS = {
    "added": f"() => document.body.insertAdjacentHTML('beforeend', {json.dumps(COOKIE_BAR)})",
    "shown": "() => document.getElementById('cookies').classList.add('shown')",
}
HIDDEN_BAR = "<style>#cookies:not(.shown){display:none !important}</style>" + COOKIE_BAR
CARD_CLEARS_BAR_JS = """() => { const c = document.querySelector('triallens-card').shadowRoot.querySelector('aside')
    .getBoundingClientRect(); const bar = document.getElementById('cookies');
    return Boolean(bar) && c.bottom <= bar.getBoundingClientRect().top + 1; }"""


@pytest.mark.parametrize("how", ["added", "shown"])
def test_a_bottom_bar_the_page_shows_after_the_card_is_drawn_lifts_the_card(browser, how):
    """360×740: the page shows its fixed cookie bar only after the card is drawn (review r17: the card was lifted over
    such a bar only at its next redraw, so the folded pill sat on the bar's Accept button). The card goes up above the
    bar without the reader doing anything, the room at the page's end grows with it, and once the bar goes (Accept)
    the card comes back down to the window's corner."""
    url = fixture_url(SEED_PAGE) + f"?late-bar-{how}"
    html = SEED_PAGE.read_text(encoding="utf-8")
    if how == "shown":
        html = html.replace("</body>", HIDDEN_BAR + "</body>")
    page = browser.open(url, html, viewport=(360, 740))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()   # Hide: the pill
        assert not expanded(page)
        corner = page.locator("triallens-card aside").bounding_box()
        room = page.evaluate("() => document.querySelector('triallens-room').getBoundingClientRect().height")
        page.evaluate(LATE_BAR_JS[how])
        page.wait_for_function(CARD_CLEARS_BAR_JS, timeout=10000)
        hit = page.evaluate("""() => { const b = document.getElementById('accept').getBoundingClientRect();
            return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2).id; }""")
        assert hit == "accept", "the bar's Accept button can be seen and pressed"
        pill = page.locator("triallens-card aside").bounding_box()
        bar = page.locator("#cookies").bounding_box()
        page.wait_for_function("h => document.querySelector('triallens-room').getBoundingClientRect().height >= h",
                               arg=room + (corner["y"] - pill["y"]) - 1, timeout=10000)
        page.screenshot(path=str(ARTIFACTS / f"chromium-phone-late-bar-{how}.png"))
        assert pill["x"] == corner["x"] and pill["y"] + pill["height"] <= bar["y"] + 1, (pill, bar)
        page.evaluate("() => document.getElementById('cookies').remove()")   # Accept: the site takes its bar away
        page.wait_for_function("y => Math.abs(document.querySelector('triallens-card').shadowRoot.querySelector('aside')"
                               ".getBoundingClientRect().y - y) < 1", arg=corner["y"], timeout=10000)
    finally:
        page.close()


# A part of the page with its own bar, sticky at the window's bottom edge only while that part is in view (a "Contact the
# site" strip under a trial's locations): scrolling alone brings it up and takes it away, with no change to the page.
STICKY_PART = ('<section id="sites" style="font:14px sans-serif">'
               + "".join(f"<p>Site {i}: a hospital taking part in the study.</p>" for i in range(25))
               + '<div id="sticky" style="position:sticky;bottom:0;padding:10px 12px;background:#036;color:#fff;'
               'display:flex;justify-content:space-between;align-items:center">Places are limited.'
               '<button id="contact" style="min-height:40px;padding:0 16px">Contact</button></div></section>'
               '<div id="after" style="height:1500px">The rest of the page.</div>')
CARD_CLEARS_STICKY_JS = """() => { const c = document.querySelector('triallens-card').shadowRoot.querySelector('aside')
    .getBoundingClientRect(); return c.bottom <= document.getElementById('sticky').getBoundingClientRect().top + 1; }"""



def _sticky_part_page() -> str:
    """The seed page, longer, with STICKY_PART after it (Chromium's test and Firefox's run read the same page)."""
    return (SEED_PAGE.read_text(encoding="utf-8").replace("</main>", FILLER + "</main>")
            .replace("</body>", STICKY_PART + "</body>"))


def test_a_bar_that_sticks_only_while_its_part_of_the_page_is_in_view_lifts_the_folded_card(browser):
    """360×740, folded: a sticky bar at the window's bottom edge only while its part of the page is scrolled into view
    (review r17: the card was lifted over it only when the page next changed, so the pill sat on its Contact button).
    Scrolling there lifts the card above the bar; scrolling on past it lets the card back down to the corner."""
    url = fixture_url(SEED_PAGE) + "?sticky-part"
    page = browser.open(url, _sticky_part_page(), viewport=(360, 740))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()   # Hide: the pill
        assert not expanded(page)
        corner = page.locator("triallens-card aside").bounding_box()
        assert page.evaluate("() => document.getElementById('sticky').getBoundingClientRect().top > innerHeight")
        page.evaluate("() => document.getElementById('sites').scrollIntoView({block: 'start'})")
        assert page.evaluate("() => document.getElementById('sticky').getBoundingClientRect().bottom") == 740, \
            "the bar sticks at the window's bottom edge"
        page.wait_for_function(CARD_CLEARS_STICKY_JS, timeout=10000)
        hit = page.evaluate("""() => { const b = document.getElementById('contact').getBoundingClientRect();
            return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2).id; }""")
        assert hit == "contact", "the bar's button can be seen and pressed"
        assert page.locator("triallens-card aside").bounding_box()["x"] == corner["x"]
        page.screenshot(path=str(ARTIFACTS / "chromium-phone-sticky-part.png"))
        page.evaluate("() => document.getElementById('after').scrollIntoView({block: 'start'})")   # past the part
        assert page.evaluate("() => document.getElementById('sticky').getBoundingClientRect().bottom < innerHeight / 2"), \
            "the bar went up with its part of the page"
        page.wait_for_function("y => Math.abs(document.querySelector('triallens-card').shadowRoot.querySelector('aside')"
                               ".getBoundingClientRect().y - y) < 1", arg=corner["y"], timeout=10000)
    finally:
        page.close()


def test_closing_at_the_page_s_end_does_not_move_the_page_and_the_room_takes_the_footer_s_colour(browser):
    """375×667, scrolled to the page's end, where the room is: "Close" leaves the page where it is (it jumped up to
    109 px, review r17), and the room shows the dark footer's colour, not a white band under it."""
    url = fixture_url(SEED_PAGE) + "?close-at-end"
    dark = ('<footer style="background:#222;color:#eee;padding:24px;font:14px sans-serif">'
            '<a id="tl-last" href="/privacy" style="color:#9cf">Privacy policy</a></footer>')
    html = SEED_PAGE.read_text(encoding="utf-8").replace("</main>", FILLER + "</main>").replace("</body>", dark + "</body>")
    page = browser.open(url, html, viewport=(375, 667))
    try:
        if expanded(page):
            page.locator("triallens-card button.toggle").click()
        page.evaluate(SCROLL_TO_END_JS)
        colour = page.evaluate("() => getComputedStyle(document.querySelector('triallens-room')).backgroundColor")
        before = page.evaluate(LAST_LINK_JS)["top"]
        page.get_by_role("button", name="Close TrialLens on this page").click()
        sync_api.expect(page.locator("triallens-card")).to_have_count(0)
        assert page.evaluate(LAST_LINK_JS)["top"] == before
        assert colour == "rgb(34, 34, 34)"
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_function("() => !document.querySelector('triallens-room')")
    finally:
        page.close()


@pytest.fixture(scope="module")
def firefox_phone(service, tmp_path_factory):
    """One Firefox run at 360×740 (extension/e2e/firefox_phone.mjs), its card folded: the page with a bar that sticks
    while its part is in view, scrolled there and past; the seed page, a cookie bar it adds after the card is drawn,
    then takes away (Accept); then "Close"."""
    tmp = tmp_path_factory.mktemp("firefox-phone")
    (tmp / "sticky.html").write_text(_sticky_part_page(), encoding="utf-8")
    return _run_firefox("firefox_phone.mjs", service, tmp, fixture_url(SEED_PAGE),
                        SEED_PAGE.read_text(encoding="utf-8"), "firefox-phone-late-bar.png", TL_BAR_HTML=COOKIE_BAR,
                        TL_STICKY_FILE=str(tmp / "sticky.html"),
                        TL_STICKY_SCREENSHOT=str(ARTIFACTS / "firefox-phone-sticky-part.png"))


def test_firefox_a_bar_that_sticks_only_while_its_part_of_the_page_is_in_view_lifts_the_folded_card(firefox_phone):
    """As in Chromium (test_a_bar_that_sticks_only_while_its_part_of_the_page_is_in_view_lifts_the_folded_card):
    scrolling alone, with no change to the page for a MutationObserver to see, lifts the folded pill above the bar
    so its Contact button can be pressed, and scrolling on past the part lets the pill back down to the corner."""
    sticky = firefox_phone["stickyPart"]
    assert sticky["folded"] and sticky["belowAtFirst"], sticky
    assert sticky["stuckBottom"] == 740, "the bar sticks at the window's bottom edge"
    assert sticky["lifted"], sticky
    assert sticky["hit"] == "contact", sticky
    assert sticky["liftedPill"]["x"] == sticky["corner"]["x"], sticky
    assert sticky["barGone"], "the bar went up with its part of the page"
    assert sticky["down"], sticky


def test_firefox_a_bottom_bar_the_page_shows_after_the_card_is_drawn_lifts_the_card(firefox_phone):
    """As in Chromium (test_a_bottom_bar_the_page_shows_after_the_card_is_drawn_lifts_the_card): Firefox's
    MutationObserver sets off the re-check, the folded pill goes up above the bar so its Accept button can be pressed,
    and comes back down to the window's corner once the bar goes."""
    bar = firefox_phone["lateBar"]
    assert bar["folded"]
    assert bar["lifted"], bar
    assert bar["lift"]["hit"] == "accept", bar
    assert bar["liftedPill"]["x"] == bar["corner"]["x"] and bar["liftedPill"]["bottom"] <= bar["lift"]["barTop"] + 1, bar
    assert bar["down"], bar


def test_firefox_closed_note_names_the_shortcut_firefox_has(firefox_phone):
    """"Close" in Firefox: the card goes, and the note a screen reader hears names the shortcut as Firefox has it (the
    content script asks the background page, which asks browser.commands.getAll): the manifest's Alt+Shift+K, which a
    fresh profile keeps; a profile without it would read "Loading the page again brings it back."."""
    keys = json.loads((EXT / "manifest.json").read_text(encoding="utf-8"))["commands"]["toggle-card"]["suggested_key"]["default"]
    assert firefox_phone["closed"] == {"card": 0, "note": f"TrialLens closed for this page. {keys} brings it back."}


ROOM_HEIGHT_JS = "() => { const r = document.querySelector('triallens-room'); return r ? r.getBoundingClientRect().height : 0; }"
# the room the card needs: from its top edge to the window's bottom, and the gap over it (pageroom.js GAP)
CARD_NEEDS_JS = """() => innerHeight - document.querySelector('triallens-card').shadowRoot.querySelector('aside')
    .getBoundingClientRect().top + 8"""


def test_an_open_card_that_shrinks_at_the_page_s_end_gives_back_the_room_as_the_reader_scrolls_up(browser):
    """1280×1200, an open card at the page's end: its criteria folded, the card shrinks. The page does not move under the
    reader (the room keeps what is in view); scrolled up and back down, the room is the smaller card's, not the taller
    one's (it stayed until the page next changed, leaving a band of nothing between the page's end and the card)."""
    quiet_page = FIXTURES / "html" / "trialfinderdata.org" / "nct07635758_semantic.html"
    html = quiet_page.read_text(encoding="utf-8").replace("</main>", FILLER + "</main>").replace("</body>", FOOTER_LINK + "</body>")
    page = browser.open(fixture_url(quiet_page) + "?open-shrinks", html, viewport=(1280, 1200))
    try:
        show_card(page)
        small = page.locator("triallens-card aside").bounding_box()["height"]
        page.locator("triallens-card .criteria > summary").click()   # open: the card grows (to 60 % of the window)
        page.wait_for_function(f"() => ({CARD_NEEDS_JS})() > {small} + 100")
        page.wait_for_function(f"() => ({ROOM_HEIGHT_JS})() >= ({CARD_NEEDS_JS})()", timeout=10000)
        page.evaluate(SCROLL_TO_END_JS)
        top = page.evaluate(LAST_LINK_JS)["top"]
        page.locator("triallens-card .criteria > summary").click()   # folded: the card shrinks
        page.wait_for_function(f"h => document.querySelector('triallens-card').shadowRoot.querySelector('aside')"
                               f".getBoundingClientRect().height < h", arg=small + 1)
        assert page.evaluate(LAST_LINK_JS)["top"] == top, "the page did not move under the reader"
        page.evaluate("() => window.scrollTo(0, 0)")
        try:   # (the room's re-check after a scroll; the assertion below says what it left)
            page.wait_for_function(f"() => ({ROOM_HEIGHT_JS})() <= ({CARD_NEEDS_JS})() + 1", timeout=10000)
        except sync_api.TimeoutError:
            pass
        seen = _end_seen(page)
        assert seen["room"] <= seen["needs"] + 1, seen
        assert seen["hit"] == "link" and seen["bottom"] <= seen["card_top"], seen
    finally:
        page.close()


def _end_seen(page) -> dict:
    """Scrolled to the page's end: its last link, the card's top edge, the room and what the card needs."""
    page.evaluate(SCROLL_TO_END_JS)
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")   # (the scroll drawn)
    seen = page.evaluate(LAST_LINK_JS)
    seen.update(room=page.evaluate(ROOM_HEIGHT_JS), needs=page.evaluate(CARD_NEEDS_JS),
                card_top=page.locator("triallens-card aside").bounding_box()["y"])
    return seen
