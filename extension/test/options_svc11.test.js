"use strict";
// The options page of a package built with another default service address (build.py --service-url) named
// 127.0.0.1:5000 as the address TrialLens came with, "a service on this computer". Built here by build.py itself, as
// `make extension` builds, and the page opened from the package.
const test = require("node:test");
const assert = require("node:assert/strict");
const { until } = require("./jsdom_page.js");
const { ROOT, openOptions, shownText, builtPackage, removeBuilt } = require("./options_page.js");

test.after(removeBuilt);
const built = builtPackage;

/** The page on a desktop, once it has read its settings and the platform. */
async function desktopPage(root) {
  const page = openOptions({}, "linux", root);
  const $ = (id) => page.w.document.getElementById(id);
  await until(() => page.asked.platform && $("service-url").value !== "");
  await new Promise(setImmediate);
  return { $, shown: shownText(page.w.document.body), page };
}

test("options: a package built for an organisation's service names that address, never 127.0.0.1 or this computer", async () => {
  const { $, shown } = await desktopPage(built("https://triallens.example.org/"));
  assert.equal($("service-url").value, "https://triallens.example.org");
  assert.equal($("service-url").placeholder, "https://triallens.example.org");
  assert.match(shown, /As it comes, this copy of TrialLens sends pages to the service at https:\/\/triallens\.example\.org, /);
  assert.match(shownText($("service-help")), /^Where TrialLens sends a page to be checked\. The address it came with is https:\/\/triallens\.example\.org\. /);
  assert.match(shown, /The default address, https:\/\/triallens\.example\.org, was chosen when this copy of TrialLens was built\./);
  assert.doesNotMatch(shown, /looks for a service on this computer|is a TrialLens service on this computer|The address it came with is a service on this computer/);
  // 127.0.0.1:5000 only as what to enter for a service of one's own, never as the default
  assert.deepEqual([...shown.matchAll(/127\.0\.0\.1:5000/g)].length, 1);
  assert.match(shown, /start it with triallens serve \(port 5000, as it comes\) and enter http:\/\/127\.0\.0\.1:5000 above/);
  $("reset").click();
  await until(() => /Using the default/.test($("service-msg").textContent));
  assert.equal($("service-msg").textContent, "Using the default, https://triallens.example.org.");
});

test("options: a package built for a service on this computer at another port names that port and how to start it", async () => {
  const { $, shown } = await desktopPage(built("http://127.0.0.1:5050"));
  assert.equal($("service-url").placeholder, "http://127.0.0.1:5050");
  assert.match(shown, /As it comes, TrialLens looks for a service on this computer, at http:\/\/127\.0\.0\.1:5050\./);
  assert.match(shown, /The default address, http:\/\/127\.0\.0\.1:5050, is a TrialLens service on this computer: start it with triallens serve --port 5050\./);
  assert.doesNotMatch(shown, /5000|was chosen when this copy/);
});

test("options: the source as it is (and a package built without --service-url) says 127.0.0.1:5000", async () => {
  for (const root of [ROOT, built("http://127.0.0.1:5000")]) {
    const { shown } = await desktopPage(root);
    assert.match(shown, /looks for a service on this computer, at http:\/\/127\.0\.0\.1:5000\./);
    assert.match(shown, /start it with triallens serve --port 5000\./);
    assert.doesNotMatch(shown, /was chosen when this copy/);
  }
});

test("options: on Firefox for Android a package built for a service on this computer still says none runs on the phone", async () => {
  const phone = openOptions({}, "android", built("http://127.0.0.1:5050"));
  await until(() => phone.w.document.getElementById("service-url").placeholder === "http://192.168.1.20:5000");
  assert.doesNotMatch(shownText(phone.w.document.body), /this computer|127\.0\.0\.1:5050/);
});
