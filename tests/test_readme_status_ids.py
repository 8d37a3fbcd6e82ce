"""README's /status line said only that "nct07232563" comes back as NCT07232563, though full-width ids
("ＮＣＴ０７２３２５６３", as CJK input types them) are read too (r23 leftovers #4): the README says so, and the API does
what it says."""

from __future__ import annotations

from pathlib import Path

from service_support import FakeRegistry, providers, record

from server import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
WIDE = "ＮＣＴ０７２３２５６３"


def test_readme_says_full_width_ids_are_read_and_they_are():
    status_line = next(line for line in README.splitlines() if line.startswith("| `GET /api/v1/status?ids="))
    assert f"comes back as `NCT07232563`, and so does the full-width `{WIDE}`" in status_line
    client = create_app({"TRIALLENS_RATE_LIMIT": "off"},
                        providers=providers(FakeRegistry(records={"NCT07232563": record("NCT07232563")}))).test_client()
    got = client.get("/api/v1/status", query_string={"ids": f"{WIDE},nct07232563"}).get_json()
    assert list(got["statuses"]) == ["NCT07232563"] and got["missing"] == {}
    assert client.get(f"/api/v1/trials/{WIDE}").get_json()["nct_id"] == "NCT07232563"
    assert client.get(f"/trials/{WIDE}").status_code == 200
