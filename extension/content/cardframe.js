/* TrialLens: the card's frame: its host element and shadow root, its styles, the header (icon, headline,
 * Hide/Show) and the "More ↓" cue. Every card (loading, verdict, failure, the official record's own page) is
 * drawn by frame(), with a body that card.js puts together.
 *
 * The shadow root keeps the page's CSS out of the card and the card's CSS out of the page.
 */
(function (root) {
  "use strict";
  const TL = root.TrialLens;
  const { h, styleEl } = TL;

  // Sizes in em, from the host's font-size, which `all: initial` makes the reader's own default (16px unless they
  // changed it in the browser's settings): "calc(13em / 14)" is 13px inside the card's 14px text at the default, and
  // grows with the reader's setting, as the page's own text does (px did not). The page's root size never counts.
  const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  width: min(22.5em, calc(100vw - 32px)); display: block; }
* { box-sizing: border-box; }
.card { font: calc(14em / 16)/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
  background: #fff; border: 1px solid #c9ced6; border-left-width: 6px; border-radius: 8px;
  box-shadow: 0 4px 18px rgba(0,0,0,.18); max-height: min(60vh, 640px); overflow: auto; overflow-wrap: anywhere; }
.tone-ok { border-left-color: #1a7f37; } .tone-warn { border-left-color: #b35900; }
.tone-alert { border-left-color: #c62828; } .tone-unknown, .tone-info { border-left-color: #57606a; }
header { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px; padding: 10px 10px 8px 12px; position: sticky; top: 0; background: #fff; z-index: 1; }
/* open, the header stays put over the text scrolling under it: an edge shows where one ends and the other begins */
.expanded header { border-bottom: 1px solid #d0d7de; box-shadow: 0 3px 6px -3px rgba(0,0,0,.25); margin-bottom: 8px; }
/* "More" on a solid strip over the bottom edge while the card holds more than it shows (text must not show
   through it); meanwhile the body keeps room at its end, so the last lines can be scrolled clear of it */
.more { position: sticky; bottom: 0; height: 0; }
.more[hidden] { display: none; }
.more span { position: absolute; left: 0; right: 0; bottom: 0; padding: 6px 12px; text-align: center; cursor: pointer;
  background: #fff; border-top: 1px solid #d0d7de; color: #0757b8; font-weight: 650; font-size: 1em; line-height: 1.45; }
.has-more .body { padding-bottom: 36px; }
.has-more { scroll-padding-bottom: 40px; }   /* (a control reached with Tab stops above the strip: keepFocusInSight) */
/* narrow windows (phones, zoomed in): open, the card spans the bottom of the window and takes at most half of it */
@media (max-width: 699.98px) {
  :host([data-expanded]) { left: 0; right: 0; bottom: 0; width: auto; }
  :host([data-expanded]) .card { max-height: 50vh; border-radius: 8px 8px 0 0; }
}
.icon { flex: none; width: calc(22em / 13); height: calc(22em / 13); border-radius: 50%; color: #fff; font-weight: 700;
  display: inline-flex; align-items: center; justify-content: center; font-size: calc(13em / 14); margin-top: 1px; }
.tone-ok .icon { background: #1a7f37; } .tone-warn .icon { background: #b35900; }
.tone-alert .icon { background: #c62828; } .tone-unknown .icon { background: #57606a; }
.tone-info .icon { background: #57606a; }
/* a word is never cut ("ClinicalTrials.\ngov" at a phone's width with large text: walk-through r26 #9): the headline
   is as wide as its longest word at least, and Hide and Close go to a row of their own when they no longer fit beside
   it; only a word longer than the whole card is broken */
.headline { flex: 1 1 min-content; min-width: 0; margin: 0; font-size: calc(15em / 14); font-weight: 650; line-height: 1.35;
  overflow-wrap: break-word; }
.brand { display: block; font-size: calc(12em / 15); font-weight: 400; color: #57606a; }
.short { display: none; }   /* the verdict in a word, drawn only in the narrow folded pill */
button { font: inherit; font-size: calc(13em / 14); cursor: pointer; border-radius: 6px; border: 1px solid #8c959f;
  background: #f6f8fa; color: #1b1f24; padding: 3px 10px; }
button:hover { background: #eaeef2; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
/* a word, not a lone "–", and a target of at least 44×44px */
.toggle { flex: none; min-width: 56px; min-height: 44px; padding: 0 12px; font-size: 1em; font-weight: 600; margin: -4px -2px -4px auto; }
.body { padding: 0 12px 12px; }
.body[hidden] { display: none; }
p { margin: 0 0 8px; }
.muted { color: #57606a; font-size: calc(12.5em / 14); }
/* the record's status: the key fact, read rather than skimmed, on its own row */
.record-status { font-size: 1em; color: #1b1f24; margin: 0 0 2px; }
.record-status strong { font-weight: 650; }
.who a { display: inline-block; padding: .25em 0; }   /* (the record's one link: a target 24px tall at least) */
.status-caveat { color: #8a4500; font-weight: 600; }   /* (the record's own caveat: amber as its finding, 6.9:1 on white) */
ul { margin: 0 0 8px; padding-left: 18px; }
.findings { list-style: none; padding: 0; }
.finding { border-top: 1px solid #e1e4e8; padding: 8px 0 4px; }
.finding .sev { display: block; font-size: calc(13em / 14); font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 2px; }
.sev-critical .sev { color: #c62828; } .sev-warning .sev { color: #b35900; } .sev-info .sev { color: #57606a; }
dl.values, dl.glance { margin: 4px 0 8px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dt { font-weight: 600; color: #424a53; } dd { margin: 0; }
.date { color: #57606a; }
details { border-top: 1px solid #e1e4e8; padding: 6px 0; }
summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
h3 { font-size: calc(13.5em / 14); margin: 10px 0 4px; }
h4.group { font-size: calc(13em / 14); font-weight: 650; margin: 8px 0 2px; color: #1b1f24; }   /* (whose list: server/item_groups.py) */
h3.registry-heading { font-size: calc(15em / 14); margin-top: 14px; }   /* (a heading no smaller than the text under it) */
li { margin-bottom: 4px; }
details.words { border: 0; padding: 0; margin: 2px 0 0; font-size: calc(13.5em / 14); }
details.words summary { font-weight: 400; color: #0757b8; padding: 3px 0; min-height: 24px; }
details.words dl { margin: 2px 0 6px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dl.glance details.words dl { grid-template-columns: 1fr; gap: 0; }   /* (inside a glance row: term above meaning) */
dl.glance details.words dd { margin-bottom: 4px; }
.rewritten { color: #57606a; font-size: calc(13em / 14); margin-left: 4px; }
.exceptions { margin: 4px 0 0; font-size: calc(13em / 14); font-weight: 600; }
.worded { margin: 2px 0 0; font-size: calc(13em / 14); color: #424a53; font-style: italic; }
.worded-mark { margin-left: 6px; font-size: calc(12em / 14); color: #424a53; font-style: italic; }
.related li { margin-bottom: 8px; }
.status { display: inline-block; font-size: calc(13em / 14); padding: 0 6px; border-radius: 10px; background: #eaeef2; margin-left: 4px; }
.status.tone-ok { background: #dafbe1; color: #116329; } .status.tone-closed { background: #ffebe9; color: #a40e26; }
.why { color: #424a53; font-size: calc(12.5em / 14); margin: 2px 0 0; }
a { color: #0969da; }
footer { border-top: 1px solid #e1e4e8; padding-top: 8px; }
footer .checked { font-size: 1em; }   /* when it was checked, and whether from a stored copy: read, not skimmed */
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
.next-steps { margin: 2px 0 10px; align-items: center; }
.criteria-actions { align-items: center; gap: 4px 14px; }
a.full-tab { display: inline-block; padding: .25em 0; }   /* (a target 24px tall at least) */
a.primary { display: inline-flex; align-items: center; min-height: 44px; padding: 6px 14px; border-radius: 6px;
  background: #0969da; color: #fff; font-weight: 600; text-decoration: none; }
a.primary:hover { background: #0757b8; }
.next-steps button { min-height: 44px; padding: 6px 14px; }
details.technical summary { font-weight: 400; color: #424a53; }
/* read by screen readers, not drawn */
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
/* "Close for this page": a 44×44 target beside Hide/Show */
.close { flex: none; min-width: 44px; min-height: 44px; padding: 0; font-size: calc(20em / 14); line-height: 1; margin: -4px -2px -4px 0; }
/* narrow windows, folded: a pill (the icon, "TrialLens", Show, Close) over the corner, not a bar over the page's own
   controls; the name says what the pill is (review r17: icon, Show and × alone did not). The headline's words stay in
   the heading for screen readers, which hear "TrialLens" once, as before, and are read out when they arrive (the
   status region) */
@media (max-width: 699.98px) {
  :host(:not([data-expanded])) { left: auto; width: auto; right: 8px; bottom: 8px; }
  :host(:not([data-expanded])) .headline { flex: none; }
  :host(:not([data-expanded])) .brand { display: inline; font-size: calc(12em / 15); font-weight: 650; color: #1b1f24; white-space: nowrap; }
  /* (and the verdict in a word where there is one: "In sync" says what a tap would tell; walk-through r26 T2) */
  :host(:not([data-expanded])) .short { display: inline; flex: none; font-size: calc(12em / 14); font-weight: 600; color: #1b1f24; white-space: nowrap; }
  :host(:not([data-expanded])) .headline-text { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
  /* (closer together: the name widens the pill by about 40px, not 70) */
  :host(:not([data-expanded])) header { flex-wrap: nowrap; align-items: center; gap: 4px; padding: 6px; }
  :host(:not([data-expanded])) .toggle { min-width: 44px; padding: 0 6px; }
  /* (room in the pill for the buttons' whole focus ring, 5px: the card clipped it above and below them) */
  :host(:not([data-expanded])) .toggle, :host(:not([data-expanded])) .close { margin: -1px 0; }
  :host(:not([data-expanded])) .card { border-radius: 24px; }
}
/* text large for a narrow window (about 400px at a 26px default font: media queries' em is the reader's default size):
   the open card may take more of the window's height, so the header does not leave the findings a sliver (r26 #9) */
@media (max-width: 18em) {
  :host([data-expanded]) .card { max-height: 70vh; }
  .headline { font-size: 1em; }
}
/* short windows (400% zoom, a phone held sideways, 200% on a 768px-high screen; at 200% of 860px the card keeps to half): the header scrolls away with the text and the "More" strip
   goes, so the findings have the window's height, not the sliver the header and the strip left (WCAG 1.4.10) */
@media (max-height: 400px) {
  header { position: static; }
  .expanded header { box-shadow: none; }
  .more { display: none; }
  .has-more .body { padding-bottom: 12px; }
  .has-more { scroll-padding-bottom: 0; }
  :host([data-expanded]) .card { max-height: calc(100vh - 32px); }
}
@media (max-height: 400px) and (max-width: 699.98px) {
  :host([data-expanded]) .card { max-height: calc(100vh - 8px); }
}
`;

  // The page (its address without the fragment) the reader closed the card on: no card there until they go elsewhere.
  const closedOn = new WeakMap();
  function pageKey(doc) {
    return String((doc.location && doc.location.href) || "").split("#")[0];
  }

  /**
   * The card's host element with its shadow root, created once per page: the style and, for screen readers, one
   * status region that stays for the card's life (its text changes when the verdict arrives; a region inserted
   * with its text is often not read out). On a page where the reader closed the card, a host that is never shown.
   */
  function ensureHost(doc) {
    let host = doc.querySelector("triallens-card");
    if (!host) {
      host = doc.createElement("triallens-card");
      // Open so tests (and assistive tools) can read it; the card holds nothing the page does not already have.
      const shadow = host.attachShadow({ mode: "open" });
      shadow.append(styleEl(doc, CSS), h(doc, "div", { className: "sr-only live", attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" } }));
      TL.watchFocus(host);
      if (closedOn.get(doc) !== pageKey(doc)) {
        TL.dropNote(doc);   // (the card is back: "closed" is no longer news)
        doc.documentElement.append(host);
      }
    }
    return host;
  }

  function removeCard(doc, keepPlace) {
    const host = doc.querySelector("triallens-card");
    if (host) host.remove();
    TL.giveBackRoom(doc, keepPlace);   // (the room kept for it at the page's end, pageroom.js)
  }

  /** "Close for this page": the card goes until the reader moves to another page (or this one is loaded again). */
  function closeCard(doc) {
    closedOn.set(doc, pageKey(doc));
    removeCard(doc, true);   // (a reader at the page's end, in the room, is not moved)
  }

  /** The card closed for this page may come back (the keyboard shortcut asks for it): the next render shows it. */
  function reopenCard(doc) {
    closedOn.delete(doc);
  }

  /**
   * A warning or alert that opened by itself comes first in the keyboard's order (the host as the body's first
   * child, or right after the page's skip link when that is the first stop: cardkeys.js skipLinkPart; it is still
   * drawn at the bottom corner), so a keyboard user reaches it in one Tab, not after every link on the page. Focus
   * itself is not moved: the page stays where the reader is (frame() does not call it while focus is in the card).
   * true when the host moved.
   */
  function placeHost(doc, host, tone, expanded) {
    const body = doc.body;
    if (!body || !host.isConnected || !expanded || !["warn", "alert"].includes(tone)) return false;
    const skip = TL.skipLinkPart(doc);
    if (skip ? skip.nextSibling === host : body.firstChild === host) return false;
    if (skip) skip.after(host);
    else body.prepend(host);
    return true;
  }

  /** The status region's words, changed only when they change (a re-render for Hide/Show or a wording is not news). */
  function announce(doc, shadow, text, moved) {
    const live = shadow.querySelector(".live");
    if (!live || live.textContent === text) return;
    const win = doc.defaultView;
    // (a host just moved is a new node to assistive tools: the words change a frame later, once it is in their tree)
    if (moved && win && win.requestAnimationFrame) {
      live.dataset.pending = text;
      win.requestAnimationFrame(() => win.requestAnimationFrame(() => {
        if (live.dataset.pending === text) { live.textContent = text; delete live.dataset.pending; }
      }));
      return;
    }
    delete live.dataset.pending;
    live.textContent = text;
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
    const close = h(doc, "button", { className: "close", text: "\u00d7",
      attrs: { type: "button", "aria-label": "Close TrialLens on this page", title: "Close TrialLens on this page" } });
    close.addEventListener("click", (ev) => {
      // focus in the card goes with it: back to the page element it came from (not the top of the page); a click
      // (ev.detail > 0, not Enter or Space) keeps the page where it is
      // (with nowhere to go back to, focus is left on the page, where the next Tab goes on from the card's place, and
      // a screen reader hears that the card went and how to bring it back)
      const host = shadow.host;
      const focusWasInCard = Boolean(shadow.activeElement);
      closeCard(doc);
      if (!(focusWasInCard && TL.focusBack(host, ev.detail > 0))) TL.sayClosed(doc, ui.shortcutKeys ? ui.shortcutKeys() : "");
      if (ui.onClose) ui.onClose();
    });
    const card = h(doc, "aside", { className: `card tone-${tone.tone}`, attrs: { "aria-label": "TrialLens check against ClinicalTrials.gov", "aria-busy": busy ? "true" : "false" } }, [
      h(doc, "header", {}, [
        h(doc, "span", { className: "icon", text: tone.icon, attrs: { "aria-hidden": "true" } }),
        // a heading (reached with a screen reader's heading key); the status region reads out its words
        h(doc, "h2", { className: "headline" }, [
          h(doc, "span", { className: "brand", text: "TrialLens" }), h(doc, "span", { className: "headline-text", text: headline }),
        ]),
        // (the verdict in a word, for the eye only, beside the heading: screen readers hear the headline itself)
        tone.short ? h(doc, "span", { className: "short", text: tone.short, attrs: { "aria-hidden": "true" } }) : null,
        toggle,
        close,
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
    // Only the card is replaced: the style and the status region stay.
    const previous = shadow.querySelector(".card");
    const scrollTop = previous ? previous.scrollTop : 0;
    const focusInCard = Boolean(shadow.activeElement);   // (before the old card, and the focus in it, goes)
    if (focusInCard) TL.keepReturnPoint(shadow.host);
    if (previous) previous.replaceWith(card);
    else shadow.append(card);
    card.scrollTop = scrollTop;
    more.fit();
    const moved = !focusInCard && placeHost(doc, shadow.host, tone.tone, expanded);
    TL.fitRoom(doc);   // folded over the page's bottom corner: room to scroll the page's last lines clear of it
    announce(doc, shadow, `TrialLens: ${headline}`, moved);
    return card;
  }

  /**
   * A control reached with Tab is scrolled into the part of the card the reader sees, not under the sticky header
   * (Shift+Tab, going up) or the "More" strip (Tab, going down): the card's scroll padding is the header's height (0
   * where it scrolls away, on a short window) and the strip's (WCAG 2.4.11). Set through CSSOM, as pageroom.js does.
   */
  function keepFocusInSight(card) {
    const header = card.querySelector("header");
    const win = card.ownerDocument.defaultView;
    const sticky = Boolean(header && win && win.getComputedStyle(header).position === "sticky");
    card.style.setProperty("scroll-padding-top", sticky ? `${header.offsetHeight + 4}px` : "0px");
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
    more.fit = () => { more.update(); keepFocusInSight(card); };
    card.addEventListener("scroll", more.update, { passive: true });
    card.addEventListener("toggle", more.update, true); // a disclosure opened or closed (toggle does not bubble)
    more.addEventListener("click", () => card.scrollBy({ top: Math.round(card.clientHeight * 0.8), behavior: "smooth" }));
    // the window resized, or content changed size: one observer per shadow root, moved to the new card
    const RO = doc.defaultView && doc.defaultView.ResizeObserver;
    if (shadow.tlResize) shadow.tlResize.disconnect();
    if (RO) {
      shadow.tlResize = new RO(more.fit);
      shadow.tlResize.observe(card);
      const body = card.querySelector(".body");
      if (body) shadow.tlResize.observe(body);
    }
    return more;
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { ensureHost, removeCard, closeCard, reopenCard, frame });
})(globalThis);
