/* TrialLens: turning an annotation into the words the card shows.
 *
 * Pure functions: they return plain strings and plain objects (never HTML), and the card
 * builds DOM nodes from them with textContent. Everything from the service or the page is
 * treated as untrusted text.
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
  // alert, the page invites people to a trial that is not recruiting; "?" (grey) not (fully) checked:
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
  const OPEN_STATUSES = new Set(["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"]);
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
  const CAVEAT_TONES = { stored_copy: "unknown", record_overdue: "warn", little_compared: "unknown", list_not_shown: "warn" };

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
      && (verdict === "in_sync" || drift.caveat === "record_overdue") ? drift.caveat : null;
    const tone = caveat ? CAVEAT_TONES[caveat] : TONES[verdict];
    const reason = drift && typeof drift.reason === "string" ? drift.reason : null;
    // without a reason (an older service, or no verdict at all) asking again is the safe offer
    const retry = verdict === "could_not_check" && (!reason || RETRY_REASONS.has(reason));
    return { verdict, headline, tone, icon: ICONS[tone], retry };
  }

  /**
   * Tone and icon of a failure card. A trial ClinicalTrials.gov has no record of is a problem with the
   * page (it shows a number the registry does not know); every other failure means nothing was checked.
   */
  function failureView(failure) {
    const tone = failure && failure.state === "unknown" ? "warn" : "unknown";
    return { tone, icon: ICONS[tone] };
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
  const OFFICIAL_SITE_FAILED = "TrialLens could not load the plain-English version of this trial just now.";

  /** "RECRUITING" -> "Recruiting"; wording we do not know is shown as given, never guessed. */
  function statusWords(status) {
    if (status === null || status === undefined || status === "") return "unknown";
    const s = String(status);
    return STATUS_WORDS[s] || s;
  }

  /** Tone of an official status for a listing badge. */
  function statusTone(status) {
    if (!status) return "unknown";
    if (status === "NOT_YET_RECRUITING") return "unknown";   // not open yet: green read as "you can join now"
    if (OPEN_STATUSES.has(status)) return "ok";
    if (status === "UNKNOWN") return "unknown";
    return "closed";
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

  /**
   * One finding as the card shows it: the sentence, and both sides with their dates.
   * rows: [{label, value, date}] with "This page" and "ClinicalTrials.gov" (from a saved copy that could not be
   * refreshed, "Saved copy", with "as of 18 Nov 2025" as its date); a side without a value is left out.
   */
  const OFFICIAL_WHAT = { status_verified: "status last confirmed", completion_date: "planned end",
    start_date: "planned start", as_of: "last updated" };

  function findingView(finding, annotation) {
    const f = finding || {};
    const page = (annotation && annotation.page) || {};
    const official = (annotation && annotation.official) || {};
    const rows = [];
    const pageValue = formatValue(f.page_value);
    if (pageValue) {
      const asOf = page.as_of ? `as of ${formatDate(page.as_of)}` : "";
      rows.push({ label: "This page", value: pageValue, date: f.field === "as_of" ? "" : asOf });
    }
    const officialValue = formatValue(f.official_value);
    if (officialValue) {
      const posted = official.last_update_posted ? `updated ${formatDate(official.last_update_posted)}` : "";
      const dateless = f.field === "as_of" || f.field === "completion_date" || f.field === "status_verified";
      // a bare "Jun 2025" or "27" does not say what it is: the planned end? the last confirmation? a count?
      const what = OFFICIAL_WHAT[f.field];
      const value = f.field === "criteria" && /^\d+$/.test(officialValue) ? `${officialValue} criteria`
        : what ? `${what} ${officialValue}` : officialValue;
      // a copy TrialLens could not refresh is not what ClinicalTrials.gov says today: the row says whose word it is
      // (the copy's date with the value, not in the label: a long label squeezed every value into a narrow column)
      const day = official.stale ? copyDate(official) : "";
      const label = official.stale ? "Saved copy" : "ClinicalTrials.gov";
      rows.push({ label, value, date: dateless ? "" : day ? `as of ${day}` : posted });
    }
    const severity = ["critical", "warning", "info"].includes(f.severity) ? f.severity : "info";
    return {
      severity,
      about: f.about === "registry" ? "registry" : "page",
      message: typeof f.message === "string" ? f.message : "",
      rows,
    };
  }

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
    const days = Math.round(hours / 24);
    if (days < 60) return `${days} days ago`;
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
    return { source: `TrialLens's saved copy (${day || "date unknown"})`, status };
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
  };

  /** The footer line: "Checked 18 Nov 2025 14:03 UTC (5 minutes ago)" plus a stale note. */
  function checkedLine(official, nowMs, noted = false) {
    const d = official ? fetchedDate(official.fetched_at) : null;
    const why = official && (STALE_WHY[official.stale_reason] || STALE_WHY.unreachable);
    if (!d && official && official.stale && official.status) {   // a saved copy nothing dates (fetched_at null)
      const line = "TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date.";
      return noted ? line : `${line} ${why}`;
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
      const line = `TrialLens's saved copy of the ClinicalTrials.gov record, from ${day} (${ago}).`;
      // (noted: the note under the headline already says why: not said twice; review round 4)
      return noted ? line : `${line} ${why}`;
    }
    return `ClinicalTrials.gov record checked ${day}${time} (${ago})`;
  }

  /** The link to the official record; only https://clinicaltrials.gov links are ever used. */
  function officialUrl(annotation) {
    const fromService = annotation && annotation.official && annotation.official.url;
    if (safeLink(fromService, ["clinicaltrials.gov"])) return fromService;
    const id = annotation && annotation.nct_id;
    return /^NCT\d{8}$/.test(id || "") ? `https://clinicaltrials.gov/study/${id}` : null;
  }

  /** True when `url` is https on one of `hosts` (or a sub-domain); anything else (javascript:, data:) is refused. */
  function safeLink(url, hosts) {
    if (typeof url !== "string") return false;
    let u;
    try {
      u = new URL(url);
    } catch (_) {
      return false;
    }
    if (u.protocol !== "https:") return false;
    if (!hosts) return true;
    return hosts.some((h) => u.hostname === h || u.hostname.endsWith("." + h));
  }

  // a related trial's status from a copy older than this carries its month, as a listing's badge does
  const RELATED_FRESH_MS = 2 * 24 * 3600 * 1000;

  /**
   * A related trial as the card lists it; its link always goes to the official record. Its status comes from
   * TrialLens's saved copy (status_as_of): older than two days, it says the month ("Recruiting (as of Nov 2025)")
   * and is never green; a copy nothing dates says "(saved copy)". (A service that does not send status_as_of: as before.)
   */
  function relatedView(trial, nowMs = Date.now()) {
    const t = trial || {};
    const id = /^NCT\d{8}$/.test(t.nct_id || "") ? t.nct_id : null;
    const url = safeLink(t.url, ["clinicaltrials.gov"]) ? t.url : id ? `https://clinicaltrials.gov/study/${id}` : null;
    const phases = Array.isArray(t.phases) ? t.phases.filter((p) => typeof p === "string" && p !== "NA") : [];
    let status = statusWords(t.status);
    let tone = statusTone(t.status);
    if (t.status && "status_as_of" in t) {
      const when = fetchedDate(t.status_as_of);
      if (!when || nowMs - when.getTime() > RELATED_FRESH_MS) {
        status = when ? `${status} (as of ${formatDate(when.toISOString().slice(0, 7))})` : `${status} (saved copy)`;
        if (tone === "ok") tone = "unknown";
      }
    }
    return {
      nctId: id,
      title: typeof t.title === "string" && t.title ? t.title : id || "Untitled trial",
      status,
      tone,
      phases: phases.map((p) => p.replace(/^PHASE/, "Phase ").replace(/^EARLY_Phase /, "Early phase ")).join(", "),
      why: typeof t.why === "string" ? t.why : Array.isArray(t.why) ? t.why.filter((w) => typeof w === "string").join("; ") : "",
      url,
    };
  }

  /** At-a-glance facts as [{label, value}] rows, leaving out what the record does not say. */
  const SUPERSCRIPT = { 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074", 5: "\u2075", 6: "\u2076",
    7: "\u2077", 8: "\u2078", 9: "\u2079" };

  /** "100×10^9/L" -> "100×10⁹/L": the caret is a typist's stand-in few readers know; the figure is unchanged. */
  function powersOfTen(text) {
    return String(text).replace(/10\^(\d{1,2})(?!\d)/g, (_, d) => "10" + [...d].map((c) => SUPERSCRIPT[c]).join(""));
  }

  // under the glance's limits: they are the ones that read on their own, never all of them
  const GLANCE_PARTIAL = "Some limits, not all: the full list below has them all.";

  function atAGlanceRows(glance) {
    const g = glance || {};
    const rows = [];
    if (typeof g.age === "string" && g.age) rows.push({ label: "Age", value: g.age });
    const sexWords = { ALL: "All", FEMALE: "Female only", MALE: "Male only" };
    if (g.sex) rows.push({ label: "Sex", value: sexWords[g.sex] || String(g.sex) });
    if (g.healthy_volunteers === true || g.healthy_volunteers === false) {
      rows.push({ label: "Healthy volunteers", value: g.healthy_volunteers ? "Accepted" : "Not accepted" });
    }
    if (g.pregnancy_excluded) rows.push({ label: "Pregnancy", value: "Excluded" });
    if (g.breastfeeding_excluded) rows.push({ label: "Breastfeeding", value: "Excluded" });
    for (const t of Array.isArray(g.thresholds) ? g.thresholds : []) {
      // The service words the label from the list the limit came from ("Excluded if" for an
      // exclusion item: a reason you cannot join, never a requirement); without one, say no more
      // than that the criteria mention it.
      if (t && typeof t.text === "string" && t.text) {
        const value = powersOfTen(t.text);
        // the terms in the limit explained ("ASPECTS"): the glance is the quick read
        rows.push({ label: typeof t.label === "string" && t.label ? t.label : "Mentioned", value,
          glossary: glossaryBeside(value, t.glossary), limit: true });
      }
    }
    return rows;
  }

  const escapeRegex = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // words that say nothing about a meaning, left out when a bracket is compared with one
  const FILLER = new Set(["the", "and", "for", "with", "that", "are", "from", "its", "this", "which", "who", "can", "has", "have"]);
  const contentWords = (t) => (t.toLowerCase().match(/[a-z]{3,}/g) || []).filter((w) => !FILLER.has(w));
  // "clotting" ~ "clot", "enzymes" ~ "enzyme", "agreement" ~ "agreeing": the same word for this purpose
  const sameWord = (a, b) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) ||
    (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));

  /**
   * True when `inside` (a bracket's words) says what `meaning` says: most of its words are in the meaning.
   * Abbreviations in it ("(ALT)", "(HIV-Ab)", the "ANC" of "(ANC, white cells …)") name, they do not explain.
   */
  function bracketExplains(inside, meaning) {
    const said = contentWords(inside.replace(/[\w-]*[A-Z][\w-]*[A-Z][\w-]*/g, " "));
    const meant = contentWords(meaning);
    const found = said.filter((w) => meant.some((m) => sameWord(w, m)));
    return said.length > 0 && found.length * 2 >= said.length;
  }

  /**
   * A glossary entry as the reader needs it beside `text`, or null: the term must be in the text as shown
   * (the plain rewrite may have replaced it: "blockage" for "occlusion"), and the text must not already say
   * what it means in brackets right after it ("CTA (a scan of blood vessels)", "ALT and AST (liver
   * enzymes)"); a bracket that only abbreviates ("angiography (MRA)") explains nothing. Terms written with
   * capitals inside them (abbreviations: "AST", "mRS") must match their case, other words need not.
   * Returns {term, meaning}, the term as the text writes it ("10⁹/L" where the text has it so).
   */
  function explainedBeside(text, entry) {
    const forms = [...new Set([entry.term, powersOfTen(entry.term)])].filter((f) => f.trim());
    for (const form of forms) {
      const flags = /[A-Z]/.test(form.slice(1)) ? "g" : "gi";
      const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegex(form)}(?![A-Za-z0-9])`, flags);
      const hits = [...text.matchAll(re)];
      if (!hits.length) continue;
      const bracketed = hits.some((m) => {
        const after = text.slice(m.index + m[0].length);
        // right after it, after the word it qualifies ("NIHSS score (…)", "informed consent form (…)"), or
        // after a short list it heads ("ALT and AST (…)", "ALT, AST or GGT (…)")
        const b = /^(?:\s+[A-Za-z][\w-]*)?(?:\s*(?:,|\band\b|\bor\b)\s*[A-Za-z0-9][\w-]*){0,3}\s*\(([^()]*)\)/.exec(after);
        return Boolean(b) && bracketExplains(b[1], entry.meaning);
      });
      return bracketed ? null : { term: form, meaning: entry.meaning };
    }
    return null;
  }

  /** A meaning without the term said again first: "occlusion" / "Occlusion: a blockage." -> "a blockage." */
  function meaningOnly(term, meaning) {
    const m = /^([^:]{1,80}):\s+(\S[\s\S]*)$/.exec(meaning);
    return m && m[1].trim().toLowerCase() === term.toLowerCase() ? m[2] : meaning;
  }

  /** The entries of a service glossary to explain beside `text` (see explainedBeside), each term once. */
  function glossaryBeside(text, glossary) {
    const seen = new Set();
    const out = [];
    for (const g of Array.isArray(glossary) ? glossary : []) {
      if (!g || typeof g.term !== "string" || typeof g.meaning !== "string" || seen.has(g.term.toLowerCase())) continue;
      seen.add(g.term.toLowerCase());
      const entry = explainedBeside(text, g);
      if (entry) out.push({ term: entry.term, meaning: meaningOnly(entry.term, entry.meaning) });
    }
    return out;
  }

  /**
   * Criteria items for display in one wording: "plain" shows the checked rewrite (which the
   * service only marks rewritten when nothing was lost), "original" the registry's words.
   * glossary: the terms to explain beside this item in this wording (see explainedBeside).
   */
  function criteriaItems(items, wording) {
    return (Array.isArray(items) ? items : []).map((it) => {
      const item = it || {};
      const original = typeof item.original === "string" ? item.original : "";
      const shown = typeof item.shown === "string" && item.shown ? item.shown : original;
      const text = wording === "original" ? original : powersOfTen(shown);
      return {
        text,
        // "(reworded)" marks the plain rewrite only: the original wording is the registry's own
        rewritten: wording !== "original" && Boolean(item.rewritten) && shown !== original,
        glossary: glossaryBeside(text, item.glossary),
        children: criteriaItems(item.children, wording),
      };
    });
  }

  /** The month of a saved copy for a badge ("Nov 2025"): when it was fetched if the service says, else the record's last update. */
  function copyMonth(status) {
    const fetched = fetchedDate(status.fetched_at);
    if (fetched) return formatDate(fetched.toISOString().slice(0, 7));
    const posted = typeof status.last_update_posted === "string" ? /^(\d{4}-\d{2})/.exec(status.last_update_posted) : null;
    return posted ? formatDate(posted[1]) : "";
  }

  // The record's own overdue sign on a badge: not "Not yet recruiting" for a trial whose planned start has passed (its
  // card says it may have opened), not a plain "Recruiting" past its planned end. Drawn like "Not checked": a question.
  const BADGE_OVERDUE = { start: ["? May have opened", "its planned start has passed: it may have opened"],
    end: ["? May have ended", "its planned end has passed: it may have ended"] };

  /**
   * A listing badge's words: short text plus a longer description for title / screen readers.
   * unchecked: the badge is not a status at all (drawn dashed, with "?"); a status from a saved copy carries
   * the copy's month ("Not yet recruiting (as of Nov 2025)"), so a year-old copy does not look as current as any
   * other; a record past its planned start or end is a question (BADGE_OVERDUE).
   */
  function badgeView(nctId, status, why) {
    if (!status) {
      // Only the registry's own "no such trial" is "Not found"; a trial the service could not
      // ask about (offline, or ClinicalTrials.gov unreachable) is never badged as not existing.
      if (why === "not_found") {
        return { text: "Not found", tone: "unknown", unchecked: false, label: `${nctId}: not found on ClinicalTrials.gov` };
      }
      return { text: "? Not checked", tone: "unknown", unchecked: true,
        label: `${nctId}: could not be checked against ClinicalTrials.gov just now` };
    }
    if (Object.prototype.hasOwnProperty.call(BADGE_OVERDUE, status.overdue)) {
      const [shown, why] = BADGE_OVERDUE[status.overdue];
      return { text: shown, tone: "unknown", unchecked: true, label: `${nctId}: ${why}; ask the study team` };
    }
    // Our wording for known statuses (the service's status_text may be lower case), else the service's.
    const words = STATUS_WORDS[status.status] || status.status_text || statusWords(status.status);
    let label = `${nctId}: ${words} according to ClinicalTrials.gov`;
    if (status.last_update_posted) label += `, last updated ${formatDate(status.last_update_posted)}`;
    let text = words;
    if (status.stale) {
      const month = copyMonth(status);
      label += month ? ` (TrialLens's saved copy from ${month})` : " (TrialLens's saved copy)";
      // (not "· Nov 2025": it read as "opens Nov 2025"; a copy with no date at all still says it is a copy)
      text = month ? `${words} (as of ${month})` : `${words} (saved copy)`;
    }
    // (a status from a saved copy is never green: the trial may have closed since; review round 4)
    const tone = status.stale && statusTone(status.status) === "ok" ? "unknown" : statusTone(status.status);
    return { text, tone, unchecked: false, label };
  }

  return {
    HEADLINES, verdictView, failureView, isOfficialSite, OFFICIAL_SITE_VIEW, OFFICIAL_SITE_FAILED, verdictNote, statusWords, statusTone, formatDate, formatValue, findingView, checkedAgo,
    checkedLine, recordStatus, recordStatusLine, copyDate, officialUrl, safeLink, powersOfTen, relatedView, atAGlanceRows, GLANCE_PARTIAL, criteriaItems, explainedBeside, badgeView,
  };
});
