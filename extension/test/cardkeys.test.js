"use strict";
// The card and the keyboard (content/cardkeys.js, lib/commands.js, background.js): where focus goes when the card is
// closed or folded, and the keyboard shortcut from the background worker to the card. In a DOM (jsdom) with the content
// scripts as the manifest lists them; the background worker in a plain VM context with a fake extension API.
// (Browsers cannot press an extension's shortcut when headless: the shortcut's key itself is only in the manifest.)
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const { ROOT, CONTENT, makeWindow, until } = require("./jsdom_page.js");
const commands = require("../lib/commands.js");

const URL = "https://meddatax.com/clinical-trials/NCT07232563";
const PAGE = `<html><body><h1>Trial</h1><p>NCT07232563</p>${Array.from({ length: 5 }, (_, i) => `<a id="l${i}" href="/l${i}">link ${i}</a>`).join(" ")}</body></html>`;
const EXT_ID = "triallens@test";
const IN_SYNC = { nct_id: "NCT07232563", official: null, related: [],
  drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } };

function uiState(collapsed) {
  return { collapsed, wording: "plain", criteriaOpen: false, onToggle() {}, onWording() {}, onRetry() {}, onOptions() {} };
}

const shadowOf = (w) => w.document.querySelector("triallens-card").shadowRoot;

test("Close (×) from the keyboard puts focus back on the page link it came into the card from, not the top of the page", () => {
  const w = makeWindow(PAGE, URL);
  const doc = w.document;
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  const last = doc.getElementById("l4");
  last.focus();                                     // the reader Tabs through the page's links…
  shadowOf(w).querySelector("button.toggle").focus();   // …into the card (its Show, then ×)
  const close = shadowOf(w).querySelector("button.close");
  close.focus();
  close.dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));   // Enter on a button: a click with detail 0
  assert.equal(doc.querySelector("triallens-card"), null, "the card is gone");
  assert.equal(doc.activeElement, last, "focus is back on the link the reader left");
});

test("Close: focus that came from nowhere, or from an element since removed, is left on the page's body (no error), and the closing is said", () => {
  for (const removeIt of [false, true]) {
    const w = makeWindow(PAGE, URL);
    const doc = w.document;
    w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
    const link = doc.getElementById("l2");
    if (removeIt) link.focus();
    const close = shadowOf(w).querySelector("button.close");
    close.focus();
    if (removeIt) link.remove();
    close.click();
    assert.equal(doc.querySelector("triallens-card"), null);
    assert.equal(doc.activeElement, doc.body);
    assert.ok(doc.querySelector("triallens-note"), "and a screen reader is told the card closed");
    w.close();   // (and the note's clock with it)
  }
});

test("Close with focus on the page (a mouse click in a browser that does not focus buttons) leaves focus where it is", () => {
  const w = makeWindow(PAGE, URL);
  const doc = w.document;
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  shadowOf(w).querySelector("button.toggle").focus();
  doc.getElementById("l0").focus();   // focus went back to the page since
  const other = doc.getElementById("l3");
  other.focus();
  shadowOf(w).querySelector("button.close").dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 1 }));
  assert.equal(doc.activeElement, other);
  w.close();   // (and the clock of the note that said the card closed)
});

/** A fake extension API for one tab's content script; `onMessage` keeps its listeners. */
function contentTab(html, url, answer) {
  const w = makeWindow(html, url);
  const listeners = [];
  const data = {};
  w.chrome = {
    runtime: {
      id: EXT_ID,
      sendMessage: async (msg) => answer(msg),
      onMessage: { addListener: (fn) => listeners.push(fn) },
    },
    storage: { local: { get: async () => ({}), set: async (o) => Object.assign(data, o), remove: async () => {} } },
  };
  w.eval(CONTENT);
  /** Delivers `msg` as tabs.sendMessage does: to each listener, the answer through sendResponse. */
  const deliver = (msg, sender = { id: EXT_ID }) => new Promise((resolve, reject) => {
    if (!listeners.length) return reject(new Error("Could not establish connection. Receiving end does not exist."));
    let answered = false;
    for (const fn of listeners) fn(JSON.parse(JSON.stringify(msg)), sender, (res) => { answered = true; resolve(JSON.parse(JSON.stringify(res))); });
    if (!answered) resolve(undefined);
  });
  return { w, deliver, data };
}

/** background.js in a VM context with the libraries as Firefox loads them (manifest background.scripts). */
function backgroundWorker(tabs, shortcuts = [{ name: "toggle-card", shortcut: "Alt+Shift+K" }]) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  const onCommand = [];
  const onMessage = [];
  const onClicked = [];
  const onInstalled = [];
  const sent = [];
  const options = [];   // each time the options page was opened
  const chrome = {
    runtime: { id: EXT_ID, getManifest: () => manifest, onMessage: { addListener: (fn) => onMessage.push(fn) },
      onInstalled: { addListener: (fn) => onInstalled.push(fn) }, openOptionsPage: async () => { options.push(1); } },
    action: { onClicked: { addListener: (fn) => onClicked.push(fn) } },
    storage: { local: { get: async () => ({}) } },
    // (the shortcut as the browser has it: the reader may have changed or cleared it)
    commands: { onCommand: { addListener: (fn) => onCommand.push(fn) }, getAll: async () => shortcuts },
    tabs: {
      query: async (q) => (q.active && q.currentWindow ? [{ id: tabs.active }] : []),
      sendMessage: async (tabId, msg) => {
        sent.push(JSON.parse(JSON.stringify([tabId, msg])));   // (out of the VM's realm)
        const tab = tabs.byId[tabId];
        if (!tab) throw new Error("Could not establish connection. Receiving end does not exist.");
        return tab.deliver(msg);
      },
    },
  };
  const context = vm.createContext({ chrome, console, performance, URL: globalThis.URL, setTimeout, clearTimeout });
  for (const f of manifest.background.scripts) vm.runInContext(fs.readFileSync(path.join(ROOT, f), "utf8"), context, { filename: f });
  assert.equal(onCommand.length, 1, "background.js listens for the shortcut");
  // the browser calls the listener and goes on; the test waits for the answer through the library's promise
  const press = (name, tab) => { onCommand[0](name, tab); return new Promise((r) => setTimeout(r, 20)); };
  /** A content script's message to the worker, answered as runtime.sendMessage answers it. */
  const ask = (msg, sender = { id: EXT_ID }) => new Promise((resolve) => {
    onMessage[0](JSON.parse(JSON.stringify(msg)), sender, (res) => resolve(JSON.parse(JSON.stringify(res))));
  });
  // the toolbar button, clicked on a tab; the extension installed or updated
  const click = (tab) => { onClicked[0](tab); return new Promise((r) => setTimeout(r, 20)); };
  const installed = (details) => { onInstalled[0](details); return new Promise((r) => setTimeout(r, 20)); };
  return { press, ask, sent, context, click, installed, options, onClicked, onInstalled };
}

test("the manifest declares the shortcut: Alt+Shift+K, which Chrome and Firefox keep for nothing of their own", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  const cmd = manifest.commands[commands.TOGGLE_COMMAND];
  assert.ok(cmd, "a commands entry for the card");
  assert.equal(cmd.suggested_key.default, "Alt+Shift+K");
  assert.match(cmd.description, /TrialLens card/);
  // Chrome's own Alt+Shift shortcuts (Windows, Linux, ChromeOS): toolbar, bookmarks bar, dialogs, feedback
  for (const taken of ["Alt+Shift+T", "Alt+Shift+B", "Alt+Shift+A", "Alt+Shift+I"]) {
    assert.ok(!Object.values(cmd.suggested_key).includes(taken), taken);
  }
  assert.ok(manifest.background.scripts.includes("lib/commands.js"));
  assert.match(fs.readFileSync(path.join(ROOT, "background.js"), "utf8"), /importScripts\([^)]*"lib\/commands\.js"/);
});

test("the shortcut, from the background worker to the tab's card: opens a folded card, folds an open one, brings back a closed one", async () => {
  const tab = contentTab(PAGE, URL, () => ({ ok: true, annotation: IN_SYNC, receivedAt: Date.now() }));
  const { w } = tab;
  const doc = w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
  const host = () => doc.querySelector("triallens-card");
  const toggle = () => host().shadowRoot.querySelector("button.toggle");
  assert.equal(toggle().getAttribute("aria-expanded"), "false", "an in-sync card opens folded");
  const bg = backgroundWorker({ active: 3, byId: { 3: tab } });

  const link = doc.getElementById("l1");
  link.focus();
  await bg.press("toggle-card", { id: 3, index: 0 });
  assert.deepEqual(bg.sent, [[3, { type: "toggleCard" }]]);
  assert.equal(toggle().getAttribute("aria-expanded"), "true", "open");
  assert.equal(host().shadowRoot.activeElement, toggle(), "focus on its Hide button, to read and scroll it by keys");

  await bg.press("toggle-card", { id: 3 });
  assert.equal(toggle().getAttribute("aria-expanded"), "false", "folded again");
  assert.equal(doc.activeElement, link, "focus back where the reader was");

  // closed for this page (×), the shortcut brings it back, open; Firefox before 126 gives no tab: the active one
  toggle().focus();
  host().shadowRoot.querySelector("button.close").click();
  assert.equal(host(), null);
  await bg.press("toggle-card", undefined);
  assert.ok(host(), "back");
  assert.equal(toggle().getAttribute("aria-expanded"), "true");
});

test("the shortcut is ignored: another command, a tab without TrialLens, a page with no card, a message from elsewhere", async () => {
  const bg = backgroundWorker({ active: 9, byId: {} });
  await bg.press("something-else", { id: 9 });
  assert.deepEqual(bg.sent, []);
  await bg.press("toggle-card", { id: 9 });   // no content script there: sendMessage rejects, nothing thrown
  assert.deepEqual(bg.sent, [[9, { type: "toggleCard" }]]);
  assert.equal(await commands.handleCommand("toggle-card", { id: -1 }, { activeTab: async () => undefined, sendToTab: async () => ({}) }), null);

  // a listing page (badges, no card): nothing to open
  const listing = contentTab("<html><body><ul><li><a href='/t/1'>NCT07232563</a></li><li><a href='/t/2'>NCT02580019</a></li></ul></body></html>",
    "https://meddatax.com/search", () => ({ ok: true, statuses: {}, missing: {}, receivedAt: Date.now() }));
  await until(() => listing.w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  assert.deepEqual(await listing.deliver({ type: "toggleCard" }), { ok: true, did: "none" });
  assert.equal(listing.w.document.querySelector("triallens-card"), null);

  // a trial page: the same message from another extension (or a page) does nothing
  const tab = contentTab(PAGE, URL, () => ({ ok: true, annotation: IN_SYNC, receivedAt: Date.now() }));
  await until(() => tab.w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.equal(await tab.deliver({ type: "toggleCard" }, { id: "someone-else" }), undefined);
  assert.equal(tab.w.document.querySelector("triallens-card button.toggle"), null, "(the button is in the shadow root)");
  assert.equal(tab.w.document.querySelector("triallens-card").shadowRoot.querySelector("button.toggle").getAttribute("aria-expanded"), "false");
});

test("Close after Hide then Show, Escape or the other wording (each redraws the card) still puts focus back on the page link", async () => {
  for (const step of ["hide-show", "escape", "wording", "shortcut-fold"]) {
    const criteria = { available: true, inclusion: [{ plain: "Adults", original: "Adults aged 18 or over" }], exclusion: [] };
    const tab = contentTab(PAGE, URL, () => ({ ok: true, annotation: { ...IN_SYNC, criteria }, receivedAt: Date.now() }));
    const { w } = tab;
    const doc = w.document;
    await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
    const shadow = () => doc.querySelector("triallens-card").shadowRoot;
    const link = doc.getElementById("l3");
    link.focus();
    shadow().querySelector("button.toggle").focus();   // Tab from the page link into the card
    if (step === "hide-show") {
      shadow().querySelector("button.toggle").click();   // Show
      shadow().querySelector("button.toggle").click();   // Hide
      shadow().querySelector("button.toggle").click();   // Show again
    } else if (step === "escape") {
      shadow().querySelector("button.toggle").click();   // Show
      shadow().activeElement.dispatchEvent(new w.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    } else if (step === "wording") {
      shadow().querySelector("button.toggle").click();   // Show
      const details = shadow().querySelector("details.criteria");
      if (details) details.open = true;
      const wording = shadow().querySelector("button.wording");
      assert.ok(wording, "a wording switch to press");
      wording.focus();
      wording.click();
      assert.equal(shadow().activeElement.className.includes("wording"), true);
    } else {
      shadow().querySelector("button.toggle").click();   // Show (a redraw), then the shortcut folds it
      assert.deepEqual(await tab.deliver({ type: "toggleCard" }), { ok: true, did: "folded" });
      assert.equal(doc.activeElement, link, `${step}: the fold puts focus back on the page link`);
      continue;
    }
    assert.ok(shadow().activeElement, `${step}: focus is still in the card`);
    const close = shadow().querySelector("button.close");
    close.focus();
    close.dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));   // Enter
    assert.equal(doc.querySelector("triallens-card"), null);
    assert.equal(doc.activeElement, link, `${step}: focus back on the link the reader left, not the page's body`);
  }
});

test("Close from a card that opened by itself (focus came from nowhere): a screen reader hears that it closed and how to bring it back; the note never goes to the service", async () => {
  const WARN = { nct_id: "NCT07232563", official: null, related: [],
    drift: { verdict: "differs", headline: "This page differs from ClinicalTrials.gov", findings: [
      { kind: "status_drift", severity: "warning", field: "status", page_value: "RECRUITING", official_value: "COMPLETED",
        message: "This page says recruiting.", evidence: {}, about: "page" }] } };
  const sent = [];
  const tab = contentTab(PAGE, URL, (msg) => {
    if (msg.type === "shortcut") return { ok: true, shortcut: "Alt+Shift+K" };
    sent.push(msg);
    return { ok: true, annotation: WARN, receivedAt: Date.now() };
  });
  const { w } = tab;
  const doc = w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
  const later = [];   // the note's own clock, run by the test (the page's other timers run as they are)
  const setTimeout0 = w.setTimeout;
  w.setTimeout = (fn, ms, ...rest) => (ms >= 5000 ? later.push(fn) : setTimeout0(fn, ms, ...rest));
  const shadow = doc.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("button.toggle").getAttribute("aria-expanded"), "true", "a warning opens by itself");
  shadow.querySelector("button.toggle").focus();   // the first Tab on the page: from nowhere into the card
  shadow.querySelector("button.close").focus();
  shadow.querySelector("button.close").dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));
  assert.equal(doc.querySelector("triallens-card"), null);
  assert.equal(doc.activeElement, doc.body, "no page element to go back to: the next Tab goes on from the card's place");
  const region = () => { const n = doc.querySelector("triallens-note"); return n && n.shadowRoot.querySelector("[role=status]"); };
  assert.ok(region(), "a status region, there before its words");
  await new Promise((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => w.setTimeout(r, 0))));
  assert.equal(region().textContent, "TrialLens closed for this page. Alt+Shift+K brings it back.");
  assert.equal(region().getAttribute("aria-live"), "polite");
  assert.equal(later.length, 1);
  later.pop()();   // a while later it goes
  assert.equal(doc.querySelector("triallens-note"), null);
  shadow.querySelector("button.close").dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));   // (again, for the next part)
  assert.ok(doc.querySelector("triallens-note"));
  // the page moves on (a single-page site): what the service reads has no note in it
  w.history.pushState({}, "", "/clinical-trials/NCT07232563?tab=2");
  doc.body.append(doc.createElement("div"));
  await until(() => sent.length === 2);
  assert.doesNotMatch(sent[1].html, /triallens-note/);
});

test("Close with a page element to go back to says nothing more: focus on that element is the news", async () => {
  const tab = contentTab(PAGE, URL, () => ({ ok: true, annotation: IN_SYNC, receivedAt: Date.now() }));
  const { w } = tab;
  const doc = w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
  const shadow = doc.querySelector("triallens-card").shadowRoot;
  doc.getElementById("l1").focus();
  shadow.querySelector("button.close").focus();
  shadow.querySelector("button.close").dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));
  assert.equal(doc.activeElement, doc.getElementById("l1"));
  assert.equal(doc.querySelector("triallens-note"), null);
});

test("the closed note names the shortcut the reader has now: a changed one, and none at all when it was cleared", async () => {
  const WARN = { nct_id: "NCT07232563", official: null, related: [],
    drift: { verdict: "differs", headline: "This page differs from ClinicalTrials.gov", findings: [
      { kind: "status_drift", severity: "warning", field: "status", page_value: "RECRUITING", official_value: "COMPLETED",
        message: "This page says recruiting.", evidence: {}, about: "page" }] } };
  for (const [shortcuts, said] of [
    [[{ name: "toggle-card", shortcut: "Ctrl+Shift+Y" }], "TrialLens closed for this page. Ctrl+Shift+Y brings it back."],
    [[{ name: "toggle-card", shortcut: "" }], "TrialLens closed for this page. The TrialLens button in the browser's toolbar or extensions menu brings it back."],
    [[], "TrialLens closed for this page. The TrialLens button in the browser's toolbar or extensions menu brings it back."],
  ]) {
    // the content script asks the background worker (content scripts cannot call commands.getAll), which asks the browser
    const bg = backgroundWorker({ active: 1, byId: {} }, shortcuts);
    const tab = contentTab(PAGE, URL, (msg) => (msg.type === "shortcut" ? bg.ask(msg)
      : { ok: true, annotation: WARN, receivedAt: Date.now() }));
    const { w } = tab;
    const doc = w.document;
    await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
    const setTimeout0 = w.setTimeout;   // (the note's own clock is left unrun: the test ends before it)
    w.setTimeout = (fn, ms, ...rest) => (ms >= 5000 ? 0 : setTimeout0(fn, ms, ...rest));
    const shadow = doc.querySelector("triallens-card").shadowRoot;
    shadow.querySelector("button.close").focus();   // from nowhere into the card: nowhere to go back to
    shadow.querySelector("button.close").dispatchEvent(new w.MouseEvent("click", { bubbles: true, detail: 0 }));
    const region = () => doc.querySelector("triallens-note").shadowRoot.querySelector("[role=status]");
    await until(() => region().textContent !== "");
    assert.equal(region().textContent, said);
  }
});

test("the background worker answers what the card's shortcut is now; a browser that cannot say names none", async () => {
  assert.deepEqual(await backgroundWorker({ active: 1, byId: {} }, [{ name: "_execute_action" },
    { name: "toggle-card", shortcut: "Ctrl+Shift+Y" }]).ask({ type: "shortcut" }), { ok: true, shortcut: "Ctrl+Shift+Y" });
  assert.deepEqual(await backgroundWorker({ active: 1, byId: {} }, [{ name: "toggle-card", shortcut: "" }]).ask({ type: "shortcut" }),
    { ok: true, shortcut: "" });
  assert.equal(await commands.currentShortcut(undefined), "", "no commands API (Firefox for Android)");
  assert.equal(await commands.currentShortcut({ getAll: async () => { throw new Error("x"); } }), "");
  // a content script whose worker is gone (the extension was updated): the note names no keys
  const w = makeWindow(PAGE, URL);
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, { ...uiState(true), shortcutKeys: async () => { throw new Error("gone"); } });
  w.document.querySelector("triallens-card").shadowRoot.querySelector("button.close").click();
  const region = () => w.document.querySelector("triallens-note").shadowRoot.querySelector("[role=status]");
  await until(() => region().textContent !== "");
  assert.equal(region().textContent, "TrialLens closed for this page. The TrialLens button in the browser's toolbar or extensions menu brings it back.");
  w.close();
});

test("one lookup tells 'the browser has no such command' (or cannot say) from 'the command has no keys'", async () => {
  // the options page keeps its own words in the first case and says there are no keys in the second; the card's
  // "closed" note names no keys in either (currentShortcut)
  const of = (all) => commands.shortcutState({ getAll: async () => all });
  assert.deepEqual(await of([{ name: "_execute_action" }, { name: "toggle-card", shortcut: " Ctrl+Shift+Y " }]),
    { known: true, shortcut: "Ctrl+Shift+Y" });
  assert.deepEqual(await of([{ name: "toggle-card", shortcut: "" }]), { known: true, shortcut: "" });
  assert.deepEqual(await of([{ name: "toggle-card" }]), { known: true, shortcut: "" }, "Firefox leaves out a cleared one's keys");
  for (const cannot of [undefined, {}, { getAll: async () => { throw new Error("x"); } }, { getAll: async () => undefined }]) {
    assert.deepEqual(await commands.shortcutState(cannot), { known: false, shortcut: "" });
  }
  assert.deepEqual(await of([{ name: "other", shortcut: "Alt+Q" }]), { known: false, shortcut: "" }, "no such command");
});

// Walk-through r26 #8: no toolbar button, and Firefox for Android has no shortcuts: a closed card could not come back.
test("the toolbar button does what the shortcut does; where there is no card to open it opens the options", async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  assert.ok(manifest.action && /card/.test(manifest.action.default_title), "a toolbar button, titled");
  assert.equal(manifest.action.default_popup, undefined, "a click reaches onClicked (a popup would take it)");
  const tab = contentTab(PAGE, URL, () => ({ ok: true, annotation: IN_SYNC, receivedAt: Date.now() }));
  const doc = tab.w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "annotated");
  const bg = backgroundWorker({ active: 3, byId: { 3: tab } });
  assert.equal(bg.onClicked.length, 1, "background.js listens for the button");
  const host = () => doc.querySelector("triallens-card");
  host().shadowRoot.querySelector("button.close").click();   // closed for this page
  assert.equal(host(), null);
  await bg.click({ id: 3 });
  assert.deepEqual(bg.sent, [[3, { type: "toggleCard" }]]);
  assert.ok(host(), "back");
  assert.equal(host().shadowRoot.querySelector("button.toggle").getAttribute("aria-expanded"), "true");
  await bg.click({ id: 3 });
  assert.equal(host().shadowRoot.querySelector("button.toggle").getAttribute("aria-expanded"), "false", "folded again");
  assert.equal(bg.options.length, 0);

  // a listing page (no card) and a tab where TrialLens does not run: the options
  const listing = contentTab("<html><body><ul><li><a href='/t/1'>NCT07232563</a></li><li><a href='/t/2'>NCT02580019</a></li></ul></body></html>",
    "https://meddatax.com/search", () => ({ ok: true, statuses: {}, missing: {}, receivedAt: Date.now() }));
  await until(() => listing.w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  const bg2 = backgroundWorker({ active: 4, byId: { 4: listing } });
  await bg2.click({ id: 4 });
  assert.equal(bg2.options.length, 1);
  await bg2.click({ id: 99 });
  assert.equal(bg2.options.length, 2);
});

// Walk-through r26 #13: out of the box the address is a service on this computer, which most people do not run.
test("installed for the first time, the options page opens; an update does not open it", async () => {
  const bg = backgroundWorker({ active: 1, byId: {} });
  assert.equal(bg.onInstalled.length, 1);
  await bg.installed({ reason: "update", previousVersion: "0.0.9" });
  await bg.installed({ reason: "browser_update" });
  assert.equal(bg.options.length, 0);
  await bg.installed({ reason: "install" });
  assert.equal(bg.options.length, 1);
});
