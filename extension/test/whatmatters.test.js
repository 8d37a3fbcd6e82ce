"use strict";
// What decides whether a reader bothers at all is read first (walk-through r26): the record's own caveat on the status
// row, a closed trial's status not buried under criteria rows, the folded pill's verdict in a word, and a headline that
// is never cut mid-word. In a DOM (jsdom) with the content scripts as the manifest lists them.
const test = require("node:test");
const assert = require("node:assert/strict");

const { makeWindow } = require("./jsdom_page.js");
const F = require("../lib/format.js");

function uiState() {
  const ui = { collapsed: false, wording: "plain", criteriaOpen: false };
  ui.onToggle = () => {};
  ui.onWording = () => {};
  ui.onRetry = () => {};
  return ui;
}

const OVERDUE_END = { kind: "registry_overdue", severity: "warning", field: "completion_date", page_value: null,
  official_value: "2025-04-30", about: "registry",
  message: 'ClinicalTrials.gov still says "recruiting", but the trial was due to finish on 30 Apr 2025, 19 months ago; ask the study team whether it is still taking participants.',
  evidence: { status: "RECRUITING", completion_date: "2025-04-30", completion_type: "ESTIMATED", days_past: 585 } };
const UNVERIFIED = { kind: "registry_unverified", severity: "warning", field: "status_verified", page_value: null,
  official_value: "2024-05", about: "registry", message: "The sponsor last confirmed this trial's status in May 2024, over 2 years ago.",
  evidence: { status_verified: "2024-05", months: 31, threshold_months: 24 } };
const AGES = { kind: "plain_age", severity: "critical", field: "min_age", page_value: "aged 1 to 28", official_value: "1 day to 28 days",
  about: "page", message: 'This page\'s summary says "aged 1 to 28" with no unit.', evidence: { unit_missing: true } };

function cardFor(annotation, url = "https://clinconnect.io/trials/NCT06427642") {
  const w = makeWindow("<html><body></body></html>", url);
  w.TrialLens.renderAnnotation(w.document, annotation, uiState());
  return w.document.querySelector("triallens-card").shadowRoot;
}

test("the status row says, where it is read, that the record's planned end has passed (r26 #1)", () => {
  const shadow = cardFor({ nct_id: "NCT06427642", page: {}, related: [],
    official: { status: "RECRUITING", stale: false, fetched_at: "2026-12-06T03:26:00Z" },
    drift: { verdict: "differs", headline: "The ages on this page are not in years", findings: [AGES, OVERDUE_END, UNVERIFIED] } });
  const row = shadow.querySelector(".record-status");
  assert.equal(row.textContent, "ClinicalTrials.gov: Recruiting \u2014 but its planned end (30 Apr 2025) passed 19 months ago");
  assert.equal(row.querySelector("strong").textContent, "Recruiting");
  assert.equal(shadow.querySelector(".body").firstElementChild, row, "the first thing under the headline");
});

test("statusCaveat: a passed start, a passed end, a status unconfirmed for over 2 years, or nothing", () => {
  const start = { kind: "registry_overdue", severity: "warning", field: "status", official_value: "NOT_YET_RECRUITING", about: "registry",
    evidence: { start_date: "2025-12-01", days_past: 370 } };
  assert.equal(F.statusCaveat({ findings: [start] }), "but its planned start (1 Dec 2025) passed 12 months ago");
  assert.equal(F.statusCaveat({ findings: [UNVERIFIED, OVERDUE_END] }), "but its planned end (30 Apr 2025) passed 19 months ago");
  assert.equal(F.statusCaveat({ findings: [{ ...OVERDUE_END, evidence: {} }] }), "but its planned end (30 Apr 2025) has passed");
  assert.equal(F.statusCaveat({ findings: [{ ...OVERDUE_END, evidence: { days_past: 800 } }] }),
    "but its planned end (30 Apr 2025) passed over 2 years ago");
  assert.equal(F.statusCaveat({ findings: [UNVERIFIED] }), "but its sponsor has not confirmed it since May 2024");
  // an info-level note (12 to 24 months) does not qualify the status; nor does a finding about the page
  assert.equal(F.statusCaveat({ findings: [{ ...UNVERIFIED, severity: "info" }] }), "");
  assert.equal(F.statusCaveat({ findings: [{ ...OVERDUE_END, about: "page" }, AGES] }), "");
  assert.equal(F.statusCaveat(null), "");
  assert.equal(F.statusCaveat({ findings: "x" }), "");
});

function closedTrial() {
  const status = { kind: "status_drift", severity: "critical", field: "status", page_value: "Enrolling", official_value: "COMPLETED",
    about: "page", message: 'This page says "Enrolling", but ClinicalTrials.gov says the trial is "completed".', evidence: {} };
  const left = (i) => ({ kind: "criterion_missing", severity: "warning", field: "exclusion_criteria", page_value: null,
    official_value: `Reason ${i}`, about: "page", message: `This page leaves out reason ${i}.`, evidence: {} });
  return { nct_id: "NCT07041801", page: {}, related: [], official: { status: "COMPLETED", stale: false },
    drift: { verdict: "not_recruiting", headline: "ClinicalTrials.gov says this trial is not recruiting",
      findings: [status, left(1), left(2), { ...left(3), severity: "info" }] } };
}

test("a closed trial: its status finding is shown, the criteria differences fold into one closed disclosure (r26 #5)", () => {
  const shadow = cardFor(closedTrial(), "https://ctv.veeva.com/study/x");
  const shown = [...shadow.querySelectorAll(".page-findings > .finding")];
  assert.equal(shown.length, 1);
  assert.match(shown[0].textContent, /^critical/i);
  assert.match(shown[0].textContent, /"Enrolling"/);
  const others = shadow.querySelector("details.other-differences");
  assert.equal(others.open, false);
  assert.equal(others.querySelector("summary").textContent, "3 other differences between this page and ClinicalTrials.gov");
  assert.deepEqual([...others.querySelectorAll(".finding p")].map((p) => p.lastChild.textContent),
    ["This page leaves out reason 1.", "This page leaves out reason 2.", "This page leaves out reason 3."]);
  // it stays open when the card is drawn again (Hide/Show, the wording)
  const w = shadow.host.ownerDocument.defaultView;
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, closedTrial(), ui);
  const again = () => w.document.querySelector("triallens-card").shadowRoot.querySelector("details.other-differences");
  again().open = true;
  again().dispatchEvent(new w.Event("toggle"));
  w.TrialLens.renderAnnotation(w.document, closedTrial(), ui);
  assert.equal(again().open, true);
});

test("other verdicts keep every finding in view; one difference is said in the singular", () => {
  const open = closedTrial();
  open.drift.verdict = "differs";
  const shadow = cardFor(open, "https://ctv.veeva.com/study/x");
  assert.equal(shadow.querySelector("details.other-differences"), null);
  assert.equal(shadow.querySelectorAll(".page-findings > .finding").length, 4);
  // a not-recruiting verdict with no status finding to show (an older service): nothing folded away
  const noStatus = closedTrial();
  noStatus.drift.findings = noStatus.drift.findings.slice(1);
  assert.equal(cardFor(noStatus, "https://ctv.veeva.com/study/x").querySelector("details.other-differences"), null);
  const one = closedTrial();
  one.drift.findings = one.drift.findings.slice(0, 2);
  assert.equal(cardFor(one, "https://ctv.veeva.com/study/x").querySelector("details.other-differences summary").textContent,
    "1 other difference between this page and ClinicalTrials.gov");
});

test("the folded pill on a narrow window says 'In sync' for the eye; a screen reader hears the headline once (r26 T2)", () => {
  const w = makeWindow("<html><body></body></html>", "https://www.trialfinderdata.org/trial/NCT07635758");
  const ui = { ...uiState(), collapsed: true };
  w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT07635758", related: [], official: { status: "RECRUITING" },
    drift: { verdict: "in_sync", findings: [] } }, ui);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const short = shadow.querySelector("header > .short");
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensIn sync with ClinicalTrials.gov", "the heading's words unchanged");
  assert.equal(short.textContent, "In sync");
  assert.equal(short.getAttribute("aria-hidden"), "true");
  const css = shadow.querySelector("style").textContent;
  assert.match(css, /^\.short \{ display: none; \}/m, "not drawn beside the whole headline");
  const narrow = css.slice(css.lastIndexOf("@media (max-width: 699.98px)"));
  assert.match(narrow, /:host\(:not\(\[data-expanded\]\)\) \.short \{ display: inline;/);
  // a warning has no such word: its card opens, and its headline is what to read
  w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT07635758", related: [], official: { status: "RECRUITING" },
    drift: { verdict: "differs", findings: [] } }, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".short"), null);
  assert.equal(F.failureView({ state: "unreachable" }).short, "Not working");
});

test("the headline wraps between words, never inside one, and Hide and Close make room by moving down (r26 #9)", () => {
  const shadow = cardFor({ nct_id: "NCT07041801", related: [], official: { status: "COMPLETED" },
    drift: { verdict: "not_recruiting", findings: [] } });
  const css = shadow.querySelector("style").textContent;
  const rule = (sel) => (new RegExp(`^${sel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\{([^}]*)\\}`, "m").exec(css) || [])[1] || "";
  assert.match(rule(".headline"), /overflow-wrap: break-word/);
  assert.match(rule(".headline"), /flex: 1 1 min-content/, "at least as wide as its longest word");
  assert.match(rule("header"), /flex-wrap: wrap/);
  assert.match(rule(".toggle"), /margin: -4px -2px -4px auto/, "the buttons keep to the right on their own row");
});

test("statusCaveat: an Unknown status says what it means where the status is read (r56 F4)", () => {
  const unknown = { ...UNVERIFIED, official_value: "2005-06",
    evidence: { status: "UNKNOWN", status_verified: "2005-06", months: 257, threshold_months: 24, completion_date: "2006-03", likely_over: true } };
  assert.equal(F.statusCaveat({ findings: [unknown] }), "very likely over: its sponsor has not confirmed it since Jun 2005");
  const noEnd = { ...unknown, evidence: { ...unknown.evidence, completion_date: null, likely_over: false } };
  assert.equal(F.statusCaveat({ findings: [noEnd] }), "its sponsor has not confirmed it since Jun 2005");
  assert.equal(F.statusCaveat({ findings: [UNVERIFIED] }), "but its sponsor has not confirmed it since May 2024");
});
