"use strict";
// Review r60 #1: a single-page site changes its address first and draws the new trial when its data arrives. The card
// read the page once, 400 ms after the address changed, and kept what it found: the last trial's verdict on the new
// trial's page, or a skeleton's "Could not check", for good. Here the "service" answers about the trial the HTML shows
// (as the real one does), and the site draws the new trial only later.
const test = require("node:test");
const assert = require("node:assert/strict");
const { runContent, until } = require("./jsdom_page.js");

const A = "NCT06427642";
const B = "NCT06844474";
const page = (id, words) => `<h1>Trial ${id}</h1><p>NCT ID: ${id}</p><p>${words}</p>`;
const shownId = (html) => (/NCT\d{8}/.exec(html.replace(/<triallens-[\s\S]*?<\/triallens-[a-z]+>/g, "")) || [null])[0];
const ann = (id) => ({ nct_id: id, page: { nct_id: id }, official: { nct_id: id, status: "RECRUITING" },
  drift: { verdict: "differs", headline: `Problem on ${id}'s page`, findings: [] }, criteria: null, related: [] });
// the service as it is: it reads the trial the HTML shows, whatever the address; a page with no id is "no trial"
const answer = (msg) => {
  const id = shownId(msg.html);
  return id ? { ok: true, annotation: ann(id), receivedAt: Date.now() } : { ok: false, state: "no_trial", title: "No trial" };
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const card = (w) => {
  const host = w.document.querySelector("triallens-card");
  return host ? host.shadowRoot.querySelector(".headline").textContent : "(no card)";
};
const state = (w) => w.document.documentElement.getAttribute("data-triallens-state");
const waitFor = async (cond) => { for (let i = 0; i < 5; i++) { try { await until(cond); return; } catch (_) { /* longer */ } } await until(cond); };

async function firstTrial(draw = page) {
  const r = runContent(`<html><head><title>A</title></head><body><div id="app">${draw(A, "Newborns, 0 to 28 days")}</div></body></html>`,
    `https://clinconnect.io/trials/${A}`, answer);
  await waitFor(() => state(r.w) === "annotated");
  assert.match(card(r.w), new RegExp(`Problem on ${A}`));
  return r;
}

// (labelled: the page names its own trial after "NCT ID:", so a page still showing the last one is not even asked about;
// unlabelled: its id only in running text, so it is asked about, and the answer, about the last trial, is not shown)
for (const [kind, draw, asked] of [["labelled", page, false], ["unlabelled", (id, words) => `<p>Study ${id}: ${words}</p>`, true]]) {
  test(`single-page site (${kind}): the new trial drawn 700 ms after the address changed gets its own card, never the last trial's`, async () => {
    const { w, sent } = await firstTrial(draw);
    w.history.pushState({}, "", `/trials/${B}`);
    w.document.getElementById("app").append(w.document.createElement("span"));   // the router's progress bar: a mutation
    // the last trial's card comes down at once (with the mutation that showed the address changed)
    await Promise.resolve();
    assert.doesNotMatch(card(w), new RegExp(A));
    assert.equal(sent.length, 1);
    // the check 400 ms on finds A's HTML under B's address: a neutral card, never A's verdict
    await waitFor(() => state(w) === "settling");
    assert.equal(sent.length, asked ? 2 : 1);
    if (asked) assert.equal(shownId(sent[1].html), A);
    assert.doesNotMatch(card(w), new RegExp(A));
    assert.match(card(w), /Checking/);
    await sleep(300);
    w.document.getElementById("app").innerHTML = draw(B, "Non-small cell lung cancer");
    await waitFor(() => sent.length === (asked ? 3 : 2) && state(w) === "annotated");
    assert.equal(sent.at(-1).url, `https://clinconnect.io/trials/${B}`);
    assert.equal(shownId(sent.at(-1).html), B);
    assert.match(card(w), new RegExp(`Problem on ${B}`));
  });
}

test("single-page site: a skeleton, then the new trial drawn into it, is checked again when it is filled", async () => {
  const { w, sent } = await firstTrial();
  w.history.pushState({}, "", `/trials/${B}`);
  w.document.getElementById("app").innerHTML = "<div class=spinner>Loading\u2026</div>";
  await waitFor(() => sent.length === 2 && state(w) !== "loading");
  await sleep(300);
  w.document.getElementById("app").innerHTML = page(B, "Non-small cell lung cancer");
  await waitFor(() => sent.length === 3 && state(w) === "annotated");
  assert.equal(shownId(sent[2].html), B);
  assert.match(card(w), new RegExp(`Problem on ${B}`));
});

test("single-page site: a page that goes on showing the last trial under the new address gets no verdict", async () => {
  const w0 = Object.assign({}, { WATCH_MS: 0 });
  const { w, sent } = await firstTrial((id, words) => `<p>Study ${id}: ${words}</p>`);
  w.TrialLens.WATCH_MS = w0.WATCH_MS;   // (no watch: the first check's answer is the last)
  w.history.pushState({}, "", `/trials/${B}`);
  w.document.getElementById("app").append(w.document.createElement("span"));
  await waitFor(() => sent.length === 2 && state(w) === "page_mismatch");
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.equal(shadow.querySelector(".headline-text").textContent, "Could not check this page");
  assert.match(shadow.querySelector(".detail").textContent, new RegExp(`address names ${B}, but the page still shows ${A}`));
  assert.equal(shadow.querySelector("a.official-first").getAttribute("href"), `https://clinicaltrials.gov/study/${B}`);
  assert.ok(shadow.querySelector(".retry"), "Try again");
});

test("pagewatch: the address's trial is read from its path only; an answer matches by any of its ids", () => {
  const { makeWindow } = require("./jsdom_page.js");
  const w = makeWindow("<html><body></body></html>", "https://example.org/");
  const TL = w.TrialLens;
  assert.equal(TL.urlTrial(`https://clinconnect.io/trials/${B}?from=${A}`), B);
  assert.equal(TL.urlTrial(`https://meddatax.com/search?q=${A}`), null);
  assert.equal(TL.urlTrial(`https://x.org/compare/${A}/${B}`), null);
  assert.equal(TL.answerIsFor(ann(A), B), false);
  assert.equal(TL.answerIsFor({ nct_id: A, page: { nct_id: B } }, B), true);
  assert.equal(TL.answerIsFor(ann(A), null), true);
});
