"""A record with one list (an "Inclusion Criteria" heading only, or a PDQ outline) and a page that files one of its
items under "Exclusion Criteria": a requirement shown so is a reason to stay out for the reader, critical (moves1:
235 of 236 such real moves drew nothing); an item that says itself it keeps people out ("No prior chemotherapy",
"… are excluded") is faithful there, and a list with no heading at all says no side to be moved from."""

from __future__ import annotations

from criteria_support import TODAY, _record
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile

ONE_LIST = ["Histologically confirmed adenocarcinoma of the breast",
            "Age 18 and over",
            "ECOG performance status 0 or 1",
            "No prior chemotherapy for metastatic disease",
            "Patients with active brain metastases are excluded"]
PDQ = ("DISEASE CHARACTERISTICS:\n\n* Histologically confirmed adenocarcinoma of the breast\n\n"
       "PATIENT CHARACTERISTICS:\n\n* Age 18 and over\n* ECOG performance status 0 or 1\n\n"
       "PRIOR CONCURRENT THERAPY:\n\n* No prior chemotherapy for metastatic disease")


def _text(heading: str) -> str:
    return heading + "".join(f"\n* {t}" for t in ONE_LIST)


def _alarms(text: str, inclusion: list[str], exclusion: list[str]) -> list[tuple[str, str, str]]:
    page = PageRecord(site="meddatax.com", nct_id="NCT01774864", inclusion=inclusion, exclusion=exclusion)
    return sorted((f.kind, f.severity, f.message) for f in reconcile(page, _record("NCT01774864", text), TODAY)
                  if is_alarm(f) and f.severity != "info")


def _filed(item: str, items: list[str] = ONE_LIST) -> tuple[list[str], list[str]]:
    return [t for t in items if t != item], [item]


def test_a_requirement_of_an_inclusion_only_list_shown_as_an_exclusion_is_critical():
    found = _alarms(_text("Inclusion Criteria:\n"), *_filed("Age 18 and over"))
    assert [(k, s) for k, s, _ in found] == [("criterion_wrong_section", "critical")]
    assert '"Age 18 and over" as a reason someone cannot join' in found[0][2]


def test_a_requirement_of_a_pdq_outline_shown_as_an_exclusion_is_critical():
    items = ONE_LIST[:4]
    found = _alarms(PDQ, *_filed("Histologically confirmed adenocarcinoma of the breast", items))
    assert ("criterion_wrong_section", "critical") in [(k, s) for k, s, _ in found]


def test_an_item_that_says_it_keeps_people_out_is_faithful_under_the_exclusions():
    for text in (_text("Inclusion Criteria:\n"), PDQ):
        items = ONE_LIST if text != PDQ else ONE_LIST[:4]
        assert _alarms(text, *_filed("No prior chemotherapy for metastatic disease", items)) == []
    assert _alarms(_text("Inclusion Criteria:\n"), *_filed("Patients with active brain metastases are excluded")) == []


def test_a_list_with_no_heading_has_no_side_to_move_from():
    assert _alarms(_text("Eligibility:\n"), *_filed("Age 18 and over")) == []


def test_the_whole_list_under_the_inclusion_heading_is_faithful():
    assert _alarms(_text("Inclusion Criteria:\n"), ONE_LIST, []) == []
