"use strict";
// Review r60 #5: a listing of 400 trials asked about 400 ids (each a lookup against the reader's budget) and badged
// 300; and when a later request of a long listing failed, its ids' "Checking…" badges were taken away with no word.
const test = require("node:test");
const assert = require("node:assert/strict");
const { runContent, until } = require("./jsdom_page.js");
const P = require("../lib/protocol.js");

const ids = (n) => Array.from({ length: n }, (_, i) => `NCT${String(10000000 + i)}`);
const listing = (list) => `<html><body><h1>Search results</h1><ul>${list.map((id) => `<li><a href="/t/${id}">${id}</a> A study</li>`).join("")}</ul></body></html>`;
const state = (w) => w.document.documentElement.getAttribute("data-triallens-state");
const waitFor = async (cond) => { for (let i = 0; i < 9; i++) { try { await until(cond); return; } catch (_) { /* longer */ } } await until(cond); };

function background(failSecond) {
  const calls = [];
  const deps = {
    fetch: async (url) => {
      calls.push(url);
      const chunk = decodeURIComponent(url.split("ids=")[1]).split(",");
      if (failSecond && calls.length === 2) return { ok: false, status: 429, json: async () => ({ type: "urn:triallens:problem:rate-limited" }), headers: { get: () => "30" } };
      return { ok: true, status: 200, json: async () => ({ statuses: Object.fromEntries(chunk.map((id) => [id, { status: "COMPLETED", stale: false, fetched_at: new Date().toISOString() }])), missing: {} }) };
    },
    getSettings: async () => ({ serviceUrl: "http://127.0.0.1:5000" }), supportedHosts: ["meddatax.com"], now: () => Date.now(),
  };
  return { calls, answer: (msg) => P.handleMessage(msg, deps) };
}

test("a listing of 400 trials asks only about the 300 that get a badge", async () => {
  const all = ids(400);
  const bg = background(false);
  const { w, sent } = runContent(listing(all), "https://meddatax.com/search?q=x", bg.answer);
  await waitFor(() => state(w) === "badged");
  assert.equal(sent[0].ids.length, 300);
  assert.deepEqual([...sent[0].ids], all.slice(0, 300));
  assert.equal(bg.calls.length, 3);
  assert.equal(w.document.querySelectorAll("triallens-badge").length, 300);
});

test("a listing whose second request fails: its ids say '? Not checked', none vanishes", async () => {
  const all = ids(150);
  const bg = background(true);
  const { w } = runContent(listing(all), "https://meddatax.com/search?q=x", bg.answer);
  await waitFor(() => state(w) === "badged");
  const badges = [...w.document.querySelectorAll("triallens-badge")];
  assert.equal(badges.length, 150);
  const shown = (b) => b.shadowRoot.querySelector(".shown").textContent;
  assert.deepEqual(new Set(badges.slice(0, 100).map(shown)), new Set(["Completed"]));
  assert.deepEqual(new Set(badges.slice(100).map(shown)), new Set(["? Not checked"]));
  assert.equal(badges[120].getAttribute("data-nct"), all[120]);
});
