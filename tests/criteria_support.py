"""What the criteria parser's tests share: an item list's texts, the no-lost-text check, a corpus record's criteria,
a record made of two bulleted lists, and a record's criteria shown run into one paragraph (CheckOrphan's layout) with the alarms that page draws."""

import re
from datetime import date

from conftest import corpus_record

from scrapers.criteria import iter_items, unescape_markdown
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile
from scrapers.sites._criteria_lists import criteria_lists
from scrapers.sites.base import Line

TODAY = date(2026, 11, 22)


def texts(items):
    return [i.text for i in items]


def assert_conserved(text, crit):
    """Every non-space character of the input is in a heading, a marker, an item or a joined-away bullet."""
    parts = list(crit.headers) + list(crit.joined_markers) + [(it.marker or "") + it.text for _, _, it in iter_items(crit)]
    assert sorted("".join(re.findall(r"\S+", " ".join(parts)))) == sorted("".join(re.findall(r"\S+", unescape_markdown(text))))


def record_criteria(shared_dir, nct_id):
    return corpus_record(shared_dir, nct_id)["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]


def bulleted_record(inclusion: list[str], exclusion: list[str], nct_id: str = "NCT01774864") -> OfficialRecord:
    """A recruiting trial's record whose criteria are these two lists as "* " bullets under their headings: the
    record the criteria comparison tests change one item of on a page."""
    text = ("Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in inclusion) + "\n\nExclusion Criteria:\n\n"
            + "\n".join(f"* {t}" for t in exclusion))
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct_id}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}})


def alarms_with_item_replaced(inclusion: list[str], exclusion: list[str], section: str, index: int, old: str, new: str,
                              nct_id: str = "NCT01774864", today: date = date(2026, 12, 6)) -> list:
    """The warnings and criticals a meddatax page of `bulleted_record(inclusion, exclusion)` draws when it writes one
    item with `old` replaced by `new` (asserting the item says `old`)."""
    inc, exc = list(inclusion), list(exclusion)
    items = inc if section == "inclusion" else exc
    assert old in items[index]
    items[index] = items[index].replace(old, new)
    page = PageRecord(site="meddatax.com", nct_id=nct_id, inclusion=inc, exclusion=exc)
    return [f for f in reconcile(page, bulleted_record(inclusion, exclusion, nct_id), today)
            if f.about == "page" and f.severity != "info"]



# the rest of a small record around the item under test (a requirement and a consent line; two exclusions)
OTHER_INCLUSIONS = ["Age 18 years or older", "Signed informed consent"]
OTHER_EXCLUSIONS = ["Pregnancy", "Uncontrolled hypertension"]


def worst_alarm(item: str, old: str, new: str, section: str) -> str:
    """"critical", "warning" or "silent": the worst alarm a page draws that writes the record's `item` (in `section`
    of a small record) with `old` as `new`."""
    inc, exc = ([item] + OTHER_INCLUSIONS, OTHER_EXCLUSIONS) if section == "inclusion" else (
        OTHER_INCLUSIONS, [item] + OTHER_EXCLUSIONS)
    found = alarms_with_item_replaced(inc, exc, section, 0, old, new)
    return "critical" if any(f.severity == "critical" for f in found) else "warning" if found else "silent"

def _record(nct_id: str, criteria: str) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct_id},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": criteria}}})


def one_paragraph(criteria: str) -> tuple[list[str], list[str]]:
    """The inclusion and exclusion lists a page reader finds in `criteria` run into one paragraph."""
    inc, exc, _ = criteria_lists([Line(" ".join(criteria.split()), "p")])
    return inc, exc


def one_paragraph_alarms(nct_id: str, criteria: str) -> list[tuple[str, str]]:
    """(kind, severity) of each alarm a CheckOrphan page showing `criteria` in one paragraph draws against its record."""
    inc, exc = one_paragraph(criteria)
    page = PageRecord(site="checkorphan.org", nct_id=nct_id, inclusion=inc, exclusion=exc)
    return [(f.kind, f.severity) for f in reconcile(page, _record(nct_id, criteria), TODAY) if is_alarm(f)]
