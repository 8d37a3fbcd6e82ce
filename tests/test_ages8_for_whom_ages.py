"""ages8 (2): an age in a clause that says whom another requirement is for ("Karnofsky >= 50% for patients > 10 years
of age; Lansky play scale >= 50% for children =< 10 years of age", NCT00004919, a trial of 1 to 21 years) is no limit
to join (other_age.for_whom_age). Before, the record's such ages backed a page's age claim ("People older than 10
years may join" was silent against 1 to 21 years), and a page's own such clause was read as a limit: "For patients
older than or equal to 10 years the Karnofsky performance status …" was a critical against a minimum of 1 year, and
"For patients 16 years and older, the Karnofsky score must be at least 50" read its score as an age of 50."""

from datetime import date

import pytest

from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.reconcile import reconcile
from scrapers.reconcile.other_age import for_whom_age
from scrapers.reconcile.plain_limits import own_ages, record_ages

TODAY = date(2026, 12, 7)
KARNOFSKY = ("Karnofsky >= 50% for patients > 10 years of age; Lansky play scale >= 50% for children =< 10 years of "
             "age")   # NCT00004919


def _record(criteria: str, low: str | None = "1 Year", high: str | None = "21 Years") -> OfficialRecord:
    elig = {k: v for k, v in (("minimumAge", low), ("maximumAge", high),
                              ("eligibilityCriteria", f"Inclusion Criteria:\n\n* Relapsed solid tumour\n* {criteria}"))
            if v}
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT09000011"},
                                               "eligibilityModule": elig}})


def _ages(official: OfficialRecord, text: str) -> list[tuple[str, str]]:
    page = PageRecord("example.org", nct_id=official.nct_id, plain_summary=text)
    return [(f.kind, f.severity) for f in reconcile(page, official, TODAY) if f.kind == "plain_age"]


@pytest.mark.parametrize("text, age, want", [
    (KARNOFSKY, "patients > 10 years", True),
    (KARNOFSKY, "children =< 10 years", True),
    ("For patients older than or equal to 10 years the Karnofsky performance status must be >= 50",
     "patients older than or equal to 10 years", True),
    ("For patients ≥ 16 years, Karnofsky ≥ 50", "patients ≥ 16 years", True),
    ("Greater than 50,000/mm3 if 6-12 months old", "6-12 months old", True),                        # NCT00003187
    ("If younger than 18 years old, must weigh 50 kg or more.", "18 years old", True),              # NCT00001908
    ("Have consent of parent or guardian if under 18 years of age", "18 years of age", True),       # NCT00006145
    ("For subjects less than 7 years of age, a phonological process rating of 3 or more", "7 years of age", True),
    ("Greater than 200,000 in patients aged 1 to 20 years", "aged 1 to 20 years", True),            # NCT00006451
    ("Have a CD4 percent greater than or equal to 20 percent if they are between the ages of 6 and 21",
     "between the ages of 6 and 21", True),                                                         # NCT00001078
    # limits to join
    ("This study is for adults aged 18 to 65 years.", "aged 18 to 65 years", False),
    ("A drug tested in children 6 to 12 years old.", "6 to 12 years old", False),
    ("Patients in the age range of 18 to 40 years", "18 to 40 years", False),                       # NCT04126252
    ("Children may take part if they are 6 to 12 years old", "6 to 12 years old", False),
    ("For Puerto Rico residents, you must be 21 years or older to participate", "21 years or older", False),
    ("Patients ≥ 18 years old, except for paediatric Hospital San Joan de Deu (HSJD) ≥ 8 years old.", "8 years old",
     False),                                                                                        # NCT05184725
    ("Newly diagnosed de novo AML in patients over 60 years with poor risk features", "patients over 60 years",
     False),                                                                                        # NCT00004009
    ("Patients must be at least 18 years of age", "at least 18 years", False),
])
def test_an_age_saying_whom_another_requirement_is_for(text, age, want):
    at = text.index(age)
    assert for_whom_age(text, at, at + len(age)) is want


def test_the_records_karnofsky_clause_backs_no_page_age():
    official = _record(KARNOFSKY)
    assert not any(v == "10" or v == "11" for v, *_ in record_ages(official))
    assert _ages(official, "People older than 10 years may join this study.") == [("plain_age", "critical")]
    assert _ages(_record("Patients older than 10 years of age"), "People older than 10 years may join this study.") \
        == []   # (a limit the criteria give is the record's words, as before)


@pytest.mark.parametrize("text", [
    "For patients older than or equal to 10 years the Karnofsky performance status must be at least 50. For patients "
    "younger than 10 years the Lansky score must be at least 50.",
    "Who may qualify: For patients 16 years and older, the Karnofsky score must be at least 50; for patients under 16 "
    "years, the Lansky score must be at least 50.",
    "For patients 16 years and older, the Karnofsky score must be at least 50.",
    "You may be able to join if your Karnofsky score is at least 50 (for patients aged 16 to 21 years) or your Lansky "
    "score is at least 50 (for children aged 1 to 15 years).",
    "Platelet count must be at least 50,000 if you are 6 to 12 months old.",
    "If you are younger than 18 years old, you must weigh at least 50 kg to join.",
])
def test_a_pages_clause_saying_whom_a_scale_is_for_is_no_age_claim(text):
    assert _ages(_record(KARNOFSKY), text) == []


def test_a_pages_own_limit_is_still_held_to_the_record():
    assert _ages(_record(KARNOFSKY), "Patients 16 years and older may join this study.") == [("plain_age", "critical")]
    assert _ages(_record(KARNOFSKY), "You must be at least 16 years old to join.") == [("plain_age", "critical")]
    assert _ages(_record(KARNOFSKY), "You must be at least 1 year old to join.") == []


@pytest.mark.parametrize("text, ages", [
    ("Any active infection including PCP (if prior PCP then pre-PCP arterial PO2 must be above 80), disseminated", []),
    ("PSA is mandatory, must be ≤ 20)", []),                                   # NCT00002597
    ("Men, who must be at least 18", ["18"]),
    ("Patients must be at least 18", ["18"]),
])
def test_a_bare_figure_after_be_is_a_persons_only_where_one_is_its_subject(text, ages):
    """(the Karnofsky fix reads the subject after the last figure or comma; where none is named there, the whole
    clause, as before: NCT00002285's "PO2 must be above 80" and NCT00002597's "PSA … must be ≤ 20" are no ages)"""
    assert [v for v, _, bound, *_ in own_ages(text) if "=" not in bound] == ages
