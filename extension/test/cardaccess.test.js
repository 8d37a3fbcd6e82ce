"use strict";
// The card and the listing badges for keyboards, screen readers and small windows (review round 11e §4-§6),
// in a DOM (jsdom) with the content scripts as the manifest lists them. (Layout itself: tests/test_extension_e2e*.py.)
const test = require("node:test");
const assert = require("node:assert/strict");

const { makeWindow } = require("./jsdom_page.js");

function uiState(collapsed = false) {
  const ui = { collapsed, wording: "plain", criteriaOpen: false, toggled: [], closed: 0 };
  ui.onToggle = (c) => ui.toggled.push(c);
  ui.onWording = () => {};
  ui.onRetry = () => {};
  ui.onOptions = () => {};
  return ui;
}

const frames = (w) => new Promise((resolve) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => w.setTimeout(resolve, 0))));

const WARN = {
  nct_id: "NCT07232563", official: null, related: [],
  drift: { verdict: "differs", headline: "This page differs from ClinicalTrials.gov", findings: [
    { kind: "status_drift", severity: "warning", field: "status", page_value: "RECRUITING", official_value: "COMPLETED",
      message: "This page says recruiting.", evidence: {}, about: "page" }] },
};
const IN_SYNC = { nct_id: "NCT07232563", official: null, related: [],
  drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } };

const PAGE = `<html><body>${Array.from({ length: 60 }, (_, i) => `<a href="/l${i}">link ${i}</a>`).join(" ")}</body></html>`;
const URL = "https://meddatax.com/clinical-trials/NCT07232563";

test("the headline is a level-2 heading, not a status; one status region outlives every render and takes its words", async () => {
  const w = makeWindow(PAGE, URL);
  const doc = w.document;
  w.TrialLens.renderLoading(doc, uiState(true));
  const shadow = doc.querySelector("triallens-card").shadowRoot;
  const live = shadow.querySelector("[role=status]");
  assert.ok(live, "a status region from the start");
  assert.equal(live.getAttribute("aria-live"), "polite");
  live.tlMark = "loading";
  assert.match(live.textContent, /^TrialLens: Checking with ClinicalTrials\.gov/);
  w.TrialLens.renderAnnotation(doc, WARN, uiState(false));
  const h2 = shadow.querySelector("h2.headline");
  assert.equal(h2.getAttribute("role"), null, "a heading keeps its role");
  assert.equal(h2.getAttribute("aria-live"), null);
  assert.equal(shadow.querySelectorAll("[role=status], [aria-live]").length, 1, "one live region");
  const after = shadow.querySelector("[role=status]");
  assert.equal(after.tlMark, "loading", "the same node: updated, not replaced");
  assert.ok(after.isConnected);
  await frames(w);   // (the host moved first in the body: the words follow a frame later)
  assert.equal(after.textContent, "TrialLens: This page differs from ClinicalTrials.gov");
  // a re-render with the same headline (Hide) does not touch the words
  let changes = 0;
  new w.MutationObserver(() => { changes += 1; }).observe(after, { childList: true, characterData: true, subtree: true });
  w.TrialLens.renderAnnotation(doc, WARN, uiState(true));
  await frames(w);
  assert.equal(changes, 0);
  assert.equal(shadow.querySelectorAll(".card").length, 1, "the old card is gone");
});

test("a warning that opened by itself is first in the keyboard's order; focus is not moved, and in-sync cards stay last", () => {
  const w = makeWindow(PAGE, URL);
  const doc = w.document;
  const before = doc.activeElement;
  w.TrialLens.renderLoading(doc, uiState(true));
  const host = doc.querySelector("triallens-card");
  assert.equal(host.parentNode, doc.documentElement, "while checking: after the page");
  w.TrialLens.renderAnnotation(doc, WARN, uiState(false));
  assert.equal(doc.body.firstChild, host, "before the page's 60 links");
  assert.equal(doc.activeElement, before, "focus stays where it was");
  // an in-sync card (folded) stays after the page
  const w2 = makeWindow(PAGE, URL);
  w2.TrialLens.renderLoading(w2.document, uiState(true));
  w2.TrialLens.renderAnnotation(w2.document, IN_SYNC, uiState(true));
  assert.equal(w2.document.querySelector("triallens-card").parentNode, w2.document.documentElement);
  // a warning the reader folded (focus in the card) and opens again with Show is not moved under their hands
  const w3 = makeWindow(PAGE, URL);
  w3.TrialLens.renderAnnotation(w3.document, WARN, uiState(true));
  const host3 = w3.document.querySelector("triallens-card");
  host3.shadowRoot.querySelector("button.toggle").focus();
  assert.equal(host3.shadowRoot.activeElement, host3.shadowRoot.querySelector("button.toggle"));
  w3.TrialLens.renderAnnotation(w3.document, WARN, uiState(false));
  assert.equal(host3.parentNode, w3.document.documentElement);
});

test("a warning comes right after the page's skip link when that is its first Tab stop, else first", () => {
  // (a reader's Tab, Enter pressed the card's Hide, not "Skip to main content")
  const place = (top) => {
    const w = makeWindow(`<html><body>${top}<nav><a href="/a">A</a></nav><main id="content" name="c"><p>x</p></main></body></html>`, URL);
    w.TrialLens.renderAnnotation(w.document, WARN, uiState(false));
    const host = w.document.querySelector("triallens-card");
    return host.previousElementSibling ? host.previousElementSibling.outerHTML : "first";
  };
  assert.equal(place('<a id="s" href="#content">Skip to main content</a>'), '<a id="s" href="#content">Skip to main content</a>');
  // in its own part of the page, with another skip link: after that part; a target given by name too
  assert.equal(place('<div id="skips"><a href="#content">Skip to content</a> <a href="#c">Skip</a></div>'),
    '<div id="skips"><a href="#content">Skip to content</a> <a href="#c">Skip</a></div>');
  assert.equal(place('<div hidden><button>Menu</button></div><a id="s" href="#content">Skip</a>'), '<a id="s" href="#content">Skip</a>',
    "(what is hidden is no Tab stop)");
  // nor what the page's styles do not draw: a link set display:none, a button visibility:hidden, inside a part so
  const skip = '<a id="s" href="#content">Skip</a>';
  for (const hidden of ['<a href="/promo" style="display:none">Promo</a>', '<div style="display: none"><a href="/m">Menu</a></div>',
    '<style>.off { visibility: hidden }</style><button class="off">Search</button>', '<style>#m { display: none }</style><nav id="m"><a href="/">Home</a></nav>']) {
    assert.equal(place(hidden + skip), skip, hidden);
  }
  assert.equal(place('<div style="visibility: hidden"><a href="/m" style="visibility: visible">Menu</a></div>' + skip), "first",
    "(a part drawn again inside a hidden one is a stop)");
  // first, as on any page, when the skip link's part holds the site's links too, or the page's first stop is not one
  assert.equal(place('<header><a href="#content">Skip</a><a href="/home">Home</a></header>'), "first");
  assert.equal(place('<a href="#nowhere">Skip</a>'), "first", "a link to nothing on the page");
  assert.equal(place('<a href="/home">Home</a><a href="#content">Skip</a>'), "first");
  assert.equal(place(""), "first");
});

test("Close: a named button takes the card off this page until the reader moves to another page", () => {
  const w = makeWindow(PAGE, URL);
  const doc = w.document;
  const ui = uiState(true);
  w.TrialLens.renderAnnotation(doc, IN_SYNC, ui);
  const close = doc.querySelector("triallens-card").shadowRoot.querySelector("button.close");
  assert.ok(close, "a close button");
  assert.equal(close.getAttribute("type"), "button");
  assert.equal(close.getAttribute("aria-label"), "Close TrialLens on this page");
  close.click();
  assert.equal(doc.querySelector("triallens-card"), null);
  // a later answer for the same page (a re-render, the check finishing) does not bring it back
  w.TrialLens.renderAnnotation(doc, WARN, uiState(false));
  w.TrialLens.renderLoading(doc, ui);
  assert.equal(doc.querySelector("triallens-card"), null);
  // another page (a single-page site's navigation): a card again
  w.history.pushState({}, "", "/clinical-trials/NCT02580019");
  w.TrialLens.renderAnnotation(doc, WARN, uiState(false));
  assert.ok(doc.querySelector("triallens-card"));
  w.close();   // (and the clock of the note that said the card closed)
});

test("folded on a narrow window the card is a small pill (icon, Show, Close), not a bar across the page", () => {
  const w = makeWindow(PAGE, URL);
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, uiState(true));
  const css = w.document.querySelector("triallens-card").shadowRoot.querySelector("style").textContent;
  const narrow = css.slice(css.lastIndexOf("@media (max-width: 699.98px)"));
  assert.match(narrow, /:host\(:not\(\[data-expanded\]\)\) \{[^}]*width: auto/);
  assert.match(narrow, /:host\(:not\(\[data-expanded\]\)\) \.headline-text \{[^}]*clip/);
});

/** The text a sighted reader sees in the folded card on a narrow window: the card without what the narrow folded
 * rules hide (clipped or not displayed), without `hidden` parts and the screen-reader-only text. */
function foldedNarrowVisibleText(shadow) {
  const css = shadow.querySelector("style").textContent;
  const narrow = css.slice(css.lastIndexOf("@media (max-width: 699.98px)"));
  const hiding = [...narrow.matchAll(/:host\(:not\(\[data-expanded\]\)\) ([^{]+)\{([^}]*)\}/g)]
    .filter((m) => /clip|display:\s*none/.test(m[2])).map((m) => m[1].trim());
  const card = shadow.querySelector(".card").cloneNode(true);
  for (const sel of [...hiding, "[hidden]", ".sr-only"]) card.querySelectorAll(sel).forEach((el) => el.remove());
  return card.textContent.replace(/\s+/g, " ").trim();
}

test("folded on a narrow window the pill shows the name TrialLens, and a screen reader hears it once", () => {
  const w = makeWindow(PAGE, URL);
  w.TrialLens.renderAnnotation(w.document, IN_SYNC, uiState(true));
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const seen = foldedNarrowVisibleText(shadow);
  assert.match(seen, /TrialLens/);
  assert.ok(!seen.includes("In sync with ClinicalTrials.gov"), seen);   // (the headline's words: for screen readers)
  assert.match(seen, /Show/);
  // the heading reads "TrialLens" and the headline, each once; nothing else in the header repeats the name as text
  const h2 = shadow.querySelector("h2.headline");
  assert.equal(h2.textContent.match(/TrialLens/g).length, 1);
  assert.match(h2.textContent, /In sync with ClinicalTrials\.gov/);
  const header = shadow.querySelector("header").cloneNode(true);
  header.querySelectorAll("h2, button").forEach((el) => el.remove());
  assert.ok(!/TrialLens/.test(header.textContent), header.textContent);
});

test("the wording button says what it does, and is not also a toggle whose 'pressed' says the opposite", () => {
  const w = makeWindow(PAGE, URL);
  const item = { original: "Age >= 18", shown: "You are 18 or older", rewritten: true, glossary: [], children: [] };
  const ann = { ...IN_SYNC, criteria: { inclusion: [item], exclusion: [] } };
  for (const [wording, label] of [["plain", "Show original wording"], ["original", "Show plain English"]]) {
    w.TrialLens.renderAnnotation(w.document, ann, { ...uiState(false), wording, criteriaOpen: true });
    const btn = w.document.querySelector("triallens-card").shadowRoot.querySelector("button.wording");
    assert.equal(btn.textContent, label);
    // (a screen reader heard "Show plain English, toggle button, pressed": pressed for the original wording, named for
    // the plain one; the name alone says the action, and the list's heading whose words are shown)
    assert.equal(btn.hasAttribute("aria-pressed"), false, wording);
  }
});

test("criteria the reader opens stay open when the card is drawn again before the toggle event comes", () => {
  const w = makeWindow(PAGE, URL);
  const item = { original: "Age >= 18", shown: "You are 18 or older", rewritten: true, glossary: [], children: [] };
  const ann = { ...IN_SYNC, criteria: { inclusion: [item], exclusion: [] } };
  const ui = uiState(false);
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("details.criteria").open, false);
  shadow.querySelector("details.criteria > summary").click();   // (its toggle event is queued as a task, not yet fired)
  // drawn again at once (related trials arriving): the reader's opening is kept, not taken back
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  assert.equal(shadow.querySelector("details.criteria").open, true);
  shadow.querySelector("details.criteria > summary").click();   // and closing it is kept too
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  assert.equal(shadow.querySelector("details.criteria").open, false);
});
