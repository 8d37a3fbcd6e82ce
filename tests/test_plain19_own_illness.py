"""The trial's own illness keeps its qualifier (plain19). "Previous breast cancer" under the exclusions of a
breast-cancer trial is another, earlier breast cancer; shown as "You have had breast cancer" it reads as the very
cancer the trial is for (everyone in it has had it). The record's word stays: "You have had a previous breast
cancer", "You have a history of breast cancer". Elsewhere (another trial's cancer, a treatment, no trial known)
the rewrite is as before, and an item about the trial's cancer now never gains "previous"."""

from __future__ import annotations

import pytest

from scrapers.fidelity import check_fidelity
from plain_support import trial_record as _record
from server.explain import explain, explain_item, explain_text
from server.own_illness import names_own_illness, trial_words


def _shown(conditions: list[str], title: str, criteria: str) -> list[str]:
    return [e.shown for e in explain(_record(conditions, title, criteria)).items()]


BREAST = (["Breast Cancer"], "Letrozole After Surgery in Women With Early Breast Cancer")


@pytest.mark.parametrize("item, shown", [
    ("Previous breast cancer", "You have had a previous breast cancer"),
    ("Prior invasive breast cancer", "You have had a prior invasive breast cancer"),
    ("Prior contralateral breast carcinoma", "You have had a prior contralateral breast cancer"),
    ("Prior breast cancers", "You have had prior breast cancers"),
    ("History of breast cancer", "You have a history of breast cancer"),
    ("Patients with a history of invasive breast cancer", "You have a history of invasive breast cancer"),
])
def test_the_trials_own_cancer_keeps_its_qualifier_among_the_exclusions(item, shown):
    assert _shown(*BREAST, f"Exclusion Criteria:\n\n- {item}\n") == [shown]


@pytest.mark.parametrize("item, shown", [
    ("No prior breast cancer", "You have had no prior breast cancer"),
    ("No history of invasive breast cancer", "You have no history of invasive breast cancer"),
])
def test_the_trials_own_cancer_keeps_its_qualifier_among_the_requirements(item, shown):
    assert _shown(*BREAST, f"Inclusion Criteria:\n\n- {item}\n") == [shown]


def test_a_lymphoma_trial_keeps_previous_before_lymphoma():
    assert _shown(["Lymphoma, Non-Hodgkin"], "R-CHOP in Lymphoma", "Exclusion Criteria:\n\n- Previous low-grade lymphoma\n") == [
        "You have had a previous low-grade lymphoma"]


def test_the_trials_own_condition_keeps_previous():
    assert _shown(["Stroke"], "Rehabilitation After Stroke", "Exclusion Criteria:\n\n- Previous stroke within 3 months\n") == [
        "You have had a previous stroke within 3 months"]


@pytest.mark.parametrize("item, shown", [
    # another trial's cancer: "had" says the past, nothing reads as the trial's own
    ("Previous prostate cancer", "You have had prostate cancer"),
    ("History of prostate cancer", "You have had prostate cancer"),
    # a treatment for the trial's cancer, not the cancer
    ("Prior breast cancer surgery", "You have had breast cancer surgery"),
    ("Previous lumbar spine surgery", "You have had lumbar spine surgery"),
])
def test_elsewhere_the_rewrite_is_as_before(item, shown):
    assert _shown(*BREAST, f"Exclusion Criteria:\n\n- {item}\n") == [shown]


@pytest.mark.parametrize("item, shown", [
    # a vaccine for the trial's cancer, and a cancer's removal (corpus NCT00003224, NCT00004104, NCT00002550)
    ("prior melanoma vaccinations", "You have had melanoma vaccinations"),
    ("No prior melanoma vaccine", "You have had no melanoma vaccine"),
    ("No prior resection of primary melanoma", "You have had no surgical removal of primary melanoma"),
])
def test_a_treatment_of_the_trials_own_cancer_is_as_before(item, shown):
    assert _shown(["Melanoma (Skin)"], "Vaccine Therapy in Treating Patients With Metastatic Melanoma",
                  f"Inclusion Criteria:\n\n- {item}\n") == [shown]


def test_without_a_trial_nothing_is_kept_beyond_the_general_rules():
    assert explain_item("Previous breast cancer", "exclusion").shown == "You have had breast cancer"
    assert [e.shown for e in explain_text("Exclusion Criteria:\n\n- History of breast cancer\n").items()] == [
        "You have had breast cancer"]


def test_the_trials_current_cancer_gains_no_previous():
    criteria = ("Inclusion Criteria:\n\n- Histologically confirmed invasive breast cancer\n"
                "- Breast cancer diagnosed within 12 weeks\n\nExclusion Criteria:\n\n- Metastatic breast cancer\n")
    for shown in _shown(*BREAST, criteria):
        assert not any(w in shown.lower() for w in ("previous", "prior", "history", "before", "past")), shown


def test_one_records_words_do_not_reach_the_next():
    with trial_words(["Breast Cancer"], []):
        assert names_own_illness("breast cancer")
    assert not names_own_illness("breast cancer")
    assert _shown(["Prostate Cancer"], "ADT", "Exclusion Criteria:\n\n- Previous breast cancer\n") == [
        "You have had breast cancer"]


@pytest.mark.parametrize("rest, own", [
    ("breast cancer or melanoma", True),
    ("breast cancer treatment", False),
    ("cancer", False),          # a bare "cancer": the general rule keeps "prior" before it in any trial
    ("prostate cancer", False),
    ("invasive breast carcinoma", True),
])
def test_names_own_illness(rest, own):
    with trial_words(*BREAST[:1], [BREAST[1]]):
        assert names_own_illness(rest) is own


def test_the_kept_words_pass_the_fidelity_check():
    for item in ("Previous breast cancer", "History of breast cancer", "No prior breast cancer"):
        shown = _shown(*BREAST, f"Inclusion Criteria:\n\n- {item}\n")[0]
        assert shown != item and not check_fidelity(item, shown)
