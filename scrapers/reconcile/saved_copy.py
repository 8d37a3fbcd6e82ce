"""What TrialLens says when it compares a page with its saved copy of the record, not with ClinicalTrials.gov today.

When the registry cannot be reached, the store's copy stands in for it, current only as of the day it was fetched.
A disagreement the trial's life could explain since then is no alarm ("unconfirmed", unconfirmed_by_copy), and a
finding that stands quotes the copy and its date, never "ClinicalTrials.gov says" (said_by_copy).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import compare_partial, human_date, well_formed
from ..model import OfficialRecord, PageRecord
from .finding import (INVITED_ONLY, INVITED_THEN, NOT_OPENED_NOW, NOT_OPENED_THEN, Finding, said_status,
                      status_words)
from .status_wordings import OPENS_NOW, OPENS_THEN, TAKING_NOW, TAKING_THEN

# a finding's words about today, and the same said of a saved copy's date ("…, so it was taking new participants then")
_NOW_THEN = ((TAKING_NOW, TAKING_THEN), (OPENS_NOW, OPENS_THEN), (INVITED_ONLY, INVITED_THEN),
             (NOT_OPENED_NOW, NOT_OPENED_THEN))

# the one name every message gives the record TrialLens keeps (the card's footer and the notes say the same)
SAVED_COPY = "TrialLens's saved copy of the ClinicalTrials.gov record"

_STAGE = {"NOT_YET_RECRUITING": 0, "RECRUITING": 1, "ENROLLING_BY_INVITATION": 1, "AVAILABLE": 1,
          "ACTIVE_NOT_RECRUITING": 2, "SUSPENDED": 2, "TEMPORARILY_NOT_AVAILABLE": 2,
          "COMPLETED": 3, "TERMINATED": 3, "WITHDRAWN": 3, "NO_LONGER_AVAILABLE": 3, "APPROVED_FOR_MARKETING": 3}
_CAN_GO_BACK = frozenset({"SUSPENDED", "TEMPORARILY_NOT_AVAILABLE"})
# the stage a status claim in the page's prose makes (plain.py's evidence "claim")
_CLAIM_STAGE = {"not_yet": 0, "open": 1, "ongoing": 2, "closed": 3}


def _could_have_moved(old: str | None, new: int | None, new_status: str | None = None) -> bool:
    """Could a record whose status was `old` have come to a status of stage `new` since?"""
    if old not in _STAGE or new is None:
        return False
    return new > _STAGE[old] or old in _CAN_GO_BACK or new_status in _CAN_GO_BACK


# what a record says that changes over a trial's life, either way: its enrollment (estimated, then
# actual) and its start and completion dates (planned, then moved or reached)
_CHANGING_FACTS = frozenset({"enrollment", "start_date", "completion_date"})


def unconfirmed_by_copy(findings: list[Finding], page: PageRecord, official: OfficialRecord,
                        copy_as_of: str | None) -> list[Finding]:
    """With a stored copy of the record that could not be refreshed (current only as of `copy_as_of`),
    a page may be the newer of the two where the record could have changed since: a status the trial
    could have reached ("Completed" against a copy saying recruiting), its enrollment, its start and
    completion dates. Those disagreements are no alarm the official record backs: they become
    "unconfirmed" notes, unless the page says it was updated no later than the copy (then the copy
    was current after the page's claim, and the alarms stand).

    A criterion the page leaves out stands against the copy, wherever it was in the list (R24: the last one was
    softened, one in the middle not): an aggregator dropping an item is far likelier than an amendment since the
    copy, and the finding names the copy and its date."""
    day = copy_day(copy_as_of)
    if not copy_as_of or (page.as_of and day and compare_partial(page.as_of, day) <= 0):
        return findings   # (a copy of unknown date may be older than any page)
    out = []
    for f in findings:
        stage = _STAGE.get(page.status) if page.status else _CLAIM_STAGE.get(f.evidence.get("claim"))
        if f.kind == "status_drift" and _could_have_moved(official.status, stage, page.status):
            out.append(_unconfirmed(f, f'says "{page.status_text or status_words(page.status)}"',
                                    said_status(official.status), copy_as_of))
        elif f.kind == "plain_status" and _could_have_moved(official.status, _CLAIM_STAGE.get(f.evidence.get("claim"))):
            out.append(_unconfirmed(f, f'says the trial "{f.page_value}"', said_status(official.status), copy_as_of))
        elif f.kind == "plain_enrollment":   # (its page value is the words the page's summary uses)
            out.append(_unconfirmed(f, f'says "{f.page_value}"', f"{f.official_value} participants", copy_as_of))
        elif f.kind == "fact_mismatch" and f.field in _CHANGING_FACTS:
            word = {"start_date": "the start date as", "completion_date": "the end date as"}.get(
                f.field, "the number of participants as")
            copy_says = f"{f.official_value} participants" if f.field == "enrollment" else human_date(f.official_value)
            out.append(_unconfirmed(f, f"gives {word} {f.page_value}", copy_says, copy_as_of))
        else:
            out.append(f)
    return out


# "ClinicalTrials.gov says / lists / gives …" in a page finding's message: what the record said when it was fetched
_REGISTRY_SAYS = re.compile(r"\bClinicalTrials\.gov(?= says\b| lists\b| gives\b| calls\b| names\b| does not\b|, which says\b)")


def said_by_copy(findings: list[Finding], copy_as_of: str | None) -> list[Finding]:
    """Against a saved copy that could not be refreshed, a page finding that stands (the copy was current after the
    page's claim) quotes the copy and its date, not what "ClinicalTrials.gov says" today, which TrialLens did not
    ask (UI review: "ClinicalTrials.gov says the trial is not yet recruiting" from a copy a year old, right under
    the note that it may have opened since).

    The first such finding, in the order given, names the copy in full with its date; the others say "TrialLens's
    saved copy" (review round 5: the full name and date four or five times a card pushed the findings off the first
    screen; the status line, the note and the footer give the date too)."""
    if not copy_as_of:
        return findings
    when = f"({copy_from(copy_as_of)})"
    out, named = [], False
    for f in findings:
        if f.about != "page" or f.kind == "unconfirmed":
            out.append(f)
            continue
        source, in_copy = (f"{SAVED_COPY} {when}", f"its saved copy of the ClinicalTrials.gov record {when}") if not named \
            else ("TrialLens's saved copy", "its saved copy")
        # every mention, not just the first: a word-difference message says it twice ("where ClinicalTrials.gov
        # says …, but ClinicalTrials.gov says …"), and the second credited the copy's words to the registry (R23)
        said = iter([source])
        message = _REGISTRY_SAYS.sub(lambda _m: next(said, "TrialLens's saved copy"), f.message)
        message = message.replace(_NOT_FOUND_ON, f" could not find it in {in_copy}.")
        for now, then in _NOW_THEN:
            message = message.replace(now, then)
        named = named or message != f.message
        out.append(replace(f, message=message))
    return out


_NOT_FOUND_ON = " could not find it on ClinicalTrials.gov."   # (items.py: a criterion the page adds)


def copy_day(copy_as_of: str | None) -> str | None:
    """The day (ISO) a saved copy was current, or None: not a copy, or a copy whose date is not known (any
    `copy_as_of` that is not a date, as the store's undated copies give)."""
    day = (copy_as_of or "")[:10]
    return day if well_formed(day) else None


def copy_from(copy_as_of: str | None) -> str:
    """"from 18 Nov 2025", or "from an unknown date" for a copy nothing dates (a record bundled with no date in
    it): never the day it happened to be stored, which read as a copy minutes old."""
    day = copy_day(copy_as_of)
    return f"from {human_date(day)}" if day else "from an unknown date"


def _unconfirmed(f: Finding, page_says: str, copy_says, copy_as_of: str) -> Finding:
    return Finding(
        "unconfirmed", "info", f.field, f.page_value, f.official_value,
        f"This page {page_says}, but {SAVED_COPY} ({copy_from(copy_as_of)}) says {copy_says}; TrialLens "
        "could not check with ClinicalTrials.gov, so the record may have changed since and this page may be right.",
        {**f.evidence, "was": f.kind, "copy_as_of": copy_as_of},
    )
