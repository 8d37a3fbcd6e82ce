/* TrialLens: the keyboard shortcut, in the background worker. The browser tells the background worker that the
 * shortcut (manifest "commands": "toggle-card", Alt+Shift+K unless the reader changed it) was pressed; this passes it
 * on to the content script of the tab it was pressed in, which opens or folds the card (content/cardkeys.js).
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

  return { TOGGLE_COMMAND, TOGGLE_MESSAGE, handleCommand };
});
