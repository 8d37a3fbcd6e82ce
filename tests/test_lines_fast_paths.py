"""The line walk's shortcuts (speed8, issue 7) give what the long way gives: a Line made without its __init__, a line
whose inline elements sit only at its ends, a page saved without its address read at its canonical URL without a
second parse. Every fixture page is compared before and after in docs/benchmarks.md ("speed8"); these pin the cases."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from scrapers import scrape_html
from scrapers.sites._chrome import listed_other_trials
from scrapers.sites._lines import Line, _new_line, read_lines
from scrapers.sites.base import Page, _parse


def test_a_line_made_by_the_walk_is_a_line():
    made = _new_line("Phase 1", "li", ("Phase", "1"), ("2025-06-27",))
    built = Line("Phase 1", "li", ("Phase", "1"), ("2025-06-27",))
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.asdict(made) == dataclasses.asdict(built) and list(vars(made)) == list(vars(built))
    assert pickle.loads(pickle.dumps(made)) == built and made.spaced == built.spaced == "Phase 1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "Phase 2"  # type: ignore[misc]


def _lines(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(ln.text, ln.tag, ln.parts) for ln in read_lines(_parse(f"<html><body>{body}</body></html>").find("body"))[0]]


@pytest.mark.parametrize("body,expected", [
    # inline elements at a line's ends only, with spaces around them: one part
    ("<p>\n  <a href='#'> Recruiting </a>\n</p>", [("Recruiting", "p", ("Recruiting",))]),
    ("<dd><span><b>Phase 2</b></span></dd>", [("Phase 2", "dd", ("Phase 2",))]),
    # two inline elements meeting inside the line: two parts
    ("<div><span>Current as of</span><span>July 09, 2025</span></div>",
     [("Current as ofJuly 09, 2025", "div", ("Current as of", "July 09, 2025"))]),
    # text after an inline element: two parts
    ("<p><b>Status:</b> Recruiting</p>", [("Status: Recruiting", "p", ("Status:", "Recruiting"))]),
    # a non-breaking space around the inline element: not an ASCII space, read the long way, same line
    ("<p>\u00a0<a>NCT01234567</a>\u00a0</p>", [("NCT01234567", "p", ("NCT01234567",))]),
    # nothing but spaces and empty inline elements: no line
    ("<p> <span> </span> <i></i> </p><p>x</p>", [("x", "p", ("x",))]),
])
def test_inline_elements_at_a_lines_ends(body, expected):
    assert _lines(body) == expected


def test_a_page_read_at_its_canonical_address_is_the_page_parsed_there():
    html = ("<html><head><link rel='canonical' href='https://clinconnect.io/trials/ucb-mncs'></head><body>"
            "<h1>A trial</h1><p>NCT06427642</p><p>Status: Recruiting</p>"
            "<section><h2>Similar trials</h2><ul><li>NCT06427642</li><li>NCT01111111</li></ul></section></body></html>")
    url = "https://clinconnect.io/trials/NCT06427642"
    plain = Page(html)
    assert listed_other_trials(plain) == ["NCT06427642", "NCT01111111"]  # no id in its address: its own is not known
    moved, parsed = plain.at_address(url), Page(html, url)
    assert (moved.url, moved.host, moved.lines, moved.text) == (parsed.url, parsed.host, parsed.lines, parsed.text)
    assert listed_other_trials(moved) == listed_other_trials(parsed) == ["NCT01111111"]
    assert plain.url is None and listed_other_trials(plain) == ["NCT06427642", "NCT01111111"]
    canonical = html.replace("ucb-mncs", "NCT06427642")  # scrape_html reads a page saved without its address at this
    assert scrape_html(canonical).to_dict() == scrape_html(canonical, url).to_dict()
