"""A query parameter given twice is a 400 naming it: the first value was used without a word, so a caller asking
"?status=recruiting&status=completed" could read the answer as about the other (review r19 §12)."""

from __future__ import annotations

import pytest
from service_support import providers

from server import create_app


@pytest.fixture()
def client():
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers()).test_client()


@pytest.mark.parametrize("query,name", [
    ("/api/v1/trials/NCT00000001/drift?status=Recruiting&status=Completed", "status"),
    ("/api/v1/trials/NCT00000001/drift?as_of=2025-01-01&as_of=2025-06-01", "as_of"),
    ("/api/v1/trials/NCT00000001/drift?site=a.org&site=b.org", "site"),
    ("/api/v1/trials/NCT07232563/related?k=3&k=5", "k"),
    ("/api/v1/trials/NCT07232563/related?status=any&status=recruiting", "status"),
])
def test_a_parameter_given_twice_is_refused_by_name(client, query, name):
    resp = client.get(query)
    assert resp.status_code == 400, resp.get_data(as_text=True)
    body = resp.get_json()
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert f"{name} was given 2 times" in body["detail"]


def test_once_is_answered(client):
    assert client.get("/api/v1/trials/NCT00000001/drift?status=Recruiting").status_code == 200
