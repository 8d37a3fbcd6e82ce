"use strict";
// On the trial's own page on ClinicalTrials.gov (review r26 #2): the service compares nothing there (could_not_check,
// reason "official_page") but keeps the record's own findings (about "registry") and their note; for an overdue record,
// its headline with caveat record_overdue (server/official_page.py). The card shows them, and no page comparison.
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow, runContent, until } = require("./jsdom_page.js");

const URL = "https://clinicaltrials.gov/study/NCT07232563";
const NOTE = "This is the trial's own page on ClinicalTrials.gov, so TrialLens has nothing to compare it with, but "
  + "TrialLens's saved copy of the ClinicalTrials.gov record (from 18 Nov 2025) says the trial's planned start has passed: see below.";
const OVERDUE = { kind: "registry_overdue", severity: "warning", field: "status", page_value: null,
  official_value: "NOT_YET_RECRUITING", about: "registry",
  message: "TrialLens's saved copy of the ClinicalTrials.gov record, from 18 Nov 2025, says \"not yet recruiting\", and the "
    + "planned start (1 Dec 2025) was 12 months ago; check its status on ClinicalTrials.gov today, and if it has not "
    + "changed, ask the study team whether it has opened.",
  evidence: { start_date: "2025-12-01", start_type: "ESTIMATED", days_past: 370 } };

// the service's answer for the seed trial's study page (tests/test_related_way_on.py builds the same page)
function annotation(drift) {
  return { nct_id: "NCT07232563", page: {}, generated_at: "2026-12-06T10:00:01Z", related: [],
    official: { nct_id: "NCT07232563", status: "NOT_YET_RECRUITING", last_update_posted: "2025-11-18",
      fetched_at: "2025-11-18T00:00:00Z", stale: true, stale_reason: "offline", url: URL },
    criteria: { headings: {}, at_a_glance: null, unplaced: [], exclusion: [],
      inclusion: [{ original: "Age 18-70", shown: "You are 18 to 70 years old", rewritten: true, glossary: [], children: [] }] },
    drift };
}

const overdue = () => annotation({ state: "cannot_compare", verdict: "could_not_check", reason: "official_page",
  caveat: "record_overdue", headline: "This trial may have opened: check ClinicalTrials.gov", note: NOTE, findings: [OVERDUE] });
const inDate = () => annotation({ state: "cannot_compare", verdict: "could_not_check", reason: "official_page",
  headline: "This is the official record", findings: [],
  note: "This is the trial's own page on ClinicalTrials.gov, the official record, so TrialLens has nothing to compare it with." });

function card(ann) {
  const w = makeWindow("<html><body></body></html>", URL);
  const ui = { collapsed: false, wording: "plain", criteriaOpen: true, officialSite: true,
    onToggle() {}, onWording() {}, onRetry() {}, onOptions() {} };
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  return w.document.querySelector("triallens-card").shadowRoot;
}

test("an overdue record: the service's headline in amber, its note and the record's finding, no page comparison", () => {
  const shadow = card(overdue());
  assert.equal(shadow.querySelector(".headline-text").textContent, "This trial may have opened: check ClinicalTrials.gov");
  assert.equal(shadow.querySelector("header .icon").textContent, "!");
  assert.ok(shadow.querySelector("aside").classList.contains("tone-warn"));
  assert.equal(shadow.querySelector(".verdict-note").textContent, NOTE);
  assert.deepEqual([...shadow.querySelectorAll(".finding > p")].map((p) => p.textContent), [`warning${OVERDUE.message}`]);
  assert.equal(shadow.querySelector(".registry-heading").textContent, "About TrialLens's saved copy of the record");
  // what the note says comes first, then who can join; still no record row, footer, button or link to this page
  const order = [...shadow.querySelector(".body").children].map((el) => el.className);
  assert.deepEqual(order.slice(0, 4), ["muted who", "verdict-note", "all-findings", "intro"]);
  assert.equal(shadow.querySelector(".who").textContent, "Trial NCT07232563");
  assert.equal(shadow.querySelector(".page-findings, .record-status, .official-first, footer"), null);
  assert.equal(shadow.querySelector("a[href$='NCT07232563']"), null);
});

test("an in-date record: 'This is the official record', no finding and no note (it would say the headline again)", () => {
  const shadow = card(inDate());
  assert.equal(shadow.querySelector(".headline-text").textContent, "This is the official record");
  assert.equal(shadow.querySelector("header .icon").textContent, "i");
  assert.equal(shadow.querySelector(".finding, .verdict-note"), null);
  // the trial's number first (on a single-page site the reader sees the card follow the page: review r60 #1), then who can join
  assert.deepEqual([...shadow.querySelector(".body").children].slice(0, 2).map((el) => el.className), ["muted who", "intro"]);
  assert.equal(shadow.querySelector(".who").textContent, "Trial NCT07232563");
});

test("a record unconfirmed for years, not overdue: its finding and note under the neutral headline", () => {
  const ann = inDate();
  ann.drift.findings = [{ kind: "registry_unverified", severity: "info", field: "status_verified", page_value: null,
    official_value: "2021-03", about: "registry", message: "The sponsor last confirmed this record in March 2021.", evidence: {} }];
  const shadow = card(ann);
  assert.equal(shadow.querySelector(".headline-text").textContent, "This is the official record");
  assert.equal(shadow.querySelector("header .icon").textContent, "i");
  assert.equal(shadow.querySelector(".verdict-note").textContent, ann.drift.note);
  assert.deepEqual([...shadow.querySelectorAll(".finding > p")].map((p) => p.textContent),
    ["infoThe sponsor last confirmed this record in March 2021."]);
});

test("findings about the page, or a drift not answered for this page (an older service), are not shown here", () => {
  const mixed = overdue();
  mixed.drift.findings = [{ kind: "status_drift", severity: "critical", field: "status", page_value: "RECRUITING",
    official_value: "NOT_YET_RECRUITING", about: "page", message: "This page says recruiting.", evidence: {} }, OVERDUE];
  assert.deepEqual([...card(mixed).querySelectorAll(".finding > p")].map((p) => p.textContent), [`warning${OVERDUE.message}`]);
  const older = overdue();
  delete older.drift.reason;
  older.drift.verdict = "out_of_date";
  older.drift.headline = "This page may be out of date";
  const shadow = card(older);
  assert.equal(shadow.querySelector(".headline-text").textContent, "This is the official record");
  assert.equal(shadow.querySelector(".finding, .verdict-note"), null);
});

test("content script: an overdue record's card opens on ClinicalTrials.gov, as it does elsewhere; an in-date one as its headline", async () => {
  for (const [ann, open] of [[overdue(), "true"], [inDate(), "false"]]) {
    const { w } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>", URL,
      () => ({ ok: true, annotation: ann, receivedAt: Date.now() }));
    await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
    const shadow = w.document.querySelector("triallens-card").shadowRoot;
    assert.equal(shadow.querySelector("button.toggle").getAttribute("aria-expanded"), open, ann.drift.headline);
  }
});
