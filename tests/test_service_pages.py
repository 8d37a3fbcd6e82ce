"""The HTML pages' words and markup through the Flask test client: what a patient or caregiver reads (the UI
review of the web pages, /tmp/webrev/report.md, items 2-25). Rendering itself is in test_service_browser.py."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from service_support import FakeRegistry, page_url, providers, record, shipped_offline_client, trial_page

from server import create_app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "html"
CSS = (ROOT / "server" / "static" / "triallens.css").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def offline():
    """The app as shipped, offline: every record is a saved copy (stale), some dated and one (NCT06495437) not."""
    import tempfile
    return shipped_offline_client(Path(tempfile.mkdtemp()))


@pytest.fixture
def live():
    """A registry answering fresh records (not stale), and one trial it cannot reach."""
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING"),
                                "NCT00000002": record("NCT00000002", "NOT_YET_RECRUITING")}, down={"NCT00000009"})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()


def text(resp) -> str:
    """The page's text as a reader gets it: tags gone, entities decoded, spaces collapsed."""
    body = resp.get_data(as_text=True)
    body = re.sub(r"(?s)<(script|style|title)[^>]*>.*?</\1>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def section(resp, id_: str) -> str:
    body = resp.get_data(as_text=True)
    m = re.search(rf'(?s)<(\w+)[^>]*\bid="{id_}"[^>]*>(.*?)</\1>', body)
    assert m, f"no #{id_}"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(2)))).strip()


def verdict_class(resp) -> str:
    return re.search(r'<section id="verdict" class="([^"]+)"', resp.get_data(as_text=True)).group(1)


def paste(client, rel: str, url: str | None = None, **extra):
    return client.post("/check", data={"html": (FIXTURES / rel).read_text(encoding="utf-8"), "url": url or "", **extra})


# (2) the verdict's colour and icon follow the card's verdictView, caveat included ----------------------------

@pytest.mark.parametrize("rel,tone,icon", [
    ("medifind.com/nct06427642_semantic.html", "warn", "!"),              # in sync, record overdue: "may have ended"
    ("ctv.veeva.com/nct07232563_headings.html", "warn", "!"),             # "This trial may have opened"
    ("medifind.com/nct06427642_unlabelled_semantic.html", "warn", "!"),   # could-not-check, but overdue: amber too
    ("trialx.com/nct07041801_divs.html", "warn", "!"),                    # shows none of the reasons someone cannot join
    ("trialfinderdata.org/nct07635758_divs.html", "unknown", "?"),        # matches a saved copy only
])
def test_verdict_tone_honours_the_caveat_as_the_card_does(offline, rel, tone, icon):
    resp = paste(offline, rel)
    assert resp.status_code == 200
    assert f"tone-{tone}" in verdict_class(resp).split()
    assert "tone-ok" not in verdict_class(resp) and "in_sync" not in verdict_class(resp).split()
    assert re.search(rf'<span class="icon" aria-hidden="true">{re.escape(icon)}</span>', resp.get_data(as_text=True))


def test_verdict_view_mirrors_format_js():
    from server.pages import verdict_view
    assert verdict_view({"verdict": "in_sync"})["icon"] == "✓"
    assert verdict_view({"verdict": "not_recruiting"}) == {"verdict": "not_recruiting", "tone": "alert", "icon": "✕"}
    assert verdict_view({"verdict": "differs", "caveat": "stored_copy"})["tone"] == "warn"   # caveats only when in sync
    assert verdict_view({"verdict": "could_not_check", "caveat": "record_overdue"})["tone"] == "warn"
    assert verdict_view({"verdict": "nonsense"})["verdict"] == "could_not_check"
    # a critical finding draws the alarm, whatever the verdict's tone (format.js hasCritical)
    critical = {"verdict": "differs", "findings": [{"severity": "warning"}, {"severity": "critical"}]}
    assert verdict_view(critical) == {"verdict": "differs", "tone": "alert", "icon": "✕"}
    assert verdict_view({"verdict": "differs", "findings": [{"severity": "warning"}]})["tone"] == "warn"
    assert "hasCritical(drift) ? \"alert\"" in (ROOT / "extension" / "lib" / "format.js").read_text(encoding="utf-8")
    # the same tables as the card's, read from format.js
    js = (ROOT / "extension" / "lib" / "format.js").read_text(encoding="utf-8")
    from server.pages import CAVEAT_TONES
    assert "CAVEAT_TONES = { " + ", ".join(f'{k}: "{v}"' for k, v in CAVEAT_TONES.items()) + " }" in js
    assert 'TONES = { in_sync: "ok", out_of_date: "warn", differs: "warn", not_recruiting: "alert", could_not_check: "unknown" }' in js


# (3) a saved copy is named as one, the way the card names it ---------------------------------------------------

def test_a_saved_copy_is_not_presented_as_live_clinicaltrials_gov(offline):
    resp = offline.get("/trials/NCT06427642?status=Recruiting")
    official = section(resp, "official")
    assert official.startswith("TrialLens's saved copy of the ClinicalTrials.gov record ")
    assert section(resp, "record-status").startswith("TrialLens's saved copy (24 May 2024): Recruiting")
    assert "About TrialLens's saved copy of the record" in official and "About the official record" not in official
    # (and why, once: the note above says this service works offline, so not "could not check … just now", and the
    # line about the copy does not say it again)
    assert section(resp, "verdict-note").startswith("This TrialLens service works offline and did not ask "
                                                    "ClinicalTrials.gov")
    assert re.fullmatch(r"TrialLens's saved copy of the ClinicalTrials\.gov record, from 24 May 2024 \(.+ ago\)\.",
                        section(resp, "fetched"))
    assert "not refreshed" not in text(resp)
    assert section(resp, "criteria-source").startswith("In plain English, from TrialLens's saved copy of the record "
                                                       "(24 May 2024)")


def test_a_saved_copy_nothing_dates_says_so(offline):
    resp = offline.get("/trials/NCT06495437")
    assert section(resp, "record-status").startswith("TrialLens's saved copy (date unknown): ")
    assert section(resp, "fetched") == ("TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date. "
                                        "This TrialLens service works offline and did not ask ClinicalTrials.gov.")
    # a limit at a glance was one arm of "Padua score ≥4 or Caprini score ≥5": alternatives are shown together or not
    # at all, so it is not shown; its BMI range is (review round 8: "The subject's body mass index (BMI) is between
    # 20kg/m2 and 30 kg/m2" gave no row)
    assert "Caprini" not in section(resp, "glance") and "Excluded if" not in section(resp, "glance")
    assert section(resp, "glance-partial") == "Some limits, not all: the full list below has them all."
    # its record gives no age limits (its criteria say 35 to 65), and one clause of an item is about a spouse: the
    # glance said only "Sex: All" (review round 7)
    glance = section(resp, "glance")
    # (not "Not given as a limit", read as "no age limit" where the criteria say 35 to 65, review round 8; nor "the
    # record's age fields", a developer's words, review round 9)
    assert glance.startswith("Age See the full list below (ClinicalTrials.gov gives no age range in its summary) Sex "
                             "All Pregnancy Excluded Breastfeeding Excluded Required body mass index (BMI) 20 to 30 kg/m2")
    assert "(date unknown)" in section(resp, "criteria-source")


def test_the_glance_says_it_shows_some_limits_not_all(offline):
    """The glance shows limits that read on their own, never all of them, and says so before its rows."""
    resp = offline.get("/trials/NCT07635758")
    assert section(resp, "glance-partial") == "Some limits, not all: the full list below has them all."
    assert "systolic BP more than 180 mmHg" in text(resp)


def test_the_glance_shows_a_range_as_one_row_with_both_ends(offline):
    """"Body weight 45-90 kg" (NCT07635758) was left out of the glance, ranges skipped by design: it is one row, its
    label from its list, both ends and the unit; the age range stays with the age."""
    glance = section(offline.get("/trials/NCT07635758"), "glance")
    assert "Required Body weight 45 to 90 kg" in glance and "Required NIHSS score 6 to 20" in glance
    assert glance.startswith("Age 18 to 80 years") and "Required Age" not in glance
    assert "Required Pre-stroke mRS score 0 to 1" in section(offline.get("/trials/NCT07232563"), "glance")


def test_a_live_record_is_the_official_record_and_statuses_read_as_the_card_writes_them(live):
    resp = live.get("/trials/NCT00000002")
    assert section(resp, "record-status").startswith("ClinicalTrials.gov: Not yet recruiting")
    assert "saved copy" not in text(resp) and 'id="criteria-source"' not in resp.get_data(as_text=True)
    from server.pages import status_words
    assert [status_words(s) for s in ("NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "UNKNOWN", None, "Open")] == [
        "Not yet recruiting", "Active, not recruiting", "Unknown status", "Unknown status", "Open"]
    # a page showing a raw code is quoted in words
    raw = live.post("/check", data={"html": trial_page("NCT00000002", "NOT_YET_RECRUITING"), "url": ""})
    assert "NOT_YET_RECRUITING" not in text(raw) and "This page says: Not yet recruiting" in text(raw)


# (7) no record: a way on, said once; (23) the unknown id kept and worded plainly ------------------------------

def test_no_record_gives_the_official_record_and_says_it_once(offline):
    resp = paste(offline, "checkorphan.org/nct03378063_divs.html")
    page = text(resp)
    assert page.count("has no copy of this trial's official record") == 1
    assert 'href="https://clinicaltrials.gov/study/NCT03378063"' in resp.get_data(as_text=True)
    assert "compared by TrialLens" not in page and "Checked by TrialLens" not in page   # (20) nothing was compared


def test_an_unknown_id_keeps_the_id_and_offers_the_official_record(offline):
    resp = offline.get("/trials/NCT09999999?status=Recruiting")
    assert resp.status_code == 503   # (not asked offline: the trial may exist, so never "not found")
    body = resp.get_data(as_text=True)
    error = section(resp, "error")
    assert "TrialLens has no saved copy of NCT09999999 and cannot ask ClinicalTrials.gov right now" in error
    assert "local store" not in text(resp)
    assert 'href="https://clinicaltrials.gov/study/NCT09999999"' in body
    assert re.search(r'<input id="nct_id"[^>]*value="NCT09999999"', body)
    assert re.search(r'<input id="status"[^>]*value="Recruiting"', body)
    assert re.search(r"<title>TrialLens has no copy of this trial · TrialLens</title>", body)   # (23)


def test_a_mistyped_id_is_said_once_and_kept(offline):
    resp = offline.get("/lookup?nct_id=NCT123&status=Completed")
    assert resp.status_code == 400
    body, error = resp.get_data(as_text=True), section(resp, "error")
    assert "not an NCT id" not in error and "Invalid NCT id" not in error
    assert error.count("not a trial number") == 1 and "like NCT01234567" in error and "“NCT123”" in error
    assert re.search(r'<input id="nct_id"[^>]*value="NCT123"', body) and 'aria-invalid="true"' in body
    assert re.search(r'<input id="status"[^>]*value="Completed"', body)
    assert "<title>That is not a trial number · TrialLens</title>" in body


# (8) errors after "Check this page" keep what was pasted and say what to do ----------------------------------

def test_a_bad_address_keeps_the_paste_and_names_the_field(live):
    pasted = trial_page("NCT00000001") + "<!-- ünïcode & <tags> -->"
    resp = live.post("/check", data={"html": pasted, "url": "javascript:alert(1)"})
    assert resp.status_code == 400
    body, error = resp.get_data(as_text=True), section(resp, "error")
    assert '"url"' not in error and "site reader" not in error and "address" in error
    assert re.search(r'<input id="url"[^>]*value="javascript:alert\(1\)"', body)
    assert re.search(r'<input id="url"[^>]*aria-invalid="true"', body)
    m = re.search(r'(?s)<textarea id="html"[^>]*>(.*?)</textarea>', body)
    assert html.unescape(m.group(1)) == pasted


@pytest.mark.parametrize("pasted,jargon", [
    ("<html><body><h1>Our blog</h1></body></html>", "NCT id found"),
    ("just some words", "no HTML tags"),
])
def test_unreadable_or_idless_pastes_keep_the_paste_and_give_a_next_step(live, pasted, jargon):
    resp = live.post("/check", data={"html": pasted, "url": "https://blog.example/post"})
    assert resp.status_code == 422
    body, error = resp.get_data(as_text=True), section(resp, "error")
    assert jargon not in error and "trial number (NCT…)" in error and "Look up a trial" in error
    assert html.unescape(re.search(r'(?s)<textarea id="html"[^>]*>(.*?)</textarea>', body).group(1)) == pasted
    assert re.search(r'<input id="url"[^>]*value="https://blog.example/post"', body)


def test_a_page_too_large_offers_a_step_a_person_can_take():
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001")})
    small = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_MAX_BODY": "2000"},
                       providers=providers(reg)).test_client()
    resp = small.post("/check", data={"html": "<p>" + "x" * 5000 + "</p>", "url": ""})
    assert resp.status_code == 413
    error = section(resp, "error")
    assert "trial's part" not in error and "Look up a trial" in error


# (9), (11), (19), (20), (21), (24): the trial page's own words --------------------------------------------------

def test_a_page_without_an_address_is_not_from_unknown(offline):
    resp = paste(offline, "medifind.com/nct06427642_semantic.html")
    ids = section(resp, "ids") if 'id="ids"' in resp.get_data(as_text=True) else text(resp)
    assert "unknown" not in ids and "page on" not in text(resp)
    named = paste(offline, "medifind.com/nct06427642_semantic.html", "https://www.medifind.com/articles/trial/1")
    assert "page from medifind.com" in text(named)


def test_a_status_the_person_typed_is_what_they_entered(live):
    resp = live.get("/trials/NCT00000002?status=Recruiting")
    assert section(resp, "claimed") == "You entered: Recruiting"
    assert "About what you entered" in text(resp) and "About this page" not in text(resp)
    pasted = live.post("/check", data={"html": trial_page("NCT00000002"), "url": page_url("NCT00000002")})
    assert section(pasted, "claimed") == "This page says: Recruiting"


def test_the_pointer_below_is_given_once(offline):
    resp = paste(offline, "medifind.com/nct06427642_semantic.html")
    note = section(resp, "verdict-note")
    assert note.lower().count("below") == 1


def test_checked_by_only_when_something_was_compared(offline):
    assert "compared by TrialLens" not in text(offline.get("/trials/NCT07232563"))
    assert "Checked by TrialLens" not in text(offline.get("/trials/NCT07232563"))
    compared = text(offline.get("/trials/NCT07232563?status=Recruiting"))
    assert "Checked by TrialLens on " in compared and "This page compared" not in compared


def test_glossary_terms_are_written_as_the_text_writes_them(offline):
    body = html.unescape(offline.get("/trials/NCT07232563").get_data(as_text=True))
    terms = re.findall(r'<details class="glossary">.*?</details>', body)
    assert "<dt>10⁹/L</dt>" in "".join(terms) and "10^9/L" not in "".join(terms)
    assert "100×10⁹/L" in body


def test_a_pasted_clinicaltrials_gov_page_is_the_official_record(offline):
    for url in (None, "https://clinicaltrials.gov/ct2/show/NCT03378063"):
        resp = paste(offline, "clinicaltrials.gov/nct03378063_ct2.html", url)
        assert resp.status_code == 200
        assert section(resp, "headline") == "This is the official record"
        assert "tone-info" in verdict_class(resp) and "Could not check" not in text(resp)
        assert "page on unknown" not in text(resp) and "page from ClinicalTrials.gov" in text(resp)


# (10) the form explains itself -----------------------------------------------------------------------------------

def test_the_form_explains_the_trial_number_without_jargon(live):
    page = text(live.get("/"))
    assert "the trial's ClinicalTrials.gov number, like NCT01234567" in page.replace("The trial's", "the trial's")
    assert "site reader" not in page and "What the page says (optional)" not in page


# (13) contrast of the saved-copy caveat and the WARNING label --------------------------------------------------

def _rgb(hex_: str) -> tuple[float, ...]:
    hex_ = hex_.lstrip("#")
    hex_ = "".join(c * 2 for c in hex_) if len(hex_) == 3 else hex_
    return tuple(int(hex_[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _luminance(hex_: str) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(hex_)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _colour(selector: str) -> str:
    m = re.search(re.escape(selector) + r"\s*\{[^}]*?(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", CSS)
    assert m, selector
    return m.group(1)


@pytest.mark.parametrize("selector", [".stale", ".finding.warning .sev", ".finding.critical .sev", ".meta, .ids, .why"])
def test_caveat_and_warning_label_meet_wcag_aa(selector):
    for background in ("#fff", "#fafafa", "#f0f0f0", "#fff7e6"):   # boxes, the page, the grey and amber verdicts
        assert contrast(_colour(selector), background) >= 4.5, (selector, background)


def test_contrast_formula():
    assert round(contrast("#000", "#fff"), 1) == 21.0 and round(contrast("#b7791f", "#fff"), 2) == 3.64


def test_a_related_trials_status_from_an_old_copy_says_its_month(offline):
    """Related trials' statuses come from TrialLens's saved copies: "Recruiting" from a copy months old read as
    today's. The API gives status_as_of; the page (as the card) words the status with its month, or "(saved copy)"."""
    # (every status: the glucose-tolerance trial is joined to the stroke trial by a similar treatment only, which the
    # default list of trials to join leaves out; review r16 §6)
    related = offline.get("/api/v1/trials/NCT07232563/related?status=any").get_json()["related"]
    when = {t["nct_id"]: t["status_as_of"] for t in related}
    assert when["NCT06495437"] is None and when["NCT07635758"].startswith("2026-06-26")
    items = section(offline.get("/trials/NCT07232563"), "related")
    assert "Recruiting (as of Jun 2026)" in items
    from server.status_shown import related_status
    assert related_status({"status": "NOT_YET_RECRUITING", "status_as_of": None}) == "Not yet recruiting (saved copy)"


def test_each_disclosure_has_a_name_of_its_own(offline):
    """About 60 "Original wording" / "Words explained" toggles on one trial all had the same name for a screen reader."""
    page = offline.get("/trials/NCT07635758").get_data(as_text=True)
    names = re.findall(r'<summary aria-label="([^"]*)">(?:Original wording|Words explained)</summary>', page)
    assert len(names) > 5 and len(set(names)) > len(names) * 0.8
    assert any(n.startswith("Words explained: ") and len(n) > len("Words explained: ") for n in names)


def test_a_page_about_another_trial_shows_no_status_for_that_numbers_record(offline):
    html = (ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_labelled.html").read_text(encoding="utf-8")
    resp = offline.post("/check", data={"html": html.replace("NCT07232563", "NCT07041801"),
                                        "url": "https://meddatax.com/clinical-trials/NCT07041801"})
    page = resp.get_data(as_text=True)
    assert "This page may be about a different trial" in page
    assert 'id="record-status"' not in page
    # headed by the page's own title, not the title of the trial its number is; the button names the number
    from html import escape

    from scrapers.registry import load_demo_record
    h1 = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert h1 != escape(load_demo_record("NCT07041801").title) and "stroke" in h1.lower(), h1
    assert ">Open NCT07041801 on ClinicalTrials.gov</a>" in page and "Open the official record" not in page


def test_the_saved_copy_line_says_why_in_the_cards_words():
    """pages.STALE_WHY mirrors format.js STALE_WHY (the card's footer): a wording changed in one is caught here."""
    from server.pages import STALE_WHY

    js = (ROOT / "extension" / "lib" / "format.js").read_text(encoding="utf-8")
    card = js[js.index("const STALE_WHY = {"):]
    card = dict(re.findall(r'^\s+(\w+): "([^"]*)",?$', card[:card.index("};")], re.M))
    assert {"offline", "gone", "unreachable"} <= set(card)
    for reason, words in card.items():
        assert STALE_WHY.get(reason) == words, reason
    # every reason the service gives has the same words on the card (review r19 #2 added "busy")
    assert set(STALE_WHY) == set(card)


def test_the_saved_copy_line_does_not_repeat_why_when_the_note_said_it(offline):
    """Review round 7: the note said "This TrialLens service works offline and did not ask ClinicalTrials.gov, so …"
    and the line about the copy under it said it again (the card had stopped repeating it: drift.note_says_why)."""
    html = (ROOT / "fixtures" / "html" / "trialfinderdata.org" / "nct07635758_split_dates_list_badges.html").read_text(
        encoding="utf-8")
    resp = offline.post("/check", data={"html": html, "url": "https://www.trialfinderdata.org/trial/NCT07635758"})
    why = "This TrialLens service works offline and did not ask ClinicalTrials.gov"
    assert section(resp, "verdict-note").startswith(why)
    assert why not in section(resp, "fetched") and section(resp, "fetched").startswith("TrialLens's saved copy")
    # without a page's claim no note is shown: the line says why
    assert why in section(offline.get("/trials/NCT07635758"), "fetched")


def test_the_glance_words_are_the_cards():
    """The page's glance says what the card's does (lib/criteria.js): a wording changed in one is caught here."""
    js = (ROOT / "extension" / "lib" / "criteria.js").read_text(encoding="utf-8")
    page = (ROOT / "server" / "templates" / "trial.html").read_text(encoding="utf-8")
    for name in ("GLANCE_PARTIAL", "GLANCE_SUMMARY", "AGE_NOT_GIVEN", "AGE_NONE_GIVEN", "EXCEPTIONS_NOTE", "NO_CRITERIA",
                 "NO_CRITERIA_IN_COPY"):
        words = re.search(rf'const {name} = "([^"]+)";', js).group(1)
        assert words in page, name


def test_a_meaning_does_not_say_its_term_again(offline):
    """Review round 8: the page read "Platelets / Platelets: blood cells that help blood clot." (the card drops the
    leading "Term:" with meaningOnly; the page now does too)."""
    page = offline.get("/trials/NCT07635758").get_data(as_text=True)
    pairs = re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page)
    assert ("Platelets", "blood cells that help blood clot.") in pairs
    assert not [(t, m) for t, m in pairs if m.lower().startswith(t.lower() + ":")]


def test_a_rules_exceptions_are_said_to_be_exceptions(offline):
    """Review round 8: NCT07635758's five cancers under "History of brain tumor or malignancy …, except:" were bullets
    under "You cannot join if…", the "except:" at the end of a long line the only sign."""
    api = offline.get("/api/v1/trials/NCT07635758/criteria").get_json()
    crit = api.get("criteria", api)
    flagged = [e["original"][:40] for e in crit["exclusion"] if e["exceptions"]]
    assert flagged == ["History of brain tumor or malignancy wit"]
    assert all(not e["exceptions"] for e in crit["inclusion"])   # (nor "History of any of the following:")
    page = offline.get("/trials/NCT07635758").get_data(as_text=True)
    assert page.count('<p class="exceptions">Exceptions: this rule does not apply to people with these.</p>') == 1


def test_the_cards_count_words_are_the_findings():
    """format.js LIST_WORDS says a list's count in the words the findings use (finding.RULE / RULES): a wording
    changed in one is caught here."""
    from scrapers.reconcile.finding import RULE, RULES

    js = (ROOT / "extension" / "lib" / "format.js").read_text(encoding="utf-8")
    for section in ("inclusion", "exclusion"):
        assert f'{section}_criteria: ["{RULE[section].removeprefix("a ")}", "{RULES[section]}"]' in js, section


# a last-updated date the person typed that TrialLens cannot use: their words, not the API's ---------------------

def test_an_unreadable_date_is_said_in_a_persons_words_and_kept(offline):
    """The page answered 400 with the API's "as_of: cannot read 'yesterday-ish' as a date (use YYYY-MM-DD, …)"."""
    resp = offline.get("/trials/NCT07232563?status=Recruiting&as_of=yesterday-ish")
    assert resp.status_code == 400
    body, error = resp.get_data(as_text=True), section(resp, "error")
    assert error == ("TrialLens cannot read that date TrialLens cannot read “yesterday-ish” as a date. Enter it like "
                     "2026-03-15, 2026-03 or 2026, or leave it empty.")
    assert "as_of" not in error and "YYYY" not in error
    assert re.search(r'<input id="as_of"[^>]*value="yesterday-ish"[^>]*aria-invalid="true"', body)
    assert re.search(r'<input id="status"[^>]*value="Recruiting"', body)
    assert re.search(r'<input id="nct_id"[^>]*value="NCT07232563"', body)
    assert "<title>TrialLens cannot read that date · TrialLens</title>" in body
    # (through the form too, which sends the date on to the trial's page)
    looked = offline.get("/lookup?nct_id=NCT07232563&status=Recruiting&as_of=yesterday-ish", follow_redirects=True)
    assert section(looked, "error") == error
    # (the JSON API keeps its field-named words, which are right for developers)
    api = offline.get("/api/v1/trials/NCT07232563/drift?as_of=yesterday-ish").get_json()
    assert api["detail"] == "as_of: cannot read 'yesterday-ish' as a date (use YYYY-MM-DD, YYYY-MM or YYYY)"


def test_a_date_still_to_come_is_said_in_a_persons_words(offline):
    resp = offline.get("/trials/NCT07232563?as_of=2099-01")
    assert resp.status_code == 400
    error = section(resp, "error")
    assert error.startswith("That date has not come yet You entered “2099-01” as when the page was last updated, "
                            "which is after today (")
    assert "a page cannot be current" not in error and "as_of" not in error
    assert re.search(r'<input id="as_of"[^>]*value="2099-01"[^>]*aria-invalid="true"', resp.get_data(as_text=True))


def test_a_mistyped_id_keeps_the_date_typed_with_it(offline):
    body = offline.get("/lookup?nct_id=NCT123&as_of=2026-03").get_data(as_text=True)
    assert re.search(r'<input id="as_of"[^>]*value="2026-03"', body)
    assert not re.search(r'<input id="as_of"[^>]*aria-invalid', body)


def test_a_date_the_person_typed_is_written_as_the_page_writes_dates(live):
    """"You entered: Recruiting (2025-06-27)" beside "last update posted 18 Nov 2025" (review r23 #17): the page writes
    the date the person typed in its own format; a date they typed alone is shown too. A pasted page's own words stay."""
    resp = live.get("/trials/NCT00000002?status=Recruiting&as_of=2025-06-27")
    assert "You entered: <strong>Recruiting</strong>, last updated 27 Jun 2025</p>" in resp.get_data(as_text=True)
    assert section(live.get("/trials/NCT00000002?as_of=2025-06"), "claimed") == "You entered: last updated Jun 2025"
    pasted = live.post("/check", data={"html": trial_page("NCT00000002", as_of="2025-06-27"),
                                       "url": page_url("NCT00000002")})
    assert section(pasted, "claimed") == "This page says: Recruiting (Last updated 2025-06-27)"
