/* TrialLens: who can join, in the words the card shows: the "At a glance" rows, the criteria items in plain
 * English or in the registry's own wording, and the hard words to explain beside each ("Words explained").
 *
 * Pure functions, as in format.js: plain strings and objects (never HTML), everything from the service taken as
 * untrusted text. Apart from format.js because deciding which terms to explain beside a text is a concern of its own;
 * it needs nothing from the other files.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /** At-a-glance facts as [{label, value}] rows, leaving out what the record does not say. */
  const SUPERSCRIPT = { 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074", 5: "\u2075", 6: "\u2076",
    7: "\u2077", 8: "\u2078", 9: "\u2079" };

  /** "100×10^9/L" -> "100×10⁹/L": the caret is a typist's stand-in few readers know; the figure is unchanged. */
  function powersOfTen(text) {
    return String(text).replace(/10\^(\d{1,2})(?!\d)/g, (_, d) => "10" + [...d].map((c) => SUPERSCRIPT[c]).join(""));
  }

  // under the glance's limits: they are the ones that read on their own, never all of them
  const GLANCE_PARTIAL = "Some limits, not all: the full list below has them all.";
  // a glance with no limit is a summary too (review round 7: "Sex: All" alone read as the whole of who can join)
  const GLANCE_SUMMARY = "A summary, not every rule: the full list below has them all.";
  // the record gives no age limits (its criteria may: NCT06495437's say 35 to 65); not "Not given as a limit", read as
  // "no age limit" (review round 8), nor "the record's age fields" (a developer's words, round 9)
  // above the sub-items of a rule that are its exceptions ("…, except:"): a skimming reader took them for more rules
  const EXCEPTIONS_NOTE = "Exceptions: this rule does not apply to people with these.";
  // beside an exclusion the record words as a requirement ("No known hypersensitivity to human albumin" under "You
  // cannot join if…" reads as excluding the people the trial wants; review round 12a): server/worded.py WORDED_NOTE
  const WORDED_NOTE = "The record lists this under reasons you cannot join, but words it as a requirement. Ask the study team which is meant.";
  // more than one in a list: the note once above it, a mark on each (server/worded.py WORDED_LIST_NOTE; review r17: said
  // beside each, it filled most of an open card on a phone, and a screen reader read it six times)
  const WORDED_MARK = "Worded as a requirement";
  const WORDED_LIST_NOTE = "Items marked \u201cWorded as a requirement\u201d: the record lists them under reasons you cannot join, "
    + "but words them as requirements. Ask the study team which is meant.";
  /** How many display items (criteriaItems), with their sub-items, are worded as requirements. */
  function wordedCount(items) {
    return items.reduce((n, it) => n + (it.wordedAsRequirement ? 1 : 0) + wordedCount(it.children), 0);
  }
  // what TrialLens reworded, said once above the plain-English lists, with a mark only on the fewer kind of item: a
  // "(reworded)" after almost every item was noise (walk-through r26 T4). The card's button gives the record's words.
  const REWORDED_ALL = "TrialLens has reworded these in plain English. \u201cShow original wording\u201d gives "
    + "ClinicalTrials.gov's own words.";
  const REWORDED_MOST = "TrialLens has reworded these in plain English, except those marked \u201cClinicalTrials.gov's "
    + "words\u201d. \u201cShow original wording\u201d gives ClinicalTrials.gov's words for all.";
  const REWORDED_SOME = "Items marked \u201creworded\u201d are TrialLens's plain English; the rest are ClinicalTrials.gov's "
    + "own words. \u201cShow original wording\u201d gives ClinicalTrials.gov's words for all.";
  const REWORDED_MARKS = { reworded: "(reworded)", kept: "(ClinicalTrials.gov's words)" };

  /** [reworded, all]: how many display items (criteriaItems), with their sub-items, are reworded, and how many there are. */
  function rewordedCounts(items) {
    return items.reduce(([r, n], it) => {
      const [cr, cn] = rewordedCounts(it.children);
      return [r + (it.rewritten ? 1 : 0) + cr, n + 1 + cn];
    }, [0, 0]);
  }

  /**
   * What the card says about rewording over all the lists it shows (display items of every group): `note`, said once
   * above them ("" when nothing is reworded), and `mark`, which items carry a mark: "reworded" (the fewer are
   * reworded), "kept" (the fewer are the record's own words) or null (all or none are reworded: the note says it).
   */
  function rewordedNote(lists) {
    const [reworded, all] = rewordedCounts(lists.flat());
    if (!reworded) return { note: "", mark: null };
    if (reworded === all) return { note: REWORDED_ALL, mark: null };
    return reworded * 2 >= all ? { note: REWORDED_MOST, mark: "kept" } : { note: REWORDED_SOME, mark: "reworded" };
  }

  const AGE_NOT_GIVEN = "See the full list below (ClinicalTrials.gov gives no age range in its summary)";
  // the same where there is no list below (a record that gives no criteria): not sent to a list that is not there
  const AGE_NONE_GIVEN = "ClinicalTrials.gov gives no age range for this trial";

  /** True when the record gives no criteria at all (a withheld one): nothing to list, in either wording. */
  function noCriteriaGiven(criteria) {
    const c = criteria || {};
    return !["inclusion", "exclusion", "unplaced"].some((k) => Array.isArray(c[k]) && c[k].length);
  }

  /**
   * What the card says in place of the list when the record gives none, the words of the service's page
   * (templates/trial.html, id no-criteria): "A summary, not every rule: the full list below…" over nothing read as
   * a list that failed to load (review r23 #14). `day`: a saved copy's date ("10 Jan 2026"), "" when not one.
   */
  const NO_CRITERIA = "ClinicalTrials.gov gives no eligibility criteria for this trial.";
  const NO_CRITERIA_IN_COPY = "gives no eligibility criteria for this trial: the official record on ClinicalTrials.gov may be newer.";
  function noCriteriaNote(stale, day) {
    return stale ? `TrialLens's saved copy of the record (${day || "date unknown"}) ${NO_CRITERIA_IN_COPY}` : NO_CRITERIA;
  }

  /** The pregnancy row's words, as the service's page and `triallens explain` say them (server/glance.py
   *  pregnancy_row): a plan to become pregnant during the study is a reason of its own (plain10), and so is a plan to
   *  father a child (plain11), and a rule only some of the study's groups state (glance9). */
  function pregnancyRow(g) {
    const plans = g.pregnancy_plan_excluded
      ? (g.fathering_plan_excluded ? "planning a pregnancy or to father a child" : "planning a pregnancy")
      : (g.fathering_plan_excluded ? "planning to father a child" : "");
    if (plans) {
      // a span past the study the service read exactly (120 days after the last dose; plain14), said as the service says it
      const until = typeof g.pregnancy_plan_until === "string" && g.pregnancy_plan_until
        ? " " + "and up to" + " " + g.pregnancy_plan_until : "";
      const lead = (g.pregnancy_excluded ? "Excluded, also if" : "Excluded if") + " " + plans;
      // a plan the record rules out with no time said is said with none (review r49 F8); an older service sends no key
      return g.pregnancy_plan_any_time === true ? lead : lead + " " + "during the study" + until;
    }
    if (g.pregnancy_excluded) return "Excluded";
    // only some of the groups the criteria are split into rule it out (glance9); an older service sends no key
    return g.pregnancy_excluded_some_groups === true
      ? "Excluded in some of the study's groups (the full list says which)" : null;
  }

  const DISAGREES = "The record disagrees with itself:";
  /** The sex row's words, as the service's page and `triallens explain` say them (server/glance_record.py sex_row):
   *  the record's field, or both it and what its own criteria say where they disagree (glance10: NCT00003455's field
   *  says All, its criteria "Sex: Female"); an older service sends no sex_in_criteria. */
  function sexRow(g) {
    const words = { ALL: "All", FEMALE: "Female only", MALE: "Male only" };
    const criteriaWords = { ALL: "male or female", FEMALE: "female only", MALE: "male only" };
    const base = words[g.sex] || String(g.sex);
    const other = g.sex_in_criteria;
    return typeof other === "string" && Object.prototype.hasOwnProperty.call(criteriaWords, other) && other !== g.sex
      ? `${DISAGREES} ${base} in its summary, ${criteriaWords[other]} in its criteria` : base;
  }

  /** The healthy-volunteer row's words (server/glance_record.py healthy_volunteers_row): "Not accepted" said with the
   *  criteria's healthy volunteers or controls where the record names them (glance10: NCT00001922). */
  function healthyVolunteersRow(g) {
    if (g.healthy_volunteers === false && g.healthy_volunteers_in_criteria === true) {
      return `${DISAGREES} not accepted in its summary, but its criteria name healthy volunteers or controls`;
    }
    return g.healthy_volunteers ? "Accepted" : "Not accepted";
  }

  /** `recordOnly`: only the record's own age, sex and healthy-volunteer rows (no criteria to draw the rest from). */
  function atAGlanceRows(glance, recordOnly = false) {
    const g = glance || {};
    const rows = [];
    if (typeof g.age === "string" && g.age) rows.push({ label: "Age", value: g.age });
    else if (g.sex) rows.push({ label: "Age", value: recordOnly ? AGE_NONE_GIVEN : AGE_NOT_GIVEN });   // (a record's glance: it has a sex)
    if (g.sex) rows.push({ label: "Sex", value: sexRow(g) });
    if (g.healthy_volunteers === true || g.healthy_volunteers === false) {
      rows.push({ label: "Healthy volunteers", value: healthyVolunteersRow(g) });
    }
    if (recordOnly) return rows;
    const pregnancy = pregnancyRow(g);
    if (pregnancy) rows.push({ label: "Pregnancy", value: pregnancy });
    if (g.breastfeeding_excluded) rows.push({ label: "Breastfeeding", value: "Excluded" });
    // only some of the groups the criteria are split into rule it out (glance10); an older service sends no key
    else if (g.breastfeeding_excluded_some_groups === true) {
      rows.push({ label: "Breastfeeding", value: "Excluded in some of the study's groups (the full list says which)" });
    }
    for (const t of Array.isArray(g.thresholds) ? g.thresholds : []) {
      // The service words the label from the list the limit came from ("Excluded if" for an
      // exclusion item: a reason you cannot join, never a requirement); without one, say no more
      // than that the criteria mention it.
      if (t && typeof t.text === "string" && t.text) {
        const value = powersOfTen(t.text);
        // the terms in the limit explained ("ASPECTS"): the glance is the quick read
        rows.push({ label: typeof t.label === "string" && t.label ? t.label : "Mentioned", value,
          glossary: glossaryBeside(value, t.glossary), limit: true });
      }
    }
    return rows;
  }

  const escapeRegex = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // words that say nothing about a meaning, left out when a bracket is compared with one
  const FILLER = new Set(["the", "and", "for", "with", "that", "are", "from", "its", "this", "which", "who", "can", "has", "have"]);
  const contentWords = (t) => (t.toLowerCase().match(/[a-z]{3,}/g) || []).filter((w) => !FILLER.has(w));
  // "clotting" ~ "clot", "enzymes" ~ "enzyme", "agreement" ~ "agreeing": the same word for this purpose
  const sameWord = (a, b) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) ||
    (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));

  /**
   * True when `inside` (a bracket's words) says what `meaning` says: most of its words are in the meaning.
   * Abbreviations in it ("(ALT)", "(HIV-Ab)", the "ANC" of "(ANC, white cells …)") name, they do not explain.
   */
  function bracketExplains(inside, meaning) {
    const said = contentWords(inside.replace(/[\w-]*[A-Z][\w-]*[A-Z][\w-]*/g, " "));
    const meant = contentWords(meaning);
    const found = said.filter((w) => meant.some((m) => sameWord(w, m)));
    return said.length > 0 && found.length * 2 >= said.length;
  }

  /**
   * A glossary entry as the reader needs it beside `text`, or null: the term must be in the text as shown
   * (the plain rewrite may have replaced it: "blockage" for "occlusion"), and the text must not already say
   * what it means in brackets right after it ("CTA (a scan of blood vessels)", "ALT and AST (liver
   * enzymes)"); a bracket that only abbreviates ("angiography (MRA)") explains nothing. Terms written with
   * capitals inside them (abbreviations: "AST", "mRS") must match their case, other words need not.
   * Returns {term, meaning}, the term as the text writes it ("10⁹/L" where the text has it so).
   */
  function explainedBeside(text, entry) {
    const forms = [...new Set([entry.term, powersOfTen(entry.term)])].filter((f) => f.trim());
    for (const form of forms) {
      const flags = /[A-Z]/.test(form.slice(1)) ? "g" : "gi";
      const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegex(form)}(?![A-Za-z0-9])`, flags);
      const hits = [...text.matchAll(re)];
      if (!hits.length) continue;
      const bracketed = hits.some((m) => {
        const after = text.slice(m.index + m[0].length);
        // right after it, after the word it qualifies ("NIHSS score (…)", "informed consent form (…)"), or
        // after a short list it heads ("ALT and AST (…)", "ALT, AST or GGT (…)")
        const b = /^(?:\s+[A-Za-z][\w-]*)?(?:\s*(?:,|\band\b|\bor\b)\s*[A-Za-z0-9][\w-]*){0,3}\s*\(([^()]*)\)/.exec(after);
        return Boolean(b) && bracketExplains(b[1], entry.meaning);
      });
      return bracketed ? null : { term: form, meaning: entry.meaning };
    }
    return null;
  }

  /** A meaning without the term said again first: "occlusion" / "Occlusion: a blockage." -> "a blockage." */
  function meaningOnly(term, meaning) {
    const m = /^([^:]{1,80}):\s+(\S[\s\S]*)$/.exec(meaning);
    return m && m[1].trim().toLowerCase() === term.toLowerCase() ? m[2] : meaning;
  }

  /** The entries of a service glossary to explain beside `text` (see explainedBeside), each term once. */
  function glossaryBeside(text, glossary) {
    const seen = new Set();
    const out = [];
    for (const g of Array.isArray(glossary) ? glossary : []) {
      if (!g || typeof g.term !== "string" || typeof g.meaning !== "string" || seen.has(g.term.toLowerCase())) continue;
      seen.add(g.term.toLowerCase());
      const entry = explainedBeside(text, g);
      if (entry) out.push({ term: entry.term, meaning: meaningOnly(entry.term, entry.meaning) });
    }
    return out;
  }

  /**
   * Criteria items for display in one wording: "plain" shows the checked rewrite (which the
   * service only marks rewritten when nothing was lost), "original" the registry's words.
   * glossary: the terms to explain beside this item in this wording (see explainedBeside).
   */
  function criteriaItems(items, wording) {
    return (Array.isArray(items) ? items : []).map((it) => {
      const item = it || {};
      const original = typeof item.original === "string" ? item.original : "";
      const shown = typeof item.shown === "string" && item.shown ? item.shown : original;
      const text = wording === "original" ? original : powersOfTen(shown);
      return {
        text,
        // "(reworded)" marks the plain rewrite only: the original wording is the registry's own
        rewritten: wording !== "original" && Boolean(item.rewritten) && shown !== original,
        glossary: glossaryBeside(text, item.glossary),
        children: criteriaItems(item.children, wording),
        // its children are exceptions to it ("…, except:"): said above them (review round 8)
        exceptions: item.exceptions === true,
        // an exclusion worded as a requirement: said beside it, in either wording (the record's is the same words)
        wordedAsRequirement: item.worded_as_requirement === true,
        // the group of people it is for, where the record gives each group its own headings ("Families",
        // "Controls"; server/item_groups.py): said once above a run of the group's items (groupRuns)
        group: typeof item.group === "string" && item.group.trim() ? item.group.trim() : null,
      };
    });
  }

  // above items of no group that follow a group's (they would read as that group's): server/item_groups.py UNGROUPED
  const UNGROUPED = "Not tied to one group by the record";

  /**
   * Display items (criteriaItems) as runs of one group: [{heading, items}], heading the group's name, UNGROUPED for
   * items of no group after a group's, null before the list's first group and where it has none (review r51 §2: the
   * controls' "Personal or family history of autoimmune disease" read as the families' too). As the service's
   * pages say it (server/item_groups.py runs).
   */
  function groupRuns(items) {
    const runs = [];
    let seen = false;
    for (const it of Array.isArray(items) ? items : []) {
      const named = typeof it.group === "string" && it.group.trim() !== "";
      seen = seen || named;
      const heading = named ? it.group.trim() : (seen ? UNGROUPED : null);
      if (runs.length && runs[runs.length - 1].heading === heading) runs[runs.length - 1].items.push(it);
      else runs.push({ heading, items: [it] });
    }
    return runs;
  }

  return { powersOfTen, atAGlanceRows, pregnancyRow, sexRow, healthyVolunteersRow, GLANCE_PARTIAL, GLANCE_SUMMARY, AGE_NOT_GIVEN, AGE_NONE_GIVEN, noCriteriaGiven, noCriteriaNote,
    EXCEPTIONS_NOTE, WORDED_NOTE,
    WORDED_MARK, WORDED_LIST_NOTE, wordedCount, criteriaItems, explainedBeside, rewordedNote, REWORDED_MARKS, groupRuns, UNGROUPED };
});
