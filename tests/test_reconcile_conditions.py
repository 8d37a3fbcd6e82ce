"""A page naming another illness than the record's (review round 21, P6), and the lay wordings that must not alarm."""

from __future__ import annotations

import gzip
import json

import pytest

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


@pytest.mark.parametrize("page", [["Cancer"], ["Healthy"], ["Chronic disease"], ["Solid Tumors"], [], ["its condition"]])
def test_a_page_condition_that_names_no_illness_in_particular_says_nothing(page):
    assert _said(page, _record(["Head and Neck Cancer"])) == []


def test_a_record_naming_no_condition_says_nothing():
    assert _said(["Asthma"], _record([])) == []


def test_trialfinderdata_sentence_of_another_condition(shared_dir):
    """The reviewer's page: TrialFinderData's "… studying 5q Minus Syndrome" for NCT00005647, a head and neck cancer
    trial, read by the site reader and checked against the real record."""
    with gzip.open(shared_dir / "data" / "ctgov" / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        data = next(json.loads(line) for line in fh if '"NCT00005647"' in line)
    record = OfficialRecord(data)
    html = (f"<h1>{record.brief_title}</h1><p>{record.brief_title} (NCT00005647) is a phase 2 interventional "
            "studying 5q Minus Syndrome, sponsored by Some Sponsor. COMPLETED as of the most recent ClinicalTrials.gov "
            "update.</p>")
    page = scrape_html(html, "https://www.trialfinderdata.org/trial/NCT00005647")
    assert page.conditions == ["5q Minus Syndrome"]
    assert [f.severity for f in check_facts(page, record) if f.field == "conditions"] == ["warning"]
    page.conditions = list(record.conditions[:1])
    assert [f for f in check_facts(page, record) if f.field == "conditions"] == []
