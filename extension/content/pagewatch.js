/* TrialLens: after a single-page site changes its address, whose trial the page shows yet.
 *
 * Such sites change the URL first and draw the new trial when its data arrives (clinconnect.io, ClinicalTrials.gov's
 * own study pages): a check 400 ms later read the last trial's HTML under the new trial's address, and the card kept
 * that trial's verdict, or a skeleton's "Could not check", for good (review r60 #1). content.js watches the page for a
 * while after each address change and checks again when what the page shows changes (pageSignature); an answer about
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

  root.TrialLens = Object.assign(root.TrialLens || {}, {
    WATCH_MS, QUIET_MS, MAX_RECHECKS, urlTrial, answerTrials, answerIsFor, showsOtherTrial, pageSignature, ownMutation, mismatchFailure,
  });
})(globalThis);
