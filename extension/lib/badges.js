/* TrialLens: a trial's status in short, as a badge: the badge beside each NCT id on a listing page, and the status
 * beside each related trial on the card. One rule for both: a status from a saved copy says the copy's month and is
 * never green.
 *
 * Pure functions, as in format.js, whose statusWords, STATUS_WORDS, formatDate, fetchedDate, tryAgainIn and BUDGET_USED
 * they use, with links.js's safeLink: loaded after both in the browser, required from them under Node.
 */
(function (root, factory) {
  const api = factory(root.TrialLens || (typeof require === "function" ? { ...require("./format.js"), ...require("./links.js") } : {}));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function (format) {
  "use strict";
  const { STATUS_WORDS, statusWords, formatDate, fetchedDate, tryAgainIn, BUDGET_USED, safeLink, copyName } = format;

  const OPEN_STATUSES = new Set(["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"]);

  /**
   * Tone of an official status for a listing badge. Neither green nor red: a status withheld (the record says nothing of
   * whether the trial is open: red read as "not recruiting", which the card refuses to say; review r60 #4) and an
   * expanded-access record's (a way to get a treatment, not a trial to join: green read as "join now").
   */
  function statusTone(status) {
    if (!status) return "unknown";
    if (status === "NOT_YET_RECRUITING") return "unknown";   // not open yet: green read as "you can join now"
    if (status === "WITHHELD" || EXPANDED_ACCESS_STATUSES.has(status)) return "unknown";
    if (OPEN_STATUSES.has(status)) return "ok";
    if (status === "UNKNOWN") return "unknown";
    return "closed";
  }

  // a related trial's status from a copy older than this carries its month, as a listing's badge does
  const RELATED_FRESH_MS = 2 * 24 * 3600 * 1000;
  const RELATED_BY_INVITATION = "By invitation only";
  // a related trial whose sponsor had not confirmed its status for over 2 years (the service's unconfirmed_since): that
  // month, not the saved copy's, which read as "confirmed then" (review r35 §7; server/status_shown.py says it the same)
  const RELATED_UNCONFIRMED = "status last confirmed ";
  // an expanded-access record is a way to get a treatment outside a trial, not a trial to join (review r16 §9); these
  // statuses are given only to such records (server/pages.py related_status words it the same)
  const RELATED_EXPANDED_ACCESS = "Expanded access (not a trial)";
  const EXPANDED_ACCESS_STATUSES = new Set(["AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING"]);
  /** "Expanded access (not a trial)", with the status after it unless it is "Available" (relatedView says it the same). */
  function expandedAccessWords(status) {
    return RELATED_EXPANDED_ACCESS + (status && status !== "AVAILABLE" ? `: ${statusWords(status).toLowerCase()}` : "");
  }
  // a withheld status, as the card's finding says it (server: "ClinicalTrials.gov withholds this trial's status (its
  // record is not public yet), so it neither confirms nor contradicts it")
  const BADGE_WITHHELD = "Status not public";
  const WITHHELD_SAID = "ClinicalTrials.gov withholds this trial's status (its record is not public yet), so it neither " +
    "confirms nor contradicts what a page says of it";

  // The record's own overdue sign on a badge: not "Not yet recruiting" for a trial whose planned start has passed (its
  // card says it may have opened), not a plain "Recruiting" past its planned end: a question, drawn dashed like "Not
  // checked" but said as what ClinicalTrials.gov's record says (it was checked). Any other status past its planned end
  // ("Active, not recruiting": the one fact a reader of a listing's "Recruiting" can act on) keeps its status and says
  // the caveat after it, as a related trial does (review r56 F2).
  const RELATED_OVERDUE = { start: "though its planned start has passed", end: "though its planned end has passed" };
  const BADGE_OVERDUE = { start: ["? May have opened", "May have opened", "its planned start has passed: it may have opened"],
    end: ["? May have ended", "May have ended", "its planned end has passed: it may have ended"] };
  // (the question only where the status itself is what may be out of date: a start for "not yet recruiting", an end for
  // "recruiting"; and "Unknown status" past its planned end, unconfirmed for over 2 years, which says nothing itself:
  // its card is headed "This trial may have ended: check with the study team", and a grey "Unknown status" badge beside
  // it was calmer than the card; status3, from the service's overdue "end" for it, server/status_shown.badge_overdue)
  const BADGE_QUESTION = { start: new Set(["NOT_YET_RECRUITING"]), end: new Set(["RECRUITING", "UNKNOWN"]) };
  // a question's tone: amber, as the card over the same record is ("This trial may have ended" / "may have opened",
  // caveat record_overdue, format.js CAVEAT_TONES), not the grey of "? Not checked"; still drawn dashed (listingbadges.js)
  const QUESTION_TONE = "warn";
  // what to ask the study team about a status kept past its planned end (scrapers/reconcile/status.py _ASK_AFTER_END)
  const ASK_AFTER_END = { ENROLLING_BY_INVITATION: "whether it is still taking participants",
    NOT_YET_RECRUITING: "whether it ever opened" };
  // a status the sponsor had not confirmed for over 2 years (the service's unconfirmed_since; the card's
  // registry_unverified warning): said after the month, as scrapers/reconcile/status.py check_registry says it
  const BADGE_UNCONFIRMED = "a status not confirmed for over 2 years may be out of date: check it with the study team";
  // the same for a saved copy, the month counted to today (status_shown.unconfirmed_since): the sponsor may have
  // confirmed it since the copy was saved, so the copy's word is said, not the sponsor's silence
  const BADGE_UNCONFIRMED_COPY = "TrialLens has no later copy, and a status not confirmed for over 2 years may be out "
    + "of date: check it on ClinicalTrials.gov or with the study team";

  // A related trial's who-line beside the trial being read (review r16: "Ages 18 and older" on nearly half the items
  // said nothing to a reader of an 18+ trial): left out where it is the same, which the caption then says; and a trial
  // with no limit at all, beside one with limits, says so (its missing line would read as "the same").
  // (server/templates/trial.html words these alike)
  const RELATED_SAME_WHO = "A trial with no ages shown takes the same ages and sex as this one.";
  const RELATED_NO_LIMIT = "No age or sex limit given";

  /** An age limit as the service's who-line reads it: "18 YEARS"; "" for none (absent, or 0). */
  function ageKey(age) {
    return age && typeof age === "object" && Number(age.value) > 0 && typeof age.unit === "string" ? `${Number(age.value)} ${age.unit}` : "";
  }

  /** Whether `o` says who a trial takes: {min_age, max_age, sex}, each given (null for no limit). */
  const saysWho = (o) => Boolean(o && typeof o === "object" && "min_age" in o && "max_age" in o && "sex" in o);

  /**
   * Who the trial being read takes, to set its related trials beside: the annotation's official record, else (an
   * older service) its criteria.at_a_glance; null when neither says. (The glance alone left a record whose criteria
   * could not be explained with every who-line shown, same or not.)
   */
  function readingWho(annotation) {
    const a = annotation && typeof annotation === "object" ? annotation : {};
    if (saysWho(a.official)) return a.official;
    const glance = a.criteria && typeof a.criteria === "object" ? a.criteria.at_a_glance : null;
    return saysWho(glance) ? glance : null;
  }

  /**
   * "same" when a related trial takes the same ages and sex as the trial being read (`reading`: readingWho's
   * {min_age, max_age, sex}), "differs" when not, "" when either side does not say (an older service): then its
   * line is shown as the service words it.
   */
  function whoBeside(trial, reading) {
    if (!saysWho(trial) || !saysWho(reading)) return "";
    const sex = (s) => (s === "FEMALE" || s === "MALE" ? s : "");
    const same = ageKey(trial.min_age) === ageKey(reading.min_age) && ageKey(trial.max_age) === ageKey(reading.max_age)
      && sex(trial.sex) === sex(reading.sex);
    return same ? "same" : "differs";
  }

  /**
   * A related trial as the card lists it; its link always goes to the official record. Its status comes from
   * TrialLens's saved copy (status_as_of): older than two days, it says the month ("Recruiting (as of Nov 2025)")
   * and is never green; a copy nothing dates says "(saved copy)". (A service that does not send status_as_of: as before.)
   * One whose sponsor had not confirmed its status for over 2 years (unconfirmed_since) says that month instead
   * ("Recruiting (status last confirmed Mar 2018)"), never green.
   * One past its planned start or end (the service's overdue) says so after its status ("Recruiting (as of Nov 2025),
   * though its planned end has passed"),
   * and "Enrolling by invitation" as "By invitation only", never green; an expanded-access record as "Expanded access
   * (not a trial)", never green. who ("Ages 18–65 · Female only") and where ("United States, Canada", "12 countries")
   * are the service's words, shown as they are; "" when it sends none (nothing narrows who can join, no site listed).
   * `reading` (who the trial being read takes: readingWho): who is "" where the trial takes the same ages and sex
   * (sameWho), and RELATED_NO_LIMIT where it has no limit beside a trial with some.
   */
  function relatedView(trial, nowMs = Date.now(), reading = null) {
    const t = trial || {};
    const id = /^NCT\d{8}$/.test(t.nct_id || "") ? t.nct_id : null;
    const url = safeLink(t.url, ["clinicaltrials.gov"]) ? t.url : id ? `https://clinicaltrials.gov/study/${id}` : null;
    const phases = Array.isArray(t.phases) ? t.phases.filter((p) => typeof p === "string" && p !== "NA") : [];
    let status = statusWords(t.status);
    let tone = statusTone(t.status);
    // one a patient cannot ask to join: never green, and said so (review r16 §4)
    if (t.status === "ENROLLING_BY_INVITATION") {
      status = RELATED_BY_INVITATION;
      tone = "unknown";
    }
    if (t.study_type === "EXPANDED_ACCESS" || EXPANDED_ACCESS_STATUSES.has(t.status)) {
      status = expandedAccessWords(t.status);
      tone = "unknown";
    }
    const since = t.status ? unconfirmedMonth(t.unconfirmed_since) : "";
    if (since) {
      status = `${status} (${RELATED_UNCONFIRMED}${since})`;
      tone = "unknown";
    } else if (t.status && "status_as_of" in t) {
      const when = fetchedDate(t.status_as_of);
      if (!when || nowMs - when.getTime() > RELATED_FRESH_MS) {
        status = when ? `${status} (as of ${formatDate(when.toISOString().slice(0, 7))})` : `${status} (saved copy)`;
        if (tone === "ok") tone = "unknown";
      }
    }
    // past its planned start or end by the saved copy: its status and then that fact, never green. Not the listing
    // badge's "? May have opened": under a caption about open trials it read as good news, lost the copy's date, and
    // a screen reader said "question mark" (review r17; server/pages.py related_status words it the same)
    if (Object.prototype.hasOwnProperty.call(RELATED_OVERDUE, t.overdue)) {
      status = `${status}, ${RELATED_OVERDUE[t.overdue]}`;
      tone = "unknown";
    }
    const beside = whoBeside(t, reading);
    return {
      nctId: id,
      title: typeof t.title === "string" && t.title ? t.title : id || "Untitled trial",
      status,
      tone,
      phases: phases.map((p) => p.replace(/^PHASE/, "Phase ").replace(/^EARLY_Phase /, "Early phase ")).join(", "),
      who: beside === "same" ? "" : typeof t.who === "string" && t.who ? t.who : beside === "differs" && t.who === null ? RELATED_NO_LIMIT : "",
      sameWho: beside === "same" && typeof t.who === "string" && Boolean(t.who),
      where: typeof t.where === "string" ? t.where : "",
      why: typeof t.why === "string" ? t.why : Array.isArray(t.why) ? t.why.filter((w) => typeof w === "string").join("; ") : "",
      url,
    };
  }

  // ClinicalTrials.gov's search for open trials of the record's condition, the service's search_url beside an empty related
  // list (review r26 #4), named as the service's page names it (server/related_words.py RELATED_SEARCH, search_words)
  const RELATED_SEARCH = "Search ClinicalTrials.gov for open trials of ";

  /**
   * The link for the service's search_url: {url, text} ("Search ClinicalTrials.gov for open trials of Ischemic Stroke",
   * the condition its `cond` names); null for anything but an https address on clinicaltrials.gov.
   */
  function relatedSearch(url) {
    if (!safeLink(url, ["clinicaltrials.gov"])) return null;
    const condition = (new URL(url).searchParams.get("cond") || "").trim();
    return { url, text: RELATED_SEARCH + (condition || "this condition") };
  }

  /** The month of a saved copy for a badge ("Nov 2025"): when it was fetched if the service says, else the record's last update. */
  function copyMonth(status) {
    const fetched = fetchedDate(status.fetched_at);
    if (fetched) return formatDate(fetched.toISOString().slice(0, 7));
    const posted = typeof status.last_update_posted === "string" ? /^(\d{4}-\d{2})/.exec(status.last_update_posted) : null;
    return posted ? formatDate(posted[1]) : "";
  }


  /**
   * A listing badge's words: short text plus a longer description for title / screen readers.
   * unchecked: the badge is not a status at all (drawn dashed, with "?"); a status from a saved copy carries
   * the copy's month ("Not yet recruiting (as of Nov 2025)"), so a year-old copy does not look as current as any
   * other; a record past its planned start or end is a question (BADGE_OVERDUE); a trial ClinicalTrials.gov no
   * longer has (stale_reason "gone") says so, not its saved copy's status. A copy served past this client's lookup
   * budget (stale_reason "budget") says when it will be checked again, as the card does: "Try again in about an hour"
   * (tryAgainIn, from the service's retry_after). So does "? Not checked" for an id the budget left without a status:
   * `wait`, the id's own entry in the service's `waits` (seconds), given only for such an id.
   */
  function badgeView(nctId, status, why, wait) {
    if (!status) {
      // Only the registry's own "no such trial" is "Not found"; a trial the service could not
      // ask about (offline, or ClinicalTrials.gov unreachable) is never badged as not existing.
      if (why === "not_found") {
        return { text: "Not found", tone: "unknown", unchecked: false, label: `${nctId}: not found on ClinicalTrials.gov` };
      }
      const again = tryAgainIn(wait);
      // (past the lookup budget "just now" promised too soon: why, and when; the label's reader ends it)
      const label = again ? `${nctId}: not checked against ClinicalTrials.gov. ${BUDGET_USED} ${again.replace(/\.$/, "")}`
        : `${nctId}: could not be checked against ClinicalTrials.gov just now`;
      return { text: "? Not checked", tone: "unknown", unchecked: true, label };
    }
    // ClinicalTrials.gov no longer has the study (stale_reason "gone"): the saved copy's status is not news a reader
    // can act on ("Not yet recruiting (saved copy)" invited them to wait for it; review r19 #1); said as the card says
    // it (format.js STALE_WHY.gone, the note's "ask the study team whether it is still running"), never green
    if (status.stale && status.stale_reason === "gone") {
      const saved = STATUS_WORDS[status.status] || status.status_text || statusWords(status.status);
      const month = copyMonth(status);
      const copy = month ? `${copyName(status)} from ${month}` : copyName(status);
      const said = typeof saved === "string" && saved ? ` (${copy} said ${saved.toLowerCase()})` : "";
      return { text: "No longer on ClinicalTrials.gov", tone: "unknown", unchecked: false,
        label: `${nctId}: ClinicalTrials.gov no longer shows this trial${said}; ask the study team whether it is still running` };
    }
    // Our wording for known statuses (the service's status_text may be lower case), else the service's; a withheld
    // status and an expanded-access record's as the card and the related list say them (review r60 #4)
    const words = status.status === "WITHHELD" ? BADGE_WITHHELD
      : EXPANDED_ACCESS_STATUSES.has(status.status) ? expandedAccessWords(status.status)
        : STATUS_WORDS[status.status] || status.status_text || statusWords(status.status);
    let text = words;
    let label;
    let later = "";   // (when a copy served past the lookup budget is checked again)
    let since = "";
    // (a status from a saved copy, a demo record or one long unconfirmed is never green: the trial may have closed since)
    let green = statusTone(status.status) === "ok";
    if (status.reconstructed) {
      // a demo record TrialLens rebuilt from aggregator pages: its status is the pages', not ClinicalTrials.gov's, and
      // not a saved copy's with a month (format.js copyName names it as the card does)
      text = `${words} (demo record)`;
      green = false;
      label = `${nctId}: ${words} according to ${copyName(status)}, rebuilt from aggregator pages, not ClinicalTrials.gov's record`;
    } else {
      label = status.status === "WITHHELD" ? `${nctId}: ${WITHHELD_SAID}` : `${nctId}: ${words} according to ClinicalTrials.gov`;
      if (status.last_update_posted) {
        label += `${status.status === "WITHHELD" ? "; its record was" : ","} last updated ${formatDate(status.last_update_posted)}`;
      }
      if (status.stale) {
        const month = copyMonth(status);
        label += month ? ` (TrialLens's saved copy from ${month})` : " (TrialLens's saved copy)";
        later = status.stale_reason === "budget" ? tryAgainIn(status.retry_after) : "";
        // (not "· Nov 2025": it read as "opens Nov 2025"; a copy with no date at all still says it is a copy)
        text = month ? `${words} (as of ${month})` : `${words} (saved copy)`;
        green = false;
      }
      // the sponsor's own last confirmation, over 2 years before: that month, not the copy's, which read as "confirmed
      // then" ("Recruiting (as of Sep 2024)" for a status last confirmed in Mar 2018; review r56 F3), as a related trial;
      // for a copy, over 2 years before today (NCT00499317: "Recruiting (as of Sep 2024)" for a status the copy says was
      // last confirmed in Aug 2023; status3)
      since = unconfirmedMonth(status.unconfirmed_since);
      if (since) {
        text = `${words} (${RELATED_UNCONFIRMED}${since})`;
        green = false;
      }
    }
    let question = null;
    if (Object.prototype.hasOwnProperty.call(BADGE_OVERDUE, status.overdue)) {
      const [shown, said, why] = BADGE_OVERDUE[status.overdue];
      green = false;
      if (BADGE_QUESTION[status.overdue].has(status.status)) {
        text = shown;
        question = said;
        label += since ? `, but ${why}` : `, but ${why}; ask the study team`;   // (since: said after it)
      } else {
        text = `${text}, ${RELATED_OVERDUE[status.overdue]}`;
        label += `, but its planned ${status.overdue} has passed; ask the study team `
          + (status.overdue === "end" ? ASK_AFTER_END[status.status] || "whether it has finished" : "whether it has opened");
      }
    }
    if (since && status.stale) {
      label += `; in that copy the sponsor (the group running the trial) had last confirmed this status in ${since}; ${BADGE_UNCONFIRMED_COPY}`;
    } else if (since) {
      label += `; the sponsor (the group running the trial) last confirmed this status in ${since}, and ${BADGE_UNCONFIRMED}`;
    }
    if (later) label += `. ${later.replace(/\.$/, "")}`;   // (the label's reader ends it: listingbadges.js)
    // (a status nobody has confirmed for over 2 years is neither green nor red: it says what the record last said, in
    // its words and month, not that the trial is open or closed now; an unconfirmed "Active, not recruiting" kept its
    // red, status3)
    const tone = since || (statusTone(status.status) === "ok" && !green) ? "unknown" : statusTone(status.status);
    // question: drawn dashed as "? Not checked" is, and spoken without its "?" (listingbadges.js showBadge): the trial
    // was checked, so never "not checked"
    // whose reading it is, for a screen reader's "TrialLens, from …:" (listingbadges.js): a demo record is not ClinicalTrials.gov
    const from = status.reconstructed ? "its demo record" : "ClinicalTrials.gov";
    return question ? { text, tone: QUESTION_TONE, unchecked: false, question: true, said: question, label, from }
      : { text, tone, unchecked: false, label, from };
  }

  /** The month ("Aug 2023") of the service's unconfirmed_since, an ISO month or day; "" for none or anything else. */
  function unconfirmedMonth(since) {
    return typeof since === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(since) ? formatDate(since.slice(0, 7)) : "";
  }

  /**
   * A listing badge while its status is asked for: the badge's room beside the id from the start, so the answer fills
   * it in place instead of pushing the text and rows after it along; drawn as "? Not checked" is, not a status.
   */
  function pendingView(nctId) {
    return { text: "Checking…", tone: "unknown", unchecked: true, pending: true,
      label: `${nctId}: being checked against ClinicalTrials.gov` };
  }

  return { statusTone, relatedView, relatedSearch, readingWho, badgeView, pendingView, RELATED_SAME_WHO, RELATED_NO_LIMIT };
});
