/* TrialLens: the card and the keyboard. Where focus goes when the card closes or folds with focus in it (back to the
 * page element it came from, so a keyboard user carries on where they were, not from the top of the page), and the
 * keyboard shortcut (manifest "commands": Alt+Shift+K, passed on by background.js) that opens or folds the card.
 */
(function (root) {
  "use strict";
  const cameFrom = new WeakMap();   // the card's element -> the page element focus was on before it entered the card

  /** Notes, each time focus enters the card from outside it, where it came from (null: nowhere, the page's body). */
  function watchFocus(host) {
    if (cameFrom.has(host)) return;
    cameFrom.set(host, null);
    host.addEventListener("focusin", (ev) => {
      const from = ev.relatedTarget;
      if (from === host || (from && host.contains(from))) return;   // (a move inside the card)
      cameFrom.set(host, from && from.nodeType === 1 && from !== host.ownerDocument.body ? from : null);
    });
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

  root.TrialLens = Object.assign(root.TrialLens || {}, { watchFocus, focusBack, toggleByShortcut });
})(globalThis);
