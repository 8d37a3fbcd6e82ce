"""What a record's "Unknown status" means, said where the status is read.

ClinicalTrials.gov gives "Unknown status" to a trial past its planned end whose status nobody has confirmed for over
2 years. A page copying it agrees with the record, so it is no alarm about the page; but nothing said what it meant,
and a reader saw a green tick over "You may be able to join if…" (review r56 F4: 649 of 8,092 corpus records). The
finding is about the record (a registry_unverified one, as a recruiting or suspended record unconfirmed as long gets),
and it says only what the record backs: its last-verified month and its planned end.
"""

from __future__ import annotations

from datetime import date

from ..dates import to_date, well_formed
from .finding import Finding, months_between, months_phrase, said_status
from .saved_copy import SAVED_COPY, copy_from
from .status_wordings import on_date

# ClinicalTrials.gov's rule for "Unknown status", in plain words
MEANING = ('which it gives a trial past its planned end whose status nobody has confirmed for over 2 years')
# what it means for a reader, said only when the record's own dates bear it out
LIKELY_OVER = " The trial is very likely over: ask the study team before you count on joining it."
ASK = " Ask the study team whether the trial is still going on."
# (months, like registry_unverified's warning: "over 2 years" is ClinicalTrials.gov's own line)
UNCONFIRMED_MONTHS = 24


def _end(official):
    """The record's planned (or actual) end, completion first, as a PartialDate, or None."""
    return next((c for c in (official.completion, official.primary_completion) if c and well_formed(c.date)), None)


def likely_over(official, upto: date) -> bool:
    """An "Unknown status" record's trial very likely over by `upto`: its status unconfirmed for over 2 years and its
    planned end passed (the finding's likely_over; a listing's badge asks it too: server/status_shown.badge_overdue)."""
    if official.status != "UNKNOWN" or not well_formed(official.status_verified):
        return False
    end = _end(official)
    return (months_between(to_date(official.status_verified, end=True), upto) > UNCONFIRMED_MONTHS
            and end is not None and to_date(end.date, end=True) < upto)


def unknown_status(official, today: date, copy: str | None, undated: bool, copy_as_of: str | None) -> list[Finding]:
    """A registry_unverified finding for a record whose status is UNKNOWN, saying what that means: a warning when its
    status went unconfirmed for over 2 years (up to today, or to the saved copy's day `copy`), saying the trial is very
    likely over only where its planned end has passed as well; else information."""
    if official.status != "UNKNOWN":
        return []
    verified = official.status_verified if well_formed(official.status_verified) else None
    upto = to_date(copy) if copy else today
    months = months_between(to_date(verified, end=True), upto) if verified else None
    end = _end(official)
    who = (f"{SAVED_COPY}, {copy_from(copy_as_of)}, lists" if copy or undated else "ClinicalTrials.gov lists")
    msg = f'{who} this trial\'s status as "Unknown status", {MEANING}'
    facts = []
    if end is not None:
        facts.append(f"this trial was due to finish {on_date(end.date)}")
    if verified:
        ago = ("before that copy was saved" if copy else "before today" if undated else "ago")
        facts.append(f"the sponsor (the group running the trial) last confirmed its status {on_date(verified)}"
                     + (f", {months_phrase(months)} {ago}" if months is not None and months > 0 else ""))
    msg += (": " + ", and ".join(facts) + "." if facts else ".")
    last = official.last_known_status
    if last and last != "UNKNOWN":
        msg += f" Its last known status was {said_status(last)}."
    # (unconfirmed for over 2 years: a warning, as a recruiting or suspended record's; "very likely over" only where
    # the record's own end has passed too)
    unconfirmed = months is not None and months > UNCONFIRMED_MONTHS
    over = likely_over(official, upto)   # (unconfirmed and ended: one rule with the listing's badge)
    msg += LIKELY_OVER if over else ASK
    return [Finding(
        "registry_unverified", "warning" if unconfirmed else "info", "status_verified", None, verified,
        msg,
        {"status": "UNKNOWN", "status_verified": verified, "months": months,
         "threshold_months": UNCONFIRMED_MONTHS, "completion_date": end.date if end else None,
         "completion_type": end.type if end else None, "last_known_status": last,
         # (the message's "very likely over": the card's status line says it too, format.js statusCaveat)
         "likely_over": over},
        about="registry",
    )]
