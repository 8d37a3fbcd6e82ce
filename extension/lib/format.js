/* TrialLens: turning an annotation into the words the card shows: the verdict (headline, tone, icon, the note
 * under it), the findings' tones, the record's status, the footer's "checked" line and the link to the official record;
 * with the statuses and dates in words that the other word files use too.
 *
 * Pure functions: they return plain strings and plain objects (never HTML), and the card
 * builds DOM nodes from them with textContent. Everything from the service or the page is
 * treated as untrusted text.
 *
 * Who can join, in words, is in criteria.js; a finding's value rows (dates, phases, counts in words) in findingview.js;
 * a status badge's words (listing pages, related trials) in badges.js,
 * which uses this file's statusWords and dates; which links a card may show, in links.js. The service's HTML page mirrors TONES, CAVEAT_TONES and
 * STALE_WHY (server/pages.py), and tests/test_service_pages.py reads them from this file: they live here.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const HEADLINES = {
    in_sync: "In sync with ClinicalTrials.gov",
    out_of_date: "This page may be out of date",
    differs: "This page differs from ClinicalTrials.gov",
    not_recruiting: "ClinicalTrials.gov says this trial is not recruiting",
    could_not_check: "Could not check this page",
  };
  // The tone decides colour and icon only; the words always come from the headline. One icon per
  // meaning on every card: "✓" checked and in sync; "!" (amber) this page has a problem; "✕" (red) an
  // alert, the page invites people to a trial that is not recruiting, or any finding is critical; "?" (grey) not (fully) checked:
  // the service down, no record or copy, nothing compared, or in sync only with a caveat.
  const TONES = { in_sync: "ok", out_of_date: "warn", differs: "warn", not_recruiting: "alert", could_not_check: "unknown" };
  const ICONS = { ok: "\u2713", warn: "!", alert: "\u2715", unknown: "?", info: "i" };

  const STATUS_WORDS = {
    RECRUITING: "Recruiting",
    NOT_YET_RECRUITING: "Not yet recruiting",
    ENROLLING_BY_INVITATION: "Enrolling by invitation",
    ACTIVE_NOT_RECRUITING: "Active, not recruiting",
    COMPLETED: "Completed",
    SUSPENDED: "Suspended",
    TERMINATED: "Terminated",
    WITHDRAWN: "Withdrawn",
    AVAILABLE: "Available",
    NO_LONGER_AVAILABLE: "No longer available",
    TEMPORARILY_NOT_AVAILABLE: "Temporarily not available",
    APPROVED_FOR_MARKETING: "Approved for marketing",
    WITHHELD: "Withheld",
    UNKNOWN: "Unknown status",
  };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /**
   * The line under the headline: why the page could not be checked, or that the page matches an
   * official record that itself looks overdue. The service decides it (drift.note, the sentence its
   * HTML page and `triallens check` show too), so the card never rules on it alone. null when there
   * is none, or it is not plain text.
   */
  function verdictNote(drift) {
    return drift && typeof drift.note === "string" && drift.note.trim() ? drift.note : null;
  }

  // In sync, with a caveat from the service: not green. Matching a stored copy not checked today and comparing
  // little are "not fully checked" (grey "?"); a record that itself looks overdue ("This trial may have ended") is
  // something to act on (amber "!", and the card opens: UI review round 3 found it grey and folded over a WARNING).
  const CAVEAT_TONES = { stored_copy: "unknown", record_overdue: "warn", little_compared: "unknown", list_not_shown: "warn", record_closed: "warn" };

  // "Could not check this page" because ClinicalTrials.gov could not be asked: asking again later may work. A page
  // in wording TrialLens does not know, or with nothing to compare, reads the same however often it is asked.
  const RETRY_REASONS = new Set(["official_unavailable", "record_not_current"]);

  /**
   * Headline, tone and icon for an annotation's drift; unknown verdicts read "Could not check this page".
   * retry: whether the card offers "Try again" (a could-not-check the registry's answer may change).
   */
  function verdictView(drift) {
    const verdict = drift && Object.prototype.hasOwnProperty.call(HEADLINES, drift.verdict) ? drift.verdict : "could_not_check";
    const headline = drift && typeof drift.headline === "string" && drift.headline ? drift.headline : HEADLINES[verdict];
    // (an overdue record's caveat also on a could-not-check card: "This trial may have ended" is amber wherever it is)
    const caveat = drift && Object.prototype.hasOwnProperty.call(CAVEAT_TONES, drift.caveat)
      && (verdict === "in_sync" || drift.caveat === "record_overdue" || drift.caveat === "record_closed") ? drift.caveat : null;
    // the card is drawn as its gravest finding: a CRITICAL one (a number changed in a rule for who can join) is the red
    // alarm, as a status alert is, not a red label inside an amber "!" card (walk-through r26 T3)
    const tone = hasCritical(drift) ? "alert" : caveat ? CAVEAT_TONES[caveat] : TONES[verdict];
    const reason = drift && typeof drift.reason === "string" ? drift.reason : null;
    // without a reason (an older service, or no verdict at all) asking again is the safe offer
    const retry = verdict === "could_not_check" && (!reason || RETRY_REASONS.has(reason));
    // the verdict in a word for the narrow folded pill, where the headline is not drawn; only where it is good news
    const short = tone === "ok" ? "In sync" : "";
    return { verdict, headline, tone, icon: ICONS[tone], retry, short };
  }

  /** True when any of the drift's findings is critical (the card shows them all, folded or not). */
  function hasCritical(drift) {
    return Boolean(drift && Array.isArray(drift.findings) && drift.findings.some((f) => f && f.severity === "critical"));
  }

  // the folded pill's word for a failure (on a narrow window: a phone), where the headline does not show
  const FAILURE_SHORT = { unreachable: "Not working", no_service: "Not set up" };

  /**
   * Tone and icon of a failure card. A trial ClinicalTrials.gov has no record of is a problem with the
   * page (it shows a number the registry does not know); every other failure means nothing was checked.
   */
  function failureView(failure) {
    const tone = failure && failure.state === "unknown" ? "warn" : "unknown";
    return { tone, icon: ICONS[tone], short: (failure && FAILURE_SHORT[failure.state]) || "" };
  }

  /**
   * True on ClinicalTrials.gov itself: the reader is on the official record, so the card compares nothing
   * (it would send them to the page they are on); it offers the plain-English criteria and related trials.
   */
  function isOfficialSite(hostname) {
    return /^(www\.)?clinicaltrials\.gov\.?$/i.test(String(hostname || ""));
  }

  /** The card on the official record's own page: a neutral "i", not a verdict. */
  const OFFICIAL_SITE_VIEW = Object.freeze({ tone: "info", icon: ICONS.info, headline: "This is the official record" });
  /**
   * The card's view on the official record's own page, from the service's drift: OFFICIAL_SITE_VIEW, unless the service
   * answered for that page (reason "official_page") that the record itself is overdue (caveat record_overdue): then its
   * headline ("This trial may have opened: ask the study team") in the caveat's amber, as on any other site (r26 #2).
   */
  function officialSiteView(drift) {
    return drift && drift.reason === "official_page" && drift.caveat === "record_overdue" ? verdictView(drift) : OFFICIAL_SITE_VIEW;
  }

  /**
   * The findings the card shows on the official record's own page: those the service kept about the record itself
   * (about "registry": overdue, unverified), only where it answered for that page (reason "official_page"); none else
   * (an older service's findings compare the page, which is the record: review r26 #2).
   */
  function officialSiteFindings(drift) {
    if (!drift || drift.reason !== "official_page" || !Array.isArray(drift.findings)) return [];
    return drift.findings.filter((f) => f && f.about === "registry");
  }
  const OFFICIAL_SITE_FAILED = "TrialLens could not load the plain-English version of this trial just now.";

  /** "RECRUITING" -> "Recruiting"; wording we do not know is shown as given, never guessed. */
  function statusWords(status) {
    if (status === null || status === undefined || status === "") return "unknown";
    const s = String(status);
    return STATUS_WORDS[s] || s;
  }

  /** ISO dates to words, keeping their precision: "2025-11-18" -> "18 Nov 2025", "2025-11" -> "Nov 2025". */
  function formatDate(value) {
    if (typeof value !== "string") return value === null || value === undefined ? "" : String(value);
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
    if (!m) return value;
    const month = m[2] ? MONTHS[Number(m[2]) - 1] : null;
    if (m[2] && !month) return value;
    if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
    if (month) return `${month} ${m[1]}`;
    return m[1];
  }

  /** A finding's value as text: statuses in words, dates in words, anything else as given. */
  function formatValue(value) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "string") {
      if (Object.prototype.hasOwnProperty.call(STATUS_WORDS, value)) return STATUS_WORDS[value];
      return formatDate(value);
    }
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value)) return value.map(formatValue).filter(Boolean).join(", ");
    if (typeof value === "object" && typeof value.text === "string") return value.text;
    return JSON.stringify(value);
  }

  // a count of the record's criteria, in the words a finding's value row uses (findingview.js; "19" alone said
  // nothing): here, where tests/test_service_pages.py checks it against the findings' own words (finding.RULE / RULES)
  const LIST_WORDS = { criteria: ["criterion", "criteria"],
    inclusion_criteria: ["requirement for joining", "requirements for joining"],
    exclusion_criteria: ["reason someone cannot join", "reasons someone cannot join"] };

  /** "checked 5 minutes ago" style wording for when the official record was fetched. */
  function checkedAgo(iso, nowMs) {
    const t = Date.parse(iso);
    if (!iso || Number.isNaN(t)) return "";
    const secs = Math.max(0, Math.round((nowMs - t) / 1000));
    if (secs < 60) return "just now";
    const mins = Math.round(secs / 60);
    if (mins < 60) return mins === 1 ? "1 minute ago" : `${mins} minutes ago`;
    const hours = Math.round(mins / 60);
    if (hours < 48) return hours === 1 ? "1 hour ago" : `${hours} hours ago`;
    return daysAgo(Math.round(hours / 24));
  }

  /** "12 days ago", "19 months ago", "over 2 years ago": a span of whole days the way a person says it. */
  function daysAgo(days) {
    if (days < 60) return days === 1 ? "1 day ago" : `${days} days ago`;
    // past two months, months (and years) read better than "526 days ago"
    const months = Math.round(days / 30.44);
    if (months < 24) return `${months} months ago`;
    return `over ${Math.floor(months / 12)} years ago`;
  }

  /** A fetched_at timestamp as a UTC Date, or null: the one reading of it the day, the month and the time share. */
  function fetchedDate(value) {
    const t = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(t) ? null : new Date(t);
  }

  /** The day TrialLens's saved copy of the record was fetched, as the card writes dates ("18 Nov 2025"); "" if unknown. */
  function copyDate(official) {
    const d = official ? fetchedDate(official.fetched_at) : null;
    return d ? formatDate(d.toISOString().slice(0, 10)) : "";
  }

  /**
   * The record's status under the headline in two parts, whose word it is and the status: {source:
   * "ClinicalTrials.gov", status: "Recruiting"}, or, from a saved copy that could not be refreshed,
   * {source: "TrialLens's saved copy (18 Nov 2025)", …} (the UI review: the card said what ClinicalTrials.gov
   * says today from a copy more than a year old). null without a status.
   */
  function recordStatus(official) {
    if (!official || !official.status) return null;
    const status = statusWords(official.status);
    if (!official.stale) return { source: "ClinicalTrials.gov", status };
    const day = copyDate(official);
    // (a copy nothing dates, fetched_at null: not passed off as undated-but-current; the service's "from an unknown date")
    return { source: `${copyName(official)} (${day || "date unknown"})`, status };
  }

  /**
   * The record's short name when it could not be refreshed: a demo record TrialLens rebuilt from aggregator pages
   * (official.reconstructed) is not a copy of ClinicalTrials.gov's (server/pages.py copy_name).
   */
  function copyName(official) {
    return official && official.reconstructed ? "TrialLens's demo record" : "TrialLens's saved copy";
  }

  // the footer's full names (server/copy_names.py DEMO_RECORD_LINE, reconcile/saved_copy.py SAVED_COPY)
  const SAVED_COPY_LINE = "TrialLens's saved copy of the ClinicalTrials.gov record";
  const DEMO_RECORD_LINE = "TrialLens's demo record, rebuilt from aggregator pages (not downloaded from ClinicalTrials.gov)";

  function copyLineName(official) {
    return official && official.reconstructed ? DEMO_RECORD_LINE : SAVED_COPY_LINE;
  }

  /**
   * What qualifies the record's status where it is read, from the service's findings about the record itself: its
   * planned end (or start) has passed ("but its planned end (30 Apr 2025) passed 19 months ago"), else the sponsor has
   * not confirmed it for over 2 years (a registry_unverified warning). A reader of the card's top lines otherwise
   * learnt "Recruiting" and not that the trial has probably ended (walk-through r26 #1). "" when there is none.
   */
  function statusCaveat(drift) {
    const findings = drift && Array.isArray(drift.findings) ? drift.findings.filter((f) => f && f.about === "registry") : [];
    const due = findings.find((f) => f.kind === "registry_overdue");
    const ev = (due && due.evidence) || {};
    const days = Number.isInteger(ev.days_past) && ev.days_past >= 0 ? ` passed ${daysAgo(ev.days_past)}` : " has passed";
    if (due && due.field === "status" && ev.start_date) return `but its planned start (${formatDate(ev.start_date)})${days}`;
    if (due && due.field === "completion_date" && due.official_value) {
      return `but its planned end (${formatDate(due.official_value)})${days}`;
    }
    const unconfirmed = findings.find((f) => f.kind === "registry_unverified" && f.severity === "warning" && f.official_value);
    if (!unconfirmed) return "";
    const since = formatDate(unconfirmed.official_value);
    // "Unknown status": ClinicalTrials.gov's word for a trial past its planned end that nobody has confirmed for over 2
    // years; "but" read as if the status were news to doubt (review r56 F4; reconcile/unknown_status.py likely_over)
    if (unconfirmed.evidence && unconfirmed.evidence.status === "UNKNOWN") {
      return unconfirmed.evidence.likely_over ? `very likely over: its sponsor has not confirmed it since ${since}`
        : `its sponsor has not confirmed it since ${since}`;
    }
    return `but its sponsor has not confirmed it since ${since}`;
  }

  /** recordStatus as one line: "ClinicalTrials.gov: Recruiting", "TrialLens's saved copy (18 Nov 2025): Not yet recruiting". */
  function recordStatusLine(official) {
    const r = recordStatus(official);
    return r ? `${r.source}: ${r.status}` : "";
  }

  // Why a saved copy, after its line in the footer, by the service's official.stale_reason: a service set to work
  // offline never asked, and "could not check … just now" promised that asking again would help (service pages' review)
  const STALE_WHY = {
    offline: "This TrialLens service works offline and did not ask ClinicalTrials.gov.",
    gone: "ClinicalTrials.gov no longer shows this trial.",
    unreachable: "TrialLens could not check it with ClinicalTrials.gov just now.",
    // TrialLens's own limit of requests to ClinicalTrials.gov, not it failing (server/pages.py STALE_WHY)
    busy: "TrialLens has asked ClinicalTrials.gov too often in the last minute; try again in a minute.",
    // this client's own limit of lookups (a minute's share, or an hour's budget), not TrialLens's (service: "budget")
    budget: "As many trials have been looked up from here as TrialLens allows for now; try again later.",
  };

  // the lookup budget's why with the service's wait (official.retry_after): when, not "later" (server/pages.py)
  const BUDGET_USED = "As many trials have been looked up from here as TrialLens allows for now.";

  /**
   * "Try again in about 5 minutes." from a wait the service gave in whole seconds (a 429's Retry-After, or
   * official.retry_after); "" for none. Rounded up to the minute, and from an hour up to the hour, as the service's own
   * pages say it (server/page_errors.py wait_words; both are checked against extension/test/wait_words_cases.json).
   */
  function tryAgainIn(seconds) {
    const text = typeof seconds === "number" ? String(seconds) : typeof seconds === "string" ? seconds.trim() : "";
    if (!/^[0-9]+$/.test(text)) return "";
    const minutes = Math.max(1, Math.ceil(Number(text) / 60));
    const hours = Math.ceil(minutes / 60);
    const words = minutes < 60 ? (minutes === 1 ? "a minute" : `${minutes} minutes`)
      : hours === 1 ? "an hour" : `${hours} hours`;
    return `Try again in about ${words}.`;
  }

  /** A failure's words for the reader: its detail, then when to try again where the service said (retryAfter). */
  function failureDetail(failure) {
    return [failure.detail, tryAgainIn(failure.retryAfter)].filter(Boolean).join(" ");
  }

  /** Why a saved copy, after its footer line; `noted`: the note above says why, so only the budget's wait is said. */
  function staleWhy(official, noted) {
    const wait = official.stale_reason === "budget" ? tryAgainIn(official.retry_after) : "";
    if (noted) return wait;
    return wait ? `${BUDGET_USED} ${wait}` : STALE_WHY[official.stale_reason] || STALE_WHY.unreachable;
  }

  /** The footer line: "Checked 18 Nov 2025 14:03 UTC (5 minutes ago)" plus a stale note. */
  function checkedLine(official, nowMs, noted = false) {
    const d = official ? fetchedDate(official.fetched_at) : null;
    if (!d && official && official.stale && official.status) {   // a saved copy nothing dates (fetched_at null)
      const line = `${copyLineName(official)}, from an unknown date.`;
      return [line, staleWhy(official, noted)].filter(Boolean).join(" ");
    }
    if (!d) return "";
    const hh = String(d.getUTCHours()).padStart(2, "0");
    const mm = String(d.getUTCMinutes()).padStart(2, "0");
    const day = copyDate(official);
    // a copy dated to the day (midnight exactly: a record's own date, not a fetch time) gets no made-up time
    const time = hh === "00" && mm === "00" ? "" : ` ${hh}:${mm} UTC`;
    const ago = checkedAgo(official.fetched_at, nowMs);
    // Stale: the service answered from its store without a fresh copy (offline, or the registry unreachable):
    // nobody checked it now, so not "checked" (message review round 2), and the copy has its one name
    if (official.stale) {
      const line = `${copyLineName(official)}, from ${day} (${ago}).`;
      // (noted: the note under the headline already says why: not said twice; review round 4)
      return [line, staleWhy(official, noted)].filter(Boolean).join(" ");
    }
    return `ClinicalTrials.gov record checked ${day}${time} (${ago})`;
  }

  return {
    HEADLINES, STATUS_WORDS, verdictView, failureView, isOfficialSite, OFFICIAL_SITE_VIEW, officialSiteView, officialSiteFindings, OFFICIAL_SITE_FAILED, verdictNote, statusWords, formatDate, formatValue, LIST_WORDS, checkedAgo,
    checkedLine, tryAgainIn, BUDGET_USED, failureDetail, recordStatus, recordStatusLine, statusCaveat, fetchedDate, copyDate, copyName,
  };
});
