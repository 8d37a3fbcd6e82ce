"use strict";
// A listing whose statuses could not be asked for gets one note with "Try again"; once asking again works, the note
// goes and the badges come: the keyboard goes on from the first badge, not from nowhere (walk-through r26).
const test = require("node:test");
const assert = require("node:assert/strict");
const { runContent, until } = require("./jsdom_page.js");

const LISTING = `<html><body><h1>Search results</h1><a id="before" href="/">Home</a><ul>
  <li><a href="/t/NCT07232563">NCT07232563</a> Stroke study</li>
  <li><a href="/t/NCT02580019">NCT02580019</a> Gout study</li></ul></body></html>`;
const DOWN = { ok: false, state: "unreachable", title: "TrialLens isn't working right now", detail: "d", technical: "t" };
const UP = { ok: true, receivedAt: 0, missing: {}, statuses: { NCT07232563: { status: "RECRUITING" }, NCT02580019: { status: "COMPLETED" } } };

/** The listing with the service down at first; `later`: the answer to each status request after the first. */
async function listingAfterRetry(later) {
  let asked = 0;
  const { w, sent } = runContent(LISTING, "https://meddatax.com/search?q=stroke", (msg) => {
    if (msg.type !== "status") return { ok: true };
    asked += 1;
    return asked === 1 ? DOWN : later;
  });
  const state = () => w.document.documentElement.getAttribute("data-triallens-state");
  await until(() => state() === "unreachable");
  const retry = w.document.querySelector("triallens-card").shadowRoot.querySelector("button.retry");
  retry.focus();
  retry.click();
  await until(() => sent.filter((m) => m.type === "status").length === 2 && state() !== "loading");
  return w;
}

test("'Try again' on a listing's note that then works puts focus on the first badge", async () => {
  const w = await listingAfterRetry(UP);
  assert.equal(w.document.querySelector("triallens-card"), null, "the note is gone");
  const first = w.document.querySelector("triallens-badge");
  assert.equal(first.getAttribute("data-nct"), "NCT07232563");
  assert.equal(w.document.activeElement, first, "focus is in the first badge");
  assert.equal(first.shadowRoot.activeElement, first.shadowRoot.querySelector("button.badge"));
});

test("'Try again' that fails again keeps the keyboard in the new note", async () => {
  const w = await listingAfterRetry(DOWN);
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  assert.ok(shadow.activeElement && shadow.activeElement.matches("button.retry, button.toggle"), "its Try again, or Show");
  assert.equal(w.document.querySelector("triallens-badge"), null);
});

test("a listing checked without 'Try again' takes no focus", async () => {
  const { w } = runContent(LISTING, "https://meddatax.com/search?q=stroke", () => UP);
  await until(() => w.document.documentElement.getAttribute("data-triallens-state") === "badged");
  assert.equal(w.document.activeElement, w.document.body);
});
