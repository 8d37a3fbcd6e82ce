"""One reader for "does this lead-in say its items keep people out of this trial" (scrapers/lead_ins.py, plain13).

The plain-English criteria (server/explain.py) and the criteria comparison (scrapers/reconcile/sections.py) each had
a regex for it, and they accepted different lead-ins: explain missed "Ineligible subtypes:" (NCT00002641: "You have
chondrosarcoma" under "You may be able to join if…") and "Patients will not be included if any of the following
conditions are present" (NCT00462241: "You have osteoporosis."); sections read "Were excluded from LEVP2005-1 for any
of the following reasons:" (NCT00462709, a requirement: people another study turned away) as keeping people out of
this trial, and missed "… are not eligible for enrollment in this study:" (NCT06945705). Lead-in texts are the
records' own."""

from __future__ import annotations

import pytest

from conftest import corpus_record
from test_moves2_one_list_side import _alarms

from scrapers import lead_ins
from scrapers.official import OfficialRecord
from server import explain
from server.explain import explain_text

SAY_OUT = [
    "Patients with the following are excluded:",                                          # NCT00000643
    "Patients are not eligible for this trial if they:",                                  # NCT00005017
    "Excluded:",                                                                          # NCT00002443
    "Ineligible subtypes:",                                                               # NCT00002641
    'Excludes the following "treatable" conditions:',                                     # NCT00003558
    "Patients with the following problems will be considered ineligible:",                # NCT00005604
    "Patients will not be included if any of the following conditions are present",      # NCT00462241
    "Patients with any of the following criteria are not eligible for enrollment in this study:",   # NCT06945705
    "A Subject is NOT eligible for entry if ANY of the following criteria are met:",      # NCT00493246
    "Patients will be considered ineligible for any of the following reasons:",           # NCT00001806
    "A participant will not be eligible for study entry if any of the following criteria are met:",  # NCT05853900
    "Patients with a contraindication to MRI scanning will be excluded. These contraindications include patients "
    "with the following devices:",                                                        # NCT00001638
    "Special conditions for ineligibility of lumpectomy patients: irradiation and surgery. For patients treated by "
    "lumpectomy with axillary dissection, breast irradiation is required. Please see guidelines for radiation therapy "
    "in Appendix A. In addition, the following patients will also be ineligible:",       # NCT00004067
    "Vulnerable populations (incarcerated, pregnant, etc.) will be excluded from enrollment. The following medical "
    "conditions will also exclude from study:",                                           # NCT00006496
]
NOT_OUT = [
    "Were excluded from LEVP2005-1 for any of the following reasons:",                    # NCT00462709
    "Patients must not be eligible for a higher priority GOG protocol, if one exists",    # NCT00499031
    "Ineligible for allogeneic transplantation:",                                         # NCT00002638
    "No prior malignancy within past 5 years except:",                                    # NCT00003830
    "Documentation of Wegener's granulomatosis (WG) or a related systemic vasculitis based on clinical characteristics "
    "and histopathologic and/or angiographic evidence of vasculitis. In the absence of histopathologic and/or "
    "angiographic evidence of vasculitis, patients who meet one of the following criteria and in whom infectious and "
    "autoimmune diseases that may mimic WG or a related systemic vasculitides have been excluded will also be "
    "eligible:",                                                                           # NCT00004567
    "Age-adjusted glomerular filtration rate (GFR) <80 ml/min or a decline in GFR of >10% which is sustained for 3 "
    "months and for which other causes of declining renal function have been excluded by a nephrologist or any 2 of "
    "the following:",                                                                      # NCT01298141
    "Category A will include patients, and biologic relatives, who may or may not be affected who will be evaluated "
    "in the Warren G. Magnuson Clinical Center. Patients in this category will be eligible if they or their biologic "
    "family members manifest one or more of the following features in a pattern suggestive of a heritable urologic "
    "malignant disorder:",                                                                 # NCT00001238
    "Women of childbearing potential must have a negative serum pregnancy test within 2 weeks prior to registration; "
    "patients that are pregnant or breast feeding are excluded; a female of childbearing potential is any woman, "
    "regardless of sexual orientation or whether they have undergone tubal ligation, who meets the following "
    "criteria:",                                                                           # NCT02465060
    "Patients with eczema, psoriasis, lichen simplex chronicus of vitiligo with dermatologic manifestations only "
    "(e.g., patients with psoriatic arthritis would be excluded) are permitted provided that they meet the following "
    "conditions:",                                                                         # NCT05798663
    "Prior therapy is required; concurrent therapy is NOT permitted",                     # NCT00002649
    "Patients must have:",
]


@pytest.mark.parametrize("text", SAY_OUT)
def test_a_lead_in_that_says_its_items_keep_people_out(text):
    assert lead_ins.says_out(text)


@pytest.mark.parametrize("text", NOT_OUT)
def test_a_lead_in_that_does_not(text):
    assert not lead_ins.says_out(text)


def test_one_reader_for_both_uses():
    from scrapers.reconcile import sections
    assert sections._label_says_out is lead_ins.says_out
    assert not hasattr(explain, "_EXCLUSIONS_LEAD_IN")
    assert not explain._children_addressed("Ineligible subtypes:", "inclusion", True)
    assert explain._children_addressed("Were excluded from LEVP2005-1 for any of the following reasons:", "inclusion", True)


def test_ineligible_subtypes_are_not_said_of_the_reader(shared_dir):
    """NCT00002641 lists "Ineligible subtypes:" among its inclusions: its card read "You have chondrosarcoma", "You
    have Kaposi's sarcoma" under "You may be able to join if…"."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00002641"))
    items = explain_text(rec.eligibility_criteria, rec).items()
    under = [c.shown for e in items if e.original == "Ineligible subtypes:" for c in e.children]
    assert len(under) >= 8 and "Chondrosarcoma" in under, under
    assert not any(s.startswith("You") for s in under), under


def test_not_included_if_without_a_colon(shared_dir):
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00462241"))
    pc = explain_text(rec.eligibility_criteria, rec)
    lead = [e for e in pc.inclusion if e.original.startswith("Patients will not be included if")]
    under = [c.shown for e in lead for c in e.children]
    assert len(under) >= 10 and not any(s.startswith("You") for s in under), under
    assert any(e.shown.startswith("You ") for e in pc.inclusion[0].children)   # (its requirements still speak to you)


ONE_LIST = ("Inclusion Criteria:\n\n* Histologically confirmed glioblastoma\n* Age 18 or older\n"
            "* Patients with any of the following criteria are not eligible for enrollment in this study:\n"
            "  * Prior radiotherapy to the brain\n  * Known allergy to temozolomide\n")
ANOTHER_STUDY = ("Inclusion Criteria:\n\n* History of at least 1 HAE attack per month or any history of laryngeal edema\n"
                 "* Were excluded from LEVP2005-1 for any of the following reasons:\n"
                 "  * Pregnancy or lactation\n  * Narcotic addiction\n")


def test_items_under_this_trials_not_eligible_label_are_faithful_under_the_page_exclusions():
    """NCT06945705's wording: the page filing the items under its exclusion heading says what the record says (the
    old reader took "not eligible for enrollment" as another treatment's and called it a critical move)."""
    inc = ["Histologically confirmed glioblastoma", "Age 18 or older"]
    assert _alarms(ONE_LIST, inc, ["Prior radiotherapy to the brain", "Known allergy to temozolomide"]) == []


def test_an_item_under_another_studys_excluded_label_moved_to_the_exclusions_is_critical():
    """NCT00462709: people LEVP2005-1 excluded are whom this study takes; a page listing "Narcotic addiction" as a
    reason to stay out turns the requirement round (the old reader let it pass)."""
    found = _alarms(ANOTHER_STUDY, ["History of at least 1 HAE attack per month or any history of laryngeal edema",
                                    "Pregnancy or lactation"], ["Narcotic addiction"])
    assert [(k, s) for k, s, m in found if "Narcotic" in m] == [("criterion_wrong_section", "critical")], found


@pytest.mark.parametrize("nct_id, item", [
    ("NCT00002417", "Prior treatment with at least one protease inhibitor."),
    ("NCT00002223", "Indinavir 800 mg three times a day plus unspecified nucleosides for at least 3 months."),
])
def test_items_under_included_filed_under_the_exclusions_keep_the_records_words(shared_dir, nct_id, item):
    """r47 H1: "Included:" under the exclusions, the mirror of "Excluded:" under the inclusions, read "You have had
    treatment with at least one protease inhibitor." under "You cannot join if…" (NCT00002417): a requirement said as
    a reason to stay out. The lead-in is marked worded as a requirement, and its items keep the record's words."""
    plain = explain.explain(OfficialRecord(corpus_record(shared_dir, nct_id)))
    lead = [e for e in plain.exclusion if e.original.strip() == "Included:"]
    assert len(lead) == 1 and lead[0].worded_as_requirement
    assert [c.shown for c in lead[0].children] == [item]
