"use strict";
// The listing badges for screen readers and narrow windows (review round 11e §8, §9), in a DOM (jsdom) with the
// content scripts as the manifest lists them.
const test = require("node:test");
const assert = require("node:assert/strict");

const { makeWindow } = require("./jsdom_page.js");

test("listing badges: screen readers hear whose reading it is and the longer label; the tooltip says so too", () => {
  const w = makeWindow("<html><body><p>NCT07232563</p></body></html>", "https://meddatax.com/search");
  const view = { text: "Recruiting", tone: "ok", unchecked: false,
    label: "NCT07232563: Recruiting according to ClinicalTrials.gov, last updated 18 Nov 2025" };
  const badge = w.TrialLens.makeBadge(w.document, view);
  const shadow = badge.shadowRoot;
  const sr = shadow.querySelector(".sr-only");
  assert.equal(sr.textContent, "TrialLens, from ClinicalTrials.gov: Recruiting. NCT07232563: Recruiting according to ClinicalTrials.gov, last updated 18 Nov 2025.");
  assert.equal(shadow.querySelector(".shown").getAttribute("aria-hidden"), "true", "the short words are not read twice");
  assert.equal(shadow.querySelectorAll("[aria-label]").length, 0, "no name on a generic span (ignored)");
  assert.match(shadow.querySelector(".badge").getAttribute("title"), /^TrialLens: NCT07232563: Recruiting according to ClinicalTrials\.gov/);
  // a badge never checked is no reading of ClinicalTrials.gov, and its "?" is not read out (review round 14)
  const unchecked = w.TrialLens.makeBadge(w.document, { text: "? Not checked", tone: "unknown", unchecked: true,
    label: "NCT07232563: could not be checked against ClinicalTrials.gov just now" });
  assert.equal(unchecked.shadowRoot.querySelector(".sr-only").textContent,
    "TrialLens: not checked. NCT07232563: could not be checked against ClinicalTrials.gov just now.");
});

test("listing badges wrap in a narrow column instead of widening it", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/search");
  const badge = w.TrialLens.makeBadge(w.document, { text: "Not yet recruiting (saved copy)", tone: "unknown", unchecked: false, label: "x" });
  const css = badge.shadowRoot.querySelector("style").textContent;
  assert.doesNotMatch(css, /\.badge \{[^}]*nowrap/);
  assert.match(css, /\.badge \{[^}]*white-space: normal/);
  assert.match(css, /\.badge \{[^}]*max-width: 100%/);
});

// Walk-through r26 #7: "TrialLens:" and the explanation were only in a tooltip (mouse hover) and for screen readers; a
// badge could not be reached by keyboard or explained by a tap, and "Not found" read as the site's own label.
test("listing badges: marked 'TrialLens' for the eye, a button whose press shows what the badge means", () => {
  const w = makeWindow("<html><body><ul><li><span>NCT07232563</span></li></ul></body></html>", "https://meddatax.com/search");
  let rowClicked = 0;
  w.document.querySelector("li").addEventListener("click", () => { rowClicked += 1; });
  const view = { text: "Not found", tone: "unknown", unchecked: false, label: "NCT07232563: not found on ClinicalTrials.gov" };
  const badge = w.TrialLens.makeBadge(w.document, view);
  w.document.querySelector("li").append(badge);
  const shadow = badge.shadowRoot;
  const button = shadow.querySelector("button.badge");
  assert.ok(button, "a button: reached with Tab, pressed with Enter or a tap");
  assert.equal(button.getAttribute("type"), "button");
  const mark = shadow.querySelector(".mark");
  assert.equal(mark.textContent, "TrialLens");
  assert.equal(mark.getAttribute("aria-hidden"), "true", "(screen readers hear it in the name, once)");
  assert.equal(button.textContent.replace(shadow.querySelector(".sr-only").textContent, ""), "TrialLensNot found");
  const explain = shadow.querySelector(".explain");
  assert.equal(explain.hidden, true);
  assert.equal(button.getAttribute("aria-expanded"), "false");
  assert.equal(shadow.getElementById(button.getAttribute("aria-controls")), explain);
  button.click();
  assert.equal(explain.hidden, false);
  assert.equal(explain.textContent, "TrialLens: NCT07232563: not found on ClinicalTrials.gov.");
  assert.equal(button.getAttribute("aria-expanded"), "true");
  assert.equal(rowClicked, 0, "the site's clickable row is not clicked through the badge");
  button.click();
  assert.equal(explain.hidden, true);
  assert.equal(button.getAttribute("aria-expanded"), "false");
  const css = shadow.querySelector("style").textContent;
  assert.match(css, /\.badge:focus-visible \{[^}]*outline/);
});
