"""Lead-ins read in one place (scrapers/lead_ins.py, plain14).

explain's requirement lead-in (`REQUIREMENTS_LEAD_IN`, "Patients must qualify as follows:" under the exclusions) lived in
server/explain.py while its mirror, `says_out`, lived in scrapers/lead_ins.py: one home for the readings of lead-ins.
Lead-in texts are the records' own."""

from __future__ import annotations

import pytest

from scrapers import lead_ins
from server import explain


def test_the_requirements_lead_in_lives_beside_says_out():
    assert explain.REQUIREMENTS_LEAD_IN is lead_ins.REQUIREMENTS_LEAD_IN
    assert not hasattr(explain, "_REQUIREMENTS_LEAD_IN")


@pytest.mark.parametrize("text, required", [
    ("Patients must qualify as follows:", True),                                # NCT00002025
    ("Required:", True),
    ("All patients must be:", True),                                            # NCT00002109
    ("Participants meet the following criteria:", True),                        # NCT00000929
    ("Patients with the following conditions are included:", True),            # NCT00002051
    ("Included:", True),                                                        # NCT00002417
    ("Patients must not have:", False),
    ("Patients with the following are excluded:", False),                       # NCT00000643
])
def test_the_requirements_lead_in_reads_as_before(text, required):
    assert bool(lead_ins.REQUIREMENTS_LEAD_IN.search(text)) is required
    # (its items are not said of the reader under "You cannot join if…")
    assert explain._children_addressed(text, "exclusion", True) is not required
