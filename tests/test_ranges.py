"""Two-sided ranges at a glance (server/ranges.py, read by server/thresholds.py): shown as one limit with both ends,
the unit and the record's own name for the thing, only when the range stands as written. Each case is a real
record's wording (NCT id beside it) unless it says it is made up to pin a rule."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
from collections import Counter
from pathlib import Path

import pytest

from scrapers.criteria import parse_criteria
from scrapers.fidelity import facts
from server.thresholds import criteria_thresholds, thresholds

ROOT = Path(__file__).resolve().parents[1]


def shown(text: str, section: str = "inclusion") -> list[dict]:
    crit = parse_criteria(("Inclusion" if section == "inclusion" else "Exclusion") + " Criteria:\n\n" + text)
    return thresholds(getattr(crit, section), section)


def limits(text: str, section: str = "inclusion") -> list[str]:
    return [t["text"] for t in shown(text, section)]


SHOWN = [
    # the reviewer's three (NCT07635758, NCT07232563): the record's name for the thing, "A to B" and the unit
    ("* Body weight 45-90 kg", "inclusion", ["Body weight 45 to 90 kg"]),
    ("* NIHSS score 6-20, with NIHSS item 1a (Level of Consciousness) \\<2", "inclusion",
     ["NIHSS score 6 to 20", "NIHSS item 1a (Level of Consciousness) less than 2"]),
    ("* Pre-stroke mRS score of 0-1", "inclusion", ["Pre-stroke mRS score 0 to 1"]),
    # "between … and …" (NCT03510338), "ranged from" (NCT03352674), "must be between" with a long name kept whole
    # (NCT00001662: was "status examination total score" when six words were counted with "must be")
    ("* BMI between 18 and 30 kg/m2 inclusive", "inclusion", ["BMI 18 to 30 kg/m2 inclusive"]),
    ("* BMI ranged from 19 - 35 kg/m2", "inclusion", ["BMI 19 to 35 kg/m2"]),
    # the thing named after the verb, the six words counted past "of" (NCT06945705, NCT00461370: were left out as
    # "have an ECOG performance status score", "Have a body mass index (BMI)")
    ("* Patients must have an ECOG performance status score of 0-2 and be expected to survive for at least 12 weeks, as "
     "determined by the investigator.", "inclusion", ["ECOG performance status score 0 to 2"]),
    ("* Have a body mass index (BMI) of ≥18.5 and ≤30.", "inclusion", ["body mass index (BMI) at least 18.5 and at most 30"]),
    ("* Modified Hachinski Ischemia Score must be less than 4, and Folstein mini-mental status examination total score "
     "must be between 12 and 26.", "inclusion",
     ["Modified Hachinski Ischemia Score less than 4", "Folstein mini-mental status examination total score 12 to 26"]),
    # two comparators for one thing, kept as written (NCT00490854, NCT00003993, NCT00495820, NCT00460317): each half
    # was left out as "given another limit", or the second read as "but at most …"
    ("* HbA1c equal to or greater than 7.0%, and equal to or less than 10.5%", "inclusion",
     ["HbA1c at least 7.0% and at most 10.5%"]),
    ("* HbA1c ≥ 7.0% and ≤ 10.5%", "inclusion", ["HbA1c at least 7.0% and at most 10.5%"]),   # (the brief's form)
    ("* Corrected calcium at least 8.0 mg/dL, but no greater than 10.7 mg/dL", "inclusion",
     ["Corrected calcium at least 8.0 mg/dL and at most 10.7 mg/dL"]),
    ("* Mini-mental state examination (MMSE) >18, but <29", "inclusion",
     ["Mini-mental state examination (MMSE) more than 18 and less than 29"]),
    ("* Platelet count > = 100 x 109/L and < = 850 x 109/L", "inclusion",
     ["Platelet count at least 100 x 10^9/L and at most 850 x 10^9/L"]),
    # scores and counts (NCT00002354, NCT00005628, NCT00003204, NCT00000629: a score's range needs no unit)
    ("* CD4 count 50 - 500 cells/mm3.", "inclusion", ["CD4 count 50 to 500 cells/mm3"]),
    ("* Performance status: Karnofsky 70-100%", "inclusion", ["Karnofsky 70 to 100%"]),
    ("* ECOG performance status 0-1", "inclusion", ["ECOG performance status 0 to 1"]),
    ("* CD4 count between 300 and 650.", "inclusion", ["CD4 count 300 to 650"]),
    # a run-on list: the limit before a range stands, as before a comparator (NCT00002973: "Calcium" was left out)
    ("* Renal: BUN less than 30 mg/dL Creatinine less than 1.5 mg/dL OR Creatinine clearance no less than 60 mL/min "
     "Calcium no greater than 11.0 mg/dL Sodium 130-150 mEq/L Potassium 3.0-5.0 mg/dL", "inclusion",
     ["Calcium at most 11.0 mg/dL", "Sodium 130 to 150 mEq/L", "Potassium 3.0 to 5.0 mg/dL"]),
    ("* Renal: Creatinine less than 1.6 mg/dL Urinary RBC levels 0-2 Urinary WBC levels at least 0-2", "inclusion",
     ["Creatinine less than 1.6 mg/dL"]),   # (NCT00005883; "Urinary RBC levels" is no score: its range has no unit)
    # among exclusions, one of several conditions that each exclude (NCT04861194)
    ("* High-risk prostate cancer according to NCCN risk categories (T3a or Gleason score 8-10 or PSA >20 µg/L)",
     "exclusion", ["Gleason score 8 to 10", "PSA more than 20 µg/L"]),
]


@pytest.mark.parametrize("text, section, expected", SHOWN)
def test_ranges_that_stand_as_written_are_shown(text, section, expected):
    assert limits(text, section) == expected


@pytest.mark.parametrize("text, section, expected", SHOWN)
def test_a_shown_range_keeps_every_number_unit_and_comparator_of_its_item(text, section, expected):
    """The fidelity rule: the facts of what is shown (numbers with their unit and comparator, a range's two ends
    as a range) are all facts of the item it came from."""
    for t in shown(text, section):
        assert not Counter(facts(t["text"])) - Counter(facts(t["item"])), t["text"]


def test_a_range_is_labelled_by_the_list_it_came_from():
    crit = parse_criteria("Inclusion Criteria:\n\n* Body weight 45-90 kg\n\nExclusion Criteria:\n\n"
                          "* High-risk prostate cancer (T3a or Gleason score 8-10 or PSA >20 µg/L)")
    got = [(t["label"], t["section"], t["text"]) for t in criteria_thresholds(crit)]
    assert ("Required", "inclusion", "Body weight 45 to 90 kg") in got
    assert ("Excluded if", "exclusion", "Gleason score 8 to 10") in got


@pytest.mark.parametrize("text, section", [
    # ages and times: ages are shown with the ages
    ("* Age 18-70 years, no gender restriction", "inclusion"),                          # NCT07232563
    ("* Healthy Adults 18-60", "inclusion"),                                            # NCT00005219
    ("* Ages 12-17", "inclusion"),                                                      # (made up)
    ("* Diagnosed with acute ischemic stroke, with onset between 6 and 72 hours (inclusive) prior to enrollment",
     "inclusion"),                                                                      # NCT07635758
    ("* Prior therapy with 12 - 48 weeks of AZT.", "inclusion"),                        # NCT00002079
    ("* Symptoms for 6 to 12 months", "inclusion"),                                     # (made up)
    # years, codes and references
    ("* Diagnosed 2019-2020", "inclusion"),                                             # (made up)
    ("* At least 18 years of age and has successfully completed Keryx Study 101-301.", "inclusion"),   # NCT00462202
    ("* Known hypersensitivity to Vardenafil, Bay 38-9456 or any component of the investigational medication.",
     "exclusion"),                                                                      # NCT00664833
    ("* . DM 1-2", "exclusion"),                           # NCT03905018: diabetes of type 1 or 2, no score
    ("* Enrolled in NCT0123-4567", "inclusion"),                                        # (made up)
    ("* Cancer coded ICD-10 C00-C97", "inclusion"),                                     # (made up)
    ("* 1-3 of the following", "inclusion"),                                            # (made up)
    # stages, grades and classes; a category's grades
    ("* Congestive heart failure (CHF) New York Heart Association (NYHA) 3-4.", "exclusion"),   # NCT00461006
    ("* CKD stage 3-4", "inclusion"),                                                   # (made up)
    ("* Skin phototype 1-4", "inclusion"),                                              # NCT03781232
    ("* Age related nuclear cataract is defined using LOCS II Clinical Classification as having Nuclear color of 0-2, "
     "Nuclear Opalescence of 2-5, Cortical Opacity 0-1, and PSC 0-1.", "inclusion"),   # NCT00001613
    # counts of things in units not carried, a negative number, an estimate, an assay's range, a verb
    ("* Alcohol intake 1-2 drinks per day", "inclusion"),                               # (made up)
    ("* Osteopenia: T-score between -2.5 and -1.0", "inclusion"),                       # (made up)
    ("* T-score -2.5 to -1.0", "inclusion"),                                            # (made up)
    ("* Willing to undergo two minor surgical procedure (small-volume liposuction, totaling approximately 60 - 120 cc)",
     "inclusion"),                                                                      # NCT03518333
    ("* Detectable serum quantitative HCV-RNA (Cobas Taqman HCV Monitor v2.0, Roche Diagnostics) with dynamic range "
     "25- 391000000 IU/ml", "inclusion"),                                               # NCT00491179
    ("* Tolerated 500-600 mg AZT daily for at least 4 months but no more than 12 months immediately prior to study "
     "entry.", "inclusion"),                                                            # NCT00002323
    # the same context rules as one-sided limits: a condition, an example, a negation, a subgroup, alternatives
    ("* BMI of 18 to 30 kg/m2 if diabetic", "inclusion"),                               # (made up)
    ("* Overweight (e.g. BMI 25-30 kg/m2)", "inclusion"),                               # (made up)
    ("* No BMI 18-30 kg/m2", "inclusion"),                                              # (made up)
    ("* For women, hemoglobin 12-16 g/dL", "inclusion"),                                # (made up)
    ("* ECOG 0-2 or Karnofsky ≥ 60", "inclusion"),                                      # (made up)
    ("* Zubrod 0-2 or ECOG 0-2", "inclusion"),                                          # NCT00006124
    ("* BMI outside 18-30 kg/m2", "inclusion"),                                         # (made up)
    ("* PSA ≥ 4.0 to ≤ 10.0 ng/mL at 1st screening", "exclusion"),                      # words after it
    # one scale or the other (NCT00005960, NCT00006451): alternatives, never one alone
    ("* Performance status: Karnofsky 60-100% ECOG 0-2", "inclusion"),
    ("* Performance status: Karnofsky 70-100% Lansky 50-100%", "inclusion"),
    # the last of a list of names (NCT04350125); the other end with another unit, or the ends reversed (made up)
    ("* IIEF-EF, EHS, SEP 2+3, and GAQ Domain score of 17-20", "inclusion"),
    ("* Weight 45 kg to 90 lb", "inclusion"),
    ("* Hemoglobin 16-12 g/dL", "inclusion"),
    ("* systolic 90-140 and diastolic 60-90 mmHg", "exclusion"),   # (the unit comes later; "and" joins them)
    # among exclusions, a range the item requires, or a performance status the record's headings misplaced there
    # (NCT00002525): "Excluded if" would read backwards
    ("* BMI must be 18-30 kg/m2", "exclusion"),
    ("* ECOG performance status of 0-2.", "exclusion"),
])
def test_what_only_looks_like_a_range_is_left_to_the_full_criteria(text, section):
    assert limits(text, section) == []


def test_a_range_before_its_unit_shared_with_the_next_is_not_shown_alone():
    """"systolic 90-140 and diastolic 60-90 mmHg" (made up): "systolic 90 to 140" has no unit of its own."""
    assert limits("* systolic 90-140 and diastolic 60-90 mmHg") == ["diastolic 60 to 90 mmHg"]


@pytest.mark.parametrize("text", [
    # the other performance scale as an item beside it (NCT00003335) or an "OR" between them
    "* Performance status:\n  * Zubrod 0-1\n  * Karnofsky 80-100%",
    "* Performance status:\n  * ECOG 0-1\n  * OR\n  * Karnofsky 70-100%",
    # the status again beside it, with a condition on one end (NCT00004001)
    "* Performance status:\n  * SWOG 0-3\n  * Performance status 3 must be due to pain secondary to bone metastases",
    # each group its own range (NCT00151216)
    "* For group A, subjects will have a LINCL average total disability score 0 to 4, the severe form of the disease.\n"
    "* For group B, subjects will have a LINCL average total disability score 5 to 6, a moderate form of the disease.",
])
def test_a_range_the_items_beside_it_qualify_is_left_to_the_full_criteria(text):
    assert limits(text) == []


@pytest.mark.parametrize("nct, expected", [
    ("NCT07635758", [("Required", "Body weight 45 to 90 kg"), ("Required", "NIHSS score 6 to 20"),
                     ("Required", "NIHSS item 1a (Level of Consciousness) less than 2")]),
    ("NCT07232563", [("Required", "Pre-stroke mRS score 0 to 1"), ("Required", "Post-stroke ASPECTS score at least 6"),
                     ("Required", "Pre-enrollment NIHSS score at least 6")]),
])
def test_the_seed_records_show_their_ranges(nct, expected):
    """The reviewer's records: the limits patients can check themselves, and not "Age 18 to 80" (an age)."""
    rec = json.loads((SAVED_COPIES / f"{nct}.json").read_text(encoding="utf-8"))
    crit = parse_criteria(rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    got = [(t["label"], t["text"]) for t in criteria_thresholds(crit) if t["section"] == "inclusion"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # whose it is, before the thing (NCT06495437; review round 8: no row at all), and a unit on both ends said once
    ("* The subject's body mass index (BMI) is between 20kg/m2 and 30 kg/m2;", ["body mass index (BMI) 20 to 30 kg/m2"]),
    ("* The suspicious lesion size is between 0.5 cm and 2 cm.", ["suspicious lesion size 0.5 to 2 cm"]),
    ("* The subject's weight is ≥55 kg and ≤120 kg.", ["weight at least 55 kg and at most 120 kg"]),
    # a limit the item waives under a condition is not shown (NCT00497757)
    ("* Subject's panel reactive antibody (PRA) is <40. If the patient is plasmapheresed prior to the heart transplant, "
     "then the pre-transplant PRA will not be a consideration for inclusion/exclusion.", []),
])
def test_a_possessive_before_the_thing_and_a_unit_on_both_ends(text, expected):
    assert limits(text) == expected
