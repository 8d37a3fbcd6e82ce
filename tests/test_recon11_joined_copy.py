"""An item of the record's other list run onto the end of one of this list's items is said as the copied item it is
(reconcile/joined_copy.py): "Histologically confirmed breast cancer Pregnant or breastfeeding women" among the
requirements was a requirement with words added, no number or "not" changed. A page running the record's own
adjacent lines together is not said so."""

from datetime import date

import pytest
from conftest import corpus_record

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 12, 7)
INC = ["Age 18 years or older", "Histologically confirmed breast cancer", "ECOG performance status 0-1",
       "Signed informed consent"]
EXC = ["Pregnant or breastfeeding women", "Prior chemotherapy within 4 weeks", "Active hepatitis B infection",
       "Known brain metastases"]


def _official(inc: list[str] = INC, exc: list[str] = EXC) -> OfficialRecord:
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inc) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in exc))
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01774864"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def _alarms(inc: list[str], exc: list[str], site: str = "meddatax.com", official: OfficialRecord | None = None):
    page = PageRecord(site=site, nct_id="NCT01774864", inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, official or _official(), TODAY) if is_alarm(f) and f.severity != "info"]


def test_an_exclusion_run_onto_a_requirement_is_said_copied():
    inc = list(INC)
    inc[2] = "ECOG performance status 0-1 Pregnant or breastfeeding women"
    found = _alarms(inc, EXC)
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_wrong_section")]
    assert found[0].evidence["official_texts"] == ["Pregnant or breastfeeding women"]
    assert found[0].evidence["page_texts"] == [inc[2]]
    assert "ending it with" in found[0].message and "a reason someone cannot join" in found[0].message


def test_a_requirement_run_onto_an_exclusion_is_said_copied():
    exc = list(EXC)
    exc[1] = "Prior chemotherapy within 4 weeks; Histologically confirmed breast cancer"
    found = _alarms(INC, exc)
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_wrong_section")]
    assert found[0].evidence["official_texts"] == ["Histologically confirmed breast cancer"]


def test_the_rest_of_the_item_is_still_compared():
    inc = list(INC)
    inc[2] = "ECOG performance status 0-2 Pregnant or breastfeeding women"
    kinds = sorted((f.severity, f.kind) for f in _alarms(inc, EXC))
    assert kinds == [("critical", "criterion_changed"), ("critical", "criterion_wrong_section")]


def test_the_records_own_adjacent_lines_run_together_are_not_said_copied():
    """The last requirement and the first exclusion, one after the other in the record's text: a reader that lost
    the heading between them ran them together (said as before, never "copied")."""
    inc = INC[:3] + [INC[3] + " " + EXC[0]]
    for site in ("meddatax.com", "checkorphan.org"):
        assert not any(f.kind == "criterion_wrong_section" for f in _alarms(inc, EXC[1:], site))


def test_the_records_next_line_copied_and_still_shown_in_its_own_list_is_said_copied():
    """The first exclusion run onto the last (here the only) requirement while the page's exclusions still show it: a
    copy (NCT00498446's "… transcatheter closure Contraindications to magnetic resonance imaging" drew an info note)."""
    official = _official(INC[1:2], EXC)
    found = _alarms([INC[1] + " " + EXC[0]], EXC, official=official)
    assert [(f.severity, f.kind) for f in found] == [("critical", "criterion_wrong_section")]
    assert found[0].evidence["official_texts"] == [EXC[0]]
    # (not shown in its own list as well: the page's reader ran the record's two lines together, not said a copy)
    found = _alarms([INC[1] + " " + EXC[0]], EXC[1:], official=official)
    assert not any(f.kind == "criterion_wrong_section" for f in found)


def test_words_the_record_has_in_this_list_too_are_not_a_copy():
    """The exclusion's words are also the end of one of the record's requirements: the page's item is the record's."""
    inc = INC[:3] + ["Signed informed consent, not pregnant or breastfeeding women"]
    official = _official(inc, EXC)
    page_inc = INC[:1] + ["Histologically confirmed breast cancer Pregnant or breastfeeding women"] + inc[2:]
    assert not any(f.kind == "criterion_wrong_section" for f in _alarms(page_inc, EXC, official=official))


def test_a_verbatim_page_draws_nothing():
    assert _alarms(INC, EXC) == []


@pytest.mark.parametrize("nct", ["NCT04886388", "NCT00001405"])
def test_the_last_requirement_run_together_with_the_heading_and_the_whole_exclusion_list_is_no_copy(shared_dir, nct):
    """Review r57 F0: a colonless "Exclusion Criteria" read into the last requirement, with every exclusion after it
    (NCT04886388's own text on CheckOrphan-like one-paragraph pages): the item ended with the record's last exclusion,
    and only the record's next line was forgiven, so it was called a copy (critical). The record's own lines up to
    it, shown nowhere else, are no copy."""
    from bench.list_copy import _criteria_alarms
    from bench.runon_verbatim import URL, page_html
    from scrapers import scrape_html
    from scrapers.criteria import unescape_markdown

    official = OfficialRecord(corpus_record(shared_dir, nct))
    page = scrape_html(page_html(nct, "A trial", "", unescape_markdown(official.eligibility_criteria)), URL)
    assert "criterion_wrong_section" not in [f.kind for f in _criteria_alarms(page, official)]
