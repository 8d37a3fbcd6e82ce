/* TrialLens: reading the page: the text nodes a reader sees that hold an NCT id, and what the page is (a trial's page,
 * a listing, unsure, nothing: lib/nct.js classifyPage) from them, its address, headings, labels and registry links.
 * content.js reads the page with scanPage at its start and at each check, and sends the service pageHtml.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "TRIALLENS-CARD", "TRIALLENS-BADGE"]);

  /** Text nodes a reader sees (no scripts, styles or our own elements) that contain an NCT id. */
  function textNodes(doc, rootNode) {
    const out = [];
    if (!rootNode) return out;
    // Elements are visited too so a skipped element drops its whole subtree in one step.
    const walker = doc.createTreeWalker(rootNode, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === 1) return SKIP.has(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        // (an id in any form the service reads: "NCT\u200b07041801", "NCT 0704 1801", fullwidth digits; lib/nct.js)
        return TL.hasNctId(node.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  }

  /**
   * The label before an element that starts with `node`'s text: the previous element's text, found on the way up
   * while the id is the first thing shown ("<dt>NCT ID</dt><dd>…" and "<dt>Identifiers</dt><dd><ul><li><a>NCT…").
   */
  function labelBefore(doc, node) {
    const start = node.data.trimStart();
    let el = node.parentElement;
    for (let depth = 0; el && depth < 5; depth++) {
      if (el.previousElementSibling) return el.previousElementSibling.textContent;
      const up = el.parentElement;
      if (!up || up === doc.body || !up.textContent.trimStart().startsWith(start)) return "";
      el = up;
    }
    return "";
  }

  /** Ids right after a label ("NCT ID: …"), in the same text node or in the element before. */
  function labelledIds(doc, nodes) {
    const out = [];
    for (const node of nodes) {
      let prev = null;
      for (const occ of TL.nctOccurrences(node.data)) {
        const before = node.data.slice(0, occ.start);
        if (TL.isLabelled(before)) out.push(occ.id);
        else if (!before.trim() && TL.isLabelled(prev === null ? (prev = labelBefore(doc, node)) : prev)) out.push(occ.id);
      }
    }
    return out;
  }

  /** Ids in links to ClinicalTrials.gov records ("View on ClinicalTrials.gov"). */
  function registryLinkIds(doc) {
    const links = doc.querySelectorAll('a[href*="clinicaltrials.gov" i]');
    const out = [];
    for (let i = 0; i < links.length && i < 500; i++) out.push(...TL.nctIdsInUrl(links[i].href));
    return out;
  }

  /** What classifyPage weighs: the address, headings, and the ids in the text, in labels and in registry links. */
  function pageFacts(doc, nodes) {
    const h1 = doc.querySelector("h1");
    const canonical = doc.querySelector('link[rel="canonical"], meta[property="og:url"]');
    return {
      url: doc.location.href,
      canonical: canonical ? canonical.href || canonical.content || "" : "",
      registryLinkIds: registryLinkIds(doc),
      heading: `${doc.title || ""} ${h1 ? h1.textContent : ""}`,
      bodyIds: nodes.flatMap((n) => TL.nctOccurrences(n.data).map((o) => o.id)),
      labelledIds: labelledIds(doc, nodes),
    };
  }

  /** The page's text nodes holding an NCT id, what the page is, and what that was decided from: {nodes, page, facts}. */
  function scanPage(doc) {
    const nodes = textNodes(doc, doc.body);
    const facts = pageFacts(doc, nodes);
    return { nodes, page: TL.classifyPage(facts), facts };
  }

  /**
   * The page's HTML as the service reads it: TrialLens's own card, and the room kept for it at the page's end, left out
   * (the card's shadow content is never serialized anyway).
   */
  function pageHtml(doc) {
    TL.dropNote(doc);   // (and the short-lived note that the card was closed)
    TL.giveBackRoom(doc);   // (also what is left of the room after "Close", while the reader is still at the page's end)
    const host = doc.querySelector("triallens-card");
    if (!host) return doc.documentElement.outerHTML;
    host.remove();
    try {
      return doc.documentElement.outerHTML;
    } finally {
      doc.documentElement.append(host);
      TL.fitRoom(doc);
    }
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { scanPage, pageHtml });
})(globalThis);
