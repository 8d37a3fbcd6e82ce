// Debian's firefox-esr with the TrialLens Firefox package, driven by puppeteer-core (WebDriver BiDi), for the e2e
// scripts beside this one. Pages are served by the test (no network): `pages` maps a page's address (without
// fragment; with its query, or without it to serve every query) to its HTML; the service on 127.0.0.1 is reached for real.
import puppeteer from "puppeteer-core";

export const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

/**
 * Firefox with the package at TL_EXT_DIR installed; `pages`: {address: html}. With TL_RDP_PORT set, Firefox also
 * listens there for its own debugging protocol (firefox_rdp.mjs: the extension's pages), without asking first.
 */
export async function launch(pages) {
  const rdpPort = process.env.TL_RDP_PORT;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: env("TL_FIREFOX"),
    headless: true,
    userDataDir: process.env.TL_PROFILE,
    args: rdpPort ? ["--start-debugger-server", rdpPort] : [],
    // (without devtools.chrome.enabled, --start-debugger-server opens no port)
    extraPrefsFirefox: { "network.proxy.type": 0, ...(rdpPort ? { "devtools.debugger.remote-enabled": true,
      "devtools.chrome.enabled": true, "devtools.debugger.prompt-connection": false } : {}) },
  });
  try {
    await browser.installExtension(env("TL_EXT_DIR"));
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, newPage: () => newPage(browser, pages) };
}

/**
 * A tab whose requests are answered from `pages`. puppeteer's setViewport also sends
 * emulation.setScreenOrientationOverride, which some firefox-esr releases (140.12) do not know; the viewport itself
 * is set by then, and only the screenshot's size depends on it.
 */
export async function setViewport(page, width, height) {
  await page.setViewport({ width, height }).catch((err) => {
    if (!String(err?.message).includes("unknown command")) throw err;
  });
}

async function newPage(browser, pages) {
  const page = await browser.newPage();
  await setViewport(page, 1280, 860);
  await page.setRequestInterception(true);
  // Firefox reports some requests it no longer holds by the time they are answered (the tab's
  // favicon, fetched by the browser itself, in firefox-esr 140.12): nothing is left to answer.
  const answered = (answer) => answer.catch((err) => {
    if (!String(err?.message).includes("no such request")) throw err;
  });
  page.on("request", (req) => {
    const url = req.url();
    const address = url.split("#")[0];
    const html = pages[address] ?? pages[address.split("?")[0]]; // (an address with its query first: another page)
    if (html !== undefined) {
      answered(req.respond({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    } else if (url.startsWith("http://127.0.0.1:")) {
      answered(req.continue());
    } else {
      answered(req.respond({ status: 404, contentType: "text/plain", body: "not served by the test" })); // never the network
    }
  });
  return page;
}

/** Waits until the content script has settled on `page` (its state is neither unset nor loading). */
export async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.documentElement.dataset.triallensState;
    return s && s !== "loading";
  }, { timeout: 30000 });
}
