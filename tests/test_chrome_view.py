"""The chrome-free view takes the page's own lines and cuts out the dropped blocks' spans
instead of walking a pruned copy again. That shortcut must give exactly the lines the
walk of the pruned copy gives: on every saved page, and on markup where cutting would be
wrong (a dropped block between two halves of one line, a date pending across it, an
inline element, text inside <pre>)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.sites import _chrome
from scrapers.sites._chrome import without_chrome
from scrapers.sites.base import Page

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "html").glob("*/*.html"))


def walked_anew(page: Page, strict: bool, monkeypatch) -> list:
    """The view's lines by the reference route: the pruned copy walked again."""
    with monkeypatch.context() as m:
        m.setattr(_chrome, "_spans_of", lambda source, gone, spans: None)
        return without_chrome(page, strict).lines


def spans_used(page: Page, strict: bool, monkeypatch) -> bool:
    """Did the view come from the page's spans (no second walk)?"""
    calls = []
    real = _chrome._visible_lines
    with monkeypatch.context() as m:
        m.setattr(_chrome, "_visible_lines", lambda root, spans=None: calls.append(1) or real(root, spans))
        without_chrome(page, strict)
    return not calls


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("strict", [False, True], ids=["sites", "strict"])
def test_saved_pages_same_lines_either_way(path, strict, monkeypatch):
    page = Page(path.read_text(encoding="utf-8"), f"https://{path.parent.name}/")
    assert without_chrome(page, strict).lines == walked_anew(page, strict, monkeypatch)


def test_most_saved_pages_take_the_shortcut(monkeypatch):
    pages = [Page(p.read_text(encoding="utf-8"), f"https://{p.parent.name}/") for p in FIXTURES]
    dropping = [p for p in pages if without_chrome(p).lines != p.lines]
    used = [p for p in dropping if spans_used(p, False, monkeypatch)]
    assert len(dropping) > 30
    assert len(used) >= 0.8 * len(dropping)  # the point of the spans: no second walk


TRICKY = {
    # the nav sits inside one line: without it, "Status:" and "Recruiting" are one line
    "joins": "<main><h1>T</h1><div>Status: <nav>Home</nav> Recruiting</div><p>NCT01234567</p></main>",
    # a <time> with no text pending across the dropped block: the date goes to the next line
    "pending date": "<main><h1>T</h1><div><time datetime='2025-01-02'></time><nav>Menu</nav>Updated</div></main>",
    # <search> is not a block: its removal joins the text around it
    "inline drop": "<main><h1>T</h1><p>Find <search>trials</search> here</p></main>",
    # a cookie banner inside <pre>: the pre's rows are its whole text
    "in pre": "<main><h1>T</h1><pre>a\n<span class='cookie-note'>We use cookies</span>\nb</pre></main>",
    # a block between whitespace only: cut cleanly (the search form inside the header goes with it)
    "clean cut": "<body>\n  <header><a href='/'>Site</a> <form role='search'>Find <input></form></header>\n"
                 "  <main><h1>T</h1><p>Recruiting</p></main>\n  <footer>© 2025</footer>\n</body>",
    # a cookie banner holding a nav in mid-line: the nav goes with the banner
    "nested": "<body>\n<main><h1>T</h1><p>Recruiting</p></main>\n"
              "<div class='cookie-banner'>We use cookies <nav>Privacy</nav> Accept</div>\n</body>",
    # a sidebar listing other trials, and a consent banner
    "sidebar": "<main><h1>T NCT01234567</h1><p>Status: Recruiting</p></main><aside><h2>Similar trials</h2>"
               "<p>NCT07654321 Completed</p></aside><div id='onetrust-banner'>Accept cookies</div>",
    # an accordion button inside the nav opens a panel outside it: the panel's visibility changes
    "panel": "<nav><button aria-expanded='false' aria-controls='p1'>More</button></nav>"
             "<main><h1>T</h1><div id='p1' hidden>Inclusion: adults</div></main>",
    # an icon's only child dropped: its own text may now read as a glyph
    "icon": "<main><h1>T</h1><span class='material-icons'><nav>x</nav>home</span><p>Body</p></main>",
}


@pytest.mark.parametrize("html", TRICKY.values(), ids=TRICKY.keys())
@pytest.mark.parametrize("strict", [False, True], ids=["sites", "strict"])
def test_tricky_markup_same_lines_either_way(html, strict, monkeypatch):
    page = Page(f"<html><body>{html}</body></html>" if "<body" not in html else f"<html>{html}</html>",
                "https://example.org/trial/NCT01234567")
    assert without_chrome(page, strict).lines == walked_anew(page, strict, monkeypatch)


def test_join_is_read_as_one_line():
    page = Page("<html><body><main><h1>T</h1><div>Status: <nav>Home</nav> Recruiting</div></main></body></html>")
    assert "Status: Recruiting" in without_chrome(page).texts
    assert "Status:" in page.texts  # the full view keeps the nav's line break


@pytest.mark.parametrize("case", ["clean cut", "nested"])
def test_clean_cuts_take_the_shortcut(case, monkeypatch):
    page = Page("<html>" + TRICKY[case] + "</html>", "https://example.org/t/NCT01234567")
    assert spans_used(page, False, monkeypatch)
    assert without_chrome(page).texts == ["T", "Recruiting"]


def test_a_page_cannot_pass_its_content_off_as_dropped():
    html = ("<html><body><main><h1>T</h1><div>Phase <nav>Menu</nav> 2</div><div data-triallens-dropped=''>"
            "<p>Status: Recruiting</p></div></main></body></html>")  # the nav in mid-line: the copy is walked
    page = Page(html, "https://example.org/t/NCT01234567")
    assert "Status: Recruiting" in without_chrome(page).texts
    assert "Status: Recruiting" in without_chrome(page, strict=True).texts


def test_an_h1_that_was_itself_dropped_does_not_keep_its_block():
    """A cookie banner is kept only when it holds the page's h1; an h1 inside it that is
    itself chrome (a navigation role) was dropped first and does not count."""
    html = ("<html><body><main><h1>T NCT01234567</h1><p>Recruiting</p></main>"
            "<div id='onetrust-banner'>Accept cookies<h1 role='navigation'>Menu</h1></div></body></html>")
    page = Page(html, "https://example.org/t/NCT01234567")
    assert without_chrome(page).texts == ["T NCT01234567", "Recruiting"]


def test_an_id_next_to_a_dropped_block_is_still_read():
    """Dropping the header must not glue "© 2025" to the id after it ("2025NCT07654321" is no
    id): the sidebar names another trial and is dropped with its status."""
    html = ("<html><body><main><h1>T NCT01234567</h1><p>Status: Recruiting</p></main>"
            "<aside>© 2025<header><a href='/'>Site</a></header>NCT07654321 Status: Completed</aside></body></html>")
    page = Page(html, "https://example.org/t/NCT01234567")
    assert "Completed" not in without_chrome(page).text
