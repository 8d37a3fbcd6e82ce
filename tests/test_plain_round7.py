"""Review round 7's plain-English slips (S9, N5, N8): "assessment" said as a bare "check", "lesions" as "abnormal
areas" where that does not read, smaller rewrite slips, and glossary entries that repeat their term, explain a word in
the wrong sense or explain one thing twice."""

import pytest
from plain_support import bundled_item, record_items, shown

from server.explain import explain_item


# --------------------------------------------------------------------------- "assessment"

def test_assessment_is_kept_as_written():
    """NCT07635758: "accurate check of mRS, NIHSS, or BI scores", "dementia that may affect clinical check", "may
    affect study check": "check" needs an article that "assessment" (often said as a mass noun) does without."""
    depression = bundled_item("NCT07635758", "Uncontrolled depression").shown
    assert "may affect clinical assessment" in depression and "may affect study assessment" in depression
    assert "accurate assessment of mRS" in bundled_item("NCT07635758", "Any concomitant disease").shown
    got = explain_item("Conditions that would interfere with assessment of response", "exclusion")
    assert "check" not in got.shown and "assessment of response" in got.shown
    assert [g["term"] for g in got.glossary if g["term"] == "assessment"]   # still explained


# --------------------------------------------------------------------------- "lesions"

def test_lesions_kept_where_abnormal_areas_would_not_read():
    """NCT07232563 and NCT06495437: "nasal structural abnormalities or abnormal areas" (said twice), "Intracranial
    abnormal areas" (unclear); in the corpus "measurable abnormal area", "target abnormal area", "bone abnormal
    areas". After a describing word or a noun, before a noun it describes, or where the sentence already says
    "abnormal", "lesion(s)" stays (the glossary explains it)."""
    assert bundled_item("NCT07232563", "Patients with nasal").shown == "You have nasal structural abnormalities or lesions"
    assert bundled_item("NCT06495437", "Exclude intracranial").shown == "Intracranial lesions and early lung tumors;"
    for text in ("At least one measurable lesion", "Brain lesions", "Prior therapy to the target lesion",
                 "Lesion length at most 14 mm", "Osteolytic lesions on radiologic exam", "CNS (brain and spinal cord) lesions"):
        got = explain_item(text, "inclusion")
        assert "abnormal area" not in got.shown
        assert any(g["term"].lower().startswith("lesion") for g in got.glossary)


@pytest.mark.parametrize("text,expected", [
    ("Lesions on MRI", "Abnormal areas on MRI"),
    ("The lesion must be located in the main branch", "The abnormal area must be located in the main branch"),
    ("No lesion > 4.0 cm in diameter", "You have no abnormal area more than 4.0 cm in diameter"),
    ("At least 2 lesions are present", "At least 2 abnormal areas are present"),
    ("A lesion of the skin", "An abnormal area of the skin"),
    ("Skin breaks, irritation, dermatoses, or lesions in the penile area",
     "Skin breaks, irritation, dermatoses, or abnormal areas in the penile area"),
])
def test_lesions_still_plain_after_an_article_a_count_or_a_preposition(text, expected):
    assert shown(text, "inclusion").startswith(expected)


# --------------------------------------------------------------------------- smaller slips (N8)

@pytest.mark.parametrize("text,expected", [
    ("with severe anemia, severe intracranial hemorrhage", "With severely low red blood cell count, severe bleeding"),
    ("Known moderate to severe renal insufficiency", "You have known moderately to severely poor kidney function"),
    ("severe thrombocytopenia (platelets < 20,000)", "You have severely low platelet count"),
])
def test_a_degree_before_a_low_level_is_said_of_the_level(text, expected):
    """NCT07041801: "With severe low red blood cell count" (severe anemia): the degree is the level's."""
    assert shown(text).startswith(expected)


def test_a_degree_before_other_replacements_is_unchanged():
    assert shown("Severe hypertension") == "You have severe high blood pressure"
    assert shown("Chronic anemia requiring transfusion").startswith("You have chronic low red blood cell count")
    # severe hypoglycemia is an event (one that needs another's help), not a level
    assert shown("Severe hypoglycemia resulting in seizure") == "You have severe low blood sugar resulting in seizure"


@pytest.mark.parametrize("text,expected", [
    ("Age 18-65 years old (inclusive of the boundary values), no gender restrictions;",
     "You are 18 to 65 years old (inclusive of the boundary values), of any sex;"),
    ("Aged from 18 to 65 years old (inclusive).", "You are 18 to 65 years old (inclusive)."),
    ("Age ≥ 18 years old", "You are at least 18 years old"),
    ("Aged between 18 and 40 years old", "You are between 18 and 40 years old"),
    ("Age 18-70 years, no gender restriction", "You are aged 18 to 70 years, of any sex"),   # no "old": "aged" stays
])
def test_age_in_years_old_is_not_also_aged(text, expected):
    """NCT07041801: "You are aged 18 to 65 years old" said the age twice."""
    assert shown(text, "inclusion") == expected


def test_hospitalization_before_a_noun_it_describes_is_kept():
    """NCT07041801: "any infection that requires hospitalization treatment" was "… needs hospital stay treatment"
    (round 8 says it "needs treatment in hospital": tests/test_plain_round8.py)."""
    got = bundled_item("NCT07041801", "Those who have herpes zoster").shown
    assert "hospital stay treatment" not in got
    assert shown("the hospitalization status must remain unchanged") == "The hospitalization status must remain unchanged"
    assert "needing hospital stay within 3 months" in shown("Unstable angina requiring hospitalization within 3 months")


@pytest.mark.parametrize("text,expected", [
    ("are evaluated by the researchers as having an increased risk of thrombosis;", "having an increased risk of blood clots;"),
    ("lab abnormality that may increase risk of bleeding or thrombosis", "increase risk of bleeding or blood clots"),
    ("inherited predisposition to thrombosis", "Inherited predisposition to blood clots"),
    ("at high risk of deep vein thrombosis", "At high risk of blood clots in a deep vein"),
    ("risk of a thrombosis", "Risk of a blood clot"),
])
def test_a_risk_of_clotting_is_of_blood_clots(text, expected):
    """NCT07041801: "an increased risk of thrombosis" read "… increased risk of blood clot"."""
    assert expected in shown(text)


@pytest.mark.parametrize("text,expected", [
    ("History of thrombosis", "You have had a blood clot"),
    ("Patients with thrombosis", "You have a blood clot"),
    ("Active thrombosis", "You have an active blood clot"),
    ("Known thrombosis or embolism", "You have a known blood clot or blocked blood vessel"),
    ("No thrombosis within 6 months", "You have had no blood clot within 6 months"),
])
def test_one_blood_clot_you_have_takes_its_article(text, expected):
    """The same slip as "risk of blood clot": "History of thrombosis" read "You have had blood clot"."""
    assert shown(text, "inclusion") == expected


@pytest.mark.parametrize("text", [
    "Concurrent local radiotherapy allowed for painful lesions or lesions that appear likely to lead to an imminent fracture",
    "All lesions must be Grade II or III. No patients with Grade I lesions will be acceptable.",
    "Less than 25 Kaposi's sarcoma lesions and less than 10 new lesions during the 30 days before study entry.",
])
def test_lesions_said_one_way_in_an_item(text):
    """Where one mention stays "lesions", every mention does: "painful lesions or abnormal areas that …" and "All
    abnormal areas must be Grade II or III. No patients with Grade I lesions …" read as two things."""
    got = explain_item(text, "inclusion").shown
    assert "abnormal area" not in got and "lesions" in got


def test_another_group_named_after_or_keeps_the_item_as_written():
    """NCT07041801: "You have severe pulmonary arterial hypertension (…), or mild to moderate pulmonary arterial
    hypertension patients with severe cardiopulmonary insufficiency" addressed the reader, then named other people."""
    got = bundled_item("NCT07041801", "Those who have severe pulmonary").shown
    assert got.startswith("Those who have severe pulmonary arterial hypertension (more than 70 mmHg")
    assert "You " not in got
    # the patients of a place or an example are not another group of readers
    assert shown("Patients with leukemia with increasing WBC or increased enhancements in patients with solid tumors") \
        .startswith("You have leukemia")


def test_radically_treated_or_excised_is_explained():
    """NCT07635758's exceptions ("radically excised non-melanoma skin cancer", "radically treated papillary thyroid
    carcinoma") were left unexplained."""
    items = {e.original: e for e in record_items("NCT07635758")}
    excised = items["radically excised non-melanoma skin cancer;"].glossary
    assert [g["meaning"] for g in excised if g["term"] == "radically excised"] == \
        ["Removed completely by surgery, with the aim of curing the disease."]
    treated = items["radically treated papillary thyroid carcinoma;"]
    assert treated.shown == "Radically treated papillary thyroid cancer;"
    assert [g["term"] for g in treated.glossary][0] == "radically treated"


def test_a_named_kind_of_encephalopathy_keeps_its_name():
    """NCT06427642: "hypoxic-ischemic encephalopathy (HIE)" read "hypoxic-ischemic brain disorder (HIE)", half
    jargon, half plain; so did "anoxic brain disorder", "Wernicke's brain disorder". After a cause said in jargon that
    stays as written, or a person's name, the name stays whole (glossed)."""
    hie = bundled_item("NCT06427642", "For children with hypoxic-ischemic")
    assert "hypoxic-ischemic encephalopathy (HIE)" in hie.shown
    assert [g["term"] for g in hie.glossary][0] == "hypoxic-ischemic encephalopathy"
    for text in ("Wernicke's encephalopathy", "Patient with an associated anoxic encephalopathy", "septic encephalopathy"):
        got = explain_item(text, "exclusion")
        assert "encephalopathy" in got.shown and "brain disorder" not in got.shown
        assert "encephalopathy" in [g["term"].lower() for g in got.glossary]


@pytest.mark.parametrize("text,expected", [
    ("No encephalopathy", "You have no brain disorder"),
    ("severe encephalopathy", "You have a severe brain disorder"),
    ("Active encephalopathy", "You have an active brain disorder"),
    # a cause the rewrite says in plain words reads plain throughout (not "high blood pressure encephalopathy")
    ("History of hypertensive crisis or hypertensive encephalopathy",
     "high blood pressure crisis or high blood pressure brain disorder"),
    ("HIV encephalopathy", "HIV (the virus that causes AIDS) brain disorder"),
    ("Metabolic encephalopathy from inborn errors of metabolism", "You have a metabolic brain disorder from inborn"),
])
def test_encephalopathy_still_a_brain_disorder_elsewhere(text, expected):
    assert expected in shown(text, "inclusion")


# --------------------------------------------------------------------------- the glossary (N5)

def test_a_meaning_does_not_start_with_its_term_and_an_abbreviation():
    """NCT07635758: the card showed "Alanine aminotransferase — Alanine aminotransferase (ALT): a liver enzyme …":
    it drops a meaning's leading "Term:", not "Term (ABBR):". The abbreviation is said after the meaning."""
    from server.lexicon import load_lexicon

    for e in load_lexicon().entries:
        head = e.meaning.split(":", 1)[0]
        assert not head.lower().startswith(e.term.lower() + " ("), e.term
    organ = bundled_item("NCT07635758", "Organ function meeting").glossary
    alt = next(g["meaning"] for g in organ if g["term"] == "Alanine aminotransferase")
    assert alt == "Alanine aminotransferase: a liver enzyme measured in blood tests. Also called ALT."


@pytest.mark.parametrize("text,scale", [
    ("Subjects with severe cardiovascular disease: patients with a history of decompensated cardiac insufficiency "
     "(NYHA grade Ⅲ or Ⅳ), myocardial infarction", "NYHA"),
    ("Has severe or unstable heart failure e.g., New York Heart Association (NYHA) grade IV", "New York Heart Association"),
    ("Performance status ECOG grade 0, 1, or 2", "ECOG"),
    ("According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure", "NYHA"),
])
def test_grade_of_a_named_scale_is_explained_by_the_scale(text, scale):
    """NCT06495437: "NYHA grade Ⅲ or Ⅳ" had "grade" explained as a cancer's or a side effect's grade; the scale's
    own entry says what its grades are."""
    terms = [g["term"] for g in explain_item(text, "exclusion").glossary]
    assert scale in terms and "grade" not in [t.lower() for t in terms]


def test_grade_is_still_explained_elsewhere():
    # (a scale without an entry of its own that says what its grades are: the general meaning is the nearest)
    for text in ("Grade 2 hypertension", "CTCAE grade 2 peripheral neuropathy", "high grade prostate cancer",
                 "Severe OA (Kellgren and Lawrence Grade IV) of the index knee", "GOG performance grade of 0, 1 or 2"):
        assert "grade" in [g["term"].lower() for g in explain_item(text, "exclusion").glossary]


def test_one_thing_is_explained_once():
    """NCT07635758: "pre-stroke modified Rankin Scale [mRS] score ≥2" explained both "Rankin" and "mRS"."""
    e = bundled_item("NCT07635758", "Significant pre-stroke disability")
    assert [g["term"] for g in e.glossary] == ["mRS"]
    kaposi = explain_item("Kaposi sarcoma lesions of the skin", "inclusion").glossary
    assert "sarcoma" not in [g["term"].lower() for g in kaposi] and "Kaposi" in [g["term"] for g in kaposi]
    # a term the text also says on its own keeps its entry
    both = explain_item("creatinine clearance < 30 ml/mn, or serum creatinine > 3 mg/dl", "exclusion").glossary
    assert {"creatinine clearance", "creatinine"} <= {g["term"] for g in both}
    assert {"mRS", "Rankin"} <= {g["term"] for g in explain_item("mRS ≥2 (modified Rankin)", "exclusion").glossary}


def test_blood_clotting_after_a_risk_is_not_pluralised():
    """The rule above made "predisposition to bleeding or coagulation disorders" "… or blood clotsting disorders"."""
    assert "predisposition to bleeding or blood clotting disorders;" in shown(
        "Genetic predisposition to bleeding or coagulation disorders; clinically significant bleeding symptoms")
