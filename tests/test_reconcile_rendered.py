"""A page printing the record's markdown as rendered ("10*9*/L" shows as "109/L") is the record's own text: no alarm;
a figure that really differs is still caught (reconcile/rendered.py)."""

from datetime import date

from conftest import corpus_record
from criteria_support import OTHER_EXCLUSIONS, OTHER_INCLUSIONS, alarms_with_item_replaced

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.reconcile.rendered import as_rendered

ANC = "Absolute neutrophil count (ANC) ≥ 1500/uL (≥ 1.5 x 10*9*/L)"


def test_emphasis_is_rendered_as_commonmark_shows_it():
    assert as_rendered("≥ 2 x 10*9*/L") == "≥ 2 x 109/L"
    assert as_rendered("1 x 10*9/L or 2 x 10*9/L") == "1 x 109/L or 2 x 109/L"
    assert as_rendered("must **not** be pregnant") == "must not be pregnant"
    assert as_rendered("_not_ eligible") == "not eligible"
    # (no emphasis: a lone asterisk, a list-like "* ", an underscore inside a word)
    for text in ("HLA-A2*0201 positive", "platelets <50 * 10(9)/L", "bilirubin 5_2 x ULN", "HLA_A2_B7"):
        assert as_rendered(text) == text


def test_rendered_copy_of_the_records_markdown_draws_no_alarm():
    found = alarms_with_item_replaced([ANC] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS, "inclusion", 0, "10*9*/L", "109/L")
    assert found == []


def test_rendered_copy_with_a_changed_figure_is_still_caught():
    found = alarms_with_item_replaced([ANC] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS, "inclusion", 0, "1.5 x 10*9*/L",
                                      "1 x 109/L")
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_changed")]
    assert "a number" in found[0].message


def test_the_records_text_as_written_still_compared_as_before():
    assert alarms_with_item_replaced([ANC] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS, "inclusion", 0, "1.5 x", "1.5 x") == []
    found = alarms_with_item_replaced([ANC] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS, "inclusion", 0, "1.5 x 10*9*",
                                      "2.5 x 10*9*")
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_changed")]


def test_nct00495066_rendered_page_draws_no_critical(shared_dir):
    """The real record: its laboratory values written "(≥ 2 x 10*9*/L)", printed rendered by a page."""
    record = corpus_record(shared_dir, "NCT00495066")
    official = OfficialRecord(record)
    from scrapers.criteria import iter_items, parse_criteria
    crit = parse_criteria(official.eligibility_criteria)
    inc = [as_rendered(it.text) for sec, _, it in iter_items(crit) if sec == "inclusion"]
    exc = [as_rendered(it.text) for sec, _, it in iter_items(crit) if sec == "exclusion"]
    assert sum("109/L" in t for t in inc) == 3
    page = PageRecord(site="example.org", nct_id="NCT00495066", inclusion=inc, exclusion=exc)
    found = [f for f in reconcile(page, official, date(2026, 12, 7)) if is_alarm(f) and f.severity != "info"]
    assert found == []
    wbc = next(i for i, t in enumerate(inc) if t.startswith("White Blood Cells"))
    inc[wbc] = inc[wbc].replace("2 x 109/L", "3 x 109/L")
    page = PageRecord(site="example.org", nct_id="NCT00495066", inclusion=inc, exclusion=exc)
    found = [f for f in reconcile(page, official, date(2026, 12, 7)) if is_alarm(f) and f.severity != "info"]
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_changed")]
