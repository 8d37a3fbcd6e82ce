"""The HTML pages in headless Chromium (Debian's, driven by Playwright for Python): what a
person sees, and that hostile page text stays text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from service_support import FakeRegistry, providers, record, served, trial_page

from scrapers.model import OfficialRecord
from server import create_app
from server.explain import explain

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "service"

if not os.path.exists(CHROMIUM):
    pytest.skip("Debian chromium is not installed (.ci/run installs it)", allow_module_level=True)

HOSTILE = "<img src=x onerror=window.pwned=1>"


class HostilePlain:
    def to_dict(self) -> dict:
        item = {"original": f"Age >= 18 {HOSTILE}", "shown": "You are 18 or older <script>window.pwned=2</script>",
                "rewritten": True, "glossary": [{"term": "<b>ALT</b>", "meaning": "a liver test"}], "children": [],
                "exceptions": False, "worded_as_requirement": False}
        return {"headings": {"inclusion": "You may be able to join if…", "exclusion": "You cannot join if…"},
                "at_a_glance": {"age": "18 to 70 years", "min_age": None, "max_age": None, "sex": "ALL",
                                "healthy_volunteers": False, "pregnancy_excluded": True,
                                "breastfeeding_excluded": False, "thresholds": [
                                    {"text": f"platelet count less than 100 {HOSTILE}", "section": "exclusion",
                                     "label": "Excluded if", "item": "Platelets < 100"}]},
                "inclusion": [item], "exclusion": [], "unplaced": []}


@pytest.fixture(scope="module")
def base_url():
    reg = FakeRegistry(records={"NCT00000002": record("NCT00000002", "COMPLETED", last_update="2025-06-01"),
                                "NCT00000001": record("NCT00000001", "RECRUITING")},
                       history={"NCT00000002": [{"status": "RECRUITING", "last_update_posted": "2024-12-01",
                                                 "fetched_at": "2024-12-02T00:00:00Z"}]})
    related = [{"nct_id": "NCT00000001", "title": "A recruiting study", "status": "RECRUITING", "phases": [],
                "score": 1.0, "why": "Same condition: Ischemic Stroke", "url": "javascript:window.pwned=3"}]
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=providers(reg, explain=lambda rec: HostilePlain(), related=lambda r, k, s: related))
    with served(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context()
    pg = ctx.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ctx.close()


def not_pwned(pg) -> None:
    assert pg.evaluate("() => window.pwned === undefined")
    assert pg.dialogs == []
    assert pg.locator("main img, main script").count() == 0


def test_trial_page_shows_verdict_and_record(base_url, page):
    page.goto(f"{base_url}/trials/NCT00000002?status=Recruiting")
    headline = page.locator("#headline")
    assert headline.inner_text() == "ClinicalTrials.gov says this trial has been completed"
    assert headline.is_visible()
    assert page.locator("#official-status").inner_text() == "Completed"   # capitalised as the card writes it
    # the day and how old it is, as the card says it (not ISO's T…Z, not the minute in UTC)
    assert re.search(r"ClinicalTrials\.gov record fetched 10 Jan 2026 \(\d+ (?:months|years) ago\)",
                     page.locator("#official .meta").first.inner_text())
    page.click("#history summary")
    assert "Recruiting, last update posted 1 Dec 2024" in page.locator("#history").inner_text()
    # (typed, not read from a page: "You entered", not "This page says"; test_claim_words)
    assert "You entered \"Recruiting\"" in page.locator("#page-findings").inner_text()
    # the official record one clear button away, in the verdict box (at least 44 px tall, like the card's)
    link = page.locator("a.button[href^='https://clinicaltrials.gov/study/NCT00000002']")
    assert link.count() == 1 and page.locator("#verdict a.button").count() == 1
    assert link.bounding_box()["height"] >= 44
    # hostile criteria and related-trial text from providers stays text
    page.click("#criteria details.glossary summary")
    page.click("#criteria details.original summary")
    crit = page.locator("#criteria").inner_text()
    assert HOSTILE in crit                                   # the original wording, opened
    assert "<script>window.pwned=2</script>" in crit and "<b>ALT</b>" in crit
    # the facts at a glance, as the extension's card shows them; a limit from an exclusion item
    # reads as a reason you cannot join
    glance = page.locator("#glance")
    assert glance.is_visible()
    assert [t.strip() for t in glance.locator("dt").all_inner_texts()] == [
        "Age", "Sex", "Healthy volunteers", "Pregnancy", "Excluded if"]
    assert glance.locator("dd").all_inner_texts()[-1] == f"platelet count less than 100 {HOSTILE}"
    # a related trial's title opens its official record, as on the card (built from its id, never the provider's
    # url), and "In plain English on TrialLens" its TrialLens page (review r16: the page's title went to TrialLens's
    # page, the card's to ClinicalTrials.gov)
    title = page.locator("#related li a.record")
    assert title.inner_text() == "A recruiting study"
    assert title.get_attribute("href") == "https://clinicaltrials.gov/study/NCT00000001"
    plain = page.get_by_role("link", name="In plain English on TrialLens: NCT00000001")
    assert plain.inner_text() == "In plain English on TrialLens" and plain.get_attribute("href") == "/trials/NCT00000001"
    assert plain.bounding_box()["height"] >= 24
    assert "Each title opens the trial's record on ClinicalTrials.gov." in page.locator("#related p.meta").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "trial_page.png"), full_page=True)
    not_pwned(page)


@pytest.mark.parametrize("explained", [True, False], ids=["criteria", "no_criteria"])
def test_related_trials_that_take_the_same_ages_and_sex_show_no_who_line(page, explained):
    """Review r16: "Ages 18 and older" stood under nearly half the related trials, saying nothing to a reader of an 18+
    trial. Beside a trial for ages 18–70 (the bundled record), a related trial for 18–70 shows no who-line, and the
    caption says what a missing line means; one for 18 and older shows its line; one with no limit at all says so
    (its missing line would read as "the same"). As the card does (lib/badges.js whoBeside). Also where no criteria
    could be explained (no "at a glance"): the trial's ages and sex come from its official record."""
    def age(n):
        return {"value": n, "unit": "YEARS", "text": f"{n} Years"}

    def trial(nct_id, **kw):
        return {"nct_id": nct_id, "title": f"Study {nct_id}", "status": "RECRUITING", "phases": [], "score": 1.0,
                "why": "Same condition: Ischemic Stroke", "url": f"https://clinicaltrials.gov/study/{nct_id}",
                "min_age": age(18), "max_age": age(70), "sex": "ALL", "who": "Ages 18–70", **kw}

    related = [trial("NCT00000011"), trial("NCT00000012", max_age=None, who="Ages 18 and older"),
               trial("NCT00000013", min_age=None, max_age=None, who=None)]
    reg = FakeRegistry(records={"NCT00000002": record("NCT00000002", "RECRUITING")})
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                     providers=providers(reg, explain=explain if explained else None, related=lambda r, k, s: related))
    with served(app) as url:
        page.goto(f"{url}/trials/NCT00000002")
        # (the trial being read: 18 to 70, shown at a glance when its criteria were explained)
        assert page.locator("#glance dd").all_inner_texts()[:1] == (["18 to 70 years"] if explained else [])
        items = page.locator("#related li")
        assert items.count() == 3
        assert [items.nth(i).locator(".who").all_inner_texts() for i in range(3)] == [
            [], ["Ages 18 and older"], ["No age or sex limit given"]]
        assert page.locator("#related p.meta").inner_text().endswith(
            "A trial with no ages shown takes the same ages and sex as this one.")
        page.screenshot(path=str(ARTIFACTS / f"trial_page_related_who_{'criteria' if explained else 'none'}.png"),
                        full_page=True)


def test_form_lookup_by_nct_id(base_url, page):
    page.goto(base_url + "/")
    page.fill("#nct_id", "nct00000001")
    page.click("form[action='/lookup'] button")
    page.wait_for_url("**/trials/NCT00000001")
    assert page.locator("#official-status").inner_text() == "Recruiting"
    assert page.locator("#headline").count() == 0   # nothing claimed, no verdict about a page
    assert page.locator("#official a.button").is_visible()   # without a verdict box, the button is in the record's


def test_pasted_hostile_page_is_checked_and_stays_text(base_url, page):
    marked_up = "<b>Closed</b>"   # a status wording holding markup, as text on the page
    hostile_html = trial_page("NCT00000001", status=marked_up.replace("<", "&lt;").replace(">", "&gt;"),
                              extra=f"<script>window.pwned=4</script>{HOSTILE}")
    page.goto(base_url + "/")
    page.fill("#url", "javascript:window.pwned=5")   # refused: a page's address is http(s)
    page.fill("#html", hostile_html)
    page.click("form[action='/check'] button")
    page.wait_for_url("**/check")
    assert "should start with https://" in page.locator("#error").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("#html").input_value() == hostile_html   # (kept: the person need not paste it again)
    page.goto(base_url + "/")
    page.fill("#url", "https://unknown-site.example/trial")
    page.fill("#html", hostile_html)
    page.click("form[action='/check'] button")
    page.wait_for_url("**/check")
    assert page.locator("#headline").inner_text() == "Could not check this page's status"
    assert marked_up in page.locator("#verdict").inner_text()
    assert marked_up in page.locator("#page-findings").inner_text()
    assert page.locator("#verdict b, #page-findings b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile_paste.png"), full_page=True)
    not_pwned(page)


def test_unknown_trial_and_page_without_trial_explained(base_url, page):
    resp = page.goto(f"{base_url}/trials/NCT01234567")
    assert resp.status == 404
    assert "ClinicalTrials.gov has no trial numbered NCT01234567" in page.locator("#error").inner_text()
    assert page.locator("#nct_id").input_value() == "NCT01234567"
    page.goto(base_url + "/")
    page.fill("#html", "<html><body><h1>Our blog</h1></body></html>")
    page.click("form[action='/check'] button")
    page.wait_for_url("**/check")
    assert "No trial number found in what you pasted" in page.locator("#error").inner_text()
    assert page.locator("#error").is_visible()


def test_claimed_status_in_the_link_stays_text(base_url, page):
    page.goto(f"{base_url}/trials/NCT00000002?status=%3Cscript%3Ewindow.pwned%3D6%3C%2Fscript%3E")
    assert "<script>window.pwned=6</script>" in page.locator("#verdict").inner_text()
    not_pwned(page)


def test_page_url_is_shown_only_as_text(base_url, page):
    page.goto(base_url + "/")
    page.fill("#url", "https://trials.example.org/study/NCT00000001")
    page.fill("#html", trial_page("NCT00000001"))
    page.click("form[action='/check'] button")
    page.wait_for_url("**/check")
    assert page.locator("a[href*='trials.example.org']").count() == 0
    assert page.locator("#headline").inner_text() == "In sync with ClinicalTrials.gov"


LONG_TITLE = "Cells(Guojianqingkeyanzhiliaoyanjiuxiangmu" * 3 + " of a trial"


@pytest.fixture(scope="module")
def long_title_url():
    rec = record("NCT00000003", "RECRUITING")
    rec.data["protocolSection"]["identificationModule"]["briefTitle"] = LONG_TITLE
    reg = FakeRegistry(records={"NCT00000003": OfficialRecord(rec.data)})
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg))
    with served(app) as url:
        yield f"{url}/trials/NCT00000003?status=Recruiting"


@pytest.mark.parametrize("width", [320, 360])
def test_a_long_unbroken_title_does_not_widen_a_small_phone(browser, long_title_url, width):
    """The UI review: "Cells(Guojianqingk…" ran off a 320 px screen and the page scrolled sideways."""
    ctx = browser.new_context(viewport={"width": width, "height": 640})
    pg = ctx.new_page()
    try:
        pg.goto(long_title_url)
        assert LONG_TITLE.split()[0] in pg.locator("h1").inner_text().replace("\n", "")
        assert pg.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
        if width == 320:
            pg.screenshot(path=str(ARTIFACTS / "long_title_320.png"), full_page=True)
    finally:
        ctx.close()


def test_the_pages_text_follows_the_reader_s_font_size(base_url, page):
    """The browser's font-size setting at twice the usual 16px: the pages' text is twice as large (the body was set in
    px, which ignores it), and nothing is cut off or pushes the page sideways."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    for path in ("/", "/trials/NCT00000002?status=Recruiting"):
        page.goto(base_url + path)
        sizes = page.evaluate("""() => [document.body, document.querySelector('h1'), document.querySelector('p')]
            .map((el) => parseFloat(getComputedStyle(el).fontSize))""")
        assert sizes[0] == 32 and sizes[1] > 32 and sizes[2] >= 28, (path, sizes)
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
