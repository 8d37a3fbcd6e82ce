/* TrialLens: whether the card opens, and what is remembered of the reader's Hide/Show, trial by trial.
 *
 * The rule (UI review: an open card covered the page's own eligibility text, and one "Hide" hid every
 * later card, alerts included):
 *   - a card with a problem to tell ("!" warn, "✕" alert) opens the first time this trial shows that
 *     problem, whatever the reader chose before; after that it follows the reader's Hide/Show;
 *   - any other card ("?" not or only partly checked, "✓" in sync, the loading and failure cards, the
 *     official record's own page) opens as its headline only, unless the reader opened it before for
 *     this trial.
 * The choices live in storage.local under one key, a map NCT id -> entry, at most MEMORY_LIMIT trials
 * (the ones seen last). Pure functions: the content script reads and writes the storage.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TrialLens = Object.assign(root.TrialLens || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const MEMORY_KEY = "cardMemory";
  const MEMORY_LIMIT = 200;
  const ALARM_TONES = Object.freeze(["warn", "alert"]);

  /** One trial's entry as stored, with anything unexpected dropped: {open?: boolean, alarms: tone[], t: ms}. */
  function cleanEntry(entry) {
    const e = entry && typeof entry === "object" ? entry : {};
    const out = { alarms: Array.isArray(e.alarms) ? ALARM_TONES.filter((t) => e.alarms.includes(t)) : [],
      t: Number.isFinite(e.t) ? e.t : 0 };
    if (typeof e.open === "boolean") out.open = e.open;
    return out;
  }

  /** The stored map (or anything else found under the key) as {NCT id: entry}. */
  function readMemory(stored) {
    const out = {};
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
    for (const [id, entry] of Object.entries(stored)) {
      if (/^NCT\d{8}$/.test(id) && entry && typeof entry === "object") out[id] = cleanEntry(entry);
    }
    return out;
  }

  /** Whether a card of `tone` for a trial with this remembered `entry` opens as its headline only. */
  function opensCollapsed(tone, entry) {
    const e = cleanEntry(entry);
    if (ALARM_TONES.includes(tone)) {
      if (!e.alarms.includes(tone)) return false;   // first time this trial shows this problem: open
      return e.open === false;                      // since then, the reader's own choice
    }
    return e.open !== true;
  }

  /**
   * The memory with `id`'s entry changed: patch.open (the reader's Hide/Show), patch.alarm (a tone now
   * shown open). The trial becomes the newest; beyond `limit` trials the oldest are forgotten.
   */
  function remember(memory, id, patch, now, limit) {
    const max = Number.isInteger(limit) && limit > 0 ? limit : MEMORY_LIMIT;
    const all = readMemory(memory);
    if (!/^NCT\d{8}$/.test(id || "")) return all;
    const entry = cleanEntry(all[id]);
    if (patch && typeof patch.open === "boolean") entry.open = patch.open;
    if (patch && ALARM_TONES.includes(patch.alarm) && !entry.alarms.includes(patch.alarm)) entry.alarms.push(patch.alarm);
    // strictly newer than every other entry, even with a clock that stands still or goes back
    entry.t = Math.max(Number.isFinite(now) ? now : 0, ...Object.values(all).map((e) => e.t + 1));
    all[id] = entry;
    const ids = Object.keys(all).sort((a, b) => all[b].t - all[a].t).slice(0, max);
    return Object.fromEntries(ids.map((k) => [k, all[k]]));
  }

  return { MEMORY_KEY, MEMORY_LIMIT, ALARM_TONES, readMemory, opensCollapsed, remember };
});
