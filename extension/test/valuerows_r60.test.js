"use strict";
// Review r60 #7: a finding's value rows called ACTUAL dates "planned" ("planned end 14 Mar 2019" for a trial completed
// then), showed registry codes ("PHASE3", "OBSERVATIONAL", a bare "300"), and labelled a demo record "Saved copy".
const test = require("node:test");
const assert = require("node:assert/strict");
const F = { ...require("../lib/format.js"), ...require("../lib/findingview.js") };

const copy = { stale: true, stale_reason: "offline", fetched_at: "2025-05-07T00:00:00Z", last_update_posted: "2019-06-01" };
const row = (finding, official = copy) => F.findingView({ severity: "warning", message: "m", ...finding }, { page: {}, official }).rows.at(-1);

test("a date row says 'started' / 'ended' for an ACTUAL date, 'planned' only for an ESTIMATED one", () => {
  const date = (field, type) => row({ kind: "fact_mismatch", field, page_value: "2021-12-31", official_value: "2019-03-14",
    evidence: { official_dates: [{ date: "2019-03-14", type }] } }).value;
  assert.equal(date("completion_date", "ACTUAL"), "ended 14 Mar 2019");
  assert.equal(date("start_date", "ACTUAL"), "started 14 Mar 2019");
  assert.equal(date("completion_date", "ESTIMATED"), "planned end 14 Mar 2019");
  assert.equal(date("start_date", "ESTIMATED"), "planned start 14 Mar 2019");
  // no type given: neither
  assert.equal(row({ kind: "fact_mismatch", field: "completion_date", official_value: "2019-03-14" }).value, "end date 14 Mar 2019");
  // a record overdue to end: its planned end, which passed
  assert.equal(row({ kind: "registry_overdue", field: "completion_date", official_value: "2024-03-01", about: "registry" }).value,
    "planned end 1 Mar 2024");
});

test("phases, study types and enrollment in words", () => {
  const v = F.findingView({ severity: "warning", field: "phases", page_value: "PHASE3", official_value: ["PHASE1", "PHASE2"] }, { page: {}, official: copy });
  assert.deepEqual(v.rows.map((r) => r.value), ["phase 3", "phase 1/phase 2"]);
  const t = F.findingView({ severity: "warning", field: "study_type", page_value: "OBSERVATIONAL", official_value: "INTERVENTIONAL" }, { page: {}, official: copy });
  assert.deepEqual(t.rows.map((r) => r.value), ["observational study", "interventional study"]);
  const n = F.findingView({ severity: "warning", field: "enrollment", page_value: 3000, official_value: 300,
    evidence: { official_enrollment_type: "ESTIMATED" } }, { page: {}, official: copy });
  assert.deepEqual(n.rows.map((r) => r.value), ["3000 participants", "300 participants (planned)"]);
  // a code not known is shown as given
  assert.equal(row({ field: "phases", official_value: ["PHASE9"] }).value, "PHASE9");
});

test("a demo record's row is labelled 'Demo record', not 'Saved copy'", () => {
  assert.equal(row({ field: "status", page_value: "RECRUITING", official_value: "COMPLETED" }, { ...copy, reconstructed: true }).label, "Demo record");
  assert.equal(row({ field: "status", page_value: "RECRUITING", official_value: "COMPLETED" }).label, "Saved copy");
});
