"use strict";
// When a reader may try again after this client's lookup budget is used: a 429's Retry-After and a saved copy's
// official.retry_after (served past the budget), in the service's own words ("Try again in about an hour"); the card
// said "Try again in a minute" or "try again later" whatever the wait. The rounding is the service's
// (server/page_errors.py wait_words), checked against the same table by tests/test_svc14_wait_words.py.
const test = require("node:test");
const assert = require("node:assert/strict");
const F = require("../lib/format.js");
const P = require("../lib/protocol.js");
const { cases } = require("./wait_words_cases.json");

const PAGE = "https://meddatax.com/clinical-trials/NCT07232563";

test("tryAgainIn words a wait as the service does (wait_words_cases.json)", () => {
  for (const { seconds, words } of cases) {
    const expected = words === "a few minutes" ? "" : `Try again in about ${words}.`;
    assert.equal(F.tryAgainIn(seconds), expected, JSON.stringify(seconds));
    if (/^\s*[0-9]+\s*$/.test(seconds)) assert.equal(F.tryAgainIn(Number(seconds)), expected, `${seconds} as a number`);
  }
  for (const none of [undefined, null, 1.5, -5, NaN, {}]) assert.equal(F.tryAgainIn(none), "", String(none));
});

/** The background worker's answer to a page whose service answers 429 with `body` and these headers. */
async function refused(body, headers) {
  const res = { ok: false, status: 429, json: async () => body, headers: new Map(Object.entries(headers)) };
  return P.handleMessage({ type: "annotate", url: PAGE, html: "<html>x</html>" },
    { fetch: async () => res, getSettings: async () => ({}), supportedHosts: ["meddatax.com"], now: () => 0 });
}

test("a 429 says when to try again from its Retry-After", async () => {
  const budget = await refused({ type: "urn:triallens:problem:lookup-budget-used" }, { "Retry-After": "3599" });
  assert.equal(budget.retryAfter, 3599);
  assert.equal(F.failureDetail(budget), "As many trials have been looked up from here as TrialLens allows for now, " +
    "so it did not check this one. Try again in about an hour.");
  const limited = await refused({ type: "about:blank", title: "Too Many Requests" }, { "Retry-After": "42" });
  assert.equal(F.failureDetail(limited),
    "The TrialLens service has had too many requests from here in a short time. Try again in about a minute.");
  // no wait given (or one that is no number of seconds): no made-up "in a minute"
  for (const headers of [{}, { "Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT" }]) {
    const none = await refused({ type: "urn:triallens:problem:lookup-budget-used" }, headers);
    assert.equal(none.retryAfter, undefined);
    assert.equal(F.failureDetail(none), "As many trials have been looked up from here as TrialLens allows for now, " +
      "so it did not check this one. Try again later.");
  }
});

test("a copy served past the budget: the footer says when to try again, from official.retry_after", () => {
  const now = Date.parse("2026-01-02T12:00:00Z");
  const copy = { fetched_at: "2025-01-02T03:04:05Z", stale: true, stale_reason: "budget", status: "RECRUITING", retry_after: 2399 };
  const line = "TrialLens's saved copy of the ClinicalTrials.gov record, from 2 Jan 2025 (12 months ago).";
  assert.equal(F.checkedLine(copy, now), `${line} As many trials have been looked up from here as TrialLens allows ` +
    "for now. Try again in about 40 minutes.");
  assert.equal(F.checkedLine(copy, now, true), `${line} Try again in about 40 minutes.`);   // (the note says why)
  const undated = { ...copy, fetched_at: null, retry_after: 3600 };
  assert.match(F.checkedLine(undated, now, true), /from an unknown date\. Try again in about an hour\.$/);
  // a service that gives no wait: as before
  const older = { ...copy, retry_after: undefined };
  assert.match(F.checkedLine(older, now), /allows for now; try again later\.$/);
  assert.equal(F.checkedLine(older, now, true), line);
  // only the budget's wait is said: another reason's copy carries none
  assert.match(F.checkedLine({ ...copy, stale_reason: "offline" }, now), /works offline and did not ask ClinicalTrials\.gov\.$/);
});

test("the card for a 429 says the wait once, and so does a listing's note", async () => {
  const { makeWindow } = require("./jsdom_page.js");
  const w = makeWindow("<html><body></body></html>", PAGE);
  const ui = { collapsed: false, wording: "plain", criteriaOpen: true, onRetry() {}, onOptions() {}, onToggle() {}, onClose() {} };
  const budget = await refused({ type: "urn:triallens:problem:lookup-budget-used" }, { "Retry-After": "120" });
  const said = "As many trials have been looked up from here as TrialLens allows for now, so it did not check this " +
    "one. Try again in about 2 minutes.";
  w.TrialLens.renderFailure(w.document, { ...budget, nctId: "NCT07232563" }, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".detail").textContent, said);
  // (content.js: a listing's failure, its detail from listingFailureDetail, drawn by the same renderFailure)
  const listing = { ...budget, nctId: null, detail: w.TrialLens.listingFailureDetail(budget) };
  w.TrialLens.renderFailure(w.document, listing, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".detail").textContent, said);
});
