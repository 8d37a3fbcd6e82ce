/* TrialLens options: service address, API key, per-site switches. Builds DOM with textContent only. */
(function () {
  "use strict";
  const ext = globalThis.browser || globalThis.chrome;
  const TL = globalThis.TrialLens;
  const $ = (id) => document.getElementById(id);
  const manifest = ext.runtime.getManifest();
  const hosts = TL.manifestHosts(manifest);
  const platform = TL.platformOs(ext.runtime);   // ("android": Firefox for Android, showPlatform; and no default address there)

  function say(text, ok) {
    const el = $("service-msg");
    el.textContent = text;
    el.className = ok ? "ok" : "err";
  }

  async function load() {
    const settings = TL.readSettings(await ext.storage.local.get(["serviceUrl", "disabledSites", "apiKey"]), await platform);
    $("service-url").value = settings.serviceUrl || "";
    showUnset(!settings.serviceUrl);
    $("api-key").value = settings.apiKey;
    const list = $("sites");
    list.replaceChildren();
    for (const host of hosts) {
      const id = `site-${host.replace(/[^a-z0-9]/gi, "-")}`;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = !settings.disabledSites.includes(host);
      box.addEventListener("change", () => setSite(host, box.checked));
      const label = document.createElement("label");
      label.htmlFor = id;
      label.style.display = "inline";
      label.style.fontWeight = "400";
      label.textContent = ` ${host}`;
      const li = document.createElement("li");
      li.append(box, label);
      list.append(li);
    }
  }

  /** No address is set (Firefox for Android, nothing saved): the field is empty, and the prompt above it says why. */
  function showUnset(unset) {
    $("service-unset").hidden = !unset;
    // (a hidden element named in aria-describedby is still read: named only while shown)
    $("service-url").setAttribute("aria-describedby", unset ? "service-unset service-help" : "service-help");
  }

  async function setSite(host, on) {
    const settings = TL.readSettings(await ext.storage.local.get(["serviceUrl", "disabledSites"]));
    const off = new Set(settings.disabledSites);
    if (on) off.delete(host);
    else off.add(host);
    await ext.storage.local.set({ disabledSites: [...off].sort() });
  }

  async function save(ev) {
    ev.preventDefault();
    const url = TL.normalizeServiceUrl($("service-url").value);
    if (!url) {
      say("That is not a web address TrialLens can use: give http:// or https:// and a host, without a query.", false);
      return;
    }
    const typed = $("api-key").value.trim();
    const key = TL.normalizeApiKey(typed);
    if (typed && !key) {
      say("That API key cannot be sent: use letters, digits and punctuation only, no spaces.", false);
      return;
    }
    if (!TL.isLoopback(url)) {
      // A service elsewhere needs the user's permission for exactly its origin (optional_host_permissions).
      const granted = await ext.permissions.request({ origins: [TL.originPattern(url)] }).catch(() => false);
      if (!granted) {
        say("Not saved: TrialLens needs your permission to contact that address.", false);
        return;
      }
    }
    await ext.storage.local.set({ serviceUrl: url });
    showUnset(false);
    if (key) await ext.storage.local.set({ apiKey: key });
    else await ext.storage.local.remove("apiKey");
    $("service-url").value = url;
    say(`Saved. Pages are now checked by ${url}${key ? ", with your API key" : ""}.`, true);
  }

  async function test() {
    const url = TL.normalizeServiceUrl($("service-url").value);
    if (!url) return say("Enter a web address first.", false);
    // Through the background worker, the only part of TrialLens that talks to the service.
    const res = await ext.runtime.sendMessage({ type: "ping", serviceUrl: url, apiKey: $("api-key").value.trim() })
      .catch(() => null);
    // what it means for the reader; the address stays in the address field above
    if (res && res.ok) return say(`Connected \u2014 TrialLens can check pages on ${res.hosts.length} sites.`, true);
    // the person on this page set TrialLens up: the address and what to check, not the card's plain sentence
    return say(res && (res.technical || res.detail) ? res.technical || res.detail : `Could not reach ${url}.`, false);
  }

  /** The card's keyboard shortcut as the browser has it now: the reader may have changed it, or another extension taken it. */
  async function showShortcut() {
    if (!ext.commands) {   // (no commands API at all: Firefox for Android, which has no extension shortcuts)
      $("shortcut").textContent = "This browser has no keyboard shortcuts for extensions. On a trial page, TrialLens in the " +
        "browser's menu (under Extensions) opens or folds the TrialLens card, and brings it back after you closed it.";
      $("shortcut-help").hidden = true;
      return;
    }
    const { known, shortcut } = await TL.shortcutState(ext.commands);
    if (!known) return;   // (the browser cannot say: the page's own words, the manifest's keys)
    if (shortcut) {
      $("shortcut-keys").textContent = shortcut;   // (as this browser, on this system, writes it)
      $("shortcut-mac").remove();
    }
    else $("shortcut").textContent = "TrialLens has no keyboard shortcut just now (another extension may use its keys): you can set one as below.";
  }

  /** The address this copy came with (lib/protocol.js DEFAULT_SERVICE_URL, which `build.py --service-url` rewrites)
   * wherever the page names it: a package built for an organisation's service said 127.0.0.1:5000, "a service on this
   * computer". The wording for a default on this computer (data-default="here") or elsewhere ("elsewhere"). */
  function showDefault() {
    const url = TL.DEFAULT_SERVICE_URL;
    const here = TL.isLoopback(url);
    for (const el of document.querySelectorAll("[data-default]")) el.hidden = el.dataset.default !== (here ? "here" : "elsewhere");
    for (const el of document.querySelectorAll("code.default-url")) el.textContent = url;
    $("service-url").placeholder = url;
    if (here) $("serve-command").textContent = serveCommand(new URL(url));
  }

  /** The command that starts a service at a loopback address (its port; ::1 named, as `serve` listens on 127.0.0.1). */
  function serveCommand(u) {
    const port = u.port || (u.protocol === "https:" ? "443" : "80");
    return `triallens serve ${u.hostname === "[::1]" ? "--host ::1 " : ""}--port ${port}`;
  }

  /** Firefox for Android: no service runs on the phone, so the page says where one must run and the address's form
   * (the elements marked data-platform="android") in place of "this computer" and 127.0.0.1 (data-platform="desktop").
   * "Use the default" is desktop's too: there is no default address on a phone (127.0.0.1 is the phone itself). Only a
   * loopback default means none: a package whose default is elsewhere keeps the words for it (svc12). */
  async function showPlatform() {
    if (await platform !== "android") return;
    // a package built for a service elsewhere (build.py --service-url) has one on a phone too (protocol.js
    // defaultServiceUrl): its wording stays, but for what a computer's own service needs (data-computer)
    if (!TL.isLoopback(TL.DEFAULT_SERVICE_URL)) {
      for (const el of document.querySelectorAll("[data-computer]")) el.hidden = true;
      return;
    }
    for (const el of document.querySelectorAll("[data-platform]")) el.hidden = el.dataset.platform !== "android";
    $("service-url").placeholder = $("service-url").dataset.androidPlaceholder;
  }

  $("service-form").addEventListener("submit", save);
  // what was said about the address or key before it changed is no longer true of what is typed (r26 #12)
  for (const id of ["service-url", "api-key"]) $(id).addEventListener("input", () => say("", true));
  $("reset").addEventListener("click", async () => {
    // the address only: a saved API key is kept (it used to be deleted without a word, and a service that needs
    // one then said it was missing; review round 11e §12). A service without keys ignores it.
    await ext.storage.local.remove("serviceUrl");
    await load();
    const kept = TL.readSettings(await ext.storage.local.get(["apiKey"])).apiKey;
    say(`Using the default, ${TL.DEFAULT_SERVICE_URL}.${kept ? " Your API key is kept: clear its field and Save to remove it." : ""}`, true);
  });
  $("test").addEventListener("click", test);
  showDefault();   // (before showPlatform, which hides its desktop wording on a phone)
  load();
  showShortcut();
  showPlatform();
})();
