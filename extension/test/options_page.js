"use strict";
// The options page in a DOM (jsdom) with a fake extension API: the source's, or a built package's (build.py).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const assert = require("node:assert/strict");
const { JSDOM } = require("jsdom");

const ROOT = path.join(__dirname, "..");
const readAt = (root, f) => fs.readFileSync(path.join(root, f), "utf8");
const read = (f) => readAt(ROOT, f);
// the scripts as options.html loads them, in its order (a helper it forgets to load fails here, as in the browser)
const SCRIPTS = [...read("options/options.html").matchAll(/<script src="([^"]+)"><\/script>/g)]
  .map((m) => path.posix.join("options", m[1]));

/** The options page with `stored` in storage; `os`: what runtime.getPlatformInfo says ("android": Firefox for Android);
 * `root`: the folder its files are read from (the source, or a package build.py made). */
function openOptions(stored, os = "linux", root = ROOT) {
  const asked = { platform: false };
  const html = readAt(root, "options/options.html").replace(/<script[^>]*><\/script>/g, "");
  const dom = new JSDOM(html, { url: "chrome-extension://x/options/options.html", runScripts: "outside-only" });
  const w = dom.window;
  const data = Object.assign({}, stored);
  w.chrome = {
    runtime: { getManifest: () => JSON.parse(readAt(root, "manifest.json")), sendMessage: async () => null,
      getPlatformInfo: async () => { asked.platform = true; return { os, arch: "x86-64" }; } },
    storage: { local: {
      data,
      get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, data[k]])),
      set: async (obj) => { Object.assign(data, obj); },
      remove: async (keys) => { for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k]; },
    } },
    permissions: { request: async () => true },
  };
  for (const f of SCRIPTS) w.eval(readAt(root, f));
  return { w, data, asked };
}

/** What a reader sees of `el` (hidden elements left out), spaces folded. */
function shownText(el) {
  const copy = el.cloneNode(true);
  for (const h of copy.querySelectorAll("[hidden]")) h.remove();
  return copy.textContent.replace(/\s+/g, " ");
}

const made = [];

/** The unpacked Chrome package build.py makes with `serviceUrl` as its default address, as `make extension` builds
 *  it (removed by `removeBuilt`, which a test file runs after its tests). */
function builtPackage(serviceUrl) {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "triallens-options-"));
  made.push(dist);
  const run = spawnSync(process.env.PYTHON || "python3", [path.join(ROOT, "build.py"), "--dist", dist, "--service-url", serviceUrl],
    { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return path.join(dist, "chrome");
}

function removeBuilt() {
  for (const dist of made.splice(0)) fs.rmSync(dist, { recursive: true, force: true });
}

module.exports = { ROOT, read, SCRIPTS, openOptions, shownText, builtPackage, removeBuilt };
