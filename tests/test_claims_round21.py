"""Review round 21, P4, P5 and P8: a summary's "currently recruiting" of a trial not yet recruiting or by invitation,
a summary that drops the maximum age ("aged 35 years and older" for 35 to 78), and "Active" on a trial that is over.
Each case is the reviewer's reproducer, or the rule that keeps a faithful page quiet."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import is_alarm, reconcile

TODAY = date(2026, 11, 22)
COPY = "2025-07-01T00:00:00Z"   # a stored copy of the record that could not be refreshed
CRIT = "Inclusion Criteria:\n\n  -  Diagnosis of asthma\n\nExclusion Criteria:\n\n  -  Pregnancy\n"


def _record(status: str = "RECRUITING", minimum: str | None = "18 Years", maximum: str | None = None,
            criteria: str = CRIT, summary: str | None = None) -> OfficialRecord:
    elig = {"eligibilityCriteria": criteria, "sex": "ALL"}
    if minimum:
        elig["minimumAge"] = minimum
    if maximum:
        elig["maximumAge"] = maximum
    ps = {"identificationModule": {"nctId": "NCT09990021", "briefTitle": "A Study of Something"},
          "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2026-02-10"}},
          "eligibilityModule": elig}
    if summary:
        ps["descriptionModule"] = {"briefSummary": summary}
    return OfficialRecord({"protocolSection": ps})


def _said(record: OfficialRecord, copy_as_of: str | None = None, **page) -> list[tuple[str, str, str]]:
    found = reconcile(PageRecord(site="clinconnect.io", nct_id="NCT09990021", **page), record, TODAY,
                      copy_as_of=copy_as_of)
    return [(f.kind, f.severity, f.message) for f in found if f.about == "page" and f.field in ("status", "plain_summary")]


# --------------------------------------------------------------------------- P4: "currently recruiting"

RECRUITING = "This trial is currently recruiting participants."


@pytest.mark.parametrize("status,ending", [
    ("NOT_YET_RECRUITING", '"not yet recruiting", so it has not opened yet.'),
    ("ENROLLING_BY_INVITATION", '"enrolling by invitation", so only people the study team invites can join.'),
])
def test_currently_recruiting_of_a_trial_not_open_to_all_is_a_warning(status, ending):
    assert _said(_record(status), plain_summary=RECRUITING) == [(
        "plain_status", "warning",
        f'This page\'s summary says the trial "is currently recruiting", but ClinicalTrials.gov says it is {ending}')]


def test_currently_recruiting_of_a_recruiting_trial_and_by_invitation_in_its_own_words_say_nothing():
    assert _said(_record("RECRUITING"), plain_summary=RECRUITING) == []
    assert _said(_record("ENROLLING_BY_INVITATION"),
                 plain_summary="The study is currently enrolling by invitation only.") == []
    assert _said(_record("NOT_YET_RECRUITING"), plain_summary="The study is not yet recruiting.") == []


def test_currently_recruiting_against_a_saved_copy():
    """A copy saying not yet recruiting may be older than the trial's opening: a note. A copy saying by invitation
    stays an alarm (the trial cannot have moved to "recruiting" from there), in the copy's words and tense."""
    nyr = _said(_record("NOT_YET_RECRUITING"), COPY, plain_summary=RECRUITING)
    assert [(k, s) for k, s, _ in nyr] == [("unconfirmed", "info")]
    ebi = _said(_record("ENROLLING_BY_INVITATION"), COPY, plain_summary=RECRUITING)
    assert ebi == [("plain_status", "warning",
                    'This page\'s summary says the trial "is currently recruiting", but TrialLens\'s saved copy of the '
                    'ClinicalTrials.gov record (from 1 Jul 2025) says it is "enrolling by invitation", so only people '
                    "the study team invited could join then.")]


def test_recruiting_field_of_a_trial_by_invitation_says_who_may_join():
    rec = _record("ENROLLING_BY_INVITATION")
    assert _said(rec, status="RECRUITING", status_text="Recruiting") == [(
        "status_drift", "warning", 'This page says "Recruiting", but ClinicalTrials.gov says the trial is "enrolling '
        'by invitation", so only people the study team invites can join.')]
    assert _said(rec, COPY, status="RECRUITING", status_text="Recruiting")[0][2].endswith(
        '"enrolling by invitation", so only people the study team invited could join then.')


def test_recruiting_field_of_a_trial_not_yet_recruiting_says_it_has_not_opened():
    """As the summary's claim is said: a reader told "Recruiting" needs to know the trial has not opened yet."""
    rec = _record("NOT_YET_RECRUITING")
    assert _said(rec, status="RECRUITING", status_text="Recruiting") == [(
        "status_drift", "warning", 'This page says "Recruiting", but ClinicalTrials.gov says the trial is "not yet '
        'recruiting", so it has not opened yet.')]
    # against a saved copy the trial may have opened since: the page may be right
    assert _said(rec, COPY, status="RECRUITING", status_text="Recruiting")[0][2].endswith("this page may be right.")


# --------------------------------------------------------------------------- P5: no maximum age

@pytest.mark.parametrize("summary,shown", [
    ("People aged 35 years and older may be able to take part.", "aged 35 years and older"),
    ("Adults 35+ may join this study.", "Adults 35+"),
    ("To join, you must be 35 years of age or older.", "35 years of age or older"),
])
def test_a_summary_that_drops_the_maximum_age_is_critical(summary, shown):
    """NCT00463502 (35 to 78 years): the page field's "35+ years old" was critical, its summary's words nothing."""
    assert _said(_record(minimum="35 Years", maximum="78 Years"), plain_summary=summary) == [(
        "plain_age", "critical", f'This page\'s summary says there is no upper age limit ("{shown}"), but '
        "ClinicalTrials.gov says the maximum age is 78 years.")]


def test_a_summary_without_a_maximum_against_a_high_one_is_information():
    """A record maximum of 90 years or more is how registrants say "no limit" (facts.HIGH_MAXIMUM)."""
    said = _said(_record(maximum="99 Years"), plain_summary="People aged 18 years and older may be able to take part.")
    assert [(k, s) for k, s, _ in said] == [("plain_age", "info")]
    assert said[0][2].endswith("so only people older than that are left out.")


@pytest.mark.parametrize("summary", [
    "People aged 35 to 78 years may be able to take part.",                     # the range, as ClinConnect says it
    "People aged 35 years and older, up to 78 years, may be able to take part.",
    "Adults 35 years and older may join; the upper age limit is 78.",
    "You must be 35 years or older and no older than 78 to join.",
    "People 65 years and older are excluded from this study.",                  # a reason to stay out
    "The disease is common in people aged 35 years and older.",                 # not about joining
    "Patients treated for 10 years or over may be eligible.",                   # a length of time, not an age
])
def test_a_summary_that_gives_or_does_not_claim_a_maximum_says_nothing(summary):
    assert [k for k, s, _ in _said(_record(minimum="35 Years", maximum="78 Years"), plain_summary=summary)
            if s != "info" and k == "plain_age"] == []


def test_the_records_own_open_ended_words_back_the_page():
    """A summary's loose "adults 18 years and older" beside criteria that give the maximum: a page repeating the
    record's own words is not wrong about the record (review r20). Another figure is said as a figure the record
    does not give, not as a maximum the record's own words leave out too."""
    own = "This study will enroll adults 18 years of age or older with asthma."
    rec = _record(maximum="65 Years", summary=own)
    assert _said(rec, plain_summary="Adults 18 years and older may be able to take part.") == []
    assert [k for k, _, _ in _said(rec, plain_summary="Adults 21 years and older may be able to take part.")] \
        == ["plain_number"]
    assert [k for k, _, _ in _said(_record(maximum="65 Years"), plain_summary="Adults 18 years and older may be able "
                                   "to take part.")] == ["plain_age"]


# --------------------------------------------------------------------------- P8: "Active" on a trial that is over

@pytest.mark.parametrize("status,ending", [
    ("COMPLETED", '"completed", so it has ended and is not taking participants.'),
    ("TERMINATED", '"terminated", so it stopped early and is not taking participants.'),
    ("WITHDRAWN", '"withdrawn", so it stopped before anyone joined and is not taking participants.'),
])
@pytest.mark.parametrize("text", ["Active", "Ongoing", "In progress"])
def test_active_on_a_trial_that_is_over_is_a_warning(status, ending, text):
    said = _said(_record(status), status_text=text)
    assert said == [("status_drift", "warning", f'This page says "{text}", but ClinicalTrials.gov says the trial is '
                     + ending)]
    assert is_alarm(reconcile(PageRecord(site="clinconnect.io", nct_id="NCT09990021", status_text=text),
                              _record(status), TODAY)[0])


@pytest.mark.parametrize("text", ["Active", "Ongoing", "In progress"])
def test_active_on_a_suspended_trial_is_a_warning(text):
    """"Active" read either way (NCI's open to accrual, or "Active, not recruiting") hides that a suspended trial has
    stopped for now: a warning the record backs."""
    assert _said(_record("SUSPENDED"), status_text=text) == [(
        "status_drift", "warning", f'This page says "{text}", but ClinicalTrials.gov says the trial is "suspended", '
        "so it has stopped for now and is not taking participants.")]


def test_active_against_a_copy_of_a_suspended_trial_is_unconfirmed():
    """A suspended trial may resume: against a saved copy that could not be refreshed, "Active" may be the newer."""
    said = _said(_record("SUSPENDED"), COPY, status_text="Active")
    assert [(k, s) for k, s, _ in said] == [("unconfirmed", "info")]
    assert "TrialLens's saved copy" in said[0][2]


@pytest.mark.parametrize("status,ending", [
    ("COMPLETED", '"completed", so it has ended and is not taking participants.'),
    ("TERMINATED", '"terminated", so it stopped early and is not taking participants.'),
    ("WITHDRAWN", '"withdrawn", so it stopped before anyone joined and is not taking participants.'),
])
@pytest.mark.parametrize("text", ["Waitlist Available", "Wait-list Available", "Wait list available", "Waitlist",
                                  "Join the waitlist"])
def test_waitlist_on_a_trial_that_is_over_is_a_warning(status, ending, text):
    """Power's "Waitlist Available" names no one status, but tells a reader they can queue to join: wrong of a trial
    that is over, however the site spells it (R25 J1)."""
    assert _said(_record(status), status_text=text) == [(
        "status_drift", "warning", f'This page says "{text}", but ClinicalTrials.gov says the trial is ' + ending)]


@pytest.mark.parametrize("status", ["RECRUITING", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "SUSPENDED"])
def test_waitlist_on_a_trial_not_over_cannot_be_compared(status):
    """A waitlist may be real while a trial has not opened, is full or is paused: no alarm."""
    assert [k for k, _, _ in _said(_record(status), status_text="Waitlist Available")] == ["cannot_compare"]


@pytest.mark.parametrize("status", ["RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION"])
def test_active_on_a_trial_still_going_on_cannot_be_compared(status):
    """"Active" is NCI's word for recruiting and aggregators' for "Active, not recruiting": of a trial still going
    on, either reading may be right, so it stays "could not compare"."""
    assert [k for k, _, _ in _said(_record(status), status_text="Active")] == ["cannot_compare"]


def test_active_against_a_copy_of_a_completed_trial_stays_an_alarm_in_the_copys_words():
    said = _said(_record("COMPLETED"), COPY, status_text="Active")
    assert [(k, s) for k, s, _ in said] == [("status_drift", "warning")]
    assert said[0][2].startswith('This page says "Active", but TrialLens\'s saved copy of the ClinicalTrials.gov '
                                 "record (from 1 Jul 2025) says the trial is \"completed\"")


def test_active_on_a_page_dated_before_the_trial_ended_was_right_then():
    history = [{"status": "RECRUITING", "last_update_posted": "2025-03-01"},
               {"status": "ACTIVE_NOT_RECRUITING", "last_update_posted": "2025-09-15"}]
    page = PageRecord(site="clinconnect.io", nct_id="NCT09990021", status_text="Active", as_of="2025-06-27")
    found = {f.kind: f for f in reconcile(page, _record("COMPLETED"), TODAY, history=history)}
    assert found["status_changed_since"].message == (
        'This page was right when it was last updated (27 Jun 2025): the trial was "recruiting" then, but its '
        'ClinicalTrials.gov record changed to "completed" between 15 Sep 2025 and 10 Feb 2026.')
    assert found["status_drift"].severity == "warning"
    # already over at the page's date: the page was wrong then too
    over = [{"status": "COMPLETED", "last_update_posted": "2025-03-01"}]
    assert "status_changed_since" not in {f.kind for f in reconcile(page, _record("COMPLETED"), TODAY, history=over)}


@pytest.mark.parametrize("wording", ["Active", "Closed"])
def test_meddatax_bare_values_keep_a_status_wording_that_names_no_one_status(wording):
    """Review round 21 (72 pages): meddatax's bare-value layout dropped a status line it could not name ("Active"),
    so "Active" on a completed trial's page read as in sync. The line is kept as the page shows it (status None) and
    the status check says what it says; the values after it still read."""
    from conftest import FIXTURES, fixture_url
    from scrapers import scrape_html
    from scrapers.registry import load_demo_record

    path = FIXTURES / "html" / "meddatax.com" / "nct07041801_bare_values.html"
    src = path.read_text(encoding="utf-8")
    assert src.count("<div>RECRUITING</div>") == 1
    page = scrape_html(src.replace("<div>RECRUITING</div>", f"<div>{wording}</div>"), fixture_url(path))
    assert (page.status_text, page.status) == (wording, None)
    assert (page.phases, page.enrollment, page.start_date) == (["PHASE1", "PHASE2"], 58, "2025-06-28")
    record = load_demo_record(page.nct_id)
    found = [f for f in reconcile(page, record, TODAY) if f.field == "status" and f.about == "page"]
    if wording == "Active":   # (of a trial still recruiting: either reading may be right)
        assert [f.kind for f in found] == ["cannot_compare"]
        ps = record.data["protocolSection"]
        over = OfficialRecord({**record.data, "protocolSection": {**ps, "statusModule": {
            **ps["statusModule"], "overallStatus": "COMPLETED"}}})
        found = [f for f in reconcile(page, over, TODAY) if f.field == "status" and f.about == "page"]
        assert [(f.kind, f.severity) for f in found] == [("status_drift", "warning")]
        assert found[0].message.startswith('This page says "Active", but ClinicalTrials.gov says the trial is '
                                           '"completed"')
    else:   # ("Closed" of a recruiting trial)
        assert [(f.kind, f.severity) for f in found] == [("status_drift", "warning")]
