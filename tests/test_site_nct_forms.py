"""Site readers read the id at their own spot (a summary sentence, a breadcrumb, an "NCT ID" row) as scrapers.nct
reads every other id on the page: "nct 0642 7642", lower case and the like are that trial. Their own `NCT\\d{8}`
patterns missed them (trialfinderdata then read no title, conditions or sponsor from its sentence), and checkorphan
took its "NCT ID" row's text as the id whatever it said."""

from __future__ import annotations

import importlib
import re

import pytest
from conftest import FIXTURES, fixture_url

from scrapers.sites.base import Page

# (site module, saved page, the id as the page shows it at the reader's spot, the same id in a looser form)
CASES = [
    ("trialfinderdata", "trialfinderdata.org/nct00001229_runon_inline_list_or.html", "(NCT00001229) is",
     "(nct 0000 1229) is"),
    ("curemydisease", "curemydisease.com/nct07635758_divs.html", "<span>NCT07635758</span></div>",
     "<span>nct07635758</span></div>"),
    ("clinconnect", "clinconnect.io/nct06427642_full.html", "<span>Trial NCT06427642</span>",
     "<span>Trial NCT 0642 7642</span>"),
    ("checkorphan", "checkorphan.org/nct03378063_divs.html", "<span>NCT03378063", "<span>nct-0337 8063"),
]


def _read(module: str, rel: str, replace: tuple[str, str] | None = None):
    path = FIXTURES / "html" / rel
    html = path.read_text(encoding="utf-8")
    if replace:
        assert html.count(replace[0]) == 1, rel
        html = html.replace(*replace)
    return importlib.import_module(f"scrapers.sites.{module}").scrape(Page(html, fixture_url(path)))


@pytest.mark.parametrize("module,rel,shown,loose", CASES, ids=[c[0] for c in CASES])
def test_a_reader_reads_a_loosely_written_id_as_the_page_does(module, rel, shown, loose):
    want = _read(module, rel)
    got = _read(module, rel, (shown, loose))
    assert got.nct_id == want.nct_id and want.nct_id == rel.split("/")[1][:11].upper()
    assert got.to_dict() == want.to_dict()   # (trialfinderdata: its title, conditions and sponsor too)


WIDE = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}


@pytest.mark.parametrize("module,rel,shown,loose", CASES, ids=[c[0] for c in CASES])
def test_a_reader_reads_an_id_in_fullwidth_letters(module, rel, shown, loose):
    """"ＮＣＴ０６４２７６４２" (CJK input) at the reader's spot: the same trial, as in the page's other text."""
    want = _read(module, rel)
    wide = re.sub(r"NCT[0-9]{8}", lambda m: m.group(0).translate(WIDE), shown)
    got = _read(module, rel, (shown, wide))
    assert got.nct_id == want.nct_id
    assert got.to_dict() == want.to_dict()


def test_checkorphan_takes_no_placeholder_for_an_id():
    rec = _read("checkorphan", "checkorphan.org/nct03378063_divs.html", ("<span>NCT03378063", "<span>Not provided"))
    assert rec.nct_id is None
    # (the whole page: it names no trial, which is said as such; "Not provided" was its trial's number)
    from scrapers import scrape_html
    from scrapers.errors import NoTrialFound

    html = (FIXTURES / "html" / "checkorphan.org" / "nct03378063_divs.html").read_text(encoding="utf-8")
    with pytest.raises(NoTrialFound):
        scrape_html(html.replace("<span>NCT03378063", "<span>Not provided"), "https://www.checkorphan.org/trial/x")
