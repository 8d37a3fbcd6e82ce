"use strict";
// Firefox for Android with a package built for a service elsewhere (build.py --service-url): the options page said
// "Until one is set, trial pages say 'No TrialLens service is set'" and "A TrialLens service cannot run on a phone",
// as if none were set. On a phone only a loopback default means none (lib/protocol.js defaultServiceUrl); a package
// whose default is elsewhere has its service there, as the worker uses it.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { until } = require("./jsdom_page.js");
const { ROOT, openOptions, shownText, builtPackage, removeBuilt } = require("./options_page.js");

test.after(removeBuilt);
const built = builtPackage;

const ORG = "https://triallens.example.org";

test("options: on a phone, a package built for an organisation's service names it, not 'until one is set'", async () => {
  const root = built(`${ORG}/`);
  const phone = openOptions({}, "android", root);
  const $ = (id) => phone.w.document.getElementById(id);
  await until(() => phone.asked.platform && $("service-url").value !== "");
  await new Promise(setImmediate);
  const shown = shownText(phone.w.document.body);
  assert.equal($("service-url").value, ORG);
  assert.equal($("service-url").placeholder, ORG);
  assert.ok($("service-unset").hidden);
  assert.doesNotMatch(shown, /Until one is set|No TrialLens service is set|cannot run on a phone|192\.168\.1\.20|this computer instead/);
  assert.match(shown, new RegExp(`As it comes, this copy of TrialLens sends pages to the service at ${ORG.replace(/\./g, "\\.")}, `));
  assert.match(shown, /was chosen when this copy of TrialLens was built\./);
  assert.ok(!$("reset").hidden, "Use the default: there is one");
  $("reset").click();
  await until(() => /Using the default/.test($("service-msg").textContent));
  assert.equal($("service-msg").textContent, `Using the default, ${ORG}.`);
});

test("options: on a phone, the package as it comes (a loopback default) still says no service is set", async () => {
  const phone = openOptions({}, "android", ROOT);
  const $ = (id) => phone.w.document.getElementById(id);
  await until(() => phone.asked.platform && $("service-url").placeholder === "http://192.168.1.20:5000");
  await new Promise(setImmediate);
  const shown = shownText(phone.w.document.body);
  assert.match(shown, /Until one is set, trial pages say "No TrialLens service is set"\./);
  assert.ok(!$("service-unset").hidden && $("reset").hidden);
});

test("worker: on a phone, a package built for a service elsewhere uses it; a loopback default is none", () => {
  for (const [root, want] of [[built(ORG), ORG], [ROOT, null]]) {
    const sandbox = { URL };
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(path.join(root, "lib", "protocol.js"), "utf8"), sandbox);
    const TL = sandbox.TrialLens;
    assert.equal(TL.readSettings({}, "android").serviceUrl, want);
    assert.equal(TL.readSettings({}, "linux").serviceUrl, want || "http://127.0.0.1:5000");
  }
});
