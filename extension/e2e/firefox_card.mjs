// The TrialLens Firefox package in Debian's firefox-esr, driven by puppeteer-core (WebDriver BiDi).
// Run by tests/test_extension_e2e.py, which starts the real service, builds the package with that
// service as its default address (WebDriver BiDi may not open moz-extension:// option pages), and
// passes everything in TL_* variables; prints one JSON line with what the card shows.
import fs from "node:fs";
import puppeteer from "puppeteer-core";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const pageUrl = env("TL_PAGE_URL");
const pageHtml = fs.readFileSync(env("TL_PAGE_FILE"), "utf8");

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: env("TL_FIREFOX"),
  headless: true,
  userDataDir: process.env.TL_PROFILE,
  extraPrefsFirefox: { "network.proxy.type": 0 },
});
try {
  await browser.installExtension(env("TL_EXT_DIR"));

  const page = await browser.newPage();
  // puppeteer's setViewport also sends emulation.setScreenOrientationOverride, which some
  // firefox-esr releases (140.12) do not know; the viewport itself is set by then, and only the
  // screenshot's size depends on it.
  await page.setViewport({ width: 1280, height: 860 }).catch((err) => {
    if (!String(err?.message).includes("unknown command")) throw err;
  });
  await page.setRequestInterception(true);
  // Firefox reports some requests it no longer holds by the time they are answered (the tab's
  // favicon, fetched by the browser itself, in firefox-esr 140.12): nothing is left to answer.
  const settled = (answer) => answer.catch((err) => {
    if (!String(err?.message).includes("no such request")) throw err;
  });
  page.on("request", (req) => {
    const url = req.url();
    if (url.split("#")[0] === pageUrl) {
      settled(req.respond({ status: 200, contentType: "text/html; charset=utf-8", body: pageHtml }));
    } else if (url.startsWith("http://127.0.0.1:")) {
      settled(req.continue());
    } else {
      settled(req.respond({ status: 404, contentType: "text/plain", body: "not served by the test" })); // never the network
    }
  });
  await page.goto(pageUrl);
  await page.waitForFunction(() => {
    const s = document.documentElement.dataset.triallensState;
    return s && s !== "loading";
  }, { timeout: 30000 });
  const result = await page.evaluate(() => {
    const root = document.querySelector("triallens-card")?.shadowRoot;
    const all = (sel) => (root ? [...root.querySelectorAll(sel)].map((e) => e.textContent) : []);
    const d = document.documentElement.dataset;
    return {
      state: d.triallensState,
      headline: root ? root.querySelector(".headline").textContent.replace(/^TrialLens/, "").trim() : null,
      findings: all(".finding > p"),
      values: all(".finding dd"),
      officialLink: root?.querySelector(".next-steps a, footer a")?.getAttribute("href") ?? null,
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
  await page.setViewport({ width: 320, height: 256 }).catch((err) => {
    if (!String(err?.message).includes("unknown command")) throw err;
  });
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
