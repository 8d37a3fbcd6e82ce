// A listing in Debian's firefox-esr (see firefox_launch.mjs) at 360 and 1280 px wide: every id gets its badge, filled
// by the answer; at 360 a badge is a line of its own (the text after it starts at the row's start); a badge's note
// opens over the page, under it, inside the window, moving neither the badge nor the text after it. Run by
// tests/test_extension_e2e_listing.py with TL_PAGE_URL / TL_PAGE_FILE; prints one JSON line per width.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";

const pageUrl = env("TL_PAGE_URL");
const { browser, newPage } = await launch({ [pageUrl]: fs.readFileSync(env("TL_PAGE_FILE"), "utf8") });

// The badge after the second id, the text after it, its row and its note (client pixels), and every badge's words.
const boxes = () => {
  const host = document.querySelectorAll("triallens-badge")[1];
  const r = (b) => [b.left, b.top, b.width, b.height].map((v) => Math.round(v * 10) / 10);
  const range = document.createRange();
  range.selectNodeContents(host.nextSibling);
  const note = host.shadowRoot.querySelector(".explain");
  return { badge: r(host.shadowRoot.querySelector("button").getBoundingClientRect()), after: r(range.getClientRects()[0]),
    row: r(host.closest("li").getBoundingClientRect()), note: note.hidden ? null : r(note.getBoundingClientRect()),
    width: document.documentElement.clientWidth,
    shown: [...document.querySelectorAll("triallens-badge")].map((b) => b.shadowRoot.querySelector(".shown").textContent) };
};

const out = {};
try {
  for (const width of [360, 1280]) {
    const page = await newPage();
    await setViewport(page, width, 800);
    await page.goto(`${pageUrl}`);
    await settled(page);
    await page.waitForFunction((w) => window.innerWidth === w, { timeout: 10000 }, width);
    const state = await page.evaluate(() => document.documentElement.dataset.triallensState);
    const before = await page.evaluate(boxes);
    await page.evaluate(() => document.querySelectorAll("triallens-badge")[1].shadowRoot.querySelector("button").click());
    const after = await page.evaluate(boxes);
    if (process.env.TL_SCREENSHOT && width === 360) await page.screenshot({ path: process.env.TL_SCREENSHOT });
    out[width] = { state, before, after };
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
