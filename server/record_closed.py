"""What is said of a trial its record says no one can join: the headline and the record's status with what to do next.

Two places say it: the drift verdict, over a page (or claim) that invites people to a closed trial (verdict
not_recruiting) or shows no status at all (caveat record_closed, drift._closed_said); and the service's trial page
for a trial looked up with no status entered (pages.closed_box). Both pick the headline and the next step by one
thing, whether the record is a saved copy that could not be refreshed, here (closed_words), so they cannot drift apart.

A record closed for good (completed, terminated, withdrawn: ENDED) is headed by its ending, not "not recruiting"
(review r56 F7: a page saying "Not yet recruiting" of a completed trial was headed "ClinicalTrials.gov says this trial
is not recruiting", and only the finding below said it was over: a reader could wait for it to open).
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapers.dates import human_date
from scrapers.model import OfficialRecord
from scrapers.reconcile.finding import status_words
from scrapers.reconcile.saved_copy import copy_day

from .verdict_words import CAVEATS, COPY_CAVEATS, ENDED_HEADLINES, HEADLINES, COPY_HEADLINES, NEXT_STEPS, NOTES, \
    whose_record

# a trial's statuses under which no one can ask to join (not Withheld, which withholds the status, nor an expanded-access
# record's No longer available or Approved for marketing: no trial to join; review r57 F1, F3)
TRIAL_CLOSED = frozenset({"ACTIVE_NOT_RECRUITING", "COMPLETED", "SUSPENDED", "TERMINATED", "WITHDRAWN"})


def _status(official: dict | OfficialRecord | None) -> str | None:
    return official.get("status") if isinstance(official, dict) else getattr(official, "status", None)


def ended_headline(status: str | None, copy: bool) -> str | None:
    """The headline naming a record's ending ("ClinicalTrials.gov says this trial has been completed"; against a saved
    copy "Completed, says TrialLens's saved copy") for a status no trial comes back from (ENDED_HEADLINES), else None:
    "not recruiting" is then all the record says (active, not recruiting; suspended; withheld …)."""
    pair = ENDED_HEADLINES.get(status or "")
    return pair[copy] if pair else None


def not_recruiting_headline(status: str | None, copy: bool) -> str:
    """The not_recruiting verdict's headline: the record's ending when it has ended, else "… not recruiting"."""
    return ended_headline(status, copy) or (COPY_HEADLINES if copy else HEADLINES)["not_recruiting"]


def closed_said(official: dict | OfficialRecord | None, copy: str | None = None) -> str | None:
    """"ClinicalTrials.gov's record says this trial is withdrawn." for a record
    whose status is one no one can ask to join under (TRIAL_CLOSED), else None (open, Unknown status, Withheld, an
    expanded-access record's, none). `copy`: the saved copy's day in words, when it is one."""
    status = _status(official)
    if status not in TRIAL_CLOSED:
        return None
    said = NOTES["record_closed"].format(whose=whose_record(copy), status=status_words(status))
    # (a withdrawn trial whose record lists expanded access: the one way to the treatment; review r57 F2)
    access = official.get("expanded_access") if isinstance(official, dict) else official.expanded_access_available
    return f"{said} {NOTES['expanded_access'].format(nct=access)}" if access else said


@dataclass(frozen=True)
class ClosedWords:
    """What is said of a closed trial: the headline, the record's status in a sentence, and the next step."""

    headline: str
    said: str
    step: str


def closed_words(official: dict | OfficialRecord | None, copy: str | None) -> ClosedWords | None:
    """The headline, status sentence and next step for a trial its record says is closed (TRIAL_CLOSED), by whether
    the record is a saved copy (`copy`: its day in words); None when it is not closed. The caveat's headline is the
    record's ending where it has ended (ended_headline), else "not recruiting"."""
    said = closed_said(official, copy)
    if said is None:
        return None
    stale = copy is not None
    headline = ended_headline(_status(official), stale) or (COPY_CAVEATS if stale else CAVEATS)["record_closed"]
    return ClosedWords(headline, said, NEXT_STEPS["copy_not_recruiting" if stale else "not_recruiting"])


def copy_said(copy_as_of: str | None) -> str:
    """The saved copy's day in words ("24 May 2024"), as the notes name it; "an unknown date" when nothing dates it."""
    return human_date(copy_day(copy_as_of) or "") or "an unknown date"
