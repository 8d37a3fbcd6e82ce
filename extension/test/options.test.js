"use strict";
// The options page in a DOM (jsdom) with a fake extension API.
const test = require("node:test");
const assert = require("node:assert/strict");
const { until } = require("./jsdom_page.js");
const { read, SCRIPTS, openOptions, shownText } = require("./options_page.js");
const { JSDOM } = require("jsdom");

// Review round 11e §12: "Use the default" also deleted a saved API key without a word.
test("options: 'Use the default' resets the address and keeps a saved API key, and says so", async () => {
  const { w, data } = openOptions({ serviceUrl: "https://svc.example.org", apiKey: "key-123" });
  const $ = (id) => w.document.getElementById(id);
  await until(() => $("api-key").value === "key-123");
  $("reset").click();
  await until(() => /Using the default/.test($("service-msg").textContent));
  assert.equal("serviceUrl" in data, false);
  assert.equal(data.apiKey, "key-123");
  assert.equal($("service-url").value, "http://127.0.0.1:5000");
  assert.equal($("api-key").value, "key-123");
  assert.match($("service-msg").textContent, /Your API key is kept/);
  // without a key: nothing said about one
  const plain = openOptions({ serviceUrl: "https://svc.example.org" });
  plain.w.document.getElementById("reset").click();
  await until(() => /Using the default/.test(plain.w.document.getElementById("service-msg").textContent));
  assert.equal(plain.w.document.getElementById("service-msg").textContent, "Using the default, http://127.0.0.1:5000.");
});

test("options: the Keyboard section names the card's shortcut as the browser has it now, or says there is none", async () => {
  const manifest = JSON.parse(read("manifest.json"));
  // a browser whose commands API cannot say (getAll fails): the manifest's keys, as written in the page
  const html = read("options/options.html").replace(/<script[^>]*><\/script>/g, "");
  const failing = new JSDOM(html, { url: "chrome-extension://x/options/options.html", runScripts: "outside-only" }).window;
  failing.chrome = {
    runtime: { getManifest: () => manifest, sendMessage: async () => null },
    storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
    commands: { getAll: async () => { throw new Error("not now"); } },
  };
  for (const f of SCRIPTS) failing.eval(read(f));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.match(failing.document.getElementById("shortcut").textContent, /Alt\+Shift\+K \(on a Mac, Option\+Shift\+K\) opens or\s+folds the TrialLens card/);
  assert.equal(manifest.commands["toggle-card"].suggested_key.default, "Alt+Shift+K", "the page and the manifest agree");
  // (Firefox leaves a cleared shortcut's keys out; lib/commands.js shortcutState, shared with the card's note)
  for (const [cmd, expected] of [[{ shortcut: "Ctrl+Shift+Y" }, /^On a trial page, Ctrl\+Shift\+Y opens or\s+folds/],
    [{ shortcut: "" }, /no keyboard shortcut just now/], [{}, /no keyboard shortcut just now/]]) {
    const html = read("options/options.html").replace(/<script[^>]*><\/script>/g, "");
    const dom = new JSDOM(html, { url: "chrome-extension://x/options/options.html", runScripts: "outside-only" });
    const w = dom.window;
    w.chrome = {
      runtime: { getManifest: () => manifest, sendMessage: async () => null },
      storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
      permissions: { request: async () => true },
      commands: { getAll: async () => [{ name: "other", shortcut: "Alt+Q" }, { name: "toggle-card", description: "d", ...cmd }] },
    };
    for (const f of SCRIPTS) w.eval(read(f));
    await until(() => expected.test(w.document.getElementById("shortcut").textContent));
  }
});

// Firefox for Android has no commands API (no extension shortcuts at all): the page named Alt+Shift+K and told the reader
// how to change keys in Chrome or desktop Firefox; there the TrialLens item in the browser's menu is the way.
test("options: a browser without extension shortcuts (Firefox for Android) is told the menu item, not keys", async () => {
  const { w } = openOptions({});   // (no chrome.commands, as on Firefox for Android)
  const $ = (id) => w.document.getElementById(id);
  await until(() => !/Alt\+Shift\+K/.test($("shortcut").textContent));
  assert.equal($("shortcut").textContent, "This browser has no keyboard shortcuts for extensions. On a trial page, TrialLens " +
    "in the browser's menu (under Extensions) opens or folds the TrialLens card, and brings it back after you closed it.");
  assert.equal($("shortcut-help").hidden, true);
  const shown = w.document.body.cloneNode(true);
  for (const el of shown.querySelectorAll("[hidden]")) el.remove();
  assert.doesNotMatch(shown.textContent, /Alt\+Shift\+K|Manage Extension Shortcuts|chrome:\/\/extensions/);
});

// On Firefox for Android the page said the service runs "on this computer", at 127.0.0.1: on a phone that is the phone,
// where no TrialLens service can run. There it says the service runs on a computer the phone can reach, and its address's form.
test("options: on Firefox for Android the service is one on a computer the phone can reach; desktop wording unchanged", async () => {
  const phone = openOptions({}, "android");
  const $ = (id) => phone.w.document.getElementById(id);
  await until(() => $("service-url").placeholder === "http://192.168.1.20:5000");
  const shown = shownText(phone.w.document.body);
  assert.match(shown, /A TrialLens service cannot run on a phone: it must run on a computer this phone can reach/);
  assert.match(shown, /in the form http:\/\/192\.168\.1\.20:5000 \(the computer's address on the network/);
  assert.match(shown, /triallens serve --host 192\.168\.1\.20 --port 5000/);
  assert.doesNotMatch(shown, /this computer|127\.0\.0\.1:5000/);
  // "Use the default" put back http://127.0.0.1:5000, the phone itself, and said so: not offered on a phone
  assert.equal($("reset").hidden, true);
  assert.doesNotMatch(shown, /Use the default/);
  // what a screen reader hears for the address field (aria-describedby: its hidden part is not read)
  assert.equal(shownText($("service-help")), "Where TrialLens sends a page to be checked. It is the address of a computer " +
    "running the service, not of this phone (127.0.0.1 is the phone itself). Your browser asks for your permission when you save.");

  const desktop = openOptions({}, "linux");
  const d = (id) => desktop.w.document.getElementById(id);
  await until(() => desktop.asked.platform && d("service-url").value === "http://127.0.0.1:5000");
  await new Promise(setImmediate);   // (the page's own code after the answer runs before this)
  const seen = shownText(desktop.w.document.body);
  assert.match(seen, /As it comes, TrialLens looks for a service on this computer, at http:\/\/127\.0\.0\.1:5000\./);
  assert.match(seen, /The default address, http:\/\/127\.0\.0\.1:5000, is a TrialLens service on this computer/);
  assert.doesNotMatch(seen, /phone|192\.168/);
  assert.equal(d("service-url").placeholder, "http://127.0.0.1:5000");
  assert.equal(d("service-unset").hidden, true);
  assert.equal(d("service-url").getAttribute("aria-describedby"), "service-help");
  assert.equal(d("reset").hidden, false);
  assert.match(seen, /Save Use the default Test connection/);
  assert.match(shownText(d("service-help")), /^Where TrialLens sends a page to be checked\. The address it came with is a service on this computer/);
});

// On Firefox for Android the field said http://127.0.0.1:5000 with nothing saved: the phone itself, where no service runs.
test("options: on Firefox for Android with nothing saved the address is empty, and a prompt says no service is set", async () => {
  const phone = openOptions({ apiKey: "k-1" }, "android");
  const $ = (id) => phone.w.document.getElementById(id);
  await until(() => $("api-key").value === "k-1");
  assert.equal($("service-url").value, "");
  assert.equal($("service-unset").hidden, false);
  assert.equal(shownText($("service-unset")).trim(), "No TrialLens service is set yet, so TrialLens checks no pages. Enter " +
    "the address of a computer running the service below, then press Save.");
  // a screen reader hears the prompt with the field
  assert.equal($("service-url").getAttribute("aria-describedby"), "service-unset service-help");
  assert.doesNotMatch(shownText(phone.w.document.body), /isn't working right now/);
  assert.match(shownText(phone.w.document.body), /Until one is set, trial pages say "No TrialLens service is set"\./);
  // saved: the prompt goes
  $("service-url").value = "http://192.168.1.20:5000";
  $("service-form").dispatchEvent(new phone.w.Event("submit", { cancelable: true }));
  await until(() => /^Saved\./.test($("service-msg").textContent));
  assert.equal(phone.data.serviceUrl, "http://192.168.1.20:5000");
  assert.equal($("service-unset").hidden, true);
  assert.equal($("service-url").getAttribute("aria-describedby"), "service-help");
  // an address saved before: shown, no prompt
  const saved = openOptions({ serviceUrl: "http://192.168.1.20:5000" }, "android");
  await until(() => saved.w.document.getElementById("service-url").value === "http://192.168.1.20:5000");
  assert.equal(saved.w.document.getElementById("service-unset").hidden, true);
  // desktop with nothing saved: 127.0.0.1:5000 as before, no prompt
  const desktop = openOptions({}, "linux");
  await until(() => desktop.w.document.getElementById("service-url").value === "http://127.0.0.1:5000");
  assert.equal(desktop.w.document.getElementById("service-unset").hidden, true);
  assert.doesNotMatch(shownText(desktop.w.document.body), /No TrialLens service is set|Until one is set/);
  assert.match(shownText(desktop.w.document.body), /Until TrialLens can reach a service, trial pages show "TrialLens isn't working right now"\./);
});

// Walk-through r26 #12 and #13: a stale message stayed beside a new address; the page said "Most people keep the
// address it came with", which is true only for someone running a TrialLens service on their own computer.
test("options: a message about the address goes when the address or key is changed", async () => {
  const { w } = openOptions({});
  const $ = (id) => w.document.getElementById(id);
  w.chrome.runtime.sendMessage = async () => ({ ok: false, state: "unreachable", technical: "Could not reach x." });
  await until(() => $("service-url").value === "http://127.0.0.1:5000");
  $("test").click();
  await until(() => $("service-msg").textContent === "Could not reach x.");
  $("service-url").value = "not a url";
  $("service-url").dispatchEvent(new w.Event("input"));
  assert.equal($("service-msg").textContent, "");
  $("service-url").value = "http://127.0.0.1:9";
  $("test").click();
  await until(() => $("service-msg").textContent === "Could not reach x.");
  $("api-key").dispatchEvent(new w.Event("input"));
  assert.equal($("service-msg").textContent, "");
});

test("options: the page says plainly that TrialLens needs a running TrialLens service, and how to test it", () => {
  const { w } = openOptions({});
  const text = w.document.body.textContent.replace(/\s+/g, " ");
  assert.doesNotMatch(text, /Most people keep/);
  const needs = w.document.querySelector("main > section").textContent.replace(/\s+/g, " ");
  assert.match(needs, /^ What TrialLens needs TrialLens does not check pages by itself\. It sends a trial page to a TrialLens service/);
  assert.match(needs, /http:\/\/127\.0\.0\.1:5000\. That works only if you, or whoever set up this computer, started one there\./);
  assert.match(needs, /press Test connection: it tells you whether TrialLens can reach the service\./);
});
