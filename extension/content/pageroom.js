/* TrialLens: room at the end of the page for the folded card.
 *
 * Folded, the card sits over the window's bottom corner (a pill on a phone, its headline on a wider window), just
 * where a page has its last links and lines. So while it is shown folded the page gets that much room at its end,
 * and can be scrolled until its last line is clear of the card: an empty element after the page's own content
 * (padding on <html> or <body> is not enough: on the common `html, body { height: 100% }` it lands after the first
 * screen, not after the content), and as much scroll-padding, so a link reached with Tab is scrolled clear of the card
 * too. Both go, and the page's own scroll-padding comes back, when the card opens, goes or is closed.
 * Styles are set through CSSOM, not a <style> element or attribute, which a page's Content-Security-Policy may refuse.
 */
(function (root) {
  "use strict";
  const TAG = "triallens-room";
  const GAP = 8;   // px between the page's last line and the card's top edge
  const saved = new WeakMap();   // document -> the page's own inline scroll-padding-bottom, to put back

  /** Room for `host` (the card's element, shown and folded): returns the height kept free, in CSS px (0: none). */
  function makeRoom(doc, host) {
    const win = doc.defaultView;
    const body = doc.body;
    const rect = host.getBoundingClientRect();
    if (!win || !body || !rect.height) { giveBackRoom(doc); return 0; }   // not laid out (hidden, or a DOM without layout)
    const need = Math.max(0, Math.ceil(win.innerHeight - rect.top)) + GAP;
    let room = doc.querySelector(TAG);
    if (!room) {
      room = doc.createElement(TAG);
      room.setAttribute("aria-hidden", "true");
      for (const [k, v] of [["display", "block"], ["clear", "both"], ["margin", "0"], ["padding", "0"], ["border", "0"],
        ["width", "1px"], ["min-width", "0"], ["flex", "none"], ["pointer-events", "none"], ["visibility", "hidden"]]) {
        room.style.setProperty(k, v, "important");
      }
    }
    if (room.parentNode !== body || body.lastElementChild !== room) body.append(room);   // (after whatever the page added)
    room.style.setProperty("height", `${need}px`, "important");
    const html = doc.documentElement;
    if (!saved.has(doc)) {
      saved.set(doc, { value: html.style.getPropertyValue("scroll-padding-bottom"),
        priority: html.style.getPropertyPriority("scroll-padding-bottom"),
        base: parseFloat(win.getComputedStyle(html).scrollPaddingBottom) || 0 });
    }
    html.style.setProperty("scroll-padding-bottom", `${saved.get(doc).base + need}px`, "important");
    return need;
  }

  /** The page as it was: no room element, its own scroll-padding back. */
  function giveBackRoom(doc) {
    const room = doc.querySelector(TAG);
    if (room) room.remove();
    const s = saved.get(doc);
    if (!s) return;
    saved.delete(doc);
    const html = doc.documentElement;
    if (s.value) html.style.setProperty("scroll-padding-bottom", s.value, s.priority);
    else html.style.removeProperty("scroll-padding-bottom");
    if (html.getAttribute("style") === "") html.removeAttribute("style");   // (no empty style="" left on the page)
  }

  /** Room while the card is on the page and folded; none otherwise. The card's size is watched while it is shown. */
  function fitRoom(doc) {
    const host = doc.querySelector("triallens-card");
    if (!host || !host.isConnected || host.hasAttribute("data-expanded")) {
      giveBackRoom(doc);
      return 0;
    }
    const RO = doc.defaultView && doc.defaultView.ResizeObserver;
    if (RO && !host.tlRoomWatch) {
      // (a window crossing 700px wide turns the pill into the headline card, a different height)
      host.tlRoomWatch = new RO(() => { if (host.isConnected) fitRoom(doc); });
      host.tlRoomWatch.observe(host);
    }
    return makeRoom(doc, host);
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { fitRoom, giveBackRoom, ROOM_TAG: TAG });
})(globalThis);
