"""Traps of real-world markup, one at a time: what a sighted reader sees is read, and
nothing from screen-reader-only text, icon fonts, site chrome, sidebars of other trials or
another trial's embedded data leaks into this trial's fields.

The realistic whole pages are fixtures (fixtures/html/<host>/*nextjs*, *react*, *spa*);
these tests vary one thing at a time on those pages or on small ones.
"""

import json

import pytest

from conftest import FIXTURES
from scrapers import scrape_html
from scrapers.sites.base import Page
from scrapers.sites._embedded import embedded_status


def lines(body: str) -> list[str]:
    return Page(f"<html><body>{body}</body></html>").texts


# -- the reader's view (base.py) ----------------------------------------------------------

def test_screen_reader_only_text_is_not_seen():
    assert lines('<div><span class="sr-only">Status: </span><span>RECRUITING</span><span>Phase 2</span></div>') \
        == ["RECRUITINGPhase 2"]
    assert lines('<p><span class="visually-hidden">Opens in new tab</span>ClinicalTrials.gov</p>') == ["ClinicalTrials.gov"]
    # Tailwind's "focus:not-sr-only" is not "sr-only"
    assert lines('<a class="sr-only-focusable focus:not-sr-only" href="#m">Skip</a>') == ["Skip"]


def test_invisible_characters_and_line_breaks_in_source():
    assert lines("<p>NCT\u200b07635758 Recruit\u00ading\ufeff</p>") == ["NCT07635758 Recruiting"]
    assert lines("<p>Current as of\n   June&nbsp;27,\u2009 2025</p>") == ["Current as of June 27, 2025"]


def test_icon_font_words_and_svg_titles_are_not_text():
    assert lines('<p><span class="material-icons" aria-hidden="true">calendar_today</span>Updated June 2026</p>') \
        == ["Updated June 2026"]
    assert lines('<p><svg><title>Clock</title></svg>Updated June 2026</p>') == ["Updated June 2026"]
    # a word in an ordinary aria-hidden span is seen (a visual duplicate of sr-only text)
    assert lines('<p><span aria-hidden="true">Recruiting</span><span class="sr-only">Status: Recruiting</span></p>') \
        == ["Recruiting"]


def test_hidden_things_and_collapsed_accordions():
    body = ('<button aria-expanded="false" aria-controls="p1">Eligibility Criteria</button>'
            '<div id="p1" hidden><ul><li>Age 18 or older</li></ul></div>'
            '<div hidden>stale copy</div><div style="display: none">Completed</div>'
            '<div hidden="until-found">Exclusion Criteria</div>'
            '<dialog><p>Last updated: January 2, 2026</p></dialog><dialog open><p>Shown dialog</p></dialog>'
            '<template><p>Completed</p></template><noscript><p>Enable JavaScript</p></noscript>')
    assert lines(body) == ["Eligibility Criteria", "Age 18 or older", "Exclusion Criteria", "Shown dialog"]


def test_declarative_shadow_dom_is_shown_other_templates_are_not():
    assert lines('<trial-badge><template shadowrootmode="open"><span>Recruiting</span></template></trial-badge>'
                 '<template><p>Completed</p></template>') == ["Recruiting"]


def test_select_shows_its_chosen_option_and_pre_keeps_its_lines():
    assert lines('<p>Sort: <select><option>Relevance</option><option selected>Recruiting</option>'
                 '<option>Completed</option></select></p>') == ["Sort: Recruiting"]
    assert lines("<pre>Inclusion Criteria:\n- Age 18\n\n- BMI 20</pre>") == ["Inclusion Criteria:", "- Age 18", "- BMI 20"]


def test_time_datetime_and_spaced_claims():
    page = Page('<html><body><p><span>Current as of</span><span><time datetime="2025-07-09T10:00Z">3 days ago'
                '</time></span></p></body></html>')
    (line,) = page.lines
    assert line.times == ("2025-07-09T10:00Z",)
    assert line.text == "Current as of3 days ago" and line.spaced == "Current as of 3 days ago"


# -- site chrome and other trials ---------------------------------------------------------

TFD = "https://www.trialfinderdata.org/trial/NCT07635758"
CC = "https://clinconnect.io/trials/NCT04811651"
VV = "https://ctv.veeva.com/study/treatment-of-systemic-lupus-erythematosus-with-human-umbilical-cord-mesenchymal-stem-cells"
MD = "https://meddatax.com/clinical-trials/NCT07232563"
CASES = {
    TFD: FIXTURES / "html/trialfinderdata.org/nct07635758_nextjs_tailwind.html",
    CC: FIXTURES / "html/clinconnect.io/nct04811651_nextjs_accordion.html",
    VV: FIXTURES / "html/ctv.veeva.com/nct07041801_spa_dl.html",
    MD: FIXTURES / "html/meddatax.com/nct07232563_react_cards.html",
}


def fixture(url: str) -> str:
    return CASES[url].read_text(encoding="utf-8")


def no_blob(html: str) -> str:
    """The page without its embedded JSON, so only the visible text speaks."""
    import re

    return re.sub(r"<script[^>]*(?:__NEXT_DATA__|ld\+json)[^>]*>.*?</script>", "", html, flags=re.S)


TFD_BADGES = ('<span class="inline-flex items-center rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-medium '
              'text-green-800"><svg class="mr-1 h-2 w-2 fill-green-500" viewBox="0 0 6 6"><title>Recruiting</title>'
              '<circle cx="3" cy="3" r="3"></circle></svg>RECRUITING</span>')
CC_BADGE = ('<span class="inline-flex items-center gap-1 rounded-full bg-gray-100 px-3 py-1 font-medium text-gray-800">'
            '<svg viewBox="0 0 8 8" class="h-2 w-2"><title>Status dot</title><circle cx="4" cy="4" r="3"></circle></svg>'
            'Completed</span>')
VV_BADGE = '<span class="rounded-full bg-green-100 px-2 text-green-800">Enrolling</span>'


@pytest.mark.parametrize("url, badge", [(TFD, TFD_BADGES), (CC, CC_BADGE), (VV, VV_BADGE)])
def test_without_its_status_badge_a_page_borrows_no_status_from_filters_or_sidebars(url, badge):
    """The header's "Recruiting"/"Completed" filter chips and the similar-trials sidebar
    show status words; with this trial's badge gone (and no embedded data) none is read."""
    html = no_blob(fixture(url))
    assert badge in html
    # TrialFinderData's summary sentence states the status too ("RECRUITING as of the most
    # recent ClinicalTrials.gov update"): it is this trial's and is read; take it out as well
    html = html.replace(" RECRUITING as of the most recent ClinicalTrials.gov update.", "")
    rec = scrape_html(html.replace(badge, ""), url)
    assert (rec.status, rec.status_text) == (None, None)


@pytest.mark.parametrize("url", [TFD, CC, MD, VV])
def test_no_freshness_claim_from_cookie_banner_footer_or_sidebar(url):
    """Cookie banners ("Last updated: January 2, 2026"), footers ("Last updated 2026-06-26")
    and sidebars ("Updated May 2025") carry dates that are not this page's claim."""
    rec = scrape_html(fixture(url), url)
    expected = {TFD: ("2026-06", "Updated June 2026"), CC: ("2025-07-09", "Current as of July 09, 2025"),
                MD: ("2025-11-18", "Last Updated: 2025-11-18"), VV: (None, None)}[url]
    assert (rec.as_of, rec.as_of_text) == expected


@pytest.mark.parametrize("url", [TFD, CC, MD, VV])
def test_other_trials_listed_on_the_page_are_not_this_one(url):
    rec = scrape_html(fixture(url), url)
    assert rec.nct_id == {TFD: "NCT07635758", CC: "NCT04811651", MD: "NCT07232563", VV: "NCT07041801"}[url]
    assert rec.nct_id not in rec.related_nct_ids and len(rec.related_nct_ids) == 2


def test_relative_date_read_from_time_datetime():
    html = fixture(CC).replace('<time datetime="2025-07-09">July&nbsp;09,&nbsp;2025</time>',
                               '<time datetime="2025-07-09T10:00:00Z">3 days ago</time>')
    rec = scrape_html(html, CC)
    assert (rec.as_of, rec.as_of_text, rec.status) == ("2025-07-09", "Current as of 3 days ago", "COMPLETED")


def test_visible_status_label_before_the_badge():
    html = fixture(CC).replace('<span class="sr-only">Status:</span>', "<span>Status:</span>")
    rec = scrape_html(html, CC)
    assert (rec.status, rec.status_text) == ("COMPLETED", "Completed")


# -- embedded data -----------------------------------------------------------------------

def test_embedded_status_fills_a_missing_badge_for_the_same_trial_only():
    rec = scrape_html(fixture(CC).replace(CC_BADGE, ""), CC)
    assert (rec.status, rec.status_text) == ("COMPLETED", "COMPLETED")  # from __NEXT_DATA__ "trial"
    # the blob's similar trials are RECRUITING; with this trial's own entry gone nothing is borrowed
    html = fixture(CC).replace(CC_BADGE, "").replace(',"overall_status":"COMPLETED"', "")
    rec = scrape_html(html, CC)
    assert (rec.status, rec.status_text) == (None, None)


def test_embedded_status_contradicting_the_reading_voids_it():
    html = fixture(CC).replace('"overall_status":"COMPLETED"', '"overall_status":"RECRUITING"')
    rec = scrape_html(html, CC)
    assert (rec.status, rec.status_text) == (None, None)


def test_embedded_status_api_v2_shape_and_two_claims():
    page = Page(fixture(VV), VV)
    assert embedded_status(page, "NCT07041801") == "RECRUITING"  # protocolSection.statusModule
    assert embedded_status(page, "NCT03219801") == "COMPLETED"
    assert embedded_status(page, "NCT09999999") is None
    blob = {"a": {"nctId": "NCT07041801", "status": "Recruiting"}, "b": {"nct_id": "NCT07041801", "status": "Completed"}}
    page = Page(f'<html><body><p>x</p><script type="application/json">{json.dumps(blob)}</script></body></html>')
    assert embedded_status(page, "NCT07041801") is None  # the data disagrees with itself


def test_broken_or_hostile_blobs_are_ignored():
    html = ('<html><body><h1>T</h1><p>NCT ID: NCT07041801</p>'
            '<script id="__NEXT_DATA__" type="application/json">{"props": [[[[</script>'
            '<script type="application/json">' + "[" * 5000 + "]" * 5000 + "</script></body></html>")
    assert embedded_status(Page(html), "NCT07041801") is None


# -- pages saved without their address -----------------------------------------------------

@pytest.mark.parametrize("url, site", [(CC, "clinconnect.io"), (VV, "ctv.veeva.com"), (TFD, "trialfinderdata.org")])
def test_a_page_without_url_is_read_by_the_site_it_names(url, site):
    html = fixture(url).replace('rel="canonical"', 'rel="preconnect"')
    rec = scrape_html(html)
    expected = scrape_html(fixture(url), url)
    assert rec.site == site
    assert (rec.nct_id, rec.status, rec.as_of) == (expected.nct_id, expected.status, expected.as_of)


def _plain_divs(html: str) -> str:
    """The same page with its chrome in plain divs: no header/nav/aside/footer elements, no
    role or class that marks it (many sites are built that way)."""
    import re

    html = re.sub(r"<(/?)(header|nav|aside|footer|form)\b", r"<\1div", html)
    return html.replace('role="search"', "").replace("cookie-consent", "").replace('id="cc-cookie-notice"', "") \
        .replace('class="similar', 'class="x')


@pytest.mark.parametrize("url, expected", [
    (TFD, ("RECRUITING", "2026-06")), (CC, ("COMPLETED", "2025-07-09")),
    (MD, ("NOT_YET_RECRUITING", "2025-11-18")), (VV, ("RECRUITING", None)),
])
def test_chrome_in_plain_divs_still_gives_this_trials_facts(url, expected):
    """Read by position and wording, not by the chrome's markup: the status filters above
    the title, a cookie notice before it, a footer's "Last updated" after the trial."""
    rec = scrape_html(_plain_divs(no_blob(fixture(url))), url)
    assert (rec.status, rec.as_of) == expected


def test_only_the_similar_trials_block_goes_not_the_page_around_it():
    """The page's wrapper starts with the "Similar trials" rail too: the rail goes, the
    trial stays (its labels, its criteria, the source link that names it)."""
    from scrapers.sites._chrome import other_trial_blocks, without_chrome

    html = ('<html><body><div id="app"><div class="layout"><div class="rail"><h2>Similar trials</h2>'
            '<div><a href="/study/a">A</a><div>Enrolling</div></div></div>'
            '<div class="study"><h3>Status</h3><div>Completed</div></div></div></div></body></html>')
    page = Page(html)
    assert [b.get("class") for b in other_trial_blocks(page.root)] == ["rail"]
    assert without_chrome(page).texts == ["Status", "Completed"]


def test_veeva_page_without_printed_id_takes_it_from_its_source_link_not_the_rail():
    url = ("https://ctv.veeva.com/study/preliminary-safety-and-efficacy-study-of-extracellular-vesicle-infusion-"
           "in-the-intervention-of-age-r")
    html = (FIXTURES / "html/ctv.veeva.com/nct06495437_empty_labels_rail.html").read_text(encoding="utf-8")
    rec = scrape_html(html, url)
    assert rec.nct_id == "NCT06495437"
    # the rail's "Enrolling" and "18 to 70 years old" are another trial's: the empty labels stay empty
    assert (rec.status, rec.min_age, rec.max_age) == (None, None, None)
    # with the source link gone the rail's ClinicalTrials.gov links still do not name this trial
    rec = scrape_html(html.replace("https://clinicaltrials.gov/study/NCT06495437", "/about"), url)
    assert rec.nct_id == "NCT06495437"  # from __NEXT_DATA__ "study", the similar trials left out


def test_aria_heading_is_a_heading_and_a_logo_h1_does_not_keep_the_site_header():
    page = Page('<html><body><div role="heading" aria-level="1">Trial title</div><div role="heading">About</div>'
                '</body></html>')
    assert [ln.tag for ln in page.lines] == ["h1", "h2"]
    html = fixture(TFD).replace('<span>TrialFinderData</span></a>', '<h1 class="text-lg">TrialFinderData</h1></a>')
    html = html.replace('<form role="search"', "<div").replace("</form>", "</div>")  # chips in plain divs
    html = no_blob(html).replace(TFD_BADGES, "").replace(" RECRUITING as of the most recent ClinicalTrials.gov update.", "")
    rec = scrape_html(html, TFD)
    # the header's "Recruiting" filter chip sits next to the logo h1: still not this trial's status
    assert (rec.status, rec.as_of) == (None, "2026-06")


# -- every saved page, with real-world noise added ------------------------------------------

import re  # noqa: E402

_KEYS = ("nct_id", "status", "status_text", "as_of", "as_of_text")
_CHROME_TOP = (
    '<div id="cookie-banner" class="fixed bottom-0"><p>We use cookies. Last updated: January 2, 2026.</p>'
    '<button>OK</button></div><header class="site"><a href="/">Site</a><nav><a href="/s?status=recruiting">'
    'Recruiting</a><a href="/s?status=completed">Completed</a><a href="/s?status=nyr">Not yet recruiting</a></nav></header>')
_CHROME_END = (
    '<aside class="sidebar"><h3>Similar trials</h3><ul><li><a href="/t/NCT09999991">Other trial</a> <span>Terminated'
    '</span> <span>Updated March 2020</span> NCT09999991</li><li>NCT09999992 · Withdrawn · Last updated: 2019-01-01</li>'
    '</ul></aside><footer><p>Last updated: 2026-01-05</p><p>© 2026 Site</p></footer>')


def _with_chrome(html: str) -> str:
    body = re.search(r"<body[^>]*>", html)
    return html[: body.end()] + _CHROME_TOP + html[body.end():].replace("</body>", _CHROME_END + "</body>")


def _with_text_noise(html: str) -> str:
    """React's empty comments between text nodes, &nbsp; between some words, a zero-width
    space inside every NCT id."""
    def noisy(m):
        words = m.group(1).split(" ")
        text = "".join(w + ("&nbsp;" if k % 3 == 1 else " ") for k, w in enumerate(words))[:-1] if words else ""
        return ">" + text.replace("NCT0", "NCT&#8203;0") + "<!-- --><"
    pieces = re.split(r"(<script\b.*?</script>)", html, flags=re.S)  # embedded data stays as it is
    return "".join(p if p.startswith("<script") else re.sub(r">([^<>]+)<", noisy, p) for p in pieces)


def _with_div_headings(html: str) -> str:
    return re.sub(r"<(/?)h([2-6])\b", r"<\1div", html)


# every saved page: the four seed sites' own, the other sites' and the generic reader's
SEED_SITE_CASES = sorted((FIXTURES / "html").glob("*/*.html"))


@pytest.mark.parametrize("mutate", [_with_chrome, _with_text_noise, _with_div_headings], ids=lambda f: f.__name__)
@pytest.mark.parametrize("html_path", SEED_SITE_CASES, ids=[f"{p.parent.name}/{p.stem}" for p in SEED_SITE_CASES])
def test_noise_does_not_change_what_the_page_says(html_path, mutate):
    """Site chrome (cookie banner and footer "Last updated", status filter chips, a sidebar
    of other trials with their statuses and dates), text noise and headings as divs leave
    the NCT id, status and as-of date of every saved page (every site, and the generic
    reader's pages) as they were."""
    from conftest import fixture_url

    expected = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
    got = scrape_html(mutate(html_path.read_text(encoding="utf-8")), fixture_url(html_path)).to_dict()
    assert {k: got[k] for k in _KEYS} == {k: expected[k] for k in _KEYS}


def test_a_badge_styled_as_an_icon_is_still_text():
    assert lines('<p><span class="status-icon">recruiting</span></p>') == ["recruiting"]
    assert lines('<p><i class="fa fa-clock" aria-hidden="true">schedule</i>Updated June 2026</p>') == ["Updated June 2026"]
    assert lines('<p><span class="material-symbols-outlined">event</span>Updated June 2026</p>') == ["Updated June 2026"]


def test_a_cms_status_key_is_not_a_trial_status():
    from scrapers.sites._embedded import _trial_facts

    assert _trial_facts({"nctId": "NCT01234567", "status": "complete"}) == ("NCT01234567", None)
    assert _trial_facts({"nctId": "NCT01234567", "status": "published"}) == ("NCT01234567", None)
    assert _trial_facts({"nctId": "NCT01234567", "status": "RECRUITING"})[1] == "RECRUITING"
    assert _trial_facts({"nctId": "NCT01234567", "status": "https://schema.org/NotYetRecruiting"})[1] == "Not Yet Recruiting"
    assert _trial_facts({"nct_id": "NCT01234567", "overall_status": "Completed"})[1] == "Completed"


def test_saved_page_marks_name_the_address():
    from server.page_source import saved_from

    single_file = (b'<!DOCTYPE html> <html lang="en"><!--\n Page saved with SingleFile \n url: '
                   b'https://clinconnect.io/trials/NCT04811651 \n saved date: Thu Nov 20 2025\n--><head>')
    assert saved_from(single_file) == "https://clinconnect.io/trials/NCT04811651"
    chrome = b'<!-- saved from url=(0048)https://meddatax.com/clinical-trials/NCT07232563 -->\n<html>'
    assert saved_from(chrome) == "https://meddatax.com/clinical-trials/NCT07232563"
    assert saved_from(b"<html><body>no mark</body></html>") is None
