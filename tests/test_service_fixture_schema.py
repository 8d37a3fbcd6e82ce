"""Every fixture page's real annotation matches the published /openapi.json (review round 10 b, §7).

The property run (test_service_schema.py) sends random bodies, which almost never make a readable page without
a status, so `page.status: null` against an enum without null went unnoticed: 15 of the 60 fixture pages the
service annotates failed the schema it publishes. This sends every fixture page through POST /api/v1/annotate
(offline, the store seeded from the bundled records) and validates each answer, 200 or problem, against the
schema /openapi.json gives for that status."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from pathlib import Path

import pytest
from conftest import fixture_url

from server import create_app

jsonschema_rs = pytest.importorskip("jsonschema_rs")

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "fixtures" / "html").glob("*/*.html"))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1",
                      "TRIALLENS_DB": str(tmp_path_factory.mktemp("schema-store") / "store.sqlite3")})
    return app.test_client()


@pytest.fixture(scope="module")
def published(client) -> dict:
    return client.get("/openapi.json").get_json()


def response_validator(spec: dict, path: str, method: str, status: int, mimetype: str):
    """A validator for the schema `spec` publishes for this answer (its $refs resolved inside the document)."""
    schema = spec["paths"][path][method]["responses"][str(status)]["content"][mimetype]["schema"]
    return jsonschema_rs.Draft202012Validator({**schema, "components": spec["components"]})


def test_every_fixture_annotation_matches_the_published_schema(client, published):
    failures, answered = [], 0
    for page in PAGES:
        resp = client.post("/api/v1/annotate", json={"url": fixture_url(page),
                                                     "html": page.read_text(encoding="utf-8")})
        assert resp.status_code in (200, 404, 422), (page, resp.data[:300])
        answered += resp.status_code == 200
        validator = response_validator(published, "/api/v1/annotate", "post", resp.status_code, resp.mimetype)
        errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}"
                  for e in validator.iter_errors(json.loads(resp.data))]
        if errors:
            failures.append(f"{page.relative_to(ROOT)} ({resp.status_code}): {errors[:3]}")
    assert answered >= 50
    assert failures == []


def test_a_page_without_a_status_matches(client, published):
    """The report's example: a curemydisease page shows no status (page.status null)."""
    page = ROOT / "fixtures" / "html" / "curemydisease.com" / "nct07635758_semantic.html"
    resp = client.post("/api/v1/annotate", json={"url": fixture_url(page), "html": page.read_text(encoding="utf-8")})
    body = resp.get_json()
    assert resp.status_code == 200 and body["page"]["status"] is None
    assert list(response_validator(published, "/api/v1/annotate", "post", 200, "application/json")
                .iter_errors(body)) == []


BUNDLED = sorted(p.stem for p in (SAVED_COPIES).glob("NCT*.json"))


@pytest.mark.parametrize("nct", BUNDLED)
def test_bundled_trials_answers_match_the_published_schema(client, published, nct):
    """The other endpoints' real answers for every bundled record, as shipped (criteria, related trials)."""
    calls = [("/api/v1/trials/{nct_id}", f"/api/v1/trials/{nct}"),
             ("/api/v1/trials/{nct_id}/criteria", f"/api/v1/trials/{nct}/criteria"),
             ("/api/v1/trials/{nct_id}/related", f"/api/v1/trials/{nct}/related?k=50&status=any"),
             ("/api/v1/trials/{nct_id}/drift", f"/api/v1/trials/{nct}/drift?status=Recruiting&as_of=2025-06"),
             ("/api/v1/status", f"/api/v1/status?ids={nct},NCT00000001")]
    for template, address in calls:
        resp = client.get(address)
        if resp.status_code == 501:   # (a part not installed on this checkout)
            continue
        validator = response_validator(published, template, "get", resp.status_code, resp.mimetype)
        assert [e.message for e in validator.iter_errors(json.loads(resp.data))] == [], address
