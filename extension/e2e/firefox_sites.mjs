// A listing in Debian's firefox-esr (see firefox_launch.mjs) on a site that is on, then switched off and on again in
// the extension's own options page, the tab it opened at its install (driven through firefox_rdp.mjs: WebDriver BiDi
// cannot reach it). On: once the background worker has registered content/siteon.js (lib/nct.js siteOnSyncer), each load
// has its "Checking…" badges when its HTML has been read (the page's own DOMContentLoaded listener, after the content
// script's, counts them). Off: the registration leaves the site out, no TrialLens element is ever put on the page, and
// the service is asked nothing (its log, TL_SERVICE_LOG). Run by tests/test_extension_e2e_sites.py with TL_PAGE_URL /
// TL_PAGE_FILE / TL_RDP_PORT; prints one JSON line. A wait that ran out says what it saw, for the test to report.
import fs from "node:fs";
import { env, launch, setViewport, settled } from "./firefox_launch.mjs";
import { extensionTab, rdpConnect } from "./firefox_rdp.mjs";

const pageUrl = env("TL_PAGE_URL");
const SITE_BOX = "site-meddatax-com";   // (options.js: the switch of meddatax.com)
const SITE_PATTERN = "*://*.meddatax.com/*";
const { browser, newPage } = await launch({ [pageUrl]: fs.readFileSync(env("TL_PAGE_FILE"), "utf8") });

// every TrialLens element ever put on the page, counted from before the page's first byte
const EVER_JS = `window.__tlEver = 0; new MutationObserver((records) => { for (const r of records)
  for (const n of r.addedNodes) if (n.nodeName.startsWith("TRIALLENS-")) window.__tlEver += 1; })
  .observe(document, { subtree: true, childList: true });`;

/** The status requests the service has logged so far. */
const statusAsked = () => fs.readFileSync(env("TL_SERVICE_LOG"), "utf8").split("GET /api/v1/status").length - 1;

async function load(query, { watch = false } = {}) {
  const page = await newPage();
  try {
    await setViewport(page, 360, 800);
    if (watch) await page.evaluateOnNewDocument(EVER_JS);
    await page.goto(`${pageUrl}?${query}`);
    await settled(page);
    // (a badge coming late would come by now: the status is asked at 200 ms at most)
    if (watch) await new Promise((resolve) => setTimeout(resolve, 300));
    return await page.evaluate(() => ({ data: Object.assign({}, document.documentElement.dataset),
      ever: window.__tlEver ?? null, now: document.querySelectorAll("triallens-badge, triallens-card").length }));
  } finally {
    await page.close();
  }
}

const out = { before: 0, loads: [] };
const rdp = await rdpConnect(Number(env("TL_RDP_PORT")));
try {
  // (the registration follows the add-on's install: the first loads may come before it)
  while (out.before < 20 && (await load(`n=${out.before}`)).data.triallensSiteOn !== "registered") out.before += 1;
  for (let i = 0; i < 5; i++) out.loads.push((await load(`n=${100 + i}`)).data);

  const options = await extensionTab(rdp, "/options/options.html");
  const registered = () => options.evaluate(`() => browser.scripting.getRegisteredContentScripts({ ids: ["triallens-site-on"] })
    .then((s) => (s.length ? s[0].matches : []))`);
  /** The registered patterns once they hold meddatax's (`on`) or leave it out, or as they were after 10 s. */
  async function registeredOnceItIs(on) {
    let now = [];
    for (let i = 0; i < 200; i++) {
      now = await registered();
      if (now.length && now.includes(SITE_PATTERN) === on) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return now;
  }
  /** The reader's click on the site's switch: what the switch says, and what storage says once it follows (or at 5 s). */
  const flip = () => options.evaluate(`async () => {
    const box = document.getElementById("${SITE_BOX}");
    box.click();
    let off = [];
    for (let i = 0; i < 100; i++) {
      off = (await browser.storage.local.get("disabledSites")).disabledSites || [];
      if (off.includes("meddatax.com") !== box.checked) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { checked: box.checked, label: box.labels[0].textContent.trim(), disabledSites: off };
  }`);
  out.options = { url: options.url, all: await registered() };

  out.switchedOff = await flip();
  out.switchedOff.registered = await registeredOnceItIs(false);
  const asked = statusAsked();
  out.off = [];
  for (let i = 0; i < 3; i++) out.off.push(await load(`off=${i}`, { watch: true }));
  out.askedWhileOff = statusAsked() - asked;

  out.switchedOn = await flip();
  out.switchedOn.registered = await registeredOnceItIs(true);
  const askedBefore = statusAsked();
  out.again = await load("again=1", { watch: true });
  out.askedAgain = statusAsked() - askedBefore;
} finally {
  rdp.close();
  await browser.close();
}
console.log(JSON.stringify(out));
