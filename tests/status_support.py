"""A small record with chosen status-module fields, for the tests of how a status is worded (status2, Unknown status)."""

from __future__ import annotations

from scrapers.official import OfficialRecord


def status_record(status: str = "RECRUITING", nct: str = "NCT00173134", **status_module) -> OfficialRecord:
    """A record whose statusModule is `status` last updated 4 Aug 2015, with `status_module`'s fields over it."""
    sm = {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2015-08-04"}}
    sm.update(status_module)
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "A trial"},
        "statusModule": sm,
        "eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years",
                              "eligibilityCriteria": "Inclusion Criteria:\n\n* Adults"},
    }})
