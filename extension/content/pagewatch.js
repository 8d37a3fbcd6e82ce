/* TrialLens: after a single-page site changes its address, whose trial the page shows yet.
 *
 * Such sites change the URL first and draw the new trial when its data arrives (clinconnect.io, ClinicalTrials.gov's
 * own study pages): a check 400 ms later read the last trial's HTML under the new trial's address, and the card kept
 * that trial's verdict, or a skeleton's "Could not check", for good (review r60 #1). navigationWatch watches the page
 * for a while after each address change and checks again when what the page shows changes (pageSignature); an answer about
 * another trial than the address's (answerIsFor) is never shown there, a neutral "checking" card is, and if the page
 * never shows the address's trial, the card says so (mismatchFailure).
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;

  // How long after an address change the page is watched, how long it must be quiet before it is read again, and how
  // many times at most it is checked again then (each check is one request to the service).
  const WATCH_MS = 8000;
  const QUIET_MS = 400;
  const MAX_RECHECKS = 3;

  /** The one trial an address names in its path ("/trials/NCT06844474"), or null (none, or more than one). */
  function urlTrial(url) {
    const ids = TL.nctIdsInPath(url);
    return ids.length === 1 ? ids[0] : null;
  }

  /** The ids an answer is about: the service's trial, the page's own id as read, the record's. */
  function answerTrials(annotation) {
    const a = annotation && typeof annotation === "object" ? annotation : {};
    const ids = [a.nct_id, a.page && a.page.nct_id, a.official && a.official.nct_id];
    return ids.filter((id) => typeof id === "string" && TL.isNctId(id)).map((id) => id.toUpperCase());
  }

  /** Whether an answer may be shown at an address naming `trial` (null: any answer may; the address names none). */
  function answerIsFor(annotation, trial) {
    return !trial || answerTrials(annotation).includes(trial);
  }

  /**
   * Whether the page names its own trial (in its title or first heading, or after a label: "NCT ID: …") and that is not
   * the one its address names: the page still shows the last trial, and checking it now would compare that trial's
   * page with the new trial's record (a site reader that takes the address's id).
   */
  function showsOtherTrial(facts, urlId) {
    if (!urlId || !facts) return false;
    const own = [...TL.findNctIds(facts.heading || ""), ...(facts.labelledIds || [])].map((id) => String(id).toUpperCase());
    return own.length > 0 && !own.includes(urlId);
  }

  /**
   * What the page shows, coarsely: its kind and trial as read, the ids in its text, its title and first heading, and
   * the size of its text (in steps of about 40%), so a skeleton filled in, or another trial drawn, reads differently.
   */
  function pageSignature(doc, scan) {
    const h1 = doc.querySelector("h1");
    const text = doc.body ? doc.body.textContent.length : 0;
    const ids = scan.nodes.flatMap((n) => TL.nctOccurrences(n.data).map((o) => o.id));
    return JSON.stringify([scan.page.kind, scan.page.nctId || "", ids, doc.title || "", h1 ? h1.textContent.trim() : "",
      Math.round(2 * Math.log2(text + 1))]);
  }

  /** True when a mutation is only TrialLens's own elements coming and going (the card, its room, badges). */
  function ownMutation(record) {
    const ours = (n) => n.nodeType === 1 && /^triallens-/.test(n.localName);
    let el = record.target && record.target.nodeType === 1 ? record.target : record.target && record.target.parentElement;
    for (; el; el = el.parentElement) if (ours(el)) return true;
    const nodes = [...(record.addedNodes || []), ...(record.removedNodes || [])];
    return nodes.length > 0 && nodes.every(ours);
  }

  /**
   * The card when, after an address change, the page still shows another trial than the address names: no verdict,
   * the address's trial's record, and "Try again".
   */
  function mismatchFailure(urlId, annotation) {
    const shown = answerTrials(annotation).find((id) => id !== urlId);
    return {
      ok: false, state: "page_mismatch", title: TL.HEADLINES.could_not_check, nctId: urlId,
      detail: `This page's address names ${urlId}, but the page still shows ${shown || "another trial"}. `
        + `Try again once the page shows ${urlId}.`,
    };
  }

  /** The address as a page: without its fragment (an anchor followed on the page is no new page). */
  function pageKey(url) {
    return url.split("#")[0];
  }

  /**
   * Single-page sites change the URL without a page load: watches for it and runs the check again once the DOM
   * settles; then keeps watching the page for a while (TL.WATCH_MS, read when asked: a test may shorten it), and
   * checks again when what it shows changes.
   * hooks (content.js): run(quiet) checks the page; leave(urlId) takes down a card about another trial at once;
   * ended() when the watch is over. `navigated` from the first address change on; `watch` while the page is watched
   * for the new trial: {until, sig, rechecks, timer}. start() listens (at the point content.js did so itself).
   */
  function navigationWatch(doc, hooks) {
    const state = { navigated: false, watch: null, start };
    let lastUrl = pageKey(location.href);
    let timer = null;

    function onMaybeNavigated() {
      const key = pageKey(location.href);
      if (key === lastUrl) return false;
      lastUrl = key;
      state.navigated = true;
      clearTimeout(timer);
      if (state.watch) clearTimeout(state.watch.timer);
      state.watch = { until: performance.now() + TL.WATCH_MS, sig: null, rechecks: 0, timer: null };
      setTimeout(endWatch, TL.WATCH_MS + 50);
      // the card of another trial than the new address names comes down at once (an answer on its way is dropped)
      hooks.leave(TL.urlTrial(location.href));
      timer = setTimeout(hooks.run, 400);
      return true;
    }

    /** A mutation while the page is watched: once the page is quiet, check again if what it shows changed. */
    function onMutations(records) {
      if (onMaybeNavigated()) return;
      const watch = state.watch;
      if (!watch || performance.now() > watch.until || watch.rechecks >= TL.MAX_RECHECKS) return;
      if (Array.isArray(records) && records.every(TL.ownMutation)) return;
      clearTimeout(watch.timer);
      const w = watch;
      w.timer = setTimeout(() => {
        if (w !== state.watch || w.sig === null || performance.now() > w.until) return;   // (the first check is still to come)
        if (TL.pageSignature(doc, TL.scanPage(doc)) === w.sig) return;
        hooks.run(true);
      }, TL.QUIET_MS);
    }

    /** The watch is over: a card still waiting for the address's trial says the page never showed it (hooks.ended). */
    function endWatch() {
      if (!state.watch || performance.now() < state.watch.until) return;
      state.watch = null;
      hooks.ended();
    }

    function start() {
      new MutationObserver(onMutations).observe(doc, { subtree: true, childList: true, characterData: true });
      root.addEventListener("popstate", () => onMaybeNavigated());
      if (root.navigation) root.navigation.addEventListener("navigatesuccess", () => onMaybeNavigated());
    }
    return state;
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, {
    WATCH_MS, QUIET_MS, MAX_RECHECKS, urlTrial, answerTrials, answerIsFor, showsOtherTrial, pageSignature, ownMutation, mismatchFailure,
    navigationWatch,
  });
})(globalThis);
