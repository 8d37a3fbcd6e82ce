"""A page naming another illness than the record's (review round 21, P6), and the lay wordings that must not alarm."""

from __future__ import annotations

import pytest
from conftest import corpus_record

from scrapers import scrape_html
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile.facts import check_facts


def _record(conditions, mesh=(), ancestors=(), keywords=(), title="A study of a new treatment") -> OfficialRecord:
    return OfficialRecord({
        "protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": title},
                            "conditionsModule": {"conditions": list(conditions), "keywords": list(keywords)}},
        "derivedSection": {"conditionBrowseModule": {"meshes": [{"id": "D0", "term": t} for t in mesh],
                                                     "ancestors": [{"id": "D1", "term": t} for t in ancestors]}},
    })


def _said(page_conditions, record) -> list:
    page = PageRecord(site="trialfinderdata.org", nct_id="NCT01234567", conditions=list(page_conditions))
    return [f for f in check_facts(page, record) if f.field == "conditions"]


def test_another_illness_is_a_warning_naming_both():
    (f,) = _said(["5q Minus Syndrome"], _record(["Head and Neck Cancer"], mesh=["Head and Neck Neoplasms"],
                                                 title="Chemotherapy in Treating Patients With Head and Neck Cancer"))
    assert (f.kind, f.severity) == ("fact_mismatch", "warning")
    assert (f.page_value, f.official_value) == ("5q Minus Syndrome", "Head and Neck Cancer")
    assert f.message == ('This page says the trial studies "5q Minus Syndrome", but ClinicalTrials.gov says it studies '
                         '"Head and Neck Cancer": check which illness the trial is for before contacting it.')


def test_a_long_list_is_named_in_part():
    (f,) = _said(["Asthma"], _record(["Melanoma", "Lymphoma", "Sarcoma", "Neuroblastoma"]))
    assert 'studies "Melanoma", "Lymphoma", "Sarcoma" and 1 more:' in f.message


@pytest.mark.parametrize("page,record", [
    (["Heart attack"], _record(["Myocardial Infarction"])),                      # lay words, no MeSH ancestors
    (["Breast cancer"], _record(["Breast Neoplasms"])),
    (["High blood pressure"], _record(["Hypertension"])),
    (["High cholesterol"], _record(["Hypercholesterolemia"])),
    (["Stroke"], _record(["Cerebral Infarction"])),
    (["Blood cancer"], _record(["Leukemia, Myeloid, Acute"])),
    (["Leukaemia"], _record(["Leukemia"])),                                      # British spelling
    (["Arthritis of the knee"], _record(["Osteoarthritis, Knee"])),
    (["COPD"], _record(["Chronic Obstructive Pulmonary Disease"])),             # an acronym either way
    (["Attention Deficit Hyperactivity Disorder"], _record(["ADHD"])),
    (["ALS"], _record(["Amyotrophic Lateral Sclerosis"])),
    (["Systemic Lupus Erythematosus"], _record(["SLE"])),
    (["Diabetic foot"], _record(["Diabetes Mellitus, Type 2"])),                 # a word with another ending
    (["Kidney failure"], _record(["End Stage Renal Disease"])),
    (["Lupus"], _record(["SLE"], keywords=["systemic lupus erythematosus"])),    # the record's keywords
    (["Spinal cord injury"], _record(["Paraplegia"], title="Stem Cells After Spinal Cord Injury")),   # its title
    (["Pancreatic cancer"], _record(["Adenocarcinoma"], mesh=["Pancreatic Neoplasms"])),             # its MeSH terms
    (["Fibromyalgia"], _record(["Widespread pain"], ancestors=["Fibromyalgia"])),                    # broader terms
    (["Asthma", "Hay fever"], _record(["Asthma"])),                              # one of the page's agrees
])
def test_lay_and_other_wordings_of_the_same_illness_say_nothing(page, record):
    assert _said(page, record) == []


@pytest.mark.parametrize("page,record", [                                   # review round 22, F5
    (["Impotence"], _record(["Erectile Dysfunction"], mesh=["Erectile Dysfunction"])),            # NCT01254396
    (["Impotence", "Chronic Pain"], _record(["Chronic Prostatitis With Chronic Pelvic Pain Syndrome",
                                             "Erectile Dysfunction"])),
    (["Throat Cancer"], _record(["Head and Neck Cancer"], mesh=["Head and Neck Neoplasms"])),     # NCT00006248
    (["Throat Cancer"], _record(["Nasopharyngeal Carcinoma"])),
    (["Drug Addiction"], _record(["Opioid-Related Disorders", "Substance-Related Disorders"])),   # NCT00000264
    (["Lung Cancer"], _record(["NSCLC"], keywords=["ALK-positive NSCLC"])),                       # NCT04764188
    (["NHL"], _record(["Lymphoma"], mesh=["Lymphoma", "Lymphoma, Non-Hodgkin"])),                 # NCT00003337
    (["NHL"], _record(["Lymphoma, Non-Hodgkin"])),                   # MeSH inverted: initials in the written order
    (["AMD"], _record(["Age Related Maculopathy"], mesh=["Macular Degeneration"])),               # NCT00494325
    (["CKD"], _record(["Kidney Disease", "Neoplasm"], mesh=["Kidney Diseases"])),                 # NCT00001835
    (["IBD"], _record(["Crohn's Disease"], mesh=["Crohn Disease"])),                              # NCT00004423
    (["Chest Infection"], _record(["Pneumonia, Aspiration"], mesh=["Pneumonia"])),                # NCT00000362
    (["HCV"], _record(["Chronic Hepatitis C", "Hemodialysis"])),                                  # NCT00491179
    (["Hepatitis C"], _record(["HCV"])),                                     # the record's acronym, expanded
    (["Small Cell Lung Cancer"], _record(["SCLC"])),
    (["HDV"], _record(["Hepatitis D"])),                  # an acronym not in the lexicon, with a V for "virus"
    (["CLD"], _record(["Liver Disease"])),                # ... with a C for "chronic"
    (["Hot Flushes"], _record(["Menopause"])),               # the review's other lay names, over the whole corpus
    (["Bedwetting"], _record(["Enuresis"])),
    (["Shingles"], _record(["Herpes Zoster"])),
    (["Heartburn"], _record(["Gastroesophageal Reflux"])),
    (["Hay Fever"], _record(["Seasonal Allergic Rhinitis"])),
    (["Lou Gehrig's Disease"], _record(["Amyotrophic Lateral Sclerosis"])),
    (["Blood Poisoning"], _record(["Shock, Septic"])),
    (["Foetal Growth"], _record(["Erythroblastosis, Fetal"])),
    (["Coeliac Disease"], _record(["Celiac Disease"])),
    (["Diarrhoea"], _record(["Diarrhea"])),
    (["Oedema"], _record(["Angioedema"])),
    (["Chest Infection"], _record(["Mycoplasma Infections"], mesh=["Pleuropneumonia"])),
    (["Childhood Cancer"], _record(["Neuroblastoma"])),     # "childhood" says who, not which illness
])
def test_lay_and_short_names_of_the_same_illness_say_nothing(page, record):
    assert _said(page, record) == []


@pytest.mark.parametrize("page,record", [
    (["Kidney Failure"], _record(["Adrenal Insufficiency"])),         # "renal" only inside "adrenal"
    (["Throat Cancer"], _record(["Breast Cancer"])),
    (["Impotence"], _record(["Heart Failure"])),
    (["Drug Addiction"], _record(["Type 1 Diabetes"], title="Insulin-Dependent Diabetes in Children")),
    (["Lung Cancer"], _record(["HCV"])),
    (["HCV"], _record(["Hodgkin Lymphoma"])),
    (["CAD"], _record(["Atopic Dermatitis"])),            # a known acronym is what the lexicon says it stands for
    (["NHL"], _record(["Prostate Cancer"], mesh=["Prostatic Neoplasms"])),
    (["Cluster Headache"], _record(["Head and Neck Cancer"])),       # "head and neck" is the throat, not a head
    (["HIV Infections"], _record(["Melanoma"], title="Immunogenicity of a Melanoma Vaccine")),
    (["Erectile Dysfunction"], _record(["Chest Pain"], title="Chest Pain Seen in the ED")),  # emergency department
    (["Methionine Adenosyltransferase Deficiency"], _record(["HIV Infections"])),
    (["Melanoma (Skin)"], _record(["Erectile Dysfunction"], title="A Study of MSD-123 in Erectile Dysfunction")),
])
def test_lay_and_short_names_of_another_illness_still_warn(page, record):
    assert [f.severity for f in _said(page, record)] == ["warning"]


@pytest.mark.parametrize("page", [["Cancer"], ["Healthy"], ["Chronic disease"], ["Solid Tumors"], [], ["its condition"]])
def test_a_page_condition_that_names_no_illness_in_particular_says_nothing(page):
    assert _said(page, _record(["Head and Neck Cancer"])) == []


def test_a_record_naming_no_condition_says_nothing():
    assert _said(["Asthma"], _record([])) == []


def test_trialfinderdata_sentence_of_another_condition(shared_dir):
    """The reviewer's page: TrialFinderData's "… studying 5q Minus Syndrome" for NCT00005647, a head and neck cancer
    trial, read by the site reader and checked against the real record."""
    record = OfficialRecord(corpus_record(shared_dir, "NCT00005647"))
    html = (f"<h1>{record.brief_title}</h1><p>{record.brief_title} (NCT00005647) is a phase 2 interventional "
            "studying 5q Minus Syndrome, sponsored by Some Sponsor. COMPLETED as of the most recent ClinicalTrials.gov "
            "update.</p>")
    page = scrape_html(html, "https://www.trialfinderdata.org/trial/NCT00005647")
    assert page.conditions == ["5q Minus Syndrome"]
    assert [f.severity for f in check_facts(page, record) if f.field == "conditions"] == ["warning"]
    page.conditions = list(record.conditions[:1])
    assert [f for f in check_facts(page, record) if f.field == "conditions"] == []


@pytest.mark.parametrize("page,record", [
    # blood cancers are each their own illness (they were one "blood" group, with anaemia and clots too)
    (["Multiple Myeloma"], _record(["Lymphoma, Large-Cell, Diffuse"], mesh=["Lymphoma", "Lymphoma, B-Cell"])),
    (["Multiple Myeloma"], _record(["Leukemia", "Systemic Mastocytosis"])),
    (["Leukemia"], _record(["Lymphoma, Non-Hodgkin", "HIV Infections"])),
    (["Leukemia"], _record(["Blood Pressure, High"], mesh=["Hypertension"], title="Dairy Foods and Blood Pressure")),
    (["Multiple Myeloma"], _record(["Anemia"])),
    # a drug in the record's keywords or title is no addiction ("drug" alone names no illness)
    (["Drug Addiction"], _record(["Postoperative Pain"], keywords=["opioid", "drug-drug interaction"])),
    (["Drug Addiction"], _record(["Hypertension"], title="A Drug Interaction Study of Two Blood Pressure Drugs")),
])
def test_another_blood_cancer_or_addiction_for_a_drug_still_warns(page, record):
    assert [f.severity for f in _said(page, record)] == ["warning"]


@pytest.mark.parametrize("page,record", [
    (["Blood cancer"], _record(["Multiple Myeloma"])),
    (["Blood Cancer"], _record(["Lymphoma, Non-Hodgkin"])),
    (["Myeloma"], _record(["Plasmacytoma"])),
    (["Lymphoma"], _record(["Hematologic Malignancies"])),
    (["Leukemia"], _record(["Myelodysplastic Syndromes"])),
    (["Blood Clots"], _record(["Venous Thromboembolism"])),
    (["Drug Addiction"], _record(["Opioid-Related Disorders"], mesh=["Opioid-Related Disorders"])),   # no ancestors
    (["Drug Addiction"], _record(["Cocaine Use Disorder"])),
    (["Drug Abuse"], _record(["Substance-Related Disorders"])),
    (["Opioid Use Disorder"], _record(["Heroin Dependence"])),
])
def test_one_blood_cancer_or_addiction_in_other_words_says_nothing(page, record):
    assert _said(page, record) == []


@pytest.mark.parametrize("page,record", [
    # a shared start is not one illness: "myelom-a" and "myelom-onocytic" (101 corpus records agreed with "Multiple
    # Myeloma" through it), "lympho-ma" and "lympho-cytic", "lymph" (a lymph node)
    (["Multiple Myeloma"], _record(["Chronic Myelomonocytic Leukemia"])),
    (["Lymphoma"], _record(["Leukemia, Lymphocytic, Chronic, B-Cell"])),
    (["Lymphoma"], _record(["HIV Infections"], keywords=["CD4 lymphocyte count"])),
    (["Lymphoma"], _record(["Breast Cancer"], keywords=["sentinel lymph node"])),
    (["Hearing Loss"], _record(["Heart Failure"])),
    (["Cystic Fibrosis"], _record(["Fibrous Dysplasia"])),
])
def test_words_that_only_start_alike_still_warn(page, record):
    assert [f.severity for f in _said(page, record)] == ["warning"]


@pytest.mark.parametrize("page,record", [
    (["Diabetic neuropathy"], _record(["Diabetes"])),          # one stem with another ending
    (["Asthmatic children"], _record(["Asthma"])),
    (["Tumours of the brain"], _record(["Brain Tumors"])),
    (["Depression"], _record(["Depressive Disorder, Major"])),
    (["Psoriatic Arthritis"], _record(["Psoriasis"])),
    (["Esophageal Cancer"], _record(["Cancer of the Esophagus"])),
    (["Inguinal Hernia"], _record(["Herniation, Inguinal"])),
    (["Atherosclerotic disease"], _record(["Atherosclerosis"])),
    (["Psychosis"], _record(["Psychotic Disorders"])),
    (["Leukaemia"], _record(["Leukemic infiltration"])),
    (["Lymphomas"], _record(["Lymphoma"])),
    (["COVID"], _record(["COVID19"])),
    (["Myeloma"], _record(["Myelomatosis"])),
])
def test_one_stem_with_other_endings_says_nothing(page, record):
    assert _said(page, record) == []
