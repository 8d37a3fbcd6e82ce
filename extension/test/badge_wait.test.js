"use strict";
// When a listing's badges will be current: a status served from a saved copy past this client's lookup budget
// (stale_reason "budget") said only "TrialLens's saved copy from Nov 2025", with no word of when it would be checked
// again, while the card says "Try again in about an hour" for the same copy. The service's badge now carries
// retry_after (tests/test_svc15_badge_wait.py); its title says the wait in the card's words (format.js tryAgainIn).
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");
const F = require("../lib/format.js");

const ID = "NCT07232563";
const COPY = { status: "RECRUITING", status_text: "Recruiting", last_update_posted: "2025-10-01", stale: true,
  stale_reason: "budget", fetched_at: "2025-11-18T14:03:00Z", overdue: null };
const SAID = `${ID}: Recruiting according to ClinicalTrials.gov, last updated 1 Oct 2025 (TrialLens's saved copy from Nov 2025)`;

test("a badge served past the lookup budget says when it will be checked again", () => {
  const view = B.badgeView(ID, { ...COPY, retry_after: 3599 });
  assert.equal(view.label, `${SAID}. Try again in about an hour`);
  assert.equal(view.text, "Recruiting (as of Nov 2025)");   // (the badge itself stays short)
  assert.equal(view.tone, "unknown");
  assert.equal(B.badgeView(ID, { ...COPY, retry_after: 61 }).label, `${SAID}. Try again in about 2 minutes`);
  // the card's rule, not a copy of it: whatever tryAgainIn says, the badge says
  for (const seconds of [1, 60, 600, 3600, 3601, 7200]) {
    assert.ok(B.badgeView(ID, { ...COPY, retry_after: seconds }).label.endsWith(F.tryAgainIn(seconds).replace(/\.$/, "")));
  }
});

test("no wait where the service gave none, or the copy is stale for another reason", () => {
  assert.equal(B.badgeView(ID, COPY).label, SAID);   // (an older service: as before)
  for (const none of [null, -5, "soon", 1.5]) assert.equal(B.badgeView(ID, { ...COPY, retry_after: none }).label, SAID);
  for (const stale_reason of ["offline", "unreachable", "busy", null]) {
    assert.equal(B.badgeView(ID, { ...COPY, stale_reason, retry_after: 3599 }).label, SAID, String(stale_reason));
  }
});
