/* TrialLens: one finding as the card shows it, its value rows in words: "This page" beside "ClinicalTrials.gov" (or
 * the saved copy), each value said as the finding's sentence says it: a date as started, ended or planned by its type
 * in the record, phases and study types in words, counts with what they count.
 *
 * Pure functions, as in format.js, whose formatValue, formatDate, copyDate and LIST_WORDS they use: loaded after it in
 * the browser, required from it under Node. Apart from format.js because a value row's wording is a concern of its own.
 */
(function (root, factory) {
  const api = factory(root.TrialLens || (typeof require === "function" ? require("./format.js") : {}));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function (format) {
  "use strict";
  const { formatValue, formatDate, copyDate, LIST_WORDS } = format;

  const OFFICIAL_WHAT = { status_verified: "status last confirmed", as_of: "last updated" };
  // a date row by its type in the record (the finding's evidence.official_dates): an ACTUAL date happened, only an
  // ESTIMATED one is planned ("planned end 14 Mar 2019" for a trial completed then read as not ended; review r60 #7)
  const DATE_WHAT = { start_date: { ACTUAL: "started", ESTIMATED: "planned start", "": "start date" },
    completion_date: { ACTUAL: "ended", ESTIMATED: "planned end", "": "end date" } };
  // phases and study types in words, as the findings' sentences say them ("PHASE3" -> "phase 3")
  const PHASE_WORDS = { EARLY_PHASE1: "early phase 1", PHASE1: "phase 1", PHASE2: "phase 2", PHASE3: "phase 3", PHASE4: "phase 4",
    NA: "no phase given" };
  const STUDY_TYPE_WORDS = { INTERVENTIONAL: "interventional study", OBSERVATIONAL: "observational study",
    EXPANDED_ACCESS: "expanded access" };

  /** The type (ACTUAL, ESTIMATED, or "" unknown) the record gives the date `value` of a date finding. */
  function dateType(finding, value) {
    const dates = finding.evidence && Array.isArray(finding.evidence.official_dates) ? finding.evidence.official_dates : [];
    const types = new Set(dates.filter((d) => d && d.date === value).map((d) => d.type));
    return types.size === 1 && (types.has("ACTUAL") || types.has("ESTIMATED")) ? [...types][0] : "";
  }

  /** A value of field `field` in words: phases and study types as the sentences say them; else formatValue. */
  function fieldValue(field, value) {
    const words = field === "phases" ? PHASE_WORDS : field === "study_type" ? STUDY_TYPE_WORDS : null;
    if (!words) return formatValue(value);
    const list = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string" && v);
    // (a code we do not know is shown as given, never guessed)
    return list.map((v) => words[v] || v).join(field === "phases" ? "/" : ", ");
  }

  /** An enrollment count with its unit ("300 participants (planned)" for an ESTIMATED one, as the sentence says it). */
  function withCount(f, value, type) {
    if (f.field !== "enrollment" || !/^\d+$/.test(value)) return value;
    return `${value} participant${value === "1" ? "" : "s"}${type === "ESTIMATED" ? " (planned)" : ""}`;
  }

  /**
   * One finding as the card shows it: the sentence, and both sides with their dates.
   * rows: [{label, value, date}] with "This page" and "ClinicalTrials.gov" (from a saved copy that could not be
   * refreshed, "Saved copy", with "as of 18 Nov 2025" as its date); a side without a value is left out.
   */
  function findingView(finding, annotation) {
    const f = finding || {};
    const page = (annotation && annotation.page) || {};
    const official = (annotation && annotation.official) || {};
    const rows = [];
    const pageValue = withCount(f, fieldValue(f.field, f.page_value), "");
    if (pageValue) {
      const asOf = page.as_of ? `as of ${formatDate(page.as_of)}` : "";
      rows.push({ label: "This page", value: pageValue, date: f.field === "as_of" ? "" : asOf });
    }
    // a record overdue to open: its row gives the planned start that passed, as one overdue to end gives the planned
    // end (review round 7: "Not yet recruiting" there said again what the sentence says, without the date)
    const startPassed = f.kind === "registry_overdue" && f.field === "status" && f.evidence && f.evidence.start_date
      ? formatDate(f.evidence.start_date) : "";
    const officialValue = startPassed ? `planned start ${startPassed}`
      : withCount(f, fieldValue(f.field, f.official_value), f.evidence && f.evidence.official_enrollment_type);
    if (officialValue) {
      const posted = official.last_update_posted ? `updated ${formatDate(official.last_update_posted)}` : "";
      const dateless = f.field === "as_of" || f.field === "completion_date" || f.field === "status_verified" || Boolean(startPassed);
      // a bare "Jun 2025" or "27" does not say what it is: the planned end? the last confirmation? a count?
      // (a record overdue to end or open: its date is one that was planned and has passed)
      const what = DATE_WHAT[f.field]
        ? DATE_WHAT[f.field][dateType(f, f.official_value) || (f.kind === "registry_overdue" ? "ESTIMATED" : "")]
        : OFFICIAL_WHAT[f.field];
      const count = LIST_WORDS[f.field] && /^\d+$/.test(officialValue) ? LIST_WORDS[f.field] : null;
      const value = count ? `${officialValue} ${count[officialValue === "1" ? 0 : 1]}`
        : what && !startPassed ? `${what} ${officialValue}` : officialValue;
      // a copy TrialLens could not refresh is not what ClinicalTrials.gov says today: the row says whose word it is
      // (the copy's date with the value, not in the label: a long label squeezed every value into a narrow column)
      const day = official.stale ? copyDate(official) : "";
      // (a demo record TrialLens rebuilt from aggregator pages is not a saved copy of ClinicalTrials.gov's: copyName)
      const label = official.reconstructed ? "Demo record" : official.stale ? "Saved copy" : "ClinicalTrials.gov";
      rows.push({ label, value, date: dateless ? "" : day ? `as of ${day}` : posted });
    }
    const severity = ["critical", "warning", "info"].includes(f.severity) ? f.severity : "info";
    return {
      severity,
      about: f.about === "registry" ? "registry" : "page",
      field: typeof f.field === "string" ? f.field : "",
      message: typeof f.message === "string" ? f.message : "",
      rows,
    };
  }

  return { findingView };
});
