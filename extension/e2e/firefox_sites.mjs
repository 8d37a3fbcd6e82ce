// A listing in Debian's firefox-esr (see firefox_launch.mjs) on a site that is on: once the background worker has
// registered content/siteon.js (lib/nct.js siteOnSyncer), each load has its "Checking…" badges when its HTML has been read
// (the page's own DOMContentLoaded listener, after the content script's, counts them). Run by
// tests/test_extension_e2e_sites.py with TL_PAGE_URL / TL_PAGE_FILE; prints one JSON line.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";

const pageUrl = env("TL_PAGE_URL");
const { browser, newPage } = await launch({ [pageUrl]: fs.readFileSync(env("TL_PAGE_FILE"), "utf8") });

async function load(n) {
  const page = await newPage();
  try {
    await setViewport(page, 360, 800);
    await page.goto(`${pageUrl}?n=${n}`);
    await settled(page);
    return await page.evaluate(() => Object.assign({}, document.documentElement.dataset));
  } finally {
    await page.close();
  }
}

const out = { before: 0, loads: [] };
try {
  // (the registration follows the add-on's install: the first loads may come before it)
  while (out.before < 20 && (await load(out.before)).triallensSiteOn !== "registered") out.before += 1;
  for (let i = 0; i < 5; i++) out.loads.push(await load(100 + i));
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
