"""`triallens sync` echoed the operator's ISO date ("sync since 2025-11-01: complete") where every other line the CLI
prints writes a date as the card does (r23 leftovers #3, review r23 #17): "sync since 1 Nov 2025". --json keeps ISO."""

from __future__ import annotations

import json

from fake_ctgov import fake_ctgov, studies, variant  # noqa: F401  (fixtures)

from server.cli import main as cli_main


def test_sync_says_its_date_as_the_cli_writes_dates(studies, fake_ctgov, tmp_path, monkeypatch, capsys):
    fake_ctgov.set_study(variant(studies[0], status="TERMINATED", last_update="2099-01-01"))
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    monkeypatch.setenv("TRIALLENS_CTGOV_URL", fake_ctgov.base_url)
    monkeypatch.setenv("TRIALLENS_OFFLINE", "")
    assert cli_main(["sync", "--since", "2098-11-01"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "sync since 1 Nov 2098: complete"
    assert cli_main(["sync", "--since", "2098-11-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["since"] == "2098-11-01"
