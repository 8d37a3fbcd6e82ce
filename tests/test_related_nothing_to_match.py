"""A record with nothing to match on (a withheld record such as NCT03182660: no conditions, a stand-in title) has no
related trials whatever their status: the page and the card said "None open in TrialLens's saved copy …" and the CLI
"(try --any-status)", which would not help (r23 leftovers #2). The answer now says why ("nothing_to_match") and every
surface words it the same."""

from __future__ import annotations

import copy
import json

from service_support import FakeRegistry, providers
from test_no_criteria_given import WITHHELD
from test_related_shown import _rec
from test_service_pages import section

from scrapers.model import OfficialRecord
from server import create_app
from server.related import related
from server.related_words import RELATED_NOTHING_TO_MATCH

SAID = ("ClinicalTrials.gov gives no conditions or keywords for this trial, so TrialLens cannot suggest related "
        "trials.")


def _client(tmp_path):
    """The withheld record, an ordinary one, and a related-trials index of a few gout trials."""
    from scrapers.registry.store import Store

    store = Store(tmp_path / "s.db")
    store.put_many([_rec("NCT90000301", "Allopurinol for gout"), _rec("NCT90000302", "Allopurinol dosing in gout")],
                   origin="test")
    reg = FakeRegistry(records={"NCT03182660": OfficialRecord(copy.deepcopy(WITHHELD)),
                                "NCT90000301": _rec("NCT90000301", "Allopurinol for gout")})
    prov = providers(reg, related=lambda record, k, statuses: related(record, k, statuses, store=store))
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=prov).test_client()


def test_the_api_says_why_there_are_none(tmp_path):
    client = _client(tmp_path)
    got = client.get("/api/v1/trials/NCT03182660/related").get_json()
    assert got == {"nct_id": "NCT03182660", "related": [], "reason": "nothing_to_match"}
    # (an ordinary record's answer keeps its shape)
    other = client.get("/api/v1/trials/NCT90000301/related").get_json()
    assert other["related"] and "reason" not in other
    schema = client.get("/openapi.json").get_json()
    answer = schema["paths"]["/api/v1/trials/{nct_id}/related"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert answer["properties"]["reason"]["enum"] == ["nothing_to_match"]
    assert schema["components"]["schemas"]["Annotation"]["properties"]["related_reason"]["enum"] == ["nothing_to_match"]


def test_the_page_says_why_not_none_open(tmp_path):
    client = _client(tmp_path)
    assert RELATED_NOTHING_TO_MATCH == SAID
    said = section(client.get("/trials/NCT03182660"), "related")
    assert said == "Related trials " + SAID
    assert "None open" not in said


def test_the_cli_says_why_not_try_any_status(tmp_path, monkeypatch, capsys):
    from scrapers.registry import Store
    from server.cli import main as cli_main

    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "no-fixtures"))
    store = Store(tmp_path / "s.db")
    store.put_many([OfficialRecord(copy.deepcopy(WITHHELD)), _rec("NCT90000301", "Allopurinol for gout")],
                   origin="test")
    store.close()
    assert cli_main(["related", "NCT03182660", "--db", str(tmp_path / "s.db")]) == 0
    assert capsys.readouterr().out == SAID + "\n"
    assert cli_main(["related", "NCT03182660", "--db", str(tmp_path / "s.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"nct_id": "NCT03182660", "related": [], "reason": "nothing_to_match"}


def test_the_card_words_it_as_the_service_does():
    from pathlib import Path
    card = (Path(__file__).resolve().parents[1] / "extension" / "content" / "cardsections.js").read_text(encoding="utf-8")
    assert f'nothing_to_match: "{RELATED_NOTHING_TO_MATCH}",' in card
