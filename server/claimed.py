"""Findings about a claim no page was read for: a status or date a person typed into the look-up form, or that an API
caller gave (GET /trials/{id}?status=…, GET/POST /api/v1/…/drift). Reconcile words every finding as the page's
("This page says "Recruiting", but …"), which put words in the mouth of a page TrialLens never read (review r23 #1);
here they are said as the claim's: "You entered …" on the HTML page, "The status given is …" in the API.

A saved copy of the trial's own ClinicalTrials.gov page, which `triallens check` compares (official_page.py), is
no third-party page either: its headline, findings and note are said as the person's copy (COPY: "Your saved copy
says …") in the CLI's text, every "this page" of them being that copy, and its note names no date the line above it
(the copy's `saved_copy`) gave; its JSON keeps reconcile's words and the note's dates.

Only the findings a claim can give are reworded (it holds a status and a last-updated date, nothing else); a page
TrialLens read keeps its own wording. The verdict's headline is chosen as the claim's when the verdict is built
(drift.summarize's `by`, claimed_headline: "What you entered may be out of date"); its note is reworded here, after.
"""

from __future__ import annotations

import re

from scrapers.dates import human_date
from scrapers.model import PageRecord

from .verdict_words import NOTES

# who made the claim: "person" (typed into the look-up form), "caller" (the API)
BY = ("person", "caller")

# the speaker of a saved copy of ClinicalTrials.gov's own page (not a claim: no headline or note of a claim's)
COPY = "copy"
_THIS_PAGE = re.compile(r"\b([Tt])his page\b")

# (the status's subject, the status named mid-sentence, the status as a whole)
_STATUS = {"person": ("You entered", "the status you entered", "The status you entered"),
           "caller": ("The status given is", "the status given", "The status given")}


def _headlines(what: str, status: str) -> dict[str, str]:
    """The headlines said as a claim's: `what` is the claim ("What you entered"), `status` its status ("the status
    you entered")."""
    return {"out_of_date": f"{what} may be out of date",
            "differs": f"{what} differs from ClinicalTrials.gov",
            "copy_differs": f"{what} differs from TrialLens's saved copy",
            "could_not_check": f"Could not check {what[0].lower()}{what[1:]}",
            "record_not_current": f"{what} may be newer than TrialLens's saved copy",
            "unrecognized_wording": f"Could not check {status}"}


# the verdict's headlines said as the claim's, by who made it, then by the headline's key: a verdict (HEADLINES), a
# reason (REASON_HEADLINES) or "copy_differs" (COPY_HEADLINES); "This page may be out of date" over 'You entered
# "Completed", but …' spoke of a page TrialLens never read (review r24 (a)). The other headlines name no page, or
# cannot be a claim's (ages, criteria, another trial's title: a claim holds a status and a date, nothing else)
HEADLINES = {by: _headlines(what, _STATUS[by][1]) for by, what in (("person", "What you entered"),
                                                                    ("caller", "What was given"))}

# the drift notes that speak of what "this page" says, by who made the claim (a note naming "this page" that a claim
# can get: test_claim_headlines.py tries each)
_NOTES = {
    "person": (("What this page says matches", "What you entered matches"),
               ("how this page describes the trial's status", "the status you entered"),
               ("The only thing TrialLens could read on this page is when it was last updated",
                "You entered only when the page was last updated"),
               ("compared this page with", "compared what you entered with"),
               ("Where this page differs", "Where what you entered differs"),
               ("nothing on this page was checked", "what you entered was not checked"),
               ("nothing on this page was compared", "what you entered was not compared"),
               ("so it compared nothing on this page", "so it could not compare what you entered"),
               ("TrialLens found nothing on this page it could compare",
                "TrialLens found nothing it could compare in what you entered")),
    "caller": (("What this page says matches", "The status given matches"),
               ("how this page describes the trial's status", "the status given"),
               ("The only thing TrialLens could read on this page is when it was last updated",
                "Only when the page was last updated was given"),
               ("compared this page with", "compared what was given with"),
               ("Where this page differs", "Where what was given differs"),
               ("nothing on this page was checked", "what was given was not checked"),
               ("nothing on this page was compared", "what was given was not compared"),
               ("so it compared nothing on this page", "so it could not compare what was given"),
               ("TrialLens found nothing on this page it could compare",
                "TrialLens found nothing it could compare in what was given")),
}
# nothing claimed at all (an API call with neither status nor as_of): what TrialLens reads of a page, which the note
# for a page lists, is not what a caller can give
_NOTHING = {"person": "You entered neither a status nor a last-updated date, so TrialLens compared nothing.",
            "caller": "Neither a status nor a last-updated date was given, so TrialLens compared nothing."}


def claimed_headline(headline: str, key: str, by: str | None) -> str:
    """The verdict's `headline` (its key `key`, see HEADLINES) said as the claim's by `by` (BY), when it names the page;
    as given for a page TrialLens read (None)."""
    return HEADLINES.get(by or "", {}).get(key, headline)


def _date_said(page: PageRecord, by: str) -> str:
    """"You entered that the page was last updated in Jan 2023" / "The last-updated date given is Jan 2023"."""
    when = human_date(page.as_of)
    if by == "caller":
        return f"The last-updated date given is {when}"
    return f"You entered that the page was last updated {'on' if page.as_of.count('-') == 2 else 'in'} {when}"


def claimed_message(kind: str, message: str, page: PageRecord, by: str) -> str:
    """A page finding's `message` said as the claim's (see the module's docstring), or as a saved copy's (COPY);
    any other message as given."""
    if by == COPY:
        return _as_copy(message)
    subject, named, whole = _STATUS[by]
    if kind == "page_stale" and page.as_of and ", but " in message:
        message = _date_said(page, by) + ", but " + message.split(", but ", 1)[1]
    elif kind == "status_changed_since":
        message = message.replace("This page was right when it was last updated",
                                  f"{whole} was right when the page was last updated", 1)
    elif kind == "cannot_compare":
        message = message.replace("this page's status, ", f"{named}, ", 1)
    elif message.startswith('This page says "'):   # (status_drift and an unconfirmed status: 'This page says "…"')
        message = f'{subject} "' + message[len('This page says "'):]
    # (the page the claim is about: "this page" on TrialLens's own page is TrialLens's)
    return message.replace("this page may", "the page may")


def _as_copy(text: str) -> str:
    """`text` with each "this page" said as the person's saved copy of ClinicalTrials.gov's page."""
    return _THIS_PAGE.sub(lambda m: f"{'Y' if m.group(1) == 'T' else 'y'}our saved copy", text)


def copy_dates(page_last_update: str | None, record_last_update: str | None) -> dict[str, str | None]:
    """The two last updates a saved ClinicalTrials.gov page is told by (official_page.SAVED_COPY's {page} and
    {record}), in words ("15 Mar 2018"), as given where they cannot be read."""
    return {"page": human_date(page_last_update or "") or page_last_update,
            "record": human_date(record_last_update or "") or record_last_update}


# the note's first sentence for a saved ClinicalTrials.gov page (NOTES["official_page_saved_…"]) in the CLI's text,
# where the line above it has just given both last updates (saved_copy's `said`): what was compared, without its dates
# (a person read "15 Mar 2018" and "1 Jun 2024" twice in a row). "unknown" names none.
_COPY_NOTES = {
    "official_page_saved_older": "This file is the trial's own page on ClinicalTrials.gov, saved before the record's "
                                 "last update, so the differences below are changes ClinicalTrials.gov made after "
                                 "this copy was saved, not mistakes on a site. Go by the record.",
    "official_page_saved_newer": "This file is the trial's own page on ClinicalTrials.gov, newer than the copy of the "
                                 "record TrialLens compared it with, so the differences below may be changes that "
                                 "copy lacks. Go by ClinicalTrials.gov today.",
}


def _copy_note(note: str, saved: dict) -> str:
    """A saved ClinicalTrials.gov page's note said once its `saved` line (drift's saved_copy) is said above it: as the
    person's copy, its first sentence without the two dates (_COPY_NOTES), and the record's copy not dated again
    ("the ClinicalTrials.gov record from 1 Jun 2024", when that is the record's last update the line gave)."""
    dates = copy_dates(saved.get("page_last_update"), saved.get("record_last_update"))
    for key, undated in _COPY_NOTES.items():
        note = note.replace(NOTES[key].format(**dates), undated, 1)
    said = {d for d in dates.values() if d and d in saved.get("said", "")}
    for day in said:
        note = re.sub(rf" (?:\(from {re.escape(day)}\)|from {re.escape(day)}(?!\d))", "", note)
    return _as_copy(note)


def claimed_drift(drift: dict, page: PageRecord, by: str | None) -> dict:
    """The drift summary's findings and note said as a claim's by `by` (BY), or as a saved copy's (COPY: its
    headline's and findings' "this page" is "your saved copy", and its note says it once its saved_copy line is said
    above it, _copy_note); unchanged for None (a page read)."""
    if by not in (*BY, COPY):
        return drift
    out = dict(drift)
    out["findings"] = [_claimed(f, page, by) for f in drift.get("findings", [])]
    if by == COPY:
        if out.get("headline"):
            out["headline"] = _as_copy(out["headline"])
        if out.get("note"):
            out["note"] = _copy_note(out["note"], drift.get("saved_copy") or {})
        return out
    if out.get("note") == NOTES["nothing_to_compare"]:
        out["note"] = _NOTHING[by]
    elif out.get("note"):
        for page_words, claim_words in _NOTES[by]:
            out["note"] = out["note"].replace(page_words, claim_words)
        out["note"] = out["note"].replace("this page may be right", "the page may be right")
    return out


def _claimed(f: dict, page: PageRecord, by: str) -> dict:
    """One finding of the summary (a dict), its message said as the claim's; a finding about the record as it is."""
    if f.get("about", "page") != "page":
        return f
    return {**f, "message": claimed_message(f.get("kind", ""), f.get("message", ""), page, by)}
