"""Shared by the plain-English tests: an item as the reader is shown it, checked faithful first; a bundled
record's items as explained."""

import json

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)

from scrapers.fidelity import check_fidelity
from scrapers.official import OfficialRecord
from server.explain import explain, explain_item


def shown(text: str, section: str = "exclusion") -> str:
    e = explain_item(text, section)
    assert check_fidelity(e.original, e.shown) == []
    return e.shown


def record_items(nct: str) -> list:
    """Every explained item of a bundled record (fixtures/ctgov), depth first."""
    rec = OfficialRecord(json.loads((SAVED_COPIES / f"{nct}.json").read_text(encoding="utf-8")))
    return explain(rec).items()


def bundled_item(nct: str, starts: str):
    """The bundled record's explained item whose original starts with `starts`."""
    return next(e for e in record_items(nct) if e.original.startswith(starts))


def trial_record(conditions: list[str], title: str, criteria: str, nct_id: str = "NCT09999998") -> OfficialRecord:
    """A record of only what the trial's own illness is read from (its conditions and title) and its criteria."""
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": title},
        "conditionsModule": {"conditions": conditions},
        "eligibilityModule": {"eligibilityCriteria": criteria}}})
