"""GET /status as a listing page's integrator sends it (review r19 #6): one bad id is its own answer, every `ids=`
parameter counts, and results are keyed by the normalised id."""

from __future__ import annotations

import pytest
from service_support import providers, standard_registry

from server import create_app


@pytest.fixture
def client():
    return create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                      providers=providers(standard_registry())).test_client()


def test_one_mistyped_id_does_not_cost_the_listing_its_other_badges(client):
    resp = client.get("/api/v1/status?ids=NCT00000002,NCT0723256,bogus,NCT01234567")
    assert resp.status_code == 200
    body = resp.get_json()
    assert list(body["statuses"]) == ["NCT00000002", "NCT0723256", "bogus", "NCT01234567"]
    assert body["statuses"]["NCT00000002"]["status"] == "COMPLETED"
    assert body["statuses"]["NCT0723256"] is None and body["statuses"]["bogus"] is None
    assert body["missing"] == {"NCT01234567": "not_found", "NCT0723256": "invalid", "bogus": "invalid"}


@pytest.mark.parametrize("query,words", [
    ("ids=bogus", "no valid NCT id"), ("ids=bogus,NCT1", "not an NCT id: 'bogus'"),
    ("ids=" + ",".join(f"NCT{i:08d}" for i in range(100)) + ",bogus", "at most 100"),
    ("ids=" + ",".join(f"NCT{i:08d}" for i in range(60)) + "&ids=" + ",".join(f"NCT{i:08d}" for i in range(60, 101)),
     "at most 100"),
    ("ids=,,&ids=", '"ids" is required')])
def test_a_request_with_no_valid_id_or_too_many_is_still_a_400(client, query, words):
    resp = client.get(f"/api/v1/status?{query}")
    assert resp.status_code == 400 and resp.mimetype == "application/problem+json"
    assert words in resp.get_json()["detail"]


def test_repeated_ids_parameters_are_all_answered(client):
    body = client.get("/api/v1/status?ids=NCT00000002&ids=NCT00000001,NCT00000002").get_json()
    assert list(body["statuses"]) == ["NCT00000002", "NCT00000001"]
    assert all(body["statuses"][n] is not None for n in ("NCT00000002", "NCT00000001"))


def test_results_are_keyed_by_the_normalised_id(client):
    body = client.get("/api/v1/status?ids=nct00000002, NCT\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11").get_json()
    assert list(body["statuses"]) == ["NCT00000002", "NCT00000001"] and body["missing"] == {}
    spec = client.get("/openapi.json").get_json()
    statuses = spec["components"]["schemas"]["Statuses"]
    assert "normalised" in statuses["properties"]["statuses"]["description"]
    assert "invalid" in statuses["properties"]["missing"]["additionalProperties"]["enum"]


def test_a_date_before_1900_is_told_as_such_and_a_batch_items_date_error_names_its_item(client):
    """Review r19 #10: "cannot read '1800-01-01' as a date (use YYYY-MM-DD …)" showed the format the caller had used;
    and in POST /drift a date's error lacked the items[i] prefix every other item error has."""
    detail = client.get("/api/v1/trials/NCT00000001/drift?status=Recruiting&as_of=1800-01-01").get_json()["detail"]
    assert detail == ("as_of: '1800-01-01' is before 1900: years before 1900 are not accepted (give the page's own "
                      "'last updated' date)")
    later = client.get("/api/v1/trials/NCT00000001/drift?status=Recruiting&as_of=2150-01-01").get_json()["detail"]
    assert later.startswith("as_of: '2150-01-01' is after today (")
    assert "cannot read 'soon'" in client.get("/api/v1/trials/NCT00000001/drift?as_of=soon").get_json()["detail"]
    results = client.post("/api/v1/drift", json={"items": [{"nct_id": "NCT00000001", "as_of": "bad"},
                                                           {"nct_id": "NCT00000001", "as_of": "2099-01-01"}]}
                          ).get_json()["results"]
    assert results[0]["error"]["detail"].startswith("items[0]: as_of: cannot read 'bad'")
    assert results[1]["error"]["detail"].startswith("items[1]: as_of: 2099-01-01 is after today")
