"""The HTML pages read their address by the API's rules (review r19 §10, §12): a query parameter given twice is a 400
page that says so in a person's words (the page used the first value without a word, while the API answered 400),
and a last-updated date before 1900 is told as such ("cannot read" a well-formed 1800-01-01 was untrue)."""

from __future__ import annotations

import html
import re

import pytest
from service_support import FakeRegistry, providers, record

from server import create_app


@pytest.fixture()
def client():
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING")})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()


def error_of(resp) -> str:
    m = re.search(r'(?s)<(\w+)[^>]*\bid="error"[^>]*>(.*?)</\1>', resp.get_data(as_text=True))
    assert m, "no #error"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(2)))).strip()


@pytest.mark.parametrize("query,field,said", [
    ("/trials/NCT00000001?status=Recruiting&status=Completed", "status",
     "This page's address gives the status more than once (“Recruiting” and “Completed”)"),
    ("/trials/NCT00000001?status=Recruiting&as_of=2025-06-01&as_of=2025-01-01", "as_of",
     "This page's address gives the last-updated date more than once (“2025-06-01” and “2025-01-01”)"),
    ("/lookup?nct_id=NCT00000001&nct_id=NCT00000002", "nct_id",
     "This page's address gives the trial number more than once (“NCT00000001” and “NCT00000002”)"),
    ("/lookup?nct_id=NCT00000001&status=Recruiting&status=Completed", "status",
     "This page's address gives the status more than once (“Recruiting” and “Completed”)"),
])
def test_a_parameter_given_twice_is_a_400_page_in_a_persons_words(client, query, field, said):
    resp = client.get(query)
    assert resp.status_code == 400 and resp.mimetype == "text/html"
    assert error_of(resp) == (f"The address gives the same thing twice {said}, so TrialLens cannot tell which one you "
                              "meant. Fill in the form below once and look the trial up again.")
    body = resp.get_data(as_text=True)
    # the field is marked, and left empty: neither value is the one they meant
    assert re.search(rf'<input id="{field}"[^>]*value=""[^>]*aria-invalid="true"', body), body
    assert resp.headers["Content-Security-Policy"]


def test_a_site_given_twice_is_refused_too_and_once_is_answered(client):
    resp = client.get("/trials/NCT00000001?status=Recruiting&site=a.org&site=b.org")
    assert resp.status_code == 400 and "gives the site more than once" in error_of(resp)
    assert client.get("/trials/NCT00000001?status=Recruiting&as_of=2025-06-01").status_code == 200


def test_a_date_before_1900_is_told_as_such_on_the_page(client):
    resp = client.get("/trials/NCT00000001?status=Recruiting&as_of=1800-01-01")
    assert resp.status_code == 400
    assert error_of(resp) == ("TrialLens cannot use that date You entered “1800-01-01” as when the page was last "
                              "updated. TrialLens does not accept years before 1900. Enter the date the page shows, "
                              "like 2026-03-15, 2026-03 or 2026, or leave it empty.")
    assert re.search(r'<input id="as_of"[^>]*value="1800-01-01"[^>]*aria-invalid="true"', resp.get_data(as_text=True))
    # a year past 2100 is a date still to come, as any other
    later = client.get("/trials/NCT00000001?as_of=2150-01-01")
    assert later.status_code == 400 and error_of(later).startswith("That date has not come yet")


def test_opening_check_again_says_to_paste_the_page_again(client):
    """After a pasted page's check the address bar shows /check; a reload, bookmark or shared link of it was a 405
    titled "Page not found" (review r23 #15). It is the form, saying why the result is gone."""
    resp = client.get("/check")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert error_of(resp) == ("Paste the page again TrialLens does not keep pasted pages, so a check's result cannot be "
                              "opened again from its address. Paste the page's source below and check it again.")
    assert '<textarea id="html"' in resp.get_data(as_text=True) and resp.headers["Content-Security-Policy"]
    other = client.delete("/")   # (another method an address does not take: no longer titled "Page not found")
    assert other.status_code == 405 and error_of(other).startswith("This page cannot be opened that way")
