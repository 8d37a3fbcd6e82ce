/* TrialLens: which card for which answer: the card for a finished annotation (the record's status, the next
 * steps, the note, findings, who can join, related trials, the footer), the loading card, the failure cards, and
 * the card on ClinicalTrials.gov's own pages.
 *
 * Drawn in the frame (cardframe.js) from the sections (cardsections.js) with h() (elements.js): every string from
 * the service or the page goes in through textContent or a checked attribute, never as markup.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;
  const { h, link, serviceLink, ensureHost, frame, findingsList, criteriaSection, relatedSection } = TL;

  /** "Try again": the whole check runs again (the unreachable-service card and the could-not-check card). */
  function retryButton(doc, ui) {
    const retry = h(doc, "button", { className: "retry", text: "Try again", attrs: { type: "button" } });
    retry.addEventListener("click", () => ui.onRetry());
    return retry;
  }

  const OFFICIAL_LABEL = "Official record on ClinicalTrials.gov";   // one label for every link to the record

  /** The prominent link to the official record (a could-not-check or failure card's first next step). */
  function officialButton(doc, url, label = OFFICIAL_LABEL) {
    return h(doc, "a", { className: "primary official-first", text: label,
      attrs: { href: url, target: "_blank", rel: "noopener noreferrer" } });
  }

  /**
   * The record's status on its own row, where it is read ("TrialLens's saved copy (18 Nov 2025): Not yet
   * recruiting"), and below it, small, the trial's number and (unless the card already has a button for
   * it) the link to the official record.
   */
  function aboutOtherTrial(annotation) {
    const findings = annotation.drift && Array.isArray(annotation.drift.findings) ? annotation.drift.findings : [];
    return findings.some((f) => f && f.kind === "other_trial");
  }

  /**
   * The label of a link to the record: on a page about another trial than its number's, that record is the number's,
   * not the page's trial's, and the link says so ("NCT07041801 on ClinicalTrials.gov").
   */
  function officialLabel(annotation) {
    const id = /^NCT\d{8}$/.test(annotation.nct_id || "") ? annotation.nct_id : "";
    return id && aboutOtherTrial(annotation) ? `${id} on ClinicalTrials.gov` : OFFICIAL_LABEL;
  }

  // the other trials a page names, said at most (server/pages.py MAX_ALSO_NAMED)
  const MAX_ALSO_NAMED = 5;

  /**
   * "This page also names NCT…. TrialLens checked NCT… only.", with a way to check each (the service's page for it, else
   * its official record): what the service's HTML page says of a page naming other trials too (review r60 #3: the card
   * said nothing, and a second trial shown as "Recruiting" though completed went unmentioned). Not on a page about
   * another trial than its number's (its note says which).
   */
  function alsoNamed(doc, annotation, ui) {
    const id = TL.isNctId(annotation.nct_id || "") ? annotation.nct_id : "";
    const page = annotation.page && typeof annotation.page === "object" ? annotation.page : {};
    const all = Array.isArray(page.other_nct_ids) ? [...new Set(page.other_nct_ids.filter((o) => TL.isNctId(o) && o !== id))] : [];
    if (!id || !all.length || aboutOtherTrial(annotation)) return null;
    const shown = all.slice(0, MAX_ALSO_NAMED);
    const links = [];
    for (const other of shown) {
      const own = TL.servicePageUrl(ui.serviceUrl, other);
      if (links.length) links.push(doc.createTextNode(" \u00b7 "));
      links.push(own ? serviceLink(doc, own, `Check ${other}`) : link(doc, TL.officialUrl({ nct_id: other }), `${other} on ClinicalTrials.gov`));
    }
    const more = all.length > shown.length ? " and others" : "";
    return h(doc, "div", { className: "also-named" }, [
      h(doc, "p", { text: `This page also names ${shown.join(", ")}${more}. TrialLens checked ${id} only.` }),
      h(doc, "p", { className: "muted" }, links),
    ]);
  }

  function whoRows(doc, annotation, url) {
    const rows = [];
    // a page about another trial than its number's: that number's status is not this page's trial's (review round 6)
    const other = aboutOtherTrial(annotation);
    const status = other ? null : TL.recordStatus(annotation.official);
    if (status) {
      // (the record's own caveat on the same line, where the status is read, not a screen further down)
      const caveat = TL.statusCaveat(annotation.drift);
      rows.push(h(doc, "p", { className: "record-status" }, [doc.createTextNode(`${status.source}: `),
        h(doc, "strong", { text: status.status }),
        caveat ? h(doc, "span", { className: "status-caveat", text: ` \u2014 ${caveat}` }) : null]));
    }
    const id = /^NCT\d{8}$/.test(annotation.nct_id || "") ? annotation.nct_id : "";
    if (other && id && url) {   // (the link names the number: "NCT… · NCT… on ClinicalTrials.gov" said it twice)
      rows.push(h(doc, "p", { className: "muted who" }, [link(doc, url, officialLabel(annotation))]));
    } else if (id || url) {
      rows.push(h(doc, "p", { className: "muted who" }, [id ? doc.createTextNode(id) : null,
        id && url ? doc.createTextNode(" \u00b7 ") : null, url ? link(doc, url, OFFICIAL_LABEL) : null]));
    }
    return rows;
  }

  /**
   * On ClinicalTrials.gov itself the reader is on the official record: no page comparison or link to the page they
   * are on; the service's findings about the record itself (overdue, unverified) with its note, which the same trial's
   * card shows on every other site (review r26 #2), under its overdue headline when it gives one; then who can join in
   * plain English and related trials, when the service sent them.
   */
  function renderOfficialSite(doc, annotation, ui) {
    const shadow = ensureHost(doc).shadowRoot;
    const view = TL.officialSiteView(annotation.drift);
    const registry = TL.officialSiteFindings(annotation.drift);
    // (the note only with what it announces: alone, "the official record, so nothing to compare" is the headline again)
    const note = registry.length ? TL.verdictNote(annotation.drift) : null;
    const findings = registry.length ? findingsList(doc, { ...annotation, drift: { ...annotation.drift, findings: registry } }, ui) : null;
    const criteria = criteriaSection(doc, annotation.criteria, ui, annotation.official, TL.servicePageUrl(ui.serviceUrl, annotation.nct_id));
    // (a record that gives no criteria says so: that is an answer, not a failure to load one)
    const hasCriteria = Boolean(criteria && criteria.querySelector("li, dl.glance, .no-criteria"));
    const noneGiven = Boolean(criteria && criteria.querySelector(".no-criteria"));
    const related = relatedSection(doc, annotation, Boolean(annotation.official));
    // (from a saved copy, the page the reader is on may be newer than the plain-English list: say so)
    const stale = Boolean(annotation.official && annotation.official.stale);
    const day = stale ? TL.copyDate(annotation.official) : "";
    const intro = stale
      ? `Who can join, in plain English, from ${TL.copyName(annotation.official)} ${day ? `of ${day}` : "(date unknown)"}: the page you are on may be newer.`
      : "TrialLens shows who can join this trial in plain English.";
    // which trial this is: on a single-page site the card must be seen to follow the page (review r60 #1)
    const id = TL.isNctId(annotation.nct_id || "") ? annotation.nct_id : "";
    const body = [id ? h(doc, "p", { className: "muted who", text: `Trial ${id}` }) : null,
      note ? h(doc, "p", { className: "verdict-note", text: note }) : null, findings];
    body.push(...(hasCriteria
      ? [noneGiven ? null : h(doc, "p", { className: "intro", text: intro }), criteria]
      : [h(doc, "p", { className: "detail", text: TL.OFFICIAL_SITE_FAILED }), h(doc, "div", { className: "actions next-steps" }, [retryButton(doc, ui)])]));
    body.push(related);
    frame(doc, shadow, view, view.headline, ui, body.filter(Boolean), false);
  }

  /** The card for a finished annotation. */
  function renderAnnotation(doc, annotation, ui) {
    if (ui.officialSite) return renderOfficialSite(doc, annotation, ui);
    const shadow = ensureHost(doc).shadowRoot;
    const view = TL.verdictView(annotation.drift);
    const official = annotation.official;
    const body = [];
    const url = TL.officialUrl(annotation);
    const note = TL.verdictNote(annotation.drift);
    const noteEl = note ? h(doc, "p", { className: "verdict-note", text: note }) : null;
    // Could not check: why first, then the next steps (the official record to read now, and asking again),
    // then which trial; the record's one link is the button, not repeated further down
    const couldNotCheck = view.verdict === "could_not_check";
    // against a saved copy that could not be refreshed, the free, instant check is the live record, and asking again
    // may reach it: the same two steps, under the note (review round 4: only a small link, and no "Try again")
    const stale = Boolean(official && official.stale);
    if (couldNotCheck) {
      // with the record's status (nothing on the page to compare, the record itself overdue), its rows first and the
      // steps under the note, as on every other card (walk-through r26 T6: the button sat above the status row);
      // with no record, why first
      const rows = whoRows(doc, annotation, null);
      const statusFirst = rows.some((r) => r.classList.contains("record-status"));
      if (statusFirst) body.push(...rows);
      body.push(noteEl);
      // (also when the record is a saved copy because ClinicalTrials.gov could not be reached: the footer says "just
      // now", and asking again may bring today's record; review round 7)
      const retry = view.retry || Boolean(stale && official.stale_reason === "unreachable");
      if (url || retry) {
        body.push(h(doc, "div", { className: "actions next-steps" }, [
          url ? officialButton(doc, url, officialLabel(annotation)) : null,
          retry ? retryButton(doc, ui) : null,
        ]));
      }
      if (!statusFirst) body.push(...rows);
    } else {
      // the official record one click away at the top, its one link (in a warning card the footer is below the fold)
      body.push(...whoRows(doc, annotation, stale ? null : url));
      body.push(noteEl);
      // (a service that works offline never asks: "Try again" would only give the same answer)
      const retry = official && official.stale_reason === "offline" ? null : retryButton(doc, ui);
      if (stale && url) body.push(h(doc, "div", { className: "actions next-steps" }, [officialButton(doc, url, officialLabel(annotation)), retry]));
    }
    body.push(alsoNamed(doc, annotation, ui));
    const findings = findingsList(doc, annotation, ui);
    if (findings) body.push(findings);
    else if (view.verdict === "in_sync" && !note) body.push(h(doc, "p", { text: "What this page says matches the official record." }));
    body.push(criteriaSection(doc, annotation.criteria, ui, official, TL.servicePageUrl(ui.serviceUrl, annotation.nct_id)));
    // (an empty list says so only when the record was read and the page is about it: then the service looked)
    body.push(relatedSection(doc, annotation, Boolean(official) && !aboutOtherTrial(annotation)));
    // when it was checked; with no record, why not (unless the note under the headline already says it)
    // (the service says whether its note gave the reason: an older service does not, and the footer then says it)
    const noted = Boolean(note && annotation.drift.note_says_why === true);
    const checked = TL.checkedLine(official, Date.now(), noted) || (note ? "" : "The official record could not be read.");
    // (the record's link once, at the top, in view when the card opens: again in the footer it was one more line to
    // read and a second name for the same place; walk-through r26 T5)
    if (checked) body.push(h(doc, "footer", {}, [h(doc, "p", { className: "muted checked", text: checked })]));
    frame(doc, shadow, view, view.headline, ui, body.filter(Boolean), false);
  }

  function renderLoading(doc, ui) {
    const shadow = ensureHost(doc).shadowRoot;
    if (ui.officialSite) {
      const view = TL.OFFICIAL_SITE_VIEW;
      frame(doc, shadow, view, view.headline, ui,
        [h(doc, "p", { className: "muted", text: "Loading who can join, in plain English\u2026" })], true);
      return;
    }
    frame(doc, shadow, { tone: "unknown", icon: "\u2026" }, "Checking with ClinicalTrials.gov\u2026", ui,
      [h(doc, "p", { className: "muted", text: "Comparing this page with the official record." })], true);
  }

  /**
   * A failure answer: unreachable service (with retry), unknown trial, registry down, …
   * failure.nctId (the page's trial, from the content script) adds the official record as a next step,
   * except for a trial ClinicalTrials.gov has no record of; failure.technical goes in a disclosure.
   */
  function renderFailure(doc, failure, ui) {
    const shadow = ensureHost(doc).shadowRoot;
    if (ui.officialSite) return renderOfficialSiteFailure(doc, shadow, failure, ui);
    const body = [];
    const detail = TL.failureDetail(failure);   // (with when to try again, where the service said: a 429's wait)
    if (detail) body.push(h(doc, "p", { className: "detail", text: detail }));
    const url = failure.state !== "unknown" ? TL.officialUrl({ nct_id: failure.nctId }) : null;
    // a number ClinicalTrials.gov has no record of: its search, which may find the trial by a mistyped or other number
    const search = failure.state === "unknown" && TL.isNctId(failure.nctId || "")
      ? h(doc, "p", {}, [link(doc, `https://clinicaltrials.gov/search?term=${failure.nctId}`, `Search ClinicalTrials.gov for ${failure.nctId}`)])
      : null;
    if (search) body.push(search);
    body.push(...failureSteps(doc, failure, ui, url ? officialButton(doc, url) : null));
    frame(doc, shadow, TL.failureView(failure), failure.title || TL.HEADLINES.could_not_check, ui, body, false);
  }

  /** On ClinicalTrials.gov: the plain-English version could not be loaded; asking again, and the set-up, as elsewhere. */
  function renderOfficialSiteFailure(doc, shadow, failure, ui) {
    const view = TL.OFFICIAL_SITE_VIEW;
    const body = [h(doc, "p", { className: "detail", text: TL.OFFICIAL_SITE_FAILED })];
    if (SET_UP_HERE.includes(failure.state) && failure.detail) body.push(h(doc, "p", { text: failure.detail }));
    body.push(...failureSteps(doc, failure, ui, null));
    frame(doc, shadow, view, view.headline, ui, body, false);
  }

  // failures the reader (or whoever set TrialLens up) mends in the options: the service's address, or its API key
  const SET_UP_HERE = ["unreachable", "unauthorized", "no_service"];

  /**
   * A failure card's next steps (the record, asking again, the options) and its set-up details, in that order. No
   * service set: asking again changes nothing until one is (content.js checks again when an address is saved).
   */
  function failureSteps(doc, failure, ui, first) {
    const out = [];
    const actions = first ? [first] : [];
    if (failure.state !== "unknown" && failure.state !== "no_service") actions.push(retryButton(doc, ui));
    if (SET_UP_HERE.includes(failure.state)) {
      const opts = h(doc, "button", { className: "options", text: "Open TrialLens options", attrs: { type: "button" } });
      opts.addEventListener("click", () => ui.onOptions());
      actions.push(opts);
    }
    if (actions.length) out.push(h(doc, "div", { className: "actions next-steps" }, actions));
    if (typeof failure.technical === "string" && failure.technical) {
      out.push(h(doc, "details", { className: "technical" }, [
        h(doc, "summary", { text: "Details for whoever set up TrialLens" }),
        h(doc, "p", { text: failure.technical }),
      ]));
    }
    return out;
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, {
    renderAnnotation, renderLoading, renderFailure,
  });
})(globalThis);
