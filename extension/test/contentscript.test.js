"use strict";
// The content script on a page (jsdom): a trial page sends its URL and HTML once and shows the card, a page
// without a trial gets none, a listing makes exactly one status request, a URL change re-annotates, and Hide,
// Show and Try again behave as remembered. (The card's own states: dom.test.js.)
const test = require("node:test");
const assert = require("node:assert/strict");

// the content scripts as the browser loads them (the manifest's list, in its order), content.js last and on its own
const { fakeStorage, runContent, until } = require("./jsdom_page.js");
const { HOSTILE } = require("./hostile.js");

test("content script: a trial page sends its URL and HTML once and shows the card", async () => {
  const ann = { ...HOSTILE, drift: { ...HOSTILE.drift, findings: [] }, criteria: null, related: [] };
  const { w, sent } = runContent("<html><head><title>NCT07232563</title></head><body><h1>Trial</h1><p>NCT07232563 related NCT02580019</p></body></html>",
    "https://meddatax.com/clinical-trials/NCT07232563", () => ({ ok: true, annotation: ann, receivedAt: Date.now() }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, "annotate");
  assert.equal(sent[0].url, "https://meddatax.com/clinical-trials/NCT07232563");
  assert.match(sent[0].html, /<h1>Trial<\/h1>/);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.match(shadow.querySelector(".headline").textContent, /ClinicalTrials.gov says this trial is not recruiting/);
});

test("content script: a page without a trial (422) shows no card", async () => {
  const { w } = runContent("<html><body><p>NCT07232563</p></body></html>", "https://meddatax.com/x",
    () => ({ ok: false, state: "no_trial", title: "No trial on this page", detail: "" }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "no_trial");
  assert.equal(w.document.querySelector("triallens-card"), null);
});

test("content script: a listing gets one status request and a badge beside each id", async () => {
  const html = `<html><body><h1>Search results</h1><ul>
    <li><a href="/t/NCT07232563">NCT07232563</a> Stroke study</li>
    <li><a href="/t/NCT02580019">NCT02580019</a> Another <script>var x = "NCT09999999";</script></li>
    <li>Also see NCT02580019 and nct04434768</li></ul></body></html>`;
  const { w, sent } = runContent(html, "https://meddatax.com/search?q=stroke", (msg) => ({
    ok: true, receivedAt: Date.now(),
    statuses: { NCT07232563: { status: "RECRUITING", status_text: "Recruiting", last_update_posted: "2025-11-18", stale: false },
      NCT02580019: { status: "COMPLETED", status_text: "Completed", last_update_posted: "2020-01-01", stale: false }, NCT04434768: null },
    missing: { NCT04434768: "not_found" },
  }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  assert.equal(sent.length, 1);
  assert.deepEqual([...sent[0].ids], ["NCT07232563", "NCT02580019", "NCT04434768"]);
  const badges = [...w.document.querySelectorAll("triallens-badge")];
  assert.deepEqual(badges.map((b) => [b.getAttribute("data-nct"), b.shadowRoot.querySelector(".shown").textContent]),
    [["NCT07232563", "Recruiting"], ["NCT02580019", "Completed"], ["NCT02580019", "Completed"], ["NCT04434768", "Not found"]]);
  assert.equal(badges.length, 4);
  assert.equal(badges[0].previousSibling.tagName, "A", "a badge sits after the link, not inside it");
  // an id in running text: its badge straight after it, not after the whole line
  assert.equal(badges[2].previousSibling.data, "Also see NCT02580019");
  assert.equal(badges[2].nextSibling.data, " and nct04434768");
  assert.equal(badges[3].previousSibling.data, " and nct04434768");
  assert.equal(badges[3].nextSibling, null);
  assert.equal(w.document.querySelector("triallens-card"), null);
  // taken off again (a new pass over the page), the text is whole again
  w.TrialLens.removeBadges(w.document);
  const last = w.document.querySelectorAll("li")[2];
  assert.equal(last.childNodes.length, 1);
  assert.equal(last.firstChild.data, "Also see NCT02580019 and nct04434768");
});

// Review round 11e §10: with the service down a listing showed nothing, as on a site TrialLens does not support; then
// (walk-through r26 #7) six bare "? Not checked" badges said neither why nor what to do: one note for the page now.
test("content script: a listing whose status request fails gets one note saying why, with the options; a site switched off gets nothing", async () => {
  const html = `<html><body><h1>Search results</h1><ul>
    <li><a href="/t/NCT07232563">NCT07232563</a> Stroke study</li>
    <li>Also see NCT\u200b02580019 and nct04434768</li></ul></body></html>`;
  for (const failure of [{ ok: false, state: "unreachable", title: "TrialLens isn't working right now", detail: "d",
    technical: "Could not reach the TrialLens service at http://127.0.0.1:9." },
  { ok: false, state: "error", status: 500, title: "Could not check this page", detail: "Something went wrong (error 500)." }]) {
    const { w, sent } = runContent(html, "https://meddatax.com/search?q=stroke", (msg) => (msg.type === "openOptions" ? { ok: true } : failure));
    await until(() => w.document.documentElement.getAttribute("data-triallens-state") === failure.state);
    assert.equal(w.document.querySelectorAll("triallens-badge").length, 0, failure.state);
    const shadow = w.document.querySelector("triallens-card").shadowRoot;
    assert.equal(shadow.querySelector(".headline-text").textContent, failure.title);
    assert.equal(shadow.querySelector(".detail").textContent, failure.state === "unreachable"
      ? "None of the trials listed on this page were checked. Try again in a moment, or open the TrialLens options."
      : "Something went wrong (error 500).");
    assert.equal(shadow.querySelector(".next-steps a"), null, "no record to link to on a listing");
    assert.ok(shadow.querySelector("button.retry"));
    if (failure.state === "unreachable") {
      shadow.querySelector("button.options").click();
      await until(() => sent.some((m) => m.type === "openOptions"));
      assert.match(shadow.querySelector("details.technical").textContent, /127\.0\.0\.1:9/);
    }
  }
  const { w } = runContent(html, "https://meddatax.com/search?q=stroke", () => ({ ok: false, state: "disabled", title: "", detail: "" }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "disabled");
  assert.equal(w.document.querySelectorAll("triallens-badge").length, 0);
});

// Firefox for Android with no address saved: the card says no service is set and opens the options; once an address
// is saved there, the page is checked (that card has no "Try again": asking again without one changes nothing).
test("content script: 'no service set' opens the options, and the page is checked once an address is saved", async () => {
  const storage = fakeStorage();
  let set = false;
  const answer = (msg) => {
    if (msg.type === "openOptions") return { ok: true };
    if (!set) return { ok: false, state: "no_service", title: "No TrialLens service is set", detail: "none is set yet", technical: "t" };
    return { ok: true, receivedAt: Date.now(),
      annotation: { nct_id: "NCT07232563", official: null, related: [], drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } } };
  };
  const { w, sent } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>",
    "https://meddatax.com/clinical-trials/NCT07232563", answer, storage, { storageEvents: true });
  const state = () => w.document.documentElement.getAttribute("data-triallens-state");
  const shadow = () => w.document.querySelector("triallens-card").shadowRoot;
  await until(() => state() === "no_service");
  assert.equal(shadow().querySelector(".headline-text").textContent, "No TrialLens service is set");
  assert.equal(shadow().querySelector("button.retry"), null);
  shadow().querySelector("button.options").click();
  await until(() => sent.some((m) => m.type === "openOptions"));
  // another setting changed: nothing asked again
  await storage.set({ cardMemory: {} });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(sent.filter((m) => m.type === "annotate").length, 1);
  set = true;
  await storage.set({ serviceUrl: "http://192.168.1.20:5000" });   // saved in the options
  await until(() => state() === "annotated");
  assert.equal(sent.filter((m) => m.type === "annotate").length, 2);
  assert.match(shadow().querySelector(".headline").textContent, /In sync with ClinicalTrials.gov/);
  // an address changed under a card that checked the page: not checked again for it
  await storage.set({ serviceUrl: "http://192.168.1.21:5000" });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(sent.filter((m) => m.type === "annotate").length, 2);
});

test("content script: a listing with no service set gets one note saying so, with the options", async () => {
  const html = `<html><body><h1>Search results</h1><ul><li><a href="/t/NCT07232563">NCT07232563</a> Stroke</li>
    <li><a href="/t/NCT02580019">NCT02580019</a> Another</li></ul></body></html>`;
  const detail = "None of the trials listed on this page were checked: TrialLens needs a TrialLens service on a computer " +
    "this phone can reach, and none is set yet. Open the TrialLens options to enter its address.";
  const { w } = runContent(html, "https://meddatax.com/search?q=stroke",
    () => ({ ok: false, state: "no_service", title: "No TrialLens service is set", detail, technical: "t" }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "no_service");
  assert.equal(w.document.querySelectorAll("triallens-badge").length, 0);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline-text").textContent, "No TrialLens service is set");
  assert.equal(shadow.querySelector(".detail").textContent, detail);
  assert.ok(shadow.querySelector("button.options"));
  assert.equal(shadow.querySelector("button.retry"), null);
});

// At 360-414 px a badge arriving re-wrapped its row's text and moved every row under it (CLS 0.09-0.14): each id gets
// its badge, saying "Checking…", before the status is asked for, and the answer fills those badges in place.
test("content script: a listing's badges keep their room from the start, filled in place by the answer", async () => {
  const html = `<html><body><ul><li><a href="/t/NCT07232563">NCT07232563</a> Stroke</li>
    <li>Also registered as NCT02580019: Another</li><li><a href="/t/NCT04434768">NCT04434768</a> Third</li></ul></body></html>`;
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  const { w } = runContent(html, "https://meddatax.com/search?q=stroke", () => held);
  const doc = w.document;
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "loading");
  const pending = [...doc.querySelectorAll("triallens-badge")];
  assert.deepEqual(pending.map((b) => [b.getAttribute("data-nct"), b.shadowRoot.querySelector(".shown").textContent]),
    [["NCT07232563", "Checking…"], ["NCT02580019", "Checking…"], ["NCT04434768", "Checking…"]]);
  const first = pending[0].shadowRoot;
  assert.ok(first.querySelector(".badge").classList.contains("unchecked"), "drawn as no status");
  assert.equal(first.querySelector(".sr-only").textContent, "TrialLens: checking. NCT07232563: being checked against ClinicalTrials.gov.");
  assert.equal(pending[1].nextSibling.data, ": Another", "straight after the id, as the answer's badge goes");
  answer({ ok: true, receivedAt: Date.now(), missing: {},
    statuses: { NCT07232563: { status: "RECRUITING", status_text: "Recruiting", last_update_posted: "2025-11-18", stale: false },
      NCT02580019: { status: "COMPLETED", status_text: "Completed", last_update_posted: "2020-01-01", stale: false } } });
  await until(() => doc.documentElement.getAttribute("data-triallens-state") === "badged");
  const badges = [...doc.querySelectorAll("triallens-badge")];
  assert.deepEqual(badges, pending.slice(0, 2), "the same badges, filled in; one the answer does not name is taken off");
  assert.deepEqual(badges.map((b) => b.shadowRoot.querySelector(".shown").textContent), ["Recruiting", "Completed"]);
  assert.equal(badges[0].shadowRoot.querySelector(".explain").textContent.startsWith("TrialLens: NCT07232563: Recruiting"), true);
  assert.equal(doc.querySelectorAll("li")[2].childNodes.length, 2, "(the third row as it was)");
});

test("content script: a listing on a site switched off, or whose statuses could not be asked for, keeps no badge", async () => {
  const html = "<html><body><ul><li>NCT07232563 one</li><li>NCT02580019 two</li></ul></body></html>";
  let badged = 0;   // badges ever put on the page switched off
  const off = runContent(html, "https://www.meddatax.com/search", (msg) => {
    badged += off.w.document.querySelectorAll("triallens-badge").length;   // (while asking)
    return { ok: false, state: "disabled", title: "", detail: "" };
  }, fakeStorage({ disabledSites: ["meddatax.com"] }));
  new off.w.MutationObserver(() => { badged += off.w.document.querySelectorAll("triallens-badge").length; })
    .observe(off.w.document, { subtree: true, childList: true });
  await until(() => off.w.document.documentElement.getAttribute("data-triallens-state") === "disabled");
  assert.equal(badged, 0, "none, not even while asking");
  let fail;
  const down = runContent(html, "https://meddatax.com/search", () => new Promise((resolve) => { fail = resolve; }));
  await until(() => down.w.document.querySelectorAll("triallens-badge").length === 2);
  fail({ ok: false, state: "unreachable", title: "Could not reach the TrialLens service", detail: "" });
  await until(() => down.w.document.documentElement.getAttribute("data-triallens-state") === "unreachable");
  assert.equal(down.w.document.querySelectorAll("triallens-badge").length, 0);
  assert.equal(down.w.document.querySelector("li").textContent, "NCT07232563 one", "the text whole again");
});

test("content script: a listing's text with an id mid-sentence gets the badge after the id", async () => {
  const html = `<html><body><ol><li><a href="/t/NCT07232563">NCT07232563</a> Stroke study</li>
    <li>Also registered as NCT06997939: Autologous Bone Marrow Mesenchymal Stem Cell Therapy for Ischemic Stroke</li></ol></body></html>`;
  const { w } = runContent(html, "https://meddatax.com/search?q=stroke", () => ({
    ok: true, receivedAt: Date.now(), statuses: { NCT07232563: { status: "RECRUITING" }, NCT06997939: null }, missing: {} }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  const badge = w.document.querySelector("triallens-badge[data-nct=NCT06997939]");
  assert.equal(badge.previousSibling.data, "Also registered as NCT06997939");
  assert.match(badge.nextSibling.data, /^: Autologous Bone Marrow/);
  assert.equal(badge.shadowRoot.querySelector(".shown").textContent, "? Not checked");
  assert.ok(badge.shadowRoot.querySelector(".badge").classList.contains("unchecked"), "drawn dashed: not a status");
  assert.equal(w.document.querySelector("triallens-badge[data-nct=NCT07232563]").shadowRoot.querySelector(".unchecked"), null);
});

test("content script: 'Try again' on a could-not-check card checks the page again and re-renders the card", async () => {
  let n = 0;
  const answer = () => {
    n += 1;
    const drift = n === 1
      ? { verdict: "could_not_check", headline: "Could not check this page", reason: "official_unavailable", note: "no record", findings: [] }
      : { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] };
    return { ok: true, annotation: { nct_id: "NCT07232563", official: null, related: [], drift }, receivedAt: Date.now() };
  };
  const { w, sent } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>",
    "https://meddatax.com/clinical-trials/NCT07232563", answer);
  const shadow = () => w.document.querySelector("triallens-card").shadowRoot;
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.match(shadow().querySelector(".headline").textContent, /Could not check/);
  shadow().querySelector("button.retry").click();
  await until(() => sent.length === 2 && w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.match(shadow().querySelector(".headline").textContent, /In sync with ClinicalTrials.gov/);
  assert.equal(shadow().activeElement, shadow().querySelector("button.toggle"), "the keyboard is not dropped on the page");
});

test("content script: a client-side URL change re-annotates the new trial", async () => {
  const ann = (id) => ({ nct_id: id, official: null, drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] }, related: [] });
  const { w, sent } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>", "https://meddatax.com/clinical-trials/NCT07232563",
    (msg) => ({ ok: true, annotation: ann(msg.url.slice(-11)), receivedAt: Date.now() }));
  await until(() => sent.length === 1 && w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  w.history.pushState({}, "", "/clinical-trials/NCT02580019");
  w.document.querySelector("p").textContent = "NCT02580019";
  await until(() => sent.length === 2);
  assert.equal(sent[1].url, "https://meddatax.com/clinical-trials/NCT02580019");
});

test("content script: a slug-URL page whose own id follows a label is a trial page, not a listing", async () => {
  const ann = { nct_id: "NCT07232563", official: null, drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] }, related: [] };
  const { w, sent } = runContent(`<html><body><h1>Intranasal vesicles for stroke</h1><dl><dt>NCT ID</dt><dd>NCT07232563</dd></dl>
    <h2>Related</h2><ul><li>NCT02580019</li><li>NCT04434768</li></ul></body></html>`,
  "https://ctv.veeva.com/study/exploratory-study-of-intranasal-administration", () => ({ ok: true, annotation: ann, receivedAt: Date.now() }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, "annotate");
});

/** A trial page for `id` whose check answers `drift` (or the failure `failure`); resolves once the card is drawn. */
async function openTrial(id, outcome, storage) {
  const answer = () => outcome.failure ? outcome.failure
    : { ok: true, annotation: { nct_id: id, official: null, related: [], drift: outcome }, receivedAt: Date.now() };
  const { w } = runContent(`<html><body><h1>Trial</h1><p>${id}</p></body></html>`, `https://meddatax.com/clinical-trials/${id}`, answer, storage);
  await until(() => !["loading", null].includes(w.document.documentElement.getAttribute("data-triallens-state")));
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  return { w, shadow, expanded: () => shadow.querySelector("button.toggle").getAttribute("aria-expanded") === "true" };
}

const COPY = { verdict: "in_sync", caveat: "stored_copy", headline: "Matches TrialLens's saved copy", findings: [] };
const NOT_CHECKED = { verdict: "could_not_check", headline: "Could not check this page", reason: "official_unavailable", note: "n", findings: [] };
const OUT_OF_DATE = { verdict: "out_of_date", headline: "This page may be out of date", findings: [] };
const NOT_RECRUITING = { verdict: "not_recruiting", headline: "ClinicalTrials.gov says this trial is not recruiting", findings: [] };
const IN_SYNC = { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] };

test("content script: '?' and in-sync cards open as their headline, problems open in full, on a wide window too", async () => {
  for (const [drift, open] of [[COPY, false], [NOT_CHECKED, false], [IN_SYNC, false], [OUT_OF_DATE, true], [NOT_RECRUITING, true]]) {
    const { w, expanded } = await openTrial("NCT07232563", drift, fakeStorage());
    assert.equal(w.innerWidth >= 700, true);
    assert.equal(expanded(), open, drift.headline);
  }
  // failure cards follow the same rule: the service unreachable is "?", a trial ClinicalTrials.gov does not have is "!"
  const down = await openTrial("NCT07232563", { failure: { ok: false, state: "unreachable", title: "TrialLens isn't working right now", detail: "d" } }, fakeStorage());
  assert.equal(down.expanded(), false);
  const unknown = await openTrial("NCT09999991", { failure: { ok: false, state: "unknown", title: "Trial not found on ClinicalTrials.gov", detail: "d" } }, fakeStorage());
  assert.equal(unknown.expanded(), true);
});

test("content script: Hide and Show are remembered per trial, and a new problem opens whatever was hidden", async () => {
  const storage = fakeStorage({ collapsed: true });   // the old one-flag-for-every-card setting
  // the old flag is dropped, and does not fold a warning
  let tab = await openTrial("NCT07232563", OUT_OF_DATE, storage);
  assert.equal(tab.expanded(), true);
  assert.equal("collapsed" in storage.data, false);
  // the reader opens a '?' card of another trial: that trial's cards open from now on, no one else's
  tab = await openTrial("NCT02580019", COPY, storage);
  assert.equal(tab.expanded(), false);
  tab.shadow.querySelector("button.toggle").click();
  await until(() => storage.data.cardMemory && storage.data.cardMemory.NCT02580019 && storage.data.cardMemory.NCT02580019.open === true);
  assert.equal((await openTrial("NCT02580019", COPY, storage)).expanded(), true, "opened before for this trial");
  assert.equal((await openTrial("NCT04434768", COPY, storage)).expanded(), false, "another trial: its own rule");
  // Hide on a '?' card: the same trial's later alert still opens once…
  tab = await openTrial("NCT02580019", NOT_CHECKED, storage);
  tab.shadow.querySelector("button.toggle").click();
  await until(() => storage.data.cardMemory.NCT02580019.open === false);
  assert.equal((await openTrial("NCT02580019", NOT_CHECKED, storage)).expanded(), false);
  tab = await openTrial("NCT02580019", NOT_RECRUITING, storage);
  assert.equal(tab.expanded(), true, "a problem this trial had not shown before");
  // …and once hidden, the same alert for the same trial stays as the reader left it
  tab.shadow.querySelector("button.toggle").click();
  await until(() => storage.data.cardMemory.NCT02580019.open === false && (storage.data.cardMemory.NCT02580019.hidden || []).length > 0);
  assert.equal((await openTrial("NCT02580019", NOT_RECRUITING, storage)).expanded(), false);
  // hiding one trial's warning does not fold another trial's
  assert.equal((await openTrial("NCT04434768", OUT_OF_DATE, storage)).expanded(), true);
  assert.deepEqual(Object.keys(storage.data), ["cardMemory"]);
});

// Review round 11e §7: "This trial may have ended" hidden on one site folded a critical age problem on another.
test("content script: hiding one problem does not fold a later card with a different problem for the same trial", async () => {
  const storage = fakeStorage();
  const ended = { verdict: "differs", caveat: "record_overdue", headline: "This trial may have ended", findings: [
    { kind: "registry_overdue", field: "status", severity: "warning", message: "m", page_value: "Recruiting", official_value: "Recruiting" }] };
  const ages = { verdict: "differs", headline: "The ages on this page are not in years", findings: [
    { kind: "plain_age", field: "max_age", severity: "critical", message: "m", page_value: "28", official_value: "28 Days" }] };
  let tab = await openTrial("NCT06427642", ended, storage);
  assert.equal(tab.expanded(), true);
  tab.shadow.querySelector("button.toggle").click();
  await until(() => storage.data.cardMemory && (storage.data.cardMemory.NCT06427642.hidden || []).length > 0);
  assert.equal((await openTrial("NCT06427642", ended, storage)).expanded(), false, "the same problem: as the reader left it");
  tab = await openTrial("NCT06427642", ages, storage);
  assert.equal(tab.expanded(), true, "a different, critical problem for the same trial opens");
});

test("content script: the remembered trials are bounded (the 200 seen last)", async () => {
  const full = {};
  for (let i = 0; i < 200; i++) full[`NCT${String(i).padStart(8, "0")}`] = { open: true, alarms: [], t: 1000 + i };
  const storage = fakeStorage({ cardMemory: full });
  const tab = await openTrial("NCT07232563", COPY, storage);
  tab.shadow.querySelector("button.toggle").click();
  await until(() => storage.data.cardMemory.NCT07232563);
  assert.equal(Object.keys(storage.data.cardMemory).length, 200);
  assert.equal("NCT00000000" in storage.data.cardMemory, false, "the trial seen longest ago is forgotten");
  assert.equal((await openTrial("NCT00000199", COPY, storage)).expanded(), true);
});

test("content script: on ClinicalTrials.gov a trial page's card is the official record's, as its headline until opened", async () => {
  const { w } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>", "https://www.clinicaltrials.gov/study/NCT07232563",
    () => ({ ok: true, annotation: { ...HOSTILE, official: { ...HOSTILE.official, url: null } }, receivedAt: Date.now() }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline").textContent, "TrialLensThis is the official record");
  assert.equal(shadow.querySelector("button.toggle").getAttribute("aria-expanded"), "false", "not an alert: the page is the record");
  assert.equal(shadow.querySelector(".finding"), null);
  assert.equal(shadow.querySelector(".criteria").open, true, "opened, the card shows who can join");
});

test("content script: 'Try again' that gets the same answer keeps the keyboard on 'Try again'", async () => {
  const answer = () => ({ ok: true, annotation: { nct_id: "NCT07232563", official: null, related: [],
    drift: { verdict: "could_not_check", headline: "Could not check this page", reason: "official_unavailable", note: "no record", findings: [] } },
  receivedAt: Date.now() });
  const { w, sent } = runContent("<html><body><h1>Trial</h1><p>NCT07232563</p></body></html>",
    "https://meddatax.com/clinical-trials/NCT07232563", answer);
  const shadow = () => w.document.querySelector("triallens-card").shadowRoot;
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  shadow().querySelector("button.toggle").click();   // (a "?" card opens as its headline: the reader opens it)
  await until(() => !shadow().querySelector(".body").hidden);
  await new Promise((r) => setTimeout(r, 30));   // (the reader's Show is saved, as between two clicks)
  shadow().querySelector("button.retry").click();
  await until(() => sent.length === 2 && w.document.documentElement.getAttribute("data-triallens-state") === "annotated");
  await until(() => shadow().activeElement && shadow().activeElement.className === "retry");
});
