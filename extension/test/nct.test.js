"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const N = require("../lib/nct.js");

test("findNctIds: upper-cases, keeps first-seen order, drops repeats and near misses", () => {
  assert.deepEqual(N.findNctIds("see nct07232563 and NCT02580019, again NCT07232563"), ["NCT07232563", "NCT02580019"]);
  assert.deepEqual(N.findNctIds("NCT0723256 NCT072325631 XNCT07232563 1NCT07232563"), []);
  assert.deepEqual(N.findNctIds("NCT-07232563"), ["NCT07232563"], "as the service reads it");
  assert.deepEqual(N.findNctIds(""), []);
  assert.deepEqual(N.findNctIds(null), []);
});

test("nctOccurrences gives offsets for badge placement", () => {
  const occ = N.nctOccurrences("a NCT07232563 b nct02580019");
  assert.deepEqual(occ, [{ id: "NCT07232563", start: 2, end: 13 }, { id: "NCT02580019", start: 16, end: 27 }]);
});

test("nctIdsInUrl reads path and query, not the host", () => {
  assert.deepEqual(N.nctIdsInUrl("https://meddatax.com/clinical-trials/NCT07232563"), ["NCT07232563"]);
  assert.deepEqual(N.nctIdsInUrl("https://x.org/s?id=nct07232563"), ["NCT07232563"]);
  assert.deepEqual(N.nctIdsInUrl("https://curemydisease.com/studies/stem-cell-nct07635758-102357"), ["NCT07635758"]);
  assert.deepEqual(N.nctIdsInUrl("not a url"), []);
});

test("classifyPage: the URL's id makes a trial page even when related trials are listed", () => {
  const page = N.classifyPage({
    url: "https://meddatax.com/clinical-trials/NCT07232563",
    heading: "Exploratory Study",
    bodyIds: ["NCT07232563", "NCT02580019", "NCT04434768"],
  });
  assert.deepEqual(page, { kind: "trial", nctId: "NCT07232563" });
});

test("classifyPage: a slug URL with the id in the heading is a trial page", () => {
  const page = N.classifyPage({ url: "https://ctv.veeva.com/study/some-slug", heading: "Study NCT04811651 | Veeva", bodyIds: ["NCT04811651", "NCT1", "NCT02580019"] });
  assert.deepEqual(page, { kind: "trial", nctId: "NCT04811651" });
});

test("classifyPage: several ids and no anchor is a listing; one id is a trial; none is nothing", () => {
  assert.deepEqual(
    N.classifyPage({ url: "https://clinconnect.io/search?q=stroke", heading: "Stroke trials", bodyIds: ["NCT07232563", "NCT02580019", "nct07232563"] }),
    { kind: "listing", ids: ["NCT07232563", "NCT02580019"] },
  );
  assert.deepEqual(N.classifyPage({ url: "https://ctv.veeva.com/study/slug", heading: "", bodyIds: ["NCT07232563"] }), { kind: "trial", nctId: "NCT07232563" });
  assert.deepEqual(N.classifyPage({ url: "https://meddatax.com/about", heading: "About", bodyIds: [] }), { kind: "none" });
});

test("siteOf maps sub-domains to the supported host and refuses others", () => {
  const hosts = ["meddatax.com", "ctv.veeva.com", "clinicaltrials.gov"];
  assert.equal(N.siteOf("www.meddatax.com", hosts), "meddatax.com");
  assert.equal(N.siteOf("ctv.veeva.com", hosts), "ctv.veeva.com");
  assert.equal(N.siteOf("veeva.com", hosts), null);
  assert.equal(N.siteOf("evil-meddatax.com", hosts), null);
});

test("hostsFromMatches reads the manifest's match patterns", () => {
  assert.deepEqual(
    N.hostsFromMatches(["*://*.meddatax.com/*", "https://*.clinicaltrials.gov/study/*", "*://*.clinconnect.io/*", "<all_urls>"]),
    ["clinconnect.io", "clinicaltrials.gov", "meddatax.com"],
  );
});

test("classifyPage: a canonical URL, a label or a dominant id marks a slug-URL trial page", () => {
  const related = ["NCT02580019", "NCT04434768"];
  assert.deepEqual(N.classifyPage({ url: "https://ctv.veeva.com/study/slug", canonical: "https://ctv.veeva.com/study/NCT07232563",
    heading: "A study", bodyIds: ["NCT07232563", ...related] }), { kind: "trial", nctId: "NCT07232563" });
  assert.deepEqual(N.classifyPage({ url: "https://ctv.veeva.com/study/slug", heading: "A study",
    bodyIds: ["NCT07232563", ...related], labelledIds: ["NCT07232563"] }), { kind: "trial", nctId: "NCT07232563" });
  assert.deepEqual(N.classifyPage({ url: "https://ctv.veeva.com/study/slug", heading: "A study",
    bodyIds: ["NCT07232563", "NCT07232563", "NCT07232563", ...related] }), { kind: "trial", nctId: "NCT07232563" });
  // Evenly repeated ids (link text and a line of text each) stay a listing.
  assert.equal(N.classifyPage({ url: "https://x.org/search", heading: "Results",
    bodyIds: ["NCT07232563", "NCT07232563", "NCT02580019", "NCT02580019"] }).kind, "listing");
});

test("isLabelled recognises the labels sites put before their own trial's id", () => {
  for (const before of ["NCT ID: ", "NCT Number ", "ClinicalTrials.gov ID: ", "ClinicalTrials.gov Identifier:", "Trial ID #", "Identifier: "]) {
    assert.equal(N.isLabelled(before), true, before);
  }
  for (const before of ["Related trials: ", "See also ", "", "NCT ID: NCT02580019, "]) assert.equal(N.isLabelled(before), false, before);
});

test("classifyPage: a page whose only id is its one link to ClinicalTrials.gov is that trial's page", () => {
  assert.deepEqual(N.classifyPage({ url: "https://www.trialx.com/clinical-trials/listings/309173/slug", heading: "Lupus",
    bodyIds: [], registryLinkIds: ["NCT07041801", "NCT07041801"] }), { kind: "trial", nctId: "NCT07041801" });
  // two registry links and no id shown: not claimed by the extension, the service is asked (it answers 422 for a list)
  assert.deepEqual(N.classifyPage({ url: "https://x.org/search", heading: "Results",
    bodyIds: [], registryLinkIds: ["NCT07041801", "NCT02580019"] }), { kind: "unsure" });
  // A results page with one featured registry link is still a listing.
  assert.equal(N.classifyPage({ url: "https://x.org/search", heading: "Results",
    bodyIds: ["NCT07041801", "NCT02580019", "NCT04434768"], registryLinkIds: ["NCT07041801"] }).kind, "listing");
});

// The same table the service is checked against (tests/test_nct_digits.py): the extension reads an id in page text
// exactly where the service does, with invisible characters, spaces of any kind and digits of any script.
test("findNctIds agrees with the service on the shared table of page text (nct_text_cases.json)", () => {
  const { cases } = require("./nct_text_cases.json");
  assert.ok(cases.length >= 20);
  for (const c of cases) assert.deepEqual(N.findNctIds(c.text), c.ids, `${c.name}: ${JSON.stringify(c.text)}`);
});

test("nctOccurrences: offsets are in the text as written, around invisible characters and spaces", () => {
  const text = "Trial NCT\u200b0704\u00a01801, and NCT\uff10\uff17\uff12\uff13\uff12\uff15\uff16\uff13.";
  const occ = N.nctOccurrences(text);
  assert.deepEqual(occ.map((o) => o.id), ["NCT07041801", "NCT07232563"]);
  assert.equal(text.slice(occ[0].start, occ[0].end), "NCT\u200b0704\u00a01801");
  assert.equal(text.slice(occ[1].start, occ[1].end), "NCT\uff10\uff17\uff12\uff13\uff12\uff15\uff16\uff13");
  const astral = "x NCT\u{1d7ce}\u{1d7d5}\u{1d7d0}\u{1d7d1}\u{1d7d0}\u{1d7d3}\u{1d7d4}\u{1d7d1} y";
  const [o] = N.nctOccurrences(astral);
  assert.equal(astral.slice(o.end), " y");
  assert.equal(N.hasNctId("NCT\u200b07041801"), true);
  assert.equal(N.hasNctId("NCT0704180"), false);
});

test("classifyPage: a page printing its own id with a zero-width space is that trial's page (ctv.veeva.com spa_dl)", () => {
  // the page's text yields its own id too now, labelled "Identifiers" (a <dt> over the <dd> holding it)
  const text = "NCT\u200b07041801";
  const page = N.classifyPage({ url: "https://ctv.veeva.com/study/treatment-of-systemic-lupus", heading: "Treatment of SLE",
    bodyIds: [...N.findNctIds(text), "NCT03219801", "NCT06737380"], labelledIds: N.findNctIds(text),
    registryLinkIds: ["NCT07041801", "NCT07041801"] });
  assert.deepEqual(page, { kind: "trial", nctId: "NCT07041801" });
  assert.equal(N.isLabelled("Identifiers"), true);
});

test("classifyPage: no id in the text and a few registry links is 'unsure' (the service is asked); many links are a search page", () => {
  // ctv.veeva.com empty_labels_rail: two "Similar trials" links and the footer's link to the trial itself
  assert.deepEqual(N.classifyPage({ url: "https://ctv.veeva.com/study/preliminary-safety", heading: "ClinicalTrials.Veeva",
    bodyIds: [], registryLinkIds: ["NCT03219801", "NCT07232563", "NCT06495437"] }), { kind: "unsure" });
  const many = ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004", "NCT00000005", "NCT00000006"];
  assert.deepEqual(N.classifyPage({ url: "https://x.org/search", heading: "Results", bodyIds: [], registryLinkIds: many }), { kind: "none" });
  assert.deepEqual(N.classifyPage({ url: "https://x.org/about", heading: "About", bodyIds: [], registryLinkIds: [] }), { kind: "none" });
});
