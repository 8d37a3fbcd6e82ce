"use strict";
// Review r61 F3: a trial page whose address names its trial only in the query ("/trial?id=NCT…", WHO ICTRP's
// "Trial2.aspx?TrialID=NCT…") and whose heading names it got listing badges instead of its card once a related-trials
// rail showed other ids; a search whose query is an id ("?query=NCT…") echoing it in its heading stays a listing.

const test = require("node:test");
const assert = require("node:assert/strict");
const N = require("../lib/nct.js");

const A = "NCT01234567";
const B = "NCT09876543";
const C = "NCT05555555";

test("a heading naming the id an address's query names as the page's trial is that trial's page", () => {
  for (const url of [`https://trials.example.org/trial?id=${A}`, `https://trialsearch.who.int/Trial2.aspx?TrialID=${A}`]) {
    for (const bodyIds of [[A, A, B, C], [A, B]]) {
      assert.deepEqual(N.classifyPage({ url, heading: `${A}: A study of X`, bodyIds, labelledIds: [], registryLinkIds: [] }),
        { kind: "trial", nctId: A });
    }
  }
});

test("a search for an id whose heading echoes it is still a listing", () => {
  for (const url of [`https://meddatax.com/search?query=${A}`, `https://x.org/find?q=${A}`, `https://x.org/s?term=${A}`]) {
    assert.deepEqual(N.classifyPage({ url, heading: `Results for ${A}`, bodyIds: [A, B, C], labelledIds: [], registryLinkIds: [] }),
      { kind: "listing", ids: [A, B, C] });
  }
});
