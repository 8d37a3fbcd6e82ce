"""Short items a page words otherwise pair with the record's (scrapers/reconcile/alike.py).

"NSCLC" for "Non-small cell lung cancer", "ECOG PS 0-2" for "ECOG performance status 0-2", "Have hypertension." for
"Have high blood pressure." read too unlike letter by letter to pair, and a faithful page got a criterion_added
and a criterion_missing warning for each (review round 22: 129 of 2,759 faithful rewordings). Paired, each is
compared as any pair is, so a real change inside it is still said.
"""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.alike import worded_sim
from test_reconcile_criteria import _completed

TODAY = date(2026, 11, 22)
INC = ["Age 18 years or older", "Non-small cell lung cancer", "ECOG performance status 0-2",
       "Have high blood pressure.", "Male or female", "Signed informed consent"]
EXC = ["Pregnant or breastfeeding", "Nonsteroidal anti-inflammatory drugs.", "Prior chemotherapy"]
RECORD = _completed("NCT00000001", "Inclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in INC)
                    + "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {t}" for t in EXC))


def _findings(inclusion: list[str], exclusion: list[str] = EXC):
    page = PageRecord(site="meddatax.com", nct_id="NCT00000001", inclusion=list(inclusion), exclusion=list(exclusion))
    return [f for f in reconcile(page, RECORD, TODAY) if f.about == "page"]


def is_alarm(f) -> bool:
    """A warning or critical: what a reader is told the page gets wrong (the reworded note is INFO)."""
    return f.severity in ("warning", "critical")


@pytest.mark.parametrize("k, shown", [(1, "NSCLC"), (2, "ECOG PS 0-2"), (3, "Have hypertension."),
                                      (4, "Men and women")])
def test_a_short_item_worded_otherwise_is_no_alarm(k, shown):
    page = INC[:k] + [shown] + INC[k + 1:]
    found = _findings(page)
    assert not [f for f in found if is_alarm(f)]
    # paired with the record's item, and said to be worded otherwise (never silently the same text)
    assert [(f.kind, f.page_value, f.official_value) for f in found] == [("criterion_reworded", shown, INC[k])]


def test_an_exclusion_abbreviated_is_no_alarm():
    exc = [EXC[0], "NSAIDs.", EXC[2]]
    assert not [f for f in _findings(INC, exc) if is_alarm(f)]


def test_a_changed_figure_inside_a_worded_item_is_still_said():
    page = INC[:2] + ["ECOG PS 0-3"] + INC[3:]
    found = [f for f in _findings(page) if is_alarm(f)]
    assert [(f.kind, f.severity, f.official_value) for f in found] == [
        ("criterion_changed", "critical", "ECOG performance status 0-2")]


def test_another_term_for_a_lay_word_is_not_paired_as_reworded():
    """"Have hypotension." for "Have high blood pressure." is not the lay word for it: never a mere rewording."""
    page = INC[:3] + ["Have hypotension."] + INC[4:]
    kinds = {(f.kind, f.severity) for f in _findings(page)}
    assert ("criterion_reworded", "info") not in kinds
    assert kinds & {("criterion_added", "warning"), ("criterion_changed", "warning"), ("criterion_changed", "critical")}


def test_a_dropped_item_is_not_hidden_by_a_worded_pair():
    """The short forms pair only with the record item they stand for: the one left out is still said."""
    page = INC[:1] + ["NSCLC"] + INC[3:]   # "ECOG performance status 0-2" left out
    found = [(f.kind, f.official_value) for f in _findings(page) if is_alarm(f)]
    assert found == [("criterion_missing", "ECOG performance status 0-2")]


def test_worded_sim_reads_short_forms_and_lay_words():
    assert worded_sim("ECOG performance status 0-2", "ECOG PS 0-2") == 100
    assert worded_sim("Creatinine clearance > 60", "CrCl > 60") == 100
    assert worded_sim("Non-small cell lung cancer", "NSCLC") == 100
    assert worded_sim("Hypotension", "Low blood pressure") == 100
    # no short form or lay word: nothing to read otherwise
    assert worded_sim("Prior chemotherapy", "Signed informed consent") == 0
    # a run of small words is no short form's ("patients should" is no "PS"), nor a run the letters do not spell
    assert worded_sim("Patients should have PS 0-1", "ECOG PS 0-1") < 60
    assert worded_sim("Small cell lung cancer", "NSCLC") < 60
