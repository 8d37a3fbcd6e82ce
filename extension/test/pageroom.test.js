"use strict";
// The room kept at the page's end while the card is folded over its bottom corner (content/pageroom.js), in a DOM
// (jsdom). jsdom lays nothing out, so the card's box is given; that the page's last link really is clear of the pill
// on a phone is tests/test_extension_e2e_room.py's (Chromium at 375px).
const test = require("node:test");
const assert = require("node:assert/strict");

const { makeWindow, until } = require("./jsdom_page.js");

const URL = "https://meddatax.com/clinical-trials/NCT07232563";
const PAGE = `<html style="scroll-padding-bottom: 5px"><body><h1>Trial</h1><p>text</p><footer><a id="last" href="/privacy">Privacy</a></footer></body></html>`;
const IN_SYNC = { nct_id: "NCT07232563", official: null, related: [],
  drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } };

function uiState(collapsed) {
  return { collapsed, wording: "plain", criteriaOpen: false, onToggle() {}, onWording() {}, onRetry() {}, onOptions() {} };
}

/** Runs the content script on `w` with a service it cannot reach; once it has settled, folds its card.
 * Returns the messages sent to the service (each holding the page's HTML as read) and the card. */
async function runUnreachable(w) {
  const { CONTENT } = require("./jsdom_page.js");
  const sent = [];
  w.chrome = {
    runtime: { id: "x", sendMessage: async (msg) => { sent.push(msg); return { ok: false, state: "unreachable", title: "t", detail: "d" }; } },
    storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
  };
  w.document.querySelector("p").textContent = "NCT07232563";
  w.eval(CONTENT);
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "unreachable");
  const card = w.document.querySelector("triallens-card");
  if (card.hasAttribute("data-expanded")) card.shadowRoot.querySelector("button.toggle").click();
  return { sent, card };
}

/** A window whose card is drawn `height` px tall (open: `openHeight`, or what it returns), `bottom` px above the window's bottom edge (a pill: 52 and 8). */
function pageWithCard(height = 52, bottom = 8, openHeight = 400) {
  const w = makeWindow(PAGE, URL);
  const rect = w.HTMLElement.prototype.getBoundingClientRect;
  w.HTMLElement.prototype.getBoundingClientRect = function () {
    if (this.localName !== "triallens-card") return rect.call(this);
    const open = typeof openHeight === "function" ? openHeight() : openHeight;
    const tall = this.hasAttribute("data-expanded") ? open : height;
    const top = w.innerHeight - bottom - tall;
    return { top, bottom: top + tall, height: tall, left: 0, right: 0, width: 0, x: 0, y: top };
  };
  return w;
}

const room = (w) => w.document.querySelector("triallens-room");
const scrollPadding = (w) => w.document.documentElement.style.getPropertyValue("scroll-padding-bottom");

/** The scroll listeners on `doc`, live: listener and capture -> the options they were added with. */
function scrollListeners(doc) {
  const live = new Map();
  const key = (fn, opts) => [fn, Boolean(opts === true || (opts && opts.capture))];
  const add = doc.addEventListener.bind(doc);
  const remove = doc.removeEventListener.bind(doc);
  doc.addEventListener = (type, fn, opts) => {
    if (type === "scroll") live.set(key(fn, opts).join(), opts);
    add(type, fn, opts);
  };
  doc.removeEventListener = (type, fn, opts) => {
    if (type === "scroll") live.delete(key(fn, opts).join());
    remove(type, fn, opts);
  };
  return live;
}

/** Scrolled to the end of `w`'s page (1,600px and the room) in its window; returns how to scroll up from there. */
function scrolledToEnd(w) {
  const doc = w.document;
  const el = doc.scrollingElement || doc.documentElement;
  let top = 1600 + parseFloat(room(w).style.height) - w.innerHeight;
  Object.defineProperty(el, "scrollHeight", { configurable: true, get: () => 1600 + parseFloat(room(w).style.height) });
  Object.defineProperty(el, "clientHeight", { configurable: true, get: () => w.innerHeight });
  Object.defineProperty(el, "scrollTop", { configurable: true, get: () => top });
  const rect = w.HTMLElement.prototype.getBoundingClientRect;
  w.HTMLElement.prototype.getBoundingClientRect = function () {
    if (this.localName !== "triallens-room") return rect.call(this);
    const height = parseFloat(this.style.height);
    const y = 1600 - top;   // where the room starts in the window
    return { top: y, bottom: y + height, height, left: 0, right: 0, width: 0 };
  };
  return { up(px) { top -= px; }, toTop() { top = 0; } };
}

test("folded, the card gets room after the page's last element, as tall as the card and its gap, and as much scroll-padding", () => {
  const w = pageWithCard(52, 8);
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, uiState(true));
  const r = room(w);
  assert.ok(r, "room at the page's end");
  assert.equal(w.document.body.lastElementChild, r, "after the page's own content");
  assert.equal(r.style.getPropertyValue("height"), `${52 + 8 + 8}px`);
  assert.equal(r.getAttribute("aria-hidden"), "true");
  assert.equal(r.textContent, "");
  assert.equal(scrollPadding(w), `${5 + 68}px`, "the page's own scroll-padding, plus the card's");
  // content the page adds later goes before the room on the next render
  w.document.body.append(w.document.createElement("section"));
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, uiState(true));
  assert.equal(w.document.body.lastElementChild, room(w));
  assert.equal(w.document.querySelectorAll("triallens-room").length, 1);
});

test("open, the card gets room as tall as the open card; folded again, the pill's (walk-through r26 #11)", () => {
  // the open card covered the page's last lines for good, at the page's very end (bottom-wide-crit.png)
  const w = pageWithCard(52, 8, 400);
  const doc = w.document;
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  assert.equal(room(w).style.getPropertyValue("height"), "68px");
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(false));
  assert.equal(room(w).style.getPropertyValue("height"), `${400 + 8 + 8}px`);
  assert.equal(scrollPadding(w), `${5 + 416}px`, "a link reached with Tab is scrolled clear of the open card too");
  assert.equal(doc.body.lastElementChild, room(w));
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));   // folded, with the reader at the top: the pill's room
  assert.equal(room(w).style.getPropertyValue("height"), "68px");
  assert.equal(scrollPadding(w), `${5 + 68}px`);
  assert.equal(doc.querySelectorAll("triallens-room").length, 1);
});

test("folded with the reader at the page's end, the room keeps what they have in view (the page does not move)", () => {
  const w = pageWithCard(52, 8, 400);
  const doc = w.document;
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(false));
  // scrolled to the end: 1,600px of page and the room's 416 in a 768px window
  const scroll = scrolledToEnd(w);
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  assert.equal(room(w).style.getPropertyValue("height"), "416px", "at the end: all of it in view, kept");
  scroll.up(300);   // scrolled up 300px: only 116px of it still needed to keep the page where it is
  w.TrialLens.fitRoom(doc);
  assert.equal(room(w).style.getPropertyValue("height"), "116px");
  scroll.toTop();
  w.TrialLens.fitRoom(doc);
  assert.equal(room(w).style.getPropertyValue("height"), "68px", "and the pill's own once it is out of view");
  w.close();
});

test("open, a card that shrinks with the reader at the page's end keeps the room in view, then gives it back as they scroll up", () => {
  // (it stayed, taller than the card, until the page next changed: scrolling is no news while the card is open)
  let tall = 400;
  const w = pageWithCard(52, 8, () => tall);
  const doc = w.document;
  const live = scrollListeners(doc);
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(false));
  assert.equal(room(w).style.getPropertyValue("height"), "416px");
  assert.equal(live.size, 0, "open at its height: no scroll listener");
  const scroll = scrolledToEnd(w);
  tall = 200;   // its criteria folded: what the card's ResizeObserver sees
  w.TrialLens.fitRoom(doc);
  assert.equal(room(w).style.getPropertyValue("height"), "416px", "at the end: all of it in view, kept");
  assert.equal(live.size, 1, "scrolling now sets off the re-check");
  scroll.up(100);
  w.TrialLens.fitRoom(doc);   // (the scroll's re-check)
  assert.equal(room(w).style.getPropertyValue("height"), "316px", "what went out of view goes");
  scroll.up(200);
  w.TrialLens.fitRoom(doc);
  assert.equal(room(w).style.getPropertyValue("height"), `${200 + 8 + 8}px`, "the shrunk card's own");
  assert.equal(live.size, 0, "and no scroll listener again");
  w.close();
});

test("the room goes, and the page's scroll-padding comes back, when the card is closed, or is taken off", () => {
  const w = pageWithCard();
  const doc = w.document;
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  assert.ok(room(w));
  doc.querySelector("triallens-card").shadowRoot.querySelector("button.close").click();
  assert.equal(room(w), null, "closed for the page");
  assert.equal(scrollPadding(w), "5px");
  assert.equal(doc.documentElement.getAttribute("style"), "scroll-padding-bottom: 5px;");
  // a page with no style of its own is left with none
  const plain = makeWindow("<html><body><p>x</p></body></html>", URL);
  const rect = plain.HTMLElement.prototype.getBoundingClientRect;
  plain.HTMLElement.prototype.getBoundingClientRect = function () {
    return this.localName === "triallens-card" ? { top: 700, height: 52, bottom: 752 } : rect.call(this);
  };
  plain.TrialLens.renderAnnotation(plain.document, IN_SYNC, uiState(true));
  assert.ok(room(plain));
  plain.TrialLens.removeCard(plain.document);
  assert.equal(room(plain), null);
  assert.equal(plain.document.documentElement.hasAttribute("style"), false);
  w.close();   // (and the clock of the note that said the card closed)
});

test("scrolling sets off the re-check only while the card is folded, through one passive listener", () => {
  // (a sticky bar comes and goes with scrolling alone: tests/test_extension_e2e_room.py, Chromium; open, the card is no
  // pill in the corner, and a listener on every scroll would cost for nothing)
  const w = pageWithCard();
  const doc = w.document;
  const live = scrollListeners(doc);
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  assert.deepEqual([...live.values()].map((o) => ({ ...o })), [{ capture: true, passive: true }],
    "folded: one, passive, seeing an element's scroll too");
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(false));
  assert.equal(live.size, 0, "open");
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  w.TrialLens.renderAnnotation(doc, IN_SYNC, uiState(true));
  assert.equal(live.size, 1, "folded again, and redrawn: still one");
  w.TrialLens.removeCard(doc);
  assert.equal(live.size, 0, "taken off");
  w.close();
});

test("a card with no size (not laid out) keeps no room", () => {
  const w = makeWindow(PAGE, URL);   // jsdom: every box is 0×0
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, uiState(true));
  assert.equal(room(w), null);
  assert.equal(scrollPadding(w), "5px");
});

test("content script: what the service reads on 'Try again' has neither the room nor its scroll-padding; the room comes back", async () => {
  const w = pageWithCard();
  const { sent, card } = await runUnreachable(w);
  assert.ok(room(w), "folded: room kept");
  card.shadowRoot.querySelector("button.retry").click();
  await until(() => sent.length === 2);
  assert.doesNotMatch(sent[1].html, /triallens-room/);
  assert.match(sent[1].html, /<html style="scroll-padding-bottom: 5px;?"[ >]/, "the page's own style, nothing of ours");
  assert.ok(room(w), "and back once the page is read");
});

test("a room laid out beside the content (a body laid out as a row) becomes padding on the body, put back on close and never sent to the service", async () => {
  const w = pageWithCard();
  const rect = w.HTMLElement.prototype.getBoundingClientRect;
  w.HTMLElement.prototype.getBoundingClientRect = function () {
    if (this.localName === "triallens-room") return { top: 400, bottom: 468, height: 68, left: 0, right: 0, width: 0 };   // beside
    if (this.localName === "footer") return { top: 300, bottom: 500, height: 200, left: 0, right: 0, width: 0 };
    return rect.call(this);
  };
  w.document.body.setAttribute("style", "color: black");
  const { sent, card } = await runUnreachable(w);
  assert.equal(room(w), null, "no room element beside the columns");
  assert.equal(w.document.body.style.getPropertyValue("padding-bottom"), "68px");
  card.shadowRoot.querySelector("button.retry").click();
  await until(() => sent.length === 2);
  assert.match(sent[1].html, /<body style="color: black;?">/, "the page's own style, nothing of ours");
  assert.equal(w.document.body.style.getPropertyValue("padding-bottom"), "68px", "back once the page is read");
  const later = [];   // (the note that says the card closed keeps its own clock: run by the test)
  const setTimeout0 = w.setTimeout;
  w.setTimeout = (fn, ms, ...rest) => (ms >= 5000 ? later.push(fn) : setTimeout0(fn, ms, ...rest));
  w.document.querySelector("triallens-card").shadowRoot.querySelector("button.close").click();
  assert.equal(w.document.body.getAttribute("style"), "color: black;");
  assert.equal(scrollPadding(w), "5px");
});

test("closed with the reader at the page's end, the room's part in view stays (no jump), and never goes to the service", async () => {
  const { CONTENT } = require("./jsdom_page.js");
  const w = pageWithCard();
  const rect = w.HTMLElement.prototype.getBoundingClientRect;
  w.HTMLElement.prototype.getBoundingClientRect = function () {
    if (this.localName !== "triallens-room") return rect.call(this);
    const height = parseFloat(this.style.height);   // the room at the window's bottom: the reader scrolled to the end
    return { top: w.innerHeight - height, bottom: w.innerHeight, height, left: 0, right: 0, width: 0 };
  };
  const sent = [];
  w.chrome = {
    runtime: { id: "x", sendMessage: async (msg) => {
      if (msg.type === "shortcut") return { ok: true, shortcut: "Alt+Shift+K" };   // (asked for the note that says it closed)
      sent.push(msg);
      return { ok: true, annotation: IN_SYNC, receivedAt: Date.now() };
    } },
    storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
  };
  w.document.querySelector("p").textContent = "NCT07232563";
  const later = [];   // (the note that says the card closed keeps its own clock: run by the test)
  const setTimeout0 = w.setTimeout;
  w.setTimeout = (fn, ms, ...rest) => (ms >= 5000 ? later.push(fn) : setTimeout0(fn, ms, ...rest));
  w.eval(CONTENT);
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.ok(room(w), "an in-sync card opens folded, with room");
  w.document.querySelector("triallens-card").shadowRoot.querySelector("button.close").click();
  assert.equal(w.document.querySelector("triallens-card"), null);
  assert.ok(room(w), "the part of the room in view stays");
  assert.equal(scrollPadding(w), "5px", "the scroll-padding is the page's again");
  w.history.pushState({}, "", "/clinical-trials/NCT07232563?tab=2");   // the page moves on (a single-page site)
  w.document.body.append(w.document.createElement("div"));
  await until(() => sent.length === 2);
  assert.doesNotMatch(sent[1].html, /triallens-room|triallens-note/);
});
