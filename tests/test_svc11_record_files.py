"""Every CLI command that reads a record file refuses one that is no usable API v2 study, as the registry's answers,
`sync`, `ingest` and `check --record` do (scrapers/registry/usable.py): `triallens explain FILE` explained a record
with no status, or a minimum age of 18 as a number, as if it were the trial's, exit status 0."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import copy
import json

import pytest

from server.cli import main
from fake_ctgov import ROOT

BUNDLED = json.loads((SAVED_COPIES / "NCT07232563.json").read_text())
PAGE = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"


def spoiled(how: str) -> dict:
    data = copy.deepcopy(BUNDLED)
    ps = data["protocolSection"]
    if how == "no status module":
        del ps["statusModule"]
    elif how == "null status":
        ps["statusModule"]["overallStatus"] = None
    elif how == "age as a number":
        ps["eligibilityModule"]["minimumAge"] = 18
    elif how == "id alone":
        data = {"protocolSection": {"identificationModule": {"nctId": "NCT07232563"}}}
    return data


CASES = [("no status module", "no protocolSection.statusModule (the trial's status)"),
         ("null status", "protocolSection.statusModule.overallStatus is missing, not a status such as RECRUITING"),
         ("age as a number", "protocolSection.eligibilityModule.minimumAge is a number, not a string"),
         ("id alone", "no protocolSection.statusModule (the trial's status)")]


@pytest.fixture(autouse=True)
def _offline_store(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "store.sqlite3"))


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
@pytest.mark.parametrize("how,why", CASES)
def test_explain_refuses_an_unusable_record_file(tmp_path, capsys, how, why, json_flag):
    f = tmp_path / "record.json"
    f.write_text(json.dumps(spoiled(how)))
    assert main(["explain", str(f), *json_flag]) == 2
    out = capsys.readouterr()
    assert out.out == ""   # (nothing explained: no criteria, no at-a-glance block, no JSON)
    assert out.err == f"triallens: error: {f} is not a usable ClinicalTrials.gov API v2 study: {why}\n"


@pytest.mark.parametrize("how,why", CASES)
def test_check_record_refuses_the_same_files_in_the_same_words(tmp_path, capsys, how, why):
    f = tmp_path / "record.json"
    f.write_text(json.dumps(spoiled(how)))
    assert main(["check", str(PAGE), "--record", str(f)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == f"triallens: error: --record {f} is not a usable ClinicalTrials.gov API v2 study: {why}\n"


def test_a_usable_record_file_is_still_explained(tmp_path, capsys):
    f = tmp_path / "record.json"
    f.write_text(json.dumps({"studies": [BUNDLED]}))   # (an API answer holding one study, as before)
    assert main(["explain", str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nct_id"] == "NCT07232563"
