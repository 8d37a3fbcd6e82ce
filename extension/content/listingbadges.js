/* TrialLens: the status badges on listing pages: a small badge in its own shadow root after an NCT id (its words
 * from badgeView, badges.js), and taking every badge off the page again. content.js decides where they go.
 */
(function (root) {
  "use strict";
  const { h, styleEl } = root.TrialLens;

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

  root.TrialLens = Object.assign(root.TrialLens || {}, { makeBadge, removeBadges });
})(globalThis);
