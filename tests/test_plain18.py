"""plain18: leftovers of the plain-English rewrite and the at-a-glance block.

1. An exclusion that forbids being in another trial ("Patients must not take part in another trial during the study")
   is worded as a requirement, and marked so; "must not participate" said of this study is a verdict, and is not.
2. An abbreviation's bracket keeps the kind its name says: "CHF (congestive heart failure)", not "CHF (heart
   failure)"; "OSA (obstructive sleep apnea)". The lexicon's own entries carry it (no later rule overriding them).
3. "Previous cancer" reads "You have had a previous cancer", not "You have past cancer".
4. A name's words stay: "evaluated by the Pediatric Branch" (NCT00001424), not "the children's Branch"; "(Canadian
   Cardiovascular Society …)", not "(Canadian Heart and blood vessel Society …)"; "Venereal Disease Research Laboratory",
   not "… Research Lab".
5. Glance: "Group 3. Volunteers with normal eGFR and normal protein excretion …" (NCT00001392) names healthy
   volunteers; a group named in capitals keeps the record's own spelling of a word ("OspA", NCT00001539).
Items are the corpus's own where an NCT id is beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import corpus_record

from scrapers.fidelity import check_fidelity
from scrapers.official import OfficialRecord
from server.explain import explain, explain_item, explain_text
from server.worded import worded_as_requirement


def _exclusion(item: str):
    return explain_text(f"Exclusion Criteria:\n\n* {item}\n").exclusion[0]


# --------------------------------------------------------------------------- 1. in another trial: a requirement

@pytest.mark.parametrize("item", [
    "Patients must not take part in another trial during the study",
    "Must not participate in any other clinical trial while on study",
    "Subjects must not be enrolled in another investigational study",
    "Patients should not be enrolled in a concurrent interventional trial",
    "Must not join another study",
])
def test_not_being_in_another_trial_is_worded_as_a_requirement(item):
    e = _exclusion(item)
    assert e.worded_as_requirement
    assert "not" in e.shown and not check_fidelity(item, e.shown)


@pytest.mark.parametrize("item", [
    "Patients must not participate in the study if pregnant",
    "Any reason why, in the investigator's opinion, the patient should not participate",   # NCT00498407
    "Patient with a currently active second malignancy should not be enrolled.",            # (NCT00492050, shortened)
    "Physician feels patient should not participate in another trial",
])
def test_a_verdict_on_joining_this_study_is_not(item):
    assert not worded_as_requirement(item)


# --------------------------------------------------------------------------- 2. an abbreviation keeps its kind

@pytest.mark.parametrize("text, said", [
    ("CHF: NYHA > II", "CHF (congestive heart failure)"),
    ("No CHF", "CHF (congestive heart failure)"),
    ("Untreated OSA", "OSA (obstructive sleep apnea)"),
])
def test_an_abbreviation_bracket_keeps_the_qualifier(text, said):
    e = explain_item(text, "exclusion")
    assert said in e.shown and not check_fidelity(text, e.shown)


def test_no_lexicon_entry_says_fewer_words_of_its_own_name():
    """A replacement that is the term's (or the abbreviation's name's) last words drops the word that says which kind
    ("congestive heart failure" -> "heart failure"). Listed: those whose first word names no other kind."""
    same_thing = {"PBSC", "ICF", "HSCT", "protocol study"}
    data = json.loads((Path(__file__).resolve().parents[1] / "scrapers" / "data" / "lexicon.json").read_text("utf-8"))
    dropped = []
    for e in data["entries"]:
        said = (e.get("plain") or "").split(" (", 1)[0].lower()
        name = e["term"].lower() if e["kind"] == "jargon" else e["meaning"].split(":", 1)[0].lower()
        if said and e["kind"] in ("jargon", "abbreviation") and name != said and name.endswith(" " + said):
            dropped.append(e["term"])
    assert [t for t in dropped if t not in same_thing] == []


def test_congestive_heart_failure_is_kept_where_written():   # (review r51; the entry now glosses only)
    e = explain_item("No congestive heart failure", "inclusion")
    assert "congestive heart failure" in e.shown
    assert any(g["term"].lower() == "congestive heart failure" for g in e.glossary)


# --------------------------------------------------------------------------- 3. a previous cancer

@pytest.mark.parametrize("text, section, shown", [
    ("Previous cancer in the 2 years prior to registration", "exclusion",                 # NCT03606070
     "You have had a previous cancer in the 2 years before registration"),
    ("Prior malignancy within 5 years", "exclusion", "You have had a prior cancer within 5 years"),
    ("Previous malignancies", "exclusion", "You have had previous cancers"),
    ("No previous cancer", "inclusion", "You have had no previous cancer"),
    ("Previous cancer treatment", "exclusion", "You have had cancer treatment"),          # (a treatment: as before)
    # (beside a cancer now it is not "had": NCT00462423)
    ("Previous cancer or concurrent malignancy", "exclusion", "You have past cancer or concurrent cancer"),
])
def test_previous_cancer_reads_naturally(text, section, shown):
    e = explain_item(text, section)
    assert e.shown == shown and not check_fidelity(text, e.shown)


# --------------------------------------------------------------------------- 4. a name keeps its words

@pytest.mark.parametrize("text, name", [
    ("Children with cancer or HIV infection who are evaluated by the Pediatric Branch and are found to be not "
     "immediately eligible for an ongoing protocol.", "Pediatric Branch"),                  # NCT00001424
    ("Children who present with disease manifestations of special interest to Pediatric Branch investigators.",
     "Pediatric Branch"),
    ("Patients referred from the Psychiatric Institute clinic.", "Psychiatric Institute"),
    ("Chronic angina pectoris (Canadian Cardiovascular Society [CCS] Class I-III)",          # NCT00007657
     "Canadian Cardiovascular Society"),
    ("Negative Venereal Disease Research Laboratory (VDRL) or Rapid Plasma Reagent (RPR)",  # NCT00002046
     "Venereal Disease Research Laboratory"),
    ("A member of the NINDS Laboratory of Functional and Molecular Imaging.", "Laboratory of Functional"),  # NCT00004577
    ("Defined by the current definition of the IMPAACT Virology Core Laboratory Committee.",  # NCT00006604
     "Core Laboratory Committee"),
])
def test_a_proper_name_keeps_its_words(text, name):
    e = explain_item(text, "inclusion")
    assert name in e.shown and "children's Branch" not in e.shown and not check_fidelity(text, e.shown)


def test_a_plain_word_is_still_said_outside_a_name():
    assert "children's oncology" in explain_item("Admission to a pediatric oncology ward within 2 weeks", "exclusion").shown


def test_corpus_nct00001424_pediatric_branch(shared_dir):
    items = explain(OfficialRecord(corpus_record(shared_dir, "NCT00001424"))).items()
    branch = [e.shown for e in items if "Pediatric Branch" in e.original]
    assert len(branch) == 3 and all("Pediatric Branch" in s and "children's Branch" not in s for s in branch)


# --------------------------------------------------------------------------- 5. glance

from server.glance_record import DISAGREES, criteria_name_healthy, healthy_volunteers_row  # noqa: E402

_GROUP_3 = "Group 3. Volunteers with normal eGFR and normal protein excretion and normal fasting clinical lipid testing."


@pytest.mark.parametrize("included, named", [
    ([_GROUP_3], True),                                                                    # NCT00001392
    (["Controls with normal renal function"], True),
    (["Volunteers with normal eGFR and type 2 diabetes"], False),     # (a condition beside the normal finding)
    (["Group 2. Subjects with normal eGFR and proteinuria"], False),
])
def test_a_group_of_volunteers_with_normal_findings_names_healthy_volunteers(included, named):
    assert criteria_name_healthy([], [], included) is named


def test_corpus_nct00001392_healthy_volunteers_row(shared_dir):
    glance = explain(OfficialRecord(corpus_record(shared_dir, "NCT00001392"))).at_a_glance
    assert glance["healthy_volunteers"] is False and glance["healthy_volunteers_in_criteria"] is True
    assert healthy_volunteers_row(glance).startswith(DISAGREES)


from server.group_case import as_the_record_writes  # noqa: E402


@pytest.mark.parametrize("name, text, written", [
    ("Recovered, seropositive, OSPA vaccinated and healthy volunteers", "an OspA vaccinated control is …",
     "Recovered, seropositive, OspA vaccinated and healthy volunteers"),
    ("HIV patients", "HIV infection; hiv-1 RNA", "HIV patients"),          # (no mixed-case spelling: kept)
    ("OSPA controls", "OspA or OSPa", "OSPA controls"),                    # (two spellings: kept)
    ("OSPA controls", None, "OSPA controls"),
])
def test_a_group_name_takes_the_records_spelling(name, text, written):
    assert as_the_record_writes(name, text) == written


def test_corpus_nct00001539_ospa_group(shared_dir):
    items = explain(OfficialRecord(corpus_record(shared_dir, "NCT00001539"))).items()
    groups = {e.group for e in items if e.group}
    assert any("OspA vaccinated" in g for g in groups) and not any("OSPA" in g for g in groups)
