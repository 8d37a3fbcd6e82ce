/* TrialLens: the keyboard shortcut and the toolbar button, in the background worker. The browser tells the background worker that the
 * shortcut (manifest "commands": "toggle-card", Alt+Shift+K unless the reader changed it) was pressed; this passes it
 * on to the content script of the tab it was pressed in, which opens or folds the card (content/cardkeys.js). The
 * options page names the shortcut with the same lookup (shortcutState).
 * Kept apart from background.js, with the browser's calls injected, so Node tests can run it.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const TOGGLE_COMMAND = "toggle-card";
  const TOGGLE_MESSAGE = { type: "toggleCard" };

  /**
   * One command. `tab`: the tab it was pressed in, when the browser says (Chrome does; older Firefox does not).
   * deps: {activeTab: () => Promise<tab|undefined>, sendToTab: (tabId, message) => Promise}.
   * Resolves to the content script's answer ({ok, did}), or null: another command, no tab, or a tab where TrialLens
   * does not run (no content script to answer: nothing to open there).
   */
  async function handleCommand(command, tab, deps) {
    if (command !== TOGGLE_COMMAND) return null;
    const target = tab && Number.isInteger(tab.id) && tab.id >= 0 ? tab : await deps.activeTab().catch(() => null);
    if (!target || !Number.isInteger(target.id) || target.id < 0) return null;
    try {
      return (await deps.sendToTab(target.id, { ...TOGGLE_MESSAGE })) || null;
    } catch (_) {
      return null;
    }
  }

  /**
   * The toolbar button (manifest "action"): the shortcut's path, so a reader without keys (Firefox for Android, touch)
   * can bring back a card they closed; on a page with no card to open (no trial, a listing, a site TrialLens does not
   * run on) it opens the options, where what TrialLens needs is said. deps: handleCommand's, and openOptions.
   * Resolves to the content script's answer, or {ok: true, did: "options"}.
   */
  async function handleAction(tab, deps) {
    const res = await handleCommand(TOGGLE_COMMAND, tab, deps);
    if (res && typeof res.did === "string" && res.did !== "none") return res;
    await deps.openOptions();
    return { ok: true, did: "options" };
  }

  /**
   * Installed for the first time: the options page, which says plainly that TrialLens needs a TrialLens service and
   * how to test the connection (out of the box it looks on this computer, where most people run none: r26 #13).
   * Not on an update or a browser update. Resolves true when it opened them.
   */
  async function handleInstalled(details, deps) {
    if (!details || details.reason !== "install") return false;
    await deps.openOptions();
    return true;
  }

  /**
   * The card's command as the browser has it now: {known, shortcut}. `known`: the browser says it has the command
   * (false when it cannot say: no commands API, as on Firefox for Android, or a failure; or it has no such command).
   * `shortcut`: its keys as this browser writes them ("Alt+Shift+K", "Ctrl+Shift+Y", "⌥⇧K"), "" when none is set
   * (the reader cleared it, or another extension took its keys). The two differ for the options page, which keeps
   * its own words when the browser cannot say but tells the reader when there are no keys.
   * `commands`: the browser's commands API (chrome.commands or browser.commands; content scripts cannot call it).
   */
  async function shortcutState(commands) {
    const none = { known: false, shortcut: "" };
    if (!commands || typeof commands.getAll !== "function") return none;
    try {
      const all = await commands.getAll();
      const cmd = (Array.isArray(all) ? all : []).find((c) => c && c.name === TOGGLE_COMMAND);
      if (!cmd) return none;
      return { known: true, shortcut: typeof cmd.shortcut === "string" ? cmd.shortcut.trim() : "" };
    } catch (_) {
      return none;
    }
  }

  /**
   * The card's shortcut as the browser has it now, for the card's "closed" note: "" when none is set or the browser
   * cannot say; nothing is named then, rather than keys that do nothing.
   */
  async function currentShortcut(commands) {
    return (await shortcutState(commands)).shortcut;
  }

  return { TOGGLE_COMMAND, TOGGLE_MESSAGE, handleCommand, handleAction, handleInstalled, shortcutState, currentShortcut };
});
