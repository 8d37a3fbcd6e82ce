// The TrialLens Firefox package in Debian's firefox-esr, driven by puppeteer-core (WebDriver BiDi).
// Run by tests/test_extension_e2e.py, which starts the real service, builds the package as it ships
// (firefox_launch.mjs saves the service's address in the options page) and passes everything in TL_*
// variables; prints one JSON line with what the card shows.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";

const pageUrl = env("TL_PAGE_URL");
const pageHtml = fs.readFileSync(env("TL_PAGE_FILE"), "utf8");

const { browser, newPage } = await launch({ [pageUrl.split("?")[0]]: pageHtml });
try {
  const page = await newPage();
  await page.goto(pageUrl);
  await settled(page);
  const result = await page.evaluate(() => {
    const root = document.querySelector("triallens-card")?.shadowRoot;
    const all = (sel) => (root ? [...root.querySelectorAll(sel)].map((e) => e.textContent) : []);
    const d = document.documentElement.dataset;
    return {
      state: d.triallensState,
      headline: root ? root.querySelector(".headline").textContent.replace(/^TrialLens/, "").trim() : null,
      findings: all(".finding > p"),
      values: all(".finding dd"),
      officialLink: root?.querySelector(".next-steps a, .who a")?.getAttribute("href") ?? null,
      icon: root?.querySelector("header .icon")?.textContent ?? null,
      toggle: root?.querySelector("button.toggle")?.textContent ?? null,
      // the card is longer than it shows: the "More ↓" cue is up, and the card no taller than 60% of the window
      more: root ? !root.querySelector(".more").hidden : null,
      cardHeightShare: root ? root.querySelector(".card").getBoundingClientRect().height / window.innerHeight : null,
      contentScriptMs: Number(d.triallensScanMs),
      answerToVisibleMs: Number(d.triallensAnswerToVisibleMs),
    };
  });
  if (process.env.TL_SCREENSHOT) await page.screenshot({ path: process.env.TL_SCREENSHOT });
  // 400 % zoom of 1280×1024 (320×256 CSS px, WCAG 1.4.10): the first finding scrolled to the card's top edge, how much
  // of it shows between the header and the "More" strip, and whether it (not the header) is drawn at its first line
  await setViewport(page, 320, 256);
  await page.waitForFunction(() => window.innerWidth === 320 && window.innerHeight === 256, { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  result.reflow400 = await page.evaluate(() => {
    const root = document.querySelector("triallens-card").shadowRoot;
    const card = root.querySelector(".card");
    const finding = root.querySelector(".finding");
    card.scrollTop += finding.getBoundingClientRect().top - card.getBoundingClientRect().top;
    const c = card.getBoundingClientRect(), f = finding.getBoundingClientRect();
    const header = root.querySelector("header").getBoundingClientRect();
    const more = root.querySelector(".more span");
    let top = c.top, bottom = c.bottom;
    if (header.bottom > top && header.top < bottom) top = Math.max(top, header.bottom);
    if (more && more.getClientRects().length) {
      const m = more.getBoundingClientRect();
      if (m.top < bottom && m.bottom > top) bottom = Math.min(bottom, m.top);
    }
    const line = finding.querySelector("p").getClientRects()[0];
    const hit = root.elementFromPoint(line.left + Math.min(line.width / 2, 40), line.top + line.height / 2);
    return { band: Math.min(bottom, f.bottom) - Math.max(top, f.top), hitInFinding: Boolean(hit && finding.contains(hit)) };
  });
  if (process.env.TL_SCREENSHOT) await page.screenshot({ path: process.env.TL_SCREENSHOT.replace(/\.png$/, "-zoom400.png") });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
