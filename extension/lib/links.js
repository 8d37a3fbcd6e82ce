/* TrialLens: the links a card may show: the official record's (https://clinicaltrials.gov only), the reader's own
 * TrialLens service's page for a trial (the one link that may be http), and the check every href passes (safeLink).
 *
 * Apart from format.js because which addresses are safe to link is a concern of its own that the card's elements,
 * its badges and its words all ask; it needs nothing from the other files. Pure functions: plain strings and booleans.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /** The link to the official record; only https://clinicaltrials.gov links are ever used. */
  function officialUrl(annotation) {
    const fromService = annotation && annotation.official && annotation.official.url;
    if (safeLink(fromService, ["clinicaltrials.gov"])) return fromService;
    const id = annotation && annotation.nct_id;
    return /^NCT\d{8}$/.test(id || "") ? `https://clinicaltrials.gov/study/${id}` : null;
  }

  /**
   * The reader's own TrialLens service's page for a trial, `{service}/trials/{id}` (its human page: the whole record,
   * criteria and related trials in a full tab; walk-through r26 T7), from the service address the extension uses;
   * null for an address that is not plain http(s) or an id that is not an NCT id. The one page a card links that may be
   * http: a service on the reader's own machine (the default, http://127.0.0.1:5000) is.
   */
  function servicePageUrl(serviceUrl, nctId) {
    if (typeof serviceUrl !== "string" || !/^NCT\d{8}$/.test(nctId || "")) return null;
    let u;
    try {
      u = new URL(serviceUrl);
    } catch (_) {
      return null;
    }
    if (!SERVICE_SCHEMES.includes(u.protocol) || u.username || u.password || u.search || u.hash) return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}/trials/${nctId}`;
  }
  const SERVICE_SCHEMES = Object.freeze(["http:", "https:"]);

  /**
   * True when `url` is https (or one of `schemes`: SERVICE_SCHEMES for the service's own page) on one of `hosts` (or a
   * sub-domain); anything else (javascript:, data:) is refused.
   */
  function safeLink(url, hosts, schemes = ["https:"]) {
    if (typeof url !== "string") return false;
    let u;
    try {
      u = new URL(url);
    } catch (_) {
      return false;
    }
    if (!schemes.includes(u.protocol)) return false;
    if (!hosts) return true;
    return hosts.some((h) => u.hostname === h || u.hostname.endsWith("." + h));
  }

  return { officialUrl, safeLink, servicePageUrl, SERVICE_SCHEMES };
});
