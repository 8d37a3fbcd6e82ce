"use strict";
// Whether the card opens, and the reader's Hide/Show remembered per trial (lib/cardmemory.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const M = require("../lib/cardmemory.js");

test("a card with a problem opens the first time the trial shows it, whatever the reader chose before", () => {
  for (const tone of ["warn", "alert"]) {
    assert.equal(M.opensCollapsed(tone, undefined), false);
    assert.equal(M.opensCollapsed(tone, { open: false }), false, "hidden while it was a '?' card: the problem is new");
    assert.equal(M.opensCollapsed(tone, { open: false, alarms: [tone] }), true, "seen, then hidden: the reader's choice");
    assert.equal(M.opensCollapsed(tone, { alarms: [tone] }), false);
    assert.equal(M.opensCollapsed(tone, { open: true, alarms: [tone] }), false);
  }
  // an alert after a warning for the same trial is a new problem
  assert.equal(M.opensCollapsed("alert", { open: false, alarms: ["warn"] }), false);
});

test("any other card opens as its headline unless the reader opened it before for this trial", () => {
  for (const tone of ["unknown", "ok", "info", undefined]) {
    assert.equal(M.opensCollapsed(tone, undefined), true, String(tone));
    assert.equal(M.opensCollapsed(tone, { open: true }), false, String(tone));
    assert.equal(M.opensCollapsed(tone, { open: false, alarms: ["warn"] }), true, String(tone));
    assert.equal(M.opensCollapsed(tone, { open: "yes" }), true, "only a real choice counts");
  }
});

test("remember: per trial, newest last seen, at most 200 trials", () => {
  let m = M.remember({}, "NCT00000001", { open: true }, 1000);
  m = M.remember(m, "NCT00000002", { alarm: "warn" }, 2000);
  m = M.remember(m, "NCT00000001", { open: false }, 3000);
  assert.deepEqual(m.NCT00000001, { open: false, alarms: [], t: 3000 });
  assert.deepEqual(m.NCT00000002, { alarms: ["warn"], t: 2000 });
  m = M.remember(m, "NCT00000002", { alarm: "warn" }, 4000);
  assert.deepEqual(m.NCT00000002.alarms, ["warn"], "each tone once");
  // not an NCT id, or a bogus patch: nothing new
  assert.deepEqual(Object.keys(M.remember(m, "<b>", { open: true }, 5000)).sort(), ["NCT00000001", "NCT00000002"]);
  assert.deepEqual(M.remember(m, "NCT00000003", { open: "x", alarm: "ok" }, 5000).NCT00000003, { alarms: [], t: 5000 });
  // bounded: the trials seen longest ago are forgotten
  let big = {};
  for (let i = 0; i < 250; i++) big = M.remember(big, `NCT${String(i).padStart(8, "0")}`, { open: true }, 10000 + i);
  assert.equal(Object.keys(big).length, M.MEMORY_LIMIT);
  assert.equal(M.MEMORY_LIMIT, 200);
  assert.ok(!("NCT00000049" in big) && "NCT00000050" in big && "NCT00000249" in big);
  // a clock that stands still still makes the last one the newest
  big = M.remember(big, "NCT00000050", { open: false }, 0);
  big = M.remember(big, "NCT99999999", { open: true }, 0);
  assert.ok("NCT00000050" in big && !("NCT00000051" in big));
});

test("readMemory keeps only well-formed entries for NCT ids", () => {
  assert.deepEqual(M.readMemory(null), {});
  assert.deepEqual(M.readMemory([1, 2]), {});
  assert.deepEqual(M.readMemory({ NCT00000001: { open: true, alarms: ["warn", "x"], t: 5 }, nope: { open: true }, NCT00000002: 3 }),
    { NCT00000001: { open: true, alarms: ["warn"], t: 5 } });
});
