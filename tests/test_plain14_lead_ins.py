"""Lead-ins read in one place (scrapers/lead_ins.py, plain14).

explain's requirement lead-in (`REQUIREMENTS_LEAD_IN`, "Patients must qualify as follows:" under the exclusions) lived in
server/explain.py while its mirror, `says_out`, lived in scrapers/lead_ins.py: one home for the readings of lead-ins.
Seven lead-ins of reasons to stay out in a list the record did not place ("Also listed") still had their items said as
"You have …", as if requirements; a lead-in under the exclusions whose items let people in (NCT00005817: "… may be
included if they meet the following 2 criteria:") had them said "You have no symptoms …" under "You cannot join if…".
Lead-in texts are the records' own."""

from __future__ import annotations

import pytest

from conftest import corpus_record

from scrapers import lead_ins
from scrapers.official import OfficialRecord
from server import explain
from server.explain import explain_text


def test_the_requirements_lead_in_lives_beside_says_out():
    assert explain.REQUIREMENTS_LEAD_IN is lead_ins.REQUIREMENTS_LEAD_IN
    assert not hasattr(explain, "_REQUIREMENTS_LEAD_IN")


@pytest.mark.parametrize("text, required", [
    ("Patients must qualify as follows:", True),                                # NCT00002025
    ("Required:", True),
    ("All patients must be:", True),                                            # NCT00002109
    ("Participants meet the following criteria:", True),                        # NCT00000929
    ("Patients with the following conditions are included:", True),            # NCT00002051
    ("Included:", True),                                                        # NCT00002417
    ("Patients must not have:", False),
    ("Patients with the following are excluded:", False),                       # NCT00000643
])
def test_the_requirements_lead_in_reads_as_before(text, required):
    assert bool(lead_ins.REQUIREMENTS_LEAD_IN.search(text)) is required
    # (its items are not said of the reader under "You cannot join if…")
    assert explain._children_addressed(text, "exclusion", True) is not required


# ---------------------------------------------------------------- reasons to stay out in a list the record did not place

@pytest.mark.parametrize("nct_id, lead, item", [
    # "Patients may not be treated if any of the following is present:" / "Active infection, requiring antibiotics
    # within 7 days prior to entry." was "You have an active infection, needing antibiotics within 7 days before entry."
    ("NCT00001444", "Patients may not be treated if any of the following is present:",
     "Active infection, requiring antibiotics within 7 days prior to entry."),
    # "… The following medical conditions will also exclude from study:" / "patients with diffuse alveolar hemorrhage"
    # was "You have diffuse alveolar bleeding"
    ("NCT00006496", "The following medical conditions will also exclude from study:",
     "patients with diffuse alveolar hemorrhage"),
    # "… The following patients will also be ineligible:" (under a lead-in of its own) / "Patients with diffuse tumors
    # (as demonstrated on mammography) …" was "You have diffuse tumors …"
    ("NCT00009945", "The following patients will also be ineligible:", "Patients with diffuse tumors"),
])
def test_reasons_to_stay_out_under_also_listed_are_not_said_as_yours(shared_dir, nct_id, lead, item):
    """Under "Also listed (the record does not say whether this includes or excludes you):" an item said "You have …"
    reads as a requirement; the record says it keeps people out. It keeps the record's words (in plain words), not
    said of the reader, as under the inclusions (plain13)."""
    rec = OfficialRecord(corpus_record(shared_dir, nct_id))
    pc = explain_text(rec.eligibility_criteria, rec)
    under = [c for e in _tree(pc.unplaced) if e.original.rstrip().endswith(lead) for c in e.children]
    assert under, [e.original[-80:] for e in _tree(pc.unplaced)]
    mine = [c for c in under if c.original.startswith(item)]
    assert mine and not any(c.shown.startswith(("You ", "Your ")) for c in under), [c.shown for c in under]


def _tree(es):
    for e in es:
        yield e
        yield from _tree(e.children)


def test_a_says_out_lead_in_under_also_listed_is_read_as_under_the_inclusions():
    lead = "Patients may not be treated if any of the following is present:"          # NCT00001444
    assert not explain._children_addressed(lead, "unplaced", True)
    assert not explain._children_addressed(lead, "inclusion", True)
    assert explain._children_addressed(lead, "exclusion", True)     # (its items are reasons you cannot join: addressed)
    assert explain._children_addressed("Patients must have:", "unplaced", True)


# ---------------------------------------------------------------- a lead-in under the exclusions that lets people in

NCT00005817_EXCLUSIONS = """Inclusion Criteria:

* Patients must have measurable disease

Exclusion Criteria:

* Patients with only non-measurable disease, defined as all other lesions, including small lesions (longest diameter < 10 mm with conventional techniques) and truly non-measurable lesions, which include the following:
  * Bone lesions, except pure lytic lesions
  * Leptomeningeal disease
  * Ascites
  * Pleural/pericardial effusions
* Patients with known brain metastases may be included if they meet the following 2 criteria:
  * Completed whole brain irradiation at least two months prior to study entry
  * Have no symptoms from brain metastases
* Lack of central venous access
"""


def test_nct00005817_exceptions_under_the_exclusions_are_not_said_as_reasons_you_cannot_join():
    """"Have no symptoms from brain metastases" was "You have no symptoms from cancer spread to the brain" under "You
    cannot join if…": the record lets those people in. "Leptomeningeal disease" under "Patients with only
    non-measurable disease, … which include the following:" was "You have leptomeningeal disease": the record keeps
    out only people with no measurable disease. Both keep the record's words, and no item under them is marked
    worded as a requirement (they are no reasons you cannot join)."""
    pc = explain_text(NCT00005817_EXCLUSIONS)
    said = {e.original: e for e in pc.items()}
    for text in ("Have no symptoms from brain metastases", "Leptomeningeal disease", "Bone lesions, except pure lytic lesions",
                 "Completed whole brain irradiation at least two months prior to study entry"):
        assert not said[text].shown.startswith("You"), said[text].shown
        assert not said[text].worded_as_requirement
    assert said["Have no symptoms from brain metastases"].shown == "Have no symptoms from cancer spread to the brain"
    assert said["Lack of central venous access"].shown   # (the exclusions after them are read as before)


@pytest.mark.parametrize("text", [
    "Patients with known brain metastases may be included if they meet the following 2 criteria:",      # NCT00005817
    "Patients with malignancies other than cutaneous melanoma, cutaneous basal cell carcinoma, or cutaneous squamous "
    "cell carcinoma within 5 years of study entry, unless they:",                                         # NCT00462280
    "Seizure disorder. A participant with a remote history (over 3 years) of seizure who have not received "
    "medications for 3 years or over are eligible if:",                                                   # NCT00009685
    "Participants with HCV co-infection will be allowed entry into Phase 3 studies if:",                  # NCT05896748
    "The patient has a history of cancer with the following exceptions:",                                # NCT00006180
])
def test_lets_in(text):
    assert lead_ins.lets_in(text)
    assert not explain._children_addressed(text, "exclusion", True)


@pytest.mark.parametrize("text", [
    "A patient will NOT be eligible for inclusion in this study if ANY of the following criteria apply:",  # NCT00003831
    "Subjects will not be enrolled in the study if any of the following criteria are met:",              # NCT00495976
    "Excluded (unless exemption made by study chair):",                                                  # NCT00000814
    "Diagnoses of the following conditions (current unless otherwise stated):",                          # NCT02586688
    "Patients who are eligible for surgery will be excluded if they have:",
    "Patients are excluded if they have:",
    "Neither volunteers nor participants will be eligible if they:",                                    # NCT00005761
])
def test_not_lets_in(text):
    assert not lead_ins.lets_in(text)


def test_unless_they_under_the_exclusions():
    """NCT00462280: "… within 5 years of study entry, unless they:" / "are currently without evidence of disease" was
    "You are now without signs of disease" under "You cannot join if…"."""
    text = ("Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n"
            "* Patients with malignancies other than cutaneous melanoma within 5 years of study entry, unless they:\n"
            "  * are currently without evidence of disease\n"
            "  * have not received treatment for invasive malignancy in the last 6 months\n")
    under = explain_text(text).exclusion[0].children
    assert [c.original for c in under] == ["are currently without evidence of disease",
                                           "have not received treatment for invasive malignancy in the last 6 months"]
    assert not any(c.shown.startswith("You") or c.worded_as_requirement for c in under), [c.shown for c in under]
    assert "6 months" in under[1].shown and "not" in under[1].shown
