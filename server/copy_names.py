"""What the record a page was compared with is called, when it is not TrialLens's saved copy of ClinicalTrials.gov's.

Every message about a record that could not be refreshed names it "TrialLens's saved copy of the ClinicalTrials.gov
record" (reconcile/saved_copy.py SAVED_COPY). Two records are something else and are named as what they are:
- a `--record` file the CLI was given (record_file.py);
- a demo record TrialLens rebuilt from aggregator pages (the bundled fixtures/ctgov records,
  OfficialRecord.reconstructed): called a copy of ClinicalTrials.gov's record, its gaps read as the registry's, so
  "TrialLens could not find it in its saved copy of the ClinicalTrials.gov record" was said of an item the rebuild
  simply lacks (review r51 §8).
"""

from __future__ import annotations

from typing import Callable

from scrapers.reconcile.saved_copy import SAVED_COPY

DEMO_RECORD = "TrialLens's rebuilt demo record"
# the footer line's name for it, the card's and the service pages' (format.js DEMO_RECORD_LINE)
DEMO_RECORD_LINE = "TrialLens's demo record, rebuilt from aggregator pages (not downloaded from ClinicalTrials.gov)"
# said once in the note under the headline: what such a record is, and what its gaps mean
DEMO_NOTE = ("TrialLens's demo record of this trial was rebuilt from aggregator pages, not downloaded from "
             "ClinicalTrials.gov, so it may lack criteria or facts the official record has: a difference may be the "
             "demo record's.")

# `triallens explain` on a demo record, under its title: whose criteria these are
DEMO_EXPLAINED = ("From TrialLens's demo record of this trial, rebuilt from aggregator pages, not downloaded from "
                  "ClinicalTrials.gov: it may lack criteria the official record has.")

# (longest first: each later name is a part of an earlier one)
_DEMO_NAMES = (
    (SAVED_COPY, DEMO_RECORD),
    ("its saved copy of the ClinicalTrials.gov record", "its rebuilt demo record"),
    ("its saved copy of the record", "its demo record"),
    ("since that copy was saved", "since that date"),
    ("In that copy,", "In that record,"),
    ("That copy also says", "That record also says"),
    ("TrialLens's saved copy", "TrialLens's demo record"),
    ("its saved copy", "its demo record"),
    ("a saved copy", "a demo record"),
    ("saved copy", "demo record"),
)


def as_demo(text: str | None) -> str | None:
    """A sentence said of a saved copy, said of a rebuilt demo record instead."""
    if not text:
        return text
    for old, new in _DEMO_NAMES:
        text = text.replace(old, new)
    return text


def reword_drift(drift: dict, say: Callable[[str | None], str | None]) -> dict:
    """The verdict (headline, note, each finding's message) with its words passed through `say`."""
    out = {**drift, "headline": say(drift["headline"])}
    if drift.get("note"):
        out["note"] = say(drift["note"])
    out["findings"] = [{**f, "message": say(f["message"])} for f in drift.get("findings", [])]
    return out


def drift_as_demo(drift: dict) -> dict:
    """The verdict against a rebuilt demo record: every saved copy it names is the demo record, and the note says once
    what that record is (DEMO_NOTE), so a criterion "not found" in it is read as what it may be, the rebuild's gap."""
    out = reword_drift(drift, as_demo)
    out["note"] = f"{out['note']} {DEMO_NOTE}" if out.get("note") else DEMO_NOTE
    return out
