"""Pages of an unknown host (the generic reader) showing a ClinicalTrials.gov record's own criteria, built as
bench/generic_verbatim.py builds them, and the alarms reconcile raises on them: on such a page every alarm is false."""

from __future__ import annotations

from datetime import date

from bench.generic_verbatim import URL, page_html
from scrapers import scrape_html
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 12, 7)
NCT = "NCT05486611"


def generic_page(body: str):
    """A page of an unknown host for NCT05486611 whose main part is `body`, read."""
    return scrape_html(f"<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>A trial</h1>"
                       f"<p>NCT ID: {NCT}</p>{body}</main></body></html>", URL.format(nct=NCT))


def own_text_alarms(record: dict, layout: str) -> list:
    """The warnings and criticals on a page of `layout` (generic_verbatim's) showing `record`'s own criteria."""
    p = record["protocolSection"]
    nct = p["identificationModule"]["nctId"]
    page = scrape_html(page_html(layout, nct, p["identificationModule"].get("briefTitle", ""),
                                 p["eligibilityModule"]["eligibilityCriteria"]), URL.format(nct=nct))
    return [f for f in reconcile(page, OfficialRecord(record), TODAY) if is_alarm(f) and f.severity != "info"]
