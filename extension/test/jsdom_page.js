"use strict";
// Shared by the DOM tests: a page (jsdom) with the content scripts as the browser loads them, the manifest's
// list in its order, content.js left out (each test runs it when it wants the page checked).
const fs = require("node:fs");
const path = require("node:path");
const { JSDOM } = require("jsdom");

const ROOT = path.join(__dirname, "..");
const CONTENT_JS = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8")).content_scripts[0].js;
if (CONTENT_JS.at(-1) !== "content/content.js") throw new Error("manifest: content/content.js must load last");
const SCRIPTS = CONTENT_JS.slice(0, -1).map((f) => fs.readFileSync(path.join(ROOT, f), "utf8"));
const CONTENT = fs.readFileSync(path.join(ROOT, "content/content.js"), "utf8");

function makeWindow(html, url) {
  const dom = new JSDOM(html, { url, runScripts: "outside-only", pretendToBeVisual: true });
  for (const s of SCRIPTS) dom.window.eval(s);
  return dom.window;
}

module.exports = { ROOT, CONTENT_JS, SCRIPTS, CONTENT, makeWindow };
