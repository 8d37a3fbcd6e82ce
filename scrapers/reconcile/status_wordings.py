"""Page status wordings that name no one ClinicalTrials.gov status ("Closed", "Not enrolling", "Active"), held to what
they still say: no one can join now, or the trial is still going on. Split from status.py, which calls them.
"""

from __future__ import annotations

from ..dates import human_date
from ..model import OfficialRecord, PageRecord
from ..vocab import WAITLIST_WORDS, says_not_now, wording_key
from .finding import Finding, quote, said_status

def on_date(iso: str) -> str:
    """"on 4 Aug 2015" for a day, "in Dec 2024" or "in 2024" for a month or a year: "due to finish on Dec 2024"
    read as a day TrialLens did not know (review r56 F11)."""
    return f"{'on' if str(iso).count('-') == 2 else 'in'} {human_date(iso)}"


# what a copy says of a recruiting (or not yet recruiting) trial holds for when it was saved
TAKING_NOW, TAKING_THEN = ", so it is taking new participants.", ", so it was taking new participants then."
OPENS_NOW, OPENS_THEN = (", so it has not opened yet and may still take new participants.",
                          ", so it had not opened yet then and may still take new participants.")

# what a claim that no one can join now ("Closed") gets wrong, by the record's status: anyone may ask to join now, or
# the trial has not opened yet (a reader told "Closed to accrual" passes over a trial that will open; review round 10
# c). By invitation is left out: no one can ask to join, so "Closed" tells the reader what the record does.
_CLOSED_WRONG = {"RECRUITING": TAKING_NOW, "AVAILABLE": ", so it is available.",
                 "NOT_YET_RECRUITING": OPENS_NOW}


def closed_claim(page: PageRecord, off: str, official: OfficialRecord) -> list[Finding]:
    """A page whose status wording says no one can join now ("Closed", "Enrollment closed") without naming one
    status: wrong if the record says the trial is recruiting (a reader would pass over a trial open to them) or not
    yet recruiting (one that may still open), consistent with any status that takes no one now."""
    if off not in _CLOSED_WRONG:
        return []
    shown = quote(page.status_text, 60)
    if off == "NOT_YET_RECRUITING" and says_not_now(page.status_text):
        # "Not enrolling" is true of a trial that has not opened: no alarm, and no "out of date" headline; what the
        # record adds (it may still open) is information (review round 11c, N5). The claim is no stage a copy's
        # trial could have moved to, so against a saved copy it stays this note, in the copy's words.
        return [Finding(
            "status_drift", "info", "status", page.status_text, off,
            f'This page says "{shown}"; ClinicalTrials.gov says the trial is {said_status(off)}{OPENS_NOW}',
            {"page_status": None, "claim": "not_now", "official_status": off,
             "official_last_update_posted": official.last_update_posted})]
    return [Finding(
        "status_drift", "warning", "status", page.status_text, off,
        f'This page says "{shown}", but ClinicalTrials.gov says the trial is {said_status(off)}{_CLOSED_WRONG[off]}',
        {"page_status": None, "claim": "closed", "official_status": off,
         "official_last_update_posted": official.last_update_posted},
    )]


# Status wordings that name no one status but say the trial is still going on: "Active" is NCI's word for recruiting
# and aggregators' short form of "Active, not recruiting" (vocab.py), "Ongoing" and "In progress" either. Whichever is
# meant, they are wrong of a trial that is over (review round 21, P8: ClinConnect's "Active" on completed trials was
# "could not compare", 78 of 78), and of one that is suspended: "open to accrual" and "going on, not recruiting" both
# hide that it has stopped for now.
ONGOING_WORDS = frozenset({"active", "ongoing", "in progress"})
# "Waitlist Available" (Power; vocab.WAITLIST_WORDS) is offered for trials not yet open, open or paused, so it names
# no one status either; but it tells a reader they can queue to join, which is wrong of a trial that is over. (Of a
# suspended trial a waitlist for when it resumes may be real: no alarm.)
# the statuses of a trial that is over, and what that means for a reader told it is still going on
OVER = {"COMPLETED": ", so it has ended and is not taking participants.",
         "TERMINATED": ", so it stopped early and is not taking participants.",
         "WITHDRAWN": ", so it stopped before anyone joined and is not taking participants."}
_PAUSED = {"SUSPENDED": ", so it has stopped for now and is not taking participants."}


def _ongoing_wrong(page: PageRecord) -> dict[str, str]:
    """The record statuses the page's wording is wrong of, each with what that means for a reader: none when the
    page names a status or says something else."""
    key = wording_key(page.status_text) if page.status is None else None
    if key in ONGOING_WORDS:
        return OVER | _PAUSED
    return OVER if key in WAITLIST_WORDS else {}


def says_ongoing(page: PageRecord, off: str | None) -> bool:
    """Does the page give, in words, an ongoing status ("Active", "Ongoing", "In progress", "Waitlist Available") of a
    trial the record says is over (or, for all but the waitlist, suspended)?"""
    return off in _ongoing_wrong(page)


def ongoing_claim(page: PageRecord, off: str, official: OfficialRecord) -> Finding:
    """"Active" (or "Ongoing", "In progress", "Waitlist Available") on a trial the record says is over or paused: a
    WARNING, not critical, since it does not say the trial takes participants now. Its claim is "ongoing": against a
    saved copy a trial over stays over and a suspended one may have resumed (saved_copy.unconfirmed_by_copy), and a page
    dated before the record closed was right then (status.check_status_history)."""
    return Finding(
        "status_drift", "warning", "status", page.status_text, off,
        f'This page says "{quote(page.status_text, 60)}", but ClinicalTrials.gov says the trial is '
        f"{said_status(off)}{_ongoing_wrong(page)[off]}",
        {"page_status": None, "claim": "ongoing", "official_status": off,
         "official_last_update_posted": official.last_update_posted})
