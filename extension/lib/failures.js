/* TrialLens: what went wrong, as a failure the card (or the options page's "Test connection") can explain: the
 * service's HTTP errors by status and problem type (classifyHttpError), no answer at all (unreachable), an answer
 * TrialLens cannot use (garbled), and what whoever set TrialLens up should check (pingFailure).
 *
 * Pure functions: the background worker's protocol.js uses them (loaded before it in the browser, required from it
 * under Node). Apart from protocol.js because classifying an error, in words for a reader and for whoever runs the
 * service, is a concern of its own; it needs nothing from the other files. Never the service's own detail: it is
 * written for whoever runs the service and can name its internals.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /** A failure the content script can show: {ok: false, state, title, detail, status?, technical?}. */
  function failure(state, title, detail, status) {
    const out = { ok: false, state, title, detail };
    if (status !== undefined) out.status = status;
    return out;
  }

  const REGISTRY_UNAVAILABLE = "TrialLens could not reach ClinicalTrials.gov and has no saved copy of this trial's record. " +
    "Try again later.";
  const INTERNAL_ERROR = "Something went wrong inside TrialLens. Reload the page and try again.";
  // the title of every failure that leaves the page unchecked (the card's own HEADLINES.could_not_check says the same)
  const COULD_NOT_CHECK = "Could not check this page";

  /** The slug of the service's problem+json type ("urn:triallens:problem:unknown-trial" -> "unknown-trial"), else "". */
  function problemSlug(body) {
    const type = body && typeof body === "object" && typeof body.type === "string" ? body.type : "";
    const m = /^urn:triallens:problem:([a-z0-9-]+)$/.exec(type);
    return m ? m[1] : "";
  }

  // A 503 by its problem type, in the words of the service's own HTML page (server/page_errors.py): TrialLens's store
  // failing is not ClinicalTrials.gov out of reach (review r60 #6: offline, with a copy, the card said both)
  const UNAVAILABLE = {
    "store-unavailable": ["store_unavailable", "TrialLens isn't working right now",
      "TrialLens's own store of saved records failed just now: a fault in TrialLens, not in this trial's record."],
    "registry-busy": ["registry_busy", COULD_NOT_CHECK, "TrialLens has asked ClinicalTrials.gov too often in the last " +
      "minute and has no saved copy of this trial's record, so it did not ask about it just now."],
    "not-in-local-store": ["registry_unavailable", COULD_NOT_CHECK,
      "TrialLens has no saved copy of this trial's record and cannot ask ClinicalTrials.gov right now."],
  };

  /**
   * A 503: said by its problem type (any other, or none: ClinicalTrials.gov out of reach, as before), with the wait its
   * Retry-After gives (format.js failureDetail words it) or "Try again later"; a store failure also tells whoever set
   * TrialLens up what failed.
   */
  function unavailable(body, serviceUrl, retryAfter, status) {
    const slug = problemSlug(body);
    const [state, title, said] = UNAVAILABLE[slug] || ["registry_unavailable", COULD_NOT_CHECK, REGISTRY_UNAVAILABLE.replace(/ Try again later\.$/, "")];
    const wait = /^\s*[0-9]+\s*$/.test(retryAfter || "") ? Number(retryAfter) : null;
    const out = failure(state, title, wait === null ? `${said} Try again later.` : said, status);
    if (wait !== null) out.retryAfter = wait;
    if (slug === "store-unavailable") {
      out.technical = `The TrialLens service at ${serviceUrl} answered ${status} store-unavailable: its store of saved ` +
        "records could not be read. Its log says which file or record failed.";
    }
    return out;
  }

  /**
   * A 429: this client's lookup budget is used (lookup-budget-used: an hour's, or its share of a minute's), or it sent
   * too many requests. `retryAfter`: the answer's Retry-After, seconds until the service has room again, which the card
   * says in words (format.js failureDetail: "Try again in about 40 minutes"; it was "in a minute" whatever the wait).
   */
  function tooMany(body, retryAfter, status) {
    const said = problemSlug(body) === "lookup-budget-used"
      ? "As many trials have been looked up from here as TrialLens allows for now, so it did not check this one."
      : "The TrialLens service has had too many requests from here in a short time.";
    const wait = /^\s*[0-9]+\s*$/.test(retryAfter || "") ? Number(retryAfter) : null;
    const out = failure("busy", COULD_NOT_CHECK, wait === null ? `${said} Try again later.` : said, status);
    if (wait !== null) out.retryAfter = wait;
    if (problemSlug(body) === "lookup-budget-used") out.budget = true;
    return out;
  }

  /** The service's problem+json (or anything else) as a failure the card can explain; `retryAfter`: its header. */
  function classifyHttpError(status, body, serviceUrl, retryAfter) {
    // Only the service's own "unknown trial" (server/problems.py) says ClinicalTrials.gov has no such trial. Any other
    // 404 comes from the address, not the trial: a path typed into the options, another server on the port, a proxy,
    // a service too old for this extension. Telling a reader a real trial does not exist could make them drop it.
    if (status === 404 && problemSlug(body) === "not-in-local-store") return unavailable(body, serviceUrl, retryAfter, status);
    if (status === 404 && problemSlug(body) !== "unknown-trial") {
      const out = unreachable(serviceUrl, "");
      out.status = status;
      out.wrongAddress = true;
      out.technical = noServiceAt(serviceUrl);
      return out;
    }
    if (status === 404) {
      // Our own sentence: the service's detail may name its internals (a store path).
      const nct = body && typeof body.nct_id === "string" && /^NCT\d{8}$/.test(body.nct_id) ? body.nct_id : "";
      return failure("unknown", "Trial not found on ClinicalTrials.gov", nct
        ? `ClinicalTrials.gov has no record of ${nct}, the trial number this page shows, so TrialLens cannot check this ` +
          "page. The number may be wrong, or the trial may not be registered: ask the study team for its trial number " +
          "before relying on this page."
        : "The TrialLens service found no ClinicalTrials.gov record for this trial, so this page cannot be checked against it.",
      status);
    }
    if (status === 401) {
      return failure("unauthorized", COULD_NOT_CHECK,
        `The TrialLens service at ${serviceUrl} needs an API key. Enter it in the TrialLens options.`, status);
    }
    if (status === 422) {
      // our own words ("NCT id found" is the service's jargon); most such pages do show a trial, without its number
      const unreadable = body && typeof body.type === "string" && /unreadable/.test(body.type);
      return unreadable
        ? failure("no_trial", "Could not read this page", "TrialLens could not read this page, so it could not check it.", status)
        : failure("no_trial", "No trial number found on this page",
          "TrialLens could not find a ClinicalTrials.gov trial number (it starts with NCT) on this page, so it could not check it.", status);
    }
    // Never the service's own detail below: it is written for whoever runs the service and can name
    // its internals ("cannot open the store /var/lib/…"). Patients get a sentence and a next step.
    if (status === 503) return unavailable(body, serviceUrl, retryAfter, status);
    if (status === 429) return tooMany(body, retryAfter, status);
    if (status === 413) return failure("error", COULD_NOT_CHECK, "This page is too large for the TrialLens service.", status);
    return failure("error", COULD_NOT_CHECK, `Something went wrong in the TrialLens service (error ${status}). Try again later.`, status);
  }

  /**
   * The service did not answer. detail is for the person reading the page; technical (the address and
   * what to check) for whoever set TrialLens up: the card keeps it in a disclosure, the options page shows it.
   */
  function unreachable(serviceUrl, reason) {
    // (headline and body in the same plain words: "service" is jargon to a reader; UI review round 3)
    const out = failure("unreachable", "TrialLens isn't working right now",
      "Nothing on this page was checked. Try again in a moment, or read the official record.");
    out.technical = `Could not reach the TrialLens service at ${serviceUrl}${reason ? ` (${reason})` : ""}. ${FIX_IN_OPTIONS}`;
    return out;
  }
  // what to do, said in the card's set-up details, and on the options page itself, where the address is right above
  const FIX_IN_OPTIONS = "Check that it is running, or change its address in the TrialLens options.";
  const FIX_ON_OPTIONS = "Check that it is running, or change the address above.";

  /** An answer TrialLens cannot use: a next step for the reader, what went wrong for whoever set it up. */
  function garbled(technical) {
    const out = failure("error", COULD_NOT_CHECK, "Something went wrong in the TrialLens service. Try again later.");
    out.technical = technical;
    return out;
  }

  /** For whoever set TrialLens up: the address answers 404, so no TrialLens service (of this version) is there. */
  function noServiceAt(serviceUrl, where = "in the TrialLens options") {
    return `There is no TrialLens service at ${serviceUrl} (it answered HTTP 404). Check the address ${where}: it is ` +
      "usually only http:// or https://, the host and the port, with no path after it.";
  }

  /**
   * "Test connection" failed: what whoever sets TrialLens up needs (technical), about the address, never the
   * card's sentence about a trial (a 404 from a wrong path said "Trial not found on ClinicalTrials.gov").
   */
  function pingFailure(res, serviceUrl) {
    const out = Object.assign({}, res);
    if (res.state === "unreachable" && !res.wrongAddress) {   // already says the address and what to check
      out.technical = String(res.technical || "").replace(FIX_IN_OPTIONS, FIX_ON_OPTIONS);
      return out;
    }
    if (res.status === 404) {
      out.technical = noServiceAt(serviceUrl, "above");
    } else if (res.status === 401) {
      out.technical = `The TrialLens service at ${serviceUrl} needs an API key: enter the key you were given, then Save.`;
    } else if (res.status) {
      out.technical = `The address ${serviceUrl} answered, but with an error (HTTP ${res.status}). Check the address, ` +
        "or try again later.";
    } else {
      out.technical = out.technical || `The address ${serviceUrl} sent an answer TrialLens cannot read. Check the address.`;
    }
    return out;
  }

  return { failure, INTERNAL_ERROR, COULD_NOT_CHECK, problemSlug, classifyHttpError, unreachable, garbled, pingFailure };
});
