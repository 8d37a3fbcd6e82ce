"""Plain-English criteria: readable rewrites, the fidelity guarantee, at-a-glance facts, CLI."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import gzip
import itertools
import json
import re
from importlib import resources

import pytest

from conftest import FIXTURES
from scrapers.fidelity import check_fidelity
from scrapers.official import OfficialRecord
from scrapers.registry import load_record_file
from server import cli, explain as explain_mod
from server.explain import explain, explain_item, explain_text
from server.lexicon import load_lexicon
from server.plain import rewrite

FIXTURE = SAVED_COPIES / "NCT07232563.json"


def record_with(criteria: str, **elig) -> OfficialRecord:
    data = {"protocolSection": {"identificationModule": {"nctId": "NCT01234567"},
                                "eligibilityModule": {"eligibilityCriteria": criteria, **elig}}}
    return OfficialRecord(data)


# --------------------------------------------------------------------------- lexicon

def test_lexicon_is_package_data_with_400_plus_reviewed_entries():
    raw = json.loads(resources.files("scrapers").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    entries = raw["entries"]
    assert len(entries) >= 400
    assert len({e["term"] for e in entries}) == len(entries)
    assert all(e["meaning"].strip() and e["kind"] in ("abbreviation", "jargon", "term", "unit") for e in entries)
    assert len(load_lexicon().entries) == len(entries)


_RISKY = re.compile(r"\d|\b(?:no|not|never|without|none|nor|cannot|unable|non|negative|absence|absent|lack|except|"
                    r"excluding|unless|only|if|or|less|more|least|most|than|above|below|over|under)\b|\bnon-", re.I)


def test_lexicon_replacements_add_no_numbers_negations_or_comparators():
    """A replacement may not introduce what the fidelity checker guards (or the same count must be in the term)."""
    for e in load_lexicon().entries:
        if e.plain and e.kind == "abbreviation":      # added after the abbreviation: must add nothing guarded
            assert _RISKY.findall(e.plain) == [], (e.term, e.plain)
        elif e.plain:                                 # replaces the term: same guarded words
            assert sorted(_RISKY.findall(e.plain.lower())) == sorted(_RISKY.findall(e.term.lower())), (e.term, e.plain)


# --------------------------------------------------------------------------- rewrites

@pytest.mark.parametrize("original,expected", [
    ("ALT ≤2.5×ULN", "ALT (a liver enzyme) at most 2.5 times the upper limit of normal"),
    ("Hepatic failure (Child-Pugh Class C)", "You have liver failure (Child-Pugh Class C)"),
    ("Renal disease (eGFR \\<30 mL/min/1.73m²)", "You have kidney disease (eGFR less than 30 mL/min/1.73m²)"),
    ("Patients with other systemic malignancies", "You have other systemic cancers"),
    ("Pregnant or lactating women", "You are pregnant or breastfeeding"),
    ("Refusal to use effective contraception", "Refusal to use effective birth control"),
    ("hypertension (systolic BP \\>180 mmHg)", "You have high blood pressure (systolic BP more than 180 mmHg)"),
    ("Age ≥18 years and ≤80 years", "You are aged at least 18 years and at most 80 years"),
    ("Body weight 45-90 kg", "Body weight 45 to 90 kg"),
    ("Platelets \\>= 100 x 10\\^9/L", "Platelets (clotting cells) at least 100 x 10^9/L"),
    # the superscript lost in the record: 100×10⁹ per litre, not "100 x 109/L" (NCT00463073)
    ("Platelets > 125 x 109/l", "Platelets (clotting cells) more than 125 x 10^9/l"),
    ("ANC ≥ 1.5×109/L and RBC ≥ 4.0×1012/L",
     "ANC (a type of white blood cell count) at least 1.5×10^9/L and RBC (red blood cell count) at least 4.0×10^12/L"),
])
def test_rewrites_are_plain_and_faithful(original, expected):
    e = explain_item(original)
    assert e.shown == expected
    assert e.rewritten and check_fidelity(original, e.shown) == []


def test_glossary_explains_terms_and_abbreviations():
    e = explain_item("History of seizure; ALT \\> 3 x ULN; renal impairment")
    terms = {g["term"] for g in e.glossary}
    assert {"ALT", "renal", "impairment"} <= terms
    assert "(a liver enzyme)" in e.shown and e.shown.count("(a liver enzyme)") == 1


@pytest.mark.parametrize("original", [
    "Age >= 2 years", "Age > 2 years", "Not pregnant", "History of cancer except basal cell carcinoma",
    "Steroids unless on a stable dose", "Surgery within 3 months", "Bilirubin ≤1.5×ULN", "Weight 45-90 kg",
    "ANC ≥ 1.0×10⁹/L", "Creatinine \\> 1.5 mg/dL", "No hepatic metastases", "Other malignancy within 5 years, except cured skin cancer",
])
def test_every_shown_text_keeps_numbers_comparators_windows_and_negations(original):
    e = explain_item(original)
    assert check_fidelity(original, e.shown) == []
    assert ("at least 2" in e.shown) if original == "Age >= 2 years" else True
    assert ("more than 2" in e.shown) if original == "Age > 2 years" else True


def test_a_rewrite_that_loses_something_is_not_shown(monkeypatch):
    """If a rule ever dropped a threshold, the original wording is shown instead, terms glossed."""
    monkeypatch.setattr(explain_mod, "rewrite", lambda text, section="inclusion", context="", addressed=True:
                        ("You have hepatic problems", []))
    e = explain_mod.explain_item("Hepatic impairment with bilirubin \\> 2 mg/dL within 3 months")
    assert not e.rewritten
    assert e.shown == "Hepatic impairment with bilirubin > 2 mg/dL within 3 months"
    assert {"number"} <= {l["kind"] for l in e.losses}
    assert {g["term"] for g in e.glossary} >= {"Hepatic", "impairment"}


def test_nothing_to_simplify_is_shown_as_written():
    e = explain_item("Within 24 hours to 14 days of stroke onset")
    assert e.shown == e.original and not e.rewritten and e.losses == []


def test_second_person_only_under_a_heading():
    assert rewrite("No eligibility criteria", "unplaced")[0] == "No eligibility criteria"
    assert rewrite("No prior chemotherapy", "inclusion")[0] == "You have had no chemo"
    assert not rewrite("Prior medication:", "exclusion")[0].startswith("You")


# --------------------------------------------------------------------------- whole record

def test_explain_fixture_record_shape_and_glance():
    plain = explain(load_record_file(FIXTURE))
    d = plain.to_dict()
    assert d["headings"]["inclusion"] == "You may be able to join if…"
    assert d["headings"]["exclusion"] == "You cannot join if…"
    assert len(d["inclusion"]) == 10 and len(d["exclusion"]) == 17
    g = d["at_a_glance"]
    assert g["age"] == "18 to 70 years" and g["min_age"]["value"] == 18 and g["max_age"]["unit"] == "YEARS"
    assert g["sex"] == "ALL" and g["healthy_volunteers"] is False
    assert g["pregnancy_excluded"] and g["breastfeeding_excluded"]
    texts = [t["text"] for t in g["thresholds"]]
    assert "platelet count less than 100×10^9/L" in texts
    # "currently taking warfarin with INR > 1.7": a limit that holds only with warfarin is not shown alone
    assert not any("INR" in t for t in texts)
    by_text = {t["text"]: t for t in g["thresholds"]}
    # an exclusion's limit is a reason you cannot join, never shown as a requirement
    assert by_text["platelet count less than 100×10^9/L"]["section"] == "exclusion"
    assert by_text["platelet count less than 100×10^9/L"]["label"] == "Excluded if"
    assert any(t["section"] == "inclusion" and t["label"] == "Required" for t in g["thresholds"])
    # each limit carries the terms in its own text explained (the glance is the quick read)
    glossed = {t["text"]: [w["term"] for w in t["glossary"]] for t in g["thresholds"]}
    assert glossed["Post-stroke ASPECTS score at least 6"] == ["ASPECTS"]
    assert glossed["Pre-enrollment NIHSS score at least 6"] == ["NIHSS"]
    for e in plain.items():
        assert set(e.to_dict()) == {"original", "shown", "rewritten", "glossary", "children", "exceptions",
                                    "worded_as_requirement", "group"}
        if e.rewritten:
            assert check_fidelity(e.original, e.shown) == []
    assert sum(e.rewritten for e in plain.items()) >= 20


def test_glance_reads_pdq_requirements_and_open_ended_ages():
    rec = record_with("PATIENT CHARACTERISTICS: Age: 18 and over Other: Not pregnant or nursing "
                      "Bilirubin no greater than 2.0 mg/dL", minimumAge="18 Years")
    g = explain(rec).at_a_glance
    assert g["age"] == "18 years and older"
    assert g["pregnancy_excluded"] and g["breastfeeding_excluded"]
    assert any(t["text"].startswith("Bilirubin") for t in g["thresholds"])
    g = explain(record_with("Inclusion Criteria:\n* Healthy", maximumAge="17 Years")).at_a_glance
    assert g["age"] == "up to 17 years" and not g["pregnancy_excluded"] and g["thresholds"] == []


def test_partner_pregnancy_is_not_the_participants():
    g = explain(record_with("Exclusion Criteria:\n* Partner is pregnant")).at_a_glance
    assert g["pregnancy_excluded"] is False


def test_record_without_criteria():
    d = explain(record_with("")).to_dict()
    assert d["inclusion"] == d["exclusion"] == d["unplaced"] == []


# --------------------------------------------------------------------------- CLI

def test_cli_explain_json_and_text(capsys):
    assert cli.main(["explain", str(FIXTURE), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["nct_id"] == "NCT07232563" and d["inclusion"][0]["shown"].startswith("You are aged 18 to 70 years")
    assert cli.main(["explain", "NCT07232563"]) == 0
    out = capsys.readouterr().out
    assert "At a glance:" in out and "You cannot join if…" in out and "original: Age 18-70 years" in out
    # the loose forms `related`, the API and the HTML page take (review round 10b: "neither an NCT id")
    for loose in ("NCT 07232563", "nct-07232563"):
        assert cli.main(["explain", loose]) == 0
        assert capsys.readouterr().out == out


def test_cli_explain_bad_input(capsys, tmp_path):
    assert cli.main(["explain", "not-an-id"]) == 2
    assert "neither an NCT id" in capsys.readouterr().err
    bad = tmp_path / "x.json"
    bad.write_text("{}")
    assert cli.main(["explain", str(bad)]) == 2
    assert "not a ClinicalTrials.gov API v2 study" in capsys.readouterr().err


# --------------------------------------------------------------------------- real records

def test_no_shown_rewrite_loses_anything_on_real_records(shared_dir):
    path = shared_dir / "data" / "ctgov" / "studies_legacy_xml_as_v2.jsonl.gz"
    path_v2 = shared_dir / "data" / "ctgov" / "studies_v2.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") as a, open(path_v2, encoding="utf-8") as b:
        lines = list(itertools.islice(a, 120)) + list(itertools.islice(b, 80))
    shown = 0
    for line in lines:
        text = json.loads(line)["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria")
        for e in explain_text(text).items():
            if e.rewritten:
                shown += 1
                assert check_fidelity(e.original, e.shown) == [], (e.original, e.shown)
    assert shown > 500


def test_garbage_never_raises():
    """Random text (symbols, digits, markers, unicode) goes through parse, explain and the checker."""
    import random

    rng = random.Random(5)
    alphabet = list("abcXYZ 0123456789.,;:()[]<>=≥≤×^⁹²-*•\n\\/%µ") + ["1. ", "(8) ", "a) ", "ULN", "not ", "within ",
                                                                     "Inclusion Criteria:", "\n  - ", "mg/dL", "10^9/L"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        plain = explain_text(text)
        for e in plain.items():
            if e.rewritten:
                assert check_fidelity(e.original, e.shown) == []


# --------------------------------------------------------------------------- ambiguous abbreviations

@pytest.mark.parametrize("text,term", [
    ("Able to use highly effective methods of birth control per ICH M3 (R2) that result in a low failure rate", "ICH"),
    ("Written informed consent must be given according to ICH/GCP and national/local regulations.", "ICH"),
    ("Score below 25 from IIEF EF domain during 4 weeks of treatment run-in period", "EF"),
    ("Have Erectile Function(EF) domain score 25 and under", "EF"),
    ("Having pain due to LDH", "LDH"),                       # lumbar disc herniation, not lactate dehydrogenase
    ("Subjects with single-level LDH (L4-L5 or L5-S1) with clear nerve root compression", "LDH"),
    ("Clinically diagnosed LDH that was confirmed by MRI.", "LDH"),
    ("ED visit within 30 days", "ED"),                       # emergency department, not erectile dysfunction
    ("PATIENTS WHO HAVE HAD PRIOR CHEMOTHERAPY", "WHO"),
    ("Low anterior resection (LAR) planned", "LAR"),
    ("Subjects with inadequate improvement in pain caused by LDH despite 6 weeks of conservative treatment", "LDH"),
    ("Non-nucleoside RT inhibitors.", "RT"),                 # reverse transcriptase, not radiotherapy
    ("Selected patients should have PM, IBM or DM.", "DM"),  # dermatomyositis, not diabetes
    ("Presented to the study site (ED, ICU, or inpatient unit)", "ED"),
    ("Any investigational drug (with the exception of ropinirole PR/CR) within 30 days", "CR"),
    # repeated episodes, not something coming back now: was "needing returning drainage procedures" (NCT05907980)
    ("Ascites requiring recurrent drainage procedures", "recurrent"),
    ("History of recurrent or severe infections.", "recurrent"),
    # a named thing, not "able to walk …", "blood sickness" or "physical treatment" (NCT00000478, NCT00000953, NCT04049812)
    ("48-hour ambulatory electrocardiogram monitoring", "ambulatory"),
    ("Presenting to the NMH Ambulatory Surgery Center for ambulatory surgery", "ambulatory"),
    ("History of immediate hypersensitivity or serum sickness reaction", "serum"),
    ("Physical therapy within the last year due to back pain", "therapy"),
    ("If the subjects are without deficits in dental occlusion, speech articulation", "occlusion"),   # NCT00001167
    # not a standard deviation: stable disease, haemoglobin SD, South Dakota (NCT05999214, NCT00492531, NCT00498030)
    ("Has completed 2-4 cycles of first-line therapy and has SD assessed by RECIST 1.1", "SD"),
    ("Diagnosis of sickle cell disease (including, but not limited to SS, SC, SD, or S-beta zero thalassemia).", "SD"),
    ("Eligible for health care at Rosebud Sioux Reservation (Rosebud, SD)", "SD"),
    # the Movement Disorder Society, not myelodysplasia; assisted reproduction, not HIV treatment
    ("Hoehn and Yahr stage 1-3 (MDS criteria)", "MDS"),
    ("ART (assisted reproductive technology) within 6 months", "ART"),
    # premature ejaculation, physical exam: not a pulmonary embolism (NCT04361305, NCT00001217)
    ("PE concurrent with ED: the IELT is less than 3 minutes, the PEDT score is ≥11 points", "PE"),
    ("No evidence of metastases by PE, CXR, chest CT, and bone scans.", "PE"),
    # a disease's or a study's phase, not a trial phase I–IV
    ("Philadelphia chromosome positive CML in chronic phase", "phase"),
    ("Completed the double-blind phase of study 123", "phase"),
    # not a treatment's first phase (NCT00002120, NCT00462306)
    ("Unwilling to undergo bronchoscopy, if sputum induction does not reveal Pneumocystis carinii.", "induction"),
    ("scheduled induction of labor", "induction"),
    # phencyclidine, not Pneumocystis pneumonia (NCT00001344)
    ("No history of significant drug abuse or PCP use.", "PCP"),
    # postpartum depression, not the tuberculosis skin test (NCT05551195)
    ("Lifetime history of suicide attempt during the current episode of PPD", "PPD"),
    # a state after a city, an aorto-femoral bypass, a habit: not a heart attack, atrial fibrillation or puberty
    # stages (NCT02569060, NCT00490841, NCT00492479)
    ("Client at a food bank of Southeastern Michigan (Detroit, MI)", "MI"),
    ("Subject has undergone vascular surgery (CABG, AAA repair, AF bypass)", "AF"),
    ("Patients who are habitual tanners (outdoors or with tanning beds)", "tanner"),
])
def test_abbreviation_left_alone_where_context_gives_it_another_meaning(text, term):
    e = explain_item(text, "inclusion")
    assert term not in [g["term"] for g in e.glossary]
    plain = load_lexicon().by_key[term].plain   # (None for a term explained only in the glossary, like "SD")
    assert plain is None or plain not in e.shown


@pytest.mark.parametrize("text,expected", [
    ("Admission with a diagnosis of SAH or ICH", "ICH (bleeding in the brain)"),
    ("Heart failure (EF < 50%)", "EF"),
    ("LDH no greater than 1.5 times upper limit of normal", "LDH (a blood test of tissue damage)"),
    # lumbar-disc words far from LDH, in another run-on line, say nothing about it
    ("AST no greater than 2 times ULN LDH no greater than 2 times ULN Alkaline phosphatase normal. If above normal, CT "
     "or MRI of liver required", "LDH (a blood test of tissue damage)"),
    ("History of ED for at least 6 months", "ED (erection problems)"),
    ("WHO performance status 0-1", "WHO (World Health Organization)"),
    # (not inside a longer name: "QT interval prolongation" is left as written, the glossary explains QT)
    ("QT more than 450 msec", "QT (a heart rhythm measure)"),
    ("Failed conventional therapy", "Failed standard treatment"),
    ("Peripheral vascular disease", "peripheral blood vessel disease"),
    ("Disease refractory to at least one prior regimen", "resistant to at least one prior treatment plan"),
])
def test_common_jargon_explained(text, expected):
    e = explain_item(text, "inclusion")
    assert e.rewritten and expected in e.shown
    assert check_fidelity(e.original, e.shown) == []


@pytest.mark.parametrize("text", [
    "EKG indicating malignant arrhythmia or cardiac conduction disturbances",   # NCT00000817
    "No history of ventricular tachycardia or malignant arrhythmias.",          # NCT00001528
    "History of neuroepileptic malignant syndrome",                             # NCT00006337 (as written)
])
def test_malignant_that_is_not_cancer_is_not_called_cancerous(text):
    """A malignant arrhythmia is a life-threatening one; "cancerous irregular heartbeat" told a reader
    something the record never said."""
    e = explain_item(text, "exclusion")
    assert "cancerous" not in e.shown and "malignant" in e.shown


def test_malignant_tumours_are_still_cancerous():
    assert "cancerous fluid around the lungs" in explain_item("Malignant pleural effusion", "exclusion").shown.lower()


def test_ambulatory_and_serum_still_plain_where_they_mean_walking_and_blood():
    assert explain_item("Patients must be ambulatory with good performance status", "inclusion").shown.startswith(
        "You must be able to walk with good performance status")
    assert "Blood free thyroxine" in explain_item("Serum free thyroxine (FT4) ≤ 22 pmol/L", "inclusion").shown


def test_a_standard_deviation_is_still_explained():
    e = explain_item("Decreased number of total T-lymphocytes (2 SD from mean).", "inclusion")
    assert "SD" in [g["term"] for g in e.glossary]
    e = explain_item("osteoporosis (BMD less than -2 SD compared to age-matched controls)", "inclusion")
    assert "SD" in [g["term"] for g in e.glossary]


def test_stage_and_grade_are_explained_for_any_disease():
    """"Stage 1 hypertension", "AIDS dementia complex stage 2", "CKD stage 5": the glossary said "How far a
    cancer has grown or spread" for all of them (106 records)."""
    for text in ("Men and women with Stage 1 (mild) hypertension.", "Severe renal impairment (CKD Stage 5)"):
        meaning = next(g["meaning"] for g in explain_item(text, "inclusion").glossary if g["term"].lower() == "stage")
        assert meaning.startswith("How far a disease has advanced")
    meaning = next(g["meaning"] for g in explain_item("Grade 2 hypertension", "exclusion").glossary
                   if g["term"].lower() == "grade")
    assert meaning.startswith("How severe a condition")


def test_a_trial_phase_is_still_explained():
    assert "Phase" in [g["term"] for g in explain_item("Participation in a Phase II trial within 30 days", "exclusion").glossary]


def test_a_pulmonary_embolism_is_still_explained():
    e = explain_item("Patients with history of documented thrombosis (PE or DVT)", "exclusion")
    assert "PE" in [g["term"] for g in e.glossary]


def test_a_terms_context_is_read_once_per_item(monkeypatch):
    """Whether a term is left alone is decided from the whole item and the whole criteria; deciding it again
    for every use made junk of one abbreviation repeated (60 KB of "RA ") take two minutes."""
    import server.gloss as gloss_module

    calls = []
    real = gloss_module.left_alone
    monkeypatch.setattr(gloss_module, "left_alone", lambda *a: calls.append(a[1]) or real(*a))
    explain_item("RA " * 2000 + "and ALT ≤ 2.5 × ULN, ALT", "exclusion")
    assert sorted(calls) == ["ALT", "RA"]


@pytest.mark.parametrize("text,term", [
    # the usual senses of the terms left alone above are still explained
    ("No MI within 6 months", "MI"),
    ("Chronic AF (continuously present for > 6 months)", "AF"),
    ("Tanner stage II-IV", "Tanner"),
])
def test_the_usual_sense_is_still_explained(text, term):
    assert term in [g["term"] for g in explain_item(text, "inclusion").glossary]


def test_items_about_someone_else_are_not_addressed_to_the_reader():
    """NCT00000879 enrols infants: under "The infant may be eligible if the mother:", "Is HIV-positive" is the
    mother's, not "You are HIV-positive"; the infant's own items still speak to the reader."""
    text = ("Inclusion Criteria:\n\n  * The infant may be eligible if the mother:\n      * Is HIV-positive.\n"
            "      * Had her baby at Week 37 of pregnancy or later.\n  * Is no more than 3 days old at study entry.\n")
    shown = [e.shown for e in explain_text(text).items()]
    assert shown[1:3] == ["Is HIV-positive.", "Had her baby at Week 37 of pregnancy or later."]
    assert shown[3].startswith("You are")


def test_items_under_a_negated_or_past_lead_in_are_not_addressed_to_the_reader():
    """NCT00462696: under "No other uncontrolled medical condition, including any of these:", "Infection" read "You have
    an infection", the opposite of the lead-in; under "History of …:", "Cryptococcosis." read "You have cryptococcosis."
    (NCT00002053, in the present). A lead-in that only names a time ("Prior to Therapy:") still speaks to the reader."""
    text = ("Exclusion Criteria:\n\n* No other uncontrolled medical condition, including any of these:\n    * Infection\n"
            "* History of either of these AIDS-defining infections before entry:\n    * Cryptococcosis.\n"
            "* Prior to Therapy:\n    * Has taken astemizole within 7 days before study drug administration.\n")
    shown = [e.shown for e in explain_text(text).items()]
    assert shown[1] == "Infection" and shown[3] == "Cryptococcosis."
    assert shown[5].startswith("You have taken astemizole")


def test_a_trial_for_children_is_not_addressed_to_the_reader():
    """A parent reads a children's trial: "You have postoperative short bowel syndrome" on a trial for newborns (1 to
    28 days, NCT06427642) spoke to the wrong person. Under 18 years at most, the items are in plain words but not in
    the second person; the same criteria for adults are."""
    import copy
    import json

    from scrapers.official import OfficialRecord
    from server.explain import explain

    data = json.loads((SAVED_COPIES / "NCT06427642.json").read_text(encoding="utf-8"))
    def shown(pc) -> list[str]:
        out, todo = [], list(pc.inclusion + pc.exclusion)
        while todo:
            e = todo.pop()
            out.append(e.shown)
            todo += e.children
        return out

    kids = shown(explain(OfficialRecord(data)))
    assert kids and not any(s.startswith(("You ", "Your ")) for s in kids)
    # the headings too (review round 6: "You may be able to join if…" over "For children with HIE: …")
    assert explain(OfficialRecord(data)).headings["inclusion"] == "Your child may be able to join if…"
    assert any(s.startswith("Postoperative short bowel syndrome caused by newborn") for s in kids)
    adults = copy.deepcopy(data)
    adults["protocolSection"]["eligibilityModule"].update(minimumAge="18 Years", maximumAge="65 Years")
    assert any(s.startswith("You have postoperative short bowel syndrome") for s in shown(explain(OfficialRecord(adults))))


def test_a_rules_exceptions_are_not_addressed_to_the_reader():
    """Review round 9: "You have squamous cell skin cancer" under "Greater than 5 years since prior malignancy except:"
    (NCT00003049) read as one more rule; exceptions stay plain phrases, as NCT07635758's are."""
    from server.explain import explain_text

    crit = explain_text("Inclusion Criteria:\n\n* Greater than 5 years since prior malignancy except:\n"
                        "    * Squamous cell skin cancer\n    * In situ cervical cancer\n"
                        "* Has diabetes mellitus", None)
    rule, other = crit.inclusion
    assert [c.shown for c in rule.children] == ["Squamous cell skin cancer", "In situ cervical cancer"]
    assert other.shown.startswith("You have")   # (an item of its own still is)


def test_a_capital_letter_alone_is_not_a_rewording():
    """NCT00495365's "female subjects …" came back "Female subjects …", marked "(reworded)" with the same words as its
    "Original wording" (review r17): shown as written, not rewritten."""
    text = ("female subjects with a reproductive potential must have a negative ruine pregnancy test within 7days of "
            "the first dose of study drug.")
    e = explain_item(text, "inclusion")
    assert e.rewritten is False and e.shown == text[:1].upper() + text[1:]
    # a real rewording still counts
    assert explain_item("history of myocardial infarction", "exclusion").rewritten is True
