"""An item moved after a heading of the other list that the page runs into its text, where TrialLens leaves the
heading unread (review r40 G4): read into its own list, the move was unseen. The reader sees it under that heading:
critical. The same page without the move stays without an alarm."""

from __future__ import annotations

from criteria_support import TODAY, _record, one_paragraph
from scrapers.model import PageRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import Line, criteria_lists

HEALTHY = ("Inclusion Criteria:\n\n* Diagnosis of trigeminal neuralgia\n* Able to provide HIPAA authorization\n\n"
           "Exclusion Criteria:\n\n* Life expectancy less than 1 year\n* Active drug or alcohol dependence\n"
           "* Inability to give informed consent.\n\nInclusion Criteria for Healthy Volunteers:\n\n"
           "* Willingness to consent and be of age 18 and older\n"
           "* No history of trigeminal neuralgia or other facial pain")
ANGIO = ("Inclusion Criteria - Phases 1 and 2\n\n* Age is 18 years old or more\n* Eligible for PCI\n\n"
         "Exclusion Criteria - Phases 1 and 2\n\n* High risk of bleeding\n* Known allergy to stainless steel\n"
         "* Known hypersensitivity to paclitaxel\n\nAngiographic Inclusion Criteria - Phase 1\n\n"
         "* Target lesion is a de novo lesion\n* Reference vessel diameter between 2.5 mm and 3.75 mm")


def _alarms(text: str, inc: list[str], exc: list[str]) -> list[tuple[str, str, str]]:
    page = PageRecord(site="checkorphan.org", nct_id="NCT02910323", inclusion=inc, exclusion=exc)
    return sorted((f.kind, f.severity, f.message) for f in reconcile(page, _record("NCT02910323", text), TODAY)
                  if is_alarm(f) and f.severity != "info")


def _lines(text: str) -> tuple[list[str], list[str]]:
    inc, exc, _ = criteria_lists([Line(" ".join(t.split()), "p") for t in text.splitlines() if t.strip()])
    return inc, exc


def _moved(text: str, item: str, heading: str) -> str:
    """The record's text with `item` taken out of its list and written first under `heading`."""
    return text.replace(f"* {item}\n", "", 1).replace(heading, f"{heading}\n\n* {item}", 1)


def test_an_exclusion_moved_under_an_unread_healthy_volunteer_heading_is_critical():
    heading = "Inclusion Criteria for Healthy Volunteers:"
    page = one_paragraph(_moved(HEALTHY, "Active drug or alcohol dependence", heading))
    found = _alarms(HEALTHY, *page)
    assert ("criterion_wrong_section", "critical",
            'This page lists "Active drug or alcohol dependence" as a requirement for joining, but ClinicalTrials.gov '
            'lists it as a reason someone cannot join.') in found


def test_an_exclusion_moved_under_an_unread_heading_line_is_critical():
    page = _lines(_moved(ANGIO, "High risk of bleeding", "Angiographic Inclusion Criteria - Phase 1"))
    found = _alarms(ANGIO, *page)
    assert [(k, s) for k, s, m in found if "High risk of bleeding" in m] == [("criterion_wrong_section", "critical")]


def test_the_faithful_pages_stay_without_an_alarm():
    assert _alarms(HEALTHY, *one_paragraph(HEALTHY)) == []
    assert _alarms(ANGIO, *_lines(ANGIO)) == []
