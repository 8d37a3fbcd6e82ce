/* TrialLens: the card and the keyboard. Where focus goes when the card closes or folds with focus in it (back to the
 * page element it came from, so a keyboard user carries on where they were, not from the top of the page), the
 * keyboard shortcut (manifest "commands": Alt+Shift+K unless the reader changed it, passed on by background.js) that
 * opens or folds the card, and the page's skip link a warning comes after in the Tab order.
 */
(function (root) {
  "use strict";
  const cameFrom = new WeakMap();   // the card's element -> the page element focus was on before it entered the card
  const redrawn = new WeakSet();    // cards redrawn with focus in them, until focus next enters them

  /**
   * Notes, each time focus enters the card from outside it, where it came from (null: nowhere, the page's body).
   * Not after a redraw with focus in the card (Hide/Show, Escape, the other wording): the focused button went with the
   * old card, so the new one's button is focused "from nowhere", and the reader's way back to the page must stay.
   */
  function watchFocus(host) {
    if (cameFrom.has(host)) return;
    cameFrom.set(host, null);
    host.addEventListener("focusin", (ev) => {
      const from = ev.relatedTarget;
      const afterRedraw = redrawn.delete(host);
      if (from === host || (from && host.contains(from))) return;   // (a move inside the card)
      if (!from && afterRedraw) return;
      cameFrom.set(host, from && from.nodeType === 1 && from !== host.ownerDocument.body ? from : null);
    });
  }

  /** frame() is about to replace the card while focus is in it: the next focus into it is no news of where from. */
  function keepReturnPoint(host) {
    redrawn.add(host);
  }

  /**
   * Focus back on the page element it came into the card from, if that is still on the page and can take it (a
   * control since removed, hidden or disabled cannot); true when it did. `preventScroll` for a mouse user, whose
   * page should not jump; a keyboard user is taken to it.
   */
  function focusBack(host, preventScroll) {
    const el = cameFrom.get(host);
    if (!el || !el.isConnected || typeof el.focus !== "function") return false;
    el.focus({ preventScroll: Boolean(preventScroll) });
    return el.getRootNode().activeElement === el;
  }

  const NOTE_TAG = "triallens-note";
  const NOTE_MS = 10000;   // long enough to be read out, then gone

  /**
   * What a screen reader hears when the card closes: the shortcut that brings it back as the browser has it now
   * (`keys`, from background.js: the reader may have changed it), or, with none set, what else does (the toolbar
   * button, manifest "action": also where there are no keys at all, as on Firefox for Android). Never a shortcut that is not there.
   */
  function closedNote(keys) {
    return keys ? `TrialLens closed for this page. ${keys} brings it back.`
      : "TrialLens closed for this page. The TrialLens button in the browser's toolbar or extensions menu brings it back.";
  }

  /**
   * Said to a screen reader when the card is closed and focus had no page element to go back to (a card that opened by
   * itself, the first stop for the Tab key): the card's own status region goes with it, so a short-lived one of its
   * own, not drawn (it is empty when it comes, and its words change a frame later, or it is often not read out).
   * Styles through CSSOM, as pageroom.js does (a page's Content-Security-Policy may refuse a style attribute).
   * `keys`: the shortcut, or a promise of it (the background worker is asked; "" or a failure: none is named).
   */
  function sayClosed(doc, keys) {
    dropNote(doc);
    const win = doc.defaultView;
    const note = doc.createElement(NOTE_TAG);
    for (const [k, v] of [["position", "fixed"], ["width", "1px"], ["height", "1px"], ["overflow", "hidden"],
      ["clip-path", "inset(50%)"], ["white-space", "nowrap"], ["bottom", "0"], ["right", "0"], ["pointer-events", "none"]]) {
      note.style.setProperty(k, v, "important");
    }
    const region = doc.createElement("div");
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    note.attachShadow({ mode: "open" }).append(region);
    doc.documentElement.append(note);
    Promise.resolve(keys).catch(() => "").then((k) => {
      const say = () => { if (note.isConnected) region.textContent = closedNote(typeof k === "string" ? k : ""); };
      if (win && win.requestAnimationFrame) win.requestAnimationFrame(() => win.requestAnimationFrame(say));
      else say();
    });
    if (win) win.setTimeout(() => note.remove(), NOTE_MS);
  }

  /** No note left on the page (a card is drawn again; the page is read for the service). */
  function dropNote(doc) {
    for (const n of doc.querySelectorAll(NOTE_TAG)) n.remove();
  }

  function cardButton(doc, selector) {
    const host = doc.querySelector("triallens-card");
    return host ? host.shadowRoot.querySelector(selector) : null;
  }

  /**
   * The keyboard shortcut. A folded card opens, and focus goes to its Hide button (so the keys read and scroll it); an
   * open card folds, and focus, if it was in the card, goes back to where it came from (else to the folded card's
   * Show). A card closed for this page comes back, open. A page with no card (a listing, no trial) is left alone.
   * `ui`: the content script's state (ui.last, ui.collapsed, ui.setCollapsed). Returns "opened", "folded" or "none".
   */
  function toggleByShortcut(doc, ui) {
    if (!ui.last) return "none";
    const TL = root.TrialLens;
    const host = doc.querySelector("triallens-card");
    if (!host || !host.isConnected || ui.collapsed) {
      TL.reopenCard(doc);
      ui.setCollapsed(false);
      const hide = cardButton(doc, ".toggle");
      if (hide) hide.focus();
      return "opened";
    }
    const focusWasInCard = Boolean(host.shadowRoot.activeElement);
    ui.setCollapsed(true);
    if (focusWasInCard && !focusBack(host, false)) {
      const show = cardButton(doc, ".toggle");
      if (show) show.focus();
    }
    return "folded";
  }

  // What the Tab key stops at, near enough to find the page's first stop (not `tabindex` order, nor what CSS hides)
  const TAB_STOPS = "a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
    + "select:not([disabled]), textarea:not([disabled]), iframe, summary, [contenteditable=''], [contenteditable=true], "
    + "[tabindex]:not([tabindex='-1'])";

  /**
   * Whether Tab reaches `el`: not inert, and drawn (not display:none, visibility:hidden or a `hidden` part, itself or
   * a parent's). A page's menu, promotion or search box kept hidden before its skip link is no first stop.
   */
  function tabReaches(el) {
    if (el.closest("[inert]")) return false;
    if (typeof el.checkVisibility === "function") return el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
    // (no layout, as in jsdom: the hidden attribute and the styles set)
    const css = (n) => n.ownerDocument.defaultView.getComputedStyle(n);
    for (let n = el; n; n = n.parentElement) if (n.hidden || css(n).display === "none") return false;
    return css(el).visibility !== "hidden";
  }

  /** Whether `el` is a link to a part of this page that is there ("#content", "#main"): a skip link, at its top. */
  function inPageLink(doc, el) {
    const href = el.localName === "a" ? el.getAttribute("href") || "" : "";
    if (href.length < 2 || href[0] !== "#") return false;
    let id = href.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* (kept as written) */ }
    return Boolean(doc.getElementById(id) || doc.getElementsByName(id).length);
  }

  /**
   * The page's skip links ("Skip to main content"), when one is the first thing Tab reaches: their part of the page
   * (the child of <body> holding them, when it holds no other Tab stop), for a warning to come next after, not before
   * it: a reader's Tab, Enter skips to the content as on every other page, and the warning is still the next stop,
   * before the site's own links. null when the page's first stop is something else.
   */
  function skipLinkPart(doc) {
    const body = doc.body;
    const stops = body ? [...body.querySelectorAll(TAB_STOPS)].filter(tabReaches) : [];
    if (!stops.length || !inPageLink(doc, stops[0])) return null;
    let part = stops[0];
    while (part.parentElement !== body) part = part.parentElement;
    return stops.every((el) => !part.contains(el) || inPageLink(doc, el)) ? part : null;
  }

  /** After "Try again": focus on the new card's "Try again" (or its Hide/Show button), not lost on the page. */
  function focusRetry(doc) {
    const host = doc.querySelector("triallens-card");
    // (a card opened as its headline has its "Try again" hidden)
    const btn = host && (host.shadowRoot.querySelector(".body:not([hidden]) .retry") || host.shadowRoot.querySelector(".toggle"));
    if (btn) btn.focus();
  }

  /** Focus on a listing's first badge (its button, in the badge's shadow root), scrolled into view. */
  function focusFirstBadge(doc) {
    const badge = doc.querySelector("triallens-badge");
    const btn = badge && badge.shadowRoot && badge.shadowRoot.querySelector("button");
    if (btn) btn.focus();
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { watchFocus, keepReturnPoint, focusBack, closedNote, sayClosed, dropNote,
    toggleByShortcut, skipLinkPart, focusRetry, focusFirstBadge });
})(globalThis);
