"""A page naming a treatment its record never mentions is about another trial (reconcile.treatments, ident6): two
trials of one illness share their conditions, so before this only criteria told them apart, and a page showing none
was let go (identity_eval near swaps 14.6%). Real records and the pages identity_eval builds of them; and what must
still hold: a trial's own page naming its treatments any way the record does, or not at all, is never another
trial."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import lay_title, page_of, reworded_page
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.identity import check_identity
from scrapers.reconcile.treatments import other_treatment, drugs_named


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


@pytest.mark.parametrize("page_of_, record, drug", [
    # valganciclovir for CMV retinitis in AIDS, under a CD4-IgG trial's number (both "HIV Infections")
    ("NCT00002222", "NCT00000642", "valganciclovir"),
    # KW-6002 for Parkinson's disease, under a smartphone app trial's (both "Parkinson's Disease")
    ("NCT00006337", "NCT05120609", "kw6002"),
    # flavopiridol and irinotecan for solid tumours, under a vaccine trial's (both "Unspecified Adult Solid Tumor")
    ("NCT00006485", "NCT00004881", "irinotecan"),
    # rituximab and chemotherapy for lymphoma, under a transplant trial's (both "Lymphoma")
    ("NCT00006669", "NCT00002553", "rituximab"),
])
def test_a_title_naming_a_drug_the_record_never_mentions_is_another_trial(page_of_, record, drug):
    a, b = _record(page_of_), _record(record)
    page = page_of(a, b.nct_id)
    assert drug in drugs_named(page.title or "")
    assert [f.kind for f in check_identity(page, b)] == ["other_trial"]


def test_interventions_the_record_never_mentions_are_another_trials():
    # "Tongkat Ali Maca Plus" for erectile dysfunction, under a tadalafil and ultrasound trial's number: its title
    # names no drug, its interventions list one the record never says
    a, b = _record("NCT05347329"), _record("NCT06543628")
    assert check_identity(page_of(a, b.nct_id), b) == []
    assert [f.kind for f in check_identity(page_of(a, b.nct_id, interventions=True), b)] == ["other_trial"]


def test_a_drug_the_record_names_anywhere_backs_the_page():
    # two trials of AIDS-related Kaposi's sarcoma: the page's doxorubicin is in the record's interventions
    a, b = _record("NCT00002319"), _record("NCT00000681")
    page = replace(page_of(a, b.nct_id, interventions=True), title="A Study of Doxorubicin in Kaposi's Sarcoma")
    assert not other_treatment(replace(page, interventions=[]), b)
    assert check_identity(replace(page, interventions=[]), b) == []


@pytest.mark.parametrize("nct_id", ["NCT00297544", "NCT03813992", "NCT00033839", "NCT00003455", "NCT00463151",
                                    "NCT00004307", "NCT00001359", "NCT03466619"])
def test_own_pages_naming_their_treatments_any_way_the_record_does_are_this_trial(nct_id):
    rec = _record(nct_id)
    lay = replace(reworded_page(rec), title=lay_title(rec), inclusion=[], exclusion=[])
    names = [n for _, n in rec.interventions]
    for shown in ([n.lower() for n in names], list(rec.intervention_mesh_terms or names),
                  [(i.other_names or (i.name,))[0] for i in rec.intervention_details],
                  [", ".join(names)]):
        assert not other_treatment(replace(lay, interventions=shown), rec), shown
        assert check_identity(replace(lay, interventions=shown), rec) == []
    # and its official title, which names its drugs
    assert not other_treatment(replace(lay, title=rec.official_title or rec.brief_title), rec)


def test_which_title_words_name_a_drug():
    assert drugs_named("KW-6002 to Treat Parkinson's Disease") == {"kw6002"}
    assert drugs_named("Irinotecan and Cisplatin in Treating Patients With Lung Cancer") == {"irinotecan",
                                                                                                  "cisplatin"}
    assert drugs_named("PF-04449913 in Leukemia") == {"pf4449913"}
    # no drug: a lay title, a word ending like one ("cholesterol", "concept"), a registry number, a title in capitals
    assert drugs_named("Testing a Promising Painkiller to Ease Everyday Aches") == set()
    assert drugs_named("Lowering Cholesterol: a New Concept of Care") == set()
    assert drugs_named("Follow-up of NCT01234567 Participants") == set()
    assert drugs_named("A STUDY IN 300 WOMEN WITH ANEMIA") == set()


def _record_saying(text: str, interventions: tuple[str, ...] = ()) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study in Lung Cancer"},
        "descriptionModule": {"briefSummary": text},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": n} for n in interventions]},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Some University"}}}})


@pytest.mark.parametrize("said, shown", [
    ("Patients receive MK3475 every 3 weeks.", "MK-3475 in Lung Cancer"),          # a code's hyphen
    ("Patients receive PF-4449913.", "PF-04449913 in Lung Cancer"),               # a code's leading zero
    ("No prior cisplatinum.", "Cisplatin in Lung Cancer"),                        # five letters shared
    ("Sildénafil twice daily.", "Sildenafil in Lung Cancer"),                      # an accent
])
def test_a_drug_written_another_way_in_the_record_backs_the_page(said, shown):
    page = PageRecord(site="x", nct_id="NCT01234567", title=shown)
    assert not other_treatment(page, _record_saying(said))
    assert other_treatment(page, _record_saying("Patients receive docetaxel."))


def test_interventions_whose_words_the_record_says_once_back_the_page():
    rec = _record_saying("Standard chemotherapy.", ("Docetaxel",))
    for shown in (["Placebo"], ["Chemotherapy"], ["docetaxel 75 mg/m2", "Placebo"]):
        page = PageRecord(site="x", nct_id="NCT01234567", interventions=shown)
        assert other_treatment(page, rec) == (shown == ["Placebo"]), shown
    # a drug the page lists that the record never says, beside words it does ("Chemotherapy"), is another trial's;
    # not where another drug it lists is the record's
    for shown, other in ((["Posaconazole", "Chemotherapy"], True), (["Posaconazole", "Docetaxel"], False)):
        assert other_treatment(PageRecord(site="x", nct_id="NCT01234567", interventions=shown), rec) == other, shown
    # a page listing nothing with a word to compare names nothing
    assert not other_treatment(PageRecord(site="x", nct_id="NCT01234567", interventions=["A", "B12"]), rec)


def test_what_a_site_shows_for_no_intervention_names_none():
    rec = _record_saying("Patients are followed for five years.")
    for shown in (["No intervention"], ["Not applicable"], ["Other: None"], ["Observational cohort"]):
        assert not other_treatment(PageRecord(site="x", nct_id="NCT01234567", interventions=shown), rec), shown
