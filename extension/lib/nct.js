/* TrialLens: finding NCT ids and deciding what kind of page this is.
 *
 * Pure functions (no DOM, no browser APIs: the scripting API the background worker's syncSiteOn uses is passed in)
 * so they run in the content script, the background worker and under `node --test` alike. Loaded as a classic script: attaches to globalThis.TrialLens in the
 * browser, and to module.exports under Node.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  // An NCT id as the service reads it (scrapers/nct.py _LOOSE, after scrapers/sites/_lines.py clean()):
  // "NCT07232563", "nct07232563", "NCT 0723 2563", "NCT-07232563", "NCT\u200b07232563" (invisible
  // characters dropped, runs of spaces of any kind read as one), digits of any script ("NCT０７２３２５６３")
  // read as ASCII digits, fullwidth letters and signs ("ＮＣＴ：０７２３２５６３", CJK input) as ASCII (scrapers/nct.py
  // fold_wide); not preceded by a letter or digit, not followed by a digit. The shared table
  // extension/test/nct_text_cases.json is checked against both this file (node) and the service (pytest).
  // Python's str.isspace() characters (what clean() collapses and `\s` in _LOOSE matches); JS `\s` lacks \x1c-\x1f, \x85
  const WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/; // scrapers/sites/_lines.py _INVISIBLE_RE
  const IS_WS = new RegExp(`[${WS}]`);
  // (the look-behind: ASCII letters and digits, and what Python's re.I also folds onto them: ſ ı İ and the Kelvin sign)
  const LOOSE = new RegExp(`(?<![A-Za-z0-9\\u017f\\u0131\\u0130\\u212a])[Nn][Cc][Tt][${WS}\\-_:#]{0,2}(\\p{Nd}{4})[${WS}]?(\\p{Nd}{4})(?!\\p{Nd})`, "gu");
  const HAS_NCT = /[nＮｎ][\u00ad\u200b-\u200d\u2060\ufeff]*[cＣｃ][\u00ad\u200b-\u200d\u2060\ufeff]*[tＴｔ]/i;
  const WIDE = /[\uff01-\uff5e]/; // fullwidth ASCII (U+FF01-FF5E): one UTF-16 unit each, as its ASCII character is

  /** A fullwidth ASCII form as its ASCII character (what NFKC does to these and only these); any other as it is. */
  function foldWide(ch) {
    return WIDE.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch;
  }

  /** The ASCII digit of a Unicode decimal digit (Nd): digits come in runs of whole 0-9 sets, so count from the run's start. */
  function asciiDigit(ch) {
    if (ch >= "0" && ch <= "9") return ch;
    const cp = ch.codePointAt(0);
    let start = cp;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((cp - start) % 10);
  }

  /**
   * The text as the service reads it, with where each of its characters came from: invisible characters
   * dropped, a run of spaces (any kind) as one space, fullwidth ASCII as ASCII. {text, from: offsets into the original}.
   */
  function cleaned(text) {
    let out = "";
    const from = [];
    let i = 0;
    for (const ch of text) {
      const at = i;
      i += ch.length;
      if (INVISIBLE.test(ch)) continue;
      if (IS_WS.test(ch)) {
        if (out.endsWith(" ")) continue;
        out += " ";
        from.push(at);
        continue;
      }
      out += foldWide(ch);
      for (let k = 0; k < ch.length; k++) from.push(at + k);
    }
    from.push(text.length);
    return { text: out, from };
  }

  /** Occurrences of NCT ids in `text` with their offsets in `text`: [{id, start, end}] (end: after the last digit). */
  function nctOccurrences(text) {
    if (typeof text !== "string" || !text || !HAS_NCT.test(text)) return [];
    const c = cleaned(text);
    const out = [];
    for (const m of c.text.matchAll(LOOSE)) {
      const digits = [...(m[1] + m[2])].map(asciiDigit).join("");
      const lastIdx = m.index + m[0].length - 1;
      out.push({ id: "NCT" + digits, start: c.from[m.index], end: c.from[lastIdx] + 1 });
    }
    return out;
  }

  /** Every NCT id in `text`, canonical, in order of first appearance, without repeats. */
  function findNctIds(text) {
    return [...new Set(nctOccurrences(text).map((o) => o.id))];
  }

  /** Whether `text` names an NCT id in any form the service reads. */
  function hasNctId(text) {
    return nctOccurrences(text).length > 0;
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

  /** NCT ids in a URL's path only (not its query, nor its host). */
  function nctIdsInPath(url) {
    try {
      const u = new URL(url);
      let path = u.pathname;
      try {
        path = decodeURIComponent(path);
      } catch (_) {
        // (a stray "%": read as it is)
      }
      return findNctIds(path);
    } catch (_) {
      return [];
    }
  }

  // Query parameters that hold what a person searched for, not the trial a page is about ("?id=", "?TrialID=" name it)
  const SEARCH_KEYS = /^(?:q|query|search|searchterm|term|terms|keyword|keywords|cond|condition|s|text|find)$/i;

  /** Ids in `url`'s query parameters that hold a search ("/search?query=NCT…"): a heading naming one is a listing's
   * echo of the search, while one naming "?id=NCT…" is that trial's page (review r61 F3). */
  function nctIdsSearched(url) {
    try {
      const out = [];
      for (const [key, value] of new URL(url).searchParams) if (SEARCH_KEYS.test(key)) out.push(...findNctIds(value));
      return out;
    } catch (_) {
      return [];
    }
  }

  // Labels sites put before a trial's own id ("NCT ID:", "NCT Number", "ClinicalTrials.gov ID", …).
  const LABEL = /(?:\bNCT\s*(?:ID|Number|No\.?)|ClinicalTrials\.gov\s*(?:ID|Identifier|Number|Registration)|\b(?:Trial|Study)\s*(?:ID|Identifier)|\bIdentifiers?)\s*[:#]?\s*$/i;

  // more registry links than this, and no id in the text: a search page, not asked about
  const MAX_UNSURE_LINKS = 5;

  /** True when `before` (the text just before an NCT id) ends with a label naming the page's own trial. */
  function isLabelled(before) {
    return LABEL.test(String(before || "").slice(-60));
  }

  /**
   * What to do on a page.
   *   {kind: "trial", nctId}  one trial's page: send it to the service for an annotation card
   *   {kind: "listing", ids}  several trials (search results): one batched status request, badges
   *   {kind: "unsure"}        no id in the text, a few registry links: ask the service quietly, show a card if it finds one
   *   {kind: "none"}          no NCT id anywhere: do nothing
   * A trial page usually also names related trials, so the strongest signals win, in order: the id in
   * the URL or the canonical URL, in the headline, after an "NCT ID:"-style label, the one record the
   * page links to on ClinicalTrials.gov, or an id that dominates the page (at least twice as often as
   * any other). `facts`: {url, canonical, heading: h1 + title text, bodyIds: ids in the visible text,
   * in order (repeats kept), labelledIds: ids that follow such a label, registryLinkIds: ids in links
   * to clinicaltrials.gov}.
   */
  function classifyPage(facts) {
    // An id in the address's path names the page's trial; one only in its query string may be what was searched for
    // ("/search?query=NCT06844474", a listing that echoes it in its title): it counts less, decided by what the page
    // shows (review r60 #3: such a listing got one card for the searched id, and no badges)
    const queried = new Set();
    const searched = new Set();
    for (const source of [facts.url, facts.canonical]) {
      const inPath = nctIdsInPath(source || "");
      if (inPath.length === 1) return { kind: "trial", nctId: inPath[0] };
      if (inPath.length === 0) for (const id of nctIdsInUrl(source || "")) queried.add(id);
      for (const id of nctIdsSearched(source || "")) searched.add(id);
    }
    const headingIds = findNctIds(facts.heading || "");
    if (headingIds.length === 1 && !searched.has(headingIds[0])) return { kind: "trial", nctId: headingIds[0] };
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
    // No id in the text, links to a few registry records (a "Similar trials" rail beside a trial whose own id is
    // only in its footer link or embedded data): the service's site reader can tell which trial this is, and answers
    // "no trial" (422) when it cannot; the content script asks it without showing a card first.
    // (the one id searched for, or named by the address's query, with no other id shown: that trial's page)
    if (ids.length === 0 && queried.size === 1 && headingIds.every((id) => queried.has(id))) return { kind: "trial", nctId: [...queried][0] };
    if (ids.length === 0) return linked.length >= 2 && linked.length <= MAX_UNSURE_LINKS ? { kind: "unsure" } : { kind: "none" };
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

  /** The hosts the manifest's content scripts run on. */
  function manifestHosts(manifest) {
    return hostsFromMatches(((manifest && manifest.content_scripts) || []).flatMap((c) => c.matches || []));
  }

  /**
   * Whether the extension is switched on for the page at `url` (sites are switched off one by one, in
   * settings.disabledSites). The background worker asks before each check; the content script before it keeps a
   * listing's badges their room.
   */
  function siteEnabled(settings, url, supportedHosts) {
    let host;
    try {
      host = new URL(url).hostname;
    } catch (_) {
      return false;
    }
    const site = siteOf(host, supportedHosts) || host.replace(/^www\./, "");
    return !settings.disabledSites.includes(site);
  }

  // Whether TrialLens is on for a page's site, known before the page is read. The reader switches sites off one by one
  // (settings.disabledSites); a content script that learns it from storage.local learns it only some time later (20–75
  // ms after the HTML was read in 11 of 45 phone loads), so a listing was drawn once without its badges' room and then
  // shifted. Instead the background worker registers one small content script (content/siteon.js) for the manifest's
  // patterns of the sites that are on, again whenever the setting changes: where it ran, the content script knows its
  // site is on when the page is read (content/content.js). The browser's scripting API is injected, for Node tests.

  const SITE_ON_SCRIPT = "triallens-site-on";
  const SITE_ON_FILE = "content/siteon.js";

  /**
   * The manifest's content-script patterns of the sites not in `disabledSites` (never a pattern of its own) that are
   * also its host permissions: Chrome runs a registered script only where the extension holds the host permission, and
   * ClinicalTrials.gov's study pattern is none (sync_hosts.py), so siteon.js is not registered where it never ran.
   */
  function enabledPatterns(manifest, disabledSites) {
    const off = new Set(Array.isArray(disabledSites) ? disabledSites : []);
    const granted = new Set((manifest && manifest.host_permissions) || []);
    const patterns = ((manifest && manifest.content_scripts) || []).flatMap((c) => c.matches || []);
    return [...new Set(patterns)].filter((p) => granted.has(p) && !hostsFromMatches([p]).some((h) => off.has(h)));
  }

  /** The registration for `patterns`: at document_start, in the top frame only, as the manifest's scripts run. */
  function siteOnScript(patterns) {
    return { id: SITE_ON_SCRIPT, js: [SITE_ON_FILE], matches: patterns, runAt: "document_start", allFrames: false,
      persistAcrossSessions: true };
  }

  /**
   * Makes the registered content/siteon.js match exactly `patterns` (none: unregistered). `scripting`: the browser's
   * chrome.scripting / browser.scripting. Resolves to the patterns registered.
   */
  async function syncSiteOn(scripting, patterns) {
    const found = await scripting.getRegisteredContentScripts({ ids: [SITE_ON_SCRIPT] });
    const had = (found || []).find((s) => s.id === SITE_ON_SCRIPT);
    if (!patterns.length) {
      if (had) await scripting.unregisterContentScripts({ ids: [SITE_ON_SCRIPT] });
      return [];
    }
    // (Chrome starts its worker for each message: most starts find the registration as it should be)
    if (had && [...had.matches || []].sort().join(" ") === [...patterns].sort().join(" ")) return patterns;
    if (had) await scripting.updateContentScripts([siteOnScript(patterns)]);
    else await scripting.registerContentScripts([siteOnScript(patterns)]);
    return patterns;
  }

  /**
   * A function that brings the registration in step with the stored setting, one call after another (two at once
   * could both find nothing registered and both register: the second fails on the id). `deps`: {scripting,
   * manifest, getDisabled: () => Promise<string[]>}. Each call resolves to the patterns registered (null: failed, and
   * the content scripts wait for storage as before).
   */
  function siteOnSyncer(deps) {
    let chain = Promise.resolve();
    return function sync() {
      chain = chain.then(async () => {
        try {
          return await syncSiteOn(deps.scripting, enabledPatterns(deps.manifest, await deps.getDisabled()));
        } catch (err) {
          console.error("TrialLens: could not register the site-on script:", err);
          return null;
        }
      });
      return chain;
    };
  }

  return { findNctIds, nctOccurrences, hasNctId, isNctId, nctIdsInUrl, nctIdsInPath, isLabelled, classifyPage, siteOf, hostsFromMatches,
    manifestHosts, siteEnabled, SITE_ON_SCRIPT, SITE_ON_FILE, enabledPatterns, siteOnScript, syncSiteOn, siteOnSyncer };
});
