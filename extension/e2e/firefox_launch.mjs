// Debian's firefox-esr with the TrialLens Firefox package, driven by puppeteer-core (WebDriver BiDi), for the e2e
// scripts beside this one. Pages are served by the test (no network): `pages` maps a page's address (without
// fragment; with its query, or without it to serve every query) to its HTML; the service on 127.0.0.1 is reached for real.
import puppeteer from "puppeteer-core";
import { extensionTab, rdpConnect } from "./firefox_rdp.mjs";

export const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

/**
 * Firefox with the package at TL_EXT_DIR installed, its service address (TL_SERVICE_URL) saved in its options page;
 * `pages`: {address: html}. Firefox also listens on TL_RDP_PORT for its own debugging protocol (firefox_rdp.mjs: the
 * extension's pages), without asking first.
 */
export async function launch(pages) {
  const rdpPort = env("TL_RDP_PORT");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: env("TL_FIREFOX"),
    headless: true,
    userDataDir: process.env.TL_PROFILE,
    args: ["--start-debugger-server", rdpPort],
    // (without devtools.chrome.enabled, --start-debugger-server opens no port)
    extraPrefsFirefox: { "network.proxy.type": 0, "devtools.debugger.remote-enabled": true,
      "devtools.chrome.enabled": true, "devtools.debugger.prompt-connection": false },
  });
  try {
    await browser.installExtension(env("TL_EXT_DIR"));
    await saveServiceAddress(Number(rdpPort), env("TL_SERVICE_URL"));
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, newPage: () => newPage(browser, pages) };
}

/**
 * `serviceUrl` typed into the options page TrialLens opens at its install and saved, as a reader sets it up: the
 * package keeps its built-in default (build.py --service-url is for an organisation's own packages). Throws unless
 * the page says it saved that address.
 */
async function saveServiceAddress(rdpPort, serviceUrl) {
  const rdp = await rdpConnect(rdpPort);
  try {
    const options = await extensionTab(rdp, "/options/options.html");
    const said = await options.evaluate(`async () => {
      const field = document.getElementById("service-url");
      const msg = document.getElementById("service-msg");
      const until = async (ok) => { for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50)); };
      await until(() => field.value);   // (the address the page loaded, which would replace one typed before it)
      field.value = ${JSON.stringify(serviceUrl)};
      field.dispatchEvent(new Event("input", { bubbles: true }));
      document.querySelector("#service-form button[type=submit]").click();
      await until(() => msg.textContent);
      return msg.textContent;
    }`);
    if (said !== `Saved. Pages are now checked by ${serviceUrl}.`) {
      throw new Error(`the options page did not save the service address: ${JSON.stringify(said)}`);
    }
  } finally {
    rdp.close();
  }
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
