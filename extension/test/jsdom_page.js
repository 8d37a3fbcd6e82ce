"use strict";
// Shared by the DOM tests: a page (jsdom) with the content scripts as the browser loads them, the manifest's
// list in its order, content.js left out (each test runs it when it wants the page checked: runContent, with a fake
// extension API and storage).
const fs = require("node:fs");
const path = require("node:path");
const assert = require("node:assert/strict");
const { JSDOM } = require("jsdom");

const ROOT = path.join(__dirname, "..");
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
const CONTENT_JS = MANIFEST.content_scripts[0].js;
if (CONTENT_JS.at(-1) !== "content/content.js") throw new Error("manifest: content/content.js must load last");
const SCRIPTS = CONTENT_JS.slice(0, -1).map((f) => fs.readFileSync(path.join(ROOT, f), "utf8"));
const CONTENT = fs.readFileSync(path.join(ROOT, "content/content.js"), "utf8");
const SITE_ON = fs.readFileSync(path.join(ROOT, "content/siteon.js"), "utf8");

function makeWindow(html, url) {
  const dom = new JSDOM(html, { url, runScripts: "outside-only", pretendToBeVisual: true });
  for (const s of SCRIPTS) dom.window.eval(s);
  return dom.window;
}

/**
 * A storage.local that keeps what is set (shared by the "tabs" given the same one); `listeners` hear each set as
 * storage.onChanged does (runContent's storageEvents).
 */
function fakeStorage(initial) {
  const data = Object.assign({}, initial);
  const listeners = [];
  const pick = (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data)
    .map((k) => [k, JSON.parse(JSON.stringify(data[k]))]));
  return { data, listeners, get: async (keys) => pick(keys),
    set: async (obj) => {
      Object.assign(data, JSON.parse(JSON.stringify(obj)));
      const changes = Object.fromEntries(Object.keys(obj).map((k) => [k, { newValue: pick(k)[k] }]));
      for (const fn of listeners) fn(changes, "local");
    },
    remove: async (keys) => { for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k]; } };
}

/**
 * Runs content.js in a window with a fake extension API; `answer(msg)` plays the background worker. `siteOn`: the
 * background worker registered content/siteon.js for this site, so it ran first. `storageEvents`: storage.onChanged
 * is there, telling what storage.local.set sets.
 */
function runContent(html, url, answer, storage, { siteOn = false, storageEvents = false } = {}) {
  const w = makeWindow(html, url);
  if (siteOn) w.eval(SITE_ON);
  const sent = [];
  const local = storage || fakeStorage();
  w.chrome = {
    runtime: { sendMessage: async (msg) => { sent.push(msg); return answer(msg); }, getManifest: () => MANIFEST },
    storage: { local },
  };
  if (storageEvents) w.chrome.storage.onChanged = { addListener: (fn) => local.listeners.push(fn) };
  w.eval(CONTENT);
  return { w, sent };
}

/** Waits (a second at most) until `cond()` holds, and fails the test if it never does. */
const until = async (cond) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(cond(), "condition not reached");
};

module.exports = { ROOT, CONTENT_JS, SCRIPTS, CONTENT, makeWindow, fakeStorage, runContent, until };
