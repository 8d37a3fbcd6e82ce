"use strict";
// Review r60 #9: an address over 4,096 characters (the service's limit) was refused, "Something went wrong … (error
// 400). Try again later", which asking again cannot mend; and a "Trial not found" card naming the number the service
// has no record of linked a search for the address's number instead.
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../lib/protocol.js");
const { runContent, until } = require("./jsdom_page.js");

const deps = (answer) => {
  const calls = [];
  return { calls, fetch: async (url, init) => { calls.push({ url, init }); return answer(url, init); },
    getSettings: async () => ({ serviceUrl: "http://127.0.0.1:5000" }), supportedHosts: ["meddatax.com"], now: () => 1 };
};
const ok = { ok: true, status: 200, json: async () => ({ nct_id: "NCT06844474", drift: { verdict: "in_sync", findings: [] } }) };

test("an address over 4,096 characters is sent without its query and fragment; a shorter one as it is", async () => {
  const base = "https://meddatax.com/clinical-trials/NCT06844474";
  const long = `${base}?ref=${"a".repeat(4100)}#top`;
  const d = deps(() => ok);
  const res = await P.handleMessage({ type: "annotate", url: long, html: "<p>x</p>" }, d);
  assert.equal(res.ok, true);
  assert.equal(JSON.parse(d.calls[0].init.body).url, base);
  const short = `${base}?ref=abc#top`;
  await P.handleMessage({ type: "annotate", url: short, html: "<p>x</p>" }, d);
  assert.equal(JSON.parse(d.calls[1].init.body).url, short);
});

test("a 'Trial not found' card's search link is for the number the service names", async () => {
  const answer = (msg) => P.handleMessage(msg, deps(() => ({ ok: false, status: 404, headers: { get: () => null },
    json: async () => ({ type: "urn:triallens:problem:unknown-trial", title: "Unknown trial", nct_id: "NCT09999992" }) })));
  const { w } = runContent("<html><body><h1>A trial</h1><p>NCT ID: NCT09999992</p></body></html>",
    "https://meddatax.com/clinical-trials/NCT06844474", answer);
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "unknown");
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.match(shadow.querySelector(".detail").textContent, /no record of NCT09999992/);
  const links = [...shadow.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
  assert.deepEqual(links.filter(([t]) => /Search/.test(t)),
    [["Search ClinicalTrials.gov for NCT09999992", "https://clinicaltrials.gov/search?term=NCT09999992"]]);
});
