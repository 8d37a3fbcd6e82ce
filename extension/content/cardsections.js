/* TrialLens: the sections of a card's body built from an annotation: the findings (about this page, then about
 * the official record), who can join (at a glance, the criteria in either wording, the words explained) and the
 * related trials. card.js decides which of them a card shows, and where.
 *
 * Their words come from format.js, criteria.js and badges.js; their nodes from h() (elements.js), so every
 * string from the service goes in as text.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;
  const { h, link } = TL;

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
  function findingsList(doc, annotation, ui = {}) {
    const findings = (annotation.drift && Array.isArray(annotation.drift.findings)) ? annotation.drift.findings : [];
    if (!findings.length) return null;
    const views = findings.map((f) => TL.findingView(f, annotation));
    const page = views.filter((v) => v.about !== "registry");
    const registry = views.filter((v) => v.about === "registry");
    // a trial not taking people: its status is what matters; how the page words the criteria is moot, and a dozen such
    // rows buried it (walk-through r26 #5): they fold into one closed disclosure under the status findings
    const closed = annotation.drift.verdict === "not_recruiting" && page.some((v) => v.field === "status");
    const shown = closed ? page.filter((v) => v.field === "status") : page;
    const folded = closed ? page.filter((v) => v.field !== "status") : [];
    const parts = [];
    if (shown.length) {
      parts.push(h(doc, "ul", { className: "findings page-findings", attrs: { "aria-label": "About this page" } },
        shown.map((v) => findingItem(doc, v))));
    }
    if (folded.length) parts.push(otherDifferences(doc, folded, ui));
    if (registry.length) {
      // (over what a saved copy says, the heading says so: review round 4)
      const stale = Boolean(annotation.official && annotation.official.stale);
      parts.push(h(doc, "h3", { className: "registry-heading",
        text: !stale ? "About the official record" : annotation.official.reconstructed ? "About TrialLens's demo record"
          : "About TrialLens's saved copy of the record" }));
      parts.push(h(doc, "ul", { className: "findings registry-findings", attrs: { "aria-label": "About the official record" } },
        registry.map((v) => findingItem(doc, v))));
    }
    return h(doc, "div", { className: "all-findings" }, parts);
  }

  /**
   * Keeps a disclosure's state in `ui[key]` for the next drawing of the card: from the click on its summary (a click
   * or Enter/Space, before the details opens or closes), and from its toggle event. The toggle event alone came too
   * late: it is queued as a task, and a card drawn again in between (its related trials arriving) closed what the
   * reader had just opened (a Chromium e2e test saw it under load).
   */
  function remembered(details, summary, ui, key) {
    summary.addEventListener("click", () => { ui[key] = !details.open; });
    details.addEventListener("toggle", () => { ui[key] = details.open; });
    return details;
  }

  /** The page's other differences from a record of a trial not taking people, in one disclosure, closed at first. */
  function otherDifferences(doc, views, ui) {
    const n = views.length;
    const summary = h(doc, "summary", { text: `${n} other difference${n === 1 ? "" : "s"} between this page and ClinicalTrials.gov` });
    const details = h(doc, "details", { className: "other-differences", attrs: { open: Boolean(ui.othersOpen) } }, [
      summary,
      h(doc, "p", { className: "muted", text: "They matter less while the trial is not taking new participants." }),
      h(doc, "ul", { className: "findings", attrs: { "aria-label": "Other differences" } }, views.map((v) => findingItem(doc, v))),
    ]);
    return remembered(details, summary, ui, "othersOpen");   // (kept when the card is drawn again)
  }

  /** The hard words of an item or a glance row, for keyboard and touch alike (the service's own page does the same). */
  function wordsExplained(doc, glossary) {
    return glossary && glossary.length ? h(doc, "details", { className: "words" }, [
      // (each one named by its words: dozens of disclosures all called "Words explained" are one name to a screen reader)
      h(doc, "summary", { text: "Words explained", attrs: { "aria-label": `Words explained: ${glossary.map((g) => g.term).join(", ")}` } }),
      h(doc, "dl", {}, glossary.flatMap((g) => [h(doc, "dt", { text: g.term }), h(doc, "dd", { text: g.meaning })])),
    ]) : null;
  }

  /** The at-a-glance rows (TL.atAGlanceRows) as a list of terms. */
  function glanceList(doc, rows) {
    return h(doc, "dl", { className: "glance" }, rows.flatMap((r) => [h(doc, "dt", { text: r.label }),
      h(doc, "dd", {}, [doc.createTextNode(r.value), wordsExplained(doc, r.glossary)])]));
  }

  /** The mark after an item that says whose words it is, where the note above the lists says to (TL.rewordedNote). */
  function rewordedMark(doc, it, mark) {
    const marked = (mark === "reworded" && it.rewritten) || (mark === "kept" && !it.rewritten);
    return marked ? h(doc, "span", { className: "rewritten", text: TL.REWORDED_MARKS[mark] }) : null;
  }

  /**
   * `marked`: the list's note on items worded as requirements is said above it; each such item carries the mark.
   * `mark`: which items say whose words they are (TL.rewordedNote).
   */
  function criteriaList(doc, items, marked = false, mark = null) {
    return h(doc, "ul", {}, items.map((it) => h(doc, "li", {}, [
      h(doc, "span", { className: "item-text", text: it.text }),
      rewordedMark(doc, it, mark),
      it.wordedAsRequirement && marked ? h(doc, "span", { className: "worded-mark", text: TL.WORDED_MARK }) : null,
      it.wordedAsRequirement && !marked ? h(doc, "p", { className: "worded", text: TL.WORDED_NOTE }) : null,
      wordsExplained(doc, it.glossary),
      it.exceptions && it.children.length ? h(doc, "p", { className: "exceptions", text: TL.EXCEPTIONS_NOTE }) : null,
      it.children.length ? criteriaList(doc, it.children, marked, mark) : null,
    ])));
  }

  /**
   * Who can join: the glance and the criteria in the wording the reader chose. `official`: the record's object, for
   * whose copy it is where the record gives no criteria (then said so, with only the record's own glance rows).
   * `fullTab`: the service's page for the trial (TL.servicePageUrl), linked beside the wording button, where a long list
   * reads better than in the card's small box (walk-through r26 T7).
   */
  function criteriaSection(doc, criteria, ui, official = null, fullTab = null) {
    if (!criteria || typeof criteria !== "object") return null;
    const wording = ui.wording === "original" ? "original" : "plain";
    const headings = criteria.headings || {};
    // whose words the reader is reading: TrialLens's plain English, or ClinicalTrials.gov's own
    const parts = [h(doc, "summary", { text: wording === "original" ? "Who can join (ClinicalTrials.gov's wording)" : "Who can join, in plain English" })];
    const noneGiven = TL.noCriteriaGiven(criteria);
    const glance = TL.atAGlanceRows(criteria.at_a_glance, noneGiven);
    if (noneGiven) {
      // (no list and no wording to choose: the note, and the record's own ages and sex if it gives them)
      const stale = Boolean(official && official.stale);
      parts.push(h(doc, "p", { className: "no-criteria", text: TL.noCriteriaNote(stale, stale ? TL.copyDate(official) : "") }));
      if (glance.length) parts.push(glanceList(doc, glance));
      const details = h(doc, "details", { className: "criteria", attrs: { open: ui.criteriaOpen } }, parts);
      return remembered(details, parts[0], ui, "criteriaOpen");
    }
    if (glance.length) {
      parts.push(h(doc, "h3", { text: "At a glance" }));
      // the limits are those TrialLens could read on their own, not all of them ("Padua score 4 or more" beside the
      // Caprini limit it shows is not): said before them, so a limit not shown is not read as none (reviews)
      parts.push(h(doc, "p", { className: "muted glance-partial",
        text: glance.some((r) => r.limit) ? TL.GLANCE_PARTIAL : TL.GLANCE_SUMMARY }));
      parts.push(glanceList(doc, glance));
    }
    // (its words say the action; no aria-pressed, which read "Show plain English, pressed" for the original wording)
    const toggle = h(doc, "button", {
      className: "wording",
      text: wording === "plain" ? "Show original wording" : "Show plain English",
      attrs: { type: "button" },
    });
    toggle.addEventListener("click", () => ui.onWording(wording === "plain" ? "original" : "plain"));
    const groups = [
      ["inclusion", typeof headings.inclusion === "string" ? headings.inclusion : "You may be able to join if\u2026"],
      ["exclusion", typeof headings.exclusion === "string" ? headings.exclusion : "You cannot join if\u2026"],
      // the service says what these are: listed, without saying whether they include or exclude you
      ["unplaced", typeof headings.unplaced === "string" && headings.unplaced.trim() ? headings.unplaced : "Other criteria"],
    ];
    const lists = groups.map(([key, title]) => [title, TL.criteriaItems(criteria[key], wording)]).filter(([, items]) => items.length);
    // whose words they are, said once above the lists, next to the button that gives the record's own (r26 T4)
    const reworded = TL.rewordedNote(lists.map(([, items]) => items));
    if (reworded.note) parts.push(h(doc, "p", { className: "muted reworded-note", text: reworded.note }));
    const full = fullTab ? TL.serviceLink(doc, fullTab, "Read it all in a full tab") : null;
    if (full) full.className = "full-tab";
    parts.push(h(doc, "div", { className: "actions criteria-actions" }, [toggle, full]));
    for (const [title, items] of lists) {
      parts.push(h(doc, "h3", { text: title }));
      const marked = TL.wordedCount(items) > 1;
      if (marked) parts.push(h(doc, "p", { className: "worded", text: TL.WORDED_LIST_NOTE }));
      // each group's items under its name, where the record gives groups their own lists (TL.groupRuns): a heading,
      // not a mark on each item, so a screen reader's heading list finds "Controls" (review r51 §2)
      for (const run of TL.groupRuns(items)) {
        if (run.heading) parts.push(h(doc, "h4", { className: "group", text: run.heading }));
        parts.push(criteriaList(doc, run.items, marked, reworded.mark));
      }
    }
    const details = h(doc, "details", { className: "criteria", attrs: { open: ui.criteriaOpen } }, parts);
    return remembered(details, parts[0], ui, "criteriaOpen");
  }

  // where the list comes from and what it does not check (review r16 §12); where a title goes, as on the service's
  // page (templates/trial.html), where TrialLens's own page for the trial is a second, small link
  const RELATED_CAPTION = "Other trials that TrialLens's saved copy of ClinicalTrials.gov lists as recruiting or about to recruit. "
    + "They are not matched to your own age, sex or health: read each trial's criteria. Statuses may have changed. "
    + "Each title opens the trial's record on ClinicalTrials.gov.";
  // beside a demo record (official.reconstructed), the related trials are the demo store's records, rebuilt from
  // aggregator pages too: not "TrialLens's saved copy of ClinicalTrials.gov" (templates/trial.html says it alike)
  const RELATED_CAPTION_DEMO = RELATED_CAPTION.replace("TrialLens's saved copy of ClinicalTrials.gov lists",
    "TrialLens's demo records list");
  // TrialLens looked and holds no open trial like it: said as the service's page says it (server/related_words.py
  // RELATED_NONE; "none open in TrialLens's saved copy of ClinicalTrials.gov" read as contradicting the footer's "checked
  // just now", review r26 #4), with the service's search of ClinicalTrials.gov as the way on
  const RELATED_NONE = "TrialLens knows of no open trials like this one.";
  // the service's related_reason: a record with nothing to match on, for which no status would give related trials
  // (server/related_words.py RELATED_NOTHING_TO_MATCH, said alike by the page and `triallens related`)
  const RELATED_WHY_NONE = {
    nothing_to_match: "ClinicalTrials.gov gives no conditions or keywords for this trial, so TrialLens cannot suggest related trials.",
  };

  /**
   * The annotation's related trials; with `sayNone`, an empty list says so in words (the service looked and found
   * none), and links the service's search_url, ClinicalTrials.gov's search for open trials of the record's condition.
   * The ages and sex of the trial being read (TL.readingWho): a related trial that takes the same shows no who-line, and
   * the caption says what that means. The annotation's related_reason says why an empty list is empty when no status
   * would fill it (said instead of "none open").
   */
  function relatedSection(doc, annotation, sayNone = false) {
    const related = annotation.related;
    const reading = TL.readingWho(annotation);
    const trials = (Array.isArray(related) ? related : []).map((t) => TL.relatedView(t, Date.now(), reading));
    if (!trials.length) {
      if (!sayNone || !Array.isArray(related)) return null;
      const reason = annotation.related_reason;
      const none = (Object.hasOwn(RELATED_WHY_NONE, reason) && RELATED_WHY_NONE[reason]) || RELATED_NONE;
      const search = TL.relatedSearch(annotation.search_url);
      return h(doc, "div", { className: "related-empty" }, [
        h(doc, "p", { className: "muted related-none", text: none }),
        search ? h(doc, "p", { className: "related-search" }, [link(doc, search.url, search.text)]) : null,
      ]);
    }
    const said = annotation.official && annotation.official.reconstructed ? RELATED_CAPTION_DEMO : RELATED_CAPTION;
    const caption = trials.some((t) => t.sameWho) ? `${said} ${TL.RELATED_SAME_WHO}` : said;
    return h(doc, "details", { className: "related" }, [
      h(doc, "summary", { text: `Related trials (${trials.length})` }),
      h(doc, "p", { className: "muted caption", text: caption }),
      h(doc, "ul", {}, trials.map((t) => h(doc, "li", {}, [
        t.url ? link(doc, t.url, t.title) : h(doc, "span", { text: t.title }),
        h(doc, "span", { className: `status tone-${t.tone}`, text: t.status }),
        t.phases ? h(doc, "span", { className: "muted", text: ` ${t.phases}` }) : null,
        // who it takes and where it runs, one short line each (styled as the reason below them; not "who": that is
        // the card's own trial line, and the two were one selector)
        t.who ? h(doc, "p", { className: "why related-who", text: t.who }) : null,
        t.where ? h(doc, "p", { className: "why related-where", text: `Where: ${t.where}` }) : null,
        t.why ? h(doc, "p", { className: "why reason", text: t.why }) : null,
      ]))),
    ]);
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { findingsList, criteriaSection, relatedSection });
})(globalThis);
