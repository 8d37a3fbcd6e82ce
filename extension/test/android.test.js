"use strict";
// Firefox for Android, checked statically (no device here): every manifest key and extension API the code uses is there
// at the manifest's gecko_android.strict_min_version, by MDN's browser-compat-data (the copy web-ext's linter ships),
// except the ones the code checks for first. web-ext lint cannot see the API calls: the code reaches them through
// `ext` (browser or chrome), not `browser.`.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
// the Firefox package names only the background scripts (build.py manifest_for: its service_worker is Chrome's)
const firefoxManifest = { ...manifest, background: { scripts: manifest.background.scripts } };
const bcd = require(require.resolve("@mdn/browser-compat-data", { paths: [path.dirname(require.resolve("addons-linter"))] }));

// Not on Firefox for Android (no extension shortcuts there); what stands in for them:
// background.js listens only when ext.commands is there; lib/commands.js shortcutState says "not known" without it
// (the card's closed note then names the TrialLens button); options.js names the menu item (options.test.js).
const ANDROID_LACKS = { manifest: ["commands"], api: ["commands.getAll", "commands.onCommand"] };

const minAndroid = Number.parseFloat(manifest.browser_specific_settings.gecko_android.strict_min_version);

/** The first Firefox for Android version with the feature (Infinity: none), from its compat entry. */
function androidSince(compat) {
  const entries = [].concat(compat.__compat.support.firefox_android || []);
  const versions = entries.filter((e) => typeof e.version_added === "string" && !e.version_removed && !e.flags)
    .map((e) => Number.parseFloat(e.version_added.replace(/^≤/, "")));
  return versions.length ? Math.min(...versions) : Infinity;
}

/** `value`'s keys that compat data knows under `data`, as dotted names with their compat entries. */
function manifestKeys(data, value, prefix = "") {
  const out = [];
  for (const [key, sub] of Object.entries(value && typeof value === "object" && !Array.isArray(value) ? value : {})) {
    if (!data[key] || !data[key].__compat) continue;
    out.push([prefix + key, data[key]], ...manifestKeys(data[key], sub, `${prefix}${key}.`));
  }
  return out;
}

/** Every `namespace.member` of the extension APIs the shipped scripts use (directly, or handed in as below). */
function apiUses() {
  const files = ["background.js", ...["lib", "content", "options"].flatMap((dir) =>
    fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".js")).map((f) => `${dir}/${f}`))];
  const found = new Set();
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    // ext.storage.local.get, chrome.runtime.id; and the namespaces background.js hands to lib/ (scripting, commands)
    for (const m of source.matchAll(/\b(?:ext|chrome|browser)\.([a-z][A-Za-z]*)\.([A-Za-z]+)/g)) found.add(`${m[1]}.${m[2]}`);
    for (const m of source.matchAll(/\b(scripting|commands)\.([a-z][A-Za-z]*)\(/g)) found.add(`${m[1]}.${m[2]}`);
  }
  return [...found].filter((name) => {
    const [ns, member] = name.split(".");
    return bcd.webextensions.api[ns] && bcd.webextensions.api[ns][member];
  }).sort();
}

test("android: the manifest says Firefox for Android is supported, from a version that has what it declares", () => {
  assert.ok(minAndroid >= 113, "gecko_android (read from Firefox for Android 113 on)");
  const lacking = manifestKeys(bcd.webextensions.manifest, firefoxManifest).filter(([, compat]) => androidSince(compat) > minAndroid)
    .map(([name, compat]) => `${name} (Android ${androidSince(compat)})`);
  assert.deepEqual(lacking, ANDROID_LACKS.manifest.map((k) => `${k} (Android Infinity)`));
});

test("android: every extension API the code calls is on Firefox for Android at that version, but the ones it checks for", () => {
  const uses = apiUses();
  for (const expected of ["scripting.registerContentScripts", "storage.local", "runtime.openOptionsPage", "commands.getAll"]) {
    assert.ok(uses.includes(expected), `the scan finds ${expected} (${uses.join(" ")})`);
  }
  const lacking = uses.filter((name) => {
    const [ns, member] = name.split(".");
    return androidSince(bcd.webextensions.api[ns][member]) > minAndroid;
  });
  assert.deepEqual(lacking, ANDROID_LACKS.api);
});
