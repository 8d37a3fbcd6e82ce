"use strict";
// Static checks of what the extension may do: permissions, CSP, and no HTML-string sinks.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));

function shippedJs() {
  const out = [];
  for (const dir of ["lib", "content", "options", "."]) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith(".js")) out.push(path.join(ROOT, dir, f));
  }
  return out;
}

test("no HTML-string sinks or eval in shipped code", () => {
  const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|createContextualFragment|DOMParser/;
  const files = shippedJs();
  assert.ok(files.length >= 6);
  for (const f of files) assert.doesNotMatch(fs.readFileSync(f, "utf8"), sinks, path.relative(ROOT, f));
});

test("narrowest permissions: storage only, loopback service hosts, no broad or sensitive grants", () => {
  // "scripting" registers one file, content/siteon.js, for the manifest's own content-script patterns (lib/nct.js
  // siteOnSyncer, test/siteon.test.js), and nothing else calls it. Chrome injects a registered script only where the
  // extension holds the host permission (a static content script's patterns are not enough): host_permissions are
  // the service's loopback hosts and those same patterns, no more, but for ClinicalTrials.gov's. A host permission's path
  // is ignored (".../study/*" granted all of clinicaltrials.gov); a content script's match keeps it in Chrome, and
  // there study pages need no siteon.js (no listing).
  assert.deepEqual(manifest.permissions, ["storage", "scripting"]);
  for (const f of shippedJs()) {
    const rel = path.relative(ROOT, f);
    const code = fs.readFileSync(f, "utf8");
    assert.doesNotMatch(code, /executeScript|insertCSS|registerContentScripts\(\[(?!siteOnScript)/, rel);
    if (!["background.js", path.join("lib", "nct.js")].includes(rel)) assert.doesNotMatch(code, /\bscripting\./, rel);
  }
  const ctgov = "https://*.clinicaltrials.gov/study/*";
  assert.ok(manifest.content_scripts[0].matches.includes(ctgov));
  assert.deepEqual(manifest.host_permissions, ["http://127.0.0.1/*", "http://localhost/*",
    ...manifest.content_scripts[0].matches.filter((m) => m !== ctgov)]);
  assert.ok(!manifest.host_permissions.some((m) => m.includes("clinicaltrials.gov")), "no host permission on ClinicalTrials.gov");
  const all = JSON.stringify([manifest.permissions, manifest.host_permissions, manifest.content_scripts]);
  for (const bad of ["<all_urls>", "tabs", "cookies", "webRequest", "*://*/*", "history"]) {
    assert.ok(!all.includes(`"${bad}"`), bad);
  }
  for (const m of manifest.content_scripts.flatMap((c) => c.matches)) {
    assert.match(m, /^(\*|https):\/\/\*\.[a-z0-9.-]+\.[a-z]+\//, `match pattern too broad: ${m}`);
  }
});

test("one codebase for both browsers: service worker and scripts, gecko id and data collection", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, "background.js");
  assert.equal(manifest.background.scripts.at(-1), "background.js");
  const gecko = manifest.browser_specific_settings.gecko;
  assert.ok(gecko.id);
  assert.ok(Array.isArray(gecko.data_collection_permissions.required));
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  for (const f of [...manifest.background.scripts, ...manifest.content_scripts.flatMap((c) => c.js), manifest.options_ui.page,
    ...Object.values(manifest.icons)]) {
    assert.ok(fs.existsSync(path.join(ROOT, f)), `manifest names a missing file: ${f}`);
  }
});

test("only the background worker talks to the network", () => {
  const net = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/;
  for (const f of shippedJs()) {
    const rel = path.relative(ROOT, f);
    if (rel === "background.js" || rel === path.join("lib", "protocol.js")) continue;
    assert.doesNotMatch(fs.readFileSync(f, "utf8"), net, rel);
  }
});
