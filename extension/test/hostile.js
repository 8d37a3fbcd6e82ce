"use strict";
// An annotation whose every string is hostile markup or script: the card and the content script must show it as text.

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const HOSTILE = {
  nct_id: "NCT07232563",
  page: { as_of: "2025-06-01" },
  official: { nct_id: "NCT07232563", status: "COMPLETED", last_update_posted: "2025-11-18", fetched_at: "2026-01-02T10:00:00Z", stale: false,
    url: "javascript:window.__pwned=3" },
  drift: {
    state: "drifted", verdict: "not_recruiting", headline: "ClinicalTrials.gov says this trial is not recruiting",
    findings: [{ kind: "status_drift", severity: "critical", field: "status", page_value: `Recruiting ${XSS}`,
      official_value: "COMPLETED", message: `This page says ${XSS}`, evidence: {}, about: "page" }],
  },
  criteria: {
    headings: { inclusion: `You may be able to join if… ${XSS}`, exclusion: "You cannot join if…" },
    at_a_glance: { age: `18 to 70 years ${XSS}`, sex: "ALL", healthy_volunteers: false, pregnancy_excluded: true, breastfeeding_excluded: false, thresholds: [] },
    inclusion: [{ original: `Age >= 18 ${XSS}`, shown: `You are 18 or older, <b>ECOG</b> 0 ${XSS}`, rewritten: true, glossary: [{ term: "<b>ECOG</b>", meaning: XSS }], children: [] }],
    exclusion: [], unplaced: [],
  },
  related: [{ nct_id: "NCT02580019", title: `Other trial ${XSS}`, status: "RECRUITING", phases: ["PHASE1"], score: 1, why: XSS, url: "javascript:window.__pwned=4",
    who: XSS, where: XSS }],
  generated_at: "2026-01-02T10:00:01Z",
};

module.exports = { XSS, HOSTILE };
