"""What the command line says about input it cannot use: a clear `triallens: error: …` and exit status 2, in the
same words as the service where both take the same input (review r23)."""

import pytest

from conftest import FIXTURES

PAGE = FIXTURES / "html" / "clinconnect.io" / "nct06427642_full.html"
UNBUNDLED = FIXTURES / "html" / "trialx.com" / "nct00006046_runin_heading.html"   # (no bundled record of its trial)


@pytest.mark.parametrize("args", [["check", str(PAGE)], ["check", str(PAGE), "--json"], ["check", str(UNBUNDLED)],
                                  ["explain", "NCT06427642"], ["related", "NCT06427642"]])
def test_a_store_that_is_not_a_triallens_store_is_an_error_for_every_verb(args, tmp_path, monkeypatch, capsys):
    """#5: `check` fell back to the bundled record and said "TrialLens could not check with ClinicalTrials.gov just
    now" (exit 0), or "no official record … in fixtures/ctgov" for other trials; `explain` used the bundled record
    silently. Now as `related` and `serve`: the store is named as not a TrialLens store."""
    from server.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text("{bad json}")
    monkeypatch.setenv("TRIALLENS_DB", str(bad))
    assert main(args) == 2
    out = capsys.readouterr()
    assert out.err == f"triallens: error: {bad} is not a TrialLens store (SQLite said: file is not a database)\n"
    assert "ClinicalTrials.gov" not in out.out
