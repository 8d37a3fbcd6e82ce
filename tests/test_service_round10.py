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


# 6. NCT ids written with non-ASCII digits are read as their ASCII id ----------------------

FULLWIDTH_ID = "NCT０７２３２５６３"
ARABIC_INDIC_ID = "NCT٠٧٢٣٢٥٦٣"


@pytest.mark.parametrize("nct", [FULLWIDTH_ID, ARABIC_INDIC_ID])
def test_trial_path_with_other_digits_is_the_trial(client, nct):
    resp = client.get(f"/api/v1/trials/{nct}")
    assert resp.status_code == 200, resp.data[:300]
    assert resp.get_json()["nct_id"] == "NCT07232563"
    drift = client.get(f"/api/v1/trials/{nct}/drift?status=Recruiting").get_json()
    assert drift["nct_id"] == "NCT07232563"


def test_unknown_trial_with_other_digits_names_the_ascii_id(client):
    body = problem(client.get("/api/v1/trials/NCT０１２３４５６７"), 404)
    assert body["nct_id"] == "NCT01234567" and "NCT01234567" in body["detail"]


def test_status_ids_with_other_digits(client):
    body = client.get(f"/api/v1/status?ids={FULLWIDTH_ID},NCT07232563,NCT٠١٢٣٤٥٦٧").get_json()
    assert list(body["statuses"]) == ["NCT07232563", "NCT01234567"]
    assert body["missing"] == {"NCT01234567": "not_found"}


def test_drift_batch_ids_with_other_digits(client):
    body = client.post("/api/v1/drift", json={"items": [{"nct_id": ARABIC_INDIC_ID, "status": "Recruiting"}]}).get_json()
    assert body["results"][0]["nct_id"] == "NCT07232563" and "drift" in body["results"][0]


def test_annotate_page_with_other_digits(client):
    html = f"<html><body><h1>Trial {ARABIC_INDIC_ID}</h1><p>Status: Recruiting</p></body></html>"
    resp = client.post("/api/v1/annotate", json={"html": html})
    assert resp.status_code == 200, resp.data[:300]
    body = resp.get_json()
    assert body["nct_id"] == "NCT07232563" and body["page"]["nct_id"] == "NCT07232563"
    assert body["official"]["nct_id"] == "NCT07232563"


def test_as_of_year_with_other_digits_is_echoed_in_ascii(client):
    body = client.get("/api/v1/trials/NCT07232563/drift", query_string={"as_of": "20٢٥"}).get_json()
    assert body["page"]["as_of"] == "2025"


# 8. POST /drift: a bad item is its own error, with its index -----------------------------

VALID = {"nct_id": "NCT00000002", "status": "Recruiting"}


@pytest.mark.parametrize("item,nct_id,detail", [
    ({"nct_id": 123}, None, 'items[1]: "nct_id" must be a string, got int'),
    ({"status": "Recruiting"}, None, 'items[1]: "nct_id" is required'),
    ({"nct_id": "NCT07232563", "status": ["x"]}, "NCT07232563", 'items[1]: "status" must be a string, got list'),
    ({"nct_id": "NCT07232563", "as_of": "\ud800"}, "NCT07232563",
     'items[1]: "as_of" is not valid Unicode (it holds half of a surrogate pair)'),
    ({"nct_id": "NCT0723\udc00"}, None, 'items[1]: "nct_id" is not valid Unicode (it holds half of a surrogate pair)'),
    (7, None, 'items[1] must be an object {"nct_id", "status", "as_of", "site"}, got int'),
    (None, None, 'items[1] must be an object {"nct_id", "status", "as_of", "site"}, got NoneType'),
])
def test_drift_batch_bad_item_is_its_own_error(client, item, nct_id, detail):
    resp = client.post("/api/v1/drift", json={"items": [VALID, item, VALID]})
    assert resp.status_code == 200, resp.data[:300]
    first, bad, last = resp.get_json()["results"]
    assert first["drift"]["verdict"] == last["drift"]["verdict"] == "not_recruiting"
    assert bad == {"index": 1, "nct_id": nct_id, "error": {
        "type": "urn:triallens:problem:bad-request", "title": "Bad request", "status": 400, "detail": detail}}


def test_drift_batch_invalid_id_and_unknown_trial_carry_their_index(client):
    res = client.post("/api/v1/drift", json={"items": [{"nct_id": "bogus"}, VALID, {"nct_id": "NCT01234567"}]}
                      ).get_json()["results"]
    assert (res[0]["index"], res[0]["nct_id"], res[0]["error"]["status"]) == (0, "bogus", 400)
    assert "index" not in res[1] and res[1]["nct_id"] == "NCT00000002"
    assert (res[2]["index"], res[2]["error"]["status"], res[2]["error"]["nct_id"]) == (2, 404, "NCT01234567")


# 9. a body sent as a form is told to send JSON -----------------------------------------

FORM_DETAIL = ("the request body must be JSON sent with Content-Type: application/json, not {} "
               "(with curl: -H 'Content-Type: application/json' --data-binary @body.json)")


@pytest.mark.parametrize("path,body", [("/api/v1/drift", {"items": [VALID]}),
                                       ("/api/v1/annotate", {"html": "<h1>NCT07232563</h1>"})])
@pytest.mark.parametrize("mimetype", ["application/x-www-form-urlencoded", "multipart/form-data"])
def test_form_body_is_told_to_send_json(client, path, body, mimetype):
    import json

    resp = client.post(path, data=json.dumps(body), content_type=mimetype + ("; boundary=x" if "multipart" in mimetype else ""))
    doc = problem(resp, 415)
    assert doc["type"] == "urn:triallens:problem:unsupported-media-type"
    assert doc["detail"] == FORM_DETAIL.format(mimetype)


def test_json_without_form_type_still_read(client):
    import json

    for mimetype in ("application/json", "text/plain", None):
        resp = client.post("/api/v1/drift", data=json.dumps({"items": [VALID]}),
                           **({"content_type": mimetype} if mimetype else {}))
        assert resp.status_code == 200, (mimetype, resp.data[:200])


# 13. smaller inconsistencies -------------------------------------------------------------

def test_status_ids_repeats_count_once_and_only_commas_is_missing_ids(client):
    body = client.get("/api/v1/status?ids=" + ",".join(["NCT07232563"] * 101)).get_json()
    assert list(body["statuses"]) == ["NCT07232563"]
    assert problem(client.get("/api/v1/status?ids=,,,"), 400)["detail"] == '"ids" is required: NCT ids separated by commas'


def test_whitespace_status_is_no_status(client):
    body = client.get("/api/v1/trials/NCT00000002/drift", query_string={"status": "  ", "as_of": " "}).get_json()
    assert body["page"]["status_text"] is None and body["page"]["as_of"] is None
    assert body["drift"]["reason"] == "nothing_to_compare"
