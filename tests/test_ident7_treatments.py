"""A page clearly naming a drug its record never mentions is about another trial (reconcile.treatments, ident7), and a
trial's own page naming its treatment as lay sites do is not: by a brand, in British or international spelling,
renamed, with its trial-group number in the title (review r48 found ident6's reading of those "a different trial").
Real records, the pages identity_eval builds of them, and small records saying one thing."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

import pytest
from conftest import SHARED, corpus_record

from bench.identity_eval import lay_title, page_of, reworded_page
from bench.identity_variants import group_numbers, spelt_british
from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.identity import check_identity
from scrapers.reconcile.treatments import _DATA, codes_in, drugs_named, fold, other_treatment


@cache
def _record(nct_id: str) -> OfficialRecord:
    return OfficialRecord(corpus_record(SHARED, nct_id))


def _lay(rec: OfficialRecord) -> PageRecord:
    return replace(reworded_page(rec), title=lay_title(rec), inclusion=[], exclusion=[])


@pytest.mark.parametrize("page_of_, record, drug", [
    # valganciclovir for CMV retinitis in AIDS, under a CD4-IgG trial's number (both "HIV Infections")
    ("NCT00002222", "NCT00000642", "valganciclovir"),
    # rituximab and chemotherapy for lymphoma, under a transplant trial's (both "Lymphoma")
    ("NCT00006669", "NCT00002553", "rituximab"),
])
def test_a_title_naming_a_drug_the_record_never_mentions_is_another_trial(page_of_, record, drug):
    a, b = _record(page_of_), _record(record)
    page = page_of(a, b.nct_id)
    assert fold(drug) in drugs_named(page.title or "")
    assert [f.kind for f in check_identity(page, b)] == ["other_trial"]


def test_which_words_clearly_name_a_drug():
    assert drugs_named("KW-6002 to Treat Parkinson's Disease") == {"kw6002"}
    assert drugs_named("Irinotecan and Cisplatin in Treating Patients With Lung Cancer") == {"irinotecan", "cisplatin"}
    assert drugs_named("PF-04449913 in Leukemia") == {"pf4449913"}
    # no drug: a lay title, a word ending like one, a registry number, a title in capitals, a brand (even one
    # ending like a generic: "Retrovir", "Aricept"), a trial-group number, a year, a unit, a class of drugs
    for text in ("Testing a Promising Painkiller to Ease Everyday Aches", "Lowering Cholesterol: a New Concept of Care",
                 "Follow-up of NCT01234567 Participants", "A STUDY IN 300 WOMEN WITH ANEMIA", "Viagra for ED",
                 "Retrovir Capsules in HIV", "Aricept in Dementia", "Viracept Expanded Access", "ACTG 5041",
                 "ACTG A5041", "A5041", "CALGB-9741 Trial", "SWOG S0221", "WHO-2016 Criteria", "IU-1000 daily",
                 "Tetracycline Antibiotics", "Placebo", "Standard of care", "Chemotherapy", "Surgery"):
        assert drugs_named(text) == set(), text


def test_codes_leave_out_years_units_and_spaced_numbers():
    assert codes_in("MK-3475 and AZD2281") == {"mk3475", "azd2281"}
    assert codes_in("WHO-2016, IU-1000, MG-500, ACTG 5041") == set()
    # (a record's identifiers, read with spaces, back a page's code by its number)
    assert codes_in("ACTG 5041", spaced=True, capitals=False) == {"actg5041"}


@pytest.mark.parametrize("said, shown", [
    ("Patients receive MK3475 every 3 weeks.", "MK-3475 in Lung Cancer"),          # a code's hyphen
    ("Patients receive PF-4449913.", "PF-04449913 in Lung Cancer"),               # a code's leading zero
    ("No prior cisplatinum.", "Cisplatin in Lung Cancer"),                        # five letters shared
    ("Sildénafil twice daily.", "Sildenafil in Lung Cancer"),                      # an accent
    ("Viagra twice daily.", "Sildenafil in Lung Cancer"),                         # a brand the corpus gives it
    ("Cialis once daily.", "Tadalafil in Lung Cancer"),
    ("Pembrolizumab every 3 weeks.", "MK-3475 in Lung Cancer"),                   # a code the corpus gives it
    ("Aciclovir 400 mg.", "Acyclovir in Lung Cancer"),                            # British and INN spellings
    ("Amoxycillin three times daily.", "Amoxicillin in Lung Cancer"),
    ("Cyclophosphamide 600 mg/m2.", "Ciclofosfamide in Lung Cancer"),
    ("Erythromycin 250 mg.", "Erythromycine in Lung Cancer"),
    ("Frusemide 40 mg.", "Furosemide in Lung Cancer"),                            # a British approved name
    ("Lignocaine 2% gel.", "Lidocaine in Lung Cancer"),
])
def test_a_drug_written_another_way_in_the_record_backs_the_page(said, shown):
    page = PageRecord(site="x", nct_id="NCT01234567", title=shown)
    assert drugs_named(shown)
    assert not other_treatment(page, _record_saying(said))
    # (a code alone is no sign either way: test_a_development_code_alone_is_no_sign)
    assert other_treatment(page, _record_saying("Patients receive docetaxel.")) is not shown.startswith(("MK", "PF"))


def test_a_development_code_alone_is_no_sign():
    """Review r50 F1: an own page titled by the drug's development code, which the record no longer says
    ("LY248686" for a record saying duloxetine, NCT00494377), with the sponsor as sites shorten it and a stale
    enrollment, was called another trial's (critical). A code is read, but alone it says nothing of which trial."""
    rec = _record("NCT00494377")
    page = replace(_lay(rec), title="LY248686 Compared With Placebo in Patients With Depression", sponsor="Lilly",
                   enrollment=(rec.enrollment or 0) + 60)
    assert drugs_named(page.title)   # (the code, folded)
    assert not other_treatment(page, rec)
    assert [f.kind for f in check_identity(page, rec)] == []
    # a code the record never says, beside nothing else, under a synthetic record: no sign
    assert not other_treatment(PageRecord(site="x", nct_id="NCT01234567", title="KW-6002 to Treat Parkinson's Disease"),
                               _record_saying("An app for Parkinson's disease."))


def _record_saying(text: str, interventions: tuple[str, ...] = ()) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study in Lung Cancer"},
        "descriptionModule": {"briefSummary": text},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": n} for n in interventions]},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Some University"}}}})


def test_only_named_drugs_count_and_one_the_record_says_is_enough():
    rec = _record_saying("Standard chemotherapy.", ("Docetaxel",))
    for shown, other in ((["Placebo"], False), (["Tongkat Ali Maca Plus"], False), (["Posaconazole"], True),
                         (["Posaconazole", "Chemotherapy"], True), (["Posaconazole", "Docetaxel 75 mg/m2"], False),
                         (["Drug: Docetaxel", "Docetaxel 10 mg tablets"], False)):
        page = PageRecord(site="x", nct_id="NCT01234567", interventions=shown)
        assert other_treatment(page, rec) == other, shown
    # another generic given beside one in a corpus intervention ("sildenafil", "vardenafil") is a combination or a
    # comparison, no other name of it
    assert other_treatment(PageRecord(site="x", nct_id="NCT01234567", title="Vardenafil in Lung Cancer"),
                           _record_saying("Sildenafil daily."))


@pytest.mark.parametrize("nct_id", ["NCT00297544", "NCT03813992", "NCT00033839", "NCT00003455", "NCT00463151",
                                    "NCT00004307", "NCT00001359", "NCT03466619", "NCT00000773"])
def test_own_pages_naming_their_treatments_as_lay_sites_do_are_this_trial(nct_id):
    rec = _record(nct_id)
    lay = _lay(rec)
    names = [n for _, n in rec.interventions]
    other_names = [n for i in rec.intervention_details for n in i.other_names]
    shown_ways = [[n.lower() for n in names], list(rec.intervention_mesh_terms or names), [", ".join(names)],
                  [spelt_british(n) for n in names], [f"Drug: {n}" for n in names],
                  [f"{n} 10 mg tablets" for n in names], [n.split()[0] for n in names]] + [[o] for o in other_names]
    for shown in shown_ways:
        assert check_identity(replace(lay, interventions=shown), rec) == [], shown
    for title in [rec.official_title or rec.brief_title] + [f"{o} for {rec.conditions[0]}" for o in other_names] + [
            spelt_british(f"{n} for {rec.conditions[0]}") for n in names] + [
            f"{lay.title} ({g})" for forms in group_numbers(rec) for g in forms if g]:
        assert check_identity(replace(lay, title=title), rec) == [], title


def test_the_shipped_table_is_small_and_derived():
    table = json.loads(_DATA.read_text(encoding="utf-8"))
    assert set(table) == {"generics", "synonyms", "group_prefixes"}
    # generic names only, never a brand (the corpus's intervention MeSH terms); its trial groups
    assert "sildenafil" in table["generics"] and "viagra" not in table["generics"]
    assert "retrovir" not in table["generics"] and "actg" in table["group_prefixes"]
    assert any({"sildenafil", "viagra"} <= set(g) for g in table["synonyms"])

