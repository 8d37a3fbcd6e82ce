/* TrialLens background: the only part of the extension that talks to the service.
 *
 * Chrome runs this file as the MV3 service worker and loads the libraries with importScripts;
 * Firefox runs it as an event page after the libraries listed in manifest background.scripts.
 */
/* global importScripts */
if (typeof importScripts === "function" && typeof globalThis.TrialLens === "undefined") {
  importScripts("lib/nct.js", "lib/failures.js", "lib/protocol.js", "lib/commands.js");
}

(function () {
  "use strict";
  const ext = globalThis.browser || globalThis.chrome;
  const TL = globalThis.TrialLens;
  const supportedHosts = TL.manifestHosts(ext.runtime.getManifest());

  const deps = {
    fetch: (url, init) => fetch(url, init),
    getSettings: () => ext.storage.local.get(["serviceUrl", "disabledSites", "apiKey"]),
    platform: () => TL.platformOs(ext.runtime),   // (Firefox for Android: no service at 127.0.0.1, protocol.js defaultServiceUrl)
    supportedHosts,
    now: () => performance.timeOrigin + performance.now(),
    openOptions: () => ext.runtime.openOptionsPage(),
    shortcut: () => TL.currentShortcut(ext.commands),   // (for the card's "closed" note: content scripts cannot ask)
  };

  const toTab = {
    activeTab: () => ext.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]),
    sendToTab: (tabId, message) => ext.tabs.sendMessage(tabId, message),
    openOptions: deps.openOptions,
  };
  // The keyboard shortcut (manifest "commands") opens or folds the card in the tab it was pressed in (lib/commands.js);
  // the toolbar button does the same, or opens the options where there is no card
  if (ext.commands && ext.commands.onCommand) {
    ext.commands.onCommand.addListener((command, tab) => { TL.handleCommand(command, tab, toTab); });
  }
  if (ext.action && ext.action.onClicked) {
    ext.action.onClicked.addListener((tab) => { TL.handleAction(tab, toTab).catch(() => {}); });
  }
  // installed for the first time: the options page says what TrialLens needs (a running TrialLens service)
  if (ext.runtime.onInstalled) {
    ext.runtime.onInstalled.addListener((details) => { TL.handleInstalled(details, toTab).catch(() => {}); });
  }

  // content/siteon.js registered for the sites that are on (lib/nct.js siteOnSyncer): at each start of this worker (install,
  // update, the browser's start) and whenever the reader switches a site off or on in the options
  if (ext.scripting && ext.scripting.registerContentScripts) {
    const syncSiteOn = TL.siteOnSyncer({
      scripting: ext.scripting,
      manifest: ext.runtime.getManifest(),
      getDisabled: () => ext.storage.local.get(["disabledSites"]).then((s) => TL.readSettings(s).disabledSites),
    });
    syncSiteOn();
    if (ext.runtime.onStartup) ext.runtime.onStartup.addListener(() => { syncSiteOn(); });
    ext.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && changes.disabledSites) syncSiteOn();
    });
  }

  ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // Only this extension's own content scripts and pages may ask (no externally_connectable).
    if (!sender || sender.id !== ext.runtime.id) return false;
    TL.handleMessage(msg, deps).then(sendResponse, (err) => {
      console.error("TrialLens: background worker failed:", err);   // for developers; the card gets a plain sentence
      sendResponse({ ok: false, state: "error", title: TL.COULD_NOT_CHECK, detail: TL.INTERNAL_ERROR });
    });
    return true; // answer asynchronously
  });
})();
