"use strict";
// status3: a listing badge is never calmer than the card over the same record, and names the month its status was last
// vouched for.
// - "Unknown status" past its planned end, unconfirmed for over 2 years: the card is headed, amber, "This trial may have
//   ended: check with the study team"; the badge was a grey "Unknown status". It is now the same question a
//   "Recruiting" past its end gets, "? May have ended", amber as the card (the service's overdue "end" for it).
// - A question ("? May have ended", "? May have opened") is amber, as its card's record_overdue caveat, still dashed.
// - A status nobody has confirmed for over 2 years is neither green nor red: "Active, not recruiting (status last
//   confirmed Jan 2024)" kept its red, said as if the trial were known to be closed now.
// - NCT00499317 read offline: "Recruiting (as of Sep 2024)" from a copy whose sponsor had last confirmed it in Aug 2023;
//   it now says that month, and that the copy is the latest TrialLens has.
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");
const { makeWindow } = require("./jsdom_page.js");

const FRESH = { status_text: "x", last_update_posted: "2019-02-01", stale: false, stale_reason: null, note: null,
  fetched_at: "2026-12-07T10:00:00Z", reconstructed: false, overdue: null, unconfirmed_since: null };
const COPY = { ...FRESH, stale: true, stale_reason: "offline", fetched_at: "2024-09-10T00:00:00Z" };

function drawn(view) {
  const w = makeWindow("<html><body><p>x</p></body></html>", "https://meddatax.com/search");
  const badge = w.TrialLens.makeBadge(w.document, view);
  const button = badge.shadowRoot.querySelector("button.badge");
  const css = badge.shadowRoot.querySelector("style").textContent;
  return { classes: [...button.classList], css, said: badge.shadowRoot.querySelector(".sr-only").textContent };
}

test("an Unknown status record very likely over is the amber question its card asks", () => {
  const view = B.badgeView("NCT00000102", { ...FRESH, status: "UNKNOWN", overdue: "end", unconfirmed_since: "2018-03" });
  assert.deepEqual([view.text, view.tone, view.question, view.unchecked], ["? May have ended", "warn", true, false]);
  assert.match(view.label, /^NCT00000102: Unknown status according to ClinicalTrials\.gov, last updated 1 Feb 2019, but its planned end has passed: it may have ended; the sponsor .* last confirmed this status in Mar 2018, and a status not confirmed for over 2 years may be out of date: check it with the study team$/);
  const page = drawn(view);
  assert.ok(page.classes.includes("tone-warn") && page.classes.includes("unchecked"), page.classes.join(" "));
  assert.match(page.css, /\.unchecked\.tone-warn \{[^}]*background: #fff8e6/);   // (amber, not the white "? Not checked")
  assert.ok(page.said.startsWith("TrialLens, from ClinicalTrials.gov: May have ended. "), page.said);
  // with no overdue sign (the service's: not past its end, or confirmed within 2 years) it is the record's word, grey
  const plain = B.badgeView("NCT00000102", { ...FRESH, status: "UNKNOWN" });
  assert.deepEqual([plain.text, plain.tone, Boolean(plain.question)], ["Unknown status", "unknown", false]);
});

test("a status not confirmed for over 2 years is neither green nor red", () => {
  const anr = B.badgeView("NCT00582231", { ...FRESH, status: "ACTIVE_NOT_RECRUITING", unconfirmed_since: "2024-01" });
  assert.deepEqual([anr.text, anr.tone], ["Active, not recruiting (status last confirmed Jan 2024)", "unknown"]);
  const rec = B.badgeView("NCT00582231", { ...FRESH, status: "RECRUITING", unconfirmed_since: "2024-01" });
  assert.equal(rec.tone, "unknown");
  // confirmed within 2 years: its colour, as before
  assert.equal(B.badgeView("NCT00582231", { ...FRESH, status: "ACTIVE_NOT_RECRUITING" }).tone, "closed");
  assert.equal(B.badgeView("NCT00582231", { ...FRESH, status: "COMPLETED" }).tone, "closed");
});

test("NCT00499317 read offline names the month its copy says the status was last confirmed", () => {
  const view = B.badgeView("NCT00499317", { ...COPY, status: "RECRUITING", last_update_posted: "2023-08-14",
    unconfirmed_since: "2023-08" });
  assert.equal(view.text, "Recruiting (status last confirmed Aug 2023)");
  assert.equal(view.tone, "unknown");
  assert.equal(view.label, "NCT00499317: Recruiting according to ClinicalTrials.gov, last updated 14 Aug 2023 "
    + "(TrialLens's saved copy from Sep 2024); in that copy the sponsor (the group running the trial) had last confirmed "
    + "this status in Aug 2023; TrialLens has no later copy, and a status not confirmed for over 2 years may be out of "
    + "date: check it on ClinicalTrials.gov or with the study team");
  // without the service's month, the copy's, as before
  assert.equal(B.badgeView("NCT00499317", { ...COPY, status: "RECRUITING" }).text, "Recruiting (as of Sep 2024)");
});
