"""Each criterion carries the group of people it is for, named from the record's headings, and the card and the pages
say it once above the group's items (review r51 §2: NCT03648918's controls-only "Personal or family history of
autoimmune disease" read as a reason the families with type 1 diabetes could not join; NCT00001922's groups were
mixed into one list)."""

from __future__ import annotations

import copy
import re

import pytest
from service_support import FakeRegistry, providers, record

from scrapers.official import OfficialRecord
from server import create_app
from server.explain import explain, explain_text
from server.item_groups import UNGROUPED, group_name, runs

# NCT03648918 as the corpus has it (studies_v2.jsonl)
FAMILIES = """Inclusion Criteria (Families):

* Families where at least one first-degree family member has type 1 diabetes
* The diabetic proband in the family was diagnosed before the age of 39
* Family members must be at least 2 years old to participate

Exclusion Criteria (Families):

* Families with no history of type 1 diabetes
* Families with a history of diabetes that is not type 1 (LADA, MODY, type 2 etc.)

Inclusion Criteria (Controls):

* No family history of type 1 diabetes or other autoimmune conditions
* Age 2 or older

Exclusion Criteria (Controls):

* Personal or family history of autoimmune disease
"""

# NCT00001922's layout, shortened: dash headings naming groups, then a heading naming none
VOICE = """-  INCLUSION CRITERIA - Normal Volunteers:

  -  Normal volunteers between the ages of 20 and 80 years of age will be selected after a screening examination.

EXCLUSION CRITERIA - Normal Volunteers:

  -  Any patient with a history of airway obstruction will be excluded from the study.

  -  No smokers or tobacco users will be included in the study.

INCLUSION CRITERIA - Patients with Adductor SD:

  -  Intermittent strained hoarseness and uncontrolled voice breaks or changes in pitch during vowels in speech.

EXCLUSION CRITERIA - Patients with Adductor SD:

  -  Any patient with a history of airway obstruction will be excluded from the study.

OTHER EXCLUSION CRITERIA:

Individuals who might be at risk for endocarditis will be excluded.

Pregnancy.
"""


@pytest.mark.parametrize("heading, group", [
    ("Inclusion Criteria (Families):", "Families"),
    ("Exclusion Criteria (Controls):", "Controls"),
    ("-  INCLUSION CRITERIA - Normal Volunteers:", "Normal volunteers"),
    ("INCLUSION CRITERIA - Patients with Spasmodic Dysphonia:", "Patients with spasmodic dysphonia"),
    ("INCLUSION CRITERIA - Patients with Adductor SD:", "Patients with adductor SD"),
    ("ADDITIONAL INCLUSION CRITERIA FOR ADHD PARTICIPANTS:", "ADHD participants"),
    ("- STRATUM II EXCLUSION:", "Stratum II"),
    ("Healthy control inclusion criteria:", "Healthy control"),
    ("exclusion criteria - recipient (any of the following):", "Recipient"),
    ("- Patients may be eligible for group 1a if they:", "Group 1a"),
    ("Volunteers will not be eligible for this study if they:", "Volunteers"),
    ("Exclusion criteria for all participants:", "All participants"),
    # no group: a plain heading, a category, a time, a policy, a sentence about the criteria
    ("Inclusion Criteria:", None), ("- INCLUSION CRITERIA", None), ("Key exclusion criteria:", None),
    ("DISEASE CHARACTERISTICS:", None), ("Patient characteristics:", None), ("Exclusion criteria (screening)", None),
    ("MRI exclusions:", None), ("Inclusion of women and minorities:", None), ("OTHER EXCLUSION CRITERIA:", None),
    ("Inclusion criteria: patients must", None), ("exclusion criteria:patients with", None),
    ("The following exclusion criteria rule out participants:", None), ("* period of exclusion for an other study", None),
    ("Inclusion criteria for each group of subjects are given below:", None),
    ("You may be eligible for this study if you:", None), ("Your child will not be eligible for this study if he/she:", None),
    ("- inclusion and exclusion criteria, by group:", None),
])
def test_group_name(heading, group):
    assert group_name(heading) == group


def _flat(items):
    for e in items:
        yield e
        yield from _flat(e.children)


def test_families_and_controls_each_have_their_own_items():
    plain = explain_text(FAMILIES)
    assert [e.group for e in plain.inclusion] == ["Families"] * 3 + ["Controls"] * 2
    assert [e.group for e in plain.exclusion] == ["Families", "Families", "Controls"]
    autoimmune = plain.exclusion[-1]
    assert autoimmune.original == "Personal or family history of autoimmune disease"
    assert autoimmune.to_dict()["group"] == "Controls"
    # said once above each run, not on every item
    assert [(h, len(its)) for h, its in runs(plain.exclusion)] == [("Families", 2), ("Controls", 1)]
    assert [(h, len(its)) for h, its in runs(plain.to_dict()["inclusion"])] == [("Families", 3), ("Controls", 2)]


def test_a_heading_naming_no_group_ends_the_group_before_it():
    plain = explain_text(VOICE)
    assert [e.group for e in plain.inclusion] == ["Normal volunteers", "Patients with adductor SD"]
    assert [e.group for e in plain.exclusion] == ["Normal volunteers"] * 2 + ["Patients with adductor SD", None, None]
    # the same exclusion twice, each under its group's name
    assert [h for h, _ in runs(plain.exclusion)] == ["Normal volunteers", "Patients with adductor SD", UNGROUPED]


def test_sub_items_carry_their_items_group():
    text = ("Inclusion criteria - Donor:\n\n* Donor must have:\n  * Hemoglobin at least 11 g/dL\n\n"
            "Inclusion criteria - Recipient:\n\n* Recipient must have:\n  * Creatinine under 2 mg/dL\n")
    plain = explain_text(text)
    assert [(e.original, e.group) for e in _flat(plain.inclusion)] == [
        ("Donor must have:", "Donor"), ("Hemoglobin at least 11 g/dL", "Donor"),
        ("Recipient must have:", "Recipient"), ("Creatinine under 2 mg/dL", "Recipient")]


@pytest.mark.parametrize("text", [
    # one group named, and nothing else in its lists
    "Inclusion Criteria (Patients):\n\n* Age 18 or older\n\nExclusion Criteria (Patients):\n\n* Pregnancy\n",
    # plain headings
    "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy\n",
    # PDQ categories are no groups
    "DISEASE CHARACTERISTICS:\n\n* Histologically confirmed melanoma\n\nPATIENT CHARACTERISTICS:\n\n* Age 18 and over\n",
    # everyone, twice
    "Inclusion criteria for all participants:\n\n* Age 18 or older\n\nExclusion criteria for all participants:\n\n* Pregnancy\n",
])
def test_no_group_said_where_the_record_names_one_group_or_none(text):
    plain = explain_text(text)
    assert all(e.group is None for e in plain.items())
    assert all(h is None for k in ("inclusion", "exclusion", "unplaced") for h, _ in runs(getattr(plain, k)))


def test_a_group_beside_items_under_a_plain_heading_is_named_and_the_rest_are_not_tied():
    text = ("Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy\n\n"
            "Additional exclusion criteria for study arm 2:\n\n* Prior treatment with warfarin\n\n"
            "Other exclusion criteria:\n\n* Unable to give consent\n")
    plain = explain_text(text)
    assert [e.group for e in plain.inclusion] == [None]
    assert [e.group for e in plain.exclusion] == [None, "Study arm 2", None]
    # before the list's first group no heading (nothing to mistake it for); after one, "not tied"
    assert [h for h, _ in runs(plain.exclusion)] == [None, "Study arm 2", UNGROUPED]
    assert [h for h, _ in runs(plain.inclusion)] == [None]


def test_category_headings_under_a_group_keep_its_name():
    text = ("Inclusion criteria for patients:\n\nDISEASE CHARACTERISTICS:\n\n* Melanoma\n\n"
            "PRIOR CONCURRENT THERAPY:\n\n* No prior chemotherapy\n\n"
            "Inclusion criteria for healthy volunteers:\n\n* No chronic illness\n")
    assert [e.group for e in explain_text(text).inclusion] == ["Patients", "Patients", "Healthy volunteers"]


def test_runs_takes_bad_groups_as_none():
    assert runs([{"group": 3}, {"group": "  "}, {}]) == [(None, [{"group": 3}, {"group": "  "}, {}])]
    assert runs([]) == []


def _grouped_record() -> OfficialRecord:
    rec = record("NCT03648918", "RECRUITING")
    data = copy.deepcopy(rec.data)
    data["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = FAMILIES
    return OfficialRecord(data)


@pytest.fixture(scope="module")
def client():
    reg = FakeRegistry(records={"NCT03648918": _grouped_record()})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg, explain=explain)).test_client()


def test_criteria_endpoint_sends_each_items_group(client):
    crit = client.get("/api/v1/trials/NCT03648918/criteria").get_json()
    crit = crit.get("criteria", crit)
    assert [e["group"] for e in crit["exclusion"]] == ["Families", "Families", "Controls"]
    assert [e["group"] for e in crit["inclusion"]] == ["Families"] * 3 + ["Controls"] * 2


def test_trial_page_heads_each_groups_items_once(client):
    body = client.get("/trials/NCT03648918").get_data(as_text=True)
    criteria = body[body.index("You cannot join if"):]
    heads = re.findall(r'<h4 class="group">([^<]*)</h4>', body)
    assert heads == ["Families", "Controls", "Families", "Controls"]
    # the controls' exclusion comes after the "Controls" heading of the exclusions, the families' before it
    controls = criteria.index('<h4 class="group">Controls</h4>')
    assert criteria.index("autoimmune disease") > controls > criteria.index("Families with no history")


def test_openapi_documents_the_group():
    from server.openapi import spec
    explained = spec()["components"]["schemas"]["Explained"]
    assert "group" in explained["properties"] and "group" not in explained["required"]
    assert "null" in str(explained["properties"]["group"])


def test_a_heading_naming_its_list_beside_groups_names_it_too():
    """NCT00001408: "BLOOD DRAW/ASTHMA" names no group of people the way "BLOOD DRAW/NORMAL CONTROL" does, but beside
    it names the asthma group: its items were "Not tied to one group by the record", which the record contradicts."""
    text = ("- INCLUSION CRITERIA - BLOOD DRAW/ASTHMA:\n\n  -  Asthma of greater than one year duration.\n\n"
            "INCLUSION CRITERIA - BLOOD DRAW/NORMAL CONTROL:\n\n  -  Negative HIV test.\n\n"
            "INCLUSION CRITERIA - EXHALED BREATH CONDENSATE/ASTHMA:\n\n  -  Age 18 - 65.\n")
    assert [e.group for e in explain_text(text).inclusion] == [
        "Blood draw/asthma", "Blood draw/normal control", "Exhaled breath condensate/asthma"]
    # alone, such a heading names no group: nothing is said
    assert explain_text("Inclusion criteria - blood draw/asthma:\n\n* Asthma\n\nExclusion criteria:\n\n* HIV\n"
                        ).inclusion[0].group is None
    assert group_name("inclusion criteria: - age > 18 years", loose=True) is None
