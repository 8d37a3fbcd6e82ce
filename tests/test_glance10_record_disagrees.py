"""glance10: where a record's own fields and its criteria text disagree, the glance says both, not one side as fact
(review r51 §7): NCT00003455's field says "All" while its criteria say "Sex: Female"; NCT00001922's field says healthy
volunteers are "Not accepted" while its criteria head a list "INCLUSION CRITERIA - Normal Volunteers". Wording that is
no disagreement (a sex in one group's list, "(men and women)" in a rule of birth control, "healthy" said of people
with the condition studied, healthy people ruled out) changes nothing. And breastfeeding ruled out by some groups only
is said as such, as pregnancy is (glance9). Texts are the records' own (shortened)."""

from __future__ import annotations

import pytest

from conftest import ROOT, corpus_record

from scrapers.criteria import parse_criteria
from scrapers.official import OfficialRecord
from server.explain import explain
from server.glance import at_a_glance
from server.glance_record import (DISAGREES, EXCLUDED_SOME_GROUPS, breastfeeding_row, healthy_volunteers_row,
                                  sex_row)
from server.openapi_schemas import SCHEMAS


def _record(text: str, sex: str = "ALL", hv: bool | None = False) -> OfficialRecord:
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00003455"}, "eligibilityModule": {
        "sex": sex, "healthyVolunteers": hv, "eligibilityCriteria": text}}})


def _glance(text: str, sex: str = "ALL", hv: bool | None = False) -> dict:
    return at_a_glance(_record(text, sex, hv), parse_criteria(text))


_SEX_FEMALE = ("DISEASE CHARACTERISTICS:\n\n  -  Histologically confirmed stage IV breast cancer\n\n"
               "PATIENT CHARACTERISTICS:\n\nAge:\n\n  -  18 and over\n\nSex:\n\n  -  Female\n\n"
               "Menopausal Status:\n\n  -  Not specified\n")


def test_a_sex_line_against_the_field_is_said_with_it():
    """NCT00003455: "Sex:" over "Female" in a record whose field says ALL."""
    g = _glance(_SEX_FEMALE)
    assert g["sex"] == "ALL" and g["sex_in_criteria"] == "FEMALE"
    assert sex_row(g) == f"{DISAGREES} All in its summary, female only in its criteria"


@pytest.mark.parametrize("text, sex, said", [
    # (NCT00003130: run-on PDQ text)
    ("PATIENT CHARACTERISTICS: Age: 18 and over Sex: Women Performance Status: Zubrod 0-2", "ALL", "FEMALE"),
    # (NCT01534065: the field says Male)
    ("Inclusion Criteria:\n\n1. Age 18 to 75 years old (male or female).\n2. Patients with disc herniations.", "MALE",
     "ALL"),
])
def test_other_ways_the_criteria_say_a_sex(text, sex, said):
    g = _glance(text, sex)
    assert g["sex_in_criteria"] == said and sex_row(g).startswith(DISAGREES)


@pytest.mark.parametrize("text, sex", [
    (_SEX_FEMALE, "FEMALE"),                                                           # (agreeing)
    ("PATIENT CHARACTERISTICS:\n\nSex:\n\n  -  Not specified\n", "ALL"),               # (says none)
    ("PATIENT CHARACTERISTICS:\n\nSex:\n\n  -  Male or female\n", "ALL"),
    # (NCT00461773, a trial of women: birth control said of men and women is no sex of the study's)
    ("Inclusion Criteria:\n\n- Use of effective means of contraception (men and women) in subjects of child-bearing "
     "potential\n", "FEMALE"),
    # (a sub-study of women only: one group's, not the study's)
    ("GROUP 2:\n\n- Female\n- Aged 40 or older\n\nGROUP 1:\n\n- Any adult\n", "ALL"),
])
def test_no_disagreement_where_the_record_has_none(text, sex):
    g = _glance(text, sex)
    assert g["sex_in_criteria"] is None
    assert sex_row(g) == {"ALL": "All", "FEMALE": "Female only", "MALE": "Male only"}[sex]


_NORMAL_VOLUNTEERS = ("- INCLUSION CRITERIA - Patients with Muscular Tension Dysphonia:\n\n1. Increased phonatory "
                      "effort.\n\n- INCLUSION CRITERIA - Normal Volunteers:\n\n1. No history of voice disorder.\n\n"
                      "EXCLUSION CRITERIA - Normal Volunteers:\n\n1. Smokers.\n")


@pytest.mark.parametrize("text", [
    _NORMAL_VOLUNTEERS,                                                                  # (NCT00001922: headings)
    # (NCT00001408: one of the groups a heading names)
    "INCLUSION CRITERIA - BLOOD DRAW/ASTHMA:\nAge 18-65.\nINCLUSION CRITERIA - BLOOD DRAW/NORMAL CONTROL:\nAge 18-65.\n",
    "INCLUSION CRITERIA:\n\nNormal Controls:\nMale and female subjects 18-30.\nPatients:\nPatients with a lesion.\n",
    "Inclusion Criteria:\n\n  -  Healthy individuals\n  -  Men and women\n  -  Age 40-59 years\n",  # (NCT00005271)
])
def test_healthy_volunteers_named_against_the_field_are_said_with_it(text):
    g = _glance(text)
    assert g["healthy_volunteers"] is False and g["healthy_volunteers_in_criteria"] is True
    assert healthy_volunteers_row(g) == (f"{DISAGREES} not accepted in its summary, but its criteria name healthy "
                                         "volunteers or controls")


@pytest.mark.parametrize("text, hv", [
    (_NORMAL_VOLUNTEERS, True),                                                          # (agreeing)
    # (NCT00495989: healthy people ruled out)
    ("Inclusion Criteria:\n\n- handicapped persons in an institute\n\nExclusion Criteria:\n\n- healthy individuals\n",
     False),
    # (NCT05232279: "healthy" men who have the condition studied)
    ("Inclusion Criteria:\n\n* Healthy male adults aged 40-75 years\n* Males with reduced erectile function\n", False),
    # (NCT00499187: controls who are HIV-infected, not healthy)
    ("Inclusion Criteria - Fanconi Cases\n\n- Adult HIV-1 infected subjects\n\nInclusion Criteria - Controls\n\n"
     "- Adult HIV-1 infected subjects\n", False),
])
def test_no_healthy_volunteer_disagreement_where_the_record_has_none(text, hv):
    g = _glance(text, hv=hv)
    assert g["healthy_volunteers_in_criteria"] is False
    assert healthy_volunteers_row(g) == ("Accepted" if hv else "Not accepted")


_BOTH = ("IL-2 NAIVE PATIENTS:\n\n"
         "- Negative urine pregnancy test within 2 weeks prior to study entry.\n"
         "- No pregnant or lactating patients.\n\n"
         "PRIOR IL-2 THERAPY PATIENTS:\n\n"
         "- Negative urine pregnancy test within 2 weeks prior to study entry.\n")


def test_breastfeeding_ruled_out_by_some_groups_is_said_as_such():
    """NCT00001475: "No pregnant or lactating patients" under one of its two groups (glance9 left it no value)."""
    g = at_a_glance(None, parse_criteria(_BOTH))
    assert (g["breastfeeding_excluded"], g["breastfeeding_excluded_some_groups"]) == (False, True)
    assert breastfeeding_row(g) == EXCLUDED_SOME_GROUPS
    both = at_a_glance(None, parse_criteria(_BOTH.replace("entry.\n", "entry.\n- No pregnant or lactating patients.\n")))
    assert (both["breastfeeding_excluded"], both["breastfeeding_excluded_some_groups"]) == (True, False)
    assert breastfeeding_row(both) == "Excluded"


def test_the_new_keys_are_in_the_openapi_schema():
    props = SCHEMAS["PlainCriteria"]["properties"]["at_a_glance"]["properties"]
    for key in ("sex_in_criteria", "healthy_volunteers_in_criteria", "breastfeeding_excluded_some_groups"):
        assert key in props and props[key]["description"]
    assert "healthy_volunteers_in_criteria" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("nct_id, key, value", [
    ("NCT00003455", "sex_in_criteria", "FEMALE"),
    ("NCT00001922", "healthy_volunteers_in_criteria", True),
    ("NCT00001475", "breastfeeding_excluded_some_groups", True),
])
def test_corpus_records(shared_dir, nct_id, key, value):
    assert explain(OfficialRecord(corpus_record(shared_dir, nct_id))).at_a_glance[key] == value


def test_the_trial_page_and_explain_say_both(capsys):
    """The service's trial page and `triallens explain` say the rows' words (the card's: format.test.js)."""
    import copy
    import html
    import re

    from service_support import BUNDLED, FakeRegistry, providers
    from server import create_app
    from server.cli_output import print_explain

    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["identificationModule"]["nctId"] = "NCT00000011"
    data["protocolSection"]["eligibilityModule"].update(
        {"sex": "ALL", "healthyVolunteers": False, "eligibilityCriteria": _BOTH + "\n" + _SEX_FEMALE + _NORMAL_VOLUNTEERS})
    rec = OfficialRecord(data)
    app = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(FakeRegistry(records={"NCT00000011": rec}),
                                                                             explain=explain))
    body = app.test_client().get("/trials/NCT00000011").get_data(as_text=True)
    said = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", re.search(r'(?s)<dl id="glance"[^>]*>(.*?)</dl>',
                                                                               body).group(1))))
    assert f"Sex {DISAGREES} All in its summary, female only in its criteria" in said
    assert f"Healthy volunteers {DISAGREES} not accepted in its summary" in said
    assert f"Breastfeeding {EXCLUDED_SOME_GROUPS}" in said
    print_explain(rec, explain(rec))
    out = capsys.readouterr().out
    assert f"  sex:                {DISAGREES.lower()} all in its summary, female only in its criteria\n" in out
    assert f"  healthy volunteers: {DISAGREES.lower()} not accepted in its summary" in out
    assert f"  breastfeeding:      {EXCLUDED_SOME_GROUPS.lower()}\n" in out


def test_the_card_says_the_services_words():
    """extension/lib/criteria.js sexRow, healthyVolunteersRow and the breastfeeding row build the service's words."""
    import re

    from server.glance_record import _CRITERIA_SEX_WORDS, SEX_WORDS
    card = (ROOT / "extension" / "lib" / "criteria.js").read_text(encoding="utf-8")
    assert f'const DISAGREES = "{DISAGREES}";' in card
    sex = re.search(r"(?s)function sexRow\(g\) \{(.*?)\n  \}", card).group(1)
    for key, words in SEX_WORDS.items():
        assert f'{key}: "{words}"' in sex and f'{key}: "{_CRITERIA_SEX_WORDS[key]}"' in sex
    assert "${base} in its summary, ${criteriaWords[other]} in its criteria" in sex
    hv = re.search(r"(?s)function healthyVolunteersRow\(g\) \{(.*?)\n  \}", card).group(1)
    said = healthy_volunteers_row({"healthy_volunteers": False, "healthy_volunteers_in_criteria": True})
    assert said.replace(DISAGREES, "${DISAGREES}") in hv
    assert f'value: "{EXCLUDED_SOME_GROUPS}"' in card.split("breastfeeding_excluded_some_groups === true")[1][:200]
