"""Annotation assembly: verdict rules, caching, deduplicated registry calls, and the
privacy promises (the page's URL is never fetched, its content never logged)."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from service_support import (MEDDATAX_HTML, MEDDATAX_URL, FakeRegistry, page_url, providers, record,
                             standard_registry, trial_page)

from scrapers.dates import Age
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import Finding, reconcile
from server import create_app
from server.annotate import Annotator
from server.drift import NOTES, summarize
from server.verdict_words import NEXT_STEPS


# verdict rules ------------------------------------------------------------------------

def f(kind, severity="warning", about="page", field="status"):
    return Finding(kind, severity, field, None, None, "msg", {}, about)


# why a page was compared with a saved copy, as the notes say it when ClinicalTrials.gov could not be asked
UNASKED = {"unasked": "TrialLens could not check with ClinicalTrials.gov just now", "it": "it"}
OPEN_PAGE = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting")


@pytest.mark.parametrize("official_status,findings,state,verdict", [
    ("COMPLETED", [f("status_drift", "critical")], "drifted", "not_recruiting"),
    ("RECRUITING", [f("page_stale", field="as_of")], "drifted", "out_of_date"),
    ("RECRUITING", [f("registry_overdue", about="registry"), f("registry_unverified", "info", "registry")],
     "in_sync", "in_sync"),
    ("RECRUITING", [f("cannot_compare", "info")], "cannot_compare", "could_not_check"),
    ("RECRUITING", [f("cannot_compare", "info"), f("page_stale", field="as_of")], "drifted", "out_of_date"),
    ("RECRUITING", [f("criteria_note", "info")], "in_sync", "in_sync"),
    ("RECRUITING", [], "in_sync", "in_sync"),
    # closed trial, but the alarm is about dates, not the status: out of date, not "not recruiting"
    ("COMPLETED", [f("page_stale", field="as_of")], "drifted", "out_of_date"),
    # alarms about anything but time: the page differs; "out of date" would guess the cause
    ("RECRUITING", [f("plain_age", "critical", field="summary")], "drifted", "differs"),
    ("RECRUITING", [f("fact_mismatch", field="min_age"), f("criterion_missing", field="inclusion_criteria")],
     "drifted", "differs"),
    ("RECRUITING", [f("plain_number", field="plain_criteria")], "drifted", "differs"),
    # one time alarm among them is enough for "out of date"
    ("RECRUITING", [f("criterion_missing", field="inclusion_criteria"), f("fact_mismatch", field="completion_date")],
     "drifted", "out_of_date"),
    ("RECRUITING", [f("plain_age", "critical", field="summary"), f("plain_status", field="summary")],
     "drifted", "out_of_date"),
    # a closed trial whose page is wrong only about ages: differs, not "not recruiting"
    ("COMPLETED", [f("fact_mismatch", field="max_age")], "drifted", "differs"),
    # info findings are no alarm, even about time
    ("RECRUITING", [f("fact_mismatch", field="sex"), f("status_changed_since", "info")], "drifted", "differs"),
    # a status the trial could have reached since a stale stored copy: not checked, not "in sync"
    ("COMPLETED", [f("unconfirmed", "info")], "cannot_compare", "could_not_check"),
    ("COMPLETED", [f("unconfirmed", "info"), f("fact_mismatch", field="sex")], "drifted", "differs"),
])
def test_verdict_rules(official_status, findings, state, verdict):
    out = summarize(OPEN_PAGE, record("NCT00000001", official_status), findings)
    assert (out["state"], out["verdict"]) == (state, verdict)
    assert len(out["findings"]) == len(findings)   # registry findings are shown even when they do not count


def test_a_record_of_unknown_status_is_not_called_not_recruiting():
    """"Unknown status" is what ClinicalTrials.gov says of a record not confirmed for two years: the red "Not
    recruiting according to ClinicalTrials.gov" would claim something the registry does not say."""
    out = summarize(OPEN_PAGE, record("NCT00000001", "UNKNOWN"), [f("status_drift")])
    assert out["verdict"] == "out_of_date" and out["headline"] == "This page may be out of date"


def test_closed_page_about_closed_trial_is_not_not_recruiting():
    page = PageRecord(site="x", nct_id="NCT00000001", status="ACTIVE_NOT_RECRUITING", status_text="Active")
    out = summarize(page, record("NCT00000001", "COMPLETED"), [f("status_drift")])
    assert out["verdict"] == "out_of_date"


@pytest.mark.parametrize("findings,copy_as_of,note", [
    ([], None, None),
    ([f("registry_overdue", about="registry")], None, "record_overdue"),
    ([], "2025-11-18T00:00:00Z", "copy_in_sync"),
    ([f("registry_overdue", about="registry")], "2025-11-18T00:00:00Z", "copy_overdue"),
])
def test_in_sync_says_what_it_matched(findings, copy_as_of, note):
    """"In sync" with a stored copy that could not be refreshed is in sync with that copy: the note says so,
    beside (or instead of) the record's own overdue signs."""
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), findings, copy_as_of)
    assert out["verdict"] == "in_sync"
    said = {"overdue_said": "the trial's planned start has passed", **UNASKED}   # (f() is about the status: the start)
    assert out.get("note") == (NOTES[note].format(copy="18 Nov 2025", **said) if note else None)   # (the date said)


def test_a_drifted_page_against_a_saved_copy_is_headed_and_noted_with_the_copy():
    """Message review round 2: "This page differs from ClinicalTrials.gov" over findings that each quote the copy."""
    differs = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [f("fact_mismatch", field="enrollment")],
                        "2025-07-01T00:00:00Z")
    assert (differs["verdict"], differs["headline"], differs["note"]) == (
        "differs", "This page differs from TrialLens's saved copy",
        "TrialLens could not check with ClinicalTrials.gov just now, so it compared this page with its saved copy of "
        "the ClinicalTrials.gov record from 1 Jul 2025. " + NEXT_STEPS["other"])
    closed = summarize(OPEN_PAGE, record("NCT00000001", "COMPLETED"), [f("status_drift", "critical")],
                       "2025-07-01T00:00:00Z")
    assert closed["headline"] == "Completed, says TrialLens's saved copy"
    fresh = summarize(OPEN_PAGE, record("NCT00000001", "COMPLETED"), [f("status_drift", "critical")])
    # (against today's record the note says only what to do next: review r26 #3)
    assert fresh["headline"] == "ClinicalTrials.gov says this trial has been completed"
    assert fresh["note"] == NEXT_STEPS["not_recruiting"]


def test_a_summary_inviting_to_a_closed_trial_gets_the_not_recruiting_headline():
    """A critical "the summary says it is recruiting" got the mildest alarm: the red headline needed a status field."""
    page = PageRecord(site="x", nct_id="NCT00000001", plain_summary="The study is currently recruiting.")
    claim = Finding("plain_status", "critical", "plain_summary", "is currently recruiting", "COMPLETED", "msg",
                    {"claim": "open"}, "page")
    assert summarize(page, record("NCT00000001", "COMPLETED"), [claim])["verdict"] == "not_recruiting"
    unknown = Finding("plain_status", "warning", "plain_summary", "is currently recruiting", "UNKNOWN", "msg",
                      {"claim": "open"}, "page")
    assert summarize(page, record("NCT00000001", "UNKNOWN"), [unknown])["verdict"] == "out_of_date"


def test_few_criteria_found_is_not_a_plain_in_sync():
    few = Finding("criteria_incomplete", "info", "criteria", "2 of 18 criteria shown", 18, "msg",
                  {"not_shown_count": 16, "found": 2}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [few])
    assert (out["caveat"], out["headline"], out["note"]) == (
        "little_compared", "What TrialLens could check matches ClinicalTrials.gov",
        "TrialLens found only 2 of the 18 eligibility criteria on this page; check the rest on ClinicalTrials.gov.")
    # per list, as reconcile now counts them: both lists' numbers, never one total beside a list's own count
    lists = [Finding("criteria_incomplete", "info", "inclusion_criteria", "", 5, "msg",
                     {"not_shown_count": 2, "found": 3, "list": "requirements for joining"}, "page"),
             Finding("criteria_incomplete", "info", "exclusion_criteria", "", 10, "msg",
                     {"not_shown_count": 4, "found": 6, "list": "reasons someone cannot join"}, "page")]
    assert summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), lists)["note"] == (
        "TrialLens found only 3 of the 5 requirements for joining and 6 of the 10 reasons someone cannot join on this "
        "page; check the rest on ClinicalTrials.gov.")


def test_few_criteria_counts_as_the_findings_do_and_a_list_found_to_its_last_item_says_it_is_in_part():
    """reconcile counts the record's top-level items; a list the page stops inside its last item's sub-points is found
    to its last item, and "found only 2 of the 2 reasons someone cannot join" would read as all of them."""
    rec = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001"}, "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": (
            "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n* Pregnant women\n"
            "* History of any of the following:\n  * Deep vein thrombosis\n  * Pulmonary embolism\n  * Sickle cell anemia\n")}}})
    page = PageRecord(site="x", nct_id="NCT00000001", status="RECRUITING", status_text="Recruiting",
                      inclusion=["Age 18 years or older"],
                      exclusion=["Pregnant women", "History of any of the following:", "Deep vein thrombosis"])
    findings = reconcile(page, rec, date(2026, 11, 22))
    note = next(f for f in findings if f.kind == "criteria_incomplete")
    assert (note.official_value, note.evidence["found"], note.evidence["not_shown_count"]) == (2, 2, 0)
    assert note.message == ("Of the 2 reasons someone cannot join (some with sub-points) that ClinicalTrials.gov lists, "
                            "TrialLens found 2 on this page (1 only in part). The rest of \"History of any of the following\" may "
                            "be further down this page or missing, so check the full list on ClinicalTrials.gov.")
    assert summarize(page, rec, findings)["note"] == (
        "TrialLens found only 2 of the 2 reasons someone cannot join (the last only in part) on this page; check the "
        "rest on ClinicalTrials.gov.")


def test_a_list_of_which_none_was_found_is_counted_as_none_never_only_0():
    """Review round 11c, N8 (sw_trialx): a list whose items the page shows under the other heading is found 0 times,
    and the note said "It found only 0 of the 10 reasons someone cannot join", live and against a saved copy."""
    none = Finding("criteria_incomplete", "info", "exclusion_criteria", "0 of 10 reasons someone cannot join shown",
                   10, "msg", {"found": 0, "in_part": 0, "list": "reasons someone cannot join", "not_shown_count": 10},
                   "page")
    some = Finding("criteria_incomplete", "info", "inclusion_criteria", "3 of 5 requirements for joining shown", 5,
                   "msg", {"found": 3, "in_part": 0, "list": "requirements for joining", "not_shown_count": 2}, "page")
    rec = record("NCT00000001", "RECRUITING")
    assert summarize(OPEN_PAGE, rec, [none, some])["note"] == (
        "TrialLens found none of the 10 reasons someone cannot join and only 3 of the 5 requirements for joining on "
        "this page; check the rest on ClinicalTrials.gov.")
    assert summarize(OPEN_PAGE, rec, [some, none])["note"] == (
        "TrialLens found only 3 of the 5 requirements for joining and none of the 10 reasons someone cannot join on "
        "this page; check the rest on ClinicalTrials.gov.")
    assert summarize(OPEN_PAGE, rec, [none])["note"] == (
        "TrialLens found none of the 10 reasons someone cannot join on this page; check the rest on ClinicalTrials.gov.")
    assert summarize(OPEN_PAGE, rec, [none, some], "2025-06-27T00:00:00Z", why="offline")["note"] == (
        "This TrialLens service works offline and did not ask ClinicalTrials.gov. It found none of the 10 reasons "
        "someone cannot join and only 3 of the 5 requirements for joining on this page and compared what it found "
        "with its saved copy of the record from 27 Jun 2025; check the rest on ClinicalTrials.gov.")
    # a list of one item: not "none of the one reason", nor "0 of the 1"
    one = Finding("criteria_incomplete", "info", "exclusion_criteria", "0 of 1 reason someone cannot join shown", 1,
                  "msg", {"found": 0, "in_part": 0, "list": "reason someone cannot join", "not_shown_count": 1}, "page")
    assert summarize(OPEN_PAGE, rec, [some, one])["note"] == (
        "TrialLens found only 3 of the 5 requirements for joining and no match for the one reason someone cannot join "
        "on this page; check the rest on ClinicalTrials.gov.")
    # under an overdue record's headline too
    due = f("registry_overdue", about="registry", field="completion_date")
    assert summarize(OPEN_PAGE, rec, [none, some, due])["note"].endswith(
        " TrialLens found none of the 10 reasons someone cannot join and only 3 of the 5 requirements for joining on "
        "this page; check the rest on ClinicalTrials.gov.")


def test_a_future_last_updated_date_is_not_what_was_compared():
    """reconcile does not use a date still to come; the verdict must not count it as compared either."""
    page = PageRecord(site="x", nct_id="NCT00000001", as_of="2027-05-01", as_of_text="Updated May 1, 2027")
    ahead = Finding("page_date_ahead", "info", "as_of", "Updated May 1, 2027", None, "msg", {}, "page")
    out = summarize(page, record("NCT00000001", "RECRUITING"), [ahead])
    assert (out["verdict"], out["reason"]) == ("could_not_check", "nothing_to_compare")


def test_official_unavailable():
    out = summarize(OPEN_PAGE, None, [])
    assert out == {"state": "official_unavailable", "verdict": "could_not_check", "headline": "Could not check this page",
                   "findings": [], "reason": "official_unavailable", "note": NOTES["official_unavailable"],
                   "note_says_why": False}


def test_page_showing_nothing_comparable_is_not_called_in_sync():
    """Veeva shows labels without values: no status, no date. That is not a check passed."""
    bare = PageRecord(site="ctv.veeva.com", nct_id="NCT00000001", title="A study")
    out = summarize(bare, record("NCT00000001", "RECRUITING"), [f("registry_unverified", "info", "registry")])
    assert (out["state"], out["verdict"], out["reason"]) == ("cannot_compare", "could_not_check", "nothing_to_compare")
    assert out["note"].startswith("TrialLens could read nothing on this page that it compares with ClinicalTrials.gov")
    assert len(out["findings"]) == 1
    only_phase = PageRecord(site="x", nct_id="NCT00000001", phases=["PHASE2"])
    out = summarize(only_phase, record("NCT00000001"), [])
    assert out["verdict"] == "in_sync"
    # ... but a page with neither a status nor criteria (crick.ai shows an enrollment figure alone) is not headed
    # "In sync with ClinicalTrials.gov": little was compared, and the note says what
    assert (out["caveat"], out["headline"], out["note"]) == (
        "little_compared", "What TrialLens could check matches ClinicalTrials.gov",
        "TrialLens found no status and no eligibility criteria it could read on this page, so it compared only its phase.")
    assert "caveat" not in summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [])


@pytest.mark.parametrize("page, findings, copy, caveat, headline, note", [
    # an overdue record heads the card with what it means for the reader, copy or not; from a copy, the first step is
    # today's record, not the study team (review round 5)
    (OPEN_PAGE, [f("registry_overdue", about="registry", field="completion_date")], "2025-07-01T00:00:00Z",
     "record_overdue", "This trial may have ended: check ClinicalTrials.gov", "copy_overdue"),
    (OPEN_PAGE, [f("registry_overdue", about="registry", field="completion_date")], None,
     "record_overdue", "This trial may have ended: check with the study team", "record_overdue"),
    (OPEN_PAGE, [f("registry_overdue", about="registry", field="status")], None,
     "record_overdue", "This trial may have opened: ask the study team", "record_overdue"),
    (OPEN_PAGE, [f("registry_unverified", about="registry", field="status_verified")], None,
     "record_overdue", "In sync, but the official record may be out of date", "record_overdue"),
    # little compared, against a saved copy too (the note names the copy); an info about the record changes nothing
    (PageRecord(site="x", nct_id="NCT00000001", enrollment=9), [f("registry_unverified", "info", "registry")],
     "2025-07-01T00:00:00Z", "little_compared", "Little to check: no conflict with TrialLens's saved copy",
     "copy_little_compared"),
    (OPEN_PAGE, [], "2025-07-01T00:00:00Z", "stored_copy",
     "Matches TrialLens's saved copy", "copy_in_sync"),
])
def test_an_in_sync_headline_says_what_the_reader_needs_first(page, findings, copy, caveat, headline, note):
    out = summarize(page, record("NCT00000001", "RECRUITING"), findings, copy_as_of=copy)
    expected = NOTES[note].format(shown="its number of participants", copy="1 Jul 2025", **UNASKED,
                                  overdue_said="the trial's planned end has passed")   # (what, and when)
    assert (out["verdict"], out["caveat"], out["headline"], out["note"]) == ("in_sync", caveat, headline, expected)


def test_the_little_compared_note_names_what_the_page_showed():
    page = PageRecord(site="x", nct_id="NCT00000001", enrollment=9, as_of="2026-06-27", min_age=Age(18, "YEARS"),
                      max_age=Age(70, "YEARS"))
    out = summarize(page, record("NCT00000001", "RECRUITING"), [])
    assert out["note"].endswith("so it compared only its last-updated date, its number of participants and its ages.")


# caching and deduplication ----------------------------------------------------------

def test_annotation_cached_per_page_and_record_version():
    reg = standard_registry()
    scrapes = []
    ann = Annotator(providers(reg))
    real_scrape = ann.scrape

    def counting_scrape(html, url):
        before = ann.pages.misses
        out = real_scrape(html, url)
        scrapes.append(ann.pages.misses - before)
        return out

    ann.scrape = counting_scrape
    first = ann.annotate(MEDDATAX_HTML, MEDDATAX_URL)
    second = ann.annotate(MEDDATAX_HTML, MEDDATAX_URL)
    assert second is first and scrapes == [1, 0]
    # a different page of the same trial is scraped and annotated anew
    other = ann.annotate(MEDDATAX_HTML.replace("Last Updated: 2025-11-18", "Last Updated: 2025-10-01"), MEDDATAX_URL)
    assert other is not first and other["page"]["as_of"] == "2025-10-01"
    # a new official version (registry updated the record) gives a new annotation
    reg.records["NCT07232563"] = record("NCT07232563", "RECRUITING", last_update="2025-12-20")
    third = ann.annotate(MEDDATAX_HTML, MEDDATAX_URL)
    assert third is not first and third["official"]["status"] == "RECRUITING"
    assert third["drift"]["verdict"] == "out_of_date"      # page still says not yet recruiting, record moved on


def test_concurrent_lookups_of_one_trial_are_deduplicated():
    reg = standard_registry()
    reg.delay = 0.3
    ann = Annotator(providers(reg))
    barrier = threading.Barrier(12)

    def go(_):
        barrier.wait()
        return ann.annotate(MEDDATAX_HTML, MEDDATAX_URL)

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(go, range(12)))
    assert reg.calls.count("NCT07232563") < 12 // 2, reg.calls   # shared, not one call per request
    assert all(r["official"]["nct_id"] == "NCT07232563" for r in results)


def test_singleflight_shares_errors_and_forgets_them():
    reg = FakeRegistry(down={"NCT00000009"}, delay=0.2)
    ann = Annotator(providers(reg))
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: ann.lookup_or_why("NCT00000009")[0], range(6)))
    assert results == [None] * 6 and len(reg.calls) < 6
    reg.down.clear()
    reg.records["NCT00000009"] = record("NCT00000009")
    assert ann.lookup("NCT00000009").record.nct_id == "NCT00000009"   # the failure was not cached


def test_cache_is_bounded():
    reg = standard_registry()
    ann = Annotator(providers(reg), cache_size=3)
    for i in range(10):
        ann.annotate(trial_page("NCT00000001", as_of=f"2025-01-{i + 1:02d}"), page_url("NCT00000001"))
    assert len(ann.pages) == 3 and len(ann.annotations) == 3


# privacy ----------------------------------------------------------------------------

class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html><body>NCT00000002 Completed</body></html>")

    def log_message(self, *args):
        pass


def test_client_supplied_url_is_never_fetched():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/study/NCT00000001"
        app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers())
        c = app.test_client()
        resp = c.post("/api/v1/annotate", json={"url": url, "html": trial_page("NCT00000001")})
        assert resp.status_code == 200 and resp.get_json()["page"]["url"] == url
        c.post("/check", data={"url": url, "html": trial_page("NCT00000001")})
        c.post("/api/v1/annotate", json={"url": url, "html": "<p>no trial here</p>"})
        assert _Counter.hits == []
    finally:
        server.shutdown()


SECRET = "PATIENT-NAME-Jane-Q-Doe-7781"


def test_page_content_is_not_logged(caplog):
    caplog.set_level(logging.DEBUG)
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers())
    c = app.test_client()
    html = trial_page("NCT00000002", "Recruiting", extra=f"<p>{SECRET}</p>")
    assert c.post("/api/v1/annotate", json={"url": page_url("NCT00000002"), "html": html}).status_code == 200
    assert c.post("/api/v1/annotate", json={"html": f"<p>{SECRET}</p>"}).status_code == 422
    assert c.post("/api/v1/annotate", data=f'{{"html": "{SECRET}', content_type="application/json").status_code == 400
    assert "NCT00000002" in caplog.text            # the request was logged…
    assert SECRET not in caplog.text               # …without the page


def test_status_batch_looks_up_side_by_side():
    """Twenty ids the store lacks, each slow at the registry: fetched together."""
    reg = FakeRegistry(records={f"NCT{i:08d}": record(f"NCT{i:08d}") for i in range(1, 21)}, delay=0.2)
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()
    ids = ",".join(f"NCT{i:08d}" for i in range(1, 22))
    st = client.get(f"/api/v1/status?ids={ids}").get_json()["statuses"]
    assert len(reg.calls) == 21 and st["NCT00000021"] is None and st["NCT00000001"]["status"] == "RECRUITING"
    assert list(st) == [f"NCT{i:08d}" for i in range(1, 22)]          # answer in the order asked
    assert reg.max_in_flight > 1                                        # not one after another


def test_a_page_with_nothing_to_compare_still_heads_with_an_overdue_record():
    bare = PageRecord(site="x", nct_id="NCT00000001", title="A study")
    out = summarize(bare, record("NCT00000001", "RECRUITING"),
                    [f("registry_overdue", about="registry", field="completion_date")])
    assert (out["verdict"], out["reason"], out["headline"], out["note"]) == (
        "could_not_check", "nothing_to_compare", "This trial may have ended: check with the study team",
        "TrialLens found nothing on this page it could compare, but ClinicalTrials.gov's record says the trial's planned end has passed: "
        "see below.")   # (what the record says, not "the trial's own record needs checking"; review round 5)
    copy = summarize(bare, record("NCT00000001", "NOT_YET_RECRUITING"),
                     [f("registry_overdue", about="registry", field="status")], "2025-11-18T00:00:00Z")
    assert (copy["headline"], copy["note"]) == (
        "This trial may have opened: check ClinicalTrials.gov",
        "TrialLens found nothing on this page it could compare, but TrialLens's saved copy of the ClinicalTrials.gov record (from 18 Nov "
        "2025) says the trial's planned start has passed: see below.")


def test_a_page_saying_recruiting_against_a_copy_overdue_to_open_is_told_to_check_its_status():
    """UI review round 3: "This page may be out of date" led, and "it may have opened since" sat at the card's end."""
    out = summarize(OPEN_PAGE, record("NCT00000001", "NOT_YET_RECRUITING"),
                    [f("status_drift"), f("registry_overdue", about="registry", field="status")], "2025-11-18T00:00:00Z")
    # (review round 5: today's record is the first step, and the note does not repeat the page's words the first
    # finding quotes)
    assert (out["verdict"], out["headline"]) == ("out_of_date", "Check this trial's status on ClinicalTrials.gov")
    assert out["note"] == ("TrialLens's saved copy of the ClinicalTrials.gov record (from 18 Nov 2025) said the trial "
                           "had not opened yet, but its planned start has passed since, so this page may be right: "
                           "check ClinicalTrials.gov today, or ask the study team.")
    # ClinicalTrials.gov itself asked: its own "not yet recruiting" is overdue too, so the page may be right (review
    # round 7: "This page may be out of date" could make a reader skip a trial that has opened)
    fresh = summarize(OPEN_PAGE, record("NCT00000001", "NOT_YET_RECRUITING"),
                      [f("status_drift"), f("registry_overdue", about="registry", field="status")])
    assert (fresh["verdict"], fresh["headline"], fresh["note"]) == (
        "out_of_date", "This trial may have opened: ask the study team",
        "ClinicalTrials.gov says the trial has not opened yet, but its planned start has passed, so this page may be "
        "right: ask the study team whether it has opened.")
    # its start not yet passed: the page is ahead of the record, and said so
    ahead = summarize(OPEN_PAGE, record("NCT00000001", "NOT_YET_RECRUITING"), [f("status_drift")])
    assert ahead["headline"] == "This page may be out of date"


def test_a_page_showing_only_its_last_updated_date_is_not_called_a_match():
    """curemydisease shows "Last updated Jun 27, 2026" and nothing else TrialLens reads: "What TrialLens could check
    matches ClinicalTrials.gov" claimed agreement when no fact about the trial was compared."""
    page = PageRecord(site="x", nct_id="NCT00000001", as_of="2026-06-27", as_of_text="Last updated Jun 27, 2026")
    out = summarize(page, record("NCT00000001", "RECRUITING"), [], "2026-06-26T00:00:00Z")
    assert (out["verdict"], out["reason"], out["headline"]) == ("could_not_check", "nothing_to_compare",
                                                                "Could not check this page")
    assert out["note"] == ("The only thing TrialLens could read on this page is when it was last updated: no status, "
                           "start or end dates, or eligibility criteria, so it compared nothing.")


def test_caveat_headlines_against_a_saved_copy_name_the_copy():
    """Review round 4: "What TrialLens could check matches ClinicalTrials.gov" and "In sync, but the official record may
    be out of date" were said of a comparison with a copy 17 months old."""
    copy = "2025-06-27T00:00:00Z"
    few = Finding("criteria_incomplete", "info", "criteria", "3 of 15 criteria shown", 15, "msg",
                  {"not_shown_count": 2, "found": 3}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [few], copy)
    assert (out["headline"], out["note"]) == (
        "Little to check: no conflict with TrialLens's saved copy",
        "TrialLens could not check with ClinicalTrials.gov just now. It found only 3 of the 15 eligibility criteria on "
        "this page and compared what it found with its saved copy of the record from 27 Jun 2025; check the rest on "
        "ClinicalTrials.gov.")
    unverified = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"),
                           [f("registry_unverified", about="registry", field="status_verified")], copy)
    assert unverified["headline"] == "Matches TrialLens's saved copy, but the trial's record looks overdue"
    # an overdue record on a page with nothing to compare carries the caveat too (the card's tone follows it)
    bare = summarize(PageRecord(site="x", nct_id="NCT00000001"), record("NCT00000001", "RECRUITING"),
                     [f("registry_overdue", about="registry", field="completion_date")], copy)
    assert (bare["verdict"], bare["caveat"]) == ("could_not_check", "record_overdue")


def test_a_drifted_page_against_an_overdue_copy_points_to_the_overdue_record_from_the_top():
    """Review round 4: the "due to finish … 19 months ago" warning sat below the fold, and the note did not point to it."""
    due = Finding("registry_overdue", "warning", "completion_date", None, "2025-04-30", "msg", {}, "registry")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [f("plain_age", "critical", field="plain_summary"), due],
                    "2024-05-24T00:00:00Z")
    assert out["note"].endswith("That copy also says the trial was due to finish by 30 Apr 2025, which has passed: "
                                "see below. " + NEXT_STEPS["ages"])   # (then what to do: review r26 #3)


def test_a_record_clinicaltrials_gov_no_longer_shows_is_not_could_not_check_just_now():
    """Review round 4: after a 404 the card said "TrialLens could not check with ClinicalTrials.gov just now", which
    promises that asking again helps; ClinicalTrials.gov did answer."""
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [], "2025-07-01T00:00:00Z", why="gone")
    assert out["note"].startswith("ClinicalTrials.gov no longer shows this trial (ask the study team whether it is "
                                  "still running), so TrialLens compared this page with its saved copy of the "
                                  "ClinicalTrials.gov record from 1 Jul 2025.")
    assert "just now" not in out["note"]


def test_a_page_showing_none_of_a_list_is_headed_so_not_as_a_match():
    """Review round 5: "Little to check: no conflict …" or "Matches …" over a page that shows none of the 10 reasons
    someone cannot join read as reassurance; the note about it sat further down."""
    gap = Finding("criteria_list_not_shown", "info", "exclusion_criteria", None, 10, "msg",
                  {"section": "exclusion", "official_count": 10}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [gap])
    assert (out["verdict"], out["caveat"], out["headline"]) == (
        "in_sync", "list_not_shown", "TrialLens found no list of who cannot join on this page")
    # the note under it says what to do (review round 6: it spoke only of the other list), not again what the finding
    # says (review round 7: word for word, three times with the headline)
    assert out["note"] == "Read the 10 reasons someone cannot join on ClinicalTrials.gov before you decide."
    both = [gap, Finding("criteria_list_not_shown", "info", "inclusion_criteria", None, 5, "msg",
                         {"section": "inclusion", "official_count": 5}, "page")]
    assert summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), both)["headline"] == "TrialLens found no list of who can join on this page"
    # against a saved copy too (it claims no match)
    assert summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [gap], "2025-06-27T00:00:00Z")["headline"] == \
        "TrialLens found no list of who cannot join on this page"


def test_a_differs_verdict_led_by_a_critical_finding_about_who_may_join_says_which():
    """Review round 5: "This page differs" over "aged 1 to 28" for newborns of 1 to 28 days read like any rewording."""
    rec = record("NCT00000001", "RECRUITING")
    ages = summarize(OPEN_PAGE, rec, [f("plain_age", severity="critical", field="min_age")])
    assert (ages["verdict"], ages["headline"]) == ("differs", "The ages on this page differ from ClinicalTrials.gov")
    # an age with no unit where the record's is days: which is right, said (review round 6)
    unit = Finding("plain_age", "critical", "min_age", "aged 1 to 28", "1 day to 28 days", "msg", {"unit_missing": True})
    assert summarize(OPEN_PAGE, rec, [unit])["headline"] == "The ages on this page are not in years"
    copy = summarize(OPEN_PAGE, rec, [f("fact_mismatch", severity="critical", field="max_age")], "2025-06-27T00:00:00Z")
    assert copy["headline"] == "The ages on this page differ from TrialLens's saved copy"
    # the unit against a copy too (review round 7: "differ" read as a quibble; a trial's unit does not change)
    assert summarize(OPEN_PAGE, rec, [unit], "2025-06-27T00:00:00Z")["headline"] == "The ages on this page may not be in years"
    rule = summarize(OPEN_PAGE, rec, [f("criterion_changed", severity="critical", field="inclusion_criteria")])
    assert rule["headline"] == "This page changes a rule for who can join"
    # against a copy the rule may have been amended since: the copy's word (review round 6)
    assert summarize(OPEN_PAGE, rec, [f("criterion_changed", severity="critical", field="inclusion_criteria")],
                     "2025-06-27T00:00:00Z")["headline"] == "A rule for who can join differs from TrialLens's saved copy"
    # with a status finding as well ("out of date"), the critical age finding still leads (review round 6)
    both = summarize(OPEN_PAGE, rec, [f("plain_age", severity="critical", field="min_age"), f("status_drift")])
    assert (both["verdict"], both["headline"]) == ("out_of_date", "The ages on this page differ from ClinicalTrials.gov")
    # a warning first, or a critical finding of another kind: the verdict's own headline
    assert summarize(OPEN_PAGE, rec, [f("criterion_missing", severity="warning", field="exclusion_criteria")]
                     )["headline"] == "This page differs from ClinicalTrials.gov"


def test_the_drift_says_whether_its_note_gave_the_reason_for_a_saved_copy():
    """note_says_why: the card's footer leaves out why a saved copy was used when the note said it. The card had
    matched the note's words for it, which a reworded note would silently break; the service says it instead."""
    rec = record("NCT00000001", "RECRUITING")
    said = [summarize(OPEN_PAGE, rec, [], "2025-07-01T00:00:00Z"),
            summarize(OPEN_PAGE, rec, [], "2025-07-01T00:00:00Z", why="offline"),
            summarize(OPEN_PAGE, rec, [], "2025-07-01T00:00:00Z", why="gone"),
            summarize(OPEN_PAGE, rec, [f("status_drift", "critical")], "2025-07-01T00:00:00Z")]
    assert [(out["note_says_why"], out["note"].split(",")[0]) for out in said] == [
        (True, "TrialLens could not check with ClinicalTrials.gov just now"),
        (True, "This TrialLens service works offline and did not ask ClinicalTrials.gov"),
        (True, "ClinicalTrials.gov no longer shows this trial (ask the study team whether it is still running)"),
        (True, "TrialLens could not check with ClinicalTrials.gov just now")]
    # a note about something else: the footer says why
    opened = summarize(OPEN_PAGE, record("NCT00000001", "NOT_YET_RECRUITING"),
                       [f("status_drift"), f("registry_overdue", about="registry", field="status")], "2025-11-18T00:00:00Z")
    assert opened["note"].startswith("TrialLens's saved copy") and opened["note_says_why"] is False
    # no saved copy, nothing to say about one; no note, no field
    assert summarize(OPEN_PAGE, None, [], why="offline")["note_says_why"] is False
    assert "note_says_why" not in summarize(OPEN_PAGE, rec, [])


def test_a_list_of_one_item_is_counted_in_words_that_read_as_english():
    """"found only 1 of the 1 requirement for joining (only in part)" and "none of the 1 reasons someone cannot
    join" read as slips; a list of one item says "the one"."""
    one = Finding("criteria_incomplete", "info", "inclusion_criteria", "1 of 1 requirement for joining shown", 1, "msg",
                  {"found": 1, "in_part": 1, "list": "requirement for joining", "not_shown_count": 0}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [one])
    assert out["note"] == ("TrialLens found only part of the one requirement for joining on this page; check the rest "
                           "on ClinicalTrials.gov.")
    gap = Finding("criteria_list_not_shown", "info", "exclusion_criteria", None, 1, "msg",
                  {"section": "exclusion", "official_count": 1}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [gap])
    assert out["note"] == "Read the one reason someone cannot join on ClinicalTrials.gov before you decide."
    both = [gap, Finding("criteria_list_not_shown", "info", "inclusion_criteria", None, 5, "msg",
                         {"section": "inclusion", "official_count": 5}, "page")]
    assert summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), both)["note"] == (
        "Read the one reason someone cannot join and the 5 requirements for joining on ClinicalTrials.gov before you "
        "decide.")


def test_a_list_not_shown_is_said_under_an_overdue_records_headline_too():
    """The finding states only the fact (review round 8); the note says what to do, also when an overdue record keeps
    the headline."""
    gap = Finding("criteria_list_not_shown", "info", "exclusion_criteria", None, 10, "msg",
                  {"section": "exclusion", "official_count": 10}, "page")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"),
                    [gap, f("registry_overdue", about="registry", field="completion_date")])
    assert out["headline"] == "This trial may have ended: check with the study team"
    assert out["note"].endswith(" Read the 10 reasons someone cannot join on ClinicalTrials.gov before you decide.")


def test_an_overdue_records_note_does_not_say_matches_over_a_page_showing_part_of_the_criteria():
    """Review round 9: under an overdue record's headline the note said "What this page says matches
    ClinicalTrials.gov" on a page showing 1 of 3 reasons someone cannot join."""
    few = Finding("criteria_incomplete", "info", "exclusion_criteria", "1 of 3 reasons someone cannot join shown", 3,
                  "msg", {"found": 1, "in_part": 0, "list": "reasons someone cannot join", "not_shown_count": 2}, "page")
    due = f("registry_overdue", about="registry", field="completion_date")
    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [few, due])
    assert (out["headline"], out["caveat"]) == ("This trial may have ended: check with the study team", "record_overdue")
    assert out["note"] == ("What TrialLens could compare on this page matches ClinicalTrials.gov, but the "
                           "ClinicalTrials.gov record itself may be out of date. TrialLens found only 1 of the 3 reasons "
                           "someone cannot join on this page; check the rest on ClinicalTrials.gov.")
    # a page showing all it is compared on keeps the plain "matches"
    assert summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [due])["note"].startswith("What this page says matches")


def test_the_official_object_says_who_the_trial_takes_as_related_trials_do():
    """The annotation's `official` carries the record's min_age / max_age / sex, in the Age shape related trials use,
    so the card and the trial page can set related trials beside the trial being read where no criteria were explained
    (criteria null: its glance, which says them too, is missing there). Described in /openapi.json."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs")

    from server.openapi import spec
    from server.related import _age

    ann = Annotator(providers(standard_registry(), explain=None)).annotate(MEDDATAX_HTML, MEDDATAX_URL)
    assert ann["criteria"] is None
    rec = standard_registry().records["NCT07232563"]
    official = ann["official"]
    assert (official["min_age"], official["max_age"], official["sex"]) == (
        rec.min_age.to_dict(), rec.max_age.to_dict() if rec.max_age else None, rec.sex)
    assert official["min_age"] == {"value": 18, "unit": "YEARS", "text": "18 Years"}
    assert _age(official["min_age"]) == official["min_age"], "as a related trial carries it"
    published = {"$ref": "#/components/schemas/Official", "components": spec()["components"]}
    validator = jsonschema_rs.Draft202012Validator(published)
    assert [e.message for e in validator.iter_errors(official)] == []
    assert {"min_age", "max_age", "sex"} <= set(spec()["components"]["schemas"]["Official"]["required"])


@pytest.mark.parametrize("why, cli, said", [
    (None, False, "TrialLens could not check with ClinicalTrials.gov just now"),
    ("unreachable", False, "TrialLens could not check with ClinicalTrials.gov just now"),
    ("record_file", True, "TrialLens could not check with ClinicalTrials.gov just now"),   # (record_file rewords it)
    ("offline", False, "This TrialLens service works offline and did not ask ClinicalTrials.gov"),
    ("offline", True, "TrialLens is set to work offline (TRIALLENS_OFFLINE) and did not ask ClinicalTrials.gov"),
    ("busy", True, "TrialLens has asked ClinicalTrials.gov too often in the last minute and did not ask it again just "
                   "now"),
    ("gone", False, "ClinicalTrials.gov no longer shows this trial (ask the study team whether it is still running)")])
def test_why_the_record_was_not_asked_is_one_reason_said_in_one_sentence(why, cli, said):
    """summarize's `why` is Lookup.stale_reason, said in the note and by saved_copy_why in the same words."""
    from server.unasked import saved_copy_why

    out = summarize(OPEN_PAGE, record("NCT00000001", "RECRUITING"), [], "2025-07-01T00:00:00Z", why=why, cli=cli)
    assert saved_copy_why(why, cli) == said
    assert out["note"].startswith(said) and out["note_says_why"] is True


@pytest.mark.parametrize("why, reason, note", [
    (None, "official_unavailable", "TrialLens could not get this trial's record"),
    ("offline", "not_asked", "TrialLens has no copy of this trial's official record and works offline here"),
    ("busy", "official_unavailable", "TrialLens has asked ClinicalTrials.gov too often in the last minute, so it did "
                                     "not ask about this trial")])
def test_with_no_record_at_all_the_note_says_why_none_was_asked(why, reason, note):
    from scrapers.errors import RateLimited, RegistryUnavailable
    from server.unasked import why_not_asked

    out = summarize(OPEN_PAGE, None, [], why=why)
    assert (out["reason"], out["note"].startswith(note)) == (reason, True)
    assert why_not_asked(why == "offline", RateLimited("x") if why == "busy" else RegistryUnavailable("x")) == why
