"""The HTML pages' errors in a person's words: the API's problem documents (their titles stay as they are) turned
into {title, detail, next, link, field} for the form page, which marks the field an error is about."""

from __future__ import annotations

import math
import re

from flask import current_app, g

from scrapers.dates import human_date

from .claim_text import MAX_CLAIM, BadDate
from .status_shown import official_url

MAX_FORM_HTML = 10 * 1024 * 1024

# Errors in a person's words (the API's problem titles stay as they are): (title, what happened, what to do next).
# {id} is the trial number, {raw} what was typed; "link" offers the official record.
_SLUG_WORDS = {
    "invalid-nct-id": ("That is not a trial number",
                       "You typed “{raw}”. A trial's ClinicalTrials.gov number is NCT followed by 8 digits, like "
                       "NCT01234567; most trial pages show it.", "Check the number and try again."),
    "not-in-local-store": ("TrialLens has no copy of this trial",
                           "TrialLens has no saved copy of {id} and cannot ask ClinicalTrials.gov right now.",
                           "Read the trial's official record on ClinicalTrials.gov instead."),
    "unknown-trial": ("Trial not found",
                      "ClinicalTrials.gov has no trial numbered {id}.",
                      "Check the number: it is NCT followed by 8 digits, as the trial's page shows it."),
    "registry-unavailable": ("ClinicalTrials.gov could not be reached",
                             "TrialLens could not reach ClinicalTrials.gov just now and has no saved copy of {id}.",
                             "Try again in a few minutes, or read the official record on ClinicalTrials.gov."),
    # (TrialLens's own limit of requests to ClinicalTrials.gov: it was up, and was not asked; review r19 #2)
    "registry-busy": ("TrialLens is busy",
                      "TrialLens has asked ClinicalTrials.gov too often in the last minute and has no saved copy of "
                      "{id}, so it did not ask about it just now.",
                      "Try again in a minute, or read the official record on ClinicalTrials.gov."),
    "store-unavailable": ("TrialLens is not working right now",
                          "TrialLens's own store of saved records failed just now: a fault in TrialLens, not in this "
                          "trial's record.",
                          "Try again in a few minutes, or read the official record on ClinicalTrials.gov."),
    "no-trial": ("No trial number found in what you pasted",
                 "TrialLens looks for the trial's number (NCT followed by 8 digits) on the page and found none.",
                 "Add the page's address under “Where you saw this page”, or type the trial number (NCT…) "
                 "under “Look up a trial”."),
    "unreadable-page": ("This does not look like a saved web page",
                        "TrialLens needs the page's source (its HTML), not the words you see on it.",
                        "On the trial's page, press Ctrl+U (View page source), select everything, copy it and paste it "
                        "here. Or type the trial number (NCT…) under “Look up a trial”."),
    "request-entity-too-large": ("The page is too big to check",
                                 "The page you pasted is larger than this service's limit of {limit}.",
                                 "Type the trial number (NCT…) under “Look up a trial” instead, and the status the "
                                 "page shows."),
    # a last-updated date the lookup form's person typed (the API's words name the field "as_of"); {typed} is what
    # they typed, {today} today's date
    "unreadable-date": ("TrialLens cannot read that date",
                        "TrialLens cannot read “{typed}” as a date.",
                        "Enter it like 2026-03-15, 2026-03 or 2026, or leave it empty."),
    "date-to-come": ("That date has not come yet",
                     "You entered “{typed}” as when the page was last updated, which is after today ({today}).",
                     "Enter the date the page shows, like 2026-03-15, 2026-03 or 2026, or leave it empty."),
    "date-too-early": ("TrialLens cannot use that date",
                       "You entered “{typed}” as when the page was last updated. TrialLens does not accept years "
                       "before 1900.",
                       "Enter the date the page shows, like 2026-03-15, 2026-03 or 2026, or leave it empty."),
    # the same thing given twice in the page's address ("?status=Recruiting&status=Completed"): the API's 400, worded
    # for a person; {what} names it, {given} what each said (review r19 §12: the first was used without a word)
    "repeated-parameter": ("The address gives the same thing twice",
                           "This page's address gives {what} more than once ({given}), so TrialLens cannot tell "
                           "which one you meant.",
                           "Fill in the form below once and look the trial up again."),
    # something in the page's address TrialLens does not read ("?statu=Recruiting"): used without a word, the page
    # showed the trial with no verdict for the status typed (review r23 #10); {part} is what the address gives
    "unknown-parameter": ("The address has something TrialLens does not read",
                          "This page's address gives {part}, which TrialLens does not read, so it cannot tell what you "
                          "meant to check.",
                          "Fill in the form below and look the trial up again."),
    # a status or date typed far longer than any page shows one, or holding a control character (claim_text.claim_text: the
    # API's 400 "bad-claim"); {thing} names it ("status"), {max} the limit in characters
    "bad-claim-too-long": ("That {thing} is too long",
                           "What you entered as the {thing} is longer than {max} characters: no trial page shows one "
                           "that long.", "Enter it as the page shows it, or leave it empty."),
    "bad-claim-control-character": ("That {thing} holds a character TrialLens cannot read",
                                    "What you entered as the {thing} holds a control character, which no trial page "
                                    "shows.", "Enter it as the page shows it, or leave it empty."),
    "bad-url": ("The page address is not a web address",
                "The address of the page should start with https:// or http://.",
                "Copy it from your browser's address bar, or leave the field empty."),
    "not-found": ("Page not found", "There is no page at this address.", "Start again from the form below."),
    "method-not-allowed": ("This page cannot be opened that way",
                           "TrialLens's pages open from a link or from the form below.", "Start again from the form below."),
    # GET /check: the address a pasted page's result shows, opened again (review r23 #15)
    "check-again": ("Paste the page again",
                    "TrialLens does not keep pasted pages, so a check's result cannot be opened again from its address.",
                    "Paste the page's source below and check it again."),
    "too-many-requests": ("Too many checks", "TrialLens has had too many requests from you in a short time.",
                          "Wait a minute, then try again."),
    # this client's budgets of lookups of trials TrialLens holds no copy of (server.clients; r39 F3): the API's title
    # and "not checked: this client has looked up …" were the page's words; {wait} is the Retry-After, in words
    "lookup-budget-used": ("Too many new trials looked up",
                           "You have looked up many trials TrialLens has no saved copy of in a short time, so it did "
                           "not ask ClinicalTrials.gov about {id} just now.",
                           "Wait {wait}, then try again, or read the official record on ClinicalTrials.gov."),
}
# the same errors where TrialLens holds a saved copy that is no usable study (one an older TrialLens let in: never
# served, Registry.lookup): not "has no saved copy" (svc12); chosen by the problem's "saved_copy": "unusable"
_UNREADABLE_WORDS = {
    "not-in-local-store": ("TrialLens's copy of this trial is not usable",
                           "TrialLens's saved copy of {id} is not usable, and it cannot ask ClinicalTrials.gov right "
                           "now.", "Read the trial's official record on ClinicalTrials.gov instead."),
    "registry-unavailable": ("ClinicalTrials.gov could not be reached",
                             "TrialLens could not reach ClinicalTrials.gov just now, and its saved copy of {id} is not "
                             "usable.", "Try again in a few minutes, or read the official record on ClinicalTrials.gov."),
    "registry-busy": ("TrialLens is busy",
                      "TrialLens did not ask ClinicalTrials.gov about {id} just now (it has asked as often as it "
                      "allows for now), and its saved copy of {id} is not usable.",
                      "Try again later, or read the official record on ClinicalTrials.gov."),
}
# the form field an error is about: marked invalid and pointed at by the message
_SLUG_FIELD = {"invalid-nct-id": "nct_id", "unknown-trial": "nct_id", "no-trial": "html", "unreadable-page": "html",
               "bad-url": "url", "unreadable-date": "as_of", "date-to-come": "as_of", "date-too-early": "as_of"}
_LINKED = {"not-in-local-store", "registry-unavailable", "registry-busy", "store-unavailable", "lookup-budget-used"}
# a query parameter of the lookup form, as a person names it (repeated-parameter)
_PARAMETER_WORDS = {"nct_id": "the trial number", "status": "the status", "as_of": "the last-updated date",
                    "site": "the site"}


def page_error(problem: dict, nct_id: str | None = None, raw: str | None = None) -> dict:
    """An error as the form page shows it: {title, detail, next, link, field}. Problems it has no words for keep
    the service's own title and detail."""
    slug = str(problem.get("type", "")).rsplit(":", 1)[-1]
    if slug == "bad-claim":   # (by why: too long, or a control character)
        slug = f"bad-claim-{problem.get('why')}"
    nct_id = problem.get("nct_id") or nct_id
    words = (_UNREADABLE_WORDS.get(slug) if problem.get("saved_copy") == "unusable" else None) or _SLUG_WORDS.get(slug)
    if words is None:
        return {"title": problem.get("title") or "Error", "detail": problem.get("detail") or "", "next": None,
                "link": None, "field": None}
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_FORM_HTML
    size = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
    parameter = str(problem.get("parameter") or "")
    fill = {"id": nct_id or "this trial", "raw": (raw or "").strip()[:40], "limit": size,
            "typed": str(problem.get("typed") or "").strip()[:40], "today": problem.get("today") or "today",
            "what": _PARAMETER_WORDS.get(parameter, f"“{parameter[:40]}”"), "max": f"{MAX_CLAIM:,}",
            "thing": _PARAMETER_WORDS.get(parameter, "value").removeprefix("the "),
            "given": " and ".join(f"“{str(v).strip()[:40]}”" for v in problem.get("given") or []),
            "part": f"“{parameter[:40]}" + "".join(f"={str(v).strip()[:40]}" for v in (problem.get("given") or [])[:1] if str(v).strip())
                    + "”",
            "wait": wait_words(g.get("triallens_retry_after"))}
    title, detail, step = (w.format(**fill) for w in words)
    link = official_url(None, nct_id) if slug in _LINKED else None
    field = _SLUG_FIELD.get(slug) or (parameter if slug.startswith(("repeated-parameter", "bad-claim"))
                                      and parameter in _PARAMETER_WORDS and parameter != "site" else None)
    return {"title": title, "detail": detail, "next": step, "link": link, "field": field}


def wait_words(retry_after: str | int | None) -> str:
    """A wait in whole seconds (a Retry-After, an official.retry_after) as a person reads it: "a minute", "5 minutes",
    "an hour", rounded up (to the minute, from an hour to the hour); "a few minutes" for anything that is not one. The
    card says the same (extension/lib/format.js tryAgainIn): both are checked against one table,
    extension/test/wait_words_cases.json."""
    text = str(retry_after if retry_after is not None else "").strip()
    if not re.fullmatch(r"[0-9]+", text):
        return "a few minutes"
    minutes = max(1, math.ceil(int(text) / 60))
    if minutes >= 60:
        hours = math.ceil(minutes / 60)
        return "an hour" if hours == 1 else f"{hours} hours"
    return "a minute" if minutes == 1 else f"{minutes} minutes"


def date_problem(exc: BadDate) -> dict:
    """The API's problem for a last-updated date TrialLens cannot use, as the form page words it (page_error): what
    was typed, and today's date when it is still to come; a year before 1900 told as such ("cannot read" a
    well-formed 1800-01-01 was untrue; review r19 #10)."""
    slug = "date-to-come" if exc.today else "date-too-early" if exc.early else "unreadable-date"
    return {**exc.body(), "type": slug, "typed": exc.typed,
            **({"today": human_date(exc.today.isoformat())} if exc.today else {})}

