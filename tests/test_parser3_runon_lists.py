"""Criteria run into one paragraph (CheckOrphan's "Eligibility Criteria:"), read as the record reads them: a list that
starts with its first "*" bullet."""

from datetime import date

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._reader import criteria_lists
from scrapers.sites.base import Line

TODAY = date(2026, 11, 22)


def _record(nct_id: str, criteria: str) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct_id},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": criteria}}})


def _one_paragraph(criteria: str) -> tuple[list[str], list[str]]:
    inc, exc, _ = criteria_lists([Line(" ".join(criteria.split()), "p")])
    return inc, exc


def _alarms(nct_id: str, criteria: str) -> list[tuple[str, str]]:
    inc, exc = _one_paragraph(criteria)
    page = PageRecord(site="checkorphan.org", nct_id=nct_id, inclusion=inc, exclusion=exc)
    return [(f.kind, f.severity) for f in reconcile(page, _record(nct_id, criteria), TODAY) if is_alarm(f)]


# NCT00033839, as the record writes it: bullets and no heading
NO_HEADING = ("* At least 2 year history of episodic cluster headache (meeting IHS criteria)\n"
              "* At least 2 previous episodes\n"
              "* Expected duration of cluster period is at least 6 weeks but not longer than 16 weeks\n"
              "* At least 1 but not more than 8 headaches on each of the 3 days immediately prior to treatment")


def test_a_paragraph_that_starts_with_its_first_star_splits_on_its_bullets():
    assert _one_paragraph(NO_HEADING)[0] == [
        "At least 2 year history of episodic cluster headache (meeting IHS criteria)",
        "At least 2 previous episodes",
        "Expected duration of cluster period is at least 6 weeks but not longer than 16 weeks",
        "At least 1 but not more than 8 headaches on each of the 3 days immediately prior to treatment"]
    assert _alarms("NCT00033839", NO_HEADING) == []
    # a heading after that first bullet, or later in the paragraph, still heads its list
    assert criteria_lists([Line("* Inclusion Criteria: * a * b Exclusion Criteria: * c * d", "p")])[:2] == (
        ["a", "b"], ["c", "d"])
    assert criteria_lists([Line("* a * b Exclusion Criteria: * c * d", "p")])[:2] == (["a", "b"], ["c", "d"])
    # one bullet, or a list item, as before
    assert criteria_lists([Line("* a", "p"), Line("* b * c", "li")])[0] == ["a", "b * c"]
