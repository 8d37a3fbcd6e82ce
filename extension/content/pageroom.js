/* TrialLens: room at the end of the page for the card.
 *
 * The card sits over the window's bottom corner (folded: a pill on a phone, its headline on a wider window; open: up to
 * 60% of the window's height, on a phone its whole width), just where a page has its last links and lines. So while it
 * is shown the page gets that much room at its end (the open card's height while it is open: walk-through r26 #11),
 * and can be scrolled until its last line is clear of the card: an empty element after the page's own content
 * (padding on <html> or <body> is not enough: on the common `html, body { height: 100% }` it lands after the first
 * screen, not after the content), and as much scroll-padding, so a link reached with Tab is scrolled clear of the card
 * too. Both go in what scrolls: the window, or on an app-like page whose window cannot scroll, the element that does.
 * Where the element does not land below the content (a body laid out as a row), padding on its parent instead.
 * The room follows the card's height as it opens, folds or resizes; shrinking, it keeps what a reader at the page's end
 * has in view (heldHeight), so the page does not move under them, and gives the rest back as they scroll up. Both go,
 * and the page's own styles come back, when the card goes or is closed. A bar the page fixes to the window's bottom
 * edge lifts the card above it, also one the page shows later (watchPage).
 * Styles are set through CSSOM, not a <style> element or attribute, which a page's Content-Security-Policy may refuse.
 */
(function (root) {
  "use strict";
  const TAG = "triallens-room";
  const GAP = 8;   // px between the page's last line and the card's top edge
  const saved = new WeakMap();   // document -> [{ el, prop, value, priority, base }]: the page's own styles, to put back

  const css = (el) => el.ownerDocument.defaultView.getComputedStyle(el);
  const blocked = (o) => o === "hidden" || o === "clip";
  const ours = (el, room) => el === room || el.localName === "triallens-card" || el.localName === "triallens-note";

  /**
   * Adds `add` px to a length of the page's element (its own value, `base`, as computed before we first set it), in
   * `next`, the list of styles set in this pass; the page's own inline value is kept to put back.
   */
  function addToStyle(doc, next, el, prop, add) {
    const before = (saved.get(doc) || []).find((s) => s.el === el && s.prop === prop);
    const entry = before || { el, prop, value: el.style.getPropertyValue(prop), priority: el.style.getPropertyPriority(prop),
      base: parseFloat(css(el).getPropertyValue(prop)) || 0 };
    next.push(entry);
    el.style.setProperty(prop, `${entry.base + add}px`, "important");
  }

  function restore(entries) {
    for (const s of entries) {
      if (s.value) s.el.style.setProperty(s.prop, s.value, s.priority);
      else s.el.style.removeProperty(s.prop);
      if (s.el.getAttribute("style") === "") s.el.removeAttribute("style");   // (no empty style="" left on the page)
    }
  }

  /** Styles of the last pass not set again in this one go back to the page's own; `next` is what is set now. */
  function keepStyles(doc, next) {
    restore((saved.get(doc) || []).filter((s) => !next.includes(s)));
    if (next.length) saved.set(doc, next);
    else saved.delete(doc);
  }

  /** Whether `el` scrolls its content (overflow auto or scroll, more content than height). */
  function scrolls(el) {
    const o = css(el).overflowY;
    return (o === "auto" || o === "scroll" || o === "overlay") && el.scrollHeight > el.clientHeight + 1;
  }

  /**
   * What the page scrolls in: the window (document.scrollingElement), or when the window cannot scroll (`html, body
   * { overflow: hidden }` and a scrolling element inside, as app shells do) the element under the middle of the
   * window that scrolls, the largest if several do. The room goes at that element's end.
   */
  function scrollerOf(doc, host) {
    const win = doc.defaultView;
    const html = doc.documentElement;
    const body = doc.body;
    const viewport = blocked(css(html).overflowY) ? css(html).overflowY
      : (css(html).overflowY === "visible" && blocked(css(body).overflowY) ? css(body).overflowY : "auto");
    if (!blocked(viewport)) return { el: html, box: body };   // (the root's scroll-padding is the window's)
    if (scrolls(body)) return { el: body, box: body };
    let best = null;
    const points = typeof doc.elementsFromPoint === "function"
      ? [[0.5, 0.5], [0.25, 0.75], [0.75, 0.25]].flatMap(([x, y]) => doc.elementsFromPoint(win.innerWidth * x, win.innerHeight * y)) : [];
    for (const hit of new Set(points)) {
      if (hit === host || hit === html || hit === body || !body.contains(hit) || !scrolls(hit)) continue;
      if (!best || hit.clientHeight * hit.clientWidth > best.clientHeight * best.clientWidth) best = hit;
    }
    return best ? { el: best, box: best } : null;
  }

  /** The lowest bottom edge, in the window, of the boxes laid out in `box` (not the room, not fixed or absolute). */
  function contentBottom(box, room) {
    let bottom = -Infinity;
    for (const child of box.children) {
      if (ours(child, room)) continue;
      const s = css(child);
      if (s.display === "none" || s.position === "fixed" || s.position === "absolute") continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
    }
    return bottom;
  }

  /**
   * The background the page ends on (its last box's, or that box's last child's where it ends at the same line, as a
   * site footer inside a wrapper), so the room carries it on rather than showing a white band under a dark footer.
   */
  function endColour(box, room) {
    let el = null;
    for (let c = box.lastElementChild; c; c = c.previousElementSibling) {
      if (ours(c, room)) continue;
      const s = css(c);
      if (s.display !== "none" && s.position !== "fixed" && s.position !== "absolute") { el = c; break; }
    }
    for (let depth = 0; el && depth < 4; depth++) {
      const bg = css(el).backgroundColor;
      if (bg && !/^(transparent|rgba\([^)]*,\s*0\))$/.test(bg)) return bg;
      const last = el.lastElementChild;
      if (!last || Math.abs(last.getBoundingClientRect().bottom - el.getBoundingClientRect().bottom) > 2) return "";
      el = last;
    }
    return "";
  }

  /**
   * The least height the room must keep so that the page does not move: a reader scrolled to the page's end (in the
   * room) would be pulled up by a smaller one. `el` scrolls the page; 0 at the top, where no height moves it.
   */
  function heldHeight(el, room) {
    if (!room || !room.isConnected || !(el.scrollTop > 0)) return 0;
    const fromEnd = el.scrollHeight - el.clientHeight - el.scrollTop;
    return Math.max(0, Math.ceil(room.getBoundingClientRect().height - fromEnd));
  }

  /** Room for `host` (the card's element, shown, folded or open): returns the height kept free, in CSS px (0: none). */
  function makeRoom(doc, host) {
    const win = doc.defaultView;
    const body = doc.body;
    const rect = host.getBoundingClientRect();
    if (!win || !body || !rect.height) { giveBackRoom(doc); return 0; }   // not laid out (hidden, or a DOM without layout)
    const need = Math.max(0, Math.ceil(win.innerHeight - rect.top)) + GAP;
    let room = doc.querySelector(TAG);
    stopTail(room);
    const next = [];
    const scroller = scrollerOf(doc, host);
    if (!scroller) {
      if (room) room.remove();
      keepStyles(doc, next);
      return 0;
    }
    if (!room) {
      room = doc.createElement(TAG);
      room.setAttribute("aria-hidden", "true");
      for (const [k, v] of [["display", "block"], ["clear", "both"], ["margin", "0"], ["padding", "0"], ["border", "0"],
        ["width", "auto"], ["min-width", "0"], ["flex", "none"], ["align-self", "stretch"], ["grid-column", "1 / -1"],
        ["pointer-events", "none"]]) {
        room.style.setProperty(k, v, "important");
      }
    }
    const box = scroller.box;
    // (what a reader at the end has in view stays when the card folds; scrolling up, it goes: followScroll's re-checks)
    const held = heldHeight(scroller.el === doc.documentElement ? doc.scrollingElement || scroller.el : scroller.el, room);
    if (room.parentNode !== box || box.lastElementChild !== room) box.append(room);   // (after whatever the page added)
    room.style.setProperty("height", `${Math.max(need, held)}px`, "important");
    const colour = endColour(box, room);
    if (colour) room.style.setProperty("background-color", colour, "important");
    else room.style.removeProperty("background-color");
    // (a body laid out as a row puts the room beside the columns, where it adds no height: padding on it instead)
    if (room.getBoundingClientRect().top < contentBottom(box, room) - 1) {
      room.remove();
      addToStyle(doc, next, box, "padding-bottom", need);
    }
    addToStyle(doc, next, scroller.el, "scroll-padding-bottom", need);
    keepStyles(doc, next);
    return need;
  }

  /** The window or element the room's page scrolls in, for its scroll events. */
  function scrollTarget(room) {
    const doc = room.ownerDocument;
    const p = room.parentElement;
    return !p || p === doc.body && !scrolls(p) ? doc.defaultView : p;
  }

  function stopTail(room) {
    if (room && room.tlTail) { room.tlTail(); room.tlTail = null; }
  }

  /**
   * The page as it was: no room element, its own styles back. With `keepPlace` (the card closed or opened while the
   * reader is at the page's end, in the room): the part of the room still in view stays, and shrinks as the reader
   * scrolls back up, so the page does not jump under them when it goes.
   */
  function giveBackRoom(doc, keepPlace) {
    followScroll(doc, false);   // (no folded card: scrolling is no news)
    const room = doc.querySelector(TAG);
    keepStyles(doc, []);
    if (!room) return;
    stopTail(room);
    const win = doc.defaultView;
    const inView = () => {
      const target = scrollTarget(room);
      const bottom = target === win ? win.innerHeight : target.getBoundingClientRect().bottom;
      return Math.floor(bottom - room.getBoundingClientRect().top);
    };
    const r = room.getBoundingClientRect();
    const left = keepPlace && win && r.height ? Math.min(r.height, inView()) : 0;
    if (left <= 0) { room.remove(); return; }
    room.style.setProperty("height", `${left}px`, "important");
    const target = scrollTarget(room);
    const shrink = () => {
      const now = inView();
      if (now <= 0) { stopTail(room); room.remove(); }
      else if (now < parseFloat(room.style.height)) room.style.setProperty("height", `${now}px`, "important");
    };
    target.addEventListener("scroll", shrink, { passive: true });
    room.tlTail = () => target.removeEventListener("scroll", shrink);
  }

  /**
   * A page's own bar fixed to the window's bottom edge under the card's corner (a cookie notice, a phone's bottom menu,
   * a "Contact the site" strip): the card goes up to sit above it, so the bar's words and buttons stay in sight and in
   * reach. Only a bar in the window's lower half (not a full-window layer); found where the card is, so a bar that
   * does not reach the corner leaves the card where it is.
   */
  function liftOverBars(doc, host) {
    const win = doc.defaultView;
    host.style.removeProperty("bottom");
    if (!host.getAttribute("style")) host.removeAttribute("style");
    if (!win || typeof doc.elementsFromPoint !== "function") return;
    const rect = host.getBoundingClientRect();
    if (!rect.width) return;
    const edge = win.innerHeight - 2;
    let top = win.innerHeight;
    for (const x of [rect.left + 8, (rect.left + rect.right) / 2, rect.right - 8]) {
      for (const hit of doc.elementsFromPoint(x, edge)) {
        if (hit === host || hit.localName === TAG) continue;
        for (let el = hit; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
          const pos = css(el).position;
          if (pos !== "fixed" && pos !== "sticky") continue;
          const r = el.getBoundingClientRect();
          if (r.bottom >= edge && r.top >= win.innerHeight / 2) top = Math.min(top, r.top);
          break;
        }
      }
    }
    if (top >= win.innerHeight) return;
    const base = parseFloat(css(host).bottom) || 0;
    host.style.setProperty("bottom", `${Math.ceil(win.innerHeight - top) + base}px`, "important");
  }

  const WATCH_MS = 250;   // at most one re-check this often, however busy the page: each one costs a layout
  const watching = new WeakMap();   // document -> { observer, schedule, timer }

  /**
   * A bar the page shows after the card is drawn (a cookie notice a second later, a chat strip, a phone's bottom menu)
   * was only seen at the card's next redraw, so the folded card sat over it (review r17). While the card is on the
   * page, what shows such a bar sets off a re-check, at most one per WATCH_MS: elements added or removed, a class,
   * style or hidden attribute changed, a transition or animation ending (a bar sliding in), the window resized. The
   * re-check's own changes (the room, the card's lift) are taken back out of the queue (fitRoom), so one re-check
   * does not set off the next. A bar that goes (Accept) lets the card back down the same way. While the card is
   * folded, scrolling sets one off too (followScroll): a bar that sticks only while its part of the page is in view
   * (`position: sticky; bottom: 0`) comes and goes with no change to the page at all.
   */
  function watchPage(doc) {
    const win = doc.defaultView;
    if (watching.has(doc) || !win || typeof win.MutationObserver !== "function") return;
    const w = { timer: 0 };
    const check = () => {
      w.timer = 0;
      const host = doc.querySelector("triallens-card");
      if (host && host.isConnected) fitRoom(doc);
      else unwatchPage(doc);   // (the card went: nothing to keep clear)
    };
    w.schedule = () => { if (!w.timer) w.timer = win.setTimeout(check, WATCH_MS); };
    w.observer = new win.MutationObserver(w.schedule);
    w.observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true,
      attributeFilter: ["class", "style", "hidden", "open"] });
    for (const type of ["transitionend", "animationend"]) doc.addEventListener(type, w.schedule, true);
    win.addEventListener("resize", w.schedule);
    watching.set(doc, w);
  }

  // (capture: the window's scroll, and an app shell's scrolling element's, whose scroll events do not bubble)
  const SCROLL_OPTIONS = { capture: true, passive: true };

  /**
   * Scrolling sets off the same re-check (at most one per WATCH_MS, and one after the last scroll) while `on`: only
   * while the card is folded, the one state in which it sits in the window's corner over the page's bottom edge.
   */
  function followScroll(doc, on) {
    const w = watching.get(doc);
    if (!w || Boolean(w.scrolling) === on) return;
    if (on) doc.addEventListener("scroll", w.schedule, SCROLL_OPTIONS);
    else doc.removeEventListener("scroll", w.schedule, SCROLL_OPTIONS);
    w.scrolling = on;
  }

  function unwatchPage(doc) {
    const w = watching.get(doc);
    if (!w) return;
    const win = doc.defaultView;
    followScroll(doc, false);
    w.observer.disconnect();
    for (const type of ["transitionend", "animationend"]) doc.removeEventListener(type, w.schedule, true);
    if (win) { win.removeEventListener("resize", w.schedule); win.clearTimeout(w.timer); }
    watching.delete(doc);
  }

  /** Room while the card is on the page, as tall as it is, folded or open; none otherwise. The card's size, and the page, are watched while it is shown. */
  function fitRoom(doc) {
    try {
      return fitRoomNow(doc);
    } finally {
      const w = watching.get(doc);
      if (w) w.observer.takeRecords();   // (our own changes are no news of the page's)
    }
  }

  function fitRoomNow(doc) {
    const host = doc.querySelector("triallens-card");
    if (host && host.isConnected) {
      liftOverBars(doc, host);
      watchPage(doc);
    }
    if (!host || !host.isConnected) {
      giveBackRoom(doc, true);
      return 0;
    }
    const RO = doc.defaultView && doc.defaultView.ResizeObserver;
    if (RO && !host.tlRoomWatch) {
      // (the card opening, folding, or its disclosures opening; a window crossing 700px wide turns the pill into the
      // headline card, a different height)
      host.tlRoomWatch = new RO(() => { if (host.isConnected) fitRoom(doc); });
      host.tlRoomWatch.observe(host);
    }
    const need = makeRoom(doc, host);
    // Scrolling sets off re-checks while the card is folded (a sticky bar comes and goes with scrolling alone), and
    // while the room is held taller than the card needs (the card folded or shrank with the reader at the page's end):
    // scrolling up, it shrinks to the card's. Open at its height, the card is no pill in the corner: no listener.
    const room = doc.querySelector(TAG);
    followScroll(doc, !host.hasAttribute("data-expanded") || Boolean(room && parseFloat(room.style.height) > need));
    return need;
  }

  root.TrialLens = Object.assign(root.TrialLens || {}, { fitRoom, giveBackRoom, ROOM_TAG: TAG });
})(globalThis);
