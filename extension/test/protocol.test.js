"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const P = { ...require("../lib/protocol.js"), ...require("../lib/failures.js") };   // (what a failure says: failures.js)

const HOSTS = ["meddatax.com", "clinicaltrials.gov"];
const PAGE = "https://meddatax.com/clinical-trials/NCT07232563";

function jsonResponse(status, body) {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

/** deps with a fetch that records its calls and answers with `answer(url, init)`. */
function deps(answer, stored = {}) {
  const calls = [];
  return {
    calls,
    fetch: async (url, init) => { calls.push({ url, init }); return answer(url, init); },
    getSettings: async () => stored,
    supportedHosts: HOSTS,
    now: () => 1234,
  };
}

const ANNOTATION = { nct_id: "NCT07232563", drift: { verdict: "in_sync", headline: "In sync with ClinicalTrials.gov", findings: [] } };

test("annotate posts {url, html} to the configured service and passes the annotation on", async () => {
  const d = deps(() => jsonResponse(200, ANNOTATION), { serviceUrl: "http://127.0.0.1:8123/" });
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "<html>x</html>" }, d);
  assert.equal(res.ok, true);
  assert.deepEqual(res.annotation, ANNOTATION);
  assert.equal(res.receivedAt, 1234);
  assert.equal(d.calls.length, 1);
  assert.equal(d.calls[0].url, "http://127.0.0.1:8123/api/v1/annotate");
  assert.equal(d.calls[0].init.method, "POST");
  assert.deepEqual(JSON.parse(d.calls[0].init.body), { url: PAGE, html: "<html>x</html>" });
});

test("the default service is http://127.0.0.1:5000", async () => {
  const d = deps(() => jsonResponse(200, ANNOTATION));
  await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, d);
  assert.equal(d.calls[0].url, "http://127.0.0.1:5000/api/v1/annotate");
});

test("service errors become states the card can show", async () => {
  const cases = [
    [404, { type: "urn:triallens:problem:unknown-trial", title: "Unknown trial", detail: "NCT07232563 is not in the registry" }, "unknown"],
    [422, { title: "No trial", detail: "no NCT id" }, "no_trial"],
    [503, { title: "Registry unreachable" }, "registry_unavailable"],
    [429, {}, "busy"],
    [500, null, "error"],
  ];
  for (const [status, body, state] of cases) {
    const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => jsonResponse(status, body)));
    assert.equal(res.ok, false);
    assert.equal(res.state, state, `HTTP ${status}`);
    assert.equal(res.status, status);
  }
  // a page without a number, or one TrialLens cannot read: said in the card's own words, not the service's
  const none = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(422, { type: "https://triallens.example/problems/no-trial", detail: "no ClinicalTrials.gov NCT id found" })));
  assert.equal(none.title, "No trial number found on this page");
  assert.match(none.detail, /could not find a ClinicalTrials\.gov trial number \(it starts with NCT\)/);
  const unreadable = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(422, { type: "https://triallens.example/problems/unreadable-page", detail: "input looks binary" })));
  assert.equal(unreadable.title, "Could not read this page");
  const unknown = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(404, { type: "urn:triallens:problem:unknown-trial", detail: "NCT07232563 is not in the registry" })));
  assert.match(unknown.detail, /found no ClinicalTrials.gov record for this trial/);
  assert.doesNotMatch(unknown.detail, /is not in the registry/, "the service's internal detail is not shown");
  const named = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(404, { type: "urn:triallens:problem:unknown-trial", detail: "x", nct_id: "NCT09999991" })));
  assert.match(named.detail, /ClinicalTrials\.gov has no record of NCT09999991, the trial number this page shows/);
  assert.match(named.detail, /ask the study team for its trial number/);   // a next step, not a shrug
  const odd = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(404, { type: "urn:triallens:problem:unknown-trial", detail: "x", nct_id: "<b>NCT1</b>" })));
  assert.match(odd.detail, /for this trial/, "only a well-formed NCT id is quoted");
});

test("a service that cannot be reached is 'unreachable': a plain sentence, the address kept for whoever set it up", async () => {
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => { throw new TypeError("Failed to fetch"); }, { serviceUrl: "http://127.0.0.1:9" }));
  assert.equal(res.state, "unreachable");
  assert.equal(res.detail, "Nothing on this page was checked. Try again in a moment, or read the official record.");
  assert.match(res.technical, /^Could not reach the TrialLens service at http:\/\/127\.0\.0\.1:9\. Check that it is running/);
});

test("a service that never answers times out as unreachable", async () => {
  const d = deps((url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => {
    const e = new Error("aborted"); e.name = "AbortError"; reject(e);
  })));
  d.timeoutMs = 20;
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, d);
  assert.equal(res.state, "unreachable");
  assert.match(res.technical, /no answer in time/);
});

test("an answer without a verdict is an error, not a blank card", async () => {
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => jsonResponse(200, { nct_id: "x" })));
  assert.equal(res.state, "error");
  // the reader gets a next step; what went wrong, for whoever set TrialLens up, goes behind the card's disclosure
  assert.equal(res.detail, "Something went wrong in the TrialLens service. Try again later.");
  assert.match(res.technical, /without a verdict/);
  const junk = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => jsonResponse(200, "<html>")));
  assert.equal(junk.detail, "Something went wrong in the TrialLens service. Try again later.");
  assert.match(junk.technical, /^The TrialLens service at http:\/\/127\.0\.0\.1:5000 sent an answer TrialLens cannot read/);
});

test("a site switched off sends nothing to the service", async () => {
  const d = deps(() => jsonResponse(200, ANNOTATION), { disabledSites: ["meddatax.com"] });
  const res = await P.handleMessage({ type: "annotate", url: "https://www.meddatax.com/clinical-trials/NCT07232563", html: "" }, d);
  assert.equal(res.state, "disabled");
  assert.equal(d.calls.length, 0);
});

test("status: one GET for all ids, deduplicated", async () => {
  const statuses = { NCT07232563: { status: "RECRUITING" }, NCT02580019: null };
  const missing = { NCT02580019: "not_checked" };
  const d = deps(() => jsonResponse(200, { statuses, missing }));
  const res = await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids: ["NCT07232563", "NCT02580019", "NCT07232563"] }, d);
  assert.equal(res.ok, true);
  assert.deepEqual(res.statuses, statuses);
  assert.deepEqual(res.missing, missing);
  assert.equal(d.calls.length, 1);
  assert.equal(d.calls[0].url, "http://127.0.0.1:5000/api/v1/status?ids=NCT07232563%2CNCT02580019");
  assert.equal(d.calls[0].init.method, "GET");
});

test("status asks 100 ids a request: a listing of 150 gets every badge (it got the first 100)", async () => {
  const ids = Array.from({ length: 150 }, (_, i) => `NCT${String(i).padStart(8, "0")}`);
  const asked = (call) => decodeURIComponent(call.url.split("ids=")[1]).split(",");
  const d = deps((url) => {
    const chunk = decodeURIComponent(url.split("ids=")[1]).split(",");
    return jsonResponse(200, { statuses: Object.fromEntries(chunk.map((id) => [id, { status: "RECRUITING" }])), missing: {} });
  });
  const res = await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids }, d);
  assert.equal(d.calls.length, 2);
  assert.deepEqual(d.calls.map((c) => asked(c).length), [100, 50]);
  assert.equal(Object.keys(res.statuses).length, 150);
  // a later request failing keeps the badges already answered
  let n = 0;
  const flaky = deps(() => (n++ === 0 ? jsonResponse(200, { statuses: { [ids[0]]: { status: "RECRUITING" } } }) : jsonResponse(503, {})));
  const partial = await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids }, flaky);
  assert.equal(partial.ok, true);
  // (and the ids of the chunk that failed are "not checked", so their badges say so rather than vanish: r60 #5)
  assert.equal(partial.statuses[ids[0]].status, "RECRUITING");
  assert.equal(Object.values(partial.statuses).filter(Boolean).length, 1);
  assert.equal(partial.statuses[ids[149]], null);
  assert.equal(partial.missing[ids[100]], "not_checked");
  assert.equal(partial.missing[ids[1]], undefined, "the first chunk's own answer stands");
  assert.deepEqual(partial.waits, {});
  // the lookup budget used by the second request: its wait goes with the ids it left unchecked
  let m = 0;
  const budget = deps(() => (m++ === 0 ? jsonResponse(200, { statuses: { [ids[0]]: { status: "RECRUITING" } } })
    : { ...jsonResponse(429, { type: "urn:triallens:problem:lookup-budget-used" }), headers: { get: (k) => (k.toLowerCase() === "retry-after" ? "1800" : null) } }));
  const used = await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids }, budget);
  assert.equal(used.waits[ids[120]], 1800);
  assert.equal(used.missing[ids[120]], "not_checked");
});

test("malformed messages are refused without calling the service", async () => {
  const d = deps(() => jsonResponse(200, ANNOTATION));
  for (const msg of [null, "annotate", { type: "annotate", url: PAGE }, { type: "status", url: PAGE, ids: ["<script>"] },
    { type: "status", url: PAGE, ids: [] }, { type: "fetch", url: "https://evil.example" }]) {
    const res = await P.handleMessage(msg, d);
    assert.equal(res.ok, false, JSON.stringify(msg));
  }
  const huge = await P.handleMessage({ type: "annotate", url: PAGE, html: "x".repeat(P.MAX_HTML_CHARS + 1) }, d);
  assert.equal(huge.state, "error");
  assert.equal(d.calls.length, 0);
});

test("normalizeServiceUrl accepts http(s) origins and paths, refuses the rest", () => {
  assert.equal(P.normalizeServiceUrl(" http://127.0.0.1:5000/ "), "http://127.0.0.1:5000");
  assert.equal(P.normalizeServiceUrl("https://triallens.example/base/"), "https://triallens.example/base");
  for (const bad of ["", "javascript:alert(1)", "ftp://x", "http://u:p@x", "http://x/?a=1", "not a url", 5]) {
    assert.equal(P.normalizeServiceUrl(bad), null, String(bad));
  }
  assert.equal(P.readSettings({ serviceUrl: "javascript:1", disabledSites: "x" }).serviceUrl, P.DEFAULT_SERVICE_URL);
  assert.equal(P.originPattern("https://svc.example:8443/x"), "https://svc.example/*");
  assert.equal(P.isLoopback("http://localhost:5000"), true);
  assert.equal(P.isLoopback("https://svc.example"), false);
});

test("ping tests a typed-in service address through the background worker", async () => {
  const d = deps(() => jsonResponse(200, { hosts: ["meddatax.com", "clinicaltrials.gov", 5] }));
  const res = await P.handleMessage({ type: "ping", serviceUrl: "http://127.0.0.1:8123/" }, d);
  assert.deepEqual(res, { ok: true, hosts: ["meddatax.com", "clinicaltrials.gov"] });
  assert.equal(d.calls[0].url, "http://127.0.0.1:8123/api/v1/sites");
  const bad = await P.handleMessage({ type: "ping", serviceUrl: "javascript:alert(1)" }, d);
  assert.equal(bad.ok, false);
  assert.equal(d.calls.length, 1);
  const down = await P.handleMessage({ type: "ping", serviceUrl: "http://127.0.0.1:9" }, deps(() => { throw new TypeError("x"); }));
  assert.equal(down.state, "unreachable");
  // said on the options page, under the address: not "in the TrialLens options" (walk-through r26 #12)
  assert.equal(down.technical, "Could not reach the TrialLens service at http://127.0.0.1:9. Check that it is running, or change the address above.");
  const wrong = await P.handleMessage({ type: "ping", serviceUrl: "http://127.0.0.1:8123/x" }, deps(() => jsonResponse(404, null)));
  assert.match(wrong.technical, /Check the address above: it is usually/);
  // the card's set-up details, read on a trial page, still say where to change it
  const card = await P.handleMessage({ type: "annotate", url: "https://meddatax.com/x", html: "<p>NCT07232563</p>" },
    deps(() => { throw new TypeError("x"); }));
  assert.match(card.technical, /change its address in the TrialLens options\.$/);
});

test("an API key, when set, goes with every request; a 401 says to enter one", async () => {
  const d = deps(() => jsonResponse(200, ANNOTATION), { apiKey: "  k-123  " });
  await P.handleMessage({ type: "annotate", url: PAGE, html: "<html>x</html>" }, d);
  await P.handleMessage({ type: "status", url: "https://meddatax.com/search", ids: ["NCT07232563"] }, d);
  assert.deepEqual(d.calls.map((c) => c.init.headers["X-API-Key"]), ["k-123", "k-123"]);
  const none = deps(() => jsonResponse(200, ANNOTATION));
  await P.handleMessage({ type: "annotate", url: PAGE, html: "<html>x</html>" }, none);
  assert.equal("X-API-Key" in none.calls[0].init.headers, false);
  // a key that cannot travel in a header is dropped, not sent broken
  assert.equal(P.readSettings({ apiKey: "two words" }).apiKey, "");
  assert.equal(P.readSettings({ apiKey: "é" }).apiKey, "");
  const locked = deps(() => jsonResponse(401, { title: "Unauthorized", detail: "missing X-API-Key" }));
  const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "<html>x</html>" }, locked);
  assert.equal(res.state, "unauthorized");
  assert.match(res.detail, /needs an API key/);
  const ping = deps(() => jsonResponse(200, { hosts: ["meddatax.com"] }));
  await P.handleMessage({ type: "ping", serviceUrl: "https://svc.example", apiKey: "k-9" }, ping);
  assert.equal(ping.calls[0].init.headers["X-API-Key"], "k-9");
});

test("failure texts never show the service's or a developer's own words", async () => {
  // a 503's detail names the service's internals: the card says what happened and what to do, in its own words
  const down = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => jsonResponse(503, { title: "Registry unreachable", detail: "cannot open the store /var/lib/triallens/store.sqlite3" })));
  assert.equal(down.state, "registry_unavailable");
  assert.equal(down.detail,
    "TrialLens could not reach ClinicalTrials.gov and has no saved copy of this trial's record. Try again later.");
  for (const status of [500, 502, 400]) {
    const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
      deps(() => jsonResponse(status, { title: "Internal Server Error", detail: "Traceback (most recent call last): KeyError 'x'" })));
    assert.equal(res.detail, `Something went wrong in the TrialLens service (error ${status}). Try again later.`);
  }
  // 404 and 422 are worded by the card too: the service's detail never reaches the reader
  for (const [status, body] of [[404, { type: "urn:triallens:problem:unknown-trial", detail: "lookup failed: /srv/store.sqlite3" }], [422, { detail: "no NCT id in /tmp/page" }],
    [422, { type: "https://triallens.example/problems/unreadable-page", detail: "UnicodeDecodeError at byte 9" }]]) {
    const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => jsonResponse(status, body)));
    assert.doesNotMatch(`${res.title} ${res.detail}`, /\/srv|\/tmp|Unicode|lookup failed|NCT id in/, `HTTP ${status}`);
  }
  // a malformed message: the reason goes to the console, the reader gets a next step
  const logged = [];
  const d = deps(() => jsonResponse(200, ANNOTATION));
  d.log = (text) => logged.push(text);
  const bad = await P.handleMessage({ type: "status", url: PAGE, ids: [] }, d);
  assert.equal(bad.state, "bad_message");
  assert.equal(bad.detail, "Something went wrong inside TrialLens. Reload the page and try again.");
  assert.deepEqual(logged, ["TrialLens: refused a message: status needs NCT ids"]);
});


// Review round 11e §2: a 404 from the configured address said "Trial not found on ClinicalTrials.gov" for a real trial.
test("only the service's own unknown-trial problem is 'not found'; any other 404 is a set-up failure", async () => {
  const u = "http://127.0.0.1:8123";
  assert.notEqual(P.classifyHttpError(404, null, u).state, "unknown");
  const real = P.classifyHttpError(404, { type: "urn:triallens:problem:unknown-trial", nct_id: "NCT06427642" }, u);
  assert.equal(real.state, "unknown");
  assert.equal(real.title, "Trial not found on ClinicalTrials.gov");
  // a typo'd path, another server on the port, a proxy, a service without /api/v1/annotate
  for (const body of [null, { detail: "not here" }, { type: "about:blank", title: "Not Found" },
    { nct_id: "NCT06427642" }, { type: "https://example.org/unknown-trial-ish" }]) {
    const res = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => jsonResponse(404, body)));
    assert.equal(res.state, "unreachable", JSON.stringify(body));
    assert.equal(res.title, "TrialLens isn't working right now");
    assert.doesNotMatch(`${res.title} ${res.detail}`, /not found|no record/i);
    assert.match(res.technical, /^There is no TrialLens service at http:\/\/127\.0\.0\.1:5000 \(it answered HTTP 404\)/);
  }
  // plain text from another server: no JSON at all
  const plain = await P.handleMessage({ type: "annotate", url: PAGE, html: "" },
    deps(() => ({ ok: false, status: 404, json: async () => { throw new SyntaxError("not JSON"); } })));
  assert.equal(plain.state, "unreachable");
  // offline and not stored: ClinicalTrials.gov was not asked, so never "not found"
  const offline = P.classifyHttpError(404, { type: "urn:triallens:problem:not-in-local-store", nct_id: "NCT06427642" }, u);
  assert.equal(offline.state, "registry_unavailable");
});

test("Test connection: a 404 says there is no TrialLens service at the address, never the trial sentence", async () => {
  for (const body of [null, { detail: "not here" }, { type: "urn:triallens:problem:unknown-trial" }]) {
    const res = await P.handleMessage({ type: "ping", serviceUrl: "http://127.0.0.1:8123/triallens" },
      deps(() => jsonResponse(404, body)));
    assert.equal(res.ok, false);
    assert.match(res.technical, /^There is no TrialLens service at http:\/\/127\.0\.0\.1:8123\/triallens \(it answered HTTP 404\)/);
    assert.doesNotMatch(res.technical, /Trial not found|ClinicalTrials\.gov record/);
  }
  const err = await P.handleMessage({ type: "ping", serviceUrl: "http://127.0.0.1:8123" }, deps(() => jsonResponse(500, null)));
  assert.match(err.technical, /answered, but with an error \(HTTP 500\)/);
});

// Review r60 #6: the only 503 annotate gives is TrialLens's own store failing, and the card said "could not reach
// ClinicalTrials.gov and has no saved copy": false twice for an offline service with a copy. Worded by the problem's
// type now, as the service's HTML page words it, with the wait its Retry-After gives.
test("a 503 is worded by its problem type, with its Retry-After's wait", async () => {
  const withWait = (status, body, wait) => ({ ...jsonResponse(status, body),
    headers: { get: (name) => (name.toLowerCase() === "retry-after" ? wait : null) } });
  const store = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => withWait(503,
    { type: "urn:triallens:problem:store-unavailable", title: "Local store failed", detail: "database disk image is malformed" }, null)));
  assert.equal(store.state, "store_unavailable");
  assert.equal(store.title, "TrialLens isn't working right now");
  assert.equal(store.detail, "TrialLens's own store of saved records failed just now: a fault in TrialLens, not in this trial's record. Try again later.");
  assert.doesNotMatch(store.detail, /could not reach|no saved copy|malformed/);
  assert.match(store.technical, /store-unavailable/);
  const busy = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => withWait(503,
    { type: "urn:triallens:problem:registry-busy" }, "90")));
  assert.equal(busy.state, "registry_busy");
  assert.equal(busy.retryAfter, 90);
  assert.doesNotMatch(busy.detail, /Try again later/);
  const reg = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => withWait(503,
    { type: "urn:triallens:problem:registry-unavailable" }, "600")));
  assert.equal(reg.state, "registry_unavailable");
  assert.equal(reg.detail, "TrialLens could not reach ClinicalTrials.gov and has no saved copy of this trial's record.");
  assert.equal(reg.retryAfter, 600);
  const offline = await P.handleMessage({ type: "annotate", url: PAGE, html: "" }, deps(() => withWait(503,
    { type: "urn:triallens:problem:not-in-local-store" }, null)));
  assert.equal(offline.detail, "TrialLens has no saved copy of this trial's record and cannot ask ClinicalTrials.gov right now. Try again later.");
});
