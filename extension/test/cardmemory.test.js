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

// Review round 11e §7: hiding "This trial may have ended" on one site folded the next card for the same trial,
// which had a critical, different problem ("aged 1 to 28" for a neonatal trial).
test("hiding one problem does not fold a card with a different problem for the same trial", () => {
  const ended = { drift: { verdict: "differs", headline: "This trial may have ended", findings: [
    { kind: "registry_overdue", field: "status", severity: "warning", page_value: "RECRUITING", official_value: "RECRUITING" }] } };
  const ages = { drift: { verdict: "differs", headline: "The ages on this page are not in years", findings: [
    { kind: "plain_age", field: "max_age", severity: "critical", page_value: "28", official_value: "28 Days" },
    { kind: "registry_overdue", field: "status", severity: "warning", page_value: "RECRUITING", official_value: "RECRUITING" }] } };
  const first = M.problemKeys(ended);
  assert.ok(first.length >= 2 && first.every((k) => /^[a-z]:[0-9a-f]{8}$/.test(k)));
  // the reader sees the first card open and hides it
  assert.equal(M.opensCollapsed("warn", undefined, first), false);
  let m = M.remember({}, "NCT06427642", { alarm: "warn" }, 1000);
  m = M.remember(m, "NCT06427642", { open: false, hidden: first }, 2000);
  // the same problems again: the reader's choice
  assert.equal(M.opensCollapsed("warn", m.NCT06427642, M.problemKeys(ended)), true);
  // another site, another problem for the same trial: open
  assert.equal(M.opensCollapsed("warn", m.NCT06427642, M.problemKeys(ages)), false);
  assert.equal(M.opensCollapsed("alert", m.NCT06427642, M.problemKeys(ages)), false);
  // the same kind and field with other values is another problem; info findings are not problems
  const other = JSON.parse(JSON.stringify(ended));
  other.drift.findings[0].page_value = "COMPLETED";
  assert.equal(M.opensCollapsed("warn", m.NCT06427642, M.problemKeys(other)), false);
  const withInfo = JSON.parse(JSON.stringify(ended));
  withInfo.drift.findings.push({ kind: "registry_unverified", field: "status", severity: "info" });
  assert.deepEqual(M.problemKeys(withInfo), first);
  // hidden keys survive a storage round trip (readMemory), bounded, and never hold the page's words
  const stored = M.readMemory(JSON.parse(JSON.stringify(m)));
  assert.deepEqual(stored.NCT06427642.hidden, first);
  assert.doesNotMatch(JSON.stringify(stored), /RECRUITING|ended/);
  assert.deepEqual(M.readMemory({ NCT00000001: { hidden: ["<b>", 3, "h:0123abcd"] } }).NCT00000001.hidden, ["h:0123abcd"]);
  // a failure card ("Trial not found") is its own problem
  assert.notDeepEqual(M.problemKeys({ failure: "unknown" }), first);
});
