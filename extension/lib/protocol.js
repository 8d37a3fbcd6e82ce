/* TrialLens: settings and the messages between the content script and the background worker.
 *
 * The background worker is the only part that talks to the service. Its logic lives here as
 * `handleMessage(message, sender, deps)` with fetch, settings and clock injected, so Node tests
 * exercise every answer (ok, unreachable, unknown trial, no trial, disabled site) without a browser. What a failure
 * says (the service's HTTP errors by status and problem type, no answer, an answer it cannot use) is in failures.js.
 */
(function (root, factory) {
  const api = factory(root.TrialLens || (typeof require === "function" ? { ...require("./nct.js"), ...require("./failures.js") } : {}));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function (lib) {
  "use strict";
  // (lib/failures.js: loaded before this file, in the background worker and on the options page)
  const { failure, INTERNAL_ERROR, COULD_NOT_CHECK, classifyHttpError, unreachable, garbled, pingFailure } = lib;

  const DEFAULT_SERVICE_URL = "http://127.0.0.1:5000";
  const MAX_HTML_CHARS = 10 * 1024 * 1024; // the service's default body limit
  const MAX_STATUS_IDS = 100; // the service answers at most 100 ids per status request
  const MAX_STATUS_REQUESTS = 5; // at most 500 ids a message (a listing asks for the 300 it badges: content.js MAX_BADGES)
  const TIMEOUT_MS = 20000;

  /** A service URL the extension will use: http(s), no path, query or credentials; else null. */
  function normalizeServiceUrl(value) {
    if (typeof value !== "string" || !value.trim()) return null;
    let u;
    try {
      u = new URL(value.trim());
    } catch (_) {
      return null;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    if (u.username || u.password || u.search || u.hash) return null;
    return (u.origin + u.pathname).replace(/\/+$/, "");
  }

  /** The origin pattern a custom service URL needs as a host permission ("https://svc.example/*"). */
  function originPattern(serviceUrl) {
    const u = new URL(serviceUrl);
    return `${u.protocol}//${u.hostname}/*`;
  }

  /** True for the loopback service origins the manifest already grants. */
  function isLoopback(serviceUrl) {
    try {
      const h = new URL(serviceUrl).hostname;
      return h === "127.0.0.1" || h === "localhost" || h === "[::1]";
    } catch (_) {
      return false;
    }
  }

  /** An API key as the service takes it (printable ASCII, no spaces, at most 200 characters); else "". */
  function normalizeApiKey(value) {
    if (typeof value !== "string") return "";
    const key = value.trim();
    return /^[\x21-\x7e]{1,200}$/.test(key) ? key : "";
  }

  /**
   * The address TrialLens came with, where it can be a service: null on Firefox for Android (os "android") when it is
   * loopback, which there is the phone itself, where no TrialLens service runs (a package built with another default,
   * build.py --service-url, keeps it).
   */
  function defaultServiceUrl(os) {
    return os === "android" && isLoopback(DEFAULT_SERVICE_URL) ? null : DEFAULT_SERVICE_URL;
  }

  /** What runtime.getPlatformInfo says the system is ("android": Firefox for Android); null where it cannot say. */
  async function platformOs(runtime) {
    if (!runtime || typeof runtime.getPlatformInfo !== "function") return null;
    try {
      const info = await runtime.getPlatformInfo();
      return info && typeof info.os === "string" ? info.os : null;
    } catch (_) {
      return null;
    }
  }

  /**
   * Stored settings with defaults filled in and bad values dropped. serviceUrl: the saved address, else the default
   * for `os` (platformOs); null when there is none: no service is set, and none is asked.
   */
  function readSettings(stored, os) {
    const s = stored || {};
    return {
      serviceUrl: normalizeServiceUrl(s.serviceUrl) || defaultServiceUrl(os),
      disabledSites: Array.isArray(s.disabledSites) ? s.disabledSites.filter((h) => typeof h === "string") : [],
      apiKey: normalizeApiKey(s.apiKey), // only for a service that asks for one (TRIALLENS_API_KEYS)
    };
  }

  /** Request headers: JSON, and the API key when one is set. */
  function headersFor(apiKey, body) {
    const h = { Accept: "application/json" };
    if (body) h["Content-Type"] = "application/json";
    if (apiKey) h["X-API-Key"] = apiKey;
    return h;
  }

  const { siteEnabled } = lib;   // (lib/nct.js: the content script asks it too)

  /**
   * No service address is set (Firefox for Android, nothing saved): how to set one, not a network failure. `listing`:
   * a listing's statuses were asked for (its one note speaks of the trials listed).
   */
  function noService(listing) {
    const what = listing ? "None of the trials listed on this page were checked" : "Nothing on this page was checked";
    const out = failure("no_service", "No TrialLens service is set", `${what}: TrialLens needs a TrialLens service on a ` +
      "computer this phone can reach, and none is set yet. Open the TrialLens options to enter its address.");
    out.technical = `No service address is saved, and the one TrialLens came with, ${DEFAULT_SERVICE_URL}, is this phone ` +
      "itself, where no TrialLens service runs. Enter the address of a computer running one in the TrialLens options.";
    return out;
  }

  // the longest page address the service takes (server/page_url.py MAX_URL)
  const MAX_PAGE_URL = 4096;

  /**
   * The page's address as sent: one longer than the service takes goes without its query and fragment (tracking
   * parameters, a search state), which the site readers do not need to find the trial, rather than being refused with
   * a 400 that asking again cannot mend (review r60 #9).
   */
  function pageUrlForService(url) {
    if (url.length <= MAX_PAGE_URL) return url;
    try {
      const u = new URL(url);
      u.search = "";
      u.hash = "";
      return u.href;
    } catch (_) {
      return url;
    }
  }

  /** fetch with a timeout; resolves {status, body, receivedAt} or a failure, never throws. */
  async function callService(deps, serviceUrl, path, init) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), deps.timeoutMs || TIMEOUT_MS) : null;
    let res;
    try {
      res = await deps.fetch(serviceUrl + path, Object.assign({}, init, controller ? { signal: controller.signal } : {}));
    } catch (err) {
      return unreachable(serviceUrl, err && err.name === "AbortError" ? "no answer in time" : "");
    } finally {
      if (timer) clearTimeout(timer);
    }
    let body = null;
    try {
      body = await res.json();
    } catch (_) {
      body = null;
    }
    const receivedAt = deps.now();
    if (!res.ok) {
      const out = classifyHttpError(res.status, body, serviceUrl, header(res, "Retry-After"));
      // the trial the service names (its 404 says which number it has no record of): the card's links use it, not the
      // address's id (review r60 #9: "no record of NCT09999992" over "Search ClinicalTrials.gov for NCT06844474")
      if (body && typeof body === "object" && typeof body.nct_id === "string" && /^NCT\d{8}$/.test(body.nct_id)) out.nctId = body.nct_id;
      return out;
    }
    if (!body || typeof body !== "object") {
      return garbled(`The TrialLens service at ${serviceUrl} sent an answer TrialLens cannot read (not a JSON object).`);
    }
    return { ok: true, body, receivedAt };
  }

  /** A response header's value, or null (a stand-in response without headers too). */
  function header(res, name) {
    return res.headers && typeof res.headers.get === "function" ? res.headers.get(name) : null;
  }

  /** Checks a message from a content script; returns an error string or null. */
  function validateMessage(msg) {
    if (!msg || typeof msg !== "object") return "message is not an object";
    if (msg.type === "annotate") {
      if (typeof msg.url !== "string" || typeof msg.html !== "string") return "annotate needs url and html strings";
      if (msg.html.length > MAX_HTML_CHARS) return "page too large";
      return null;
    }
    if (msg.type === "status") {
      if (typeof msg.url !== "string") return "status needs the page url";
      if (!Array.isArray(msg.ids) || msg.ids.length === 0 || !msg.ids.every(lib.isNctId)) return "status needs NCT ids";
      return null;
    }
    if (msg.type === "openOptions" || msg.type === "shortcut") return null;
    if (msg.type === "ping") {
      if (msg.apiKey !== undefined && typeof msg.apiKey !== "string") return "ping's API key must be a string";
      return normalizeServiceUrl(msg.serviceUrl) ? null : "ping needs a service address";
    }
    return `unknown message type ${String(msg.type)}`;
  }

  /**
   * The background worker's answer to one content-script message.
   * deps: {fetch, getSettings: () => Promise<stored>, supportedHosts: string[], now: () => ms epoch,
   *        openOptions?: () => void, shortcut?: () => Promise<string>, platform?: () => Promise<os> (platformOs), timeoutMs?,
   *        log?: (developerText) => void (default console.warn)}
   */
  async function handleMessage(msg, deps) {
    const problem = validateMessage(msg);
    if (problem) {
      if (msg && msg.type === "annotate" && problem === "page too large") {
        return failure("error", COULD_NOT_CHECK, "This page is too large for the TrialLens service.");
      }
      // the reason is for developers (the console), not for the person reading the page
      (deps.log || console.warn)(`TrialLens: refused a message: ${problem}`);
      return failure("bad_message", COULD_NOT_CHECK, INTERNAL_ERROR);
    }
    if (msg.type === "openOptions") {
      if (deps.openOptions) await deps.openOptions();
      return { ok: true };
    }
    if (msg.type === "shortcut") {
      // the card's keyboard shortcut as the browser has it now ("" for none), for the note said when the card closes
      const keys = deps.shortcut ? await deps.shortcut() : "";
      return { ok: true, shortcut: typeof keys === "string" ? keys : "" };
    }
    if (msg.type === "ping") {
      // The options page's "Test connection": the address typed in, before it is saved.
      const url = normalizeServiceUrl(msg.serviceUrl);
      const res = await callService(deps, url, "/api/v1/sites", { method: "GET", headers: headersFor(normalizeApiKey(msg.apiKey)) });
      if (!res.ok) return pingFailure(res, url);
      return { ok: true, hosts: Array.isArray(res.body.hosts) ? res.body.hosts.filter((h) => typeof h === "string") : [] };
    }
    const settings = readSettings(await deps.getSettings(), deps.platform ? await deps.platform() : null);
    if (!siteEnabled(settings, msg.url, deps.supportedHosts || [])) {
      return failure("disabled", "TrialLens is off for this site", "");
    }
    if (!settings.serviceUrl) return noService(msg.type === "status");
    const json = headersFor(settings.apiKey, true);
    if (msg.type === "annotate") {
      const res = await callService(deps, settings.serviceUrl, "/api/v1/annotate", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ url: pageUrlForService(msg.url), html: msg.html }),
      });
      if (!res.ok) return res;
      if (!res.body.drift || typeof res.body.drift !== "object") {
        return garbled(`The TrialLens service at ${settings.serviceUrl} sent an annotation without a verdict (no drift).`);
      }
      return { ok: true, annotation: res.body, receivedAt: res.receivedAt, serviceUrl: settings.serviceUrl };
    }
    // status: one request per 100 ids (the service's batch size), one after another; a listing
    // longer than 100 trials gets every badge, not only the first hundred.
    const ids = [...new Set(msg.ids)].slice(0, MAX_STATUS_IDS * MAX_STATUS_REQUESTS);
    const statuses = {};
    const missing = {};
    const waits = {};   // (an id the lookup budget left unchecked: seconds until it can be; badges.js badgeView)
    let receivedAt;
    for (let i = 0; i < ids.length; i += MAX_STATUS_IDS) {
      const chunk = ids.slice(i, i + MAX_STATUS_IDS);
      const res = await callService(deps, settings.serviceUrl, "/api/v1/status?ids=" + encodeURIComponent(chunk.join(",")), {
        method: "GET",
        headers: headersFor(settings.apiKey),
      });
      if (!res.ok) {
        if (i === 0) return res;
        // later pages failed: the badges already answered are kept, and every id not asked about is "not_checked", as
        // the service says of an id it could not ask about ("? Not checked"; they vanished: review r60 #5), with the
        // budget's wait where it is this client's lookup budget that is used
        for (const id of ids.slice(i)) {
          statuses[id] = null;
          missing[id] = "not_checked";
          if (res.budget && Number.isInteger(res.retryAfter) && res.retryAfter > 0) waits[id] = res.retryAfter;
        }
        break;
      }
      if (res.body.statuses && typeof res.body.statuses === "object") Object.assign(statuses, res.body.statuses);
      if (res.body.missing && typeof res.body.missing === "object") Object.assign(missing, res.body.missing);
      if (res.body.waits && typeof res.body.waits === "object") {
        for (const [id, seconds] of Object.entries(res.body.waits)) if (Number.isInteger(seconds) && seconds > 0) waits[id] = seconds;
      }
      receivedAt = res.receivedAt;
    }
    return { ok: true, statuses, missing, waits, receivedAt };
  }

  return {
    DEFAULT_SERVICE_URL, MAX_HTML_CHARS, MAX_STATUS_IDS, normalizeServiceUrl, normalizeApiKey, originPattern, isLoopback,
    defaultServiceUrl, platformOs, readSettings, siteEnabled, pageUrlForService, validateMessage, handleMessage,
  };
});
