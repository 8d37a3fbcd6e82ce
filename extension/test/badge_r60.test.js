"use strict";
// Review r60 #4: a listing's badge for a withheld status was red ("Withheld": read as "not recruiting", which the record
// does not say and the card refuses to say), and a fresh expanded-access "Available" was green, as if it were a trial
// to join. Both grey now, and worded as the card and the related list word them.
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");

const fresh = new Date().toISOString();

test("a withheld status: grey, 'Status not public', and the label says ClinicalTrials.gov withholds it", () => {
  const v = B.badgeView("NCT03182660", { status: "WITHHELD", status_text: "withheld", stale: false, fetched_at: fresh, last_update_posted: "2017-06-22" });
  assert.equal(v.text, "Status not public");
  assert.equal(v.tone, "unknown");
  assert.match(v.label, /withholds this trial's status \(its record is not public yet\), so it neither confirms nor contradicts/);
  assert.match(v.label, /its record was last updated 22 Jun 2017$/);
  const copy = B.badgeView("NCT03182660", { status: "WITHHELD", stale: true, stale_reason: "offline", fetched_at: "2018-05-11T00:00:00Z" });
  assert.equal(copy.text, "Status not public (as of May 2018)");
  assert.equal(copy.tone, "unknown");
});

test("an expanded-access record: never green, worded as the related list words it", () => {
  for (const [status, text] of [["AVAILABLE", "Expanded access (not a trial)"],
    ["NO_LONGER_AVAILABLE", "Expanded access (not a trial): no longer available"],
    ["TEMPORARILY_NOT_AVAILABLE", "Expanded access (not a trial): temporarily not available"],
    ["APPROVED_FOR_MARKETING", "Expanded access (not a trial): approved for marketing"]]) {
    const v = B.badgeView("NCT01220531", { status, stale: false, fetched_at: fresh });
    assert.equal(v.text, text, status);
    assert.equal(v.tone, "unknown", status);
    // the related list says the same words
    assert.equal(B.relatedView({ nct_id: "NCT01220531", title: "T", status, study_type: "EXPANDED_ACCESS", status_as_of: fresh }, Date.now()).status.startsWith(text), true, status);
  }
  // a trial open to join is still green, a closed one red
  assert.equal(B.badgeView("NCT01220531", { status: "RECRUITING", stale: false, fetched_at: fresh }).tone, "ok");
  assert.equal(B.badgeView("NCT01220531", { status: "COMPLETED", stale: false, fetched_at: fresh }).tone, "closed");
});
