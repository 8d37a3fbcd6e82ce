"""A claimed status, date or site (GET /api/v1/trials/{id}/drift?status=&as_of=&site=, POST /api/v1/drift items, the
look-up page's /trials/{id}?status=) longer than MAX_CLAIM characters, or holding a control character, is refused with
a 400 saying which: a status of any length was echoed back whole in `page.status_text` (review r24 (b)). The OpenAPI
document says the same limit, so a client can know it before asking."""

from __future__ import annotations

import re

import pytest
from service_support import FakeRegistry, providers, record

from server import create_app
from server.claim_text import MAX_CLAIM
from server.page_url import MAX_URL
from server.openapi import spec

LONG = "Recruiting " + "x" * MAX_CLAIM


@pytest.fixture(scope="module")
def client():
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "RECRUITING")})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()


@pytest.mark.parametrize("name,value,said", [
    ("status", LONG, f"status: longer than {MAX_CLAIM} characters ({len(LONG):,} given)"),
    ("site", "a" * (MAX_CLAIM + 1), f"site: longer than {MAX_CLAIM} characters ({MAX_CLAIM + 1:,} given)"),
    ("as_of", "2024-01-01" + " " * MAX_CLAIM + "x", f"as_of: longer than {MAX_CLAIM} characters"),
    ("status", "Recruiting\x00", "status: holds a control character (U+0000)"),
    ("status", "Re\x1bcruiting", "status: holds a control character (U+001B)"),
    ("site", "example.org\u0085", "site: holds a control character (U+0085)"),
])
def test_an_over_long_or_control_character_claim_is_a_400(client, name, value, said):
    resp = client.get("/api/v1/trials/NCT00000001/drift", query_string={name: value})
    assert resp.status_code == 400 and resp.mimetype == "application/problem+json", resp.data[:200]
    assert resp.get_json()["detail"].startswith(said), resp.get_json()["detail"]
    assert value not in resp.get_data(as_text=True)   # (not echoed back)
    batch = client.post("/api/v1/drift", json={"items": [{"nct_id": "NCT00000001", name: value},
                                                         {"nct_id": "NCT00000001", "status": "Recruiting"}]})
    first, second = batch.get_json()["results"]
    assert first["error"]["status"] == 400 and first["error"]["detail"].startswith(f"items[0]: {said}")
    assert second["drift"]["verdict"] == "in_sync"   # (one bad item does not sink the batch)
    page = client.get("/trials/NCT00000001", query_string={name: value})
    assert page.status_code == 400 and value not in page.get_data(as_text=True)


def test_the_page_says_it_in_a_persons_words(client):
    text = client.get("/trials/NCT00000001", query_string={"status": LONG}).get_data(as_text=True)
    assert "That status is too long" in text and f"longer than {MAX_CLAIM} characters" in text
    assert re.search(r'<input[^>]*id="status"[^>]*aria-invalid="true"', text)


def test_a_claim_at_the_limit_is_read(client):
    at = "Recruiting" + " " * (MAX_CLAIM - 20) + "recruiting"
    resp = client.get("/api/v1/trials/NCT00000001/drift", query_string={"status": at, "site": "s" * MAX_CLAIM})
    assert resp.status_code == 200 and resp.get_json()["page"]["site"] == "s" * MAX_CLAIM


def test_the_spec_states_the_same_limit():
    doc = spec()
    params = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/trials/{nct_id}/drift"]["get"]["parameters"]}
    item = doc["components"]["schemas"]["DriftItem"]["properties"]
    for schema in (params["status"], params["site"], params["as_of"], item["status"], item["site"], item["as_of"]):
        assert schema["maxLength"] == MAX_CLAIM

        def valid(text: str) -> bool:
            return len(text) <= schema["maxLength"] and re.search(schema["pattern"], text) is not None
        assert valid("Recruiting") and valid("x" * MAX_CLAIM) and valid("Active, not recruiting")
        assert not valid("x" * (MAX_CLAIM + 1)) and not valid("Recruiting\x00") and not valid("a\u0085")


@pytest.mark.parametrize("path", ["/", "/lookup?nct_id=NCT0&status=Recruiting"])
def test_the_look_up_form_takes_what_the_api_reads(client, path):
    """The form's status field took 80 characters and its date 40 while the API reads MAX_CLAIM (256): a longer
    status pasted into the form was cut short without a word. Both claim fields now take MAX_CLAIM, on the form and
    on its error page."""
    text = client.get(path, follow_redirects=True).get_data(as_text=True)
    for name in ("status", "as_of"):
        field = re.search(rf'<input id="{name}"[^>]*>', text).group(0)
        assert f'maxlength="{MAX_CLAIM}"' in field, field
    # the page address: page_url.MAX_URL (4,096), as the API and the OpenAPI schema read it (the form took 2,000)
    field = re.search(r'<input id="url"[^>]*>', text).group(0)
    assert f'maxlength="{MAX_URL}"' in field, field



@pytest.mark.parametrize("name,value,status_text", [
    ("status", "Recruiting\n", "Recruiting"), ("status", "Recruiting\r\n", "Recruiting"),
    ("status", "\tRecruiting", "Recruiting"), ("status", "Not yet\nrecruiting", "Not yet recruiting"),
    ("as_of", "2024-01-01\r", "Recruiting")])
def test_a_value_pasted_with_a_line_break_or_tab_is_read(name, value, status_text):
    """R25: a status or date pasted from a spreadsheet cell or CSV line carries a line break or tab; it was a 400, and
    "Recruiting\n" on a completed trial lost its critical alarm. Tab, line feed and carriage return read as spaces
    (the schema allows them too); other control characters stay a 400 (above)."""
    reg = FakeRegistry(records={"NCT00000001": record("NCT00000001", "COMPLETED")})
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg)).test_client()
    claim = {name: value} if name == "status" else {"status": "Recruiting", name: value}
    resp = client.get("/api/v1/trials/NCT00000001/drift", query_string=claim)
    assert resp.status_code == 200, resp.data[:200]
    answer = resp.get_json()
    assert answer["page"]["status_text"] == status_text
    assert answer["drift"]["verdict"] == "not_recruiting"   # (the critical alarm stands)
    batch = client.post("/api/v1/drift", json={"items": [{"nct_id": "NCT00000001", **claim}]}).get_json()
    assert batch["results"][0]["drift"]["verdict"] == "not_recruiting"
    assert client.get("/trials/NCT00000001", query_string=claim).status_code == 200
    pattern = spec()["paths"]["/api/v1/trials/{nct_id}/drift"]["get"]["parameters"]
    assert all(re.search(p["schema"]["pattern"], value) for p in pattern if p["name"] == name)
