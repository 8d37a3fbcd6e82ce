"""NCT ids with fullwidth letters ("ＮＣＴ０７２３２５６３", "ＮＣＴ07232563", as CJK input writes them): fullwidth
digits alone were read, but "ＮＣＴ" was refused in a URL path, /status?ids=, the HTML form and page text. They are
read as the ASCII id everywhere; other look-alikes ("𝐍𝐂𝐓…", "NCT²…") still are not ids."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from service_support import providers, standard_registry

from scrapers.errors import InvalidNctId
from scrapers.nct import find_nct_ids, normalize_nct_id
from server import create_app

ID = "NCT07232563"
WIDE = ["ＮＣＴ０７２３２５６３", "ＮＣＴ07232563", "ｎｃｔ０７２３２５６３", "Ｎct07232563", "nct07232563",
        "ＮＣＴ－０７２３２５６３", "ＮＣＴ：０７２３　２５６３"]


@pytest.fixture(scope="module")
def client():
    app = create_app({"TRIALLENS_RATE_LIMIT": "off", "TRIALLENS_OFFLINE": "1"},
                     providers=providers(standard_registry()))
    return app.test_client()


@pytest.mark.parametrize("typed", WIDE)
def test_normalize_reads_fullwidth_letters(typed):
    assert normalize_nct_id(typed) == ID


@pytest.mark.parametrize("junk", ["𝐍𝐂𝐓07232563", "ⓃⒸⓉ07232563", "NCT²7232563", "ＮＣＴ０７２３２５６", "ＮＣＴ０７２３２５６３４",
                                  "ＮＣＴ０７２３２５６３ｘ", "ＮＣＸ０７２３２５６３", "ＮＣＴ－－－０７２３２５６３"])
def test_other_look_alikes_are_still_no_id(junk):
    with pytest.raises(InvalidNctId):
        normalize_nct_id(junk)


def test_page_text_finder_reads_fullwidth_letters():
    text = "試験 ＮＣＴ０７２３２５６３ と ｎｃｔ：０６４２ ７６４２、ＮＣＴ07232563 再掲。"
    assert find_nct_ids(text) == [ID, "NCT06427642"]
    # a letter or digit before it, fullwidth or not, makes it part of another word, as in ASCII
    assert find_nct_ids("ｘＮＣＴ０７２３２５６３ １ＮＣＴ０７２３２５６３ xＮＣＴ07232563") == []
    assert find_nct_ids("İ ＮＣＴ０７２３２５６３") == [ID]   # (the other scan, for text holding "İ")


@pytest.mark.parametrize("typed", WIDE)
def test_api_trial_paths_read_fullwidth_letters(client, typed):
    resp = client.get(f"/api/v1/trials/{quote(typed)}")
    assert resp.status_code == 200, resp.data[:300]
    assert resp.get_json()["nct_id"] == ID
    drift = client.get(f"/api/v1/trials/{quote(typed)}/drift?status=Recruiting")
    assert drift.status_code == 200 and drift.get_json()["nct_id"] == ID


def test_status_ids_read_fullwidth_letters(client):
    body = client.get("/api/v1/status", query_string={"ids": "ＮＣＴ０７２３２５６３,ＮＣＴ00000001,nct00000002"}).get_json()
    assert list(body["statuses"]) == [ID, "NCT00000001", "NCT00000002"]
    assert not body.get("missing")   # (an id it cannot read is listed there as "invalid")


def test_form_lookup_reads_fullwidth_letters(client):
    resp = client.get("/lookup", query_string={"nct_id": "ＮＣＴ０７２３２５６３", "status": "Recruiting"})
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith(f"/trials/{ID}?status=Recruiting")


def test_html_trial_page_reads_fullwidth_letters(client):
    resp = client.get(f"/trials/{quote('ＮＣＴ０７２３２５６３')}")
    assert resp.status_code == 200, resp.data[:300]
    assert ID in resp.get_data(as_text=True)


def test_annotate_reads_fullwidth_letters_in_page_text(client):
    html = "<html><body><h1>試験 ＮＣＴ０７２３２５６３</h1><p>Status: Recruiting</p></body></html>"
    resp = client.post("/api/v1/annotate", json={"html": html})
    assert resp.status_code == 200, resp.data[:300]
    assert resp.get_json()["nct_id"] == ID
