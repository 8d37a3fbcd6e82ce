"""Status and sex wordings a page words its own way (review round 10 c, P6, P8, P9): each is read as what it says,
and a disagreement the record backs is said as the other wordings' are, live and against a saved copy."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import pytest
from service_support import FakeRegistry, providers, record
from test_reconcile_facts import COPY, TODAY, _page, _record

from scrapers.reconcile import reconcile
from scrapers.registry import load_record_file
from scrapers.sites.common import leading_status
from scrapers.vocab import normalize_sex, normalize_status, says_not_taking
from server import create_app
from server.drift import summarize

from conftest import FIXTURES

# P6 -----------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, sex", [
    ("Women only", "FEMALE"), ("Females only", "FEMALE"), ("Female only", "FEMALE"), ("Girls only", "FEMALE"),
    ("WOMEN ONLY", "FEMALE"), ("Men only", "MALE"), ("Males only", "MALE"), ("Boys only", "MALE"), ("Male only", "MALE"),
    ("All genders", "ALL"), ("Any gender", "ALL"), ("Both genders", "ALL"), ("Female, Male", "ALL"),
    ("Male, Female", "ALL"), ("Male and Female", "ALL"), ("Women", "FEMALE"), ("Men", "MALE"), ("All", "ALL"),
])
def test_a_sex_wording_with_only_or_in_other_words_is_read(text, sex):
    assert normalize_sex(text) == sex


@pytest.mark.parametrize("text", ["Only", "Women and children", "Healthy volunteers only", "Gender", ""])
def test_a_wording_that_names_no_sex_stays_unread(text):
    assert normalize_sex(text) is None


MEDDATAX = FIXTURES / "html" / "meddatax.com" / "nct07232563_labelled.html"
MEDDATAX_URL = "https://meddatax.com/clinical-trials/NCT07232563"


def _annotate(html: str, url: str, rec, stale: bool = False) -> dict:
    registry = FakeRegistry(records={rec.nct_id: rec}, stale=stale)
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"}, providers=providers(registry))
    resp = app.test_client().post("/api/v1/annotate", json={"url": url, "html": html})
    assert resp.status_code == 200, resp.data[:300]
    return resp.get_json()


def _meddatax(old: str, new: str) -> str:
    html = MEDDATAX.read_text(encoding="utf-8")
    assert old in html
    return html.replace(old, new, 1)


@pytest.mark.parametrize("shown, said", [("Women only", "females only"), ("Females only", "females only"),
                                         ("Men only", "males only")])
def test_a_page_saying_women_only_of_a_trial_open_to_all_is_told_so(shown, said):
    """"Women only" was dropped, and the card said "Matches" of a page closing a trial to half its readers."""
    ann = _annotate(_meddatax("<dt>Sex</dt><dd>ALL</dd>", f"<dt>Sex</dt><dd>{shown}</dd>"), MEDDATAX_URL,
                    record("NCT07232563", "NOT_YET_RECRUITING"))
    sex = [f for f in ann["drift"]["findings"] if f["field"] == "sex"]
    assert [(f["kind"], f["severity"], f["message"]) for f in sex] == [(
        "fact_mismatch", "warning", f"This page says the trial is open to {said}, but ClinicalTrials.gov says it is "
                                    "open to people of all sexes.")]
    assert ann["drift"]["verdict"] == "differs"
    # the card's rows ("This page", "ClinicalTrials.gov") are these values: in the message's words, not the codes
    # "FEMALE" and "ALL" (review round 11c, N9)
    assert [(f["page_value"], f["official_value"]) for f in sex] == [(said, "people of all sexes")]


@pytest.mark.parametrize("shown", ["All genders", "Any gender", "Female, Male", "Male and Female"])
def test_a_page_saying_all_genders_of_a_trial_open_to_all_raises_nothing(shown):
    ann = _annotate(_meddatax("<dt>Sex</dt><dd>ALL</dd>", f"<dt>Sex</dt><dd>{shown}</dd>"), MEDDATAX_URL,
                    record("NCT07232563", "NOT_YET_RECRUITING"))
    assert ann["page"]["sex"] == "ALL"
    assert [f for f in ann["drift"]["findings"] if f["field"] == "sex"] == []


# P8 -----------------------------------------------------------------------------------------------------------------

NOT_ENROLLING = ["Not enrolling", "No longer enrolling", "Enrollment complete", "Closed to new patients"]


@pytest.mark.parametrize("text", NOT_ENROLLING)
def test_an_enrolling_wording_saying_no_one_can_join_is_such_a_wording(text):
    """The "enrolling" forms of the wordings says_not_taking knows ("Not recruiting", "Recruitment complete"): no
    one status (a trial no longer enrolling may be active or finished), but a claim the record can contradict."""
    assert says_not_taking(text) and normalize_status(text) is None


@pytest.mark.parametrize("text", NOT_ENROLLING + ["Closed"])
def test_not_enrolling_on_a_recruiting_trial_is_said_as_closed_is(text):
    rec = _record(statusModule__overallStatus="RECRUITING")
    live = [f for f in reconcile(_page(status_text=text), rec, TODAY) if f.about == "page"]
    assert [(f.kind, f.severity, f.message) for f in live] == [(
        "status_drift", "warning", f'This page says "{text}", but ClinicalTrials.gov says the trial is "recruiting", '
                                   "so it is taking new participants.")]
    assert summarize(_page(status_text=text), rec, live)["headline"] == "This page may be out of date"
    # against a saved copy the trial may have closed since: a note, as for "Closed"
    copy = [f for f in reconcile(_page(status_text=text), rec, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.severity, f.message) for f in copy] == [(
        "unconfirmed", "info", f'This page says "{text}", but TrialLens\'s saved copy of the ClinicalTrials.gov record '
                               '(from 1 Jul 2025) says "recruiting"; TrialLens could not check with ClinicalTrials.gov, '
                               "so the record may have changed since and this page may be right.")]


def test_a_veeva_page_not_enrolling_on_a_recruiting_trial_is_told_so():
    html = (FIXTURES / "html" / "ctv.veeva.com" / "nct07041801_divs.html").read_text(encoding="utf-8")
    assert "<div>Enrolling</div>" in html
    url = "https://ctv.veeva.com/study/treatment-of-systemic-lupus-erythematosus-with-human-umbilical-cord-mesenchymal-stem-cells"
    lupus = load_record_file(str(SAVED_COPIES / "NCT07041801.json"))   # (recruiting)
    ann = _annotate(html.replace("<div>Enrolling</div>", "<div>Not enrolling</div>", 1), url, lupus)
    status = [f for f in ann["drift"]["findings"] if f["field"] == "status" and f.get("about", "page") == "page"]
    assert [f["message"] for f in status] == ['This page says "Not enrolling", but ClinicalTrials.gov says the trial '
                                              'is "recruiting", so it is taking new participants.']


# P9 -----------------------------------------------------------------------------------------------------------------

NOT_YET = 'ClinicalTrials.gov says the trial is "not yet recruiting", so it has not opened yet and may still take new participants.'


@pytest.mark.parametrize("text", ["Closed to accrual", "Enrollment complete", "No longer enrolling", "Closed"])
def test_a_closed_page_of_a_trial_not_yet_open_is_told_it_may_still_open(text):
    """A reader told "Closed" passes over a trial that has not opened yet: said, as for a recruiting one."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__startDateStruct={"date": "2027-01", "type": "ESTIMATED"})
    page = _page(status_text=text)
    live = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert [(f.kind, f.severity, f.message) for f in live] == [
        ("status_drift", "warning", f'This page says "{text}", but {NOT_YET}')]
    drift = summarize(page, rec, live)
    assert (drift["verdict"], drift["headline"]) == ("out_of_date", "This page may be out of date")


def test_a_closed_page_of_a_trial_not_yet_open_against_a_saved_copy_follows_the_copys_rule():
    """Against a copy that could not be refreshed the trial may have opened and closed since: a note; a page dated
    before the copy was wrong when the copy was saved, and the finding stands in the copy's words."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__startDateStruct={"date": "2027-01", "type": "ESTIMATED"})
    page = _page(status_text="Closed to accrual")
    unsure = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.kind, f.severity, f.message) for f in unsure] == [(
        "unconfirmed", "info", 'This page says "Closed to accrual", but TrialLens\'s saved copy of the '
                               'ClinicalTrials.gov record (from 1 Jul 2025) says "not yet recruiting"; TrialLens could '
                               "not check with ClinicalTrials.gov, so the record may have changed since and this page "
                               "may be right.")]
    assert summarize(page, rec, unsure, COPY)["verdict"] == "could_not_check"
    older = _page(status_text="Closed to accrual", as_of="2025-06-01")
    stands = [f for f in reconcile(older, rec, TODAY, copy_as_of=COPY) if f.kind == "status_drift"]
    assert [(f.severity, f.message) for f in stands] == [(
        "warning", 'This page says "Closed to accrual", but TrialLens\'s saved copy of the ClinicalTrials.gov record '
                   '(from 1 Jul 2025) says the trial is "not yet recruiting", so it had not opened yet then and may '
                   "still take new participants.")]


@pytest.mark.parametrize("official", ["ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED"])
def test_a_closed_page_of_a_trial_taking_no_one_unasked_raises_nothing(official):
    """By invitation, no one can ask to join: "Closed" to the reader is what the record says too."""
    rec = _record(statusModule__overallStatus=official)
    assert [f for f in reconcile(_page(status_text="Not recruiting"), rec, TODAY) if f.about == "page"] == []


def test_a_meddatax_page_closed_to_accrual_of_a_trial_not_yet_open_is_not_a_match():
    """The reviewer's page: "Matches TrialLens's saved copy" over "Closed to accrual" of a trial not yet open."""
    html = _meddatax("<dd>NOT_YET_RECRUITING</dd>", "<dd>Closed to accrual</dd>")
    rec = record("NCT07232563", "NOT_YET_RECRUITING")
    live = _annotate(html, MEDDATAX_URL, rec)["drift"]
    assert live["headline"] == "This page may be out of date"
    on_page = [f for f in live["findings"] if f["field"] == "status" and f.get("about", "page") == "page"]
    assert [f["message"] for f in on_page] == [
        f'This page says "Closed to accrual", but {NOT_YET}']
    # the page (updated 18 Nov 2025) is older than the saved copy (10 Jan 2026): the finding stands, in the copy's words
    saved = _annotate(html, MEDDATAX_URL, rec, stale=True)["drift"]
    assert saved["headline"] == "This page may be out of date"
    assert [f["message"] for f in saved["findings"] if f["kind"] == "status_drift"] == [
        'This page says "Closed to accrual", but TrialLens\'s saved copy of the ClinicalTrials.gov record (from 10 Jan '
        '2026) says the trial is "not yet recruiting", so it had not opened yet then and may still take new '
        "participants."]


# Round 11c N5: "Not enrolling" is true of a trial that has not opened yet ---------------------------------------------

NOT_YET_INFO = ('ClinicalTrials.gov says the trial is "not yet recruiting", so it has not opened yet and may still take '
                "new participants.")


@pytest.mark.parametrize("text", ["Not enrolling", "Not recruiting", "Not currently enrolling", "Not currently recruiting"])
def test_not_enrolling_on_a_trial_not_yet_open_is_information_not_out_of_date(text):
    """The page is right (a trial that has not opened takes no one); "This page may be out of date" over it was an
    alarm the record does not back. What the record adds, that it may still open, is said as information."""
    rec = _record(statusModule__overallStatus="NOT_YET_RECRUITING",
                  statusModule__startDateStruct={"date": "2027-01", "type": "ESTIMATED"})
    page = _page(status_text=text)
    live = [f for f in reconcile(page, rec, TODAY) if f.about == "page"]
    assert [(f.severity, f.message) for f in live] == [("info", f'This page says "{text}"; {NOT_YET_INFO}')]
    drift = summarize(page, rec, live)
    assert drift["verdict"] == "in_sync" and drift["headline"] != "This page may be out of date"
    # against a saved copy, the same note in the copy's words (the page is as right as it was)
    copy = [f for f in reconcile(page, rec, TODAY, copy_as_of=COPY) if f.about == "page"]
    assert [(f.severity, f.message) for f in copy] == [(
        "info", f'This page says "{text}"; TrialLens\'s saved copy of the ClinicalTrials.gov record (from 1 Jul 2025) '
                'says the trial is "not yet recruiting", so it had not opened yet then and may still take new '
                "participants.")]


def test_a_meddatax_page_not_recruiting_of_a_trial_not_yet_open_is_no_alarm():
    html = _meddatax("<dd>NOT_YET_RECRUITING</dd>", "<dd>Not recruiting</dd>")
    drift = _annotate(html, MEDDATAX_URL, record("NCT07232563", "NOT_YET_RECRUITING"))["drift"]
    assert drift["headline"] != "This page may be out of date"
    assert [(f["severity"], f["message"]) for f in drift["findings"] if f["kind"] == "status_drift"] == [
        ("info", f'This page says "Not recruiting"; {NOT_YET_INFO}')]


def test_not_currently_recruiting_on_a_recruiting_trial_is_said_as_closed_is():
    assert says_not_taking("Not currently recruiting") and says_not_taking("Not currently enrolling")
    rec = _record(statusModule__overallStatus="RECRUITING")
    live = [f for f in reconcile(_page(status_text="Not currently recruiting"), rec, TODAY) if f.about == "page"]
    assert [(f.severity, f.message) for f in live] == [(
        "warning", 'This page says "Not currently recruiting", but ClinicalTrials.gov says the trial is "recruiting", '
                   "so it is taking new participants.")]


# Round 11c N6 and N7: wordings of a trial that will open ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["Not open yet", "Not recruiting yet", "Not enrolling yet", "Enrollment not yet open",
                                  "Not yet open for enrollment", "Enrolling soon", "Recruiting soon", "Opening soon"])
def test_a_wording_of_a_trial_not_open_yet_is_not_yet_recruiting(text):
    assert normalize_status(text) == "NOT_YET_RECRUITING"
    assert leading_status(text)[:2] == ("NOT_YET_RECRUITING", text)


VEEVA_NYR = FIXTURES / "html" / "ctv.veeva.com" / "nct07232563_headings.html"   # "Not yet enrolling"; record the same


@pytest.mark.parametrize("text", ["Enrolling soon", "Recruiting soon"])
def test_a_veeva_page_enrolling_soon_is_quoted_whole_and_matches_a_trial_not_yet_open(text):
    """Read as "Enrolling" (recruiting), the card quoted the page as saying "Enrolling", and live it would have
    compared a recruiting page with a trial not yet open."""
    html = VEEVA_NYR.read_text(encoding="utf-8").replace("<p>Not yet enrolling</p>", f"<p>{text}</p>", 1)
    ann = _annotate(html, "https://ctv.veeva.com/study/nct07232563", record("NCT07232563", "NOT_YET_RECRUITING"))
    assert (ann["page"]["status"], ann["page"]["status_text"]) == ("NOT_YET_RECRUITING", text)
    assert [f for f in ann["drift"]["findings"] if f["field"] == "status" and f.get("about", "page") == "page"] == []


def test_a_veeva_status_followed_by_other_words_is_kept_whole_not_cut():
    html = VEEVA_NYR.read_text(encoding="utf-8").replace("<p>Not yet enrolling</p>", "<p>Enrolling by referral</p>", 1)
    ann = _annotate(html, "https://ctv.veeva.com/study/nct07232563", record("NCT07232563", "NOT_YET_RECRUITING"))
    assert (ann["page"]["status"], ann["page"]["status_text"]) == (None, "Enrolling by referral")
    assert [f["message"] for f in ann["drift"]["findings"] if f["field"] == "status" and f["kind"] == "cannot_compare"] \
        == ['TrialLens could not compare this page\'s status, "Enrolling by referral", with ClinicalTrials.gov, which '
            'says "not yet recruiting".']
