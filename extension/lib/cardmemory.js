/* TrialLens: whether the card opens, and what is remembered of the reader's Hide/Show, trial by trial.
 *
 * The rule (UI review: an open card covered the page's own eligibility text, and one "Hide" hid every
 * later card, alerts included):
 *   - a card with a problem to tell ("!" warn, "✕" alert) opens unless the reader hid these very problems
 *     for this trial: a problem is known by what it is (its headline, and each warning or critical finding's
 *     kind, field and values; problemKeys), so hiding "This trial may have ended" does not fold a later
 *     card with a critical age finding for the same trial (review round 11e §7); an entry stored before
 *     problems had keys, or a caller that gives none, falls back to the tone;
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
  const HIDDEN_LIMIT = 50; // problem keys remembered as hidden, per trial (the newest)
  const KEY_RE = /^[a-z]:[0-9a-f]{8}$/;

  /** A short stable key for a string (FNV-1a, 32 bits): what is stored, never the page's words. */
  function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }

  /**
   * The identity of the problems an annotation tells, as short keys: its headline ("h:…") and each warning or
   * critical finding's kind, field, page value and official value ("f:…"). A failure card ("Trial not found"):
   * pass {failure: state}.
   */
  function problemKeys(annotation) {
    const a = annotation && typeof annotation === "object" ? annotation : {};
    if (typeof a.failure === "string") return ["x:" + hash(a.failure)];
    const drift = a.drift && typeof a.drift === "object" ? a.drift : {};
    const keys = [];
    if (typeof drift.headline === "string" && drift.headline) keys.push("h:" + hash(drift.headline));
    for (const f of Array.isArray(drift.findings) ? drift.findings : []) {
      if (!f || (f.severity !== "critical" && f.severity !== "warning")) continue;
      keys.push("f:" + hash(JSON.stringify([f.kind, f.field, f.page_value === undefined ? null : f.page_value,
        f.official_value === undefined ? null : f.official_value])));
    }
    return [...new Set(keys)];
  }

  /** One trial's entry as stored, with anything unexpected dropped: {open?: boolean, alarms: tone[], hidden?: key[], t: ms}. */
  function cleanEntry(entry) {
    const e = entry && typeof entry === "object" ? entry : {};
    const out = { alarms: Array.isArray(e.alarms) ? ALARM_TONES.filter((t) => e.alarms.includes(t)) : [],
      t: Number.isFinite(e.t) ? e.t : 0 };
    if (typeof e.open === "boolean") out.open = e.open;
    const hidden = Array.isArray(e.hidden) ? [...new Set(e.hidden.filter((k) => typeof k === "string" && KEY_RE.test(k)))] : [];
    if (hidden.length) out.hidden = hidden.slice(-HIDDEN_LIMIT);
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

  /**
   * Whether a card of `tone` for a trial with this remembered `entry` opens as its headline only. `problems`
   * (problemKeys of what the card tells): a problem card stays folded only when the reader hid every one of them.
   */
  function opensCollapsed(tone, entry, problems) {
    const e = cleanEntry(entry);
    if (ALARM_TONES.includes(tone) && Array.isArray(problems) && problems.length) {
      const hidden = e.hidden || [];
      return e.open === false && problems.every((k) => hidden.includes(k));
    }
    if (ALARM_TONES.includes(tone)) {
      if (!e.alarms.includes(tone)) return false;   // first time this trial shows this problem: open
      return e.open === false;                      // since then, the reader's own choice
    }
    return e.open !== true;
  }

  /**
   * The memory with `id`'s entry changed: patch.open (the reader's Hide/Show), patch.alarm (a tone now
   * shown open), patch.hidden (with open false: the problemKeys of the card the reader hid). The trial becomes
   * the newest; beyond `limit` trials the oldest are forgotten.
   */
  function remember(memory, id, patch, now, limit) {
    const max = Number.isInteger(limit) && limit > 0 ? limit : MEMORY_LIMIT;
    const all = readMemory(memory);
    if (!/^NCT\d{8}$/.test(id || "")) return all;
    const entry = cleanEntry(all[id]);
    if (patch && typeof patch.open === "boolean") entry.open = patch.open;
    if (patch && ALARM_TONES.includes(patch.alarm) && !entry.alarms.includes(patch.alarm)) entry.alarms.push(patch.alarm);
    if (patch && patch.open === false && Array.isArray(patch.hidden)) {
      const keys = patch.hidden.filter((k) => typeof k === "string" && KEY_RE.test(k));
      const hidden = [...(entry.hidden || []).filter((k) => !keys.includes(k)), ...keys].slice(-HIDDEN_LIMIT);
      if (hidden.length) entry.hidden = hidden;
    }
    // strictly newer than every other entry, even with a clock that stands still or goes back
    entry.t = Math.max(Number.isFinite(now) ? now : 0, ...Object.values(all).map((e) => e.t + 1));
    all[id] = entry;
    const ids = Object.keys(all).sort((a, b) => all[b].t - all[a].t).slice(0, max);
    return Object.fromEntries(ids.map((k) => [k, all[k]]));
  }

  return { MEMORY_KEY, MEMORY_LIMIT, ALARM_TONES, problemKeys, readMemory, opensCollapsed, remember };
});
