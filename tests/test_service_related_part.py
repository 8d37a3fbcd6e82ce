"""The related-trials part of an annotation: an empty list ("none open", said in words) and no list at all (related
trials could not be had: not served here, or they failed) are told apart, and a related trial's "may have ended",
read against today's date, is not served from a day before."""

from __future__ import annotations

from datetime import date, timedelta

from service_support import MEDDATAX_HTML, MEDDATAX_URL, providers

from server import create_app
from server.annotate import Annotator

# (not "None open in TrialLens's saved copy of ClinicalTrials.gov": it read as contradicting "checked just now"; r26 #4)
NONE_OPEN = "TrialLens knows of no open trials like this one."


def _client(**kw):
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(**kw)).test_client()


def _broken(record, k, statuses):
    raise RuntimeError("index unreadable")


def test_related_trials_that_failed_are_null_not_an_empty_list():
    ann = _client(related=_broken).post("/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert ann["official"] is not None and ann["related"] is None
    ann = _client(related=lambda record, k, statuses: []).post(
        "/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}).get_json()
    assert ann["related"] == []


def test_the_trial_page_says_none_open_only_when_the_list_is_empty():
    empty = _client(related=lambda record, k, statuses: []).get("/trials/NCT07232563").get_data(as_text=True)
    assert NONE_OPEN in empty
    for client in (_client(related=_broken), _client()):   # failed; not served in this installation
        page = client.get("/trials/NCT07232563").get_data(as_text=True)
        assert NONE_OPEN not in page and 'id="related"' not in page


def test_related_trials_are_worked_out_again_on_a_new_day():
    days = iter([date(2026, 1, 10), date(2026, 1, 10), date(2026, 1, 11)])
    today = {"d": date(2026, 1, 10)}
    calls = []

    def related(record, k, statuses):
        calls.append(today["d"])
        return []

    prov = providers(related=related)
    prov.today = lambda: today["d"]
    ann = Annotator(prov)
    lookup = ann.lookup("NCT07232563")
    for d in days:
        today["d"] = d
        ann.related(lookup)
    assert calls == [date(2026, 1, 10), date(2026, 1, 11)]
    assert timedelta(days=1) == calls[1] - calls[0]


def test_the_cli_words_a_related_trials_status_as_the_card_does(capsys):
    from server.cli_output import print_related
    from server.related import RelatedTrial

    def trial(nct, status, overdue=None, as_of=None):
        return RelatedTrial(nct, "A trial", status, ["PHASE2"], 1.0, "Same condition: asthma",
                            f"https://clinicaltrials.gov/study/{nct}", status_as_of=as_of, overdue=overdue)

    print_related("NCT00000001", [trial("NCT00000002", "RECRUITING", overdue="end"),
                                  trial("NCT00000003", "ENROLLING_BY_INVITATION"),
                                  trial("NCT00000004", "RECRUITING", as_of="2025-11-02T00:00:00Z")], False)
    out = capsys.readouterr().out
    assert "NCT00000002  Recruiting (saved copy), though its planned end has passed  Phase 2" in out
    assert "NCT00000003  By invitation only" in out
    assert "NCT00000004  Recruiting (as of Nov 2025)" in out
