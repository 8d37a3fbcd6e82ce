"""Facts, plain-language claims and history: each finding backed by the record, none without."""

from datetime import date

import pytest

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.facts import same_sponsor

TODAY = date(2026, 11, 22)


def _record(**over) -> OfficialRecord:
    ps = {
        "identificationModule": {"nctId": "NCT06427642"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-06-27"},
                         "startDateStruct": {"date": "2024-05", "type": "ACTUAL"},
                         "primaryCompletionDateStruct": {"date": "2027-03-31", "type": "ESTIMATED"},
                         "completionDateStruct": {"date": "2027-12-31", "type": "ESTIMATED"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Shandong Qilu Stem Cells Engineering Co., Ltd."}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1", "PHASE2"],
                         "enrollmentInfo": {"count": 60, "type": "ESTIMATED"}},
        "eligibilityModule": {"sex": "ALL", "minimumAge": "1 Day", "maximumAge": "28 Days",
                              "eligibilityCriteria": "Inclusion Criteria:\n\n* birth weight 401-1249 g"},
    }
    for path, value in over.items():
        mod, key = path.split("__")
        ps[mod][key] = value
    return OfficialRecord({"protocolSection": ps})


def _page(**kw) -> PageRecord:
    return PageRecord(site="clinconnect.io", nct_id="NCT06427642", **kw)


def _kinds(findings):
    return sorted((f.kind, f.field) for f in findings if f.about == "page")


def test_matching_facts_raise_nothing():
    page = _page(enrollment=60, phases=["PHASE2", "PHASE1"], study_type="INTERVENTIONAL",
                 sponsor="SHANDONG QILU STEM CELLS ENGINEERING CO., LTD.", start_date="2024-05-19",
                 completion_date="2027-03", sex="ALL", min_age=Age(1, "DAYS"), max_age=Age(4, "WEEKS"))
    assert _kinds(reconcile(page, _record(), TODAY)) == []


def test_each_fact_mismatch_quotes_both_values():
    page = _page(enrollment=80, phases=["PHASE3"], phase_text="Phase 3", study_type="OBSERVATIONAL",
                 start_date="2024-06", completion_date="2029", sex="FEMALE")
    found = reconcile(page, _record(), TODAY)
    assert _kinds(found) == [("fact_mismatch", f) for f in
                             ["completion_date", "enrollment", "phases", "sex", "start_date", "study_type"]]
    enrol = next(f for f in found if f.field == "enrollment")
    assert "80" in enrol.message and "60" in enrol.message


def test_age_unit_change_is_critical():
    page = _page(min_age=Age(1, "YEARS", "1 Year"), max_age=Age(28, "YEARS", "28 Years"))
    found = [f for f in reconcile(page, _record(), TODAY) if f.kind == "fact_mismatch"]
    assert {f.field for f in found} == {"min_age", "max_age"}
    assert all(f.severity == "critical" and f.evidence["unit_changed"] for f in found)
    assert "28 years" in found[0].message + found[1].message and "28 days" in found[0].message + found[1].message


def test_sponsor_tolerates_case_and_legal_suffixes_but_not_another_name():
    assert same_sponsor("Pfizer", ["Pfizer Inc."])
    assert same_sponsor("THE UNIVERSITY OF TEXAS HEALTH SCIENCE CENTER", ["University of Texas Health Science Center"])
    assert same_sponsor("Hoffmann-La Roche", ["Genentech, Inc.", "Hoffmann-La Roche AG"])
    assert not same_sponsor("Novartis Pharmaceuticals", ["Pfizer Inc."])
    found = reconcile(_page(sponsor="Novartis"), _record(), TODAY)
    assert _kinds(found) == [("fact_mismatch", "sponsor")]


def test_summary_age_without_unit_for_newborn_trial():
    text = ("To participate in the trial, children aged 1 to 28 who have been diagnosed with HIE may be eligible. "
            "This trial is currently recruiting participants.")
    found = reconcile(_page(plain_summary=text), _record(), TODAY)
    age = [f for f in found if f.kind == "plain_age"]
    assert len(age) == 1 and age[0].severity == "critical"
    assert "aged 1 to 28" in age[0].message and "1 day to 28 days" in age[0].message
    assert not [f for f in found if f.kind == "plain_status"]  # the record says recruiting: true claim


def test_summary_age_without_unit_is_fine_for_adults_in_years():
    rec = _record(eligibilityModule__minimumAge="18 Years", eligibilityModule__maximumAge="65 Years")
    assert not reconcile(_page(plain_summary="Adults aged 18 to 65 may join."), rec, TODAY)
    found = reconcile(_page(plain_summary="Adults aged 18 to 70 years may join."), rec, TODAY)
    assert _kinds(found) == [("plain_age", "plain_summary")]


def test_summary_recruiting_claim_for_completed_trial_is_critical():
    rec = _record(statusModule__overallStatus="COMPLETED")
    found = reconcile(_page(plain_summary="This trial is currently recruiting participants."), rec, TODAY)
    claim = [f for f in found if f.kind == "plain_status"]
    assert claim and claim[0].severity == "critical" and "completed" in claim[0].message
    # a negated phrase is not a claim that it recruits
    assert not [f for f in reconcile(_page(plain_summary="The study is not currently recruiting."), rec, TODAY)
                if f.kind == "plain_status"]


@pytest.mark.parametrize("text", [
    # TrialFinderData's plain-English criteria: a criterion about the participant, not the trial
    "Who May Qualify: 1. Are enrolling in a qualifying CPCRA AR therapeutic study. 2. Are 13 years or older.",
    "Patients may be eligible for this study if they: Are enrolling in a qualifying study.",
    "People who are currently enrolling in another trial cannot join.",
    "1. Are currently enrolling in the parent study",
])
def test_a_criterion_about_enrolling_is_not_a_status_claim(text):
    rec = _record(statusModule__overallStatus="COMPLETED")
    assert not [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_status"]


@pytest.mark.parametrize("text", [
    "This study is enrolling in 12 countries. Who May Qualify: 1. Adults aged 18 or older.",
    "The trial is now recruiting. Who may qualify: adults.",
    "Currently recruiting participants aged 18 to 70 years.",
    "We are recruiting patients with asthma.",
])
def test_the_trial_s_own_status_claim_is_still_checked(text):
    rec = _record(statusModule__overallStatus="COMPLETED")
    assert [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_status"]


def test_summary_age_in_minutes_is_read_with_its_unit():
    """NCT00494702 (resuscitation at birth) enrols from 1 to 3 minutes of age: a summary that
    says "minutes" is right; without a unit a reader assumes years."""
    rec = _record(eligibilityModule__minimumAge="1 Minute", eligibilityModule__maximumAge="3 Minutes")
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_age"]
    assert not said("People aged 1 to 3 minutes may be able to take part.")
    assert not said("Babies aged 1 to 3 mins may take part.")
    assert said("People aged 1 to 3 may be able to take part.")[0].evidence["unit_missing"]
    assert "3 months" in said("People aged 1 to 3 months may be able to take part.")[0].message


def test_a_decimal_before_the_next_number_is_not_list_numbering():
    """NCT00491803 on TrialFinderData: "Who May Qualify: 1. COPD (FEV1/FVC<0.7) 2. Age 40-75": the
    "7)" of 0.7 was stripped as a list number, leaving "less than 0", a figure the record lacks."""
    crit = "Inclusion Criteria:\n\n* COPD (FEV1/FVC<0.7)\n* Age 40-75\n* Pulmonary hypertension (Vmax TI>=2.8m/sec)"
    rec = _record(eligibilityModule__eligibilityCriteria=crit)
    text = "Who May Qualify: 1. COPD (FEV1/FVC\\<0.7) 2. Age 40-75 3. Pulmonary hypertension (Vmax TI\\>=2.8m/sec)"
    assert not [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_number"]
    # a figure the record does not hold is still found
    found = [f for f in reconcile(_page(plain_summary=text.replace("0.7", "0.6")), rec, TODAY) if f.kind == "plain_number"]
    assert found and "0.6" in found[0].message


def test_a_figure_right_before_the_next_list_number_is_kept():
    """"… at least 5. 6) No prior therapy": the 5 is the criterion's figure and the 6) the list
    number. Both were stripped as numbering, so a changed figure there went unseen. Numbering
    after a full stop ("… and over 4. Sex: …") is still dropped."""
    crit = "Inclusion Criteria:\n\n* Age 18 and over\n* Karnofsky score at least 5\n* No prior therapy"
    rec = _record(eligibilityModule__eligibilityCriteria=crit)
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_number"]
    text = "Who May Qualify: 4. Age 18 and over 5. Karnofsky score at least {}. 6) No prior therapy"
    assert not said(text.format(5))
    found = said(text.format(7))
    assert found and '"7"' in found[0].message
    found = said("Who May Qualify: 4. Age 18 and over 5. Hemoglobin > 9. 6) No prior therapy")
    assert found and '"9"' in found[0].message


def test_a_figure_equal_to_the_enrollment_count_is_no_duration():
    """NCT00002915 on TrialFinderData enrolled 19: "Life expectancy: At least 19 weeks" where the record
    says 12 weeks was taken for a figure the record states. The count stands for a count only."""
    crit = "Inclusion Criteria:\n\n* Age: Over 18\n* Life expectancy: At least 12 weeks"
    rec = _record(eligibilityModule__eligibilityCriteria=crit,
                  designModule__enrollmentInfo={"count": 19, "type": "ACTUAL"})
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_number"]
    assert not said("Who May Qualify: 1. Age: Over 18 2. Life expectancy: At least 12 weeks")
    found = said("Who May Qualify: 1. Age: Over 18 2. Life expectancy: At least 19 weeks")
    assert found and "19 weeks" in found[0].message
    # the count itself, said as a count, is no alarm
    assert not said("Who May Qualify: 1. Age: Over 18 2. Life expectancy: At least 12 weeks 3. At least 19 participants")


def test_a_figure_is_vouched_for_only_with_its_unit():
    """NCT00002915's minimum age is "19 Years": that does not make "Life expectancy: At least 19
    weeks" a figure the record states (it says 8 weeks). A figure the record gives without a unit
    still vouches for one with a unit, and one without a unit for any."""
    crit = "Inclusion Criteria:\n\n* Age: Over 18\n* Life expectancy: At least 8 weeks\n* Hemoglobin at least 9"
    rec = _record(eligibilityModule__eligibilityCriteria=crit, eligibilityModule__minimumAge="19 Years")
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_number"]
    found = said("Who May Qualify: 1. Age: Over 18 2. Life expectancy: At least 19 weeks")
    assert found and "19 weeks" in found[0].message
    assert not said("Who May Qualify: 1. Age: Over 18 2. Life expectancy: At least 8 weeks")
    assert not said("Who May Qualify: 1. You must be at least 19 years old 2. Hemoglobin at least 9 g/dL")


def test_a_span_of_time_is_not_vouched_for_by_a_bare_figure_outside_the_criteria():
    """NCT00007670: "Veterans 63 years of age or older" on a page, where the criteria say 60; an
    unrelated bare "63" elsewhere in the record (here the title) made it a figure the record states. A bare figure in the criteria
    themselves still vouches ("Life expectancy: 12" for "12 weeks"); a span with another unit does not."""
    crit = "Inclusion Criteria:\n\n* Veterans 60 years of age or older\n* Life expectancy: 12\n* 6 cycles of chemotherapy"
    rec = _record(eligibilityModule__eligibilityCriteria=crit,
                  identificationModule__briefTitle="Seizure treatment for 63 veterans with new onset seizures")
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_number"]
    found = said("Who May Qualify: 1. Veterans 63 years of age or older")
    assert found and "63 years" in found[0].message
    assert not said("Who May Qualify: 1. Veterans 60 years of age or older 2. Life expectancy: At least 12 weeks")
    found = said("Who May Qualify: 1. Veterans 60 years of age or older 2. Life expectancy: At least 6 months")
    assert found and "6 months" in found[0].message


def test_summary_enrollment_count():
    found = reconcile(_page(plain_summary="The study will enroll 120 participants."), _record(), TODAY)
    assert [(f.kind, f.page_value, f.official_value) for f in found if f.about == "page"] == [
        ("plain_enrollment", "enroll 120 participants", 60)]
    assert not [f for f in reconcile(_page(plain_summary="It will enroll about 58 patients."), _record(), TODAY)
                if f.about == "page"]


def test_summary_enrollment_the_record_itself_states_is_no_alarm():
    """NCT00004467 enrolled 173, but its own criteria text says the study "will involve approximately
    200 patients": a page repeating that sentence is not wrong about the record."""
    crit = "Inclusion Criteria:\n\n* This is a phase III blinded study, which will involve approximately 200 patients."
    rec = _record(eligibilityModule__eligibilityCriteria=crit)
    said = lambda text: [f for f in reconcile(_page(plain_summary=text), rec, TODAY) if f.kind == "plain_enrollment"]
    assert not said("Who May Qualify: 1. This is a phase III blinded study, which will involve approximately 200 patients.")
    assert said("The study will enroll 300 participants.")


def test_history_says_page_was_right_at_its_date():
    rec = _record(statusModule__overallStatus="COMPLETED",
                  statusModule__lastUpdatePostDateStruct={"date": "2026-02-10"})
    history = [{"status": "RECRUITING", "last_update_posted": "2025-03-01", "fetched_at": "2025-03-02T00:00:00Z"},
               {"status": "ACTIVE_NOT_RECRUITING", "last_update_posted": "2025-09-15", "fetched_at": "2025-09-20"}]
    page = _page(status="RECRUITING", status_text="Recruiting", as_of="2025-06-27", as_of_text="Current as of June 27, 2025")
    found = reconcile(page, rec, TODAY, history=history)
    since = [f for f in found if f.kind == "status_changed_since"]
    assert since and since[0].evidence["changed_on"] == "2025-09-15"
    assert "active, not recruiting" in since[0].message
    assert {"status_drift", "page_stale"} <= {f.kind for f in found}
    # without history, or when the page was already wrong at its date, no such finding
    assert not [f for f in reconcile(page, rec, TODAY) if f.kind == "status_changed_since"]
    wrong = [{"status": "ACTIVE_NOT_RECRUITING", "last_update_posted": "2025-03-01"}]
    assert not [f for f in reconcile(page, rec, TODAY, history=wrong) if f.kind == "status_changed_since"]


def test_reconcile_is_deterministic_and_ordered():
    page = _page(enrollment=80, sex="FEMALE", status="RECRUITING", status_text="Recruiting",
                 plain_summary="Children aged 1 to 28 may join.")
    rec = _record(statusModule__overallStatus="COMPLETED")
    a = [f.to_dict() for f in reconcile(page, rec, TODAY)]
    assert a == [f.to_dict() for f in reconcile(page, rec, TODAY)]
    order = {"critical": 0, "warning": 1, "info": 2}
    assert [order[f["severity"]] for f in a] == sorted(order[f["severity"]] for f in a)


def test_recruiting_page_for_unknown_status_is_a_warning_naming_the_last_known_status():
    rec = _record(statusModule__overallStatus="UNKNOWN", statusModule__lastKnownStatus="RECRUITING")
    drift = [f for f in reconcile(_page(status="RECRUITING", status_text="Recruiting"), rec, TODAY)
             if f.kind == "status_drift"]
    assert [(f.severity, f.official_value) for f in drift] == [("warning", "UNKNOWN")]
    assert '"Unknown status"' in drift[0].message and 'last known: "recruiting"' in drift[0].message


def test_open_to_open_status_change_is_a_warning():
    rec = _record(statusModule__overallStatus="ENROLLING_BY_INVITATION")
    drift = [f for f in reconcile(_page(status="RECRUITING", status_text="Recruiting"), rec, TODAY)
             if f.kind == "status_drift"]
    assert [f.severity for f in drift] == ["warning"] and "enrolling by invitation" in drift[0].message


# a stored copy of the record that could not be refreshed: current only as of when it was fetched
COPY = "2025-07-01T00:00:00Z"


@pytest.mark.parametrize("copy_status,page_status,page_text,as_of,kind,severity", [
    # a status the trial could have reached since the copy: the page may be the newer one
    ("RECRUITING", "COMPLETED", "Completed", None, "unconfirmed", "info"),
    ("NOT_YET_RECRUITING", "RECRUITING", "Recruiting", "2026-01-05", "unconfirmed", "info"),
    ("SUSPENDED", "RECRUITING", "Recruiting", None, "unconfirmed", "info"),   # a suspended trial can resume
    # one it cannot have come to: the page is behind whatever the record says now
    ("COMPLETED", "RECRUITING", "Recruiting", None, "status_drift", "critical"),
    ("ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "Not yet recruiting", None, "status_drift", "critical"),
    # the page says it was updated before the copy was taken: the copy was current after the page's claim
    ("RECRUITING", "COMPLETED", "Completed", "2025-05-01", "status_drift", "warning"),
    # UNKNOWN is no stage: "unknown" stands as ClinicalTrials.gov said it
    ("UNKNOWN", "COMPLETED", "Completed", None, "status_drift", "warning"),
])
def test_a_status_the_trial_could_have_reached_since_a_stale_copy_is_not_called_wrong(
        copy_status, page_status, page_text, as_of, kind, severity):
    rec = _record(statusModule__overallStatus=copy_status)
    page = _page(status=page_status, status_text=page_text, as_of=as_of)
    found = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.field == "status" and f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == [(kind, severity)]
    if kind == "unconfirmed":
        assert "(from 1 Jul 2025)" in found[0].message and "may be right" in found[0].message
    # a copy current now (refreshed, or within its time to live): the same page is checked as before
    fresh = [f for f in reconcile(page, rec, TODAY) if f.field == "status" and f.about == "page"]
    assert [f.kind for f in fresh] == ["status_drift"]


def test_a_closed_claim_in_prose_against_a_stale_open_copy_is_not_called_wrong():
    rec = _record()   # recruiting
    page = _page(plain_summary="This study has been completed. Thank you to all who took part.")
    stale = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "page"]
    fresh = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert [f.kind for f in fresh if f.kind.endswith("status")] == ["plain_status"]
    assert [(f.kind, f.evidence.get("was")) for f in stale] == [("unconfirmed", "plain_status")]
    # "currently recruiting" against a stale copy saying completed: the page is behind, still an alarm
    closed = _record(statusModule__overallStatus="COMPLETED")
    recruiting = _page(plain_summary="This study is currently recruiting participants.")
    assert [f.kind for f in reconcile(recruiting, closed, TODAY, copy_as_of=COPY) if f.about == "page"
            and "status" in f.kind] == ["plain_status"]


@pytest.mark.parametrize("page_kw,field", [
    ({"enrollment": 45}, "enrollment"),                        # estimated 60, then 45 actually enrolled
    ({"completion_date": "2028-06-30"}, "completion_date"),     # the completion date moved
    ({"start_date": "2024-09"}, "start_date"),
])
def test_facts_that_change_over_a_trials_life_are_not_called_wrong_against_a_stale_copy(page_kw, field):
    rec = _record()
    fresh = [f for f in reconcile(_page(**page_kw), rec, TODAY) if f.about == "page"]
    assert [(f.kind, f.field) for f in fresh] == [("fact_mismatch", field)]
    stale = [f for f in reconcile(_page(**page_kw), rec, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.field, f.severity) for f in stale] == [("unconfirmed", field, "info")]
    assert "may have changed since" in stale[0].message
    # ages, sex and phases are not what a record's updates change: still alarms against a stale copy
    other = _page(sex="MALE", **page_kw)
    kinds = {(f.kind, f.field) for f in reconcile(other, rec, TODAY, copy_as_of=COPY) if f.about == "page"}
    assert ("fact_mismatch", "sex") in kinds and ("unconfirmed", field) in kinds


def test_an_enrollment_in_the_summary_against_a_stale_copy_is_quoted_as_the_page_says_it():
    page = _page(plain_summary="The study will enroll 45 participants.")
    stale = [f for f in reconcile(page, _record(), TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.evidence["was"]) for f in stale] == [("unconfirmed", "plain_enrollment")]
    assert stale[0].message.startswith('This page says "enroll 45 participants", but TrialLens\'s saved copy of the '
                                       "ClinicalTrials.gov record (from 1 Jul 2025) says 60 participants;")


def test_the_records_own_overdue_signs_say_what_a_stale_copy_says_not_what_the_registry_still_says():
    """Offline, the record is a copy taken on COPY: "ClinicalTrials.gov still says not yet recruiting, 12 months after
    the planned start" claimed what the registry says today (the UI review found the card saying it of a copy taken
    before the planned start). Against a stale copy the message quotes the copy and its date; a current record's
    wording is unchanged."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__startDateStruct={"date": "2025-12-01", "type": "ESTIMATED"},
                  statusModule__statusVerifiedDate="2023-05")
    page = _page(status="NOT_YET_RECRUITING", status_text="Not yet recruiting")
    stale = {f.field: f.message for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "registry"}
    assert stale["status"] == ("TrialLens's saved copy of the ClinicalTrials.gov record, from 1 Jul 2025, says \"not yet "
                               "recruiting\", and the planned start (1 Dec 2025) was 12 months ago; check its status on "
                               "ClinicalTrials.gov today, and if it has not changed, ask the study team whether it has "
                               "opened.")   # (today's record first: it may settle it; review round 5)
    # how long the status had gone unconfirmed when the copy was saved (25 months), not until today (the copy's age)
    assert stale["status_verified"] == ("When TrialLens saved its copy of the ClinicalTrials.gov record (1 Jul 2025), the "
                                        "sponsor (the group running the trial) had not confirmed this trial's status for "
                                        "over 2 years (since May 2023). A status not confirmed for over 2 years may be "
                                        "out of date: check it with the study team.")
    fresh = {f.field: f.message for f in reconcile(page, rec, TODAY) if f.about == "registry"}
    assert fresh["status"].startswith('ClinicalTrials.gov still says "not yet recruiting", 12 months after the planned start')
    # a copy saved when the status was freshly confirmed says nothing of the sponsor since: no finding
    recent = _record(statusModule__overallStatus="RECRUITING", statusModule__statusVerifiedDate="2025-06")
    assert not [f for f in reconcile(_page(status="RECRUITING", status_text="Recruiting"), recent, TODAY, copy_as_of=COPY)
                if f.kind == "registry_unverified"]
    assert [f.kind for f in reconcile(_page(status="RECRUITING", status_text="Recruiting"), recent, TODAY)
            if f.kind == "registry_unverified"] == ["registry_unverified"]   # (a current record: 17 months)


def test_within_a_severity_the_status_comes_first():
    """The e2e "drifted" card listed a stale "Last Updated" warning above "This page says RECRUITING, but
    ClinicalTrials.gov says the trial is not yet recruiting": the status is what a reader acts on."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__lastUpdatePostDateStruct={"date": "2025-11-18"},
                  statusModule__startDateStruct={"date": "2027-01", "type": "ESTIMATED"})
    page = _page(status="RECRUITING", status_text="RECRUITING", as_of="2025-06-01", as_of_text="Last Updated: 2025-06-01")
    found = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    fields = [(f.severity, f.field) for f in found]
    assert ("warning", "as_of") in fields and fields[0][1] == "status", fields


def test_a_quote_is_cut_at_a_words_end():
    """The message review found quotes cut mid-word ("transformati…")."""
    from scrapers.reconcile.finding import quote
    text = "Patients with a history of myelodysplastic syndrome or acute leukemia or other transformation of the disease"
    assert quote(text) == "Patients with a history of myelodysplastic syndrome or acute leukemia or other…"
    assert quote("x" * 120) == "x" * 89 + "…"   # one long word: cut where the limit falls
    assert quote("short") == "short"


# --------------------------------------------------------------------------- how messages read (message review)

_ISO = __import__("re").compile(r"\b\d{4}-\d{2}\b")


def _unquoted(message: str) -> str:
    """A message without what it quotes (a page's own "Last Updated: 2025-06-01" stays as the page says it)."""
    return __import__("re").sub(r'"[^"]*"', '""', message)


def test_messages_give_dates_as_the_card_shows_them_and_quote_statuses():
    """The card's rows say "18 Nov 2025" right under a message that said "2025-11-18" and "in 2025-06": every date a
    message gives is written the card's way, and a status is quoted so "active, not recruiting" reads as one."""
    rec = _record(statusModule__overallStatus="ACTIVE_NOT_RECRUITING",
                  statusModule__lastUpdatePostDateStruct={"date": "2026-02-10"},
                  statusModule__statusVerifiedDate="2024-03",
                  statusModule__completionDateStruct={"date": "2026-03-31", "type": "ESTIMATED"})
    history = [{"status": "RECRUITING", "last_update_posted": "2025-03-01"},
               {"status": "ACTIVE_NOT_RECRUITING", "last_update_posted": "2025-09-15"}]
    page = _page(status="RECRUITING", status_text="Recruiting", as_of="2025-06-27", as_of_text="Updated 2025-06-27",
                 start_date="2024-06", completion_date="2029")
    found = {f.kind + ":" + f.field: f.message for f in reconcile(page, rec, TODAY, history=history)}
    assert {"status_drift:status", "page_stale:as_of", "status_changed_since:status", "registry_overdue:completion_date",
            "registry_unverified:status_verified", "fact_mismatch:start_date", "fact_mismatch:completion_date"} <= set(found)
    for kind, message in found.items():
        assert not _ISO.search(_unquoted(message)), (kind, message)
    assert found["status_drift:status"] == ('This page says "Recruiting", but ClinicalTrials.gov says the trial is '
                                            '"active, not recruiting", so it is not taking new participants.')
    assert found["status_changed_since:status"] == (
        'This page was right when it was last updated (27 Jun 2025), as far as TrialLens knows: the record\'s last '
        'update before then, on 1 Mar 2025, said the trial was "recruiting", and by 15 Sep 2025 its '
        'ClinicalTrials.gov record had changed to "active, not recruiting".')
    assert found["page_stale:as_of"].endswith("record was updated on 10 Feb 2026, 7 months later, so this page may "
                                              "miss recent changes.")
    assert found["registry_unverified:status_verified"].startswith(
        "The sponsor (the group running the trial) last confirmed this trial's status in Mar 2024, over 2 years ago. "
        "A status not confirmed for over 2 years may be out of date: check it with the study team.")
    assert found["registry_overdue:completion_date"].endswith("due to finish on 31 Mar 2026, 8 months ago; ask the "
                                                              "study team whether it has finished.")
    assert found["fact_mismatch:completion_date"] == ('This page gives the end date as "2029", but ClinicalTrials.gov '
                                                      "gives 31 Mar 2026 (planned).")


def test_fact_messages_say_what_the_records_words_mean():
    page = _page(enrollment=80, phases=["PHASE3"], phase_text="Phase 3", study_type="OBSERVATIONAL", sex="FEMALE")
    found = {f.field: f.message for f in reconcile(page, _record(), TODAY)}
    assert found["enrollment"] == "This page says 80 participants, but ClinicalTrials.gov says 60 participants (planned)."
    assert found["phases"] == 'This page says "Phase 3", but ClinicalTrials.gov gives the phase as "phase 1 and phase 2".'
    assert found["study_type"] == ("This page calls it an observational study, but ClinicalTrials.gov calls it an "
                                   "interventional study (one that tests a treatment).")
    assert found["sex"] == ("This page says the trial is open to females only, but ClinicalTrials.gov says it is open "
                            "to people of all sexes.")


def test_an_unknown_status_message_says_why_and_what_it_means_for_joining():
    rec = _record(statusModule__overallStatus="UNKNOWN", statusModule__lastKnownStatus="RECRUITING")
    open_page = [f for f in reconcile(_page(status="RECRUITING", status_text="Recruiting"), rec, TODAY)
                 if f.kind == "status_drift"]
    assert open_page[0].message == (
        'This page says "Recruiting", but ClinicalTrials.gov lists the trial\'s status as "Unknown status" (last known: '
        '"recruiting") because the sponsor has not confirmed it in over 2 years, so the trial may no longer be taking '
        "participants.")
    closed_page = [f for f in reconcile(_page(status="COMPLETED", status_text="Completed"), rec, TODAY)
                   if f.kind == "status_drift"]
    assert closed_page[0].message.endswith("has not confirmed it in over 2 years.")   # (no "may no longer be taking")


def test_a_status_wording_trialLens_cannot_read_is_said_in_its_own_voice():
    found = [f for f in reconcile(_page(status_text="Rekrutierung läuft"), _record(), TODAY) if f.kind == "cannot_compare"]
    assert found[0].message == ('TrialLens could not compare this page\'s status, "Rekrutierung läuft", with '
                                'ClinicalTrials.gov, which says "recruiting".')


@pytest.mark.parametrize("text, shown", [("2025-06", "Jun 2025"), ("2025-11-18", "18 Nov 2025"), ("2025", "2025"),
                                         ("2025-13", "2025-13"), ("March 2024", "March 2024"), (None, "")])
def test_human_date_writes_an_iso_date_the_cards_way_and_leaves_anything_else(text, shown):
    from scrapers.dates import human_date
    assert human_date(text) == shown


@pytest.mark.parametrize("months, said", [(13, "13 months"), (24, "2 years"), (25, "over 2 years"), (104, "over 8 years")])
def test_months_phrase_says_a_long_span_in_years(months, said):
    from scrapers.reconcile.finding import months_phrase
    assert months_phrase(months) == said


def test_a_long_page_value_is_quoted_short_in_the_message_and_kept_whole_in_the_finding():
    """The hostile fixture's "Last Updated" line carries a screenful of script text; the sentence quotes its start
    (the value rows and `page_value` keep it whole)."""
    shown = 'Last Updated: 2025-06-01 <img src=x onerror="window.__tlPwned=1"><script>window.__tlPwned=2</script>'
    page = _page(as_of="2025-06-01", as_of_text=shown)
    stale = [f for f in reconcile(page, _record(), TODAY) if f.kind == "page_stale"]
    assert stale[0].page_value == shown
    assert stale[0].message.startswith('This page says "Last Updated: 2025-06-01 <img src=x onerror="window.__tlPwn…", but')
    assert "<script>" not in stale[0].message


@pytest.mark.parametrize("official, kinds", [
    ("RECRUITING", [("status_drift", "warning")]),   # a reader would pass over a trial open to them
    ("COMPLETED", []), ("ACTIVE_NOT_RECRUITING", []), ("ENROLLING_BY_INVITATION", []),   # consistent: no one can ask
    ("UNKNOWN", [("cannot_compare", "info")]),
])
def test_a_status_wording_saying_no_one_can_join_is_checked_against_the_record(official, kinds):
    """"Closed", "Enrollment closed": no one status, so it was "could not check" whatever the record said."""
    from server.drift import summarize
    page = _page(status_text="Enrollment closed")
    rec = _record(statusModule__overallStatus=official)
    found = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert [(f.kind, f.severity) for f in found] == kinds
    verdict = summarize(page, rec, found)["verdict"]
    assert verdict == {"RECRUITING": "out_of_date", "UNKNOWN": "could_not_check"}.get(official, "in_sync")
    if official == "RECRUITING":
        assert found[0].message == ('This page says "Enrollment closed", but ClinicalTrials.gov says the trial is '
                                    '"recruiting", so it is taking new participants.')
        # against a copy that could not be refreshed the trial may have closed since: a note, not an alarm
        stale = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "page"]
        assert [(f.kind, f.evidence["was"]) for f in stale] == [("unconfirmed", "status_drift")]


def test_a_page_finding_against_a_saved_copy_quotes_the_copy_and_its_date():
    """The page said "Recruiting" on 1 Jun 2025 and the copy of 1 Jul 2025 says not yet recruiting: the alarm stands
    (the copy was current after the page's claim), but what "ClinicalTrials.gov says" today TrialLens did not ask."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING")
    page = _page(status="RECRUITING", status_text="Recruiting", as_of="2025-06-01", enrollment=80)
    found = {f.kind + ":" + f.field: f.message for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "page"}
    assert found["status_drift:status"] == (
        'This page says "Recruiting", but TrialLens\'s saved copy of the ClinicalTrials.gov record (from 1 Jul 2025) '
        'says the trial is "not yet recruiting", so it had not opened yet then.')
    assert found["fact_mismatch:enrollment"].startswith("This page says 80 participants, but TrialLens's saved copy")
    fresh = [f.message for f in reconcile(page, rec, TODAY) if f.kind == "status_drift"]
    assert fresh[0].startswith('This page says "Recruiting", but ClinicalTrials.gov says the trial is')


def test_status_notes_against_a_saved_copy_name_the_copy_and_its_time():
    rec = _record(statusModule__overallStatus="RECRUITING")
    odd = [f.message for f in reconcile(_page(status_text="Open (site pending)", as_of="2025-06-01"), rec, TODAY,
                                        copy_as_of=COPY) if f.kind == "cannot_compare"]
    assert odd == ['TrialLens could not compare this page\'s status, "Open (site pending)", with TrialLens\'s saved copy '
                   'of the ClinicalTrials.gov record (from 1 Jul 2025), which says "recruiting".']
    closed = [f.message for f in reconcile(_page(status_text="Enrollment closed", as_of="2025-06-01"), rec, TODAY,
                                           copy_as_of=COPY) if f.kind == "status_drift"]
    assert closed == ['This page says "Enrollment closed", but TrialLens\'s saved copy of the ClinicalTrials.gov record '
                      '(from 1 Jul 2025) says the trial is "recruiting", so it was taking new participants then.']


def test_a_record_past_both_its_start_and_its_end_says_so_once():
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__startDateStruct={"date": "2024-01", "type": "ESTIMATED"},
                  statusModule__completionDateStruct={"date": "2025-06-30", "type": "ESTIMATED"},
                  statusModule__primaryCompletionDateStruct={"date": "2025-03-31", "type": "ESTIMATED"})
    overdue = [f.field for f in reconcile(_page(), rec, TODAY) if f.kind == "registry_overdue"]
    assert overdue == ["status"]   # ("ask whether it has opened"; not also "ask whether it ever opened")


def test_a_criterion_the_page_adds_against_a_saved_copy_is_not_found_in_the_copy():
    from scrapers.reconcile.saved_copy import said_by_copy
    added = reconcile(_page(exclusion=["Intracranial hemorrhage on admission CT"],
                            inclusion=["birth weight 401-1249 g"]), _record(), TODAY)
    found = [f.message for f in said_by_copy(added, COPY) if f.kind == "criterion_added"]
    assert found == ['This page lists "Intracranial hemorrhage on admission CT" as a reason someone cannot join, but '
                     "TrialLens could not find it in its saved copy of the ClinicalTrials.gov record (from 1 Jul "
                     "2025)."]


@pytest.mark.parametrize("over", [
    {"statusModule__overallStatus": "NOT_YET_RECRUITING", "statusModule__startDateStruct": {"date": "2025-01"}},
    {"statusModule__overallStatus": "RECRUITING", "statusModule__completionDateStruct": {"date": "2025-06-30"}},
    {"statusModule__overallStatus": "COMPLETED", "statusModule__completionDateStruct": {"date": "2025-06-30"}},
    {},
])
def test_overdue_field_is_the_field_of_check_registrys_overdue_finding(over):
    """The listing badges ask overdue_field instead of building every registry message; the two must agree."""
    from scrapers.reconcile.status import check_registry, overdue_field
    rec = _record(**over)
    found = next((f.field for f in check_registry(rec, TODAY) if f.kind == "registry_overdue"), None)
    assert overdue_field(rec, TODAY) == found


def test_a_saved_copy_nothing_dates_is_named_as_such_and_backs_no_alarm_about_what_may_have_changed():
    """A record bundled with no date in it (NCT06495437) used to be dated the minute it was seeded: "from 5 Dec 2026
    (5 minutes ago)". The store now says its date is unknown (Lookup.copy_as_of is UNDATED), and reconcile treats such
    a copy as possibly older than any page: what could have changed is unconfirmed even against a page dated before
    the dated copy COPY, and every message names the copy "from an unknown date"."""
    from scrapers.registry.freshness import UNDATED

    rec = _record()   # recruiting
    page = _page(status="COMPLETED", status_text="Completed", as_of="2025-05-01")
    dated = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.field == "status" and f.about == "page"]
    assert [f.kind for f in dated] == ["status_drift"]   # (the dated copy is newer than the page: the alarm stands)
    undated = [f for f in reconcile(page, rec, TODAY, copy_as_of=UNDATED) if f.field == "status" and f.about == "page"]
    assert [(f.kind, f.severity) for f in undated] == [("unconfirmed", "info")]
    assert "TrialLens's saved copy of the ClinicalTrials.gov record (from an unknown date) says" in undated[0].message
    # a finding that stands (sex is no fact a record's updates change) quotes the copy, not ClinicalTrials.gov today
    sex = [f for f in reconcile(_page(sex="MALE"), rec, TODAY, copy_as_of=UNDATED) if f.field == "sex"]
    assert sex and "ClinicalTrials.gov says" not in sex[0].message
    assert "TrialLens's saved copy of the ClinicalTrials.gov record (from an unknown date)" in sex[0].message
    # the record's own overdue sign: what the copy says, never what ClinicalTrials.gov "still says"
    late = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                   statusModule__startDateStruct={"date": "2025-12-01", "type": "ESTIMATED"},
                   statusModule__statusVerifiedDate="2023-05")
    registry = {f.field: f.message for f in reconcile(_page(), late, TODAY, copy_as_of=UNDATED) if f.about == "registry"}
    assert registry["status"].startswith("TrialLens's saved copy of the ClinicalTrials.gov record, from an unknown date, "
                                         'says "not yet recruiting", and the planned start (1 Dec 2025) was 12 months ago')
    assert registry["status_verified"].startswith("In TrialLens's saved copy of the ClinicalTrials.gov record (from an "
                                                  "unknown date), the sponsor (the group running the trial) had last "
                                                  "confirmed this trial's status in May 2023")
    assert not any("still says" in m for m in registry.values())


def test_against_a_saved_copy_the_first_finding_names_it_in_full_and_the_rest_briefly():
    """Review round 5: "TrialLens's saved copy of the ClinicalTrials.gov record (from 1 Jul 2025)" in every finding
    pushed the findings off the card's first screen; the status line, the note and the footer give the date too."""
    page = _page(sex="MALE", phases=["PHASE3"], phase_text="Phase 3", study_type="OBSERVATIONAL")
    found = [f for f in reconcile(page, _record(), TODAY, copy_as_of=COPY) if f.about == "page"]
    assert len(found) >= 3
    assert "TrialLens's saved copy of the ClinicalTrials.gov record (from 1 Jul 2025)" in found[0].message
    for f in found[1:]:
        assert "TrialLens's saved copy" in f.message and "1 Jul 2025" not in f.message, f.message
