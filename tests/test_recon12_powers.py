"""A power of ten the record writes "x 10*9/L" (one asterisk) or "10^9^/L" (superscript markup) is the page's "x 109/L"
(a superscript whose text lost its caret) or "x 10^9/L": no "differs in a number" (recon12, reconcile/rendered.py
as_powers). Pages of an unknown host built as bench/generic_verbatim.py builds them, from NCT00006099's own text (its
"ANC > 1.5 x 10^9/L" and "Platelet count > 100 x 10^9/L") written each way."""

from __future__ import annotations

import copy

import pytest

from conftest import SAVED_COPIES  # noqa: F401  (the demo records as saved copies: conftest.py)
from conftest import SHARED, corpus_record
from bench.generic_verbatim import URL, page_html
from verbatim_support import TODAY
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.rendered import as_powers

NCT = "NCT00006099"


@pytest.fixture(scope="module")
def record() -> dict:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    rec = corpus_record(SHARED, NCT)
    assert rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"].count("x 10^9/L") == 2
    return rec


def _alarms(record: dict, written: str, shown: str, layout: str = "md") -> list:
    """The warnings and criticals on a page printing the record's criteria with each "x 10^9/L" as `shown`, the record
    writing it `written`."""
    rec = copy.deepcopy(record)
    crit = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = crit.replace("x 10^9/L", written)
    page = scrape_html(page_html(layout, NCT, "A trial", crit.replace("x 10^9/L", shown)), URL.format(nct=NCT))
    return [f for f in reconcile(page, OfficialRecord(rec), TODAY) if is_alarm(f) and f.severity != "info"]


def test_powers_written_plainly():
    assert as_powers("ANC > 1.5 x10*9/L") == "ANC > 1.5 x10^9/L"
    assert as_powers("ANC > 1.5*10*9/L") == "ANC > 1.5*10^9/L"
    assert as_powers("Platelets > 100 x 10^9^/L") == "Platelets > 100 x 10^9/L"
    assert as_powers("10^-3^ M") == "10^-3 M"
    # not a power of ten: emphasis ("10*9*/L", rendered.as_rendered's), another figure, an allele, a product
    for text in ("≥ 2 x 10*9*/L", "100*9/L", "HLA-A2*0201", "platelets <50 * 10(9)/L", "10 * 9 mm", "2^3"):
        assert as_powers(text) == text


@pytest.mark.parametrize("layout", ["md", "div"])
@pytest.mark.parametrize("written", ["x 10*9/L", "x 10^9^/L", "x10*9/L"])
@pytest.mark.parametrize("shown", ["x 109/L", "x 10^9/L", "x109/L"])
def test_a_power_shown_as_a_page_shows_it_draws_no_alarm(record, written, shown, layout):
    # before: critical "differs in a number" ('"x10" is missing', '"9 /l" is missing'; for "^9^/L" the unit)
    assert _alarms(record, written, shown, layout) == []


@pytest.mark.parametrize("written", ["x 10*9/L", "x 10^9^/L"])
def test_a_changed_figure_is_still_critical(record, written):
    rec = copy.deepcopy(record)
    crit = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = crit.replace("x 10^9/L", written)
    shown = crit.replace("1.5 x 10^9/L", "1.0 x 109/L").replace("x 10^9/L", "x 109/L")
    page = scrape_html(page_html("md", NCT, "A trial", shown), URL.format(nct=NCT))
    found = [f for f in reconcile(page, OfficialRecord(rec), TODAY) if is_alarm(f) and f.severity != "info"]
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_changed")]
    assert "1.5" in found[0].official_value and "1.0" in found[0].page_value
    # another power is another number
    found = _alarms(record, written, "x 10^6/L")
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_changed")] * 2
