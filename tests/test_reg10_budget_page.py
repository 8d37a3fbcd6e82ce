"""The HTML pages' 429 when a client's lookup budget is used (lookup-budget-used) in a person's words, as the other
error pages are: it showed the API's title and detail ("Too many lookups of trials TrialLens holds no copy of",
"not checked: this client has looked up … (10 per minute, …); try again in 60 s")."""

from __future__ import annotations

import html
import re

import pytest
from fake_ctgov import fake_ctgov, fast_client, nct_of, studies  # noqa: F401  (fixtures)
from service_support import registry_service


def text_of(resp, id_: str) -> str:
    m = re.search(rf'(?s)<(\w+)[^>]*\bid="{id_}"[^>]*>(.*?)</\1>', resp.get_data(as_text=True))
    assert m, f"no #{id_}"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(2)))).strip()


def error_text(resp) -> str:
    m = re.search(r'(?s)<h2 id="error-title">.*?</h2>\s*<p>(.*?)</p>', resp.get_data(as_text=True))
    assert m, "no error paragraph"
    return re.sub(r"\s+", " ", html.unescape(m.group(1))).strip()


@pytest.mark.parametrize("settings, wait", [({"TRIALLENS_SINGLE_LOOKUPS": "1 per minute"}, "a minute"),
                                            ({"TRIALLENS_LOOKUP_BUDGET": "1 per hour", "TRIALLENS_SINGLE_LOOKUPS": "off"},
                                             "an hour")])
def test_the_lookup_budget_page_is_in_a_persons_words(store, studies, fake_ctgov, settings, wait):
    c = registry_service(store, fast_client(fake_ctgov.base_url, retries=0), **settings).test_client()
    assert c.get(f"/trials/{nct_of(studies[0])}").status_code == 200
    refused = nct_of(studies[1])
    page = c.get(f"/trials/{refused}")
    assert page.status_code == 429 and page.mimetype == "text/html"
    assert 1 <= int(page.headers["Retry-After"]) <= 3600
    assert text_of(page, "error-title") == "Too many new trials looked up"
    assert error_text(page) == (f"You have looked up many trials TrialLens has no saved copy of in a short time, so it "
                                f"did not ask ClinicalTrials.gov about {refused} just now. Wait {wait}, then try "
                                "again, or read the official record on ClinicalTrials.gov.")
    assert f'href="https://clinicaltrials.gov/study/{refused}"' in page.get_data(as_text=True)
    assert "this client" not in page.get_data(as_text=True)   # (the API's words are not the page's)
    assert fake_ctgov.calls == 1

    # a pasted page naming an unstored trial: the same words, the trial named from the page
    form = {"html": f"<html><body><h1>A study</h1><p>Trial number: {nct_of(studies[2])}</p></body></html>",
            "url": "https://example.org/trial"}
    checked = c.post("/check", data=form)
    assert checked.status_code == 429
    assert text_of(checked, "error-title") == "Too many new trials looked up"
    assert f"about {nct_of(studies[2])} just now" in error_text(checked)
    # the API's problem names the trial too
    body = c.get(f"/api/v1/trials/{nct_of(studies[3])}").get_json()
    assert body["type"] == "urn:triallens:problem:lookup-budget-used" and body["nct_id"] == nct_of(studies[3])
    assert fake_ctgov.calls == 1
