/* TrialLens: the status badges on listing pages: a small badge in its own shadow root after an NCT id (its words
 * from badgeView, badges.js), placing them beside the ids, and taking every badge off the page again; and the words of
 * the one note a listing gets when they could not be checked. content.js decides when.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;
  const { h, styleEl } = TL;

  const BADGE_CSS = `
:host { all: initial; display: inline-block; margin: 0 4px; vertical-align: baseline; }
/* no taller than the line of text it sits in (a taller line pushed every row under it down as the badges arrived): the
   badge's box overlaps its line's leading by its border and its own (-0.3em), and the host adds no line of its own */
:host { line-height: 0; }
/* (wraps inside a narrow column rather than widening it: a phone's listing must not scroll sideways) */
:host { max-width: 100%; }
/* a phone's narrow column: the badge is a line of its own, so its words arriving never re-wrap the text around it (the
   text after it moved down a line, and every row under it with it: CLS 0.09-0.14 at 360-414 px); its line is as tall
   as the badge, overlapping no other */
@media (max-width: 600px) {
  :host { display: block; margin: 2px 0; line-height: normal; }
  .badge { margin: 0; }
}
/* a button (a disclosure of what the badge means, for keyboard and touch, not only a mouse's tooltip), drawn as a badge;
   13px at the reader's default 16px, which \`all: initial\` gives the host: it grows with their font-size setting */
.badge { display: inline-block; max-width: 100%; font: 600 calc(13em / 16)/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 0 6px; margin: -0.3em 0; border-radius: 9px; white-space: normal; overflow-wrap: anywhere; border: 1px solid transparent;
  text-align: start; cursor: pointer; }
.badge:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
/* whose label it is, drawn: "Not found" beside a site's link read as the site's own word (walk-through r26 #7) */
.mark { font-weight: 400; margin-right: 4px; padding-right: 4px; border-right: 1px solid currentColor; }
/* drawn over the page under its badge (a popover: the top layer, where no row's overflow clips it; placeNote puts it),
   so opening it moves nothing: in the badge's line it grew the line upward, pushing the badge into the row above */
.explain { display: block; position: fixed; inset: auto; box-sizing: border-box; width: max-content; max-width: min(24em, calc(100vw - 16px));
  margin: 0; padding: 4px 8px; border: 1px solid #c9ced6; border-radius: 6px; box-shadow: 0 2px 8px rgba(31, 35, 40, 0.2);
  background: #fff; color: #1b1f24; font: 400 calc(13em / 16)/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.explain[hidden] { display: none; }
/* read by screen readers, not drawn */
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.tone-ok { background: #dafbe1; color: #116329; border-color: #8fd19e; }
.tone-closed { background: #ffebe9; color: #a40e26; border-color: #f5a3a8; }
.tone-unknown { background: #eaeef2; color: #424a53; border-color: #c9ced6; }
/* not a status: dashed, so "? Not checked" (and a question, "? May have ended") does not read as a verdict on the trial */
.unchecked { background: #fff; border-style: dashed; border-color: #6e7781; }
/* a question about a checked record ("? May have ended"): amber as its card is ("This trial may have ended"), dashed */
.unchecked.tone-warn { background: #fff8e6; color: #7a3e00; border-color: #b35900; }
`;

  const NOTE_GAP = 4;   // px between a badge and its note, and the note and the window's edge

  /** Puts an open note under its badge (over it where there is no room below), inside the window's width. */
  function placeNote(button, note) {
    const doc = button.ownerDocument;
    const b = button.getBoundingClientRect();
    const n = note.getBoundingClientRect();
    const left = Math.max(NOTE_GAP, Math.min(b.left, doc.documentElement.clientWidth - n.width - NOTE_GAP));
    const below = b.bottom + NOTE_GAP;
    const above = b.top - NOTE_GAP - n.height;
    note.style.left = `${left}px`;
    note.style.top = `${below + n.height > doc.defaultView.innerHeight && above >= 0 ? above : below}px`;
  }

  /**
   * Opens or shuts a badge's note: shown in the top layer where the browser has popovers, placed under the badge and
   * kept there as the page or any part of it scrolls, or the window resizes, until it is shut or the badge taken off.
   */
  function noteToggle(host, button, note) {
    const win = host.ownerDocument.defaultView;
    const popover = typeof note.showPopover === "function";
    const follow = () => (host.isConnected ? placeNote(button, note) : set(false));
    function set(open) {
      note.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (popover && open !== note.matches(":popover-open")) {
        if (open) note.showPopover();
        else note.hidePopover();
      }
      const listen = open ? win.addEventListener : win.removeEventListener;
      listen.call(win, "scroll", follow, { capture: true, passive: true });
      listen.call(win, "resize", follow);
      if (open) placeNote(button, note);
    }
    return () => set(note.hidden);
  }

  /**
   * A small status badge after `anchor` (a text node or a link) on a listing page: a button marked "TrialLens" whose
   * press shows the longer label under it (keyboard and touch alike; the tooltip was the mouse's only). Its words are
   * showBadge's.
   */
  function makeBadge(doc, view) {
    const host = doc.createElement("triallens-badge");
    const shadow = host.attachShadow({ mode: "open" });
    const explain = h(doc, "span", { className: "explain", attrs: { id: "tl-explain", hidden: true, popover: "manual" } });
    const button = h(doc, "button", { attrs: { type: "button", "aria-expanded": "false", "aria-controls": "tl-explain" } }, [
      h(doc, "span", { className: "mark", text: "TrialLens", attrs: { "aria-hidden": "true" } }),
      h(doc, "span", { className: "sr-only" }),
      h(doc, "span", { className: "shown", attrs: { "aria-hidden": "true" } }),
    ]);
    const toggle = noteToggle(host, button, explain);
    button.addEventListener("click", (ev) => {
      ev.preventDefault();
      ev.stopPropagation();   // (a listing row that is itself clickable does not open the trial)
      toggle();
    });
    shadow.append(styleEl(doc, BADGE_CSS), button, explain);
    showBadge(host, view);
    return host;
  }

  /**
   * A badge's words (badgeView's, or pendingView's while its status is asked for), in place. Whose words these are
   * (TrialLens's reading of ClinicalTrials.gov, not the site's) and the longer label are in its name for screen readers.
   */
  function showBadge(host, view) {
    const shadow = host.shadowRoot;
    const button = shadow.querySelector("button");
    // (a badge never checked is no reading of ClinicalTrials.gov, and its "?" is for the eye: review round 14; a
    // question about a checked record, "? May have ended", is drawn as one but said as what was read: it was checked,
    // and "not checked" hid the record's status; review r56 F2)
    const said = view.pending ? "TrialLens: checking." : view.unchecked ? "TrialLens: not checked."
      : `TrialLens, from ${view.from || "ClinicalTrials.gov"}: ${view.said || view.text}.`;
    button.className = `badge tone-${view.tone}${view.unchecked || view.question ? " unchecked" : ""}`;
    button.title = `TrialLens: ${view.label}`;
    shadow.querySelector(".sr-only").textContent = `${said} ${view.label}.`;
    shadow.querySelector(".shown").textContent = view.text;
    shadow.querySelector(".explain").textContent = `TrialLens: ${view.label}.`;
  }

  /** A listing's one note when its statuses could not be asked for: the reason for the service down, else its own. */
  function listingFailureDetail(failure) {
    return failure.state === "unreachable"
      ? "None of the trials listed on this page were checked. Try again in a moment, or open the TrialLens options."
      : failure.detail || "None of the trials listed on this page were checked.";
  }

  /**
   * Badges for the ids in one text node: after the link holding it, else straight after each id
   * ("Also registered as NCT06997939 [Recruiting]: Autologous …", not after the whole title), splitting
   * the text there; removeBadges joins the text again. `viewOf(id)`: the badge's words, null for no badge;
   * `done`: ids already badged at this place.
   */
  function placeBadges(doc, node, viewOf, done, room) {
    const link = node.parentElement && node.parentElement.closest("a");
    const placed = [];
    const make = (id, view) => {
      const el = makeBadge(doc, view);
      el.setAttribute("data-nct", id);
      return el;
    };
    const wanted = (id) => (placed.length < room && !done.has(id) ? viewOf(id) : null);
    if (link) {
      let last = link;
      for (const id of TL.findNctIds(node.data)) {
        const view = wanted(id);
        if (!view) continue;
        done.add(id);
        const el = make(id, view);
        last.after(el);
        last = el;
        placed.push(el);
      }
      return placed.length;
    }
    let rest = node;   // the text still after the last badge placed
    let offset = 0;    // where `rest` starts in the node's original text
    for (const occ of TL.nctOccurrences(node.data)) {
      const view = wanted(occ.id);
      if (!view) continue;
      done.add(occ.id);
      const el = make(occ.id, view);
      const cut = occ.end - offset;
      if (cut < rest.data.length) {
        const after = rest.splitText(cut);
        el.setAttribute("data-split", "");
        rest.after(el);
        rest = after;
        offset = occ.end;
      } else {
        rest.after(el);
      }
      placed.push(el);
    }
    return placed.length;
  }

  /**
   * Badges beside a listing's ids (text nodes), `viewOf(id)` giving each its words (null: none); at most `max`. A link
   * with its id twice gets one badge.
   */
  function placeAllBadges(doc, nodes, viewOf, max) {
    const placed = new Map(); // link or text node -> ids already badged there
    let count = 0;
    for (const node of nodes) {
      if (!node.isConnected || count >= max) continue;
      const key = (node.parentElement && node.parentElement.closest("a")) || node;
      const done = placed.get(key) || new Set();
      placed.set(key, done);
      count += placeBadges(doc, node, viewOf, done, max - count);
    }
  }

  /** A badge off the page; text split to put it after an id is joined again. */
  function removeBadge(b) {
    const prev = b.previousSibling;
    const next = b.nextSibling;
    const split = b.hasAttribute("data-split");
    b.remove();
    if (split && prev && next && prev.nodeType === 3 && next.nodeType === 3) {
      prev.appendData(next.data);
      next.remove();
    }
  }

  /** Every badge off the page. */
  function removeBadges(doc) {
    for (const b of doc.querySelectorAll("triallens-badge")) removeBadge(b);
  }

  /**
   * The ids that get a badge, in the page's order, at most `max` badges: what placeBadges places over `nodes` (one per
   * id at a link, one after each id in running text). The status request asks for these only: an id past the last badge
   * cost a lookup and showed nothing (review r60 #5).
   */
  function badgeIds(nodes, max) {
    const done = new Map();   // link or text node -> ids badged there
    const out = new Set();
    let count = 0;
    for (const node of nodes) {
      if (count >= max) break;
      if (!node.isConnected) continue;
      const link = node.parentElement && node.parentElement.closest("a");
      const key = link || node;
      const here = done.get(key) || new Set();
      done.set(key, here);
      const ids = link ? TL.findNctIds(node.data) : TL.nctOccurrences(node.data).map((o) => o.id);
      for (const id of ids) {
        if (count >= max) break;
        if (here.has(id)) continue;
        here.add(id);
        out.add(id);
        count += 1;
      }
    }
    return [...out];
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { makeBadge, showBadge, placeBadges, placeAllBadges, removeBadge,
    removeBadges, listingFailureDetail, badgeIds });
})(globalThis);
