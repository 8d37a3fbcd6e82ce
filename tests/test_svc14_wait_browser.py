"""In Chromium, with the extension as it ships: once this browser's lookup budget (1 an hour) is used, the card says
when to try again, from the service's own wait: a trial TrialLens holds no copy of (a 429, its Retry-After read by the
background worker) and a stale copy served past the budget (official.retry_after) both say "Try again in about an
hour", where the card said "Try again in a minute" and "try again later"."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
import os
import subprocess
from pathlib import Path

import pytest

from extension_e2e_support import (  # noqa: F401  (fixtures by name)
    CHROMIUM, ROOT, SEED, SEED_PAGE, _serve, _service_command, browser, card_text, fresh_artifacts, requests, service,
    show_card, shot, wait_settled,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")

SPENT, STALE = "NCT06427642", SEED   # (bundled: the service's store is seeded with them, the fake registry has them)
UNSTORED = "NCT09000001"   # (the seed trial under a number only the fake registry knows)


@pytest.fixture(scope="module")
def budget_service(tmp_path_factory):
    """The service online (a fake ClinicalTrials.gov holding the bundled records), a lookup budget of 1 an hour, and a
    copy of STALE saved long ago (ingested as of 2 Jan 2025)."""
    from fake_ctgov import FakeCtgov

    tmp = tmp_path_factory.mktemp("budget")
    studies = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SAVED_COPIES).glob("NCT*.json"))]
    other = json.loads((SAVED_COPIES / f"{SEED}.json").read_text(encoding="utf-8"))
    other["protocolSection"]["identificationModule"]["nctId"] = UNSTORED
    env = {k: v for k, v in os.environ.items() if k != "TRIALLENS_OFFLINE"}
    env.update(TRIALLENS_DB=str(tmp / "store.sqlite3"))
    run = subprocess.run(_service_command() + ["ingest", str(SAVED_COPIES / f"{STALE}.json"),
                                               "--fetched-at", "2025-01-02"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    fake = FakeCtgov(studies + [other]).start()
    try:
        yield from _serve(tmp, TRIALLENS_CTGOV_URL=fake.base_url, TRIALLENS_LOOKUP_BUDGET="1 per hour",
                          TRIALLENS_SINGLE_LOOKUPS="off")
    finally:
        fake.stop()


def test_the_card_says_when_to_try_again_past_the_budget(browser, budget_service):
    # (this test's requests and the browser's come from 127.0.0.1: one client, one budget)
    assert requests.get(f"{budget_service.url}/api/v1/trials/{SPENT}", timeout=30).json()["stale"] is False
    browser.set_service_url(budget_service.url)
    try:
        page = browser.open(f"https://meddatax.com/clinical-trials/{UNSTORED}",
                            SEED_PAGE.read_text(encoding="utf-8").replace(SEED, UNSTORED))
        try:
            show_card(page)
            assert card_text(page, ".detail") == [
                "As many trials have been looked up from here as TrialLens allows for now, so it did not check this "
                "one. Try again in about an hour."]
            shot(page, "svc14-budget-429")
        finally:
            page.close()
        page = browser.open(f"https://meddatax.com/clinical-trials/{STALE}", SEED_PAGE.read_text(encoding="utf-8"))
        try:
            assert wait_settled(page) == "annotated"
            show_card(page)
            footer = card_text(page, "footer .checked")
            assert len(footer) == 1 and footer[0].startswith(
                "TrialLens's saved copy of the ClinicalTrials.gov record, from 2 Jan 2025 ("), footer
            assert footer[0].endswith(". Try again in about an hour."), footer
            shot(page, "svc14-budget-stale-copy")
        finally:
            page.close()
    finally:
        browser.set_service_url(browser.service.url)
