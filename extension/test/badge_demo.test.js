"use strict";
// A listing badge for a demo record (the bundled records TrialLens rebuilt from aggregator pages; the service's
// `reconstructed`) said "Recruiting (as of Oct 2025)" and, in its title, "Recruiting according to ClinicalTrials.gov",
// while the card and the trial page call the same record "TrialLens's demo record". Its status is the pages', not
// ClinicalTrials.gov's: the badge says so and is never green.
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");

const ID = "NCT07232563";
const DEMO = { status: "RECRUITING", status_text: "Recruiting", last_update_posted: "2025-10-01", stale: true,
  stale_reason: "offline", fetched_at: null, overdue: null, reconstructed: true };

test("a demo record's badge names it and is never green", () => {
  const view = B.badgeView(ID, DEMO);
  assert.equal(view.text, "Recruiting (demo record)");
  assert.equal(view.tone, "unknown");
  assert.equal(view.unchecked, false);
  assert.match(view.label, /according to TrialLens's demo record, rebuilt from aggregator pages/);
  assert.doesNotMatch(view.label, /according to ClinicalTrials\.gov|saved copy/);
  assert.equal(view.from, "its demo record");   // (a screen reader hears "TrialLens, from its demo record: …")
});

test("a closed demo record keeps its closed tone", () => {
  assert.equal(B.badgeView(ID, { ...DEMO, status: "COMPLETED", status_text: "Completed" }).tone, "closed");
});

test("a saved copy of a real record is still a saved copy", () => {
  const view = B.badgeView(ID, { ...DEMO, reconstructed: false });
  assert.equal(view.text, "Recruiting (as of Oct 2025)");
  assert.equal(view.from, "ClinicalTrials.gov");
  assert.match(view.label, /according to ClinicalTrials\.gov.*\(TrialLens's saved copy from Oct 2025\)/);
});

test("a demo record ClinicalTrials.gov no longer has is not called a saved copy", () => {
  const view = B.badgeView(ID, { ...DEMO, stale_reason: "gone" });
  assert.equal(view.text, "No longer on ClinicalTrials.gov");
  assert.match(view.label, /TrialLens's demo record from Oct 2025 said recruiting/);
});

test("a screen reader hears a demo record's badge as the demo record's, not ClinicalTrials.gov's", () => {
  const { makeWindow } = require("./jsdom_page.js");
  const w = makeWindow("<html><body><ul><li><span>NCT07232563</span></li></ul></body></html>", "https://meddatax.com/search");
  const badge = w.TrialLens.makeBadge(w.document, w.TrialLens.badgeView(ID, DEMO));
  const spoken = badge.shadowRoot.querySelector(".sr-only").textContent;
  assert.match(spoken, /^TrialLens, from its demo record: Recruiting \(demo record\)\./);
  const real = w.TrialLens.makeBadge(w.document, w.TrialLens.badgeView(ID, { ...DEMO, reconstructed: false }));
  assert.match(real.shadowRoot.querySelector(".sr-only").textContent, /^TrialLens, from ClinicalTrials\.gov: /);
});
