/* TrialLens: finding NCT ids and deciding what kind of page this is.
 *
 * Pure functions (no DOM, no browser APIs) so they run in the content script and under
 * `node --test` alike. Loaded as a classic script: attaches to globalThis.TrialLens in the
 * browser, and to module.exports under Node.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  // An NCT id is "NCT" and exactly eight digits; word boundaries keep "NCT012345678" out.
  const NCT_SOURCE = "\\bNCT\\d{8}\\b";

  /** A fresh global, case-insensitive regex (callers iterate it, so never share state). */
  function nctRegex() {
    return new RegExp(NCT_SOURCE, "gi");
  }

  /** Every NCT id in `text`, upper-cased, in order of first appearance, without repeats. */
  function findNctIds(text) {
    const seen = new Set();
    if (typeof text !== "string" || !text) return [];
    for (const m of text.matchAll(nctRegex())) seen.add(m[0].toUpperCase());
    return [...seen];
  }

  /** Occurrences of NCT ids in `text` with their offsets: [{id, start, end}]. */
  function nctOccurrences(text) {
    if (typeof text !== "string" || !text) return [];
    return [...text.matchAll(nctRegex())].map((m) => ({
      id: m[0].toUpperCase(),
      start: m.index,
      end: m.index + m[0].length,
    }));
  }

  function isNctId(value) {
    return typeof value === "string" && /^NCT\d{8}$/.test(value);
  }

  /** NCT ids in a URL's path and query (not its host). */
  function nctIdsInUrl(url) {
    try {
      const u = new URL(url);
      return findNctIds(decodeURIComponent(u.pathname + " " + u.search));
    } catch (_) {
      return [];
    }
  }

  // Labels sites put before a trial's own id ("NCT ID:", "NCT Number", "ClinicalTrials.gov ID", …).
  const LABEL = /(?:\bNCT\s*(?:ID|Number|No\.?)|ClinicalTrials\.gov\s*(?:ID|Identifier|Number|Registration)|\b(?:Trial|Study)\s*(?:ID|Identifier)|\bIdentifier)\s*[:#]?\s*$/i;

  /** True when `before` (the text just before an NCT id) ends with a label naming the page's own trial. */
  function isLabelled(before) {
    return LABEL.test(String(before || "").slice(-60));
  }

  /**
   * What to do on a page.
   *   {kind: "trial", nctId}  one trial's page: send it to the service for an annotation card
   *   {kind: "listing", ids}  several trials (search results): one batched status request, badges
   *   {kind: "none"}          no NCT id anywhere: do nothing
   * A trial page usually also names related trials, so the strongest signals win, in order: the id in
   * the URL or the canonical URL, in the headline, after an "NCT ID:"-style label, the one record the
   * page links to on ClinicalTrials.gov, or an id that dominates the page (at least twice as often as
   * any other). `facts`: {url, canonical, heading: h1 + title text, bodyIds: ids in the visible text,
   * in order (repeats kept), labelledIds: ids that follow such a label, registryLinkIds: ids in links
   * to clinicaltrials.gov}.
   */
  function classifyPage(facts) {
    for (const source of [facts.url, facts.canonical]) {
      const urlIds = nctIdsInUrl(source || "");
      if (urlIds.length === 1) return { kind: "trial", nctId: urlIds[0] };
    }
    const headingIds = findNctIds(facts.heading || "");
    if (headingIds.length === 1) return { kind: "trial", nctId: headingIds[0] };
    const unique = (list) => [...new Set((list || []).map((s) => String(s).toUpperCase()).filter(isNctId))];
    const labelled = unique(facts.labelledIds);
    if (labelled.length === 1) return { kind: "trial", nctId: labelled[0] };
    // "View on ClinicalTrials.gov": a page that shows no other id and links to exactly one registry
    // record is that trial's page (search pages link to many, or show their ids).
    const linked = unique(facts.registryLinkIds);
    const all = (facts.bodyIds || []).map((s) => String(s).toUpperCase()).filter(isNctId);
    const shown = unique(all);
    if (linked.length === 1 && (shown.length === 0 || (shown.length === 1 && shown[0] === linked[0]))) {
      return { kind: "trial", nctId: linked[0] };
    }
    const counts = new Map();
    for (const id of all) counts.set(id, (counts.get(id) || 0) + 1);
    const ids = [...counts.keys()];
    if (ids.length === 0) return { kind: "none" };
    if (ids.length === 1) return { kind: "trial", nctId: ids[0] };
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked[0][1] >= 3 && ranked[0][1] >= 2 * ranked[1][1]) return { kind: "trial", nctId: ranked[0][0] };
    return { kind: "listing", ids };
  }

  /** "www.meddatax.com" -> "meddatax.com" when that is a supported host; null when unsupported. */
  function siteOf(hostname, supportedHosts) {
    let host = String(hostname || "").toLowerCase().replace(/\.$/, "");
    while (host) {
      if (supportedHosts.includes(host)) return host;
      const dot = host.indexOf(".");
      if (dot < 0 || host.indexOf(".", dot + 1) < 0) return null;
      host = host.slice(dot + 1);
    }
    return null;
  }

  /** The hosts named by manifest match patterns ("*://*.meddatax.com/*" -> "meddatax.com"). */
  function hostsFromMatches(matches) {
    const hosts = new Set();
    for (const pattern of matches || []) {
      const m = /^[^:]+:\/\/(?:\*\.)?([^/]+)\//.exec(pattern);
      if (m && m[1] !== "*") hosts.add(m[1].toLowerCase());
    }
    return [...hosts].sort();
  }

  return { NCT_SOURCE, nctRegex, findNctIds, nctOccurrences, isNctId, nctIdsInUrl, isLabelled, classifyPage, siteOf, hostsFromMatches };
});
