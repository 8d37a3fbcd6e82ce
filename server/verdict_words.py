"""The words of the drift verdict: headlines, the caveats of an in-sync verdict, and the notes shown under the
headline (server/drift.py decides which; the card's lib/format.js mirrors the tones and the reasons a saved copy
was used, and a test holds the service's pages to them)."""

from __future__ import annotations

from scrapers.reconcile.saved_copy import SAVED_COPY


HEADLINES = {
    "in_sync": "In sync with ClinicalTrials.gov",
    "out_of_date": "This page may be out of date",
    "differs": "This page differs from ClinicalTrials.gov",
    "not_recruiting": "ClinicalTrials.gov says this trial is not recruiting",
    "could_not_check": "Could not check this page",
}
# against a saved copy that could not be refreshed the headline names the copy: it is not what ClinicalTrials.gov
# says today (message review round 2: "This page differs from ClinicalTrials.gov" over findings that each quote the
# copy)
COPY_HEADLINES = {   # (short enough for the folded card: the status line and the note give the copy's full name)
    "differs": "This page differs from TrialLens's saved copy",
    "not_recruiting": "Not recruiting, says TrialLens's saved copy",
}
# the same against a saved copy: what it means, then the free, instant step (today's record), not the study team a
# copy's age alone sent people to (review round 5)
COPY_OVERDUE_HEADLINES = {
    "completion_date": "This trial may have ended: check ClinicalTrials.gov",
    "status": "This trial may have opened: check ClinicalTrials.gov",   # (not "Start date passed": read as too late)
}
# a record closed for good, by its status: the headline names the ending, not merely "not recruiting" (review r56 F7: a
# page's "Not yet recruiting" of a completed trial was headed "… says this trial is not recruiting", and a reader could
# wait for it to open); the record's own word, with CT.gov's meaning where the word alone is jargon ("terminated").
# (live, against a saved copy). Said for a page inviting people to it and for one showing no status (record_closed.py).
ENDED_HEADLINES = {
    "COMPLETED": ("ClinicalTrials.gov says this trial has been completed", "Completed, says TrialLens's saved copy"),
    "TERMINATED": ("ClinicalTrials.gov says this trial was stopped early (terminated)",
                   "Stopped early (terminated), says TrialLens's saved copy"),
    "WITHDRAWN": ("ClinicalTrials.gov says this trial was withdrawn before it enrolled anyone",
                  "Withdrawn before it enrolled anyone, says TrialLens's saved copy"),
}
# a page wrong about who may join in a critical way says which, whatever else is wrong (review rounds 5 and 6: "This
# page differs" or "may be out of date" over "aged 1 to 28" for newborns of 1 to 28 days); against a copy, its word
CRITICAL_HEADLINES = {
    "ages": ("The ages on this page differ from ClinicalTrials.gov", "The ages on this page differ from TrialLens's saved copy"),
    # an age with no unit where the record's is days, weeks or months: which ages are right, said (review round 6:
    # a parent reading "children aged 1 to 28" beside "the ages differ" may side with the page)
    # (against a copy too: the unit of a trial's ages does not change between copies; "differ" read as a quibble, the
    # wording round 6 replaced; review round 7)
    "unit": ("The ages on this page are not in years", "The ages on this page may not be in years"),
    # (against a copy, the rule may have been amended since it was saved: the copy's word, not the page's fault)
    "rule": ("This page changes a rule for who can join", "A rule for who can join differs from TrialLens's saved copy"),
}

# a page presenting as open to anyone (a "Recruiting" field, or its summary's "is currently recruiting") a trial that
# only the people its study team invites can join: what that means for the reader, in the findings' own words
# (reconcile.finding.INVITED_ONLY), not "This page may be out of date"; against a saved copy, the copy's word, as the
# status badges say it ("By invitation only", status_shown.RELATED_BY_INVITATION). By whether the record is a copy.
INVITED_ONLY_HEADLINES = {False: "Only people the study team invites can join this trial",
                          True: "By invitation only, says TrialLens's saved copy"}

# what to do next, said last in the note of every alarm verdict (review r26 #3: "This page changes a rule for who can
# join" then the findings, and nothing on which list to trust or whom to ask, where an overdue record's card ended
# "ask the study team"). By what the headline is about: a rule or the ages (the list to go by, named), the trial
# closed (live, or by a saved copy, whose status may have changed since), open only to people invited, another
# trial's page, else anything else that differs. No number is said: the findings quote both values.
NEXT_STEPS = {
    "rule": "Go by ClinicalTrials.gov's list of who can join, and confirm with the study team before you decide.",
    "ages": "Go by the ages ClinicalTrials.gov gives, and confirm with the study team before you decide.",
    "other": "Go by the official record on ClinicalTrials.gov, and confirm with the study team before you decide.",
    "not_recruiting": "This trial is not taking new participants: to find an open trial like it, search "
                      "ClinicalTrials.gov or see the related trials TrialLens suggests.",
    "copy_not_recruiting": "Check its status on ClinicalTrials.gov today; if it is still not recruiting, search "
                           "ClinicalTrials.gov or see the related trials TrialLens suggests for an open trial like it.",
    "invited_only": "Only the study team can invite people to this trial: ask them whether you could take part.",
    "other_trial": "Ask the site or the study team which trial this page is about before you rely on it.",
}

# a page's open status against a saved copy that said "not yet recruiting" before a planned start that has passed
# since: the page was wrong when it was written, but the trial may have opened since (UI review round 3)
STATUS_UNSETTLED = "Check this trial's status on ClinicalTrials.gov"   # (today's record first; review round 5)
# the page's title, sponsor and conditions are all another trial's (reconcile.identity): its number may be wrong
OTHER_TRIAL = "This page may be about a different trial"
# a could-not-check verdict whose reason says more than "could not check" (most of the page was compared)
REASON_HEADLINES = {
    "record_not_current": "This page may be newer than TrialLens's saved copy",
    "unrecognized_wording": "Could not check this page's status",
    # the trial's own page on ClinicalTrials.gov (the card's words there, format.js OFFICIAL_SITE_VIEW): nothing to
    # compare it with, but the record's own warnings are still said (drift.on_official_page; review r26 #2)
    "official_page": "This is the official record",
}
# an in-sync verdict with a caveat (`caveat`) is not headed as if ClinicalTrials.gov had confirmed it today: a page
# matching a stored copy that could not be refreshed, or a record that itself looks overdue (a green tick over "the
# record itself may be out of date" read as "this page is accurate, go ahead")
CAVEATS = {
    "stored_copy": "Matches TrialLens's saved copy",
    "record_overdue": "In sync, but the official record may be out of date",
    # a page showing neither a status nor criteria (only an enrollment figure, a date), or few of the record's
    # criteria: little was compared
    "little_compared": "What TrialLens could check matches ClinicalTrials.gov",
    # a whole list of the record's the page shows none of (criteria_list_not_shown): what TrialLens compared matches,
    # but "Matches" over a page hiding every reason someone cannot join read as reassurance (review round 5)
    # (what TrialLens read: a page may show a list under a heading or on a tab it did not read)
    "list_not_shown": "TrialLens found no list of who can join on this page",
    # a page showing no status (a site whose pages carry none, an empty label) for a trial the record says is closed:
    # nothing on the page is wrong, but a green "In sync" over "Who can take part" read as "open, go ahead"
    # (review r56 F1): the record's status leads, as it does where a page says "Recruiting"
    "record_closed": "ClinicalTrials.gov says this trial is not recruiting",
}
# the little_compared headline for a page whose criteria TrialLens found none of in the record (it shows a few, none
# paired): "What TrialLens could check matches ClinicalTrials.gov" read as "its criteria match" (review round 21, P2).
# By whether the record is a saved copy.
UNMATCHED_CRITERIA = {False: "TrialLens could not find this page's criteria on ClinicalTrials.gov",
                      True: "TrialLens could not find this page's criteria in its saved copy of the record"}
# the list_not_shown headline by the list the page leaves out
LIST_NOT_SHOWN = {"exclusion": "TrialLens found no list of who cannot join on this page",
                  "inclusion": "TrialLens found no requirements for joining on this page"}
# the same caveats against a saved copy that could not be refreshed: not "matches ClinicalTrials.gov" (review round 4)
COPY_CAVEATS = {
    "record_overdue": "Matches TrialLens's saved copy, but the trial's record looks overdue",
    "record_closed": "Not recruiting, says TrialLens's saved copy",
    "little_compared": "Little to check: no conflict with TrialLens's saved copy",
}
# what gave no status, before the record_closed note: a page TrialLens read (None, or a saved ClinicalTrials.gov page's
# "copy"), a person's entry on the service's page, an API caller's claim (claimed.BY)
# (what TrialLens read: a page may show a status TrialLens did not read, an unlabelled "Recruiting" badge; review r57 F4)
CLOSED_LEADS = {None: "TrialLens found no status on this page.", "copy": "TrialLens found no status on this page.",
                "person": "You entered no status.", "caller": "No status was given."}
CAVEAT_OF_NOTE = {"copy_in_sync": "stored_copy", "copy_overdue": "record_overdue", "record_overdue": "record_overdue",
                   "record_overdue_partly": "record_overdue",
                   "little_compared": "little_compared", "copy_little_compared": "little_compared",
                   "few_criteria": "little_compared", "copy_few_criteria": "little_compared"}
# an overdue record's headline says what it means for the reader, by the field of its overdue finding (UI review: the
# headline said "Matches …" over a warning that the trial probably ended 19 months ago)
OVERDUE_HEADLINES = {
    "completion_date": "This trial may have ended: check with the study team",
    # (not "Start date passed": read as too late to join, the wording the copy's headline and the badge dropped;
    # review round 7)
    "status": "This trial may have opened: ask the study team",
}
# why a saved copy was used, when the service is set to work offline (TRIALLENS_OFFLINE): it never asked, and
# "could not check just now" promised that asking again would help
UNASKED_OFFLINE = "This TrialLens service works offline and did not ask ClinicalTrials.gov"
# the same, said by the CLI (`triallens check`), which is no service (review round 12d, P7)
UNASKED_OFFLINE_CLI = "TrialLens is set to work offline (TRIALLENS_OFFLINE) and did not ask ClinicalTrials.gov"
UNASKED_UNREACHABLE = "TrialLens could not check with ClinicalTrials.gov just now"
# TrialLens's own limit of requests to ClinicalTrials.gov was reached: it was up, and was not asked ("could not check"
# read as ClinicalTrials.gov failing; review r19 #2)
UNASKED_BUSY = "TrialLens has asked ClinicalTrials.gov too often in the last minute and did not ask it again just now"
# the asking client's own limit of lookups was reached (its share of single lookups a minute, or its budget of lookups
# an hour: TRIALLENS_SINGLE_LOOKUPS, TRIALLENS_LOOKUP_BUDGET), not TrialLens's: ClinicalTrials.gov was not asked for
# this client; which limit, and when to try again, Lookup.note says (official.note)
UNASKED_BUDGET = ("TrialLens did not ask ClinicalTrials.gov about this trial just now, because as many trials have "
                  "been looked up from here as it allows for now")
# what the check compares besides eligibility criteria, as the nothing-to-compare notes list it
COMPARED_WORDS = ("status, dates, phase, number of participants, ages, sex, healthy volunteers, sponsor, kind of study, "
                  "conditions studied")
# the line under the headline (`note`), by reason ("record_overdue": in sync, but the record looks overdue);
# {copy} is the saved copy's date, {shown} what the page showed, {counts} criteria found of the record's, per list
# ("only 3 of the 5 …", "none of the 10 …": criteria_found.counts_said);
# {unasked} why the page was compared with a saved copy, {it} who then compared it (see _summarize)
NOTES = {
    "record_overdue": "What this page says matches ClinicalTrials.gov, but the ClinicalTrials.gov record itself may be "
                      "out of date.",
    # (a page showing only part of the criteria: not "What this page says matches"; review round 9)
    "record_overdue_partly": "What TrialLens could compare on this page matches ClinicalTrials.gov, but the "
                             "ClinicalTrials.gov record itself may be out of date.",
    # against a stored copy that could not be refreshed (offline, or ClinicalTrials.gov unreachable); one name for
    # that copy everywhere (reconcile.saved_copy.SAVED_COPY)
    "copy_in_sync": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}. Anything changed since that "
                    "copy was saved was not checked.",
    "copy_overdue": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}. In that copy, {overdue_said}: see "
                    "below.",
    # (not the page's words again: the first finding quotes them; review round 5)
    "may_have_opened": "TrialLens's saved copy of the ClinicalTrials.gov record (from {copy}) said the trial had not "
                       "opened yet, but its planned start has passed since, so this page may be right: check "
                       "ClinicalTrials.gov today, or ask the study team.",
    "may_have_opened_live": "ClinicalTrials.gov says the trial has not opened yet, but its planned start has passed, so "
                            "this page may be right: ask the study team whether it has opened.",
    # (record_closed: {whose}: whose_record(); {status}: the record's status in words, "withdrawn"; said after
    # CLOSED_LEADS' line for a page or a claim that gave no status, and before NEXT_STEPS' "not taking new participants")
    "record_closed": "{whose} says this trial is {status}.",
    "expanded_access": "It also lists expanded access ({nct}), a way to get the treatment outside a trial: ask the "
                       "study team about it.",
    "record_gone": "ClinicalTrials.gov no longer shows this trial (ask the study team whether it is still running)",
    "copy_says_overdue": "That copy also says the trial was due to {what} by {when}, which has passed: see below.",
    "copy_drifted": "{unasked}, so {it} compared this page with its saved copy of the ClinicalTrials.gov record from {copy}.",
    # (review round 5: "works offline" alone was jargon, and nothing said the page is entirely unchecked)
    "not_asked": "TrialLens has no copy of this trial's official record and works offline here, so nothing on this "
                 "page was checked. Compare the page with the official record on ClinicalTrials.gov.",
    "official_unavailable": "TrialLens could not get this trial's record from ClinicalTrials.gov and has no saved "
                            "copy, so it compared nothing on this page.",
    "official_busy": "TrialLens has asked ClinicalTrials.gov too often in the last minute, so it did not ask about this "
                     "trial, and it has no saved copy of its record: nothing on this page was compared. Try again in a "
                     "minute.",
    # the asking client's own lookup limit (TRIALLENS_SINGLE_LOOKUPS a minute, TRIALLENS_LOOKUP_BUDGET an hour), not
    # TrialLens's limit of requests to ClinicalTrials.gov: "in the last minute" was wrong where the hourly budget ran out
    "official_budget": UNASKED_BUDGET + ", and it has no saved copy of this trial's record: nothing on this page was "
                       "compared.",
    # a saved copy is there but is no usable study (one an older TrialLens let in): never served, and never said to
    # be missing either (svc12)
    "not_asked_unreadable": "TrialLens's saved copy of this trial's official record is not usable, and TrialLens "
                            "works offline here, so nothing on this page was checked. Compare the page with the "
                            "official record on ClinicalTrials.gov.",
    "official_unavailable_unreadable": "TrialLens could not get this trial's record from ClinicalTrials.gov, and its "
                                       "saved copy of the record is not usable, so it compared nothing on this page.",
    "official_busy_unreadable": "TrialLens has asked ClinicalTrials.gov too often in the last minute, so it did not "
                                "ask about this trial, and its saved copy of the record is not usable: nothing on "
                                "this page was compared. Try again in a minute.",
    "official_budget_unreadable": UNASKED_BUDGET + ", and its saved copy of this trial's record is not usable: "
                                  "nothing on this page was compared.",
    "record_not_current": "{unasked}. Where this page differs from its "
                          "saved copy of the record (from {copy}), the trial may have changed since, so this page may "
                          "be right.",
    # (not "raises no alarm": that read as "the status is fine")
    "unrecognized_wording": "TrialLens does not recognise how this page describes the trial's status, so it could not "
                            "tell whether the status is right; check it on ClinicalTrials.gov.",
    # (what TrialLens could read: a page may show criteria under a heading it does not recognise; one that lists
    # criteria under no heading at all is told so instead, nothing_to_compare_unplaced)
    # (what the check compares, all of it (drift.COMPARABLE: test_drift_shown_facts holds the two together): "no
    # status, dates, phase, number of participants, ages or eligibility criteria" left out the conditions studied,
    # healthy volunteers, sex, sponsor and kind of study, which it compares too)
    "nothing_to_compare": "TrialLens could read nothing on this page that it compares with ClinicalTrials.gov (" +
                          COMPARED_WORDS + " or eligibility criteria), so it compared nothing.",
    "only_date": "The only thing TrialLens could read on this page is when it was last updated: no status, start or "
                 "end dates, or eligibility criteria, so it compared nothing.",
    # a page read whole in which TrialLens found no criteria at all (drift.without_criteria_said); what TrialLens
    # read, not what the page shows: a page may show criteria under a heading TrialLens does not know
    "no_criteria": "TrialLens found no eligibility criteria it could read on this page, so it did not check who can "
                   "join: read them on ClinicalTrials.gov before you decide.",
    # a page that lists criteria under no inclusion or exclusion heading (PageRecord.criteria_unplaced: medifind's
    # "View:" list toggles between the two and names neither): it does show them, so not "found no eligibility
    # criteria"; said instead of no_criteria, and after the notes below ending "_unplaced" ({count}: "3")
    "criteria_unplaced": "This page lists {count} eligibility criteria without saying which are for joining and "
                         "which rule people out, so TrialLens did not compare them: read them on ClinicalTrials.gov "
                         "before you decide.",
    # a page listing more criteria than any trial's record (reconcile/too_long.py): the finding says how many, this
    # what it means and what to do; said where criteria_unplaced would be
    "criteria_not_compared": "This page lists more eligibility criteria than any trial's record, so TrialLens did not "
                             "compare them (see below): read them on ClinicalTrials.gov before you decide.",
    # a page whose criteria cost more work to compare than TrialLens gives one page (reconcile/too_long.py,
    # unfinished_finding): said where criteria_not_compared would be
    "criteria_not_compared_in_full": "TrialLens did not compare this page's eligibility criteria in full (see below): "
                                     "read them on ClinicalTrials.gov before you decide.",
    # a page too long to read whole (PageRecord.read_lines: an endless comment thread, footer or filler): read as far
    # as the limit, so a field further down was not read, and the verdict is about the part read; after the other notes
    "page_cut": "This page is too long to read in full, so TrialLens read only its first {lines} lines: anything "
                "further down was not checked.",
    "criterion_unplaced": "This page lists one eligibility criterion without saying whether it is for joining or "
                          "rules people out, so TrialLens did not compare it: read it on ClinicalTrials.gov before "
                          "you decide.",
    # the notes that name eligibility criteria among what TrialLens found none of, for a page that lists some it
    # could not place (drift._note adds criteria_unplaced after them)
    "nothing_to_compare_unplaced": "Besides its eligibility criteria, TrialLens could read nothing on this page that "
                                   "it compares with ClinicalTrials.gov (" + COMPARED_WORDS + "), so it compared "
                                   "nothing.",
    "only_date_unplaced": "Besides its eligibility criteria, the only thing TrialLens could read on this page is when "
                          "it was last updated: no status, start or end dates, so it compared nothing.",
    "little_compared_unplaced": "TrialLens found no status it could read on this page, so it compared only {shown}.",
    "copy_little_compared_unplaced": "TrialLens found no status it could read on this page. It compared only {shown}, "
                                     "with its saved copy of the ClinicalTrials.gov record from {copy}.",
    # (what to do, with the count: the finding below says what TrialLens found, and the note had said it again word
    # for word; review round 7)
    "list_not_shown": "Read the {lists} on ClinicalTrials.gov before you decide.",
    # the trial's own page on ClinicalTrials.gov (drift.on_official_page): no comparison, and why; with a warning
    # about the record itself, what it says ({whose}: whose_record(); {overdue_said}: as copy_overdue)
    "official_page": "This is the trial's own page on ClinicalTrials.gov, the official record, so TrialLens has "
                     "nothing to compare it with.",
    "official_page_overdue": "This is the trial's own page on ClinicalTrials.gov, so TrialLens has nothing to compare "
                             "it with, but {whose} says {overdue_said}: see below.",
    # a saved ClinicalTrials.gov page that `triallens check` compared (official_page.saved_official_page), by which of
    # the two last updates is older ({page}: the page's, {record}: the record's): what its differences mean
    "official_page_saved_older": "This file is the trial's own page on ClinicalTrials.gov, saved when its last update "
                                 "was {page}; the record has been updated since ({record}), so the differences below "
                                 "are changes ClinicalTrials.gov made after this copy was saved, not mistakes on a "
                                 "site. Go by the record.",
    "official_page_saved_newer": "This file is the trial's own page on ClinicalTrials.gov, last updated {page}, newer "
                                 "than the copy of the record TrialLens compared it with ({record}), so the differences "
                                 "below may be changes that copy lacks. Go by ClinicalTrials.gov today.",
    "official_page_saved_unknown": "This file is the trial's own page on ClinicalTrials.gov, so a difference below is no "
                                   "site's mistake: the file may have been saved before the record changed, or TrialLens "
                                   "may have read it differently. Go by the record on ClinicalTrials.gov.",
    # (review round 5: "the trial's own record needs checking" did not say what it says)
    "nothing_but_overdue": "TrialLens found nothing on this page it could compare, but {whose} says the trial's "
                           "planned {end} has passed: see below.",
    "little_compared": "TrialLens found no status and no eligibility criteria it could read on this page, so it "
                       "compared only {shown}.",
    "copy_little_compared": "TrialLens found no status and no eligibility criteria it could read on this page. It "
                            "compared only {shown}, with its saved copy of the ClinicalTrials.gov record from {copy}.",
    # (message review round 2: a green "In sync" over a check that found 2 of 18 criteria)
    "few_criteria": "TrialLens found {counts} on this page; check the rest on ClinicalTrials.gov.",
    "copy_few_criteria": "{unasked}. It found {counts} on this page and compared what it found with its saved "
                         "copy of the record from {copy}; check the rest on ClinicalTrials.gov.",
}
# why the record was not asked (so a saved copy was used, or none), by Lookup.stale_reason, in the note's own words;
# "offline_cli": offline, said by the CLI. Any other reason (none said, a --record file) is "unreachable", which
# record_file then words as the file's.
WHY_UNASKED = {"gone": NOTES["record_gone"], "offline": UNASKED_OFFLINE, "offline_cli": UNASKED_OFFLINE_CLI,
               "busy": UNASKED_BUSY, "budget": UNASKED_BUDGET, "unreachable": UNASKED_UNREACHABLE}


def whose_record(copy: str | None) -> str:
    """Who says what a note quotes of the record: ClinicalTrials.gov's record, or TrialLens's saved copy of it from
    `copy` (a day in words) when it could not be refreshed. Named in full: "its record" read as TrialLens's own (r26 T6)."""
    return f"{SAVED_COPY} (from {copy})" if copy else "ClinicalTrials.gov's record"
