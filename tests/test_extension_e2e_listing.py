"""Listing pages, end to end in Debian's Chromium: a status badge beside each NCT id, marked "TrialLens", from one
batched status request, with what it means shown by keyboard too; no badge makes its line of text taller, and opening a
badge's note moves nothing on the page; at a phone's width each badge keeps its room from the start, so the answer
moves nothing either (Firefox too).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures: pytest finds them by their names here)
    ARTIFACTS, CHROMIUM, EXT, SEED, browser, fresh_artifacts, requests, service, shot, sync_api, wait_settled,
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


# The page's layout shifts (CLS's own entries, none after input), each with what moved and its box before and after.
SHIFT_SOURCES_JS = """() => new Promise((resolve) => {
  const seen = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) for (const s of e.sources) seen.push({
      node: s.node ? s.node.nodeName : null, before: s.previousRect.y, after: s.currentRect.y }); })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(seen)));
})"""


FONTS = ["16px/1.5 Georgia, serif", "15px/1.25 Arial, sans-serif", "14px Arial, sans-serif"]


def _listing(font: str = FONTS[0], last_row: str = "") -> str:
    """The listing page set in `font`, with `last_row` (an <li>) after its rows."""
    html = (EXT / "e2e" / "pages" / "meddatax_listing.html").read_text(encoding="utf-8")
    return html.replace("font: 16px/1.5 Georgia, serif", f"font: {font}").replace("</ol>", last_row + "</ol>")


@pytest.mark.parametrize("font", FONTS)
def test_badges_do_not_make_the_listing_s_lines_taller(browser, font):
    """1280×860: a badge is no taller than the line of text it sits in, on a listing set with a tight line height too
    (15px/1.25, or "normal"): badged rows keep the height of a row without one, and nothing on the page moves down as
    the badges arrive (each taller line pushed every row under it down: CLS 0.030 → 0.016 at 15px/1.25, only the text
    after each badge on its own line moving over)."""
    html = _listing(font, '<li id="plain">A study without a trial number in its row</li>')
    page = browser.open(f"https://meddatax.com/clinical-trials?condition=stroke&font={font[:4]}", html)
    try:
        assert wait_settled(page) == "badged"
        heights = page.evaluate("""() => [...document.querySelectorAll('ol.results li')].map((li) =>
            [li.querySelector('triallens-badge') ? 'badged' : li.id, li.getBoundingClientRect().height])""")
        plain = dict(heights)["plain"]
        badged = [h for what, h in heights if what == "badged"]
        assert len(badged) == 6 and all(abs(h - plain) < 0.5 for h in badged), (plain, heights)
        moved_down = [s for s in page.evaluate(SHIFT_SOURCES_JS) if s["after"] > s["before"] + 0.5]
        assert moved_down == [], moved_down
    finally:
        page.close()


# Where the badge, the text after it on its line, the next row and the badge's note are (client pixels).
BOXES_JS = """(id) => { const host = document.querySelector(`triallens-badge[data-nct=${id}]`);
  const r = (b) => b && [b.left, b.top, b.width, b.height].map((v) => Math.round(v * 10) / 10);
  const range = document.createRange(); range.selectNodeContents(host.nextSibling);
  const note = host.shadowRoot.querySelector('.explain').getBoundingClientRect();
  const hit = document.elementFromPoint(note.left + note.width / 2, note.top + note.height / 2);
  return { badge: r(host.shadowRoot.querySelector('button').getBoundingClientRect()), after: r(range.getClientRects()[0]),
    next: r(host.closest('li').nextElementSibling.getBoundingClientRect()), note: r(note), noteOnTop: hit === host,
    width: document.documentElement.clientWidth }; }"""


@pytest.mark.parametrize("width", [1280, 360])
def test_opening_a_badge_s_note_moves_nothing_on_the_page(browser, width):
    """The note a badge's press opens is drawn over the page, under the badge, inside the window: the badge, the text
    after it and the rows under it stay where they were (the note grew the badge's line upward: the badge went into the
    row above and everything after it moved)."""
    html = _listing(last_row="<li>A study without a trial number in its row</li>")
    page = browser.open(f"https://meddatax.com/clinical-trials?condition=stroke&note={width}", html, viewport=(width, 800))
    try:
        assert wait_settled(page) == "badged"
        for nct in ("NCT02580019", "NCT06997939"):   # after a link; straight after an id in the text
            host = page.locator(f"triallens-badge[data-nct={nct}]")
            host.locator("button.badge").focus()   # (scrolled into view first: boxes are measured in the window)
            before = page.evaluate(BOXES_JS, nct)
            page.keyboard.press("Enter")
            sync_api.expect(host.locator(".explain")).to_be_visible()
            after = page.evaluate(BOXES_JS, nct)
            for what in ("badge", "after", "next"):
                assert after[what] == before[what], (nct, what, before[what], after[what])
            note = after["note"]
            assert note[1] >= after["badge"][1] + after["badge"][3], ("under the badge", note, after["badge"])
            assert 0 <= note[0] and note[0] + note[2] <= after["width"], ("inside the window", note, after["width"])
            assert after["noteOnTop"], "drawn over the page's text"
            page.keyboard.press("Enter")
            sync_api.expect(host.locator(".explain")).to_be_hidden()
    finally:
        page.close()


class HeldStatus:
    """The service behind a door on 127.0.0.1 that holds each status request until `release()`: the page as drawn
    while its statuses are asked for can be measured, then the answer let through."""

    def __init__(self, target: str):
        self.go = threading.Event()
        held = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):   # (the extension asks the service for statuses with GET)
                if self.path.startswith("/api/v1/status"):
                    held.go.wait(60)
                r = requests.get(target + self.path, timeout=30)
                self.send_response(r.status_code)
                self.send_header("Content-Type", r.headers.get("Content-Type", "application/json"))
                self.end_headers()
                self.wfile.write(r.content)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def release(self) -> None:
        self.go.set()

    def close(self) -> None:
        self.go.set()
        self.server.shutdown()
        self.server.server_close()


# Each row's box, and where the text after each badge starts (client pixels, the page not scrolled).
ROWS_JS = """() => [...document.querySelectorAll('ol.results li')].map((li) => {
  const b = li.querySelector('triallens-badge'); const r = li.getBoundingClientRect();
  let after = null;
  if (b && b.nextSibling) { const range = document.createRange(); range.selectNodeContents(b.nextSibling);
    const t = range.getClientRects()[0]; after = [Math.round(t.left * 10) / 10, Math.round(t.top * 10) / 10]; }
  return { box: [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 10) / 10), after,
    badge: b ? b.shadowRoot.querySelector('.shown').textContent : null }; })"""


@pytest.mark.parametrize("width", [360, 414])
def test_a_phone_s_listing_keeps_the_badges_room_from_the_start(browser, width):
    """At a phone's width each id gets its badge ("Checking…") before its status is asked for, on a line of its own, so
    the answer fills it in place: no row and no text after a badge moves when the statuses arrive (a badge arriving
    re-wrapped its row's text and pushed every row under it down: CLS 0.09-0.14 at 360-414 px)."""
    html = _listing()
    url = f"https://meddatax.com/clinical-trials?condition=stroke&held={width}"
    door = HeldStatus(browser.service.url)
    browser.set_service_url(door.url)
    browser.pages[url] = html
    page = browser.context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(url)
        page.wait_for_function("""() => { const b = document.querySelectorAll('triallens-badge');
            return b.length === 6 && [...b].every((x) => x.shadowRoot.querySelector('.shown').textContent === 'Checking…'); }""")
        before = page.evaluate(ROWS_JS)
        door.release()
        assert wait_settled(page) == "badged"
        after = page.evaluate(ROWS_JS)
        assert [r["badge"] for r in after] == [r["badge"] for r in after if r["badge"] != "Checking…"], after
        for was, now in zip(before, after):
            assert (now["box"], now["after"]) == (was["box"], was["after"]), (was, now)
        # a line of its own: the text after a badge starts under it, at the row's start
        for row in after:
            assert row["after"][0] == row["box"][0], row
    finally:
        page.close()
        browser.set_service_url(browser.service.url)
        door.close()


# The page's cumulative layout shift (CLS's own entries, none after input).
CLS_JS = """() => new Promise((resolve) => { let cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(cls))); })"""
CLS_FIGURES = ARTIFACTS / "listing-cls.jsonl"


@pytest.mark.parametrize("width", [360, 390, 414, 1280])
def test_listing_layout_shift_figures(browser, width):
    """The listing's CLS as its badges come, in each font, appended to test-artifacts/listing-cls.jsonl for
    bench/extension_timings.py --cls (figures, not asserted: whether the badges' room comes before the page is first
    drawn races the browser's first paint). Asserted: every badge came, filled."""
    for font in FONTS:
        page = browser.open(f"https://meddatax.com/clinical-trials?condition=stroke&cls={width}-{font[:4]}",
                            _listing(font), viewport=(width, 800))
        try:
            assert wait_settled(page) == "badged"
            shown = page.evaluate("() => [...document.querySelectorAll('triallens-badge')].map((b) => b.shadowRoot.querySelector('.shown').textContent)")
            assert len(shown) == 6 and "Checking…" not in shown, shown
            with CLS_FIGURES.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"width": width, "font": font, "cls": page.evaluate(CLS_JS)}) + "\n")
        finally:
            page.close()


def test_firefox_listing_badges_and_their_note(service, tmp_path):
    """Debian's firefox-esr (the content script now starts before the page is read; the note is a popover): every id
    gets its badge, filled by the answer; at 360 px a badge is a line of its own; its note opens under it, inside the
    window, moving neither the badge nor the text after it."""
    from extension_e2e_support import _run_firefox

    url = "https://meddatax.com/clinical-trials?condition=stroke"
    result = _run_firefox("firefox_listing.mjs", service, tmp_path, url, _listing(), "firefox-listing-note.png")
    for width, seen in result.items():
        before, after = seen["before"], seen["after"]
        assert seen["state"] == "badged", (width, seen)
        assert len(before["shown"]) == 6 and "Checking…" not in before["shown"], (width, before["shown"])
        assert (after["badge"], after["after"], after["row"]) == (before["badge"], before["after"], before["row"]), (width, seen)
        note = after["note"]
        assert note and note[1] >= after["badge"][1] + after["badge"][3], (width, note, after["badge"])
        assert 0 <= note[0] and note[0] + note[2] <= after["width"], (width, note)
    phone = result["360"]["before"]
    assert phone["after"][0] == phone["row"][0], ("a line of its own at 360 px", phone)
