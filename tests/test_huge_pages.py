"""A page too long to read whole (an endless comment thread, footer or filler, up to the 10 MB body limit) is read as
far as sites/_lines.MAX_LINES lines or MAX_ELEMENTS elements and says so (PageRecord.read_lines, the drift note): its
trial's fields, which come first, are read; a field past the cut is not read rather than misread; a normal page is
unaffected. 400,000 "<li>a</li>" took 10 s to scrape (bench/bench_huge_pages.py has the figures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from service_support import MEDDATAX_HTML, MEDDATAX_URL, page_url, providers, trial_page

from scrapers import scrape_html
from scrapers.errors import NoTrialFound
from scrapers.sites import _lines
from scrapers.sites._lines import read_lines
from scrapers.sites.base import Page
from server.annotate import Annotator
from server.verdict_words import NOTES

ROOT = Path(__file__).resolve().parents[1]
NCT = "NCT00000001"


def _with_comments(html: str, filler: str) -> str:
    """`html` with `filler` under a "Comments" heading at the end of its body."""
    at = html.rfind("</body>")
    return html[:at] + f"<section><h2>Comments</h2>{filler}</section>" + html[at:]


@pytest.fixture
def small_limits(monkeypatch):
    """Limits small enough to reach with a few lines."""
    monkeypatch.setattr(_lines, "MAX_LINES", 10)
    monkeypatch.setattr(_lines, "MAX_ELEMENTS", 60)


def test_a_page_of_400000_list_items_is_read_as_far_as_the_limit_with_its_trial_fields():
    huge = _with_comments(MEDDATAX_HTML, "<ul>" + "<li>a</li>" * 400_000 + "</ul>")
    assert len(huge) > 4_000_000
    record = scrape_html(huge, MEDDATAX_URL)
    whole = scrape_html(MEDDATAX_HTML, MEDDATAX_URL)
    assert whole.read_lines is None and "read_lines" not in whole.to_dict()
    assert _lines.MAX_LINES <= record.read_lines < _lines.MAX_LINES + 5
    got = record.to_dict()
    assert got.pop("read_lines") == record.read_lines
    assert got == whole.to_dict()   # every field of the trial, as without the comments
    # the service says the page was read in part, after what it compared
    drift = Annotator(providers()).annotate(huge, MEDDATAX_URL)["drift"]
    plain = Annotator(providers()).annotate(MEDDATAX_HTML, MEDDATAX_URL)["drift"]
    assert drift["verdict"] == plain["verdict"]
    cut = NOTES["page_cut"].format(lines=f"{record.read_lines:,}")
    assert drift["note"].endswith(cut) and "20,0" in cut
    assert "note" not in plain or cut not in plain["note"]


def test_a_field_past_the_cut_is_not_read(small_limits):
    filler = "".join(f"<p>Menu entry {i}</p>" for i in range(20))
    html = trial_page(NCT, status="Completed").replace("<dl>", filler + "<dl>")
    record = scrape_html(html, page_url(NCT))
    assert (record.status, record.status_text, record.read_lines) == (None, None, 10)
    drift = Annotator(providers()).annotate(html, page_url(NCT))["drift"]
    assert drift["verdict"] != "out_of_date"   # the record's "Recruiting" is not compared with an unread status
    assert drift["note"].endswith(NOTES["page_cut"].format(lines="10"))
    # read whole, the same page says Completed
    assert scrape_html(trial_page(NCT, status="Completed"), page_url(NCT)).status == "COMPLETED"


def test_elements_without_text_count_too(small_limits):
    html = trial_page(NCT, status="Completed").replace("<dl>", "<b></b>" * 100 + "<dl>")
    record = scrape_html(html, page_url(NCT))
    assert record.status is None and record.read_lines == 1   # the heading, then 60 elements


def test_a_criteria_list_cut_short_is_not_said_to_end(small_limits):
    items = "".join(f"<li>Age over {i} years</li>" for i in range(30))
    html = trial_page(NCT, extra=f"<h2>Inclusion Criteria</h2><ul>{items}</ul><h2>Sponsor</h2><p>Acme</p>")
    record = scrape_html(html, page_url(NCT))
    assert record.read_lines == 10
    assert record.inclusion == [f"Age over {i} years" for i in range(len(record.inclusion))] and record.inclusion
    assert record.criteria_ends_at is None and not record.criteria_truncated


def test_an_id_past_the_cut_is_said_to_be_past_it(small_limits):
    html = "<html><body>" + "<p>a</p>" * 30 + f"<p>{NCT}</p></body></html>"
    with pytest.raises(NoTrialFound, match="too long to read whole, and only its first 10 lines"):
        scrape_html(html)
    with pytest.raises(NoTrialFound, match="^no ClinicalTrials.gov NCT id found on this page$"):
        scrape_html("<html><body>" + "<p>a</p>" * 3 + "</body></html>")


@pytest.mark.parametrize("filler", [
    "<ul>" + "<li>a</li>" * 40 + "</ul>",
    "<table>" + "<tr><td>a</td><td>b</td></tr>" * 30 + "</table>",
    "<div>" + "<span>a</span>" * 100 + "</div>tail",
    "<div><p>x<b>y</b>z</p>" * 30 + "</div>" * 30,
    "<pre>" + "row\n" * 40 + "</pre><p>after</p>",
    "<p>a</p><!-- note -->" * 30,
])
def test_the_tree_is_cut_where_the_lines_are(small_limits, filler):
    """Every reader of a cut page (chrome, links, embedded data) sees the part its lines come from: the cut tree,
    walked again, gives the same lines, and nothing after the cut is left in it."""
    page = Page(_with_comments(trial_page(NCT), filler + f'<a href="/study/NCT99999999">last</a>'))
    assert page.cut_at == len(page.lines)
    again, stop = read_lines(page.root.find("body"), max_lines=10_000, max_elements=10_000)
    assert stop is None and again == page.lines
    assert not page.root.xpath("//a[@href='/study/NCT99999999']") and "NCT99999999" not in page.text


def test_normal_pages_are_read_whole():
    for path in sorted((ROOT / "fixtures" / "html").glob("*/*.html")):
        page = Page(path.read_text(encoding="utf-8"))
        assert page.cut_at is None, path.name
