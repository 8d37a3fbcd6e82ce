/* TrialLens: the card and the listing badges, built as DOM nodes inside shadow roots.
 *
 * Every string from the service or the page goes in through textContent or a checked
 * attribute (never as markup), so a finding that contains "<script>" shows those characters.
 * The shadow root keeps the page's CSS out of the card and the card's CSS out of the page.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;

  const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  width: min(360px, calc(100vw - 32px)); display: block; }
* { box-sizing: border-box; }
.card { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
  background: #fff; border: 1px solid #c9ced6; border-left-width: 6px; border-radius: 8px;
  box-shadow: 0 4px 18px rgba(0,0,0,.18); max-height: min(60vh, 640px); overflow: auto; overflow-wrap: anywhere; }
.tone-ok { border-left-color: #1a7f37; } .tone-warn { border-left-color: #b35900; }
.tone-alert { border-left-color: #c62828; } .tone-unknown, .tone-info { border-left-color: #57606a; }
header { display: flex; align-items: flex-start; gap: 8px; padding: 10px 10px 8px 12px; position: sticky; top: 0; background: #fff; z-index: 1; }
/* open, the header stays put over the text scrolling under it: an edge shows where one ends and the other begins */
.expanded header { border-bottom: 1px solid #d0d7de; box-shadow: 0 3px 6px -3px rgba(0,0,0,.25); margin-bottom: 8px; }
/* "More" on a solid strip over the bottom edge while the card holds more than it shows (text must not show
   through it); meanwhile the body keeps room at its end, so the last lines can be scrolled clear of it */
.more { position: sticky; bottom: 0; height: 0; }
.more[hidden] { display: none; }
.more span { position: absolute; left: 0; right: 0; bottom: 0; padding: 6px 12px; text-align: center; cursor: pointer;
  background: #fff; border-top: 1px solid #d0d7de; color: #0757b8; font-weight: 650; font-size: 14px; line-height: 1.45; }
.has-more .body { padding-bottom: 36px; }
/* narrow windows (phones, zoomed in): open, the card spans the bottom of the window and takes at most half of it */
@media (max-width: 699.98px) {
  :host([data-expanded]) { left: 0; right: 0; bottom: 0; width: auto; }
  :host([data-expanded]) .card { max-height: 50vh; border-radius: 8px 8px 0 0; }
}
.icon { flex: none; width: 22px; height: 22px; border-radius: 50%; color: #fff; font-weight: 700;
  display: inline-flex; align-items: center; justify-content: center; font-size: 13px; margin-top: 1px; }
.tone-ok .icon { background: #1a7f37; } .tone-warn .icon { background: #b35900; }
.tone-alert .icon { background: #c62828; } .tone-unknown .icon { background: #57606a; }
.tone-info .icon { background: #57606a; }
.headline { flex: 1; margin: 0; font-size: 15px; font-weight: 650; line-height: 1.35; }
.brand { display: block; font-size: 12px; font-weight: 400; color: #57606a; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; border: 1px solid #8c959f;
  background: #f6f8fa; color: #1b1f24; padding: 3px 10px; }
button:hover { background: #eaeef2; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
/* a word, not a lone "–", and a target of at least 44×44px */
.toggle { flex: none; min-width: 56px; min-height: 44px; padding: 0 12px; font-size: 14px; font-weight: 600; margin: -4px -2px -4px 0; }
.body { padding: 0 12px 12px; }
.body[hidden] { display: none; }
p { margin: 0 0 8px; }
.muted { color: #57606a; font-size: 12.5px; }
/* the record's status: the key fact, read rather than skimmed, on its own row */
.record-status { font-size: 14px; color: #1b1f24; margin: 0 0 2px; }
.record-status strong { font-weight: 650; }
ul { margin: 0 0 8px; padding-left: 18px; }
.findings { list-style: none; padding: 0; }
.finding { border-top: 1px solid #e1e4e8; padding: 8px 0 4px; }
.finding .sev { display: block; font-size: 13px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 2px; }
.sev-critical .sev { color: #c62828; } .sev-warning .sev { color: #b35900; } .sev-info .sev { color: #57606a; }
dl.values, dl.glance { margin: 4px 0 8px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dt { font-weight: 600; color: #424a53; } dd { margin: 0; }
.date { color: #57606a; }
details { border-top: 1px solid #e1e4e8; padding: 6px 0; }
summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
h3 { font-size: 13.5px; margin: 10px 0 4px; }
h3.registry-heading { font-size: 15px; margin-top: 14px; }   /* (a heading no smaller than the text under it) */
li { margin-bottom: 4px; }
details.words { border: 0; padding: 0; margin: 2px 0 0; font-size: 13.5px; }
details.words summary { font-weight: 400; color: #0757b8; padding: 3px 0; min-height: 24px; }
details.words dl { margin: 2px 0 6px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dl.glance details.words dl { grid-template-columns: 1fr; gap: 0; }   /* (inside a glance row: term above meaning) */
dl.glance details.words dd { margin-bottom: 4px; }
.rewritten { color: #57606a; font-size: 13px; margin-left: 4px; }
.related li { margin-bottom: 8px; }
.status { display: inline-block; font-size: 13px; padding: 0 6px; border-radius: 10px; background: #eaeef2; margin-left: 4px; }
.status.tone-ok { background: #dafbe1; color: #116329; } .status.tone-closed { background: #ffebe9; color: #a40e26; }
.why { color: #424a53; font-size: 12.5px; margin: 2px 0 0; }
a { color: #0969da; }
footer { border-top: 1px solid #e1e4e8; padding-top: 8px; }
footer .checked { font-size: 14px; }   /* when it was checked, and whether from a stored copy: read, not skimmed */
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
.next-steps { margin: 2px 0 10px; align-items: center; }
a.primary { display: inline-flex; align-items: center; min-height: 44px; padding: 6px 14px; border-radius: 6px;
  background: #0969da; color: #fff; font-weight: 600; text-decoration: none; }
a.primary:hover { background: #0757b8; }
.next-steps button { min-height: 44px; padding: 6px 14px; }
details.technical summary { font-weight: 400; color: #424a53; }
`;

  const BADGE_CSS = `
:host { all: initial; display: inline-block; margin: 0 4px; vertical-align: baseline; }
span { font: 600 13px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 0 6px;
  border-radius: 9px; white-space: nowrap; border: 1px solid transparent; }
.tone-ok { background: #dafbe1; color: #116329; border-color: #8fd19e; }
.tone-closed { background: #ffebe9; color: #a40e26; border-color: #f5a3a8; }
.tone-unknown { background: #eaeef2; color: #424a53; border-color: #c9ced6; }
/* not a status: dashed, so "? Not checked" does not read as a verdict on the trial */
.unchecked { background: #fff; border-style: dashed; border-color: #6e7781; }
`;

  /** Element builder: text goes through textContent; attributes are plain data, never handlers. */
  function h(doc, tag, props, children) {
    const el = doc.createElement(tag);
    const p = props || {};
    if (p.className) el.className = p.className;
    if (p.text !== undefined && p.text !== null) el.textContent = String(p.text);
    for (const [name, value] of Object.entries(p.attrs || {})) {
      if (/^on/i.test(name) || value === null || value === undefined || value === false) continue;
      if (name === "href" && !TL.safeLink(String(value))) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children || []) if (child) el.append(child);
    return el;
  }

  function styleEl(doc, css) {
    const s = doc.createElement("style");
    s.textContent = css;
    return s;
  }

  /** The card's host element with its shadow root, created once per page. */
  function ensureHost(doc) {
    let host = doc.querySelector("triallens-card");
    if (!host) {
      host = doc.createElement("triallens-card");
      // Open so tests (and assistive tools) can read it; the card holds nothing the page does not already have.
      host.attachShadow({ mode: "open" });
      doc.documentElement.append(host);
    }
    return host;
  }

  function removeCard(doc) {
    const host = doc.querySelector("triallens-card");
    if (host) host.remove();
  }

  function link(doc, href, text) {
    return h(doc, "a", { text, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
  }

  function findingItem(doc, v) {
    // the severity word on every finding: colour alone must not tell a warning from a note
    return h(doc, "li", { className: `finding sev-${v.severity}` }, [
      h(doc, "p", {}, [h(doc, "span", { className: "sev", text: v.severity }), doc.createTextNode(v.message)]),
      v.rows.length ? h(doc, "dl", { className: "values" }, v.rows.flatMap((r) => [
        h(doc, "dt", { text: r.label }),
        h(doc, "dd", {}, [doc.createTextNode(r.value), r.date ? h(doc, "span", { className: "date", text: ` (${r.date})` }) : null]),
      ])) : null,
    ]);
  }

  /**
   * The findings, those about this page first (what the headline is about), then those about the official
   * record itself under their own heading, as the service's HTML page shows them. null when there are none.
   */
  function findingsList(doc, annotation) {
    const findings = (annotation.drift && Array.isArray(annotation.drift.findings)) ? annotation.drift.findings : [];
    if (!findings.length) return null;
    const views = findings.map((f) => TL.findingView(f, annotation));
    const page = views.filter((v) => v.about !== "registry");
    const registry = views.filter((v) => v.about === "registry");
    const parts = [];
    if (page.length) {
      parts.push(h(doc, "ul", { className: "findings page-findings", attrs: { "aria-label": "About this page" } },
        page.map((v) => findingItem(doc, v))));
    }
    if (registry.length) {
      // (over what a saved copy says, the heading says so: review round 4)
      const stale = Boolean(annotation.official && annotation.official.stale);
      parts.push(h(doc, "h3", { className: "registry-heading",
        text: stale ? "About TrialLens's saved copy of the record" : "About the official record" }));
      parts.push(h(doc, "ul", { className: "findings registry-findings", attrs: { "aria-label": "About the official record" } },
        registry.map((v) => findingItem(doc, v))));
    }
    return h(doc, "div", { className: "all-findings" }, parts);
  }

  /** The hard words of an item or a glance row, for keyboard and touch alike (the service's own page does the same). */
  function wordsExplained(doc, glossary) {
    return glossary && glossary.length ? h(doc, "details", { className: "words" }, [
      // (each one named by its words: dozens of disclosures all called "Words explained" are one name to a screen reader)
      h(doc, "summary", { text: "Words explained", attrs: { "aria-label": `Words explained: ${glossary.map((g) => g.term).join(", ")}` } }),
      h(doc, "dl", {}, glossary.flatMap((g) => [h(doc, "dt", { text: g.term }), h(doc, "dd", { text: g.meaning })])),
    ]) : null;
  }

  function criteriaList(doc, items) {
    return h(doc, "ul", {}, items.map((it) => h(doc, "li", {}, [
      h(doc, "span", { className: "item-text", text: it.text }),
      it.rewritten ? h(doc, "span", { className: "rewritten", text: "(reworded)" }) : null,
      wordsExplained(doc, it.glossary),
      it.children.length ? criteriaList(doc, it.children) : null,
    ])));
  }

  function criteriaSection(doc, criteria, ui) {
    if (!criteria || typeof criteria !== "object") return null;
    const wording = ui.wording === "original" ? "original" : "plain";
    const headings = criteria.headings || {};
    // whose words the reader is reading: TrialLens's plain English, or ClinicalTrials.gov's own
    const parts = [h(doc, "summary", { text: wording === "original" ? "Who can join (ClinicalTrials.gov's wording)" : "Who can join, in plain English" })];
    const glance = TL.atAGlanceRows(criteria.at_a_glance);
    if (glance.length) {
      parts.push(h(doc, "h3", { text: "At a glance" }));
      // the limits are those TrialLens could read on their own, not all of them ("Padua score 4 or more" beside the
      // Caprini limit it shows is not): said before them, so a limit not shown is not read as none (reviews)
      if (glance.some((r) => r.limit)) parts.push(h(doc, "p", { className: "muted glance-partial", text: TL.GLANCE_PARTIAL }));
      parts.push(h(doc, "dl", { className: "glance" }, glance.flatMap((r) => [h(doc, "dt", { text: r.label }),
        h(doc, "dd", {}, [doc.createTextNode(r.value), wordsExplained(doc, r.glossary)])])));
    }
    const toggle = h(doc, "button", {
      className: "wording",
      text: wording === "plain" ? "Show original wording" : "Show plain English",
      attrs: { type: "button", "aria-pressed": wording === "original" ? "true" : "false" },
    });
    toggle.addEventListener("click", () => ui.onWording(wording === "plain" ? "original" : "plain"));
    parts.push(h(doc, "div", { className: "actions" }, [toggle]));
    const groups = [
      ["inclusion", typeof headings.inclusion === "string" ? headings.inclusion : "You may be able to join if\u2026"],
      ["exclusion", typeof headings.exclusion === "string" ? headings.exclusion : "You cannot join if\u2026"],
      // the service says what these are: listed, without saying whether they include or exclude you
      ["unplaced", typeof headings.unplaced === "string" && headings.unplaced.trim() ? headings.unplaced : "Other criteria"],
    ];
    for (const [key, title] of groups) {
      const items = TL.criteriaItems(criteria[key], wording);
      if (!items.length) continue;
      parts.push(h(doc, "h3", { text: title }));
      parts.push(criteriaList(doc, items));
    }
    const details = h(doc, "details", { className: "criteria", attrs: { open: ui.criteriaOpen } }, parts);
    details.addEventListener("toggle", () => { ui.criteriaOpen = details.open; });
    return details;
  }

  function relatedSection(doc, related) {
    const trials = (Array.isArray(related) ? related : []).map((t) => TL.relatedView(t));
    if (!trials.length) return null;
    return h(doc, "details", { className: "related" }, [
      h(doc, "summary", { text: `Related trials (${trials.length})` }),
      h(doc, "ul", {}, trials.map((t) => h(doc, "li", {}, [
        t.url ? link(doc, t.url, t.title) : h(doc, "span", { text: t.title }),
        h(doc, "span", { className: `status tone-${t.tone}`, text: t.status }),
        t.phases ? h(doc, "span", { className: "muted", text: ` ${t.phases}` }) : null,
        t.why ? h(doc, "p", { className: "why", text: t.why }) : null,
      ]))),
    ]);
  }

  function frame(doc, shadow, tone, headline, ui, bodyChildren, busy) {
    const expanded = !ui.collapsed;
    const toggle = h(doc, "button", {
      className: "toggle",
      text: expanded ? "Hide" : "Show",
      attrs: {
        // the name starts with the word shown, so "click Hide" works for voice control too
        type: "button", "aria-expanded": expanded ? "true" : "false", "aria-controls": "tl-body",
        "aria-label": expanded ? "Hide the TrialLens card" : "Show the TrialLens card",
      },
    });
    toggle.addEventListener("click", () => ui.onToggle(!ui.collapsed));
    const card = h(doc, "aside", { className: `card tone-${tone.tone}`, attrs: { "aria-label": "TrialLens check against ClinicalTrials.gov", "aria-busy": busy ? "true" : "false" } }, [
      h(doc, "header", {}, [
        h(doc, "span", { className: "icon", text: tone.icon, attrs: { "aria-hidden": "true" } }),
        h(doc, "h2", { className: "headline", attrs: { role: "status", "aria-live": "polite" } }, [
          h(doc, "span", { className: "brand", text: "TrialLens" }), doc.createTextNode(headline),
        ]),
        toggle,
      ]),
      h(doc, "div", { className: "body", attrs: { id: "tl-body", hidden: !expanded } }, bodyChildren),
    ]);
    card.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && !ui.collapsed) { ui.onToggle(true); }
    });
    if (expanded) card.classList.add("expanded");
    shadow.host.toggleAttribute("data-expanded", expanded);
    const more = moreCue(doc, shadow, card);
    card.append(more);
    // Re-rendering (wording switch, collapse) keeps the reader's place in the card.
    const previous = shadow.querySelector(".card");
    const scrollTop = previous ? previous.scrollTop : 0;
    shadow.replaceChildren(styleEl(doc, CSS), card);
    card.scrollTop = scrollTop;
    more.update();
    return card;
  }

  /**
   * "More ↓" at the card's bottom edge while its content runs on below (scrollHeight > clientHeight) and
   * it is not scrolled to the end; clicking it scrolls on. For the eye only: a screen reader reads on anyway.
   */
  function moreCue(doc, shadow, card) {
    const more = h(doc, "div", { className: "more", attrs: { hidden: true, "aria-hidden": "true" } }, [h(doc, "span", { text: "More \u2193" })]);
    more.update = () => {
      more.hidden = !(card.scrollHeight - card.clientHeight - card.scrollTop > 2);
      card.classList.toggle("has-more", !more.hidden);   // the body's room for the cue, only while it shows
    };
    card.addEventListener("scroll", more.update, { passive: true });
    card.addEventListener("toggle", more.update, true); // a disclosure opened or closed (toggle does not bubble)
    more.addEventListener("click", () => card.scrollBy({ top: Math.round(card.clientHeight * 0.8), behavior: "smooth" }));
    // the window resized, or content changed size: one observer per shadow root, moved to the new card
    const RO = doc.defaultView && doc.defaultView.ResizeObserver;
    if (shadow.tlResize) shadow.tlResize.disconnect();
    if (RO) {
      shadow.tlResize = new RO(more.update);
      shadow.tlResize.observe(card);
      const body = card.querySelector(".body");
      if (body) shadow.tlResize.observe(body);
    }
    return more;
  }

  /** "Try again": the whole check runs again (the unreachable-service card and the could-not-check card). */
  function retryButton(doc, ui) {
    const retry = h(doc, "button", { className: "retry", text: "Try again", attrs: { type: "button" } });
    retry.addEventListener("click", () => ui.onRetry());
    return retry;
  }

  const OFFICIAL_LABEL = "Official record on ClinicalTrials.gov";   // one label for every link to the record

  /** The prominent link to the official record (a could-not-check or failure card's first next step). */
  function officialButton(doc, url) {
    return h(doc, "a", { className: "primary official-first", text: OFFICIAL_LABEL,
      attrs: { href: url, target: "_blank", rel: "noopener noreferrer" } });
  }

  /**
   * The record's status on its own row, where it is read ("TrialLens's saved copy (18 Nov 2025): Not yet
   * recruiting"), and below it, small, the trial's number and (unless the card already has a button for
   * it) the link to the official record.
   */
  function whoRows(doc, annotation, url) {
    const rows = [];
    // a page about another trial than its number's: that number's status is not this page's trial's (review round 6)
    const findings = annotation.drift && Array.isArray(annotation.drift.findings) ? annotation.drift.findings : [];
    const other = findings.some((f) => f && f.kind === "other_trial");
    const status = other ? null : TL.recordStatus(annotation.official);
    if (status) {
      rows.push(h(doc, "p", { className: "record-status" }, [doc.createTextNode(`${status.source}: `),
        h(doc, "strong", { text: status.status })]));
    }
    const id = /^NCT\d{8}$/.test(annotation.nct_id || "") ? annotation.nct_id : "";
    if (id || url) {
      rows.push(h(doc, "p", { className: "muted who" }, [id ? doc.createTextNode(id) : null,
        id && url ? doc.createTextNode(" \u00b7 ") : null, url ? link(doc, url, OFFICIAL_LABEL) : null]));
    }
    return rows;
  }

  /**
   * On ClinicalTrials.gov itself the reader is on the official record: no verdict, findings or link to the
   * page they are on; who can join in plain English and related trials, when the service sent them.
   */
  function renderOfficialSite(doc, annotation, ui) {
    const shadow = ensureHost(doc).shadowRoot;
    const view = TL.OFFICIAL_SITE_VIEW;
    const criteria = criteriaSection(doc, annotation.criteria, ui);
    const hasCriteria = Boolean(criteria && criteria.querySelector("li, dl.glance"));
    const related = relatedSection(doc, annotation.related);
    // (from a saved copy, the page the reader is on may be newer than the plain-English list: say so)
    const stale = Boolean(annotation.official && annotation.official.stale);
    const day = stale ? TL.copyDate(annotation.official) : "";
    const intro = stale
      ? `Who can join, in plain English, from TrialLens's saved copy ${day ? `of ${day}` : "(date unknown)"}: the page you are on may be newer.`
      : "TrialLens shows who can join this trial in plain English.";
    const body = hasCriteria
      ? [h(doc, "p", { className: "intro", text: intro }), criteria]
      : [h(doc, "p", { className: "detail", text: TL.OFFICIAL_SITE_FAILED }), h(doc, "div", { className: "actions next-steps" }, [retryButton(doc, ui)])];
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
    const topButton = (couldNotCheck || stale) && Boolean(url);
    if (couldNotCheck) {
      body.push(noteEl);
      if (url || view.retry) {
        body.push(h(doc, "div", { className: "actions next-steps" }, [
          url ? officialButton(doc, url) : null,
          view.retry ? retryButton(doc, ui) : null,
        ]));
      }
      body.push(...whoRows(doc, annotation, null));
    } else {
      // the official record one click away at the top too: in a warning card the footer is below the fold
      body.push(...whoRows(doc, annotation, stale ? null : url));
      body.push(noteEl);
      // (a service that works offline never asks: "Try again" would only give the same answer)
      const retry = official && official.stale_reason === "offline" ? null : retryButton(doc, ui);
      if (stale && url) body.push(h(doc, "div", { className: "actions next-steps" }, [officialButton(doc, url), retry]));
    }
    const findings = findingsList(doc, annotation);
    if (findings) body.push(findings);
    else if (view.verdict === "in_sync" && !note) body.push(h(doc, "p", { text: "What this page says matches the official record." }));
    body.push(criteriaSection(doc, annotation.criteria, ui));
    body.push(relatedSection(doc, annotation.related));
    // when it was checked; with no record, why not (unless the note under the headline already says it)
    const noted = Boolean(note && /could not check with ClinicalTrials\.gov just now|did not ask ClinicalTrials\.gov|no longer shows this trial/.test(note));
    const checked = TL.checkedLine(official, Date.now(), noted) || (note ? "" : "The official record could not be read.");
    const footerLink = url && !topButton ? h(doc, "p", {}, [link(doc, url, OFFICIAL_LABEL)]) : null;
    if (footerLink || checked) {
      body.push(h(doc, "footer", {}, [footerLink, checked ? h(doc, "p", { className: "muted checked", text: checked }) : null]));
    }
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
    if (failure.detail) body.push(h(doc, "p", { className: "detail", text: failure.detail }));
    const url = failure.state !== "unknown" ? TL.officialUrl({ nct_id: failure.nctId }) : null;
    body.push(...failureSteps(doc, failure, ui, url ? officialButton(doc, url) : null));
    frame(doc, shadow, TL.failureView(failure), failure.title || TL.HEADLINES.could_not_check, ui, body, false);
  }

  /** On ClinicalTrials.gov: the plain-English version could not be loaded; asking again, and the set-up, as elsewhere. */
  function renderOfficialSiteFailure(doc, shadow, failure, ui) {
    const view = TL.OFFICIAL_SITE_VIEW;
    const body = [h(doc, "p", { className: "detail", text: TL.OFFICIAL_SITE_FAILED })];
    if (failure.state === "unauthorized" && failure.detail) body.push(h(doc, "p", { text: failure.detail }));
    body.push(...failureSteps(doc, failure, ui, null));
    frame(doc, shadow, view, view.headline, ui, body, false);
  }

  /** A failure card's next steps (the record, asking again, the options) and its set-up details, in that order. */
  function failureSteps(doc, failure, ui, first) {
    const out = [];
    const actions = first ? [first] : [];
    if (failure.state !== "unknown") actions.push(retryButton(doc, ui));
    if (failure.state === "unreachable" || failure.state === "unauthorized") {
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

  /** A small status badge after `anchor` (a text node or a link) on a listing page. */
  function makeBadge(doc, view) {
    const host = doc.createElement("triallens-badge");
    const shadow = host.attachShadow({ mode: "open" });
    shadow.append(styleEl(doc, BADGE_CSS), h(doc, "span", { className: `tone-${view.tone}${view.unchecked ? " unchecked" : ""}`, text: view.text, attrs: { title: view.label, "aria-label": view.label } }));
    return host;
  }

  /** Every badge off the page; text split to put a badge after an id is joined again. */
  function removeBadges(doc) {
    for (const b of doc.querySelectorAll("triallens-badge")) {
      const prev = b.previousSibling;
      const next = b.nextSibling;
      const split = b.hasAttribute("data-split");
      b.remove();
      if (split && prev && next && prev.nodeType === 3 && next.nodeType === 3) {
        prev.appendData(next.data);
        next.remove();
      }
    }
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, {
    h, ensureHost, removeCard, renderAnnotation, renderLoading, renderFailure, makeBadge, removeBadges,
  });
})(globalThis);
