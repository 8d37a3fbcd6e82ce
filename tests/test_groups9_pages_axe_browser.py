"""A trial's page whose criteria are headed by group (NCT03648918: families and controls; server/item_groups.py)
checked by axe-core in Debian's Chromium: the group headings (h4 under the lists' h3) add no serious or critical
violation, and a screen reader's heading list has each group under its list."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_support import AXE, axe_problems, open_details
from service_support import FakeRegistry, providers, served
from test_groups9_item_groups import _grouped_record

from server import create_app
from server.explain import explain

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")
CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (cd extension && npm ci)"),
]


def test_grouped_criteria_page_has_no_serious_axe_violations():
    reg = FakeRegistry(records={"NCT03648918": _grouped_record()})
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg, explain=explain))
    with served(app) as url, sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        try:
            page = b.new_page()
            page.goto(url + "/trials/NCT03648918")
            open_details(page)
            heads = page.locator("h3, h4").all_inner_texts()
            assert [h for h in heads if h in ("Families", "Controls") or "join" in h] == [
                "You may be able to join if…", "Families", "Controls", "You cannot join if…", "Families", "Controls"]
            assert axe_problems(page) == []
        finally:
            b.close()
