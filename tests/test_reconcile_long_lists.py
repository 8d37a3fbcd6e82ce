"""Review round 23, #6: a page whose criteria list is far longer than any trial's (one <ul> of 20,000 items "Age >= i
years") took 20 s to annotate, past the extension's timeout. Such a list is not compared item by item: the criteria
part answers with one note, criteria_not_compared (never an alarm, never silence), and the status, ages and the other
facts are still checked. A list a trial could have is compared as before. (No timing here: bench/bench_long_lists.py
prints the figures.)"""

from datetime import date

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.reconcile import NOT_ALARMS, is_alarm, reconcile
from scrapers.reconcile.items import criteria_are_another_trials
from scrapers.reconcile.too_long import MAX_PAGE_ITEMS
from server.annotate import Annotator
from server.drift import summarize
from server.verdict_words import NOTES
from service_support import FakeRegistry, providers
from test_reconcile_criteria import EXC, INC, _record

TODAY = date(2026, 11, 22)
NCT = "NCT07041801"


def _ages(n: int) -> list[str]:
    return [f"Age >= {i} years" for i in range(n)]


def _page(inclusion, exclusion=(), status_text="Recruiting", **kw) -> PageRecord:
    return PageRecord(site="meddatax.com", nct_id=NCT, status_text=status_text,
                      status=status_text.upper() if status_text else None,
                      inclusion=list(inclusion), exclusion=list(exclusion), **kw)


def test_a_list_longer_than_any_trials_is_one_note_not_compared_item_by_item():
    findings = reconcile(_page(_ages(20_000)), _record(), TODAY)
    criteria = [f for f in findings if "criteri" in f.field]
    assert [(f.kind, f.severity, f.field) for f in criteria] == [("criteria_not_compared", "info", "criteria")]
    note = criteria[0]
    assert not is_alarm(note) and note.kind in NOT_ALARMS
    assert note.page_value == "20,000 criteria" and note.official_value == 9   # (the record's 4 + 5 top-level items)
    assert note.message == ("This page lists 20,000 eligibility criteria, far more than any trial's record "
                            "(ClinicalTrials.gov lists 9 for this trial), so TrialLens did not compare them one by one.")
    assert note.evidence["limit"] == MAX_PAGE_ITEMS and note.evidence["sections"] == ["inclusion"]


def test_the_other_checks_still_run_beside_a_list_too_long():
    page = _page(_ages(5_000), EXC, status_text="Completed")
    findings = reconcile(page, _record(), TODAY)
    kinds = sorted(f.kind for f in findings if f.about == "page")
    assert kinds == ["criteria_not_compared", "status_drift"]
    # ages too: a page's "21 Years" against the record's 18
    aged = _page(_ages(MAX_PAGE_ITEMS + 1), min_age=Age(21, "YEARS", "21 Years"))
    found = reconcile(aged, _record(), TODAY)
    assert sorted((f.kind, f.field) for f in found if f.about == "page") == [
        ("criteria_not_compared", "criteria"), ("fact_mismatch", "min_age")]


def test_a_list_at_the_cap_is_still_compared_item_by_item():
    # (the record's own list, then items it lacks up to the cap: each said, as before)
    extra = [f"Prior therapy number {i} with drug X{i}" for i in range(MAX_PAGE_ITEMS - len(INC) - len(EXC))]
    findings = reconcile(_page(INC, EXC + extra), _record(), TODAY)
    kinds = {f.kind for f in findings}
    assert "criteria_not_compared" not in kinds
    assert kinds & {"criterion_added", "criteria_not_record"}


def test_a_normal_page_is_unaffected():
    findings = reconcile(_page(INC, EXC), _record(), TODAY)
    assert [f for f in findings if f.about == "page"] == []
    changed = reconcile(_page(INC[:1] + ["Age 18-70 years old (inclusive), regardless of gender;"] + INC[2:], EXC),
                        _record(), TODAY)
    assert [f.kind for f in changed if f.about == "page"] == ["criterion_changed"]


def test_a_list_too_long_is_no_sign_of_another_trial():
    assert criteria_are_another_trials(_page(_ages(MAX_PAGE_ITEMS + 1)), _record()) is False


def test_the_verdict_does_not_count_uncompared_criteria_as_checked():
    # status matches: in sync on the status, and the note says the criteria were not compared
    page = _page(_ages(1_000))
    drift = summarize(page, _record(), reconcile(page, _record(), TODAY), read=True)
    assert drift["verdict"] == "in_sync" and drift["note"] == NOTES["criteria_not_compared"]
    # nothing else shown: nothing was compared, not "matches"
    bare = _page(_ages(1_000), status_text=None)
    drift = summarize(bare, _record(), reconcile(bare, _record(), TODAY), read=True)
    assert (drift["verdict"], drift["reason"]) == ("could_not_check", "nothing_to_compare")
    assert drift["note"].startswith("Besides its eligibility criteria, TrialLens could read nothing")
    assert drift["note"].endswith(NOTES["criteria_not_compared"])


def test_the_reviews_page_is_annotated_with_the_note():
    """The review's page through the service: one <ul> of 19,000 items (20,000 in the review, past the lines a page is
    read to now: see the next test) under "Inclusion Criteria", and a status."""
    items = "".join(f"<li>Age >= {i} years</li>" for i in range(19_000))
    html = (f"<html><body><h1>A study ({NCT})</h1><dl><dt>Status</dt><dd>Completed</dd></dl>"
            f"<h2>Inclusion Criteria</h2><ul>{items}</ul></body></html>")
    annotator = Annotator(providers(FakeRegistry(records={NCT: _record()})))
    drift = annotator.annotate(html, "https://trials.example.org/study/" + NCT)["drift"]
    assert drift["verdict"] == "out_of_date"   # (the status is still checked)
    assert [(f["kind"], f["page_value"]) for f in drift["findings"] if f["about"] == "page"] == [
        ("status_drift", "Completed"), ("criteria_not_compared", "19,000 criteria")]


def test_a_list_past_the_page_limit_is_said_to_go_on():
    """A list running past the lines a page is read to (sites/_lines.MAX_LINES) was read in part: "at least"."""
    items = "".join(f"<li>Age >= {i} years</li>" for i in range(25_000))
    html = (f"<html><body><h1>A study ({NCT})</h1><dl><dt>Status</dt><dd>Completed</dd></dl>"
            f"<h2>Inclusion Criteria</h2><ul>{items}</ul></body></html>")
    annotator = Annotator(providers(FakeRegistry(records={NCT: _record()})))
    drift = annotator.annotate(html, "https://trials.example.org/study/" + NCT)["drift"]
    found = [f for f in drift["findings"] if f["kind"] == "criteria_not_compared"]
    assert [f["page_value"] for f in found] == ["at least 19,996 criteria"]
    assert found[0]["message"].startswith("This page lists at least 19,996 eligibility criteria, far more than")
    assert drift["note"].endswith("TrialLens read only its first 20,000 lines: anything further down was not checked.")
