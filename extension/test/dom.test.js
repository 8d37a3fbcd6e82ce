"use strict";
// The card in a DOM (jsdom): hostile strings stay text, every state renders as the service says it
// (the content script driving it on a page: contentscript.test.js).
const test = require("node:test");
const assert = require("node:assert/strict");

// the content scripts as the browser loads them (the manifest's list, in its order), content.js last and on its own
const { makeWindow } = require("./jsdom_page.js");

const { XSS, HOSTILE } = require("./hostile.js");

function uiState() {
  const ui = { collapsed: false, wording: "plain", criteriaOpen: true, toggled: [], wordings: [], retried: 0, options: 0 };
  ui.onToggle = (c) => ui.toggled.push(c);
  ui.onWording = (w) => ui.wordings.push(w);
  ui.onRetry = () => { ui.retried += 1; };
  ui.onOptions = () => { ui.options += 1; };
  return ui;
}

test("hostile markup and script in an annotation are shown as text, never run or parsed", () => {
  const w = makeWindow("<html><body><p>page</p></body></html>", "https://meddatax.com/clinical-trials/NCT07232563");
  w.TrialLens.renderAnnotation(w.document, HOSTILE, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelectorAll("img, script, b, iframe").length, 0);
  assert.equal(w.__pwned, undefined);
  const text = shadow.textContent;
  assert.ok(text.includes('<img src=x onerror="window.__pwned=1">'), "markup is visible as characters");
  assert.ok(text.includes("ClinicalTrials.gov says this trial is not recruiting"));
  for (const a of shadow.querySelectorAll("a")) assert.match(a.getAttribute("href"), /^https:\/\/clinicaltrials\.gov\//);
  for (const el of shadow.querySelectorAll("*")) {
    for (const attr of el.attributes) assert.doesNotMatch(attr.name, /^on/i);
  }
});

test("the card shows both values with dates, the time checked, criteria and related trials", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  Object.assign(ann.related[0], { who: "Ages 18–65 · Female only", where: "12 countries", why: "Same condition: Gout" });
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const values = [...shadow.querySelectorAll(".finding dd")].map((d) => d.textContent.trim());
  assert.deepEqual(values, ["Recruiting (as of 1 Jun 2025)", "Completed (updated 18 Nov 2025)"]);
  assert.match(shadow.querySelector(".checked").textContent, /ClinicalTrials.gov record checked 2 Jan 2026 10:00 UTC/);
  assert.equal(shadow.querySelector(".who a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT07232563");
  assert.ok(shadow.querySelector(".criteria").textContent.includes("You are 18 or older"));
  assert.ok(shadow.querySelector(".glance").textContent.includes("18 to 70 years"));
  assert.equal(shadow.querySelector(".related a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT02580019");
  assert.equal(shadow.querySelector(".related .status").textContent, "Recruiting");
  // who it takes and where it runs, one short line each, before the reason (review r16 §1, §11)
  assert.deepEqual([...shadow.querySelectorAll(".related li p")].map((p) => [p.className, p.textContent]), [
    ["why related-who", "Ages 18–65 · Female only"], ["why related-where", "Where: 12 countries"], ["why reason", ann.related[0].why]]);
  // where the list comes from, and that it is not matched to the reader (review r16 §12)
  assert.match(shadow.querySelector(".related .caption").textContent,
    /^Other trials that TrialLens's saved copy of ClinicalTrials.gov lists as recruiting or about to recruit\. They are not matched to your own age, sex or health/);
  // and where a title goes, as the service's page says it (review r16 §12: the page's went to TrialLens, the card's not)
  assert.match(shadow.querySelector(".related .caption").textContent, /Each title opens the trial's record on ClinicalTrials\.gov\.$/);
});

test("beside a demo record the related trials' caption names the demo records, not ClinicalTrials.gov's copy", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  ann.official = { ...ann.official, stale: true, stale_reason: "offline", reconstructed: true };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const caption = w.document.querySelector("triallens-card").shadowRoot.querySelector(".related .caption").textContent;
  assert.match(caption, /^Other trials that TrialLens's demo records list as recruiting or about to recruit\. They are not matched/);
  assert.doesNotMatch(caption, /saved copy/);
});

test("an empty related list says so in words when the record was read, and nothing when there was no record", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  w.TrialLens.renderAnnotation(w.document, { ...ann, related: [] }, uiState());
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".related-none").textContent,
    "TrialLens knows of no open trials like this one.");
  assert.equal(shadow.querySelector("details.related"), null);
  w.TrialLens.renderAnnotation(w.document, { ...ann, official: null, related: [] }, uiState());
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".related-none"), null);
});

test("an empty related list for a record with nothing to match on says why, not \"none open\"", () => {
  // (a withheld record: no conditions, a stand-in title; the service's related_reason; r23 leftovers #2)
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  w.TrialLens.renderAnnotation(w.document, { ...ann, related: [], related_reason: "nothing_to_match" }, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".related-none").textContent,
    "ClinicalTrials.gov gives no conditions or keywords for this trial, so TrialLens cannot suggest related trials.");
  // (a reason this card does not know is "none open", as before)
  w.TrialLens.renderAnnotation(w.document, { ...ann, related: [], related_reason: "toString" }, uiState());
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".related-none").textContent,
    "TrialLens knows of no open trials like this one.");
});

test("an in-sync page whose official record itself is overdue says so above the finding", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = { nct_id: "NCT07232563", official: null, related: [],
    drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov",
      note: "What this page says matches the official record, but the record itself may be out of date.",
      findings: [{ kind: "registry_overdue", severity: "warning", field: "status", page_value: null, official_value: "NOT_YET_RECRUITING",
        message: "ClinicalTrials.gov still says not yet recruiting, 12 months after the planned start.", evidence: {}, about: "registry" }] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.match(shadow.querySelector(".verdict-note").textContent, /matches the official record, but the record itself may be out of date/);
  // the severity word stays: colour alone must not tell a warning from a note; the heading says whose problem it is
  assert.equal(shadow.querySelector(".finding .sev").textContent, "warning");
  assert.equal(shadow.querySelector(".all-findings > h3").textContent, "About the official record");
  ann.drift.findings = [];
  delete ann.drift.note;
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".verdict-note"), null);
});

test("findings about the page come first, then those about the official record under their own heading", () => {
  // the UI review: under "This page may be out of date" the first block was about the record, the page's problem second
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = { nct_id: "NCT07232563", official: null, related: [],
    drift: { verdict: "out_of_date", headline: "This page may be out of date", findings: [
      { kind: "registry_overdue", severity: "warning", field: "start_date", official_value: "2025-12-01", message: "R1", about: "registry" },
      { kind: "status_drift", severity: "critical", field: "status", page_value: "RECRUITING", official_value: "NOT_YET_RECRUITING", message: "P1", about: "page" },
      { kind: "registry_stale", severity: "info", field: "status_verified", official_value: "2024-05", message: "R2", about: "registry" },
      { kind: "as_of_drift", severity: "warning", field: "as_of", page_value: "2025-06-01", message: "P2" }] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const blocks = [...shadow.querySelector(".all-findings").children].map((el) => el.tagName === "H3" ? `h3:${el.textContent}`
    : [...el.querySelectorAll(".finding > p")].map((p) => p.textContent).join("|"));
  assert.deepEqual(blocks, ["criticalP1|warningP2", "h3:About the official record", "warningR1|infoR2"]);
  // only registry findings: the heading still says whose they are; only page findings: no heading
  ann.drift.findings = ann.drift.findings.filter((f) => f.about !== "registry");
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".all-findings h3"), null);
});

test("a page that could not be checked says why under the headline, once", () => {
  const w = makeWindow("<html><body></body></html>", "https://clinconnect.io/trials/NCT04811651");
  const why = "TrialLens could not get this trial's record from ClinicalTrials.gov and has no saved copy, so it compared nothing on this page.";
  const ann = { nct_id: "NCT04811651", official: null, related: [],
    drift: { verdict: "could_not_check", headline: "Could not check this page", reason: "official_unavailable", note: why, findings: [] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".verdict-note").textContent, why);
  assert.equal(shadow.querySelector(".checked"), null);   // not "could not be read" again in the footer
  // why first, then the next steps (the official record to read now, and "Try again"), then which trial
  const order = [...shadow.querySelector(".body").children].map((el) => el.className);
  assert.deepEqual(order.slice(0, 3), ["verdict-note", "actions next-steps", "muted who"]);
  const steps = shadow.querySelector(".next-steps");
  assert.equal(steps.querySelector("a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT04811651");
  assert.equal(steps.querySelector("a").textContent, "Official record on ClinicalTrials.gov");
  assert.equal(steps.querySelector("a").getAttribute("rel"), "noopener noreferrer");
  assert.equal(shadow.querySelector(".who").textContent, "NCT04811651");
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  w.document.querySelector("triallens-card").shadowRoot.querySelector(".next-steps button.retry").click();
  assert.equal(ui.retried, 1);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelectorAll("a[href$='NCT04811651']").length, 1,
    "one link to the record: the button, not again in the footer or beside the number");
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector("footer"), null);
  delete ann.drift.note;   // an older service: the footer still says something
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".checked").textContent, "The official record could not be read.");
});

test("a card with nothing to compare over a record with a status: status row, number, note, then the record's button (r26 T6)", () => {
  // as on every other card: the button sat above the status row
  const w = makeWindow("<html><body></body></html>", "https://medifind.com/trials/NCT06427642");
  const note = "TrialLens found nothing on this page it could compare, but ClinicalTrials.gov's record says the trial's planned end has passed: see below.";
  const ann = { nct_id: "NCT06427642", related: [],
    official: { status: "RECRUITING", url: "https://clinicaltrials.gov/study/NCT06427642", fetched_at: "2026-01-02T10:00:00Z", stale: false },
    drift: { verdict: "could_not_check", reason: "nothing_to_compare", caveat: "record_overdue", note, findings: [],
      headline: "This trial may have ended: check with the study team" } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const order = [...shadow.querySelector(".body").children].map((el) => el.className);
  assert.deepEqual(order.slice(0, 4), ["record-status", "muted who", "verdict-note", "actions next-steps"]);
  assert.equal(shadow.querySelector(".who").textContent, "NCT06427642");
  assert.equal(shadow.querySelectorAll("a[href='https://clinicaltrials.gov/study/NCT06427642']").length, 1, "one link: the button");
});

test("a could-not-check card TrialLens cannot change by asking again offers the record but no 'Try again'", () => {
  const w = makeWindow("<html><body></body></html>", "https://clinconnect.io/trials/NCT04811651");
  const ann = { nct_id: "NCT04811651", official: null, related: [],
    drift: { verdict: "could_not_check", headline: "Could not check this page", reason: "unrecognized_wording", note: "n", findings: [] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("button.retry"), null);
  assert.ok(shadow.querySelector(".next-steps a.official-first"));
  // a verdict that was checked has neither
  ann.drift = { verdict: "differs", headline: "This page differs from ClinicalTrials.gov", findings: [] };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".next-steps"), null);
});

test("collapse and wording buttons are real buttons with state for assistive tech", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, HOSTILE, ui);
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  const toggle = shadow.querySelector("button.toggle");
  assert.equal(toggle.getAttribute("aria-expanded"), "true");
  assert.equal(toggle.textContent, "Hide");   // a word, not a lone "–"
  assert.equal(toggle.getAttribute("aria-label"), "Hide the TrialLens card");
  toggle.click();
  assert.deepEqual(ui.toggled, [true]);
  shadow.querySelector("button.wording").click();
  assert.deepEqual(ui.wordings, ["original"]);
  ui.collapsed = true;
  ui.wording = "original";
  w.TrialLens.renderAnnotation(w.document, HOSTILE, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("button.toggle").getAttribute("aria-expanded"), "false");
  assert.equal(shadow.querySelector("button.toggle").textContent, "Show");
  assert.equal(shadow.querySelector("button.toggle").getAttribute("aria-label"), "Show the TrialLens card");
  assert.equal(shadow.querySelector(".body").hidden, true);
  assert.ok(shadow.querySelector(".criteria li").textContent.startsWith("Age >= 18"));
  assert.equal(w.document.querySelectorAll("triallens-card").length, 1, "re-rendering reuses one card");
});

test("failure states: unreachable offers retry and options; unknown trial offers neither", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ui = uiState();
  const plain = "Nothing on this page was checked. Try again in a moment, or read the official record.";
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unreachable", title: "TrialLens isn't working right now", detail: plain,
    technical: "Could not reach the TrialLens service at http://127.0.0.1:9. Check that it is running.", nctId: "NCT07232563" }, ui);
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.match(shadow.querySelector(".headline").textContent, /TrialLens isn't working right now/);
  // a plain sentence first; the official record to read meanwhile; the address and advice behind a disclosure
  assert.equal(shadow.querySelector(".body").firstElementChild.textContent, plain);
  assert.equal(shadow.querySelector(".next-steps a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT07232563");
  assert.equal(shadow.querySelector(".next-steps a").textContent, "Official record on ClinicalTrials.gov");
  const tech = shadow.querySelector("details.technical");
  assert.equal(tech.open, false);
  assert.equal(tech.querySelector("summary").textContent, "Details for whoever set up TrialLens");
  assert.match(tech.textContent, /http:\/\/127\.0\.0\.1:9/);
  assert.doesNotMatch([...shadow.querySelectorAll(".body > :not(details)")].map((e) => e.textContent).join(" "), /127\.0\.0\.1/);
  shadow.querySelector("button.retry").click();
  shadow.querySelector("button.options").click();
  assert.equal(ui.retried, 1);
  assert.equal(ui.options, 1);
  // without the page's id there is nothing to link to, and no made-up link
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unreachable", title: "t", detail: plain, nctId: "<b>" }, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".next-steps a"), null);
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unauthorized", title: "Could not check this page", detail: "needs an API key" }, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  shadow.querySelector("button.options").click();   // where the key is entered
  assert.equal(ui.options, 2);
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unknown", title: "Trial not found on ClinicalTrials.gov", detail: "d", nctId: "NCT09999991" }, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("button.retry"), null);
  // no link to a record ClinicalTrials.gov does not have; its search for the number instead (walk-through r26 #10)
  assert.deepEqual([...shadow.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]),
    [["Search ClinicalTrials.gov for NCT09999991", "https://clinicaltrials.gov/search?term=NCT09999991"]]);
  assert.equal(shadow.querySelector("a").getAttribute("rel"), "noopener noreferrer");
  // (a number that is not one gets no link at all)
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unknown", title: "Trial not found", detail: "d", nctId: "NCT1&x=2" }, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector("a"), null);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  w.TrialLens.renderLoading(w.document, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector("aside").getAttribute("aria-busy"), "true");
});

// Firefox for Android with no address saved: the card said "TrialLens isn't working right now" after a call to
// 127.0.0.1, the phone itself. It says no service is set, and opens the options; asking again changes nothing.
test("no service set: the card says so and offers the options and the record, not 'Try again'", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ui = uiState();
  const detail = "Nothing on this page was checked: TrialLens needs a TrialLens service on a computer this phone can reach, " +
    "and none is set yet. Open the TrialLens options to enter its address.";
  const failure = { ok: false, state: "no_service", title: "No TrialLens service is set", detail, nctId: "NCT07232563",
    technical: "No service address is saved, and the one TrialLens came with, http://127.0.0.1:5000, is this phone itself." };
  w.TrialLens.renderFailure(w.document, failure, ui);
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline-text").textContent, "No TrialLens service is set");
  assert.equal(shadow.querySelector(".short").textContent, "Not set up", "the folded pill on a phone");
  assert.equal(shadow.querySelector(".body").firstElementChild.textContent, detail);
  assert.equal(shadow.querySelector("button.retry"), null);
  assert.deepEqual([...shadow.querySelectorAll(".next-steps > *")].map((e) => e.textContent),
    ["Official record on ClinicalTrials.gov", "Open TrialLens options"]);
  shadow.querySelector("button.options").click();
  assert.equal(ui.options, 1);
  assert.match(shadow.querySelector("details.technical").textContent, /is this phone itself/);
  assert.doesNotMatch(shadow.querySelector("aside").textContent, /isn't working|Could not reach|Try again/);
  // on ClinicalTrials.gov: not "could not load … just now", but why, and the options
  w.TrialLens.renderFailure(w.document, failure, Object.assign(ui, { officialSite: true }));
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.match(shadow.querySelector(".body").textContent, /none is set yet\. Open the TrialLens options to enter its address\./);
  assert.equal(shadow.querySelector("button.retry"), null);
  shadow.querySelector("button.options").click();
  assert.equal(ui.options, 2);
});

test("each criterion explains its own hard words in a 'Words explained' disclosure, never as [term] chips", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const item = { original: "Confirmed anterior circulation occlusion by CTA or MR angiography (MRA)",
    shown: "Confirmed anterior circulation blockage by CTA (a scan of blood vessels) or MR angiography (MRA)", rewritten: true,
    glossary: [{ term: "occlusion", meaning: "Occlusion: a blockage." },
      { term: "CTA", meaning: "Computed tomography angiography: a CT scan of blood vessels." },
      { term: "angiography", meaning: "An X-ray or scan of blood vessels using a dye." }], children: [] };
  const ann = { nct_id: "NCT07232563", official: null, related: [], drift: { verdict: "in_sync", findings: [] },
    criteria: { inclusion: [item, { original: "Age 18 or over", shown: "You are 18 or older", glossary: [], children: [] }], exclusion: [] } };
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  const terms = () => [...shadow.querySelectorAll(".criteria li:first-child details.words dt")].map((d) => d.textContent);
  const words = shadow.querySelector(".criteria li details.words");
  assert.equal(words.querySelector("summary").textContent, "Words explained");
  assert.equal(words.open, false);
  // plain: "occlusion" is no longer in the text, and "CTA" is explained in brackets right there
  assert.deepEqual(terms(), ["angiography"]);
  assert.equal(shadow.querySelector(".criteria li:first-child dd").textContent, "An X-ray or scan of blood vessels using a dye.");
  assert.equal(shadow.querySelectorAll(".criteria li")[1].querySelector("details"), null, "no empty disclosure");
  assert.doesNotMatch(shadow.querySelector(".criteria").textContent, /\[\w+\]/, "no bracketed chips");
  assert.equal(shadow.querySelector(".gl"), null);
  // the registry's own words have "occlusion" and an unexplained "CTA"
  ui.wording = "original";
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.deepEqual(terms(), ["occlusion", "CTA", "angiography"]);
  assert.equal(shadow.querySelector(".criteria li:first-child dd").textContent, "a blockage.", "the term is not said twice");
});

test("the criteria say whose wording they are in, and name the third group as the service does", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const item = (t) => ({ original: t, shown: t, glossary: [], children: [] });
  const unplaced = "Also listed (the record does not say whether this includes or excludes you):";
  const ann = { nct_id: "NCT07232563", official: null, related: [], drift: { verdict: "in_sync", findings: [] },
    criteria: { headings: { unplaced }, inclusion: [item("Age 18 or over")], exclusion: [], unplaced: [item("Able to swallow tablets")] } };
  const ui = uiState();
  const view = () => {
    w.TrialLens.renderAnnotation(w.document, ann, ui);
    const shadow = w.document.querySelector("triallens-card").shadowRoot;
    return [shadow.querySelector(".criteria > summary").textContent, [...shadow.querySelectorAll(".criteria > h3")].map((e) => e.textContent)];
  };
  assert.deepEqual(view(), ["Who can join, in plain English", ["You may be able to join if\u2026", unplaced]]);
  ui.wording = "original";
  assert.deepEqual(view()[0], "Who can join (ClinicalTrials.gov's wording)");
  // an older service, or a heading that is not text: the card's own words
  for (const bad of [undefined, "", "  ", 7]) {
    ann.criteria.headings.unplaced = bad;
    assert.equal(view()[1][1], "Other criteria", String(bad));
  }
});

test("a card longer than it shows says 'More' at its bottom edge until scrolled to the end", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, HOSTILE, ui);
  const host = w.document.querySelector("triallens-card");
  const card = host.shadowRoot.querySelector(".card");
  const more = host.shadowRoot.querySelector(".more");
  assert.equal(more.getAttribute("aria-hidden"), "true");
  assert.equal(more.hidden, true, "nothing overflows (jsdom lays nothing out)");
  assert.ok(host.hasAttribute("data-expanded"));
  assert.ok(card.classList.contains("expanded"));
  // jsdom has no layout: give the card one that overflows
  let top = 0;
  Object.defineProperty(card, "scrollHeight", { value: 1000 });
  Object.defineProperty(card, "clientHeight", { value: 300 });
  Object.defineProperty(card, "scrollTop", { get: () => top, set: (v) => { top = v; } });
  card.dispatchEvent(new w.Event("scroll"));
  assert.equal(more.hidden, false);
  assert.ok(card.classList.contains("has-more"), "the body keeps room at its end for the cue");
  top = 690;
  card.dispatchEvent(new w.Event("scroll"));
  assert.equal(more.hidden, false, "a few lines left: still more");
  top = 700;
  card.dispatchEvent(new w.Event("scroll"));
  assert.equal(more.hidden, true, "at the end");
  assert.equal(card.classList.contains("has-more"), false);
  ui.collapsed = true;
  w.TrialLens.renderAnnotation(w.document, HOSTILE, ui);
  assert.equal(host.hasAttribute("data-expanded"), false);
});

test("the official record is linked once, at the top of the card, not again in its footer (r26 T5)", () => {
  // in a warning card the footer is below the fold: the screenshot review found the link out of sight there
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = { nct_id: "NCT07232563", official: { status: "NOT_YET_RECRUITING", url: "https://clinicaltrials.gov/study/NCT07232563" },
    related: [], drift: { verdict: "differs", headline: "This page differs from ClinicalTrials.gov", findings: [] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const top = shadow.querySelector(".who a");
  assert.equal(top.getAttribute("href"), "https://clinicaltrials.gov/study/NCT07232563");
  assert.equal(top.getAttribute("rel"), "noopener noreferrer");
  // the record's status on its own row, where it is read; the number and the link small below it; one label for the link
  const rows = [...shadow.querySelector(".body").children].slice(0, 2);
  assert.deepEqual(rows.map((el) => el.className), ["record-status", "muted who"]);
  assert.equal(rows[0].textContent, "ClinicalTrials.gov: Not yet recruiting");
  assert.equal(rows[0].querySelector("strong").textContent, "Not yet recruiting");
  assert.equal(shadow.querySelector(".who").textContent, "NCT07232563 · Official record on ClinicalTrials.gov");
  assert.deepEqual([...shadow.querySelectorAll("a")].map((a) => a.textContent), ["Official record on ClinicalTrials.gov"]);
  assert.equal(shadow.querySelector("footer a"), null);
});

test("a glance limit's terms are explained in a disclosure beside it; a saved copy's status says so", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  ann.criteria.at_a_glance.thresholds = [{ text: "Post-stroke ASPECTS score at least 6", label: "Required", section: "inclusion",
    item: "Post-stroke ASPECTS score >= 6", glossary: [{ term: "ASPECTS", meaning: "a stroke scan score" }] }];
  ann.official.stale = true;
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const dd = [...shadow.querySelectorAll(".glance dd")].find((d) => d.textContent.includes("ASPECTS score at least 6"));
  assert.equal(dd.querySelector("details.words summary").textContent, "Words explained");
  // named by its words for a screen reader: dozens of disclosures called "Words explained" are one name
  assert.equal(dd.querySelector("details.words summary").getAttribute("aria-label"), "Words explained: ASPECTS");
  assert.equal(dd.querySelector("details.words dt").textContent, "ASPECTS");
  assert.equal(shadow.querySelector(".record-status").textContent, "TrialLens's saved copy (2 Jan 2026): Completed");
  // the limits shown are those that read on their own: said, so one not shown is not read as none
  const before = shadow.querySelector("dl.glance").previousElementSibling;
  assert.equal(before.textContent, "Some limits, not all: the full list below has them all.");
  // a glance with no limit (age, sex…) is a summary too (review round 7: "Sex: All" alone read as all there was)
  ann.criteria.at_a_glance.thresholds = [];
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const plain = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(plain.querySelector(".glance-partial").textContent, "A summary, not every rule: the full list below has them all.");
  // a record with no age limits: said, not left out (a 70-year-old read the glance's "Sex: All" as all there was)
  ann.criteria.at_a_glance = { ...ann.criteria.at_a_glance, age: null, sex: "ALL" };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const rows = [...w.document.querySelector("triallens-card").shadowRoot.querySelectorAll(".glance dt")].map((d) => d.textContent);
  assert.equal(rows[0], "Age");
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".glance dd").textContent,
    "See the full list below (ClinicalTrials.gov gives no age range in its summary)");
});

test("on ClinicalTrials.gov the card is the official record's plain English: no verdict, findings or link to the page itself", () => {
  const w = makeWindow("<html><body></body></html>", "https://clinicaltrials.gov/study/NCT07232563");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  ann.official.url = "https://clinicaltrials.gov/study/NCT07232563";
  ann.related[0].url = "https://clinicaltrials.gov/study/NCT02580019";
  const ui = Object.assign(uiState(), { officialSite: true });
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensThis is the official record");
  assert.equal(shadow.querySelector("header .icon").textContent, "i");
  assert.ok(shadow.querySelector("aside").classList.contains("tone-info"));
  const text = shadow.querySelector("aside").textContent;
  for (const gone of ["not recruiting", "Recruiting (as of", "Official record on ClinicalTrials.gov", "Read the official record", "checked"]) {
    assert.ok(!text.includes(gone), gone);
  }
  assert.equal(shadow.querySelector(".finding, .verdict-note, .official-first, .record-status, footer"), null);
  assert.equal(shadow.querySelector("a[href$='NCT07232563']"), null, "no link to the page the reader is on");
  assert.ok(shadow.querySelector(".criteria .glance"));
  assert.ok(shadow.querySelector(".criteria li").textContent.includes("You are 18 or older"));
  assert.equal(shadow.querySelector(".related a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT02580019");
  assert.equal(shadow.querySelector(".intro").textContent, "TrialLens shows who can join this trial in plain English.");
  // from a saved copy, the page the reader is on may be newer than the list: the card says so
  w.TrialLens.renderAnnotation(w.document, { ...ann, official: { ...ann.official, stale: true } }, ui);
  assert.equal(w.document.querySelector("triallens-card").shadowRoot.querySelector(".intro").textContent,
    "Who can join, in plain English, from TrialLens's saved copy of 2 Jan 2026: the page you are on may be newer.");
  // nothing to show (the service could not read the record): say so, and offer to ask again
  const failed = "TrialLens could not load the plain-English version of this trial just now.";
  w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT03466619", official: null, criteria: null, related: [],
    drift: { verdict: "could_not_check", headline: "Could not check this page", reason: "official_unavailable", note: "n", findings: [] } }, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensThis is the official record");
  // (under the trial's number, which every official-site card names: review r60 #1)
  assert.equal(shadow.querySelector(".body").firstElementChild.textContent, "Trial NCT03466619");
  assert.equal(shadow.querySelector(".body").children[1].textContent, failed);
  assert.equal(shadow.querySelector(".verdict-note, .official-first, a"), null);
  shadow.querySelector("button.retry").click();
  assert.equal(ui.retried, 1);
  // the service down: the same sentence, "Try again", and the set-up behind a disclosure
  w.TrialLens.renderFailure(w.document, { ok: false, state: "unreachable", title: "TrialLens isn't working right now", detail: "d",
    technical: "Could not reach the TrialLens service at http://127.0.0.1:9.", nctId: "NCT07232563" }, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensThis is the official record");
  assert.equal(shadow.querySelector(".detail").textContent, failed);
  assert.ok(shadow.querySelector("button.retry") && shadow.querySelector("button.options") && shadow.querySelector("details.technical"));
  assert.equal(shadow.querySelector("a"), null);
  w.TrialLens.renderLoading(w.document, ui);
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensThis is the official record");
});

test("a card from a saved copy offers the official record and Try again under the note", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  ann.official = { ...ann.official, stale: true, url: "https://clinicaltrials.gov/study/NCT07232563" };
  ann.drift = { ...ann.drift, note: "TrialLens could not check with ClinicalTrials.gov just now, so …" };
  const ui = uiState();
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const steps = shadow.querySelector(".verdict-note + .next-steps");
  assert.ok(steps, "the steps follow the note");
  assert.equal(steps.querySelector("a").getAttribute("href"), "https://clinicaltrials.gov/study/NCT07232563");
  steps.querySelector("button.retry").click();
  assert.equal(ui.retried, 1);
  assert.equal(shadow.querySelectorAll("a[href='https://clinicaltrials.gov/study/NCT07232563']").length, 1, "one link");
});

test("a saved-copy card from a service that works offline offers the record but no 'Try again' (asking again gives the same)", () => {
  const w = makeWindow("<html><body></body></html>", "https://clinconnect.io/trials/NCT04811651");
  const official = { nct_id: "NCT04811651", status: "RECRUITING", fetched_at: "2025-06-27T00:00:00Z", stale: true,
    url: "https://clinicaltrials.gov/study/NCT04811651" };
  const ann = { nct_id: "NCT04811651", official: { ...official, stale_reason: "offline" }, related: [],
    drift: { verdict: "in_sync", headline: "Matches TrialLens's saved copy", note: "n", findings: [] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  let shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.ok(shadow.querySelector(".next-steps a.official-first"));
  assert.equal(shadow.querySelector(".next-steps button.retry"), null);
  // ClinicalTrials.gov could not be reached just now: asking again may help
  ann.official = { ...official, stale_reason: "unreachable" };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.ok(shadow.querySelector(".next-steps button.retry"));
});

test("a page about another trial than its number's shows no status line for that number's record", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/clinical-trials/NCT07041801");
  const ann = { nct_id: "NCT07041801", related: [], criteria: null,
    official: { nct_id: "NCT07041801", status: "RECRUITING", stale: false, fetched_at: "2026-12-05T10:00:00Z",
      url: "https://clinicaltrials.gov/study/NCT07041801" },
    drift: { verdict: "differs", headline: "This page may be about a different trial",
      findings: [{ kind: "other_trial", severity: "critical", field: "nct_id", about: "page", message: "m" }] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".record-status"), null);
  // the number's record, where the reader can check it, named as the number's: not "Official record", which read as
  // this page's trial's
  assert.equal(shadow.querySelector(".who").textContent, "NCT07041801 on ClinicalTrials.gov");
  const links = [...shadow.querySelectorAll("a[href='https://clinicaltrials.gov/study/NCT07041801']")];
  assert.ok(links.length && links.every((a) => a.textContent === "NCT07041801 on ClinicalTrials.gov"));
  // against a saved copy, the button at the top too
  w.TrialLens.renderAnnotation(w.document, { ...ann, official: { ...ann.official, stale: true } }, uiState());
  const again = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(again.querySelector("a.official-first").textContent, "NCT07041801 on ClinicalTrials.gov");
});

test("a saved copy's footer says why it was used unless the service says its note did (note_says_why)", () => {
  const official = { nct_id: "NCT04811651", status: "RECRUITING", fetched_at: "2025-06-27T00:00:00Z", stale: true,
    stale_reason: "offline", url: "https://clinicaltrials.gov/study/NCT04811651" };
  const note = "This TrialLens service works offline and did not ask ClinicalTrials.gov, so it compared this page with its saved copy.";
  const footer = (drift) => {
    const w = makeWindow("<html><body></body></html>", "https://clinconnect.io/trials/NCT04811651");
    w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT04811651", official, related: [],
      drift: { verdict: "in_sync", headline: "Matches TrialLens's saved copy", note, findings: [], ...drift } }, uiState());
    return w.document.querySelector("triallens-card").shadowRoot.querySelector(".checked").textContent;
  };
  const why = "This TrialLens service works offline and did not ask ClinicalTrials.gov.";
  assert.ok(!footer({ note_says_why: true }).includes(why), "said once, in the note");
  // an older service that does not say: the footer says it (twice rather than never), whatever the note's words
  assert.ok(footer({}).endsWith(why));
  assert.ok(footer({ note_says_why: false }).endsWith(why));
});

test("a could-not-check card over a copy saved because ClinicalTrials.gov could not be reached offers Try again", () => {
  const official = { nct_id: "NCT07635758", status: "RECRUITING", fetched_at: "2026-06-26T00:00:00Z", stale: true,
    stale_reason: "unreachable", url: "https://clinicaltrials.gov/study/NCT07635758" };
  const drift = { verdict: "could_not_check", headline: "Could not check this page", reason: "nothing_to_compare",
    note: "TrialLens found no status, dates … it could read on this page, so it compared nothing.", findings: [] };
  const render = (o) => {
    const w = makeWindow("<html><body></body></html>", "https://curemydisease.com/x");
    w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT07635758", official: o, related: [], drift }, uiState());
    return w.document.querySelector("triallens-card").shadowRoot;
  };
  // the footer says "could not check it with ClinicalTrials.gov just now": asking again may bring today's record
  assert.ok(render(official).querySelector(".next-steps button.retry"));
  // a service that works offline never asks; a live record has nothing more to give
  assert.equal(render({ ...official, stale_reason: "offline" }).querySelector("button.retry"), null);
  assert.equal(render({ ...official, stale: false, stale_reason: null }).querySelector("button.retry"), null);
});

test("a rule's exceptions are said to be exceptions above them (review round 8)", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const sub = (t) => ({ original: t, shown: t, rewritten: false, glossary: [], children: [] });
  const rule = { original: "History of brain tumor or malignancy within the past 5 years, except:",
    shown: "History of brain tumor or cancer within the past 5 years, except:", rewritten: true, glossary: [],
    children: [sub("radically excised non-melanoma skin cancer;"), sub("radically treated papillary thyroid carcinoma")],
    exceptions: true };
  const list = { ...sub("History of any of the following:"), children: [sub("Sickle cell anemia")] };
  const ann = { nct_id: "NCT07635758", official: null, related: [], drift: { verdict: "in_sync", findings: [] },
    criteria: { inclusion: [], exclusion: [rule, list] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const notes = [...shadow.querySelectorAll(".criteria p.exceptions")];
  assert.equal(notes.length, 1, "only above the exceptions, not above a list's items");
  assert.equal(notes[0].textContent, "Exceptions: this rule does not apply to people with these.");
  assert.equal(notes[0].nextElementSibling.tagName, "UL");
});

test("several worded as requirements in a list: the note once above it, a mark on each (review r17)", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const item = (t, worded, children = []) => ({ original: t, shown: t, rewritten: false, glossary: [], children,
    exceptions: false, worded_as_requirement: worded });
  const ann = { nct_id: "NCT00495365", official: null, related: [], drift: { verdict: "in_sync", findings: [] },
    criteria: { inclusion: [item("Aged 18 or over", false)],
      exclusion: [item("No known hypersensitivity to human albumin", true), item("No telephone.", false),
        item("Other:", false, [item("Not receiving dialysis", true)])] } };
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const notes = [...shadow.querySelectorAll(".criteria p.worded")];
  assert.deepEqual(notes.map((n) => n.textContent), [w.TrialLens.WORDED_LIST_NOTE]);
  assert.equal(notes[0].previousElementSibling.textContent, "You cannot join if\u2026", "under the exclusions' heading");
  assert.equal(notes[0].nextElementSibling.tagName, "UL");
  const marks = [...shadow.querySelectorAll(".criteria .worded-mark")];
  assert.deepEqual(marks.map((m) => m.closest("li").querySelector(".item-text").textContent),
    ["No known hypersensitivity to human albumin", "Not receiving dialysis"]);
  assert.ok(marks.every((m) => m.textContent === w.TrialLens.WORDED_MARK));
});

test("an exclusion worded as a requirement says so beside it, in either wording (review round 12a)", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const item = (t, worded) => ({ original: t, shown: t, rewritten: false, glossary: [], children: [],
    exceptions: false, worded_as_requirement: worded });
  const ann = { nct_id: "NCT00495365", official: null, related: [], drift: { verdict: "in_sync", findings: [] },
    criteria: { inclusion: [], exclusion: [item("No known hypersensitivity to human albumin", true),
      item("No telephone.", false), { ...item("Not taking theophylline", "yes") }] } };
  for (const wording of ["plain", "original"]) {
    w.TrialLens.renderAnnotation(w.document, ann, { ...uiState(), wording });
    const shadow = w.document.querySelector("triallens-card").shadowRoot;
    const notes = [...shadow.querySelectorAll(".criteria p.worded")];
    assert.equal(notes.length, 1, "only the item marked true (not a truthy string from the service)");
    assert.equal(notes[0].textContent, w.TrialLens.WORDED_NOTE);
    assert.equal(notes[0].closest("li").querySelector(".item-text").textContent, "No known hypersensitivity to human albumin");
  }
});

test("related trials that take the same ages and sex as this trial show no who-line, and the caption says what that means", () => {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const ann = JSON.parse(JSON.stringify(HOSTILE), (k, v) => (typeof v === "string" ? v.replace(XSS, "").trim() : v));
  const Y = (n) => ({ value: n, unit: "YEARS", text: `${n} Years` });
  Object.assign(ann.criteria.at_a_glance, { min_age: Y(18), max_age: Y(70), sex: "ALL" });
  const trial = (id, extra) => ({ nct_id: id, title: id, status: "RECRUITING", phases: [], score: 1, why: "Same condition: Gout",
    min_age: Y(18), max_age: Y(70), sex: "ALL", who: "Ages 18–70", where: "France", ...extra });
  ann.related = [trial("NCT00000011"), trial("NCT00000012", { max_age: null, who: "Ages 18 and older" }),
    trial("NCT00000013", { min_age: null, max_age: null, who: null })];
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.deepEqual([...shadow.querySelectorAll(".related li")].map((li) => {
    const who = li.querySelector(".related-who");
    return who ? who.textContent : null;
  }), [null, "Ages 18 and older", "No age or sex limit given"]);
  assert.match(shadow.querySelector(".related .caption").textContent,
    /on ClinicalTrials\.gov\. A trial with no ages shown takes the same ages and sex as this one\.$/);
  // none the same: the caption does not say it
  ann.related = ann.related.slice(1);
  w.TrialLens.renderAnnotation(w.document, ann, uiState());
  assert.doesNotMatch(shadow.querySelector(".related .caption").textContent, /same ages/);
});

test("a trial whose criteria could not be explained still sets its related trials beside its own ages and sex", () => {
  // the official record says who the trial takes; the glance (criteria) is null where no criteria were explained, and
  // every who-line then showed, "Ages 18–70" under an 18–70 trial too. The record first, the glance second (an older
  // service), and where they differ the record is the one the related trials are set beside.
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/x");
  const Y = (n) => ({ value: n, unit: "YEARS", text: `${n} Years` });
  const trial = (id, extra) => ({ nct_id: id, title: id, status: "RECRUITING", phases: [], score: 1, why: "Same condition: Gout",
    min_age: Y(18), max_age: Y(70), sex: "ALL", who: "Ages 18–70", ...extra });
  const related = [trial("NCT00000011"), trial("NCT00000012", { max_age: null, who: "Ages 18 and older" }),
    trial("NCT00000013", { min_age: null, max_age: null, who: null })];
  const official = { ...HOSTILE.official, title: "T", note: null, min_age: Y(18), max_age: Y(70), sex: "ALL" };
  const whoLines = (ann) => {
    w.TrialLens.renderAnnotation(w.document, { nct_id: "NCT07232563", drift: { verdict: "in_sync", findings: [] }, related, ...ann },
      uiState());
    const shadow = w.document.querySelector("triallens-card").shadowRoot;
    return [...shadow.querySelectorAll(".related li")].map((li) => (li.querySelector(".related-who") || {}).textContent || null);
  };
  const filtered = [null, "Ages 18 and older", "No age or sex limit given"];
  assert.deepEqual(whoLines({ official, criteria: null }), filtered);
  // an older service: no ages in the record's object, the glance says them
  const older = { ...official };
  for (const k of ["min_age", "max_age", "sex"]) delete older[k];
  const glance = { inclusion: [], exclusion: [], at_a_glance: { min_age: Y(18), max_age: Y(70), sex: "ALL" } };
  assert.deepEqual(whoLines({ official: older, criteria: glance }), filtered);
  // neither says: each line as the service words it
  assert.deepEqual(whoLines({ official: older, criteria: null }), ["Ages 18–70", "Ages 18 and older", null]);
  // the record is the one set beside (a women-only trial: none of these is the same)
  assert.deepEqual(whoLines({ official: { ...official, sex: "FEMALE" }, criteria: glance }),
    ["Ages 18–70", "Ages 18 and older", "No age or sex limit given"]);
});

test("a store failure's card says it is TrialLens's fault, when to try again, and has the set-up details (r60 #6)", async () => {
  const P = require("../lib/protocol.js");
  const res = await P.handleMessage({ type: "annotate", url: "https://meddatax.com/clinical-trials/NCT06844474", html: "" }, {
    fetch: async () => ({ ok: false, status: 503, headers: { get: (n) => (n.toLowerCase() === "retry-after" ? "120" : null) },
      json: async () => ({ type: "urn:triallens:problem:store-unavailable", title: "Local store failed" }) }),
    getSettings: async () => ({ serviceUrl: "http://127.0.0.1:5000" }), supportedHosts: ["meddatax.com"], now: () => 1 });
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/clinical-trials/NCT06844474");
  w.TrialLens.renderFailure(w.document, { ...res, nctId: "NCT06844474" }, { ...uiState(), collapsed: false });
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline-text").textContent, "TrialLens isn't working right now");
  assert.equal(shadow.querySelector(".detail").textContent,
    "TrialLens's own store of saved records failed just now: a fault in TrialLens, not in this trial's record. Try again in about 2 minutes.");
  assert.equal(shadow.querySelector("details.technical summary").textContent, "Details for whoever set up TrialLens");
  assert.equal(shadow.querySelector("a.official-first").getAttribute("href"), "https://clinicaltrials.gov/study/NCT06844474");
  assert.ok(shadow.querySelector("button.retry"));
});
