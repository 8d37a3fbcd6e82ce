"""A query parameter an address does not take is refused, naming it and the ones it takes: "/drift?statu=Recruiting"
dropped the claim without a word and answered could_not_check, "This trial may have ended" (review r23 #10). The API
answers a 400 problem; the HTML pages a 400 page in a person's words."""

from __future__ import annotations

import pytest
from service_support import providers
from test_service_pages_args import error_of

from server import create_app
from server.app import declared_query_args
from server.openapi import spec


@pytest.fixture()
def client():
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers()).test_client()


@pytest.mark.parametrize("query,unknown,accepted", [
    ("/api/v1/trials/NCT00000001/drift?statu=Recruiting", "statu", ["status", "as_of", "site"]),
    ("/api/v1/trials/NCT07232563/related?k=3&stauts=any", "stauts", ["k", "status"]),
    ("/api/v1/status?ids=NCT00000001&foo=1", "foo", ["ids"]),
    ("/api/v1/status?IDS=NCT00000001", "IDS", ["ids"]),
])
def test_the_api_refuses_an_unknown_parameter_by_name(client, query, unknown, accepted):
    resp = client.get(query)
    assert resp.status_code == 400, resp.get_data(as_text=True)
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    body = resp.get_json()
    assert body["type"] == "urn:triallens:problem:unknown-parameter"
    assert body["parameter"] == unknown and body["accepted"] == accepted
    assert body["detail"] == f"unknown query parameter {unknown!r}: this endpoint takes {', '.join(accepted)}"


def test_several_unknown_parameters_are_all_named(client):
    detail = client.get("/api/v1/trials/NCT00000001/drift?statu=Recruiting&asof=2025").get_json()["detail"]
    assert detail == "unknown query parameters 'statu', 'asof': this endpoint takes status, as_of, site"


def test_declared_parameters_are_still_answered(client):
    drift = client.get("/api/v1/trials/NCT00000001/drift?status=Recruiting&as_of=2025-06-01&site=a.org")
    assert drift.status_code == 200 and drift.get_json()["page"]["status"] == "RECRUITING"
    assert client.get("/api/v1/trials/NCT07232563/related?k=3&status=any").status_code in (200, 501)
    assert client.get("/api/v1/status?ids=NCT00000001&ids=NCT00000002").status_code == 200


def test_the_accepted_parameters_are_the_documents():
    """What is accepted is what /openapi.json declares, for every /api/v1 operation that takes query parameters."""
    declared = declared_query_args()
    assert declared == {("GET", "/api/v1/trials/{nct_id}/related"): ("k", "status"),
                        ("GET", "/api/v1/trials/{nct_id}/drift"): ("status", "as_of", "site"),
                        ("GET", "/api/v1/status"): ("ids",)}
    for (method, path), names in declared.items():
        op = spec()["paths"][path][method.lower()]
        assert names == tuple(p["name"] for p in op["parameters"] if p["in"] == "query")


@pytest.mark.parametrize("query,said", [
    ("/trials/NCT00000001?statu=Recruiting", "“statu=Recruiting”"),
    ("/lookup?nct_id=NCT00000001&asof=2025-06-01", "“asof=2025-06-01”"),
    ("/trials/NCT00000001?status=Recruiting&debug", "“debug”"),
])
def test_a_page_refuses_an_unknown_parameter_in_a_persons_words(client, query, said):
    resp = client.get(query)
    assert resp.status_code == 400 and resp.mimetype == "text/html"
    assert error_of(resp) == (f"The address has something TrialLens does not read This page's address gives {said}, "
                              "which TrialLens does not read, so it cannot tell what you meant to check. Fill in the "
                              "form below and look the trial up again.")
    assert resp.headers["Content-Security-Policy"]


def test_a_page_link_shared_with_tracking_parameters_still_opens(client):
    resp = client.get("/trials/NCT00000001?status=Recruiting&utm_source=newsletter&fbclid=abc123")
    assert resp.status_code == 200 and 'id="verdict"' in resp.get_data(as_text=True)


@pytest.mark.parametrize("query", ["/api/v1/trials/NCT00000001?status=Completed", "/api/v1/sites?x=1",
                                   "/api/v1/trials/NCT00000001/criteria?lang=es"])
def test_an_endpoint_that_takes_no_parameters_refuses_them_too(client, query):
    """"/api/v1/trials/NCT…?status=Completed" answered the summary as if the status had been checked."""
    resp = client.get(query)
    assert resp.status_code == 400 and resp.headers["Content-Type"].startswith("application/problem+json")
    body = resp.get_json()
    assert body["accepted"] == [] and body["detail"].endswith(": this endpoint takes no query parameters")
    assert client.get(query.split("?")[0]).status_code != 400   # (without the parameter: answered as before)


def test_an_address_that_is_no_operation_keeps_its_own_answer(client):
    assert client.get("/api/v1/nowhere?x=1").status_code == 404
    assert client.post("/api/v1/status?x=1").status_code == 405
