"use strict";
// Firefox for Android with no service address saved: 127.0.0.1, the address TrialLens comes with, is the phone itself,
// where no TrialLens service runs. There no service is set (lib/protocol.js defaultServiceUrl, readSettings): nothing is
// asked, and the card says so and how to set one. Desktop keeps 127.0.0.1. Android is simulated by what
// runtime.getPlatformInfo says (os "android"), as the code asks it.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const P = require("../lib/protocol.js");

const ROOT = path.join(__dirname, "..");
const PAGE = "https://meddatax.com/clinical-trials/NCT07232563";
const LISTING = "https://meddatax.com/search?q=stroke";
const ANNOTATION = { nct_id: "NCT07232563", drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } };
const DESKTOPS = [null, undefined, "linux", "win", "mac", "cros", "openbsd"];

test("no service: the address is the saved one, else 127.0.0.1:5000, except on Android, where it is none", () => {
  assert.equal(P.DEFAULT_SERVICE_URL, "http://127.0.0.1:5000");
  for (const os of DESKTOPS) {
    assert.equal(P.defaultServiceUrl(os), "http://127.0.0.1:5000", String(os));
    assert.equal(P.readSettings({}, os).serviceUrl, "http://127.0.0.1:5000", String(os));
    assert.equal(P.readSettings({ serviceUrl: "javascript:1" }, os).serviceUrl, "http://127.0.0.1:5000", String(os));
  }
  assert.equal(P.readSettings({}).serviceUrl, "http://127.0.0.1:5000", "a caller that does not say the platform");
  assert.equal(P.defaultServiceUrl("android"), null);
  assert.equal(P.readSettings({}, "android").serviceUrl, null);
  assert.equal(P.readSettings(undefined, "android").serviceUrl, null);
  assert.equal(P.readSettings({ serviceUrl: "not an address" }, "android").serviceUrl, null);
  assert.equal(P.readSettings({ serviceUrl: "http://192.168.1.20:5000/" }, "android").serviceUrl, "http://192.168.1.20:5000");
  // (an address the reader saved is theirs to choose, 127.0.0.1 too)
  assert.equal(P.readSettings({ serviceUrl: "http://127.0.0.1:5000" }, "android").serviceUrl, "http://127.0.0.1:5000");
});

test("no service: a package built with a service elsewhere (build.py --service-url) uses it on Android too", () => {
  // build.py rewrites this one line (tests/test_extension_manifest.py); the same rewrite here
  const source = fs.readFileSync(path.join(ROOT, "lib/protocol.js"), "utf8")
    .replace(/const DEFAULT_SERVICE_URL = "[^"]*";/, 'const DEFAULT_SERVICE_URL = "https://triallens.example.org";');
  const sandbox = { module: { exports: {} }, require: (f) => require(path.join(ROOT, "lib", f)) };
  vm.runInNewContext(source, sandbox);
  const built = sandbox.module.exports;
  assert.equal(built.defaultServiceUrl("android"), "https://triallens.example.org");
  assert.equal(built.readSettings({}, "android").serviceUrl, "https://triallens.example.org");
  assert.equal(built.readSettings({}, "linux").serviceUrl, "https://triallens.example.org");
});

test("no service: platformOs is what runtime.getPlatformInfo says, and null where it cannot say", async () => {
  assert.equal(await P.platformOs({ getPlatformInfo: async () => ({ os: "android", arch: "arm64" }) }), "android");
  assert.equal(await P.platformOs({ getPlatformInfo: async () => ({ os: "linux" }) }), "linux");
  assert.equal(await P.platformOs({ getPlatformInfo: async () => { throw new Error("no"); } }), null);
  assert.equal(await P.platformOs({ getPlatformInfo: async () => undefined }), null);
  assert.equal(await P.platformOs({}), null);
  assert.equal(await P.platformOs(undefined), null);
});

/** handleMessage's deps on `os` with `stored` settings; fetch records each address asked. */
function deps(os, stored = {}) {
  const asked = [];
  return {
    asked,
    fetch: async (url) => {
      asked.push(url);
      const body = url.includes("/status") ? { statuses: {}, missing: {} } : ANNOTATION;
      return { ok: true, status: 200, json: async () => body };
    },
    getSettings: async () => stored,
    platform: async () => os,
    supportedHosts: ["meddatax.com"],
    now: () => 1,
  };
}

test("no service: on Android with nothing saved a trial page and a listing are answered 'no service', nothing is asked", async () => {
  const d = deps("android");
  const page = await P.handleMessage({ type: "annotate", url: PAGE, html: "<html></html>" }, d);
  assert.equal(page.ok, false);
  assert.equal(page.state, "no_service");
  assert.equal(page.title, "No TrialLens service is set");
  assert.equal(page.detail, "Nothing on this page was checked: TrialLens needs a TrialLens service on a computer this " +
    "phone can reach, and none is set yet. Open the TrialLens options to enter its address.");
  assert.match(page.technical, /^No service address is saved, and the one TrialLens came with, http:\/\/127\.0\.0\.1:5000, is this phone itself/);
  assert.doesNotMatch(`${page.title} ${page.detail}`, /isn't working|Could not reach|127\.0\.0\.1/);
  const listing = await P.handleMessage({ type: "status", url: LISTING, ids: ["NCT07232563"] }, d);
  assert.equal(listing.state, "no_service");
  assert.match(listing.detail, /^None of the trials listed on this page were checked: TrialLens needs a TrialLens service/);
  assert.deepEqual(d.asked, []);
  // a site switched off is still said as off (no card at all), not as a service to set
  const off = deps("android", { disabledSites: ["meddatax.com"] });
  assert.equal((await P.handleMessage({ type: "annotate", url: PAGE, html: "x" }, off)).state, "disabled");
  // Test connection asks the address typed in, whatever is saved
  const ping = deps("android");
  await P.handleMessage({ type: "ping", serviceUrl: "http://192.168.1.20:5000" }, ping);
  assert.deepEqual(ping.asked, ["http://192.168.1.20:5000/api/v1/sites"]);
});

test("no service: an address saved on Android is asked; desktop with nothing saved asks 127.0.0.1:5000 as before", async () => {
  const phone = deps("android", { serviceUrl: "http://192.168.1.20:5000" });
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "x" }, phone);
  assert.equal(res.ok, true);
  assert.equal(res.serviceUrl, "http://192.168.1.20:5000");
  assert.deepEqual(phone.asked, ["http://192.168.1.20:5000/api/v1/annotate"]);
  for (const os of DESKTOPS) {
    const d = deps(os);
    assert.equal((await P.handleMessage({ type: "annotate", url: PAGE, html: "x" }, d)).ok, true, String(os));
    await P.handleMessage({ type: "status", url: LISTING, ids: ["NCT07232563"] }, d);
    assert.deepEqual(d.asked, ["http://127.0.0.1:5000/api/v1/annotate", "http://127.0.0.1:5000/api/v1/status?ids=NCT07232563"], String(os));
  }
  // deps without platform (as before): the default
  const plain = deps("android");
  delete plain.platform;
  await P.handleMessage({ type: "annotate", url: PAGE, html: "x" }, plain);
  assert.deepEqual(plain.asked, ["http://127.0.0.1:5000/api/v1/annotate"]);
});

/** background.js as Firefox loads it (manifest background.scripts) in a VM, on `os`; `ask` plays a content script. */
function backgroundOn(os, stored = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  const onMessage = [];
  const asked = [];
  const chrome = {
    runtime: { id: "triallens@test", getManifest: () => manifest, onMessage: { addListener: (fn) => onMessage.push(fn) },
      getPlatformInfo: async () => ({ os, arch: "arm64" }) },
    storage: { local: { get: async () => JSON.parse(JSON.stringify(stored)) } },
  };
  const fetch = async (url) => { asked.push(url); return { ok: true, status: 200, json: async () => ANNOTATION }; };
  const context = vm.createContext({ chrome, console, performance, URL, fetch, setTimeout, clearTimeout });
  for (const f of manifest.background.scripts) vm.runInContext(fs.readFileSync(path.join(ROOT, f), "utf8"), context, { filename: f });
  const ask = (msg) => new Promise((resolve) => {
    onMessage[0](msg, { id: "triallens@test" }, (res) => resolve(JSON.parse(JSON.stringify(res))));
  });
  return { ask, asked };
}

test("no service: the background worker asks the platform and calls no 127.0.0.1 on Android with nothing saved", async () => {
  const phone = backgroundOn("android");
  const res = await phone.ask({ type: "annotate", url: PAGE, html: "<html></html>" });
  assert.equal(res.state, "no_service");
  await phone.ask({ type: "annotate", url: PAGE, html: "<html></html>" });
  assert.deepEqual(phone.asked, []);
  const saved = backgroundOn("android", { serviceUrl: "http://192.168.1.20:5000" });
  assert.equal((await saved.ask({ type: "annotate", url: PAGE, html: "x" })).ok, true);
  assert.deepEqual(saved.asked, ["http://192.168.1.20:5000/api/v1/annotate"]);
  const desktop = backgroundOn("linux");
  assert.equal((await desktop.ask({ type: "annotate", url: PAGE, html: "x" })).ok, true);
  assert.deepEqual(desktop.asked, ["http://127.0.0.1:5000/api/v1/annotate"]);
});
