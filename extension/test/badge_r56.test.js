"use strict";
// Review r56 F2 and F3, listing badges.
// F2: a trial whose record says "Active, not recruiting" (or "Enrolling by invitation") past its planned end was
// badged "? May have ended", drawn and said as "TrialLens: not checked.": it was checked, and the record's status,
// which contradicts a listing's "Recruiting", was hidden. Its status is kept, with the caveat a related trial gives.
// F3: a trial whose sponsor had not confirmed its status for over 2 years (the service's unconfirmed_since, where the
// card warns registry_unverified) got a green "Recruiting"; it now says the month, never green, as a related trial.
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");
const { makeWindow } = require("./jsdom_page.js");

const ID = "NCT00582231";
const NOW = Date.parse("2026-12-07T12:00:00Z");
const FRESH = { status_text: "x", last_update_posted: "2025-01-03", stale: false, stale_reason: null, note: null,
  fetched_at: "2026-12-07T10:00:00Z", reconstructed: false, overdue: null, unconfirmed_since: null };
const COPY = { ...FRESH, stale: true, stale_reason: "offline", fetched_at: "2024-09-10T00:00:00Z" };

/** What a screen reader hears of the badge, and whether it is drawn dashed (listingbadges.js showBadge). */
function shown(view) {
  const w = makeWindow("<html><body><p>x</p></body></html>", "https://meddatax.com/search");
  const badge = w.TrialLens.makeBadge(w.document, view);
  const button = badge.shadowRoot.querySelector("button.badge");
  return { said: badge.shadowRoot.querySelector(".sr-only").textContent, dashed: button.classList.contains("unchecked"),
    text: badge.shadowRoot.querySelector(".shown").textContent };
}

test("F2: 'Active, not recruiting' past its planned end keeps its status and says the caveat, as a related trial", () => {
  const view = B.badgeView(ID, { ...FRESH, status: "ACTIVE_NOT_RECRUITING", overdue: "end" });
  assert.equal(view.text, "Active, not recruiting, though its planned end has passed");
  assert.equal(view.tone, "closed");   // (not recruiting: never grey "?" nor green)
  assert.equal(view.unchecked, false);
  assert.equal(view.label, `${ID}: Active, not recruiting according to ClinicalTrials.gov, last updated 3 Jan 2025, but `
    + "its planned end has passed; ask the study team whether it has finished");
  // the words a related trial gives the same record (relatedView)
  const related = B.relatedView({ nct_id: ID, status: "ACTIVE_NOT_RECRUITING", overdue: "end" }, NOW);
  assert.ok(view.text.startsWith(related.status), related.status);
  const page = shown(view);
  assert.equal(page.said, `TrialLens, from ClinicalTrials.gov: ${view.text}. ${view.label}.`);
  assert.doesNotMatch(page.said, /not checked/);
  assert.equal(page.dashed, false);
});

test("F2: 'Enrolling by invitation' past its planned end keeps its status, never green; a saved copy keeps its month", () => {
  const view = B.badgeView(ID, { ...COPY, status: "ENROLLING_BY_INVITATION", overdue: "end" });
  assert.equal(view.text, "Enrolling by invitation (as of Sep 2024), though its planned end has passed");
  assert.equal(view.tone, "unknown");
  assert.equal(view.unchecked, false);
  assert.match(view.label, /^NCT00582231: Enrolling by invitation according to ClinicalTrials\.gov, last updated 3 Jan 2025 \(TrialLens's saved copy from Sep 2024\), but its planned end has passed; ask the study team whether it is still taking participants$/);
  assert.doesNotMatch(shown(view).said, /not checked/);
});

test("F2: 'Recruiting' past its end (and 'Not yet recruiting' past its start) stays a question, drawn dashed, never said 'not checked'", () => {
  for (const [status, overdue, text, said] of [["RECRUITING", "end", "? May have ended", "May have ended"],
    ["NOT_YET_RECRUITING", "start", "? May have opened", "May have opened"]]) {
    const view = B.badgeView(ID, { ...FRESH, status, overdue });
    assert.equal(view.text, text);
    assert.equal(view.tone, "warn");   // (amber, as its card; status3)
    assert.equal(view.unchecked, false, status);
    const page = shown(view);
    assert.equal(page.dashed, true, "a question is drawn as one");
    assert.equal(page.text, text);
    assert.ok(page.said.startsWith(`TrialLens, from ClinicalTrials.gov: ${said}. ${ID}: `), page.said);
    assert.doesNotMatch(page.said, /not checked|\?/);
    // the record's own status is in the note, then the caveat
    const words = status === "RECRUITING" ? "Recruiting" : "Not yet recruiting";
    assert.match(view.label, new RegExp(`^${ID}: ${words} according to ClinicalTrials\\.gov, last updated 3 Jan 2025, but its planned ${overdue} has passed: it may have `));
  }
  // a badge that was not checked at all still says so
  assert.match(shown(B.badgeView(ID, null, "not_checked")).said, /^TrialLens: not checked\. /);
});

test("F3: a status its sponsor had not confirmed for over 2 years says that month and is never green", () => {
  const view = B.badgeView(ID, { ...FRESH, status: "RECRUITING", unconfirmed_since: "2023-08" });
  assert.equal(view.text, "Recruiting (status last confirmed Aug 2023)");
  assert.equal(view.tone, "unknown");
  assert.equal(view.label, `${ID}: Recruiting according to ClinicalTrials.gov, last updated 3 Jan 2025; the sponsor (the `
    + "group running the trial) last confirmed this status in Aug 2023, and a status not confirmed for over 2 years may "
    + "be out of date: check it with the study team");
  // as a related trial says it (relatedView), and in place of a saved copy's month, which read as "confirmed then"
  assert.equal(B.relatedView({ nct_id: ID, status: "RECRUITING", unconfirmed_since: "2023-08" }, NOW).status, view.text);
  const copy = B.badgeView(ID, { ...COPY, status: "RECRUITING", unconfirmed_since: "2018-03" });
  assert.equal(copy.text, "Recruiting (status last confirmed Mar 2018)");
  assert.match(copy.label, /\(TrialLens's saved copy from Sep 2024\); in that copy the sponsor .* in Mar 2018; TrialLens has no later copy/);
  // by invitation, never green either; nor a closed status red (status3: it says what the record last said, not now)
  assert.equal(B.badgeView(ID, { ...FRESH, status: "ENROLLING_BY_INVITATION", unconfirmed_since: "2023-08" }).tone, "unknown");
  assert.equal(B.badgeView(ID, { ...FRESH, status: "SUSPENDED", unconfirmed_since: "2023-08" }).tone, "unknown");
  assert.equal(B.badgeView(ID, { ...FRESH, status: "SUSPENDED" }).tone, "closed");
  // nothing the service did not say: no field, null or junk leaves a fresh status green
  for (const since of [undefined, null, "", "Aug 2023", 2023, "2023-8"]) {
    const plain = B.badgeView(ID, { ...FRESH, status: "RECRUITING", unconfirmed_since: since });
    assert.deepEqual([plain.text, plain.tone], ["Recruiting", "ok"], String(since));
  }
});

test("F2 and F3 together: the status, the month, then the caveat; the question keeps the month in its note", () => {
  const kept = B.badgeView(ID, { ...FRESH, status: "ACTIVE_NOT_RECRUITING", overdue: "end", unconfirmed_since: "2023-08" });
  assert.equal(kept.text, "Active, not recruiting (status last confirmed Aug 2023), though its planned end has passed");
  assert.equal(kept.text, B.relatedView({ nct_id: ID, status: "ACTIVE_NOT_RECRUITING", overdue: "end",
    unconfirmed_since: "2023-08" }, NOW).status);
  const question = B.badgeView(ID, { ...FRESH, status: "RECRUITING", overdue: "end", unconfirmed_since: "2023-08" });
  assert.equal(question.text, "? May have ended");
  assert.match(question.label, /it may have ended; the sponsor .* last confirmed this status in Aug 2023, .*study team$/);
  assert.equal((question.label.match(/study team/g) || []).length, 1, "asked once");
});

test("a question served past the lookup budget says when it will be checked again, after its caveat", () => {
  const view = B.badgeView(ID, { ...COPY, status: "NOT_YET_RECRUITING", overdue: "start", stale_reason: "budget",
    retry_after: 3599, fetched_at: "2025-11-18T14:03:00Z" });
  assert.match(view.label, /saved copy from Nov 2025\), but its planned start has passed: it may have opened; ask the study team\. Try again in about an hour$/);
});
