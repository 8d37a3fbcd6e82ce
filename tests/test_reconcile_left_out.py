"""Parts a page's joined item leaves out, on a page that writes a part short (scrapers/reconcile/left_out.py).

A site that runs a record item's parts together ("Pulmonary: a) … b) No chronic obstructive pulmonary disease c) …")
and contracts words to their short forms ("b) No COPD") showed the record's item, but the part scored 48 against the
page item, under the 75 needed to count as shown: a faithful page got "leaves out part of a requirement" and a
critical "differs in a 'not'" (review round 22, the contract class). A part is now read in the page's short forms,
but only those the record item does not have itself, and only where it then stands in the page item near-verbatim:
reading every part in the page's wording hid a real dropped part ("Testicular leukemia" read as the "TEL" of the
page's "TEL-AML1").
"""

import re
from datetime import date
from string import ascii_lowercase

from conftest import corpus_record
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.align import Entry, official_entries
from scrapers.reconcile.left_out import _in_page_wording, _page_shorts
from scrapers.reconcile.normal import normalize

TODAY = date(2026, 11, 22)


def _joined_page(rec: OfficialRecord, words=lambda t: t, drop: str = "") -> PageRecord:
    """The record's inclusion list as trialfinderdata.org shows it, each item's parts run together ("10. Pulmonary:
    a) … b) …"), each part's words as `words` writes them, the part `drop` left out."""
    groups: dict[str, list[str]] = {}
    for e in official_entries(rec):
        if e.section == "inclusion" and e.text != drop:
            groups.setdefault(e.group, []).append(words(e.text))
    items = [f"{k}. {head} " + " ".join(f"{ascii_lowercase[n]}) {t}" for n, t in enumerate(rest))
             for k, (head, *rest) in enumerate(groups.values(), 1)]
    return PageRecord(site="trialfinderdata.org", nct_id=rec.nct_id, inclusion=[i.strip() for i in items])


def _alarms(page: PageRecord, rec: OfficialRecord) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.message) for f in reconcile(page, rec, TODAY)
            if f.about == "page" and f.severity in ("warning", "critical")]


def _copd(text: str) -> str:
    return re.sub(r"(?i)\bchronic obstructive pulmonary disease\b", "COPD", text)


def test_a_part_the_page_writes_short_inside_a_joined_item_is_shown(shared_dir):
    """NCT00003346's "Pulmonary: … No chronic obstructive pulmonary disease …" shown as "… b) No COPD c) …": no
    alarm (it was a criterion_missing warning and a critical criterion_changed)."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00003346"))
    page = _joined_page(rec, _copd)
    assert "10. Pulmonary: a) No interstitial lung disease or unexplained interstitial infiltrates on chest x-ray " \
           "b) No COPD c) No asthma requiring treatment" in page.inclusion
    assert _alarms(page, rec) == []
    assert _alarms(_joined_page(rec), rec) == []   # (as the record words it: nothing either)


def test_the_short_part_left_out_is_still_said(shared_dir):
    """The page that drops the part it would write short still leaves it out."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00003346"))
    page = _joined_page(rec, _copd, drop="No chronic obstructive pulmonary disease")
    assert [(k, s) for k, s, _ in _alarms(page, rec)] == [("criterion_missing", "warning")]
    assert "No chronic obstructive pulmonary disease" in _alarms(page, rec)[0][2]


def test_a_short_part_changed_is_no_part_shown(shared_dir):
    """"COPD allowed" is not the record's "No chronic obstructive pulmonary disease" written short: still an alarm."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00003346"))
    page = _joined_page(rec, lambda t: "COPD allowed" if t == "No chronic obstructive pulmonary disease" else t)
    assert _alarms(page, rec)


def test_a_dropped_part_is_not_read_as_the_records_own_short_form(shared_dir):
    """NCT00005603's "Classified as high risk: … No TEL-AML1 gene … CNS 3 disease (CSF WBC …) … Testicular leukemia …"
    with "Testicular leukemia" left out: "TEL" (and "CSF") are the record item's own, so the missing part is never read
    as the page's "TEL" of "TEL-AML1" (reading every part in the page's wording hid it in the seed-7 drift benchmark)."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00005603"))
    page = _joined_page(rec, drop="Testicular leukemia")
    assert any("TEL-AML1" in t and "CSF" in t for t in page.inclusion)
    assert _alarms(page, rec) == [("criterion_missing", "warning", "This page leaves out part of a requirement for "
                                   'joining that ClinicalTrials.gov lists: "Classified as high risk: Testicular leukemia".')]


def _entry(text: str, label: bool = False) -> Entry:
    return Entry(text, normalize(text), "inclusion", "g", label)


def test_only_short_forms_the_record_item_lacks_are_read():
    parts = ["Classified as high risk:", "No TEL-AML1 gene", "CNS 3 disease (CSF WBC at least 5/microliter)",
             "Testicular leukemia"]
    shown = "Classified as high risk: a) No TEL-AML1 gene b) CNS 3 disease (CSF WBC at least 5/microliter) c) No HTN"
    assert _page_shorts(parts, shown) == ["HTN"]
    O = [_entry(t, t.endswith(":")) for t in parts]
    read = _in_page_wording(O, [0, 1, 2, 3], _entry(shown))
    assert [e.text for e in read] == parts   # ("Testicular leukemia" stays as written, never "TEL")


def test_a_part_is_read_short_only_where_it_then_stands_in_the_page_item():
    O = [_entry("Pulmonary:", True), _entry("No chronic obstructive pulmonary disease"), _entry("No asthma")]
    read = _in_page_wording(O, [0, 1, 2], _entry("Pulmonary: a) No COPD b) No asthma"))
    assert [e.text for e in read] == ["Pulmonary:", "No COPD", "No asthma"]
    assert O[1].text == "No chronic obstructive pulmonary disease"   # (the record's entries are left as they are)
    unchanged = _in_page_wording(O, [0, 1, 2], _entry("Pulmonary: a) COPD allowed b) No asthma"))
    assert [e.text for e in unchanged] == [e.text for e in O]


_ANY_AGE = "Any age with WBC > 100,000/mm^3"
_CNS = "CNS and bone marrow evaluations required for those patients with WBC > 100,000/mm^3 who are within 24 months of " \
       "initial diagnosis"


def test_a_dropped_part_is_not_read_in_its_neighbours_words(shared_dir):
    """NCT00005603's "Meets criteria for 1 of the following: Any age with WBC > 100,000/mm^3 …" with that part left out:
    it read 84 (present) in the next part's "… patients with WBC > 100,000/mm^3 …", and the page got a critical
    "differs in a number" instead of the part named as left out."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00005603"))
    page = _joined_page(rec, drop=_ANY_AGE)
    assert not any("Any age" in t for t in page.inclusion) and any("WBC > 100,000" in t for t in page.inclusion)
    assert _alarms(page, rec) == [("criterion_missing", "warning", "This page leaves out part of a requirement for "
                                   f'joining that ClinicalTrials.gov lists: "Classified as high risk: {_ANY_AGE}".')]


def test_the_whole_item_or_its_neighbour_dropped(shared_dir):
    """The whole item shown raises nothing; the neighbour dropped instead is still the one named."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00005603"))
    assert _alarms(_joined_page(rec), rec) == []
    alarms = _alarms(_joined_page(rec, drop=_CNS), rec)
    assert [(k, s) for k, s, _ in alarms] == [("criterion_missing", "warning")]
    assert "CNS and bone marrow evaluations required" in alarms[0][2] and "Any age" not in alarms[0][2]
