"""Review round 10 (b) on the JSON API: numbers and NCT ids written with non-ASCII digits, the
published schema against real annotations, per-item errors in POST /drift, and bodies sent with
a form content type."""

from __future__ import annotations

import pytest
from service_support import providers, standard_registry

from server import create_app

PROBLEM = "application/problem+json"


@pytest.fixture
def client():
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                     providers=providers(standard_registry()))
    return app.test_client()


def problem(resp, status: int) -> dict:
    assert resp.status_code == status, resp.data[:500]
    assert resp.mimetype == PROBLEM
    return resp.get_json(force=True)


# 5. ?k= takes ASCII digits only ---------------------------------------------------------

@pytest.mark.parametrize("k", ["²", "①", "٣", "５", " 5", "5 ", "+5", "1_0", "-1", "0", "51", "", "1234"])
def test_related_k_takes_ascii_digits_only(client, k):
    body = problem(client.get("/api/v1/trials/NCT07232563/related", query_string={"k": k}), 400)
    assert body["detail"] == f"k must be a whole number from 1 to 50 written with the digits 0-9, got {k!r}"


def test_related_k_ascii_digits_still_read(client):
    resp = client.get("/api/v1/trials/NCT07232563/related?k=3")
    assert resp.status_code != 400
