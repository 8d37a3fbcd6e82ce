/* TrialLens content script: decides what the page is, asks the background worker, shows the result.
 *
 * Trial page -> the page's HTML goes to the background worker, which sends it to the configured
 * service only; the card shows the answer. Listing page -> one batched status request for every
 * NCT id on the page, and a badge beside each. Single-page sites: a URL change re-annotates.
 */
(function () {
  "use strict";
  const TL = globalThis.TrialLens;
  const ext = globalThis.browser || globalThis.chrome;
  const doc = document;
  const MAX_BADGES = 300;

  const ui = {
    collapsed: true,
    wording: "plain",
    criteriaOpen: TL.isOfficialSite(location.hostname),   // there, the criteria are what the card is for
    trial: null, // the NCT id of the trial the card is about: Hide/Show is remembered per trial
    problems: [], // what the card's problems are (TL.problemKeys): hiding them folds only a card with the same ones
    last: null, // the last answer shown, re-rendered when the reader toggles something
    /** Opens or folds the card, remembered for this trial (Hide/Show, Escape, the keyboard shortcut). */
    setCollapsed(collapsed) {
      ui.collapsed = collapsed;
      remember(ui.trial, collapsed ? { open: false, hidden: ui.problems } : { open: true });
      redraw();
    },
    onToggle(collapsed) {
      ui.setCollapsed(collapsed);
      const host = doc.querySelector("triallens-card");
      const btn = host && host.shadowRoot.querySelector(".toggle");
      if (btn) btn.focus();
    },
    onWording(wording) {
      ui.wording = wording;
      redraw();
      const host = doc.querySelector("triallens-card");
      const btn = host && host.shadowRoot.querySelector(".wording");
      if (btn) btn.focus();
    },
    onRetry() {
      ui.refocus = true; // the button is replaced while the check runs: give the keyboard a place afterwards
      run();
    },
    onOptions() { send({ type: "openOptions" }); },
    /** The card's shortcut as the browser has it now ("" for none): only the background worker can ask the browser. */
    async shortcutKeys() {
      const res = await send({ type: "shortcut" });
      return res && res.ok && typeof res.shortcut === "string" ? res.shortcut.slice(0, 60) : "";
    },
  };

  // The reader's Hide/Show per trial (lib/cardmemory.js): read when a trial's check starts, written on each choice.
  let memory = {};
  let saving = Promise.resolve();

  async function loadMemory() {
    try {
      const s = await ext.storage.local.get([TL.MEMORY_KEY]);
      memory = TL.readMemory(s && s[TL.MEMORY_KEY]);
    } catch (_) {
      // storage unavailable: the tone rule alone decides
    }
  }

  /** Records a choice for `id`; writes go one after another, each over what another tab may have stored meanwhile. */
  function remember(id, patch) {
    if (!id) return;
    memory = TL.remember(memory, id, patch, Date.now());
    saving = saving.then(async () => {
      try {
        const s = await ext.storage.local.get([TL.MEMORY_KEY]);
        const merged = TL.remember(s && s[TL.MEMORY_KEY], id, patch, Date.now());
        await ext.storage.local.set({ [TL.MEMORY_KEY]: merged });
      } catch (_) {
        // not remembered: the card still works
      }
    });
  }

  /** A new card (loading, answer, failure) opens by its tone and what the reader chose before for this trial. */
  function openFor(tone, problems) {
    ui.problems = TL.ALARM_TONES.includes(tone) && Array.isArray(problems) ? problems : [];   // a '?' or '✓' card tells no problem
    ui.collapsed = TL.opensCollapsed(tone, memory[ui.trial], ui.problems);
    if (!ui.collapsed && TL.ALARM_TONES.includes(tone)) remember(ui.trial, { alarm: tone });
  }

  let generation = 0;
  // After the address changed without a page load, the page may still show the last trial (content/pagewatch.js
  // navigationWatch): `nav.navigated` from then on; `nav.watch` while the page is watched for the new trial.
  const nav = TL.navigationWatch(doc, { run, leave, ended });

  function mark(name, value) {
    // Measurements and state for the end-to-end test; plain data attributes, no page content.
    doc.documentElement.setAttribute(`data-triallens-${name}`, String(value));
  }

  /** After "Try again": focus on the new card's "Try again" (or its Hide/Show button), not lost on the page. */
  function refocus() {
    if (!ui.refocus) return;
    ui.refocus = false;
    TL.focusRetry(doc);
  }

  function redraw() {
    const last = ui.last;
    if (!last) return;
    if (last.kind === "annotation") TL.renderAnnotation(doc, last.annotation, ui);
    else if (last.kind === "failure") TL.renderFailure(doc, last.failure, ui);
    else TL.renderLoading(doc, ui);
  }

  async function send(msg) {
    try {
      const res = await ext.runtime.sendMessage(msg);
      return res || { ok: false, state: "error", title: TL.HEADLINES.could_not_check, detail: "No answer from the TrialLens extension." };
    } catch (err) {
      return { ok: false, state: "error", title: TL.HEADLINES.could_not_check, detail: "TrialLens was updated or restarted; reload the page." };
    }
  }

  /** While the page is watched and still names another trial than its address: the neutral card, nothing asked yet. */
  function hold() {
    ui.trial = TL.urlTrial(location.href);
    ui.last = { kind: "loading", held: true };
    openFor("unknown");
    TL.renderLoading(doc, ui);
    mark("state", "settling");
  }

  /**
   * An answer about another trial than the address names, after the address changed: while the page is watched, the
   * neutral "checking" card (checked again when the page changes); after, a card saying the page never showed it.
   */
  function settling(annotation) {
    const urlId = TL.urlTrial(location.href);
    if (nav.watch && performance.now() < nav.watch.until) {
      ui.last = { kind: "loading", settling: annotation };
      TL.renderLoading(doc, ui);
      mark("state", "settling");
      return;
    }
    const failure = TL.mismatchFailure(urlId, annotation);
    ui.last = { kind: "failure", failure };
    openFor(TL.failureView(failure).tone, TL.problemKeys({ failure: failure.state }));
    TL.renderFailure(doc, failure, ui);
    refocus();
    mark("state", failure.state);
  }

  /**
   * Checks the page with the service and shows its card. `nctId` null: a page the extension is unsure of
   * (classifyPage's "unsure"): no loading card, and no card at all unless the service finds the page's trial.
   */
  async function annotate(gen, startedAt, nctId, quiet) {
    const unsure = !nctId;
    const waitStart = performance.now();
    await loadMemory();   // what the reader chose for this trial before (a storage read, not the page's time)
    if (gen !== generation) return;
    const waited = performance.now() - waitStart;
    const html = TL.pageHtml(doc);
    mark("scan-ms", (performance.now() - startedAt - waited).toFixed(2));
    // Never leave a previous trial's verdict up while the new one is being checked (`quiet`: the page is checked again
    // while it settles, and the card is this trial's already: it stays until the answer).
    const same = quiet && nctId && ui.trial === nctId && ui.last && ui.last.kind !== "loading";
    ui.trial = nctId;
    if (same) {
      // (kept)
    } else if (unsure) {
      ui.last = null;
      TL.removeCard(doc);
    } else {
      ui.last = { kind: "loading" };
      openFor("unknown");
      TL.renderLoading(doc, ui);
    }
    mark("state", "loading");
    if (quiet && nav.watch) nav.watch.rechecks += 1;   // (each check again is one more request: a few at most)
    const res = await send({ type: "annotate", url: location.href, html });
    if (gen !== generation) return; // the reader navigated on; a newer run owns the card
    if (res.ok && nav.navigated && !TL.answerIsFor(res.annotation, TL.urlTrial(location.href))) {
      // the page still shows another trial than its address names (a single-page site drawing the new one): no verdict
      return settling(res.annotation);
    }
    if (res.ok) {
      const r0 = performance.now();
      if (unsure) ui.trial = TL.isNctId(res.annotation.nct_id) ? res.annotation.nct_id : null;
      ui.last = { kind: "annotation", annotation: res.annotation };
      ui.serviceUrl = typeof res.serviceUrl === "string" ? res.serviceUrl : null;   // (its page for the trial: "Read it all")
      openFor(ui.officialSite ? TL.officialSiteView(res.annotation.drift).tone : TL.verdictView(res.annotation.drift).tone, TL.problemKeys(res.annotation));
      TL.renderAnnotation(doc, res.annotation, ui);
      const renderMs = performance.now() - r0;
      refocus();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (gen !== generation) return;
      mark("render-ms", renderMs.toFixed(2));
      mark("answer-to-visible-ms", (performance.timeOrigin + performance.now() - res.receivedAt).toFixed(2));
      mark("state", "annotated");
      return;
    }
    if (res.state === "no_trial" || res.state === "disabled" || unsure) {   // (unsure: the service did not say it is a trial page)
      ui.last = null;
      ui.refocus = false;
      TL.removeCard(doc);
      mark("state", res.state);
      return;
    }
    // the page's own trial, so a card that could not check still links to its official record
    // (or the one the service names, when it names one: its "no record of NCT…" is that number's)
    const failure = Object.assign({}, res, { nctId: TL.isNctId(res.nctId || "") ? res.nctId : nctId });
    ui.last = { kind: "failure", failure };
    openFor(ui.officialSite ? TL.OFFICIAL_SITE_VIEW.tone : TL.failureView(failure).tone, TL.problemKeys({ failure: res.state }));
    TL.renderFailure(doc, failure, ui);
    refocus();
    mark("state", res.state);
  }

  // Whether TrialLens is on for this site (null: not known yet): only then does a listing's every id get its badge's room
  // before its status is asked for. Known when the page is read where the background worker registered
  // content/siteon.js (lib/nct.js siteOnSyncer: only on the sites that are on); read from storage in any case, which has
  // the last word (it may come after the page was drawn).
  let siteOn = null;

  async function readSiteOn() {
    try {
      const s = await ext.storage.local.get(["disabledSites"]);
      const off = s && Array.isArray(s.disabledSites) ? s.disabledSites : [];
      siteOn = TL.siteEnabled({ disabledSites: off }, location.href, TL.manifestHosts(ext.runtime.getManifest()));
    } catch (_) {
      siteOn = globalThis.TrialLensSiteOn === true;   // (else not known: the badges come with the answer, as they did)
    }
  }

  // (switched off or on in the options meanwhile: the next check keeps the room, or not, accordingly). A card saying no
  // service is set has no "Try again": the page is checked again once an address is saved.
  if (ext.storage.onChanged) {
    ext.storage.onChanged.addListener((changes) => {
      if (changes.disabledSites) readSiteOn();
      if (changes.serviceUrl && ui.last && ui.last.kind === "failure" && ui.last.failure.state === "no_service") run();
    });
  }

  /**
   * Each id of a listing gets its badge now, saying "Checking…", so the answer fills it in place instead of pushing the
   * text after it along, and every row under it down, as it arrives (CLS 0.14 at 360 px wide). Called in the same task
   * as the scan that found the ids (after run's removeBadges), so the page is never drawn without the room.
   */
  function reserve(nodes) {
    if (siteOn) TL.placeAllBadges(doc, nodes, TL.pendingView, MAX_BADGES);
  }

  async function badge(gen, nodes, ids, startedAt) {
    if (!ids.length) {   // (the page changed under the scan: nothing to badge)
      mark("state", "none");
      return;
    }
    reserve(nodes);
    mark("scan-ms", (performance.now() - startedAt).toFixed(2));
    mark("state", "loading");
    const res = await send({ type: "status", url: location.href, ids });
    if (gen !== generation) return;
    if (!res.ok) TL.removeBadges(doc);
    if (!res.ok && res.state === "disabled") {
      mark("state", res.state); // the site is off: nothing at all
      return;
    }
    if (!res.ok) {
      // the service is down or failed: one note for the page, with why and what to do (the set-up, the options), not
      // a bare "? Not checked" beside each id (walk-through r26 #7); never "Not found" (badges.js badgeView)
      const failure = Object.assign({}, res, { nctId: null, detail: TL.listingFailureDetail(res) });
      ui.last = { kind: "failure", failure };
      openFor(TL.failureView(failure).tone, TL.problemKeys({ failure: res.state }));
      TL.renderFailure(doc, failure, ui);
      refocus();
      mark("state", res.state);
      return;
    }
    const r0 = performance.now();
    const answered = (id) => Object.prototype.hasOwnProperty.call(res.statuses, id);
    const view = (id) => TL.badgeView(id, res.statuses[id], (res.missing || {})[id], (res.waits || {})[id]);
    if (!doc.querySelector("triallens-badge")) TL.placeAllBadges(doc, nodes, (id) => (answered(id) ? view(id) : null), MAX_BADGES);   // (no room kept)
    let count = 0;
    for (const host of doc.querySelectorAll("triallens-badge")) {
      const id = host.getAttribute("data-nct");
      if (!answered(id)) {
        TL.removeBadge(host);
        continue;
      }
      TL.showBadge(host, view(id));
      count += 1;
    }
    // after "Try again" on the listing's note, which is gone now: the keyboard goes on from the first badge, not from
    // nowhere (the top of the page)
    if (ui.refocus) TL.focusFirstBadge(doc);
    ui.refocus = false;
    mark("render-ms", (performance.now() - r0).toFixed(2));
    mark("badges", count);
    mark("state", "badged");
  }

  /** One pass over the page: classify, then annotate or badge. */
  async function run(quiet) {
    const gen = ++generation;
    // on ClinicalTrials.gov itself the card offers the plain-English criteria, and compares nothing
    ui.officialSite = TL.isOfficialSite(location.hostname);
    const startedAt = performance.now();
    TL.removeBadges(doc);
    const scan = TL.scanPage(doc);
    const { nodes, page } = scan;
    if (nav.watch) nav.watch.sig = TL.pageSignature(doc, scan);
    if (page.kind === "trial" && nav.watch && TL.showsOtherTrial(scan.facts, TL.urlTrial(location.href))) return hold();
    if (page.kind === "trial") return annotate(gen, startedAt, page.nctId, quiet === true);
    if (page.kind === "unsure") return annotate(gen, startedAt, null);
    ui.last = null;
    ui.trial = null;
    ui.refocus = page.kind === "listing" && ui.refocus;   // (a listing's "Try again" may draw its note again)
    TL.removeCard(doc);
    // (only the ids that will get a badge are asked about)
    if (page.kind === "listing") return badge(gen, nodes, TL.badgeIds(nodes, MAX_BADGES), startedAt);
    mark("scan-ms", (performance.now() - startedAt).toFixed(2));
    mark("state", "none");
  }

  // Single-page sites change the URL without a page load: content/pagewatch.js watches for it and runs again once the
  // DOM settles; then keeps watching the page for a while (TL.WATCH_MS), and checks again when what it shows changes.
  /** The address changed: the card of another trial than it names comes down at once (an answer on its way is dropped). */
  function leave(urlId) {
    if (ui.last && ui.last.kind !== "loading" && ui.trial && ui.trial !== urlId) {
      generation += 1;
      ui.trial = urlId;
      ui.last = { kind: "loading" };
      TL.renderLoading(doc, ui);
      mark("state", "loading");
    }
  }

  /** The watch is over: a card still waiting for the address's trial says the page never showed it. */
  function ended() {
    if (ui.last && ui.last.kind === "loading" && ui.last.held) run();   // (the service decides, and its answer is checked)
    else if (ui.last && ui.last.kind === "loading" && ui.last.settling) settling(ui.last.settling);
  }
  nav.start();
  globalThis.addEventListener("pageshow", (ev) => { if (ev.persisted) run(); });

  // The keyboard shortcut (manifest "commands"), passed on by the background worker: opens or folds the card.
  if (ext.runtime.onMessage) {
    ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (!msg || msg.type !== "toggleCard" || !sender || sender.id !== ext.runtime.id) return false;
      sendResponse({ ok: true, did: TL.toggleByShortcut(doc, ui) });
      return false;
    });
  }

  // Hide/Show used to be one flag for every card; it is remembered per trial now (cardMemory).
  Promise.resolve().then(() => ext.storage.local.remove("collapsed")).catch(() => {});

  // This script runs before the page is read (manifest run_at document_start) so that a listing's badges get their
  // room in the task that read its HTML, before the page is first drawn, on a site known to be on. The check itself
  // waits as a document_idle script would: the page's load, or 200 ms after its HTML was read.
  const siteRead = readSiteOn();
  let roomKept = false;
  function keepRoom() {
    if (roomKept || generation || !siteOn) return;   // (once the check began, it keeps the room itself)
    roomKept = true;
    const { nodes, page } = TL.scanPage(doc);
    if (page.kind === "listing") reserve(nodes);
  }
  function ready() {
    // content/siteon.js ran before this (both at document_start): the site is on, with no wait for storage
    if (globalThis.TrialLensSiteOn === true) {
      mark("site-on", "registered");   // (for the end-to-end tests: the registration reached this page)
      if (siteOn === null) siteOn = true;
    }
    keepRoom();
    siteRead.then(() => {
      if (siteOn) keepRoom();
      else if (!generation) {   // (switched off just now, before the registration followed)
        TL.removeBadges(doc);
        doc.documentElement.removeAttribute("data-triallens-site-on");
      }
    });
    if (doc.readyState === "complete") return siteRead.then(run);
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      siteRead.then(run);
    };
    globalThis.addEventListener("load", start, { once: true });
    setTimeout(start, 200);
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", ready, { once: true });
  else ready();
})();