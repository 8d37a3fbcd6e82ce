"""The service's trial page is drawn once, on the server, and carries no script (its Content-Security-Policy forbids
any): nothing on it changes after load, so no part of it is a live region. The verdict section had role="status",
which made screen readers treat the whole section (headline, what was entered, note, button) as an announcement to
re-read on any change (review r24 (d)); it is a region named by its headline instead, which a reader can jump to.
(The extension's card, which does change, keeps its own "Checking…" announcement.)"""

from __future__ import annotations

import re

import pytest
from service_support import FakeRegistry, page_url, providers, record, trial_page

from server import create_app

OFFICIAL = "https://clinicaltrials.gov/study/NCT00000001"


@pytest.fixture(scope="module")
def client():
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING")})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()


def _pages(client) -> dict[str, str]:
    return {
        "typed": client.get("/trials/NCT00000001?status=Completed").get_data(as_text=True),
        "no claim": client.get("/trials/NCT00000001").get_data(as_text=True),
        "pasted": client.post("/check", data={"url": page_url("NCT00000001"),
                                               "html": trial_page("NCT00000001", "Completed")}).get_data(as_text=True),
        "official site": client.post("/check", data={"url": OFFICIAL, "html": trial_page("NCT00000001")}
                                     ).get_data(as_text=True),
    }


def test_no_part_of_the_trial_page_is_a_live_region(client):
    for name, text in _pages(client).items():
        assert not re.search(r'role="(?:status|alert|log)"|aria-live', text), name


def test_the_verdict_is_a_region_named_by_its_headline(client):
    for name, text in _pages(client).items():
        if name == "no claim":   # (no verdict: nothing was claimed)
            assert 'id="verdict"' not in text
            continue
        section = re.search(r'<section id="verdict"[^>]*>', text).group(0)
        assert 'aria-labelledby="headline"' in section, name
        assert re.search(r'<span id="headline">[^<]+</span>', text), name
