"""A row that only introduces a page's list ("Eligible patients:", "Patients will be excluded if:") is no criterion
the record lacks (review round 22: a criterion_added warning on 56 of 150 faithful pages with heading rows). A row
ending in a colon that states a rule of its own is still reported.
"""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.intro_rows import introduces_list
from test_reconcile_criteria import _completed

TODAY = date(2026, 11, 22)
INC = ["Age 18 years or older", "Histologically confirmed breast cancer", "Signed informed consent"]
EXC = ["Pregnant or breastfeeding", "Prior chemotherapy"]
RECORD = _completed("NCT00000002", "Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in INC)
                    + "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in EXC))


def _alarms(inclusion: list[str], exclusion: list[str]):
    page = PageRecord(site="meddatax.com", nct_id="NCT00000002", inclusion=inclusion, exclusion=exclusion)
    return [(f.kind, f.page_value) for f in reconcile(page, RECORD, TODAY)
            if f.about == "page" and f.severity in ("warning", "critical")]


@pytest.mark.parametrize("inc_row, exc_row", [
    ("Eligible patients:", "Patients will be excluded if:"),
    ("Patients must meet all of the following:", "Any of the following excludes a patient:"),
    ("• Subjects must meet the following criteria:", "Candidates are excluded if:"),
])
def test_rows_that_introduce_the_lists_raise_nothing(inc_row, exc_row):
    assert _alarms([inc_row] + INC, [exc_row] + EXC) == []


@pytest.mark.parametrize("row", ["Patients with diabetes:", "Women of childbearing potential must:",
                                 "Age 65 or older:", "Patients must meet any of the following:",
                                 "Patients must not have:"])
def test_a_row_ending_in_a_colon_that_states_a_rule_is_still_reported(row):
    assert _alarms([row] + INC, EXC) == [("criterion_added", row.rstrip(":"))]   # (quoted without its colon)


def test_introduces_list():
    assert introduces_list("Eligible patients:", "inclusion")
    assert introduces_list("2. Patients must have:", "inclusion")
    assert not introduces_list("Eligible patients", "inclusion")          # no colon: a row of its own
    assert not introduces_list("Patients must have 2 of:", "inclusion")  # a figure
    # "any of the following" over inclusions would make them alternatives; over exclusions it is what they are
    assert not introduces_list("Any of the following:", "inclusion")
    assert introduces_list("Any of the following:", "exclusion")


@pytest.mark.parametrize("inc_row, exc_row", [
    (None, "Patients who meet ALL of the following will be excluded:"),   # one joint rule, not reasons each alone
    (None, "Patients meeting all of the following are excluded:"),
    (None, "Patients are eligible if:"),                                 # the reasons read as requirements
    ("Patients will be excluded if:", None),                             # the requirements read as reasons
])
def test_a_row_that_changes_how_the_list_reads_is_reported(inc_row, exc_row):
    """R24 #3: these rows raised nothing on 120 of 120 pages each: a row naming the other list, or "all of the
    following" over the reasons someone cannot join (as "any of the following" over the requirements), is a rule."""
    row = inc_row or exc_row
    found = _alarms(([inc_row] if inc_row else []) + INC, ([exc_row] if exc_row else []) + EXC)
    assert found == [("criterion_added", row.rstrip(":"))]
