"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
// the card's words, in their files: the verdict and the record, a finding's value rows, who can join, and status badges
const F = { ...require("../lib/format.js"), ...require("../lib/findingview.js"), ...require("../lib/links.js"), ...require("../lib/criteria.js"),
  ...require("../lib/badges.js") };

test("verdictView: each verdict keeps the service's headline and gets its tone", () => {
  const cases = {
    in_sync: ["In sync with ClinicalTrials.gov", "ok"],
    out_of_date: ["This page may be out of date", "warn"],
    differs: ["This page differs from ClinicalTrials.gov", "warn"],
    not_recruiting: ["ClinicalTrials.gov says this trial is not recruiting", "alert"],
    could_not_check: ["Could not check this page", "unknown"],
  };
  for (const [verdict, [headline, tone]] of Object.entries(cases)) {
    const v = F.verdictView({ verdict, headline });
    assert.equal(v.headline, headline);
    assert.equal(v.tone, tone);
  }
});

test("verdictView: in sync with a caveat is not a green tick", () => {
  // a stored copy not checked today, or a record that itself looks overdue: grey "?", the page has no problem
  const copy = F.verdictView({ verdict: "in_sync", caveat: "stored_copy", headline: "Matches TrialLens's saved copy" });
  assert.deepEqual([copy.headline, copy.tone, copy.icon], ["Matches TrialLens's saved copy", "unknown", "?"]);
  assert.deepEqual([F.verdictView({ verdict: "in_sync", caveat: "record_overdue" }).tone,
    F.verdictView({ verdict: "in_sync", caveat: "record_overdue" }).icon], ["warn", "!"]);   // (something to act on)
  assert.equal(F.verdictView({ verdict: "in_sync", caveat: "little_compared" }).tone, "unknown");
  // a page showing none of a list of the record's: amber, and the card opens (review round 5)
  assert.deepEqual([F.verdictView({ verdict: "in_sync", caveat: "list_not_shown" }).tone, F.verdictView({ verdict: "in_sync", caveat: "list_not_shown" }).icon], ["warn", "!"]);
  // a caveat only qualifies "in sync", and an unknown one changes nothing
  assert.equal(F.verdictView({ verdict: "differs", caveat: "stored_copy" }).tone, "warn");
  assert.equal(F.verdictView({ verdict: "in_sync", caveat: "maybe" }).tone, "ok");
});

test("verdictView: a critical finding draws the card as an alarm, whatever the verdict's own tone (r26 T3)", () => {
  // a number changed in a rule for who can join: a red CRITICAL label inside an amber "!" card read mixed
  const finding = (severity) => ({ kind: "criterion_changed", severity, about: "page" });
  const view = (verdict, severities, extra = {}) => {
    const v = F.verdictView({ verdict, findings: severities.map(finding), ...extra });
    return [v.tone, v.icon];
  };
  assert.deepEqual(view("differs", ["critical", "warning"]), ["alert", "\u2715"]);
  assert.deepEqual(view("out_of_date", ["warning", "critical"]), ["alert", "\u2715"]);
  assert.deepEqual(view("could_not_check", ["critical"], { reason: "unrecognized_wording" }), ["alert", "\u2715"]);
  assert.deepEqual(view("not_recruiting", ["critical"]), ["alert", "\u2715"]);
  // no critical finding: the verdict's tone, as before
  assert.deepEqual(view("differs", ["warning", "info"]), ["warn", "!"]);
  assert.deepEqual(view("in_sync", ["info"]), ["ok", "\u2713"]);
  assert.deepEqual(view("in_sync", ["warning"], { caveat: "record_overdue" }), ["warn", "!"]);
  assert.deepEqual(view("could_not_check", ["info"], { reason: "nothing_to_compare" }), ["unknown", "?"]);
});

test("verdictView: an unknown or missing verdict never reads as in sync", () => {
  assert.equal(F.verdictView({ verdict: "maybe" }).headline, "Could not check this page");
  assert.equal(F.verdictView(null).tone, "unknown");
  assert.equal(F.verdictView({ verdict: "out_of_date" }).headline, "This page may be out of date");
});

test("formatDate keeps precision and leaves non-dates alone", () => {
  assert.equal(F.formatDate("2025-11-18"), "18 Nov 2025");
  assert.equal(F.formatDate("2025-11"), "Nov 2025");
  assert.equal(F.formatDate("2025"), "2025");
  assert.equal(F.formatDate("2025-13"), "2025-13");
  assert.equal(F.formatDate("Last Updated: 2025-11-18"), "Last Updated: 2025-11-18");
});

test("findingView: both values, each with its date", () => {
  const annotation = { page: { as_of: "2025-06-01" }, official: { last_update_posted: "2025-11-18" } };
  const v = F.findingView({
    kind: "status_drift", severity: "critical", field: "status", page_value: "Recruiting",
    official_value: "COMPLETED", message: 'This page says "Recruiting", but ClinicalTrials.gov says the trial is completed.',
  }, annotation);
  assert.equal(v.severity, "critical");
  assert.deepEqual(v.rows, [
    { label: "This page", value: "Recruiting", date: "as of 1 Jun 2025" },
    { label: "ClinicalTrials.gov", value: "Completed", date: "updated 18 Nov 2025" },
  ]);
});

test("findingView: healthy volunteers and conditions read as words on both rows (review round 21, P6/P7)", () => {
  // as the service sends them (scrapers/reconcile/facts.py, conditions.py): the rows say what each side says, no true/false
  const annotation = { page: { as_of: "2025-06-01" }, official: { last_update_posted: "2025-11-18" } };
  const hv = F.findingView({ kind: "fact_mismatch", severity: "warning", field: "healthy_volunteers",
    page_value: "accepts healthy volunteers", official_value: "does not accept healthy volunteers",
    message: "This page says the trial accepts healthy volunteers, but ClinicalTrials.gov says it does not: only people "
      + "with the condition it studies can join." }, annotation);
  assert.deepEqual(hv.rows.map((r) => `${r.label}: ${r.value}`),
    ["This page: accepts healthy volunteers", "ClinicalTrials.gov: does not accept healthy volunteers"]);
  const cond = F.findingView({ kind: "fact_mismatch", severity: "warning", field: "conditions",
    page_value: "5q Minus Syndrome", official_value: "Head and Neck Cancer; Larynx Cancer", message: "m" }, annotation);
  assert.deepEqual(cond.rows.map((r) => r.value), ["5q Minus Syndrome", "Head and Neck Cancer; Larynx Cancer"]);
});

test("findingView: a registry finding has only the official side; date values are not dated twice", () => {
  const v = F.findingView({ kind: "registry_overdue", severity: "warning", field: "completion_date", page_value: null,
    official_value: "2024-03-01", message: "m", about: "registry" }, { official: { last_update_posted: "2025-01-01" } });
  assert.equal(v.about, "registry");
  // a date says what it is (the planned end), a count what it counts
  assert.deepEqual(v.rows, [{ label: "ClinicalTrials.gov", value: "planned end 1 Mar 2024", date: "" }]);
  assert.equal(F.findingView({ severity: "warning", field: "criteria", official_value: 27 }, {}).rows[0].value, "27 criteria");
  // a record overdue to open: the planned start that passed, as an overdue end gives the planned end
  const start = F.findingView({ kind: "registry_overdue", severity: "warning", field: "status", official_value: "NOT_YET_RECRUITING",
    evidence: { start_date: "2025-12-01" }, about: "registry" }, { official: { last_update_posted: "2025-01-01" } });
  assert.deepEqual(start.rows, [{ label: "ClinicalTrials.gov", value: "planned start 1 Dec 2025", date: "" }]);
  // a list's count in the list's words ("19" alone said nothing), one in the singular
  const count = (field, n) => F.findingView({ severity: "info", field, official_value: n }, {}).rows[0].value;
  assert.equal(count("exclusion_criteria", 19), "19 reasons someone cannot join");
  assert.equal(count("inclusion_criteria", 1), "1 requirement for joining");
  assert.equal(count("criteria", 1), "1 criterion");
  assert.equal(F.findingView({ severity: "bogus" }, {}).severity, "info");
});

test("findingView: the official side from a saved copy is labelled as the copy, with its date", () => {
  // the UI review: a year-old copy was labelled "ClinicalTrials.gov", as if it were what the registry says today
  const f = { severity: "warning", field: "status", page_value: "RECRUITING", official_value: "NOT_YET_RECRUITING", message: "m" };
  const stale = { page: { as_of: "2025-06-01" },
    official: { stale: true, fetched_at: "2025-11-18T09:30:00Z", last_update_posted: "2025-11-18" } };
  // (the copy's date with the value: a long label squeezed every value into a narrow column)
  assert.deepEqual(F.findingView(f, stale).rows.map((r) => r.label), ["This page", "Saved copy"]);
  assert.equal(F.findingView(f, stale).rows[1].value, "Not yet recruiting");
  assert.equal(F.findingView(f, stale).rows[1].date, "as of 18 Nov 2025");
  stale.official.fetched_at = "not a date";
  assert.equal(F.findingView(f, stale).rows[1].label, "Saved copy");
  assert.equal(F.findingView(f, stale).rows[1].date, "updated 18 Nov 2025");
  stale.official.stale = false;
  assert.equal(F.findingView(f, stale).rows[1].label, "ClinicalTrials.gov");
});

test("relatedView: only https ClinicalTrials.gov links; anything else becomes the official link", () => {
  const bad = F.relatedView({ nct_id: "NCT02580019", title: "T", status: "RECRUITING", url: "javascript:alert(1)", why: "same condition" });
  assert.equal(bad.url, "https://clinicaltrials.gov/study/NCT02580019");
  assert.equal(bad.status, "Recruiting");
  assert.equal(bad.tone, "ok");
  const off = F.relatedView({ nct_id: "NCT02580019", url: "https://evil.example/NCT02580019" });
  assert.equal(off.url, "https://clinicaltrials.gov/study/NCT02580019");
  assert.equal(F.relatedView({ nct_id: "x", url: "data:text/html,hi" }).url, null);
  assert.equal(F.relatedView({ phases: ["PHASE1", "PHASE2"] }).phases, "Phase 1, Phase 2");
});

test("officialUrl and safeLink refuse non-https and other hosts", () => {
  assert.equal(F.officialUrl({ nct_id: "NCT07232563", official: { url: "javascript:alert(1)" } }), "https://clinicaltrials.gov/study/NCT07232563");
  assert.equal(F.officialUrl({ nct_id: "NCT07232563", official: { url: "https://clinicaltrials.gov/study/NCT07232563" } }), "https://clinicaltrials.gov/study/NCT07232563");
  assert.equal(F.officialUrl({ nct_id: "<b>", official: null }), null);
  assert.equal(F.safeLink("http://clinicaltrials.gov/x", ["clinicaltrials.gov"]), false);
  assert.equal(F.safeLink("https://evilclinicaltrials.gov/x", ["clinicaltrials.gov"]), false);
  assert.equal(F.safeLink("https://www.clinicaltrials.gov/x", ["clinicaltrials.gov"]), true);
});

test("criteriaItems switches between plain and original wording, children included", () => {
  const items = [{ original: "Age >= 18 years", shown: "You are 18 or older", rewritten: true, glossary: [{ term: "ECOG", meaning: "a scale" }],
    children: [{ original: "ANC >= 1.5", shown: "ANC >= 1.5", rewritten: false, glossary: [], children: [] }] }];
  const plain = F.criteriaItems(items, "plain");
  assert.equal(plain[0].text, "You are 18 or older");
  assert.equal(plain[0].rewritten, true);
  assert.equal(plain[0].children[0].text, "ANC >= 1.5");
  assert.equal(F.criteriaItems(items, "original")[0].text, "Age >= 18 years");
  assert.equal(F.criteriaItems(items, "original")[0].rewritten, false);   // the registry's own words: no "(reworded)"
});

test("criteriaItems: only the words in the text shown, and not those it already explains in brackets", () => {
  const item = (original, shown, glossary) => ({ original, shown, rewritten: true, glossary, children: [] });
  const g = (term, meaning) => ({ term, meaning });
  const terms = (it, wording) => F.criteriaItems([it], wording)[0].glossary.map((e) => e.term);
  // the plain rewrite replaced the word: no "[occlusion]" beside "blockage"; CTA is explained right there
  const stroke = item("Confirmed anterior circulation occlusion by CTA or MR angiography (MRA)",
    "Confirmed anterior circulation blockage by CTA (a scan of blood vessels) or MR angiography (MRA)",
    [g("occlusion", "Occlusion: a blockage."), g("CTA", "Computed tomography angiography: a CT scan of blood vessels."),
      g("angiography", "An X-ray or scan of blood vessels using a dye.")]);
  assert.deepEqual(terms(stroke, "plain"), ["angiography"]);   // "(MRA)" abbreviates, it does not explain
  assert.deepEqual(terms(stroke, "original"), ["occlusion", "CTA", "angiography"]);
  // a bracket shared by a short list, after the word the term qualifies, or worded differently still explains
  const liver = item("ALT and AST <= 2.5 ULN; NIHSS score >= 6; sign informed consent form",
    "ALT and AST (liver enzymes) at most 2.5 ULN; NIHSS score (a stroke severity score) at least 6; sign the informed consent form (agreement to take part)",
    [g("ALT", "Alanine aminotransferase: a liver enzyme."), g("AST", "Aspartate aminotransferase: a liver enzyme."),
      g("NIHSS", "National Institutes of Health Stroke Scale: a score of how severe a stroke is."),
      g("informed consent", "Informed consent: agreeing to take part after being told about the study's risks.")]);
  assert.deepEqual(terms(liver, "plain"), []);
  assert.deepEqual(terms(liver, "original"), ["ALT", "AST", "NIHSS", "informed consent"]);
  // a bracket that names (an abbreviation) or says something else explains nothing
  const named = item("x", "Alanine aminotransferase (ALT) high; contrast agents (excluding mild rash-type allergies)",
    [g("Alanine aminotransferase", "ALT: a liver enzyme."), g("contrast agents", "Dyes that make body parts show up on scans.")]);
  assert.deepEqual(terms(named, "plain"), ["Alanine aminotransferase", "contrast agents"]);
  // abbreviations match their case ("AST" is not in "last"); other words need not ("Currently", "currently")
  const cased = item("x", "Currently the last visit", [g("AST", "a liver enzyme"), g("currently", "Currently: now.")]);
  assert.deepEqual(F.criteriaItems([cased], "plain")[0].glossary, [{ term: "currently", meaning: "now." }]);
  // a unit as the text shows it: the plain text writes 10⁹, so does the term
  const unit = item("platelets < 100×10^9/L", "platelets less than 100×10^9/L", [g("10^9/L", "Billions per liter of blood.")]);
  assert.deepEqual(terms(unit, "plain"), ["10\u2079/L"]);
  assert.deepEqual(terms(unit, "original"), ["10^9/L"]);
  // children are looked at in their own text; a term twice in the service's list is listed once
  const parent = item("a", "a", [g("a", "x")]);
  parent.children = [item("occlusion", "blockage", [g("occlusion", "a blockage"), g("Occlusion", "dup")])];
  assert.deepEqual(F.criteriaItems([parent], "original")[0].children[0].glossary, [{ term: "occlusion", meaning: "a blockage" }]);
});

test("atAGlanceRows lists only what the record says", () => {
  const rows = F.atAGlanceRows({ age: "18 to 70 years", sex: "ALL", healthy_volunteers: false, pregnancy_excluded: true,
    breastfeeding_excluded: false, thresholds: [
      { text: "platelet count less than 100×10^9/L", section: "exclusion", label: "Excluded if", item: "x" },
      { text: "age at least 18 years", section: "inclusion", label: "Required", item: "y" },
      { text: "ANC at least 1.5", section: "inclusion", item: "z" }] });
  // The label is the service's (one wording, see server/explain.py THRESHOLD_LABELS); with none,
  // the card claims no more than a mention, not a requirement.
  assert.deepEqual(rows.map((r) => r.label), ["Age", "Sex", "Healthy volunteers", "Pregnancy", "Excluded if", "Required", "Mentioned"]);
  assert.deepEqual(F.atAGlanceRows({ age: null, sex: null, healthy_volunteers: null }), []);
});

test("badgeView: status words, unknown trial, stored copy", () => {
  assert.deepEqual(F.badgeView("NCT07232563", { status: "COMPLETED", status_text: "Completed", last_update_posted: "2025-11-18", stale: true }), {
    text: "Completed (as of Nov 2025)", tone: "closed", unchecked: false,
    label: "NCT07232563: Completed according to ClinicalTrials.gov, last updated 18 Nov 2025 (TrialLens's saved copy from Nov 2025)",
    from: "ClinicalTrials.gov",
  });
  assert.equal(F.badgeView("NCT07232563", null, "not_found").text, "Not found");
  assert.equal(F.badgeView("NCT07232563", null, "not_found").unchecked, false);
  // could not ask the registry (offline, unreachable): never claims the trial does not exist
  assert.equal(F.badgeView("NCT07232563", null, "not_checked").text, "? Not checked");
  assert.equal(F.badgeView("NCT07232563", null).text, "? Not checked");
  assert.equal(F.badgeView("NCT07232563", { status: "RECRUITING" }).text, "Recruiting");
  assert.equal(F.badgeView("NCT07232563", { status: "NOT_YET_RECRUITING", status_text: "not yet recruiting" }).text, "Not yet recruiting");
  // not open yet is not green (green read as "you can join now")
  assert.equal(F.badgeView("NCT07232563", { status: "NOT_YET_RECRUITING" }).tone, "unknown");
  assert.equal(F.badgeView("NCT07232563", { status: "RECRUITING" }).tone, "ok");
  assert.equal(F.badgeView("NCT07232563", { status: "NEW_STATUS", status_text: "brand new" }).text, "brand new");
});

test("badgeView: 'Not checked' is not drawn as a status; a saved copy's status carries the copy's month", () => {
  // the UI review (#14): "Not checked" read as a verdict, and a year-old copy looked as current as any other
  const unchecked = F.badgeView("NCT07232563", null, "not_checked");
  assert.deepEqual([unchecked.text, unchecked.unchecked], ["? Not checked", true]);
  assert.equal(F.badgeView("NCT07232563", { status: "RECRUITING" }).unchecked, false);
  // the month it was fetched when the service says, else the record's last update
  const copy = { status: "NOT_YET_RECRUITING", last_update_posted: "2025-11-18", stale: true };
  assert.equal(F.badgeView("NCT07232563", copy).text, "Not yet recruiting (as of Nov 2025)");
  assert.equal(F.badgeView("NCT07232563", { ...copy, fetched_at: "2026-01-02T10:00:00Z" }).text, "Not yet recruiting (as of Jan 2026)");
  assert.equal(F.badgeView("NCT07232563", { ...copy, fetched_at: "garbage" }).text, "Not yet recruiting (as of Nov 2025)");
  // no date known (fetched_at null, no last update): none made up, but still said to be a copy
  assert.equal(F.badgeView("NCT07232563", { status: "RECRUITING", stale: true, fetched_at: null }).text, "Recruiting (saved copy)");
  assert.equal(F.badgeView("NCT07232563", { ...copy, stale: false }).text, "Not yet recruiting", "a fresh status needs no date");
});

test("badgeView: a trial ClinicalTrials.gov no longer has says so, not its saved copy's status (review r19 #1)", () => {
  // GET /status for a study the registry dropped: the saved copy said "not yet recruiting", which invited waiting for it
  const gone = F.badgeView("NCT06495437", { status: "NOT_YET_RECRUITING", status_text: "not yet recruiting",
    last_update_posted: null, stale: true, stale_reason: "gone", fetched_at: null, overdue: null });
  assert.deepEqual([gone.text, gone.tone, gone.unchecked], ["No longer on ClinicalTrials.gov", "unknown", false]);
  assert.equal(gone.label, "NCT06495437: ClinicalTrials.gov no longer shows this trial (TrialLens's saved copy said "
    + "not yet recruiting); ask the study team whether it is still running");
  assert.doesNotMatch(gone.label, /according to ClinicalTrials\.gov/);
  // the copy's month when known; a recruiting copy is never green; gone outranks an overdue sign
  const dated = F.badgeView("NCT06495437", { status: "RECRUITING", stale: true, stale_reason: "gone",
    fetched_at: "2025-11-02T10:00:00Z", overdue: "end" });
  assert.equal(dated.text, "No longer on ClinicalTrials.gov");
  assert.equal(dated.tone, "unknown");
  assert.match(dated.label, /saved copy from Nov 2025 said recruiting\)/);
  // other reasons keep the copy's status with its month
  assert.equal(F.badgeView("NCT06495437", { status: "RECRUITING", stale: true, stale_reason: "unreachable", fetched_at: null }).text,
    "Recruiting (saved copy)");
});

test("checkedLine: time checked and a stale note", () => {
  const now = Date.parse("2026-01-02T10:05:00Z");
  assert.equal(F.checkedLine({ fetched_at: "2026-01-02T10:00:00Z", stale: false }, now),
    "ClinicalTrials.gov record checked 2 Jan 2026 10:00 UTC (5 minutes ago)");
  assert.match(F.checkedLine({ fetched_at: "2026-01-02T10:00:00+00:00", stale: true }, now), /^TrialLens.s saved copy of the ClinicalTrials.gov record, from 2 Jan 2026 \(.*\)\. TrialLens could not check it with ClinicalTrials.gov just now\.$/);
  assert.equal(F.checkedLine({ fetched_at: "garbage" }, now), "");
  // a saved copy nothing dates: its footer says so (it used to be the time the copy was stored: "5 minutes ago")
  const undated = { status: "NOT_YET_RECRUITING", fetched_at: null, stale: true };
  assert.equal(F.checkedLine(undated, now), "TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date. "
    + "TrialLens could not check it with ClinicalTrials.gov just now.");
  assert.equal(F.checkedLine(undated, now, true), "TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date.");
  // TrialLens's own limit of requests is said as such, not as ClinicalTrials.gov failing (review r19 #2)
  assert.match(F.checkedLine({ fetched_at: "2026-01-02T10:00:00Z", stale: true, stale_reason: "busy" }, now),
    /\. TrialLens has asked ClinicalTrials.gov too often in the last minute; try again in a minute\.$/);
  // a copy dated to the day has no "00:00 UTC"; long ago reads in months, not "526 days ago"
  assert.equal(F.checkedLine({ fetched_at: "2025-06-27T00:00:00Z", stale: false }, Date.parse("2026-12-05T10:00:00Z")),
    "ClinicalTrials.gov record checked 27 Jun 2025 (17 months ago)");
  assert.equal(F.checkedLine({ fetched_at: "2023-06-27T00:00:00Z" }, Date.parse("2026-12-05T10:00:00Z")),
    "ClinicalTrials.gov record checked 27 Jun 2023 (over 3 years ago)");
  assert.equal(F.checkedLine(null, now), "");
});

test("a demo record TrialLens rebuilt from aggregator pages is named as that, not as a saved copy (review r51 §8)", () => {
  const now = Date.parse("2026-01-02T10:05:00Z");
  const demo = { status: "RECRUITING", fetched_at: "2025-06-27T00:00:00Z", stale: true, stale_reason: "offline", reconstructed: true };
  assert.match(F.checkedLine(demo, now), /^TrialLens's demo record, rebuilt from aggregator pages \(not downloaded from ClinicalTrials.gov\), from 27 Jun 2025 \(.*\)\. This TrialLens service works offline/);
  assert.equal(F.checkedLine({ ...demo, fetched_at: null }, now, true),
    "TrialLens's demo record, rebuilt from aggregator pages (not downloaded from ClinicalTrials.gov), from an unknown date.");
  assert.deepEqual(F.recordStatus(demo), { source: "TrialLens's demo record (27 Jun 2025)", status: "Recruiting" });
  assert.equal(F.copyName(demo), "TrialLens's demo record");
  // the same record not rebuilt is a saved copy
  assert.deepEqual(F.recordStatus({ ...demo, reconstructed: false }), { source: "TrialLens's saved copy (27 Jun 2025)", status: "Recruiting" });
  assert.match(F.checkedLine({ ...demo, reconstructed: false }, now), /^TrialLens's saved copy of the ClinicalTrials.gov record, from 27 Jun 2025/);
});

test("verdictNote: the service's line under the headline is shown as given; the card does not make one up", () => {
  const overdue = { about: "registry", severity: "warning", kind: "registry_overdue" };
  const note = "What this page says matches the official record, but the record itself may be out of date.";
  assert.equal(F.verdictNote({ verdict: "in_sync", findings: [overdue], note }), note);
  assert.equal(F.verdictNote({ verdict: "in_sync", findings: [overdue] }), null);
  assert.equal(F.verdictNote({ verdict: "in_sync", findings: [], note: "  " }), null);
  assert.equal(F.verdictNote({ verdict: "in_sync", findings: [], note: { html: "<b>x</b>" } }), null);
  assert.equal(F.verdictNote(null), null);
});

test("powersOfTen: the caret becomes a superscript, the figure unchanged", () => {
  assert.equal(F.powersOfTen("platelet count less than 100×10^9/L"), "platelet count less than 100×10\u2079/L");
  assert.equal(F.powersOfTen("ANC at least 1.5 x 10^12/L"), "ANC at least 1.5 x 10\u00b9\u00b2/L");
  assert.equal(F.powersOfTen("no power here: 2^3"), "no power here: 2^3");
  const rows = F.atAGlanceRows({ thresholds: [{ text: "platelet count less than 100×10^9/L", label: "Excluded if" }] });
  assert.equal(rows[0].value, "platelet count less than 100×10\u2079/L");
});

test("verdictView: 'Try again' only where asking ClinicalTrials.gov again may change the answer", () => {
  const view = (reason) => F.verdictView({ verdict: "could_not_check", headline: "Could not check this page", reason });
  assert.equal(view("official_unavailable").retry, true);
  assert.equal(view("record_not_current").retry, true);
  assert.equal(view(undefined).retry, true);   // an older service without a reason
  assert.equal(view("unrecognized_wording").retry, false);
  assert.equal(view("nothing_to_compare").retry, false);
  assert.equal(view("not_asked").retry, false);   // a service that works offline never asks: the same answer again
  assert.equal(F.verdictView({ verdict: "in_sync" }).retry, false);
  assert.equal(F.verdictView({ verdict: "differs" }).retry, false);
});

test("one icon per meaning on every card: ? not checked, ! a problem with the page, ✕ an alert", () => {
  const icon = (v) => [v.tone, v.icon];
  assert.deepEqual(icon(F.verdictView({ verdict: "in_sync" })), ["ok", "\u2713"]);
  assert.deepEqual(icon(F.verdictView({ verdict: "out_of_date" })), ["warn", "!"]);
  assert.deepEqual(icon(F.verdictView({ verdict: "differs" })), ["warn", "!"]);
  assert.deepEqual(icon(F.verdictView({ verdict: "not_recruiting" })), ["alert", "\u2715"]);
  for (const reason of ["official_unavailable", "record_not_current", "unrecognized_wording", "nothing_to_compare"]) {
    assert.deepEqual(icon(F.verdictView({ verdict: "could_not_check", reason })), ["unknown", "?"], reason);
  }
  for (const caveat of ["stored_copy", "little_compared"]) {
    assert.deepEqual(icon(F.verdictView({ verdict: "in_sync", caveat })), ["unknown", "?"], caveat);
  }
  // "This trial may have ended": the page is right, but the reader has something to do
  assert.deepEqual(icon(F.verdictView({ verdict: "in_sync", caveat: "record_overdue" })), ["warn", "!"]);
  // failure cards: nothing was checked ("?"), except a number ClinicalTrials.gov does not know: the page's problem
  for (const state of ["unreachable", "registry_unavailable", "error", "busy", "unauthorized", "bad_message"]) {
    assert.deepEqual(icon(F.failureView({ state })), ["unknown", "?"], state);
  }
  assert.deepEqual(icon(F.failureView({ state: "unknown" })), ["warn", "!"]);
  // no service set (Firefox for Android, nothing saved): nothing was checked; the folded pill says why in a word
  assert.deepEqual(icon(F.failureView({ state: "no_service" })), ["unknown", "?"]);
  assert.equal(F.failureView({ state: "no_service" }).short, "Not set up");
  assert.equal(F.failureView({ state: "unreachable" }).short, "Not working");
  assert.equal(F.failureView({ state: "busy" }).short, "");
});

test("the record's status line says when it comes from a saved copy, and from when", () => {
  assert.equal(F.recordStatusLine({ status: "RECRUITING", stale: false }), "ClinicalTrials.gov: Recruiting");
  assert.equal(F.recordStatusLine({ status: "NOT_YET_RECRUITING", stale: true, fetched_at: "2025-11-18T00:00:00Z" }),
    "TrialLens's saved copy (18 Nov 2025): Not yet recruiting");
  // a copy nothing dates (the service sends fetched_at null): "date unknown", never a made-up day or none said
  assert.equal(F.recordStatusLine({ status: "COMPLETED", stale: true, fetched_at: null }), "TrialLens's saved copy (date unknown): Completed");
  assert.equal(F.recordStatusLine({ status: "COMPLETED", stale: true, fetched_at: "garbage" }), "TrialLens's saved copy (date unknown): Completed");
  assert.equal(F.recordStatusLine(null), "");
  assert.equal(F.recordStatusLine({ status: null }), "");
});

test("atAGlanceRows explains the terms a limit uses, and only those in its text", () => {
  const rows = F.atAGlanceRows({ thresholds: [
    { text: "Post-stroke ASPECTS score at least 6", label: "Required", glossary: [
      { term: "ASPECTS", meaning: "Alberta Stroke Program Early CT Score: a score of early stroke damage on a CT scan." },
      { term: "NIHSS", meaning: "a stroke severity score" }] },
    { text: "platelet count less than 100×10^9/L", label: "Excluded if" }] });
  assert.deepEqual(rows[0].glossary, [{ term: "ASPECTS",
    meaning: "Alberta Stroke Program Early CT Score: a score of early stroke damage on a CT scan." }]);
  assert.deepEqual(rows[1].glossary, []);
});

test("isOfficialSite: ClinicalTrials.gov itself, not look-alikes", () => {
  for (const h of ["clinicaltrials.gov", "www.clinicaltrials.gov", "ClinicalTrials.gov", "clinicaltrials.gov."]) assert.equal(F.isOfficialSite(h), true, h);
  for (const h of ["meddatax.com", "clinicaltrials.gov.evil.example", "evilclinicaltrials.gov", "beta.clinicaltrials.gov.example", "", null]) {
    assert.equal(F.isOfficialSite(h), false, String(h));
  }
  assert.deepEqual([F.OFFICIAL_SITE_VIEW.headline, F.OFFICIAL_SITE_VIEW.tone, F.OFFICIAL_SITE_VIEW.icon], ["This is the official record", "info", "i"]);
});

test("an overdue record's caveat makes a could-not-check card amber too", () => {
  const view = F.verdictView({ verdict: "could_not_check", reason: "nothing_to_compare", caveat: "record_overdue",
    headline: "This trial may have ended: check with the study team" });
  assert.deepEqual([view.tone, view.icon], ["warn", "!"]);
  // other caveats stay with in-sync verdicts
  assert.equal(F.verdictView({ verdict: "could_not_check", reason: "nothing_to_compare", caveat: "stored_copy" }).tone, "unknown");
});

test("badgeView: a record past its planned start or end is a question, not a status", () => {
  const start = F.badgeView("NCT07232563", { status: "NOT_YET_RECRUITING", stale: true, overdue: "start" });
  // (drawn as a question, but checked: never "not checked"; review r56 F2, badge_r56.test.js)
  assert.deepEqual([start.text, start.tone, start.unchecked, start.question], ["? May have opened", "warn", false, true]);
  assert.match(start.label, /planned start has passed/);
  assert.equal(F.badgeView("NCT06427642", { status: "RECRUITING", overdue: "end" }).text, "? May have ended");
  assert.equal(F.badgeView("NCT06427642", { status: "RECRUITING", overdue: null }).text, "Recruiting");
});

test("checkedLine: a saved copy's footer does not repeat what the note already says", () => {
  const now = Date.parse("2026-12-05T12:00:00Z");
  const copy = { fetched_at: "2025-06-27T00:00:00Z", stale: true };
  assert.match(F.checkedLine(copy, now), /could not check it with ClinicalTrials\.gov just now\.$/);
  assert.equal(F.checkedLine(copy, now, true), "TrialLens's saved copy of the ClinicalTrials.gov record, from 27 Jun 2025 (17 months ago).");
});

test("checkedLine: a saved copy's footer says why by stale_reason, never 'just now' for a service that never asks", () => {
  const now = Date.parse("2026-01-03T10:00:00Z");
  const copy = { status: "RECRUITING", fetched_at: "2025-06-27T00:00:00Z", stale: true };
  assert.match(F.checkedLine({ ...copy, stale_reason: "offline" }, now),
    /from 27 Jun 2025 \(.*\)\. This TrialLens service works offline and did not ask ClinicalTrials\.gov\.$/);
  assert.match(F.checkedLine({ ...copy, stale_reason: "gone" }, now), /\. ClinicalTrials\.gov no longer shows this trial\.$/);
  assert.match(F.checkedLine({ ...copy, stale_reason: "unreachable" }, now), /could not check it with ClinicalTrials\.gov just now\.$/);
  assert.match(F.checkedLine(copy, now), /could not check it with ClinicalTrials\.gov just now\.$/, "an older service: as before");
});

test("relatedView: a related trial's status from an old saved copy says its month and is never green", () => {
  const now = Date.parse("2026-12-05T12:00:00Z");
  const t = { nct_id: "NCT02580019", title: "T", status: "RECRUITING" };
  const old = F.relatedView({ ...t, status_as_of: "2025-11-18T00:00:00Z" }, now);
  assert.deepEqual([old.status, old.tone], ["Recruiting (as of Nov 2025)", "unknown"]);
  const undated = F.relatedView({ ...t, status_as_of: null }, now);
  assert.deepEqual([undated.status, undated.tone], ["Recruiting (saved copy)", "unknown"]);
  const fresh = F.relatedView({ ...t, status_as_of: "2026-12-05T08:00:00Z" }, now);
  assert.deepEqual([fresh.status, fresh.tone], ["Recruiting", "ok"]);
  assert.equal(F.relatedView(t, now).status, "Recruiting", "a service that does not send status_as_of: as before");
});

test("relatedView: a status long unconfirmed says since when, not the copy's month, and is never green", () => {
  // review r35 §7: "Recruiting (as of Sep 2024)" read as confirmed then; the sponsor last confirmed it in Mar 2018
  const now = Date.parse("2026-12-05T12:00:00Z");
  const t = { nct_id: "NCT03466619", title: "T", status: "RECRUITING", status_as_of: "2024-09-10T00:00:00Z" };
  const stale = F.relatedView({ ...t, unconfirmed_since: "2018-03" }, now);
  assert.deepEqual([stale.status, stale.tone], ["Recruiting (status last confirmed Mar 2018)", "unknown"]);
  const ended = F.relatedView({ ...t, unconfirmed_since: "2018-03-15", overdue: "end" }, now);
  assert.equal(ended.status, "Recruiting (status last confirmed Mar 2018), though its planned end has passed");
  const fresh = F.relatedView({ ...t, status_as_of: "2026-12-05T08:00:00Z", unconfirmed_since: "2018-03" }, now);
  assert.deepEqual([fresh.status, fresh.tone], ["Recruiting (status last confirmed Mar 2018)", "unknown"]);
  assert.equal(F.relatedView({ ...t, unconfirmed_since: null }, now).status, "Recruiting (as of Sep 2024)");
  assert.equal(F.relatedView({ ...t, unconfirmed_since: "<b>" }, now).status, "Recruiting (as of Sep 2024)");
});

test("relatedView: a related trial past its planned end reads as a listing's badge, by invitation is never open to all", () => {
  // review r16 §4: "Recruiting (as of Oct 2025)" for trials whose planned end had passed; "Enrolling by invitation" green
  const now = Date.parse("2026-12-05T12:00:00Z");
  const t = { nct_id: "NCT02580019", title: "T", status: "RECRUITING", status_as_of: "2026-12-05T08:00:00Z" };
  const ended = F.relatedView({ ...t, overdue: "end" }, now);
  assert.deepEqual([ended.status, ended.tone], ["Recruiting, though its planned end has passed", "unknown"]);
  const opened = F.relatedView({ ...t, status: "NOT_YET_RECRUITING", overdue: "start" }, now);
  assert.deepEqual([opened.status, opened.tone], ["Not yet recruiting, though its planned start has passed", "unknown"]);
  // the copy's date is kept, and no "?" (a screen reader said "question mark"; review r17)
  const oldOpened = F.relatedView({ ...t, status: "NOT_YET_RECRUITING", overdue: "start", status_as_of: "2025-10-01T00:00:00Z" }, now);
  assert.equal(oldOpened.status, "Not yet recruiting (as of Oct 2025), though its planned start has passed");
  const invited = F.relatedView({ ...t, status: "ENROLLING_BY_INVITATION", overdue: null }, now);
  assert.deepEqual([invited.status, invited.tone], ["By invitation only", "unknown"]);
  const oldInvite = F.relatedView({ ...t, status: "ENROLLING_BY_INVITATION", status_as_of: "2025-10-01T00:00:00Z" }, now);
  assert.equal(oldInvite.status, "By invitation only (as of Oct 2025)");
  assert.deepEqual([F.relatedView(t, now).status, F.relatedView(t, now).tone], ["Recruiting", "ok"]);
});

test("relatedView: an expanded-access record is not a trial: never 'Available', never green (review r16 §9)", () => {
  const now = Date.parse("2026-12-05T12:00:00Z");
  const t = { nct_id: "NCT03133988", title: "T", status: "AVAILABLE", study_type: "EXPANDED_ACCESS", status_as_of: "2026-12-05T08:00:00Z" };
  const v = F.relatedView(t, now);
  assert.deepEqual([v.status, v.tone], ["Expanded access (not a trial)", "unknown"]);
  // (a service that does not send study_type: the status alone says it)
  assert.equal(F.relatedView({ ...t, study_type: undefined }, now).status, "Expanded access (not a trial)");
  assert.equal(F.relatedView({ ...t, status: "NO_LONGER_AVAILABLE" }, now).status,
    "Expanded access (not a trial): no longer available");
  assert.equal(F.relatedView({ ...t, status_as_of: "2025-10-01T00:00:00Z" }, now).status,
    "Expanded access (not a trial) (as of Oct 2025)");
});

test("relatedView: who a related trial takes and where it runs are the service's words, strings only", () => {
  const v = F.relatedView({ nct_id: "NCT02580019", who: "Babies 1–28 days · Female only", where: "United States, Canada" });
  assert.deepEqual([v.who, v.where], ["Babies 1–28 days · Female only", "United States, Canada"]);
  const none = F.relatedView({ nct_id: "NCT02580019", who: null, where: ["Japan"] });
  assert.deepEqual([none.who, none.where], ["", ""]);
});

test("relatedView beside the trial being read: no who-line where a trial takes the same ages and sex; 'no limit' said where it has none", () => {
  const Y = (n) => ({ value: n, unit: "YEARS", text: `${n} Years` });
  const reading = { age: "18 years and older", min_age: Y(18), max_age: null, sex: "ALL" };   // (criteria.at_a_glance)
  const adult = { nct_id: "NCT02580019", min_age: { value: 18, unit: "YEARS", text: "18 Years" }, max_age: null, sex: "ALL", who: "Ages 18 and older" };
  const same = F.relatedView(adult, Date.now(), reading);
  assert.deepEqual([same.who, same.sameWho], ["", true], "review r16: \"Ages 18 and older\" beside an 18+ trial says nothing new");
  // not the same: another age, a maximum, one sex only, months for years
  for (const other of [{ min_age: Y(21) }, { max_age: Y(65), who: "Ages 18–65" }, { sex: "FEMALE", who: "Ages 18 and older · Female only" },
    { min_age: { value: 18, unit: "MONTHS", text: "18 Months" }, who: "Ages 18 months and older" }]) {
    const v = F.relatedView({ ...adult, ...other }, Date.now(), reading);
    assert.deepEqual([v.who, v.sameWho], [other.who || adult.who, false], JSON.stringify(other));
  }
  // a minimum of 0 is no limit (as the service's who-line reads it); a women-only trial beside a women-only one
  assert.equal(F.relatedView({ ...adult, who: null, min_age: { value: 0, unit: "YEARS" } }, Date.now(), { ...reading, min_age: null }).who, "");
  assert.equal(F.relatedView({ ...adult, sex: "FEMALE", who: "Ages 18 and older · Female only" }, Date.now(), { ...reading, sex: "FEMALE" }).who, "");
  // a trial with no limit beside one with limits: said, or its missing line would read as "the same"
  assert.equal(F.relatedView({ ...adult, min_age: null, who: null }, Date.now(), reading).who, F.RELATED_NO_LIMIT);
  // either side not known (an older service, a record without criteria): the service's line as it is, or none
  assert.equal(F.relatedView({ nct_id: "NCT02580019", who: "Ages 18 and older" }, Date.now(), reading).who, "Ages 18 and older");
  assert.equal(F.relatedView(adult, Date.now(), null).who, "Ages 18 and older");
  assert.equal(F.relatedView(adult, Date.now(), { age: "18 years and older" }).who, "Ages 18 and older");
  assert.equal(F.relatedView({ ...adult, min_age: null, who: null }, Date.now(), null).who, "");
});

test("the pregnancy row says a plan to become pregnant during the study (plain10)", () => {
  const label = (g) => F.atAGlanceRows(g).filter((r) => r.label === "Pregnancy").map((r) => r.value);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true }),
    ["Excluded, also if planning a pregnancy during the study"]);
  assert.deepEqual(label({ pregnancy_excluded: false, pregnancy_plan_excluded: true }),
    ["Excluded if planning a pregnancy during the study"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: false }), ["Excluded"]);
  assert.deepEqual(label({ pregnancy_excluded: true }), ["Excluded"]);
  assert.deepEqual(label({ pregnancy_excluded: false, pregnancy_plan_excluded: false }), []);
  // a rule only some of the study's groups state (glance9); never over the study's own rule, nor from a key not true
  assert.deepEqual(label({ pregnancy_excluded: false, pregnancy_excluded_some_groups: true }),
    ["Excluded in some of the study's groups (the full list says which)"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_excluded_some_groups: true }), ["Excluded"]);
  assert.deepEqual(label({ pregnancy_excluded: false, pregnancy_excluded_some_groups: "yes" }), []);
  // a plan to father a child (plain11)
  assert.deepEqual(label({ pregnancy_excluded: false, fathering_plan_excluded: true }),
    ["Excluded if planning to father a child during the study"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, fathering_plan_excluded: true }),
    ["Excluded, also if planning a pregnancy or to father a child during the study"]);
  assert.deepEqual(label({ pregnancy_excluded: true, fathering_plan_excluded: true }),
    ["Excluded, also if planning to father a child during the study"]);
  // a span past the study the service read exactly (plain14: the row said only "Excluded")
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, fathering_plan_excluded: true,
    pregnancy_plan_until: "120 days after the last dose" }),
  ["Excluded, also if planning a pregnancy or to father a child during the study and up to 120 days after the last dose"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, pregnancy_plan_until: null }),
    ["Excluded, also if planning a pregnancy during the study"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, pregnancy_plan_until: 120 }),
    ["Excluded, also if planning a pregnancy during the study"]);
  // a plan the record rules out with no time said: no time in the row (review r49 F8); only a true key drops it
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, pregnancy_plan_any_time: true }),
    ["Excluded, also if planning a pregnancy"]);
  assert.deepEqual(label({ pregnancy_excluded: false, fathering_plan_excluded: true, pregnancy_plan_any_time: true }),
    ["Excluded if planning to father a child"]);
  assert.deepEqual(label({ pregnancy_excluded: true, pregnancy_plan_excluded: true, pregnancy_plan_any_time: "yes" }),
    ["Excluded, also if planning a pregnancy during the study"]);
});

test("the sex and healthy-volunteer rows say both sides where the record disagrees with itself (glance10)", () => {
  const row = (g, label) => F.atAGlanceRows(g).filter((r) => r.label === label).map((r) => r.value);
  // NCT00003455: the field says ALL, its criteria "Sex: Female"
  assert.deepEqual(row({ sex: "ALL", sex_in_criteria: "FEMALE" }, "Sex"),
    ["The record disagrees with itself: All in its summary, female only in its criteria"]);
  assert.deepEqual(row({ sex: "MALE", sex_in_criteria: "ALL" }, "Sex"),
    ["The record disagrees with itself: Male only in its summary, male or female in its criteria"]);
  // agreeing, absent (an older service) or not one of the three: the field as before
  assert.deepEqual(row({ sex: "FEMALE", sex_in_criteria: "FEMALE" }, "Sex"), ["Female only"]);
  assert.deepEqual(row({ sex: "ALL" }, "Sex"), ["All"]);
  assert.deepEqual(row({ sex: "ALL", sex_in_criteria: "toString" }, "Sex"), ["All"]);
  // NCT00001922: "Not accepted" in the field, "INCLUSION CRITERIA - Normal Volunteers" in its criteria
  assert.deepEqual(row({ sex: "ALL", healthy_volunteers: false, healthy_volunteers_in_criteria: true }, "Healthy volunteers"),
    ["The record disagrees with itself: not accepted in its summary, but its criteria name healthy volunteers or controls"]);
  assert.deepEqual(row({ sex: "ALL", healthy_volunteers: true, healthy_volunteers_in_criteria: true }, "Healthy volunteers"), ["Accepted"]);
  assert.deepEqual(row({ sex: "ALL", healthy_volunteers: false, healthy_volunteers_in_criteria: "yes" }, "Healthy volunteers"), ["Not accepted"]);
});

test("the breastfeeding row says a rule only some of the study's groups state (glance10)", () => {
  const row = (g) => F.atAGlanceRows(g).filter((r) => r.label === "Breastfeeding").map((r) => r.value);
  assert.deepEqual(row({ breastfeeding_excluded: false, breastfeeding_excluded_some_groups: true }),
    ["Excluded in some of the study's groups (the full list says which)"]);
  assert.deepEqual(row({ breastfeeding_excluded: true, breastfeeding_excluded_some_groups: true }), ["Excluded"]);
  assert.deepEqual(row({ breastfeeding_excluded: false, breastfeeding_excluded_some_groups: "yes" }), []);
  assert.deepEqual(row({ breastfeeding_excluded: false }), []);
});

test("verdictView: a closed trial on a page showing no status is amber and opens, never the green tick (r56 F1)", () => {
  const drift = { verdict: "in_sync", caveat: "record_closed", headline: "ClinicalTrials.gov says this trial is not recruiting", findings: [] };
  const view = F.verdictView(drift);
  assert.deepEqual([view.tone, view.icon, view.short], ["warn", "!", ""]);
  // (a page with nothing else to compare: could_not_check, the same caveat, the same amber)
  assert.equal(F.verdictView({ ...drift, verdict: "could_not_check", reason: "nothing_to_compare" }).tone, "warn");
});
