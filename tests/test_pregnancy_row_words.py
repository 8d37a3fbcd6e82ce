"""The pregnancy row says a plan to become pregnant during the study (plain10) in one wording wherever it is shown: the
service's trial page, `triallens explain` and the card (extension/lib/criteria.js pregnancyRow). `explain` and the card
said only "excluded", and nothing for a trial that rules out only the plan."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from server.cli import main
from server.glance import (AND_UP_TO, DURING_THE_STUDY, EXCLUDED_ALSO_IF, EXCLUDED_IF, PLANS, PREGNANCY_AND_PLAN_EXCLUDED,
                           PREGNANCY_EXCLUDED, PREGNANCY_EXCLUDED_SOME_GROUPS, PREGNANCY_PLAN_EXCLUDED, pregnancy_row)


@pytest.mark.parametrize("glance, row", [
    ({"pregnancy_excluded": True, "pregnancy_plan_excluded": True}, PREGNANCY_AND_PLAN_EXCLUDED),
    ({"pregnancy_excluded": False, "pregnancy_plan_excluded": True}, PREGNANCY_PLAN_EXCLUDED),
    ({"pregnancy_excluded": True, "pregnancy_plan_excluded": False}, PREGNANCY_EXCLUDED),
    ({"pregnancy_excluded": True}, PREGNANCY_EXCLUDED),   # (an answer from a service before plain10)
    ({"pregnancy_excluded": False, "pregnancy_plan_excluded": False}, None),
    # (glance9: a rule only some of the study's groups state; never over the study's own, nor a plan's)
    ({"pregnancy_excluded": False, "pregnancy_excluded_some_groups": True}, PREGNANCY_EXCLUDED_SOME_GROUPS),
    ({"pregnancy_excluded": True, "pregnancy_excluded_some_groups": True}, PREGNANCY_EXCLUDED),
    ({"pregnancy_excluded": False, "pregnancy_excluded_some_groups": "yes"}, None),
])
def test_pregnancy_row(glance, row):
    assert pregnancy_row(glance) == row


def test_the_card_says_the_services_words():
    """The card builds the row as pregnancy_row does, from the same words in the same order (plain11: a plan to father
    a child; the plain10 rows are unchanged, above)."""
    card = (ROOT / "extension" / "lib" / "criteria.js").read_text(encoding="utf-8")
    body = re.search(r"(?s)function pregnancyRow\(g\) \{(.*?)\n  \}", card).group(1)
    said = [w for w in re.findall(r'"([^"]*)"', body) if w.strip()]   # (not the spaces it joins them with)
    # (plain14: and a span past the study, "and up to 120 days after the last dose", after a check of its type)
    assert said == [PLANS[True, True], PLANS[True, False], PLANS[False, True], "string", AND_UP_TO, EXCLUDED_ALSO_IF,
                    EXCLUDED_IF, DURING_THE_STUDY, PREGNANCY_EXCLUDED, PREGNANCY_EXCLUDED_SOME_GROUPS]


def test_explain_says_the_plan(tmp_path, monkeypatch, capsys):
    """NCT07635758 (bundled): "Pregnant or lactating women; or participants with pregnancy plans during the study
    period"."""
    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DB", str(tmp_path / "s.sqlite3"))
    assert main(["explain", "NCT07635758"]) == 0
    out = capsys.readouterr().out
    assert "  pregnancy:          excluded, also if planning a pregnancy during the study\n" in out
