"use strict";
// "Read it all in a full tab": the criteria in the card's small box link the reader's own TrialLens service's page for
// the trial, GET {service}/trials/{id} (walk-through r26 T7), from the service address the background worker used.
const test = require("node:test");
const assert = require("node:assert/strict");
const { runContent, until } = require("./jsdom_page.js");
const F = { ...require("../lib/format.js"), ...require("../lib/links.js") };

const ANNOTATION = {
  nct_id: "NCT07232563", page: {}, related: [],
  official: { nct_id: "NCT07232563", status: "RECRUITING", fetched_at: "2026-01-10T08:00:00Z", stale: false },
  drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] },
  criteria: { headings: {}, at_a_glance: {}, unplaced: [], exclusion: [],
    inclusion: [{ original: "Age >= 18", shown: "You are 18 or older", rewritten: true, glossary: [], children: [] }] },
};

/** The card's "Read it all" link on a trial page, the background worker answering with `serviceUrl`; null when none. */
async function fullTabLink(serviceUrl, host = "meddatax.com") {
  const { w } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>", `https://${host}/clinical-trials/NCT07232563`,
    () => ({ ok: true, annotation: ANNOTATION, receivedAt: Date.now(), serviceUrl }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  return w.document.querySelector("triallens-card").shadowRoot.querySelector(".criteria a.full-tab");
}

test("the criteria link the service's own page for the trial, in a new tab, beside the wording button", async () => {
  const a = await fullTabLink("http://127.0.0.1:5000");
  assert.equal(a.textContent, "Read it all in a full tab");
  assert.equal(a.getAttribute("href"), "http://127.0.0.1:5000/trials/NCT07232563");
  assert.equal(a.getAttribute("target"), "_blank");
  assert.equal(a.getAttribute("rel"), "noopener noreferrer");
  assert.ok(a.previousElementSibling.matches("button.wording"));
  assert.equal((await fullTabLink("https://triallens.example/svc")).getAttribute("href"), "https://triallens.example/svc/trials/NCT07232563");
});

test("on ClinicalTrials.gov itself too, where the criteria are what the card is for", async () => {
  const a = await fullTabLink("http://127.0.0.1:5000", "clinicaltrials.gov/study");
  assert.equal(a.getAttribute("href"), "http://127.0.0.1:5000/trials/NCT07232563");
});

test("no service address, or one that is not plain http(s): no link at all", async () => {
  for (const bad of [undefined, "javascript:alert(1)//", "data:text/html,x", "http://user:pw@127.0.0.1:5000", "ftp://127.0.0.1"]) {
    assert.equal(await fullTabLink(bad), null, String(bad));
  }
});

test("servicePageUrl: the service's address and the trial's id, nothing else; the other links stay https-only", () => {
  assert.equal(F.servicePageUrl("http://localhost:5000/", "NCT07232563"), "http://localhost:5000/trials/NCT07232563");
  assert.equal(F.servicePageUrl("http://127.0.0.1:5000", "NCT0723256"), null);
  assert.equal(F.servicePageUrl("http://127.0.0.1:5000", "NCT07232563/../../x"), null);
  assert.equal(F.servicePageUrl("http://127.0.0.1:5000?x=1", "NCT07232563"), null);
  assert.equal(F.safeLink("http://127.0.0.1:5000/trials/NCT07232563"), false, "an href that is not the service's page: https only");
});
