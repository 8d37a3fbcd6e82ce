// The folded card at 360×740 in Debian's firefox-esr (see firefox_launch.mjs): a bar that sticks at the window's
// bottom only while its part of the page is scrolled into view lifts the card (the scroll re-check in
// content/pageroom.js watchPage), so does a fixed bar the page shows after the card is drawn (its MutationObserver),
// and "Close" leaves a note naming the shortcut Firefox has now (the background worker asks browser.commands.getAll
// for the content script). Run by tests/test_extension_e2e_room.py with TL_PAGE_URL / TL_PAGE_FILE (a trial page with a
// card), TL_STICKY_FILE (the same trial's page with the sticky part, served at TL_PAGE_URL?sticky-part) and
// TL_BAR_HTML (the late bar); prints one JSON line with what was seen. A step whose wait ran out says so
// (`lifted: false`…) for the test to report.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";

const pageUrl = env("TL_PAGE_URL");
const barHtml = env("TL_BAR_HTML");
const stickyUrl = `${pageUrl.split("?")[0]}?sticky-part`;
const { browser, newPage } = await launch({ [pageUrl.split("?")[0]]: fs.readFileSync(env("TL_PAGE_FILE"), "utf8"),
  [stickyUrl]: fs.readFileSync(env("TL_STICKY_FILE"), "utf8") });

/** Whether `fn(arg)` comes true in the page within 10 s (false, not a throw, when it does not). */
const cameTrue = (page, fn, arg) => page.waitForFunction(fn, { timeout: 10000, polling: 50 }, arg).then(() => true, () => false);

const pill = () => {
  const r = document.querySelector("triallens-card").shadowRoot.querySelector("aside").getBoundingClientRect();
  return { x: r.x, y: r.y, bottom: r.bottom };
};

/** `url` in a new 360×740 tab, its card settled and folded (Hide: the pill in the window's corner). */
async function foldedAt(url) {
  const page = await newPage();
  await setViewport(page, 360, 740);
  await page.goto(url);
  await settled(page);
  await page.waitForFunction(() => window.innerWidth === 360 && window.innerHeight === 740, { timeout: 10000 });
  await page.evaluate(() => {
    const host = document.querySelector("triallens-card");
    const toggle = host.shadowRoot.querySelector("button.toggle");
    if (toggle.getAttribute("aria-expanded") === "true") toggle.click();
  });
  const folded = await page.evaluate(() => document.querySelector("triallens-card").shadowRoot
    .querySelector("button.toggle").getAttribute("aria-expanded") === "false");
  return { page, folded, corner: await page.evaluate(pill) };
}

/** What the reader sees at the middle of element `id`: its id, or the tag of what covers it. */
const hitAt = (id) => {
  const b = document.getElementById(id).getBoundingClientRect();
  const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
  return hit ? hit.id || hit.localName : null;
};

try {
  const result = {};
  // A part of the page whose bar sticks at the window's bottom edge while that part is in view: scrolling alone (no
  // change to the page) brings the bar up, lifting the card above it, and takes it away, letting the card back down.
  {
    const { page, folded, corner } = await foldedAt(stickyUrl);
    const sticky = { folded, corner };
    sticky.belowAtFirst = await page.evaluate(() => document.getElementById("sticky").getBoundingClientRect().top > innerHeight);
    await page.evaluate(() => document.getElementById("sites").scrollIntoView({ block: "start" }));
    sticky.stuckBottom = await page.evaluate(() => document.getElementById("sticky").getBoundingClientRect().bottom);
    sticky.lifted = await cameTrue(page, () => {
      const c = document.querySelector("triallens-card").shadowRoot.querySelector("aside").getBoundingClientRect();
      return c.bottom <= document.getElementById("sticky").getBoundingClientRect().top + 1;
    });
    sticky.hit = await page.evaluate(hitAt, "contact");
    sticky.liftedPill = await page.evaluate(pill);
    if (process.env.TL_STICKY_SCREENSHOT) await page.screenshot({ path: process.env.TL_STICKY_SCREENSHOT });
    await page.evaluate(() => document.getElementById("after").scrollIntoView({ block: "start" })); // past the part
    sticky.barGone = await page.evaluate(() => document.getElementById("sticky").getBoundingClientRect().bottom < innerHeight / 2);
    sticky.down = await cameTrue(page, (y) => Math.abs(document.querySelector("triallens-card").shadowRoot
      .querySelector("aside").getBoundingClientRect().y - y) < 1, corner.y);
    result.stickyPart = sticky;
    await page.close();
  }

  const { page, folded, corner } = await foldedAt(`${pageUrl}?firefox-phone`);
  const bar = { folded, corner };
  // the page shows its bar after the card is drawn
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), barHtml);
  bar.lifted = await cameTrue(page, () => {
    const c = document.querySelector("triallens-card").shadowRoot.querySelector("aside").getBoundingClientRect();
    return c.bottom <= document.getElementById("cookies").getBoundingClientRect().top + 1;
  });
  bar.lift = { hit: await page.evaluate(hitAt, "accept"),
    barTop: await page.evaluate(() => document.getElementById("cookies").getBoundingClientRect().top) };
  bar.liftedPill = await page.evaluate(pill);
  if (process.env.TL_SCREENSHOT) await page.screenshot({ path: process.env.TL_SCREENSHOT });
  // Accept: the site takes its bar away, and the card comes back down to the corner
  await page.evaluate(() => document.getElementById("cookies").remove());
  bar.down = await cameTrue(page, (y) => Math.abs(document.querySelector("triallens-card").shadowRoot
    .querySelector("aside").getBoundingClientRect().y - y) < 1, bar.corner.y);
  result.lateBar = bar;

  // "Close": the note a screen reader hears names the shortcut that brings the card back, as Firefox has it now
  await page.evaluate(() => document.querySelector("triallens-card").shadowRoot.querySelector("button.close").click());
  const said = () => {
    const note = document.querySelector("triallens-note");
    const region = note && note.shadowRoot.querySelector("[role=status]");
    return region ? region.textContent : "";
  };
  await cameTrue(page, said);
  result.closed = { card: await page.evaluate(() => document.querySelectorAll("triallens-card").length),
    note: await page.evaluate(said) };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
