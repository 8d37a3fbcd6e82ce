"""`triallens check --record FILE`: a record file as the copy of the ClinicalTrials.gov record it is.

A file is one answer of ClinicalTrials.gov's, from the day its record says (versionHolder, else a converted
record's legacy download date, else its last update posted: as `ingest` dates records). It used to be compared as
if it were today's ClinicalTrials.gov ("… but ClinicalTrials.gov says 1 day to 28 days" from a 2024 file: review
r15, item 9). Now a file older than a day is compared as a dated copy, as the store's saved copies are (a page that
may be newer is not called wrong), and everything said about it names the file instead of "TrialLens's saved copy".
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from scrapers import registry
from scrapers.errors import BadInput
from scrapers.official import OfficialRecord
from scrapers.reconcile.saved_copy import SAVED_COPY
from scrapers.registry.freshness import DEFAULT_TTL, UNDATED, Lookup, _current, _future
from scrapers.registry.ingest import record_time
from scrapers.registry.usable import unusable
from server.copy_names import reword_drift
from server.verdict_words import UNASKED_UNREACHABLE

# Lookup.reason (so `stale_reason`) of a record given as a file: nobody asked ClinicalTrials.gov for it
FILE_REASON = "record_file"


def usable_record_file(path: str, named: str) -> OfficialRecord:
    """The study in a record file the CLI was given (`named`: how the error names it), refused (BadInput, exit 2) when
    it is no usable API v2 study, as every other way a record comes in refuses it (registry/usable.py): an id alone
    "matched" a page with a critical error (audit r39 F1), and `explain` explained a record with no status, or a
    minimum age of 18 as a number, as if it were the trial's."""
    official = registry.load_record_file(path)
    why = unusable(official.data)
    if why:
        raise BadInput(f"{named} is not a usable ClinicalTrials.gov API v2 study: {why}")
    return official


def record_lookup(nct_id: str, path: str, now: datetime | None = None) -> Lookup:
    """The --record file's study as a Lookup (source "file"). It must be the page's trial (or list the page's id
    among its aliases): another trial's record turned every difference between the two trials into an alarm. A file
    dated within a day is current, as a stored copy is; an older one (or one nothing dates) is a copy of that date."""
    official = usable_record_file(path, f"--record {path}")
    if official.nct_id != nct_id and nct_id not in official.aliases:
        raise BadInput(f"--record {path} is the record of {official.nct_id}, but the page is about {nct_id}: "
                       f"give {nct_id}'s record, or leave out --record to use the local store")
    now = now or datetime.now(timezone.utc)
    when = record_time(official.data)
    dated = bool(when) and not _future(when, now)   # (a date still to come says nothing, as ingest has it)
    current = dated and _current(when, now, DEFAULT_TTL)
    return Lookup(official, when if dated else "", not current, "file", [], f"record file {path}",
                  dated=dated, reason=None if current else FILE_REASON)


def file_copy_as_of(lookup: Lookup) -> str | None:
    """What reconcile and the verdict need: the file's date when it is a copy, UNDATED for a file nothing dates."""
    if not lookup.stale:
        return None
    return lookup.fetched_at if lookup.dated else UNDATED


def as_file(text: str | None, path: str) -> str | None:
    """A sentence said of a saved copy, said of the record file instead: "TrialLens's saved copy of the
    ClinicalTrials.gov record (from 24 May 2024)" is "the copy of the ClinicalTrials.gov record in x.json (from 24
    May 2024)", and the note's "could not check with ClinicalTrials.gov just now" is "was given … and did not ask"."""
    if not text:
        return text
    name = Path(path).name
    said = (text.replace(UNASKED_UNREACHABLE, f"TrialLens was given the record in {name} (--record) and did not ask "
                                              "ClinicalTrials.gov")
            .replace(SAVED_COPY, f"the copy of the ClinicalTrials.gov record in {name}")
            .replace("its saved copy of the ClinicalTrials.gov record", "that copy of the ClinicalTrials.gov record")
            .replace("TrialLens's saved copy", f"the record in {name}")
            .replace("its saved copy", "that copy")
            .replace("could not check with ClinicalTrials.gov", "did not ask ClinicalTrials.gov"))
    # (the saved copy's name began sentences as "TrialLens's …": the file's, "the …", then begins them capitalised)
    return _SENTENCE_THE.sub(lambda m: m.group(1) + "The ", said)


_SENTENCE_THE = re.compile(r"(^|[.!?] )the (?=(?:copy of the ClinicalTrials\.gov record|record) in )")


def drift_as_file(drift: dict, path: str) -> dict:
    """The verdict (headline, note, each finding's message) with the saved copy named as the file."""
    return reword_drift(drift, lambda text: as_file(text, path))
