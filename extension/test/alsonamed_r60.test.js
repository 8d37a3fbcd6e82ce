"use strict";
// Review r60 #3: a page with an id in its address that shows a second trial got one quiet card that never named it
// (the service's HTML page does: "This page also names …"); and an id only in the address's query string made a search
// listing one trial's page (one "Could not check" card, no badges).
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow } = require("./jsdom_page.js");
const N = require("../lib/nct.js");

const FIVE = ["NCT06844474", "NCT03694327", "NCT05468931", "NCT06751849", "NCT00150358"];

test("an id only in the query string counts less than one in the path", () => {
  const listing = { heading: "Search results for NCT06844474 | meddatax Search results", bodyIds: FIVE, labelledIds: [], registryLinkIds: [] };
  assert.deepEqual(N.classifyPage({ ...listing, url: "https://meddatax.com/search?query=NCT06844474" }), { kind: "listing", ids: FIVE });
  assert.deepEqual(N.classifyPage({ ...listing, url: "https://meddatax.com/clinical-trials/NCT06844474" }), { kind: "trial", nctId: "NCT06844474" });
  // the query's id with no other id shown (or only itself): that trial's page, as before
  assert.deepEqual(N.classifyPage({ url: "https://x.org/view?nct=NCT06844474", heading: "", bodyIds: [], labelledIds: [], registryLinkIds: [] }),
    { kind: "trial", nctId: "NCT06844474" });
  assert.deepEqual(N.classifyPage({ url: "https://x.org/view?nct=NCT06844474", heading: "A trial", bodyIds: ["NCT06844474"], labelledIds: [], registryLinkIds: [] }),
    { kind: "trial", nctId: "NCT06844474" });
  // labelled as the page's own: still its trial, with other ids beside it
  assert.deepEqual(N.classifyPage({ url: "https://x.org/view?nct=NCT06844474", heading: "", bodyIds: FIVE, labelledIds: ["NCT06844474"], registryLinkIds: [] }),
    { kind: "trial", nctId: "NCT06844474" });
});

function card(annotation, serviceUrl = "http://127.0.0.1:5000") {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/clinical-trials/NCT06844474");
  w.TrialLens.renderAnnotation(w.document, annotation, { collapsed: false, wording: "plain", criteriaOpen: false, serviceUrl,
    setCollapsed() {}, onToggle() {}, onWording() {}, onRetry() {}, onOptions() {}, shortcutKeys: async () => "" });
  return w.document.querySelector("triallens-card").shadowRoot;
}
const ann = (others, findings = []) => ({ nct_id: "NCT06844474", page: { nct_id: "NCT06844474", other_nct_ids: others },
  official: { nct_id: "NCT06844474", status: "RECRUITING", fetched_at: "2026-12-01T10:00:00Z", stale: false },
  drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings }, criteria: null, related: [] });

test("the card says which other trials the page names, and links each to be checked", () => {
  const shadow = card(ann(["NCT03694327"]));
  const also = shadow.querySelector(".also-named");
  assert.equal(also.querySelector("p").textContent, "This page also names NCT03694327. TrialLens checked NCT06844474 only.");
  assert.deepEqual([...also.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]),
    [["Check NCT03694327", "http://127.0.0.1:5000/trials/NCT03694327"]]);
  // more than five: five named, "and others"; no service page: the official record
  const many = card(ann([...FIVE.slice(1), "NCT01111111", "NCT02222222"]), null).querySelector(".also-named");
  assert.match(many.querySelector("p").textContent, /NCT00150358, NCT01111111 and others\. TrialLens checked NCT06844474 only\.$/);
  assert.equal(many.querySelectorAll("a").length, 5);
  assert.equal(many.querySelector("a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT03694327");
  // none named, or a page about another trial than its number's (its note says so): nothing
  assert.equal(card(ann([])).querySelector(".also-named"), null);
  assert.equal(card(ann(["NCT03694327"], [{ kind: "other_trial", severity: "warning", message: "m", field: "nct_id" }])).querySelector(".also-named"), null);
});
