// The folded card at 360×740 in Debian's firefox-esr (see firefox_launch.mjs): a fixed bar the page shows after the
// card is drawn lifts the card (content/pageroom.js watchPage), and "Close" leaves a note naming the shortcut Firefox
// has now (the background worker asks browser.commands.getAll for the content script). Run by
// tests/test_extension_e2e.py with TL_PAGE_URL / TL_PAGE_FILE (a trial page with a card) and TL_BAR_HTML (the bar);
// prints one JSON line with what was seen. A step whose wait ran out says so (`lifted: false`…) for the test to report.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";

const pageUrl = env("TL_PAGE_URL");
const barHtml = env("TL_BAR_HTML");
const { browser, newPage } = await launch({ [pageUrl.split("?")[0]]: fs.readFileSync(env("TL_PAGE_FILE"), "utf8") });

/** Whether `fn(arg)` comes true in the page within 10 s (false, not a throw, when it does not). */
const cameTrue = (page, fn, arg) => page.waitForFunction(fn, { timeout: 10000, polling: 50 }, arg).then(() => true, () => false);

const pill = () => {
  const r = document.querySelector("triallens-card").shadowRoot.querySelector("aside").getBoundingClientRect();
  return { x: r.x, y: r.y, bottom: r.bottom };
};

try {
  const result = {};
  const page = await newPage();
  await setViewport(page, 360, 740);
  await page.goto(`${pageUrl}?firefox-phone`);
  await settled(page);
  await page.waitForFunction(() => window.innerWidth === 360 && window.innerHeight === 740, { timeout: 10000 });
  // Hide: the pill in the window's corner
  await page.evaluate(() => {
    const host = document.querySelector("triallens-card");
    const toggle = host.shadowRoot.querySelector("button.toggle");
    if (toggle.getAttribute("aria-expanded") === "true") toggle.click();
  });
  const bar = {};
  bar.folded = await page.evaluate(() => document.querySelector("triallens-card").shadowRoot
    .querySelector("button.toggle").getAttribute("aria-expanded") === "false");
  bar.corner = await page.evaluate(pill);
  // the page shows its bar after the card is drawn
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), barHtml);
  bar.lifted = await cameTrue(page, () => {
    const c = document.querySelector("triallens-card").shadowRoot.querySelector("aside").getBoundingClientRect();
    return c.bottom <= document.getElementById("cookies").getBoundingClientRect().top + 1;
  });
  bar.lift = await page.evaluate(() => {
    const b = document.getElementById("accept").getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { hit: hit ? hit.id || hit.localName : null, barTop: document.getElementById("cookies").getBoundingClientRect().top };
  });
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
