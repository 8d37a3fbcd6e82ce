"use strict";
// A record that gives each group of people its own lists (NCT03648918: "Inclusion Criteria (Families)", "Exclusion
// Criteria (Controls)"): the card showed one flat list, so the controls' "Personal or family history of autoimmune
// disease" read as a reason the families with type 1 diabetes could not join (review r51 §2). Each item now carries
// its group (server/item_groups.py) and the card says it once above the group's run of items, as a heading.
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow } = require("./jsdom_page.js");
const TL = require("../lib/criteria.js");

const item = (original, group, children = []) => ({ original, shown: original, rewritten: false, glossary: [],
  children, exceptions: false, worded_as_requirement: false, group });

// the service's annotation for NCT03648918, as /api/v1/annotate sends it (criteria only as it matters here)
function families(groups = true) {
  const g = (name) => (groups ? name : null);
  return {
    nct_id: "NCT03648918",
    page: {},
    official: { nct_id: "NCT03648918", status: "RECRUITING", status_text: "recruiting", last_update_posted: "2024-06-14",
      fetched_at: "2026-01-10T08:00:00Z", stale: false, stale_reason: null,
      url: "https://clinicaltrials.gov/study/NCT03648918", sex: "ALL", min_age: null, max_age: null },
    drift: { state: "in_sync", verdict: "in_sync", headline: "Matches the official record", findings: [] },
    criteria: {
      headings: { inclusion: "You may be able to join if\u2026", exclusion: "You cannot join if\u2026" },
      at_a_glance: { age: "2 years and older", min_age: null, max_age: null, sex: "ALL", healthy_volunteers: true,
        pregnancy_excluded: false, breastfeeding_excluded: false, thresholds: [] },
      inclusion: [
        item("Families where at least one first-degree family member has type 1 diabetes", g("Families")),
        item("Family members must be at least 2 years old to participate", g("Families")),
        item("No family history of type 1 diabetes or other autoimmune conditions", g("Controls")),
      ],
      exclusion: [
        item("Families with no history of type 1 diabetes", g("Families")),
        item("Families with a history of diabetes that is not type 1 (LADA, MODY, type 2 etc.)", g("Families")),
        item("Personal or family history of autoimmune disease", g("Controls")),
      ],
      unplaced: [],
    },
    related: [],
    generated_at: "2026-01-10T08:00:01Z",
  };
}

function uiState(extra = {}) {
  return { collapsed: false, wording: "plain", criteriaOpen: true, onToggle() {}, onWording() {}, onRetry() {},
    onOptions() {}, ...extra };
}

function card(ann, ui = uiState()) {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/clinical-trials/NCT03648918");
  w.TrialLens.renderAnnotation(w.document, ann, ui);
  return w.document.querySelector("triallens-card").shadowRoot;
}

/** The criteria section's headings and list items in reading order, as a screen reader's walk meets them. */
function walk(shadow) {
  return [...shadow.querySelectorAll(".criteria h3, .criteria h4, .criteria ul > li > .item-text")]
    .map((el) => `${el.tagName}:${el.textContent}`);
}

test("groupRuns: one heading per run of a group's items; none where there are no groups", () => {
  const items = TL.criteriaItems(families().criteria.exclusion, "plain");
  assert.deepEqual(items.map((it) => it.group), ["Families", "Families", "Controls"]);
  assert.deepEqual(TL.groupRuns(items).map((r) => [r.heading, r.items.length]), [["Families", 2], ["Controls", 1]]);
  const flat = TL.criteriaItems(families(false).criteria.exclusion, "plain");
  assert.deepEqual(TL.groupRuns(flat).map((r) => [r.heading, r.items.length]), [[null, 3]]);
  assert.deepEqual(TL.groupRuns([]), []);
});

test("groupRuns: items of no group after a group's are said to be tied to none; before the first, nothing", () => {
  const items = TL.criteriaItems([item("Pregnancy", null), item("Prior warfarin", "Study arm 2"),
    item("Unable to consent", null), item("Also unable", null)], "plain");
  assert.deepEqual(TL.groupRuns(items).map((r) => [r.heading, r.items.length]),
    [[null, 1], ["Study arm 2", 1], [TL.UNGROUPED, 2]]);
});

test("criteriaItems takes a group only as a non-empty string", () => {
  const bad = [{ original: "a", group: 3 }, { original: "b", group: "  " }, { original: "c", group: { x: 1 } },
    { original: "d" }, { original: "e", group: " Controls " }];
  assert.deepEqual(TL.criteriaItems(bad, "plain").map((it) => it.group), [null, null, null, null, "Controls"]);
});

test("the card heads each group's items with the group's name, in both wordings", () => {
  for (const wording of ["plain", "original"]) {
    const shadow = card(families(), uiState({ wording }));
    assert.deepEqual(walk(shadow), [
      "H3:At a glance",
      "H3:You may be able to join if\u2026",
      "H4:Families",
      "SPAN:Families where at least one first-degree family member has type 1 diabetes",
      "SPAN:Family members must be at least 2 years old to participate",
      "H4:Controls",
      "SPAN:No family history of type 1 diabetes or other autoimmune conditions",
      "H3:You cannot join if\u2026",
      "H4:Families",
      "SPAN:Families with no history of type 1 diabetes",
      "SPAN:Families with a history of diabetes that is not type 1 (LADA, MODY, type 2 etc.)",
      "H4:Controls",
      "SPAN:Personal or family history of autoimmune disease",
    ]);
    // a real heading element, named by its own text (not a styled span a screen reader reads as more of the list)
    for (const h4 of shadow.querySelectorAll(".criteria h4")) assert.equal(h4.className, "group");
  }
});

test("without groups the card shows one list per heading and no group heading", () => {
  const shadow = card(families(false));
  assert.equal(shadow.querySelectorAll(".criteria h4").length, 0);
  assert.equal(shadow.querySelectorAll(".criteria > ul, .criteria ul:not(li ul)").length, 2);
});
