"""A valid trial number the store lacks, with ClinicalTrials.gov not asked (offline) or not answering: TrialLens cannot
know whether the trial exists, so no endpoint says "unknown trial" (404). The service contract: 404 is an unknown trial,
503 ClinicalTrials.gov not asked or unreachable with nothing stored; the annotation, drift checks and listing badges say
"could not check" instead of failing (review r15, item 8: offline, GET /api/v1/trials/{id} answered 404)."""

from __future__ import annotations

import pytest

from server import create_app
from server.cli import main

UNSTORED = "NCT01234567"   # a well-formed id no bundled record has
PAGE = ("<html><head><link rel=canonical href='https://clinconnect.io/trials/NCT01234567'></head>"
        "<body><h1>A trial</h1><p>NCT01234567</p><p>Status: Recruiting</p></body></html>")
PROBLEM = "application/problem+json"


def _app(tmp_path, **env: str):
    return create_app({"TRIALLENS_DB": str(tmp_path / "s.sqlite3"), "TRIALLENS_RATE_LIMIT": "off", **env}).test_client()


@pytest.fixture(params=["offline", "unreachable"])
def client(request, tmp_path):
    if request.param == "offline":
        return _app(tmp_path, TRIALLENS_OFFLINE="1")
    # (port 9, discard: refused at once, so no waiting; the lookup's own deadline is short as well)
    return _app(tmp_path, TRIALLENS_OFFLINE="", TRIALLENS_CTGOV_URL="http://127.0.0.1:9/api/v2",
                TRIALLENS_LOOKUP_TIMEOUT="2")


@pytest.mark.parametrize("path", ["/api/v1/trials/{id}", "/api/v1/trials/{id}/criteria", "/api/v1/trials/{id}/related"])
def test_a_trial_not_asked_about_is_a_503_never_unknown(client, path):
    resp = client.get(path.format(id=UNSTORED))
    assert resp.status_code == 503 and resp.mimetype == PROBLEM
    body = resp.get_json()
    assert body["type"] in ("urn:triallens:problem:not-in-local-store", "urn:triallens:problem:registry-unavailable")
    assert body["status"] == 503 and "unknown" not in body["title"].lower()
    assert UNSTORED in body["detail"] and "ClinicalTrials.gov" in body["title"] + body["detail"]
    # offline, asking again will not help: no retry hint; unreachable, the service pauses before it asks again and
    # says how long (review r19 #5: it put the wait only in `detail`, which a client cannot use)
    if body["type"].endswith("not-in-local-store"):
        assert "Retry-After" not in resp.headers
    else:
        assert 1 <= int(resp.headers["Retry-After"]) <= 60


def test_offline_the_503_says_clinicaltrials_gov_was_not_asked(tmp_path):
    body = _app(tmp_path, TRIALLENS_OFFLINE="1").get(f"/api/v1/trials/{UNSTORED}").get_json()
    assert body["type"] == "urn:triallens:problem:not-in-local-store" and body["nct_id"] == UNSTORED
    assert "not asked" in body["title"] and "offline" in body["title"]
    assert "not in the local store" in body["detail"] and "not asked" in body["detail"]


def test_the_checks_say_could_not_check(client):
    one = client.get(f"/api/v1/trials/{UNSTORED}/drift?status=Recruiting")
    assert one.status_code == 200 and one.get_json()["official"] is None
    assert one.get_json()["drift"]["verdict"] == "could_not_check"
    batch = client.post("/api/v1/drift", json={"items": [{"nct_id": UNSTORED, "status": "Recruiting"}]}).get_json()
    assert "error" not in batch["results"][0] and batch["results"][0]["drift"]["verdict"] == "could_not_check"
    status = client.get(f"/api/v1/status?ids={UNSTORED}").get_json()
    assert status["statuses"][UNSTORED] is None and status["missing"][UNSTORED] == "not_checked"
    ann = client.post("/api/v1/annotate", json={"url": "https://clinconnect.io/trials/NCT01234567", "html": PAGE})
    assert ann.status_code == 200 and ann.get_json()["drift"]["verdict"] == "could_not_check"


def test_the_html_page_is_a_503_and_does_not_say_not_found(client):
    resp = client.get(f"/trials/{UNSTORED}")
    assert resp.status_code == 503 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    assert UNSTORED in page and "Trial not found" not in page and "has no trial numbered" not in page
    assert f'href="https://clinicaltrials.gov/study/{UNSTORED}"' in page   # (the way on: the official record)


@pytest.mark.parametrize("verb", [["explain", UNSTORED], ["related", UNSTORED]])
def test_the_cli_says_not_asked_not_unknown(verb, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "c.sqlite3"))
    assert main(verb) == 2
    err = capsys.readouterr().err
    assert err.startswith("triallens: error: ") and "ClinicalTrials.gov not asked" in err and "unknown" not in err


def test_cli_check_of_a_page_about_an_unstored_trial_offline(tmp_path, monkeypatch, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "c.sqlite3"))
    assert main(["check", str(page)]) == 2
    err = capsys.readouterr().err
    assert "not in the local store" in err and "ClinicalTrials.gov not asked" in err
