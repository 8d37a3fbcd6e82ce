"""The service's HTML pages checked by axe-core in Debian's Chromium: no "serious" or "critical" violation on the
form, a trial's page (with and without a status to check), a pasted page's result, and the error pages."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from axe_support import AXE, axe_problems, open_details
from conftest import fixture_url
from service_support import served, shipped_offline_app

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
CLINCONNECT = ROOT / "fixtures" / "html" / "clinconnect.io" / "nct06427642_full.html"

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (cd extension && npm ci)"),
]


@pytest.fixture(scope="module")
def pages_url():
    """The service as shipped, offline, over the bundled records (saved copies), in this process."""
    with served(shipped_offline_app(Path(tempfile.mkdtemp(prefix="triallens-axe-")))) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        yield b
        b.close()


@pytest.mark.parametrize("path", ["/", "/trials/NCT07232563", "/trials/NCT06427642", "/trials/NCT07232563?status=Completed",
                                  "/trials/NCT00000000", "/trials/NCT12", "/lookup?nct_id=hello", "/no-such-page"])
def test_service_pages_have_no_serious_axe_violations(chromium, pages_url, path):
    page = chromium.new_page()
    try:
        page.goto(pages_url + path)
        open_details(page)
        assert axe_problems(page) == [], path
    finally:
        page.close()


def test_a_pasted_page_s_result_has_no_serious_axe_violations(chromium, pages_url):
    page = chromium.new_page()
    try:
        page.goto(pages_url + "/")
        page.fill("#url", fixture_url(CLINCONNECT))
        page.fill("#html", CLINCONNECT.read_text(encoding="utf-8"))
        page.click("button:text-is('Check this page')")
        page.wait_for_selector("#verdict")
        open_details(page)
        assert axe_problems(page) == []
        # a paste that is not a trial page: the form again, with the error over it
        page.goto(pages_url + "/")
        page.fill("#html", "<html><body><p>No trial here</p></body></html>")
        page.click("button:text-is('Check this page')")
        page.wait_for_selector("#error")
        assert axe_problems(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("path", ["/trials/NCT00000000", "/trials/NCT12", "/lookup?nct_id=hello", "/no-such-page"])
def test_an_error_drawn_with_the_page_is_a_named_region_that_has_the_focus(chromium, pages_url, path):
    """The error box was role="alert", a live region for a change after load, on a page the server draws once with
    its error. It is a region named by its heading, and the page puts the focus on it, so a screen reader starts
    there; the title leads with the same words."""
    page = chromium.new_page()
    try:
        page.goto(pages_url + path)
        box = page.locator("#error")
        title = page.locator("#error-title").inner_text()
        assert page.locator("[role=alert], [aria-live]").count() == 0, path
        assert page.evaluate("document.activeElement.id") == "error", path
        assert box.evaluate("e => e.tagName") == "SECTION" and box.get_attribute("aria-labelledby") == "error-title"
        assert page.title() == f"{title} · TrialLens"
        assert page.get_by_role("region", name=title).count() == 1
    finally:
        page.close()
