"use strict";
// Whose words the plain-English criteria are: said once above the lists, with a mark only on the fewer kind of item
// (walk-through r26 T4: "(reworded)" after almost every item was noise).
const test = require("node:test");
const assert = require("node:assert/strict");
const { makeWindow } = require("./jsdom_page.js");
const TL = require("../lib/criteria.js");

/** An item the service sends: reworded (shown differs from the record's words) or kept as the record words it. */
const item = (words, reworded, children = []) => ({ original: `${words} (record)`, shown: reworded ? `${words} (plain)` : `${words} (record)`,
  rewritten: reworded, glossary: [], children });

function annotation(inclusion, exclusion = []) {
  return {
    nct_id: "NCT07232563", page: {}, related: [],
    official: { nct_id: "NCT07232563", status: "RECRUITING", fetched_at: "2026-01-10T08:00:00Z", stale: false },
    drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] },
    criteria: { headings: {}, at_a_glance: {}, inclusion, exclusion, unplaced: [] },
  };
}

function card(ann, wording = "plain") {
  const w = makeWindow("<html><body></body></html>", "https://meddatax.com/clinical-trials/NCT07232563");
  w.TrialLens.renderAnnotation(w.document, ann, { collapsed: false, wording, criteriaOpen: true, onToggle() {},
    onWording() {}, onRetry() {}, onOptions() {} });
  const shadow = w.document.querySelector("triallens-card").shadowRoot;
  const note = shadow.querySelector(".reworded-note");
  return {
    note: note ? note.textContent : null,
    // each item's text and its mark, in the order shown (sub-items after their item)
    items: [...shadow.querySelectorAll(".criteria li")].map((li) => [li.querySelector(":scope > .item-text").textContent,
      (li.querySelector(":scope > .rewritten") || { textContent: "" }).textContent]),
    noteBeforeButton: Boolean(note && note.nextElementSibling && note.nextElementSibling.querySelector("button.wording")),
  };
}

test("every item reworded: said once above the lists, next to the button, and no item is marked", () => {
  const shown = card(annotation([item("a", true), item("b", true, [item("b1", true)])], [item("c", true)]));
  assert.equal(shown.note, "TrialLens has reworded these in plain English. \u201cShow original wording\u201d gives "
    + "ClinicalTrials.gov's own words.");
  assert.ok(shown.noteBeforeButton, "the note, then the button it names");
  assert.deepEqual(shown.items.map(([, mark]) => mark), ["", "", "", ""]);
});

test("most items reworded: the few in the record's own words are the ones marked", () => {
  const shown = card(annotation([item("a", true), item("b", false), item("c", true)], [item("d", true)]));
  assert.match(shown.note, /^TrialLens has reworded these in plain English, except those marked \u201cClinicalTrials\.gov's words\u201d\./);
  assert.deepEqual(shown.items, [["a (plain)", ""], ["b (record)", "(ClinicalTrials.gov's words)"], ["c (plain)", ""], ["d (plain)", ""]]);
});

test("a few items reworded: those are marked \"(reworded)\", the note says the rest are the record's words", () => {
  const shown = card(annotation([item("a", false), item("b", false, [item("b1", true)]), item("c", false)]));
  assert.match(shown.note, /^Items marked \u201creworded\u201d are TrialLens's plain English; the rest are ClinicalTrials\.gov's own words\./);
  assert.deepEqual(shown.items, [["a (record)", ""], ["b (record)", ""], ["b1 (plain)", "(reworded)"], ["c (record)", ""]]);
});

test("none reworded, or ClinicalTrials.gov's own wording shown: no note and no mark", () => {
  for (const shown of [card(annotation([item("a", false), item("b", false)])),
    card(annotation([item("a", true), item("b", false)]), "original")]) {
    assert.equal(shown.note, null);
    assert.deepEqual(shown.items.map(([, mark]) => mark), ["", ""]);
  }
});

test("rewordedNote counts sub-items, and marks the fewer kind (half and half: the record's words are marked)", () => {
  const items = (flags) => TL.criteriaItems(flags.map((f, i) => item(String(i), f)), "plain");
  assert.equal(TL.rewordedNote([items([true, false])]).mark, "kept");
  assert.equal(TL.rewordedNote([items([true]), items([false, false])]).mark, "reworded");
  assert.equal(TL.rewordedNote([items([true, true])]).mark, null);
  assert.deepEqual(TL.rewordedNote([items([false])]), { note: "", mark: null });
  assert.deepEqual(TL.rewordedNote([TL.criteriaItems([item("p", false, [item("c1", true), item("c2", true)])], "plain")]).mark, "kept");
});
