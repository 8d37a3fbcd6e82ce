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
  assert.match(shadow.querySelector("span.badge").getAttribute("title"), /^TrialLens: NCT07232563: Recruiting according to ClinicalTrials\.gov/);
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
