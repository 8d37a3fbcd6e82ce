"""plain20: the trial's own cancer, said another way, keeps its qualifier. "History of malignancy" in a cancer trial
was "You have had cancer" (everyone in it has: under "You cannot join if…" it read as ruling them all out); "cancer of
the cervix" in a cervical-cancer trial and "rectal cancer" in a colorectal-cancer trial were not read as the trial's
own, so their "prior" / "history of" went (NCT00005979: "You have had no rectal cancer within 10 cm of anal margin …").
"""

from __future__ import annotations

import pytest

from scrapers.fidelity import check_fidelity
from plain_support import trial_record as _record
from server.explain import explain, explain_item


def _shown(conditions: list[str], title: str, section: str, item: str) -> str:
    heading = "Inclusion Criteria" if section == "inclusion" else "Exclusion Criteria"
    items = explain(_record(conditions, title, f"{heading}:\n\n- {item}\n")).items()
    assert len(items) == 1
    e = items[0]
    assert not check_fidelity(e.original, e.shown)
    return e.shown


CERVIX = (["Cervical Cancer"], "Cisplatin in Treating Patients With Cancer of the Cervix")
COLORECTAL = (["Colorectal Cancer"], "Oxaliplatin in Treating Patients With Colorectal Cancer")
BLADDER = (["Bladder Cancer"], "Celecoxib in Treating Transitional Cell Carcinoma of the Bladder")
DIABETES = (["Type 2 Diabetes"], "Metformin in Type 2 Diabetes")


@pytest.mark.parametrize("trial, section, item, shown", [
    # cancer in general, in a cancer trial: another, earlier one; its "history of" stays
    (CERVIX, "exclusion", "History of malignancy", "You have a history of cancer"),
    (COLORECTAL, "exclusion", "History of malignancy within 5 years except basal cell carcinoma",
     "You have a history of cancer within 5 years except basal cell carcinoma"),
    (COLORECTAL, "inclusion", "No history of malignancy", "You have no history of cancer"),
    # the trial's cancer named by its organ after the word
    (CERVIX, "exclusion", "History of cancer of the cervix", "You have a history of cancer of the cervix"),
    # one of the two sites a colorectal trial names (corpus NCT00005979's words)
    (COLORECTAL, "inclusion", "No prior rectal cancer within 10 cm of anal margin",
     "You have had no prior rectal cancer within 10 cm of anal margin"),
    (COLORECTAL, "exclusion", "Prior rectal cancer", "You have had a prior rectal cancer"),
    (COLORECTAL, "exclusion", "Previous colon cancer", "You have had a previous colon cancer"),
])
def test_the_trials_own_cancer_said_another_way_keeps_its_qualifier(trial, section, item, shown):
    assert _shown(*trial, section, item) == shown


@pytest.mark.parametrize("trial, section, item, shown", [
    # not a cancer trial: having had cancer is what the item says
    (DIABETES, "exclusion", "History of malignancy", "You have had cancer"),
    # another cancer, or cancer of another organ: as before
    (CERVIX, "exclusion", "History of other malignancy", "You have had other cancer"),
    (CERVIX, "exclusion", "History of cancer of the skin", "You have had cancer of the skin"),
    (COLORECTAL, "exclusion", "Previous breast cancer", "You have had breast cancer"),
    # no cancer at all, and a treatment for one (the two a first draft caught across the corpus: NCT00004063, NCT00002976)
    (COLORECTAL, "inclusion", "No history of malignant hyperthermia following general anesthesia",
     "You have never had malignant hyperthermia following general anesthesia"),
    (COLORECTAL, "inclusion", "No prior cancer treatment that would preclude study therapy",
     "You have had no cancer treatment that would prevent study treatment"),
    # another organ's cancer named after the word (NCT00003623, a bladder-cancer trial)
    (BLADDER, "inclusion", "No history of transitional cell carcinoma of the prostate",
     "You have never had transitional cell cancer of the prostate"),
])
def test_elsewhere_the_rewrite_is_as_before(trial, section, item, shown):
    assert _shown(*trial, section, item) == shown


def test_no_trial_known_keeps_the_general_rule():
    assert explain_item("History of malignancy", "exclusion").shown == "You have had cancer"
