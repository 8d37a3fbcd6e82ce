"use strict";
// When a listing's "? Not checked" badges can be checked: an id the service left without a status because this
// browser's lookup budget is used said only "could not be checked against ClinicalTrials.gov just now", with no word
// of when, while a saved copy served past the same budget says "Try again in about an hour" (svc15). The service now
// gives each such id its own wait (/status `waits`, tests/test_svc16_unchecked_wait.py); protocol.js passes it on,
// and the badge's title and key-press note say why and when in the card's words (format.js tryAgainIn).
const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../lib/badges.js");
const F = require("../lib/format.js");
const P = require("../lib/protocol.js");
const { runContent, until } = require("./jsdom_page.js");

const ID = "NCT07232563";
const OTHER = "NCT02580019";
const JUST_NOW = `${ID}: could not be checked against ClinicalTrials.gov just now`;
const BUDGET = `${ID}: not checked against ClinicalTrials.gov. As many trials have been looked up from here as TrialLens allows for now.`;

test("a badge the lookup budget left unchecked says why and when it can be checked", () => {
  for (const why of ["not_checked", "no_status"]) {
    const view = B.badgeView(ID, null, why, 3599);
    assert.equal(view.label, `${BUDGET} Try again in about an hour`, why);
    assert.equal(view.text, "? Not checked");   // (the badge itself stays short, drawn as a question)
    assert.equal(view.unchecked, true);
    assert.equal(view.tone, "unknown");
  }
  assert.equal(B.badgeView(ID, null, "not_checked", 61).label, `${BUDGET} Try again in about 2 minutes`);
  // the card's rule, not a copy of it: whatever tryAgainIn says, the badge says
  for (const seconds of [1, 60, 600, 3600, 3601, 7200]) {
    assert.ok(B.badgeView(ID, null, "not_checked", seconds).label.endsWith(F.tryAgainIn(seconds).replace(/\.$/, "")));
  }
});

test("no wait given, or none usable: as before; 'Not found' never waits", () => {
  assert.equal(B.badgeView(ID, null, "not_checked").label, JUST_NOW);   // (an older service, or another reason)
  for (const none of [null, -5, "soon", 1.5, {}]) assert.equal(B.badgeView(ID, null, "not_checked", none).label, JUST_NOW);
  assert.equal(B.badgeView(ID, null, "not_found", 3599).text, "Not found");
  assert.equal(B.badgeView(ID, null, "not_found", 3599).label, `${ID}: not found on ClinicalTrials.gov`);
});

function jsonResponse(status, body) {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

test("each id's wait is passed on from every page of a long listing; anything but whole seconds is dropped", async () => {
  const ids = Array.from({ length: 150 }, (_, i) => `NCT${String(i).padStart(8, "0")}`);
  const d = {
    fetch: async (url) => {
      const chunk = decodeURIComponent(url.split("ids=")[1]).split(",");
      const waits = chunk[0] === ids[0] ? { [ids[0]]: 3599, [ids[1]]: "soon", [ids[2]]: 0 } : { [ids[120]]: 600 };
      return jsonResponse(200, { statuses: Object.fromEntries(chunk.map((id) => [id, null])), missing: {}, waits });
    },
    getSettings: async () => ({}),
    supportedHosts: ["meddatax.com"],
    now: () => 1,
  };
  const res = await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids }, d);
  assert.deepEqual(res.waits, { [ids[0]]: 3599, [ids[120]]: 600 });
  const older = { ...d, fetch: async () => jsonResponse(200, { statuses: { [ids[0]]: null }, missing: {} }) };
  assert.deepEqual((await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids: [ids[0]] }, older)).waits, {});
});

test("on a listing, the badge the budget left unchecked says when; the one unchecked for another reason does not", async () => {
  const listing = `<html><body><h1>Search results</h1><ul>
    <li><a href="/t/${ID}">${ID}</a> Stroke study</li><li><a href="/t/${OTHER}">${OTHER}</a> Gout study</li></ul></body></html>`;
  const { w } = runContent(listing, "https://meddatax.com/search?q=stroke", (msg) => (msg.type !== "status" ? { ok: true }
    : { ok: true, receivedAt: 0, statuses: { [ID]: null, [OTHER]: null }, missing: { [ID]: "not_checked", [OTHER]: "not_checked" },
      waits: { [ID]: 3599 } }));
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  const title = (id) => w.document.querySelector(`triallens-badge[data-nct="${id}"]`).shadowRoot.querySelector("button.badge").title;
  assert.equal(title(ID), `TrialLens: ${BUDGET} Try again in about an hour`);
  assert.equal(title(OTHER), `TrialLens: ${OTHER}: could not be checked against ClinicalTrials.gov just now`);
  const explain = w.document.querySelector(`triallens-badge[data-nct="${ID}"]`).shadowRoot.querySelector(".explain");
  assert.equal(explain.textContent, `TrialLens: ${BUDGET} Try again in about an hour.`);
});
