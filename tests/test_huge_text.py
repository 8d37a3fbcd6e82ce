"""A page of normal-sized paragraphs up to the 10 MB body limit (18,192 lines, under MAX_LINES and MAX_ELEMENTS) was
read whole: nothing capped the text read (review r24 (c)). It is now read as far as sites/_lines.MAX_CHARS characters
of text and says so as the line cut does (PageRecord.read_lines, "This page is too long to read in full …"); the
longest record in the shared corpus (NCT02513394, results included) has 550,301 characters of text in all, the longest
saved fixture page 12,143."""

from __future__ import annotations

import pytest
from service_support import MEDDATAX_HTML, MEDDATAX_URL, page_url, providers, trial_page

from scrapers import scrape_html
from scrapers.sites import _lines
from scrapers.sites.base import Page
from server.annotate import Annotator
from server.verdict_words import NOTES

NCT = "NCT00000001"
PARAGRAPH = ("Participants reported 12 adverse events over 24 weeks; the dose of 40 mg was given twice daily, and "
             "blood pressure was measured at each visit by a nurse who did not know the assigned group. ") * 3


def _with_comments(html: str, filler: str) -> str:
    at = html.rfind("</body>")
    return html[:at] + f"<section><h2>Comments</h2>{filler}</section>" + html[at:]


def test_ten_megabytes_of_paragraphs_are_read_as_far_as_the_text_limit():
    huge = _with_comments(MEDDATAX_HTML, f"<p>{PARAGRAPH}</p>" * (10_000_000 // (len(PARAGRAPH) + 7)))
    page = Page(huge, MEDDATAX_URL)
    assert page.cut_at is not None and page.cut_at < _lines.MAX_LINES   # (the lines alone would not cut it)
    assert _lines.MAX_CHARS <= len(page.text) < _lines.MAX_CHARS + 2 * len(PARAGRAPH)
    record, whole = scrape_html(huge, MEDDATAX_URL), scrape_html(MEDDATAX_HTML, MEDDATAX_URL)
    got = record.to_dict()
    assert got.pop("read_lines") == page.cut_at
    assert got == whole.to_dict()   # every field of the trial, as without the comments
    drift = Annotator(providers()).annotate(huge, MEDDATAX_URL)["drift"]
    assert drift["note"].endswith(NOTES["page_cut"].format(lines=f"{page.cut_at:,}"))


@pytest.fixture
def small_text(monkeypatch):
    monkeypatch.setattr(_lines, "MAX_CHARS", 200, raising=False)


def test_a_field_past_the_text_limit_is_not_read(small_text):
    filler = "".join(f"<p>{'Menu entry ' * 4}{i}</p>" for i in range(10))
    html = trial_page(NCT, status="Completed").replace("<dl>", filler + "<dl>")
    record = scrape_html(html, page_url(NCT))
    assert record.status is None and record.read_lines is not None and record.read_lines < 10
    assert scrape_html(trial_page(NCT, status="Completed"), page_url(NCT)).status == "COMPLETED"


def test_a_long_pre_is_cut_at_the_text_limit_too(small_text):
    rows = "\n".join(f"row {i} " + "x" * 40 for i in range(50))
    page = Page(trial_page(NCT, extra=f"<pre>{rows}</pre><p>Status: Completed</p>"), page_url(NCT))
    assert page.cut_at is not None and len(page.text) < 200 + 50
    assert "Status: Completed" not in page.text
