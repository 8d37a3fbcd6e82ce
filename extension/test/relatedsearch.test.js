"use strict";
// No open trial like this one (review r26 #4): the card says what the service's page says ("TrialLens knows of no open
// trials like this one.", server/related_words.py RELATED_NONE) and links the service's search_url, ClinicalTrials.gov's
// search for open trials of the record's condition, named as the page names it; any other address is not linked.
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow } = require("./jsdom_page.js");
const { relatedSearch } = require("../lib/badges.js");

const SEARCH = "https://clinicaltrials.gov/search?cond=Ischemic%20Stroke&aggFilters=status:not%20rec";

function annotation(extra) {
  return { nct_id: "NCT07041801", page: {}, generated_at: "2026-01-02T10:00:01Z", criteria: null, related: [],
    official: { nct_id: "NCT07041801", status: "COMPLETED", fetched_at: "2026-01-02T10:00:00Z", stale: false,
      url: "https://clinicaltrials.gov/study/NCT07041801" },
    drift: { state: "drifted", verdict: "not_recruiting", headline: "ClinicalTrials.gov says this trial is not recruiting",
      findings: [{ kind: "status_drift", severity: "critical", field: "status", page_value: "RECRUITING",
        official_value: "COMPLETED", message: "This page says recruiting.", evidence: {}, about: "page" }] },
    ...extra };
}

function card(ann) {
  const w = makeWindow("<html><body></body></html>", "https://ctv.veeva.com/study/x");
  const ui = { collapsed: false, wording: "plain", criteriaOpen: false, onToggle() {}, onWording() {}, onRetry() {}, onOptions() {} };
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  return w.document.querySelector("triallens-card").shadowRoot;
}

test("relatedSearch: the link's words name the condition searched; only an https address on clinicaltrials.gov", () => {
  assert.deepEqual(relatedSearch(SEARCH), { url: SEARCH, text: "Search ClinicalTrials.gov for open trials of Ischemic Stroke" });
  const crohn = "https://clinicaltrials.gov/search?cond=Crohn%27s%20Disease%20%26%20Colitis&aggFilters=status:not%20rec";
  assert.equal(relatedSearch(crohn).text, "Search ClinicalTrials.gov for open trials of Crohn's Disease & Colitis");
  assert.equal(relatedSearch("https://clinicaltrials.gov/search?aggFilters=status:not%20rec").text,
    "Search ClinicalTrials.gov for open trials of this condition");
  for (const bad of [undefined, null, 42, "", "http://clinicaltrials.gov/search?cond=x", "javascript:alert(1)",
    "https://evil.example/search?cond=x", "https://clinicaltrials.gov.evil.example/search?cond=x", "not a url"]) {
    assert.equal(relatedSearch(bad), null, String(bad));
  }
});

test("an empty related list says TrialLens knows of no open trial like it, and links the service's search", () => {
  const shadow = card(annotation({ search_url: SEARCH }));
  assert.equal(shadow.querySelector(".related-none").textContent, "TrialLens knows of no open trials like this one.");
  const a = shadow.querySelector(".related-search a");
  assert.equal(a.textContent, "Search ClinicalTrials.gov for open trials of Ischemic Stroke");
  assert.equal(a.getAttribute("href"), SEARCH);
  // (as the card's other record links: a new tab, no opener, no referrer)
  const record = shadow.querySelector(".who a");
  for (const attr of ["target", "rel"]) assert.equal(a.getAttribute(attr), record.getAttribute(attr), attr);
  assert.equal(a.getAttribute("rel"), "noopener noreferrer");
});

test("no search_url, or one not on clinicaltrials.gov: the sentence alone, no link", () => {
  for (const search_url of [undefined, "javascript:alert(1)", "https://evil.example/search?cond=Stroke", "http://clinicaltrials.gov/search?cond=x"]) {
    const shadow = card(annotation(search_url === undefined ? {} : { search_url }));
    assert.equal(shadow.querySelector(".related-none").textContent, "TrialLens knows of no open trials like this one.");
    assert.equal(shadow.querySelector(".related-search"), null, String(search_url));
    assert.equal([...shadow.querySelectorAll("a")].filter((a) => !/^https:\/\/clinicaltrials\.gov\/study\//.test(a.getAttribute("href") || "")).length, 0);
  }
  // related trials found: no "none", no search
  const found = card(annotation({ search_url: SEARCH, related: [{ nct_id: "NCT02580019", title: "Other", status: "RECRUITING" }] }));
  assert.equal(found.querySelector(".related-none, .related-search"), null);
});
