"""Related trials as a patient reads them (review r16): a trial no one the query trial takes could enter is never
suggested; "Same condition" is said only of a condition both trials are about, in the suggested trial's words; catch-all
studies, template words and one-word treatment kinds are no reason; a trial past its planned end says it may have ended.
Records are small CT.gov v2 studies written here, so each test states the facts it depends on."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from scrapers.official import OfficialRecord
from scrapers.registry import search
from server.related import _similar_treatment, related
from server.related_terms import own_condition
from tests.test_related import _features, _why_of

TODAY = date(2026, 12, 5)


def _rec(nct: str, title: str, conditions: list[str], mesh: tuple[str, ...] = (), *, min_age: str | None = None,
         max_age: str | None = None, sex: str = "ALL", healthy: bool | None = None, status: str = "RECRUITING",
         start: str = "2026-01", end: str = "2028-01", treatments: tuple[str, ...] = ()) -> OfficialRecord:
    elig = {"sex": sex, **({"minimumAge": min_age} if min_age else {}), **({"maximumAge": max_age} if max_age else {}),
            **({"healthyVolunteers": healthy} if healthy is not None else {})}
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": title},
        "statusModule": {"overallStatus": status, "startDateStruct": {"date": start, "type": "ESTIMATED"},
                         "completionDateStruct": {"date": end, "type": "ESTIMATED"}},
        "conditionsModule": {"conditions": conditions},
        "eligibilityModule": elig,
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": t} for t in treatments]},
    }, "derivedSection": {"conditionBrowseModule": {"meshes": [{"term": m} for m in mesh]}}})


def _index(tmp_path, records: list[OfficialRecord]) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "index.db")
    search.build_index(conn, records)
    return conn


def _ids(conn, query: str, statuses=None) -> list[str]:
    return [r.nct_id for r in related(query, k=10, statuses=statuses, conn=conn, today=TODAY)]


def test_no_one_the_query_takes_could_join_is_never_suggested(tmp_path):
    """An autism game for children 3-12 listed ten adult-only trials; an ovarian cancer trial men-only ones."""
    conn = _index(tmp_path, [
        _rec("NCT90000001", "Digital game for autism in children", ["Autism"], min_age="3 Years", max_age="12 Years"),
        _rec("NCT90000002", "Digital therapy for autism in adults", ["Autism"], min_age="18 Years"),
        _rec("NCT90000003", "Autism therapy for teenagers", ["Autism"], min_age="10 Years", max_age="20 Years"),
        _rec("NCT90000004", "Autism registry", ["Autism"]),                       # no limits: open to all
        _rec("NCT90000005", "Autism in boys", ["Autism"], sex="MALE", max_age="12 Years"),
        _rec("NCT90000006", "Autism in girls", ["Autism"], sex="FEMALE", max_age="12 Years"),
    ])
    for statuses in (None, "any"):
        assert sorted(_ids(conn, "NCT90000001", statuses)) == ["NCT90000003", "NCT90000004", "NCT90000005", "NCT90000006"]
    # the adult trial's list has no children-only trial, and the boys' trial's none for girls only
    assert "NCT90000005" not in _ids(conn, "NCT90000002") and "NCT90000006" not in _ids(conn, "NCT90000005")
    assert "NCT90000002" in _ids(conn, "NCT90000004")   # (a missing limit is no limit)


def test_a_healthy_volunteer_trial_is_not_given_trials_for_patients_only(tmp_path):
    """A phase 1 study in healthy elderly people, and an HIV vaccine trial in seronegative volunteers, were shown
    trials for people with the disease. The record's flag alone means "accepts healthy volunteers", not "only them"."""
    conn = _index(tmp_path, [
        _rec("NCT90000011", "Sleep drug X in healthy elderly subjects", ["Healthy Subjects"], healthy=True,
             treatments=("sleep drug X",)),
        _rec("NCT90000012", "Sleep drug X for insomnia", ["Insomnia"], healthy=False, treatments=("sleep drug X",)),
        _rec("NCT90000013", "Sleep drug X in healthy adults", ["Healthy"], healthy=True, treatments=("sleep drug X",)),
        _rec("NCT90000014", "Sleep drug X in insomnia and healthy controls", ["Insomnia"], healthy=True,
             treatments=("sleep drug X",)),
        _rec("NCT90000015", "Sleep drug X vaccine-like trial in insomnia seronegative subjects", ["Insomnia"],
             healthy=True, treatments=("sleep drug X",)),
        _rec("NCT90000016", "Sleep drug X in healthy volunteers and adults with insomnia", ["Insomnia", "Healthy"],
             healthy=True, treatments=("sleep drug X",)),
    ])
    assert set(_ids(conn, "NCT90000011")) == {"NCT90000013", "NCT90000014", "NCT90000015", "NCT90000016"}
    assert "NCT90000012" not in _ids(conn, "NCT90000015")            # (seronegative volunteers: healthy only)
    for query in ("NCT90000014", "NCT90000016"):   # patients and healthy volunteers: patients' trials stay
        assert "NCT90000012" in _ids(conn, query), query
    assert "NCT90000013" in _ids(conn, "NCT90000012", "any")   # (not the other way round; see _cannot_join)


LUNG = dict(min_age="18 Years")


def test_a_shared_mesh_heading_is_not_the_same_condition(tmp_path):
    """Small-cell lung cancer trials listed non-small-cell ones as "Same condition: Lung Neoplasms" (ClinicalTrials.gov's
    heading above both), ahead of small-cell ones."""
    conn = _index(tmp_path, [
        _rec("NCT90000021", "Chemotherapy for small cell lung cancer", ["Small Cell Lung Cancer"],
             ("Lung Neoplasms", "Small Cell Lung Carcinoma"), treatments=("etoposide",), **LUNG),
        _rec("NCT90000022", "Maintenance chemotherapy for non small cell lung cancer", ["Non Small Cell Lung Cancer"],
             ("Lung Neoplasms", "Carcinoma, Non-Small-Cell Lung"), treatments=("olaparib",), **LUNG),
        _rec("NCT90000023", "New drug for extensive small cell lung carcinoma", ["Small Cell Lung Carcinoma (SCLC)"],
             ("Lung Neoplasms", "Small Cell Lung Carcinoma"), treatments=("tarlatamab",), **LUNG),
        _rec("NCT90000024", "Immunotherapy for lung cancer", ["NSCLC"], ("Carcinoma, Non-Small-Cell Lung",),
             treatments=("pembrolizumab",), **LUNG),
    ])
    got = {r.nct_id: r.why for r in related("NCT90000021", k=10, conn=conn, today=TODAY)}
    assert list(got)[0] == "NCT90000023" and got["NCT90000023"].startswith("Same condition: Small Cell Lung Carcinoma (SCLC)")
    # and a non-small-cell one, tied only by that heading above both, is another disease (review r35 §7, related3)
    assert "NCT90000022" not in got, got
    # the same most specific term is the same condition, said in the suggested trial's own words ("NSCLC")
    got = {r.nct_id: r.why for r in related("NCT90000022", k=10, conn=conn, today=TODAY)}
    assert got["NCT90000024"].startswith("Same condition: NSCLC"), got
    assert not any(why.startswith("Same condition") for i, why in got.items() if i in ("NCT90000021", "NCT90000023"))


@pytest.mark.parametrize("term, listed, mesh, own", [
    ("lung neoplasms", ["Small Cell Lung Cancer"], ["Lung Neoplasms", "Small Cell Lung Carcinoma"], False),
    ("small cell lung carcinoma", ["Small Cell Lung Cancer"], ["Lung Neoplasms", "Small Cell Lung Carcinoma"], True),
    ("migraine disorders", ["Cluster Headache"], ["Cluster Headache", "Headache", "Migraine Disorders"], False),
    ("psychotic disorders", ["Depression", "Depression, Postpartum"], ["Depression, Postpartum", "Psychotic Disorders"], False),
    ("immunologic deficiency syndromes", ["HIV Infections"], ["HIV Infections", "Immunologic Deficiency Syndromes"], False),
    ("carcinoma, non-small-cell lung", ["NSCLC Stage IV"], ["Carcinoma, Non-Small-Cell Lung"], True),
    ("myocardial infarction", ["Heart Attack"], ["Myocardial Infarction"], True),     # a synonym: trusted
    ("breast neoplasms", ["Breast Cancer"], ["Breast Neoplasms"], True),
])
def test_own_condition(term, listed, mesh, own):
    assert own_condition(term, listed, mesh) is own


def test_broad_headings_are_not_given_as_reasons():
    """"Related condition: Mental Disorders" was the reason on four of an autism card's five trials."""
    why = _why_of(_features("Q", ["Autism", "Mental Disorders"], []), _features("C", ["Schizophrenia", "Mental Disorders"], []))
    assert "Mental Disorders" not in why.replace("For: Schizophrenia; Mental Disorders", "")
    assert not why.startswith(("Same condition", "Related condition")), why
    why = _why_of(_features("Q", ["Disc Herniation", "Pathological Conditions, Anatomical"], []),
                  _features("C", ["Rheumatoid Arthritis", "Pathological Conditions, Anatomical"], []))
    assert "Pathological Conditions" not in why.split(" · For: ")[0], why


def test_a_catch_all_study_is_not_suggested(tmp_path):
    """A meditation study listing 52 conditions was "Same condition: Parkinson Disease" on 11 of 40 cards."""
    many = tuple(f"Condition {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(44)) + ("Parkinson Disease",)
    conn = _index(tmp_path, [
        _rec("NCT90000031", "Exercise for Parkinson disease", ["Parkinson Disease"], ("Parkinson Disease",)),
        _rec("NCT90000032", "Quest to analyze meditators", list(many), many, status="ENROLLING_BY_INVITATION"),
        _rec("NCT90000033", "Dance for Parkinson disease", ["Parkinson Disease"], ("Parkinson Disease",)),
    ])
    assert _ids(conn, "NCT90000031") == ["NCT90000033"]
    assert _ids(conn, "NCT90000031", "any") == ["NCT90000033"]


def test_a_trial_past_its_planned_end_says_it_may_have_ended_and_ranks_below(tmp_path):
    """119 of 205 suggested trials were past their planned end and read as recruiting."""
    conn = _index(tmp_path, [
        _rec("NCT90000041", "Drug A for gout", ["Gout"], treatments=("drug a",)),
        _rec("NCT90000042", "Drug B for gout", ["Gout"], end="2024-03", treatments=("drug b",)),
        _rec("NCT90000043", "Drug C for gout", ["Gout"], status="NOT_YET_RECRUITING", start="2025-01",
             treatments=("drug c",)),
        _rec("NCT90000044", "Drug D for gout", ["Gout"], treatments=("drug d",)),
    ])
    got = related("NCT90000041", k=10, conn=conn, today=TODAY)
    assert {r.nct_id: r.overdue for r in got} == {"NCT90000042": "end", "NCT90000043": "start", "NCT90000044": None}
    assert got[0].nct_id == "NCT90000044"
    assert related("NCT90000041", k=10, conn=conn, today=date(2023, 1, 1))[0].overdue is None


def test_template_words_are_not_shared_terms(tmp_path):
    """"Shared terms: parallel, arm, two", "feasibility, related, drug", "matters" joined trials of other diseases."""
    conn = _index(tmp_path, [
        _rec("NCT90000051", "Quitting Matters: a parallel arm feasibility trial of two drug-related apps",
             ["Smoking Cessation"]),
        _rec("NCT90000052", "IT Matters: a parallel arm feasibility registry of two drug-related implants",
             ["Erectile Dysfunction"]),
    ])
    assert _ids(conn, "NCT90000051", "any") == []


@pytest.mark.parametrize("query, other", [
    ("Radiation therapy", "Radiation by brachytherapy"),
    ("Exercise", "Kegel exercises"),
    ("Vaccine", "Neoantigen-based peptide vaccine"),
])
def test_a_kind_of_treatment_alone_is_not_a_similar_treatment(query, other):
    assert _similar_treatment(_features("Q", [], [query]), _features("C", [], [other])) is None
    assert _similar_treatment(_features("Q", [], ["ramelteon"]), _features("C", [], ["Ramelteon 8 mg"]))


def test_an_index_written_before_the_new_features_is_rebuilt_once(tmp_path):
    """Overdue and healthy-volunteer checks read fields an older index does not hold: backfill rebuilds it."""
    from scrapers.registry.store import Store

    store = Store(tmp_path / "store.db")
    store.put_many([_rec("NCT90000061", "Drug A for gout", ["Gout"]), _rec("NCT90000062", "Drug B", ["Gout"])])
    with store.transaction() as conn:
        search.load_index(conn, store.iter_records())
        conn.execute("DELETE FROM related_df WHERE kind = 'v'")   # as an older TrialLens left it
        conn.execute("UPDATE related_trials SET features = json_remove(features, '$.dates')")
    search._backfilled.discard(str(store.path))
    assert search.backfill(store) == 2
    with store.connection() as conn:
        assert search.features_version(conn) == search.FEATURES_VERSION
        assert all('"dates":{"start"' in f for (f,) in conn.execute("SELECT features FROM related_trials"))
    assert search.backfill(store) == 0


def test_the_page_words_a_related_trials_status_as_the_card_does():
    from server.status_shown import related_status

    assert related_status({"status": "RECRUITING", "overdue": "end", "status_as_of": None}) == (
        "Recruiting (saved copy), though its planned end has passed")
    assert related_status({"status": "NOT_YET_RECRUITING", "overdue": "start"}) == (
        "Not yet recruiting, though its planned start has passed")
    # the copy's date is kept (review r17: "? May have opened" dropped it)
    assert related_status({"status": "NOT_YET_RECRUITING", "overdue": "start", "status_as_of": "2025-10-01T00:00:00Z"}) \
        == "Not yet recruiting (as of Oct 2025), though its planned start has passed"
    assert related_status({"status": "ENROLLING_BY_INVITATION", "overdue": None}) == "By invitation only"
    assert related_status({"status": "RECRUITING", "overdue": None}) == "Recruiting"


def test_the_page_says_where_related_trials_come_from_and_when_there_are_none(tmp_path):
    """The page said only "Related trials", and nothing at all when the list was empty (review r16 §12)."""
    from server import create_app
    from tests.test_service_pages import section

    c = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    listed = section(c.get("/trials/NCT07635758"), "related")
    assert "Other trials that TrialLens's saved copy of ClinicalTrials.gov lists as recruiting or about to recruit. They are not matched to " \
           "your own age, sex or health" in listed
    assert "Not yet recruiting (as of Nov 2025), though its planned start has passed" in listed   # (NCT07232563: "not yet recruiting", planned start 1 Dec 2025)
    # (what TrialLens knows, then the way on: not "None open in TrialLens's saved copy …"; review r26 #4)
    assert section(c.get("/trials/NCT06427642"), "related") == (
        "Related trials TrialLens knows of no open trials like this one. Search ClinicalTrials.gov for open trials of "
        "Hypoxic-Ischemic Encephalopathy")


def test_a_shared_drug_alone_does_not_bring_another_disease_to_a_patients_list(tmp_path):
    """An ovarian cancer card listed lung and thymic cancer trials as "Same treatment: Carboplatin · For: NSCLC"."""
    conn = _index(tmp_path, [
        _rec("NCT90000071", "Carboplatin for recurrent ovarian cancer", ["Ovarian Cancer"], treatments=("Carboplatin",)),
        _rec("NCT90000072", "JS207 with carboplatin in NSCLC", ["NSCLC"], treatments=("Carboplatin", "JS207")),
        _rec("NCT90000073", "Olaparib after carboplatin in ovarian carcinoma", ["Ovarian Carcinoma"],
             treatments=("Carboplatin", "Olaparib")),
    ])
    assert _ids(conn, "NCT90000071") == ["NCT90000073"]
    # (every status, as a researcher asks: the shared drug is shown with what the trial is for)
    assert "NCT90000072" in _ids(conn, "NCT90000071", "any")
    assert "NCT90000072" in _ids(conn, "NCT90000071", ["RECRUITING", "COMPLETED"])   # (the API's "any" is a list)
    assert "NCT90000072" not in _ids(conn, "NCT90000071", ["RECRUITING"])


FILLER = ["Gout", "Asthma", "Psoriasis", "Migraine", "Glaucoma", "Anemia", "Eczema", "Obesity", "Insomnia", "Acne",
          "Rosacea", "Tinnitus"]


def _others(start: int) -> list[OfficialRecord]:
    """Trials of other diseases, so that the words of the trials under test are rare in the index, as in a real one."""
    return [_rec(f"NCT9000{start + i:04d}", f"Drug {name[:3]}-{i} for {name}", [name], treatments=(f"{name[:3]}-{i}",))
            for i, name in enumerate(FILLER)]


def test_title_words_naming_a_treatment_do_not_bring_another_disease(tmp_path):
    """A stroke trial of placenta-derived stem cells listed erectile dysfunction trials as "Shared terms: mesenchymal,
    derived, stem": the words name the treatment, which the other-disease rule already leaves out (review r23 #4)."""
    conn = _index(tmp_path, [
        _rec("NCT90000081", "Placenta-derived Mesenchymal Stem Cells in Acute Ischemic Stroke", ["Acute Ischemic Stroke"],
             treatments=("Human Placenta-derived Mesenchymal Stem Cells",)),
        _rec("NCT90000082", "Autologous Bone Marrow-derived Mesenchymal Stem Cells Injected Intracavernously",
             ["Erectile Dysfunction"], treatments=("Cellgram-ED",)),
        _rec("NCT90000083", "Umbilical Cord Mesenchymal Stem Cell Vesicles for Ischemic Stroke", ["Ischemic Stroke"],
             treatments=("MSC vesicles",)),
        _rec("NCT90000084", "Allopurinol for gout", ["Gout"], treatments=("Allopurinol",)),
        _rec("NCT90000085", "Exercise after knee replacement", ["Osteoarthritis, Knee"]), *_others(200),
    ])
    assert _ids(conn, "NCT90000081") == ["NCT90000083"]


def test_a_withheld_record_with_no_condition_has_no_related_trials(tmp_path):
    """ClinicalTrials.gov's stand-in title for a withheld device trial, with no condition, was given an erectile
    dysfunction trial as related by "Shared terms: approved, not" (review r23 #4)."""
    conn = _index(tmp_path, [
        _rec("NCT90000091", "[Trial of device that is not approved or cleared by the U.S. FDA]", [], status="WITHHELD"),
        _rec("NCT90000092", "Botulinum Toxin in Diabetic Men With Erectile Dysfunction Not Responding to Approved "
             "Treatments", ["Erectile Dysfunction"], treatments=("Botulinum toxin A",)),
        _rec("NCT90000093", "A device cleared by the FDA for heart failure", ["Heart Failure"]),
        _rec("NCT90000094", "Allopurinol for gout", ["Gout"], treatments=("Allopurinol",)), *_others(200),
    ])
    assert _ids(conn, "NCT90000091") == [] and _ids(conn, "NCT90000091", "any") == []
    # its stand-in's words match nothing either way, and "not" / "approved" are no shared terms
    assert "NCT90000091" not in _ids(conn, "NCT90000093", "any")
    assert all("approved" not in r.why and "not," not in r.why
               for r in related("NCT90000092", k=10, statuses="any", conn=conn, today=TODAY))


def test_a_condition_given_by_its_acronym_is_the_same_disease(tmp_path):
    """"Advanced NSCLC" beside "Lung Cancer" / "Carcinoma, Non-Small-Cell Lung" shares no word, but is the disease:
    leaving out treatment words must not lose it."""
    conn = _index(tmp_path, [
        _rec("NCT90000101", "Proton Radiotherapy in Locally Advanced Non-Small Cell Lung Cancer (NSCLC)", ["Lung Cancer"],
             ("Lung Neoplasms", "Carcinoma, Non-Small-Cell Lung"), treatments=("Proton Radiotherapy", "Paclitaxel")),
        _rec("NCT90000102", "Peptide Vaccine and Radiotherapy for Advanced NSCLC", ["Advanced NSCLC"],
             treatments=("Radiotherapy", "Peptide vaccine")),
        _rec("NCT90000103", "Radiotherapy for prostate cancer", ["Prostate Cancer"], treatments=("Radiotherapy",)),
        _rec("NCT90000104", "Allopurinol for gout", ["Gout"], treatments=("Allopurinol",)), *_others(200),
    ])
    assert _ids(conn, "NCT90000101") == ["NCT90000102"]
