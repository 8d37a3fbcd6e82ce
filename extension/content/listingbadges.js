/* TrialLens: the status badges on listing pages: a small badge in its own shadow root after an NCT id (its words
 * from badgeView, badges.js), and taking every badge off the page again. content.js decides where they go.
 */
(function (root) {
  "use strict";
  const { h, styleEl } = root.TrialLens;

  const BADGE_CSS = `
:host { all: initial; display: inline-block; margin: 0 4px; vertical-align: baseline; }
/* (wraps inside a narrow column rather than widening it: a phone's listing must not scroll sideways) */
:host { max-width: 100%; }
/* (13px at the reader's default 16px, which \`all: initial\` gives the host: it grows with their font-size setting) */
.badge { display: inline-block; max-width: 100%; font: 600 calc(13em / 16)/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 0 6px; border-radius: 9px; white-space: normal; overflow-wrap: anywhere; border: 1px solid transparent; }
/* read by screen readers, not drawn */
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.tone-ok { background: #dafbe1; color: #116329; border-color: #8fd19e; }
.tone-closed { background: #ffebe9; color: #a40e26; border-color: #f5a3a8; }
.tone-unknown { background: #eaeef2; color: #424a53; border-color: #c9ced6; }
/* not a status: dashed, so "? Not checked" does not read as a verdict on the trial */
.unchecked { background: #fff; border-style: dashed; border-color: #6e7781; }
`;

  /**
   * A small status badge after `anchor` (a text node or a link) on a listing page. Whose words these are (TrialLens's
   * reading of ClinicalTrials.gov, not the site's) and the longer label are in its text for screen readers (an
   * aria-label on a plain span is not read) and in its tooltip for the eye.
   */
  function makeBadge(doc, view) {
    const host = doc.createElement("triallens-badge");
    const shadow = host.attachShadow({ mode: "open" });
    // (a badge never checked is no reading of ClinicalTrials.gov, and its "?" is for the eye: review round 14)
    const said = view.unchecked ? "TrialLens: not checked." : `TrialLens, from ClinicalTrials.gov: ${view.text}.`;
    shadow.append(styleEl(doc, BADGE_CSS), h(doc, "span", {
      className: `badge tone-${view.tone}${view.unchecked ? " unchecked" : ""}`, attrs: { title: `TrialLens: ${view.label}` },
    }, [
      h(doc, "span", { className: "sr-only", text: `${said} ${view.label}.` }),
      h(doc, "span", { className: "shown", text: view.text, attrs: { "aria-hidden": "true" } }),
    ]));
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

  root.TrialLens = Object.assign(root.TrialLens || {}, { makeBadge, removeBadges });
})(globalThis);
