"use strict";
// A record that gives no eligibility criteria (a withheld one, NCT03182660): the card said "A summary, not every rule:
// the full list below has them all." over nothing, or, on ClinicalTrials.gov itself, that it "could not load" them.
// It now says what the service's page says (templates/trial.html, id no-criteria; review r23 #14).
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow } = require("./jsdom_page.js");
const TL = require("../lib/criteria.js");

const NONE = "ClinicalTrials.gov gives no eligibility criteria for this trial.";
const NONE_COPY = "TrialLens's saved copy of the record (10 Jan 2026) gives no eligibility criteria for this trial: "
  + "the official record on ClinicalTrials.gov may be newer.";

// the service's annotation for the withheld record, as /api/v1/annotate sends it
function withheld(stale = false, glance = {}) {
  return {
    nct_id: "NCT03182660",
    page: {},
    official: { nct_id: "NCT03182660", status: "WITHHELD", status_text: "withheld", last_update_posted: "2017-06-22",
      fetched_at: "2026-01-10T08:00:00Z", stale, stale_reason: stale ? "unreachable" : null,
      url: "https://clinicaltrials.gov/study/NCT03182660", sex: null, min_age: null, max_age: null },
    drift: { state: "in_sync", verdict: "in_sync", headline: "Matches the official record", findings: [] },
    criteria: {
      headings: { inclusion: "You may be able to join if\u2026", exclusion: "You cannot join if\u2026" },
      at_a_glance: { age: null, min_age: null, max_age: null, sex: null, healthy_volunteers: null, pregnancy_excluded: false,
        breastfeeding_excluded: false, thresholds: [], ...glance },
      inclusion: [], exclusion: [], unplaced: [],
    },
    related: [],
    generated_at: "2026-01-10T08:00:01Z",
  };
}

function uiState(extra = {}) {
  return { collapsed: false, wording: "plain", criteriaOpen: true, onToggle() {}, onWording() {}, onRetry() {},
    onOptions() {}, ...extra };
}

function card(url, ann, ui) {
  const w = makeWindow("<html><body></body></html>", url);
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  return w.document.querySelector("triallens-card").shadowRoot;
}

test("the words: the record's, or a saved copy's with its date", () => {
  assert.equal(TL.noCriteriaGiven({ inclusion: [], exclusion: [], unplaced: [] }), true);
  assert.equal(TL.noCriteriaGiven({ inclusion: [], exclusion: [], unplaced: [{ original: "x" }] }), false);
  assert.equal(TL.noCriteriaNote(false, ""), NONE);
  assert.equal(TL.noCriteriaNote(true, "10 Jan 2026"), NONE_COPY);
  assert.match(TL.noCriteriaNote(true, ""), /^TrialLens's saved copy of the record \(date unknown\) gives no/);
});

test("a trial page's card says the record gives no criteria, not 'the full list below'", () => {
  const shadow = card("https://meddatax.com/clinical-trials/NCT03182660", withheld(), uiState());
  const criteria = shadow.querySelector(".criteria");
  assert.equal(criteria.querySelector(".no-criteria").textContent, NONE);
  assert.ok(!criteria.textContent.includes("full list below"));
  assert.equal(criteria.querySelector(".glance-partial, dl.glance, button.wording, ul"), null);
});

test("against a saved copy the card says whose copy gives none, as the page does", () => {
  const shadow = card("https://meddatax.com/clinical-trials/NCT03182660", withheld(true), uiState());
  assert.equal(shadow.querySelector(".criteria .no-criteria").textContent, NONE_COPY);
});

test("a record with ages and sex but no criteria keeps its own rows and sends no one to a list", () => {
  const shadow = card("https://meddatax.com/clinical-trials/NCT03182660",
    withheld(false, { age: "18 to 70 years", sex: "ALL", healthy_volunteers: false, pregnancy_excluded: true }), uiState());
  const rows = [...shadow.querySelectorAll(".criteria dl.glance dt")].map((d) => d.textContent);
  assert.deepEqual(rows, ["Age", "Sex", "Healthy volunteers"]);
  assert.equal(shadow.querySelector(".glance-partial"), null);
  assert.ok(!shadow.querySelector(".criteria").textContent.includes("full list below"));
  // a sex but no ages: not "See the full list below"
  const noAge = card("https://meddatax.com/clinical-trials/NCT03182660", withheld(false, { sex: "FEMALE" }), uiState());
  assert.equal(noAge.querySelector(".criteria dl.glance dd").textContent, "ClinicalTrials.gov gives no age range for this trial");
});

test("on ClinicalTrials.gov the card says the record gives none, not that it could not load them", () => {
  const ui = uiState({ officialSite: true });
  let shadow = card("https://clinicaltrials.gov/study/NCT03182660", withheld(), ui);
  const text = shadow.querySelector("aside").textContent;
  assert.ok(!text.includes("could not load"), text);
  assert.equal(shadow.querySelector("button.retry, .intro"), null);
  assert.equal(shadow.querySelector(".criteria .no-criteria").textContent, NONE);
  shadow = card("https://clinicaltrials.gov/study/NCT03182660", withheld(true), ui);
  assert.equal(shadow.querySelector(".criteria .no-criteria").textContent, NONE_COPY);
});
