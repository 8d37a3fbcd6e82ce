/* TrialLens: the one way the content scripts build DOM: h(), the element builder, and its helpers.
 *
 * Every string from the service or the page goes in through textContent or a checked
 * attribute (never as markup), so a finding that contains "<script>" shows those characters:
 * attributes named on* are dropped, and an href must pass safeLink (format.js: https, or http too for the service's
 * own page, serviceLink). Apart so that this
 * rule has one home, shared by the card and the listing badges.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;

  /** Element builder: text goes through textContent; attributes are plain data, never handlers. */
  function h(doc, tag, props, children) {
    const el = doc.createElement(tag);
    const p = props || {};
    if (p.className) el.className = p.className;
    if (p.text !== undefined && p.text !== null) el.textContent = String(p.text);
    for (const [name, value] of Object.entries(p.attrs || {})) {
      if (/^on/i.test(name) || value === null || value === undefined || value === false) continue;
      if (name === "href" && !TL.safeLink(String(value), null, p.schemes)) continue;
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

  function link(doc, href, text) {
    return h(doc, "a", { text, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
  }

  /** A link to the reader's own TrialLens service's page (TL.servicePageUrl): the one that may be http, in a new tab. */
  function serviceLink(doc, href, text) {
    return h(doc, "a", { text, schemes: TL.SERVICE_SCHEMES, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { h, styleEl, link, serviceLink });
})(globalThis);
