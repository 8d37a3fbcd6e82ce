"use strict";
// Whether TrialLens is on for a page's site, known when the page is read: the background worker registers
// content/siteon.js for the manifest's patterns of the sites that are on (lib/nct.js siteOnSyncer), and the content script
// keeps a listing's badges their room in the task that read the page, with no wait for storage (whose answer came
// 20–75 ms after the page was read in 11 of 45 phone loads: the page drawn once without the room, CLS 0.074–0.110).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const S = require("../lib/nct.js");
const { ROOT, fakeStorage, runContent, until } = require("./jsdom_page.js");

const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
// Chrome runs a registered script only where the extension holds the host permission: ClinicalTrials.gov's study pattern
// is a content-script match but no host permission (sync_hosts.py), so siteon.js is not registered for it (it never ran
// there, and its study pages have no listing to keep room for)
const CTGOV = "https://*.clinicaltrials.gov/study/*";
const PATTERNS = MANIFEST.content_scripts[0].matches.filter((p) => p !== CTGOV);

test("site-on script: the manifest's own patterns, less the sites switched off", () => {
  assert.deepEqual(S.enabledPatterns(MANIFEST, []), PATTERNS);
  assert.ok(MANIFEST.content_scripts[0].matches.includes(CTGOV) && !MANIFEST.host_permissions.includes(CTGOV));
  assert.equal(PATTERNS.length, MANIFEST.content_scripts[0].matches.length - 1);
  assert.ok(PATTERNS.every((p) => MANIFEST.host_permissions.includes(p)));
  // a manifest whose host permissions are all its patterns: every one (the permissions choose, not a host named here)
  const granted = Object.assign({}, MANIFEST, { host_permissions: MANIFEST.content_scripts[0].matches });
  assert.deepEqual(S.enabledPatterns(granted, []), MANIFEST.content_scripts[0].matches);
  const on = S.enabledPatterns(MANIFEST, ["meddatax.com", "clinicaltrials.gov", "not-a-site.example"]);
  assert.deepEqual(on, PATTERNS.filter((p) => !p.includes("meddatax.com") && !p.includes("clinicaltrials.gov")));
  assert.equal(on.length, PATTERNS.length - 1);
  assert.deepEqual(S.enabledPatterns(MANIFEST, "meddatax.com"), PATTERNS, "(a bad stored value switches nothing off)");
  assert.deepEqual(S.enabledPatterns({}, []), [], "never a pattern of its own");
  assert.ok(fs.existsSync(path.join(ROOT, S.SITE_ON_FILE)));
});

/** chrome.scripting as far as syncSiteOn uses it, keeping what is registered; `calls` names each change. */
function fakeScripting() {
  const registered = new Map();
  const calls = [];
  const tick = () => new Promise((r) => setTimeout(r, 1));
  return {
    registered, calls,
    async getRegisteredContentScripts({ ids }) { await tick(); return [...registered.values()].filter((s) => ids.includes(s.id)); },
    async registerContentScripts(list) {
      await tick();
      for (const s of list) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
      calls.push("register");
    },
    async updateContentScripts(list) { await tick(); for (const s of list) registered.set(s.id, s); calls.push("update"); },
    async unregisterContentScripts({ ids }) { await tick(); for (const id of ids) registered.delete(id); calls.push("unregister"); },
  };
}

test("site-on script: registered for the sites that are on, updated as they change, gone when none is on", async () => {
  const scripting = fakeScripting();
  const stored = { disabledSites: [] };
  const sync = S.siteOnSyncer({ scripting, manifest: MANIFEST, getDisabled: async () => stored.disabledSites });
  // two at once (the worker's start and a change of setting): one registration, not a failure on the second
  const [a, b] = await Promise.all([sync(), sync()]);
  assert.deepEqual(a, PATTERNS);
  assert.deepEqual(b, PATTERNS);
  assert.deepEqual(scripting.calls, ["register"]);
  const reg = scripting.registered.get(S.SITE_ON_SCRIPT);
  assert.deepEqual(reg.js, ["content/siteon.js"]);
  assert.equal(reg.runAt, "document_start");
  assert.equal(reg.allFrames, false);
  assert.equal(reg.persistAcrossSessions, true);
  stored.disabledSites = ["meddatax.com"];
  await sync();
  assert.ok(!scripting.registered.get(S.SITE_ON_SCRIPT).matches.some((p) => p.includes("meddatax")));
  assert.deepEqual(scripting.calls, ["register", "update"]);
  await sync();
  assert.deepEqual(scripting.calls, ["register", "update"], "(as it should be already: left alone)");
  stored.disabledSites = MANIFEST.content_scripts[0].matches.flatMap((p) => require("../lib/nct.js").hostsFromMatches([p]));
  assert.deepEqual(await sync(), []);
  assert.equal(scripting.registered.size, 0);
  stored.disabledSites = [];
  await sync();
  assert.deepEqual(scripting.registered.get(S.SITE_ON_SCRIPT).matches, PATTERNS, "switched back on, without reinstalling");
  // a browser that refuses: null, and the content scripts wait for storage as before
  const broken = S.siteOnSyncer({ scripting: { getRegisteredContentScripts: async () => { throw new Error("no"); } },
    manifest: MANIFEST, getDisabled: async () => [] });
  const error = console.error;
  console.error = () => {};
  try {
    assert.equal(await broken(), null);
  } finally {
    console.error = error;
  }
});

const LISTING = `<html><body><ul><li><a href="/t/NCT07232563">NCT07232563</a> Stroke</li>
  <li>Also registered as NCT02580019: Another</li></ul></body></html>`;
/** A storage.local whose reads never answer (as one that answers after the page was read and drawn). */
const slowStorage = () => ({ get: () => new Promise(() => {}), set: async () => {}, remove: async () => {} });

test("content script: on a site known to be on, the badges' room is kept in the task that read the page", async () => {
  const { w } = runContent(LISTING, "https://meddatax.com/search", () => new Promise(() => {}), slowStorage(), { siteOn: true });
  const seen = new Promise((resolve) => {
    // (added after the content script's: runs in the same dispatch of DOMContentLoaded, after it)
    w.document.addEventListener("DOMContentLoaded", () => resolve([...w.document.querySelectorAll("triallens-badge")]
      .map((b) => [b.getAttribute("data-nct"), b.shadowRoot.querySelector(".shown").textContent])));
  });
  assert.deepEqual(await seen, [["NCT07232563", "Checking…"], ["NCT02580019", "Checking…"]]);
});

test("content script: without the site-on script, or switched off meanwhile, no badge stays", async () => {
  // not registered (switched off, or not yet registered): nothing before storage says the site is on
  const plain = runContent(LISTING, "https://meddatax.com/search", () => new Promise(() => {}), slowStorage());
  const atRead = new Promise((resolve) => {
    plain.w.document.addEventListener("DOMContentLoaded", () => resolve(plain.w.document.querySelectorAll("triallens-badge").length));
  });
  assert.equal(await atRead, 0);
  // registered, but the reader switched the site off before the registration followed: taken off once storage says so
  let asked = 0;
  const raced = runContent(LISTING, "https://www.meddatax.com/search", () => { asked += 1; return { ok: false, state: "disabled" }; },
    fakeStorage({ disabledSites: ["meddatax.com"] }), { siteOn: true });
  const doc = raced.w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "disabled");
  assert.equal(doc.querySelectorAll("triallens-badge").length, 0);
  assert.equal(doc.querySelector("li").textContent, "NCT07232563 Stroke", "the text whole again");
  assert.equal(asked, 1);
});
