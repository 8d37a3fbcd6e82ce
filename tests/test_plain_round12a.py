"""Review round 12a (N1-N5, N10): a negation that ran on into the next rule, drug codes read as ranges,
"this" before a plural, "You may …" on children's trials, the trial's own CR across a line break, and study
procedures said of the reader."""
from server.explain import explain_item, explain_text
from server.sentences import split_clauses


# --- N1: a "No …" item that runs on into the next rule (legacy records lost their line breaks) ----------------------

def test_negated_runon_is_cut_before_a_measured_requirement():
    """NCT00003003: "No congestive heart failure Ejection fraction greater than 50%" read "You have no heart failure
    Ejection fraction more than 50%": the requirement came under the "no"."""
    parts = split_clauses("Cardiovascular: No myocardial infarction within last 6 months No congestive heart failure "
                          "Ejection fraction greater than 50% (measured by MUGA or 2-D Echo)")
    assert parts == ["Cardiovascular: No myocardial infarction within last 6 months", "No congestive heart failure",
                     "Ejection fraction greater than 50% (measured by MUGA or 2-D Echo)"]


def test_negated_runon_shown_text_keeps_the_requirement_outside_the_no():
    e = explain_item("Cardiovascular: No history of cardiac disease No symptomatic cardiac disease "
                     "Ejection fraction greater than 50%")
    assert e.shown == ("Heart and blood vessel: You have never had heart disease. You have no symptomatic heart disease. "
                       "Ejection fraction more than 50%")


def test_negated_runon_before_a_range_and_a_time_is_cut():
    """NCT00004297 "…No sustained ectopic tachyrhythmia Pulse rate between 60 and 150 …"; NCT00002692 "… for advanced
    disease More than 6 months since adjuvant 5-FU"."""
    assert explain_item("No sustained ectopic tachyrhythmia Pulse rate between 60 and 150 No severe myocardial "
                        "insufficiency").shown == ("You have no sustained ectopic tachyrhythmia. Pulse rate between 60 "
                                                   "and 150. You have no severe heart muscle insufficiency")
    assert explain_item("No prior fluorouracil (5-FU) for advanced disease More than 6 months since adjuvant 5-FU").shown \
        == "You have had no fluorouracil (5-FU) for advanced disease. More than 6 months since adjuvant 5-FU"


def test_negated_clause_with_a_glued_rule_it_cannot_cut_is_not_addressed():
    """When the next rule's start is not a measure the cutter knows ("Normal …", "… required"), the negated clause is
    kept in the registry's words, never "You have no …" over the next rule."""
    assert explain_item("No prior therapy Hemoglobin normal or required").shown == \
        "No prior treatment Hemoglobin (the protein that carries oxygen) normal or required"


def test_negated_runon_before_a_normal_value_is_cut():
    assert explain_item("No heart failure Ejection fraction normal").shown == \
        "You have no heart failure. Ejection fraction normal"


def test_a_capitalized_name_inside_a_negated_clause_is_not_cut():
    assert split_clauses("No prior Hodgkin Disease greater than 5 years ago") == \
        ["No prior Hodgkin Disease greater than 5 years ago"]
    assert split_clauses("No dementia (Mini Mental State Exam MMSE more than 24)") == \
        ["No dementia (Mini Mental State Exam MMSE more than 24)"]


def test_negated_runon_before_a_measure_named_with_an_abbreviation_is_cut():
    assert explain_item("No symptomatic cardiac disease Ejection fraction by MUGA scan at least 50%").shown == \
        "You have no symptomatic heart disease. Ejection fraction by MUGA scan (a heart scan) at least 50%"


def test_negated_clause_glued_to_a_rule_it_cannot_cut_is_kept_in_the_registry_words():
    assert explain_item("No heart failure Ejection fraction normal by echocardiogram").shown == \
        "No heart failure Ejection fraction normal by echocardiogram"
    assert explain_item("No active infection Neutrophils 1500/mm3 or more").shown == \
        "No active infection Neutrophils (white cells that fight infection) 1500/mm3 or more"
    assert split_clauses("No prior Hodgkin lymphoma more than 5 years ago") == \
        ["No prior Hodgkin lymphoma more than 5 years ago"]


# --- N2: drug and study codes are not ranges ----------------------------------------------------------------------

def test_drug_codes_are_not_turned_into_ranges():
    """NCT00492986 "BAY 43-9006" (sorafenib) read "BAY 43 to 9006"; NCT00654914 "Bay 38-9456"; NCT00001040 "Ro 31-8959"."""
    assert explain_item("The patient must provide written informed consent prior to receiving BAY 43-9006").shown == \
        "You must give written informed consent (agreement to take part) before getting BAY 43-9006"
    assert explain_item("Prior treatment with saquinavir (Ro 31-8959).").shown == \
        "You have had treatment with saquinavir (Ro 31-8959)."


def test_study_numbers_are_not_turned_into_ranges():
    """NCT00006084 "Study 195-301"; NCT00002328 "protocol 066-143"."""
    assert explain_item("Patients enrolled on Study 195-301 are eligible").shown == \
        "Patients enrolled on Study 195-301 are eligible"
    assert explain_item("Prior enrollment in protocol 066-143").shown == "You have joined protocol 066-143"


def test_real_ranges_still_read_as_ranges():
    assert explain_item("Ages 45-75").shown == "Ages 45 to 75"
    assert explain_item("ECOG 0-2").shown == "ECOG (a score of how well you can do daily tasks) 0 to 2"
    assert "Karnofsky 60 to 100" in explain_item("Karnofsky 60-100%").shown
    assert "25 to 391000000" in explain_item("Platelets in the range 25-391000000").shown
    # a decimal starting "0." is no leading-zero code ("Bilirubin 0.2-1.4 mg/dL", NCT00005844, lost its range)
    assert explain_item("Bilirubin 0.2-1.4 mg/dL").shown == "Bilirubin (a liver blood test) 0.2 to 1.4 mg/dL"
    assert "PSA (a prostate blood test) 0.1 to 30 ng/ml" in explain_item("PSA 0.1-30 ng/ml").shown


# --- N3: "the following" -> "this" only before one thing -------------------------------------------------------------

def test_partitive_following_is_these():
    """NCT04066023 "At least one of this symptoms or signs, …"; NCT05809934 "Any of this confirmed at …"."""
    assert explain_item("At least one of the following symptoms or signs, ipsilateral to the pain:").shown == \
        "At least one of these symptoms or signs, ipsilateral to the pain:"
    assert explain_item("Any of the following confirmed at the screening visit:").shown == \
        "Any of these confirmed at the first check-up visit:"
    assert explain_item("any of the following reagents:").shown == "Any of these reagents:"


def test_this_is_not_put_before_a_plural():
    """NCT00003440: "The following lesions do not qualify as measurable:" read "This abnormal areas do not …"."""
    assert explain_item("The following lesions do not qualify as measurable:").shown == \
        "These abnormal areas do not qualify as measurable:"
    assert explain_item("Has the following condition:").shown == "Has this condition:"


def test_following_before_a_word_of_unknown_number_is_kept():
    assert explain_item("Diagnosed with the following confirmed at the screening visit:").shown == \
        "Diagnosed with the following confirmed at the first check-up visit:"


def test_a_name_after_or_in_a_negated_clause_is_not_a_glued_rule():
    assert explain_item("No history of hypersensitivity to products containing Cremophor EL or Polysorbate 80").shown \
        == "You have never had an allergy to products containing Cremophor EL or Polysorbate 80"
    assert explain_item("No Hamilton Anxiety Scale score greater than 14").shown == \
        "You have no Hamilton Anxiety Scale score more than 14"


# --- N4: children's trials: "Concurrent X allowed" is not "You may take …" ------------------------------------------

def test_concurrent_allowed_is_not_addressed_when_the_reader_is_a_parent():
    """NCT00005952 (children's trial): "Concurrent corticosteroids allowed" read "You may take steroids at the same time"
    under "Your child may be able to join if…"."""
    assert explain_item("Concurrent corticosteroids allowed", addressed=False).shown == \
        "Taking steroids during the study is allowed"
    assert explain_item("Concurrent radiotherapy allowed", addressed=False).shown == \
        "Having radiation treatment during the study is allowed"
    assert explain_item("Concurrent corticosteroids allowed").shown == "You may take steroids during the study"



# --- N5: the trial's own meaning of CR, when the record wraps the line inside the name ------------------------------

def test_trial_spelled_cr_as_remission_across_a_line_break_is_not_glossed_response():
    """NCT00006223 writes "…or subsequent complete\\n     remission (CR)"; a child item read "if first CR (complete
    response)"."""
    pc = explain_text("DISEASE CHARACTERISTICS:\n\n"
                      "  -  Diagnosis of acute myeloid leukemia in first, second, third, or subsequent complete\n"
                      "     remission (CR)\n\n"
                      "       -  Must be at least 60 years of age if first CR\n")
    shown = [e.shown for e in pc.items()]
    assert "You must be at least 60 years of age if first CR" in shown, shown
    assert not any("CR (complete response)" in s for s in shown), shown


# --- N10: what the study does with its patients is not said of the reader ---------------------------------------------

def test_study_procedure_is_not_said_of_the_reader():
    """NCT00001170 "You will be drawn from …", NCT00499889 "You are stratified as Group 1 …", NCT00000513 "You were
    obese (…)": the study's procedure or a description of its patients."""
    assert explain_item("Patients will be drawn from an ongoing longitudinal study begun in 1979 of offspring of "
                        "parents with affective illness.", "unplaced").shown == (
        "Patients will be drawn from a current longitudinal study begun in 1979 of offspring of parents with "
        "affective illness.")
    assert explain_item("Patients are stratified as Group 1: First chronic phase").shown == \
        "Patients are stratified as Group 1: First chronic phase"
    assert explain_item("Subjects were obese (110-150 percent of ideal weight).", "unplaced").shown == \
        "Subjects were obese (110 to 150 percent of ideal weight)."


def test_a_rule_about_patients_is_still_said_to_the_reader():
    assert explain_item("Patient was never treated with sildenafil").shown == "You were never treated with sildenafil"
    assert explain_item("Patients must have measurable disease").shown == "You must have disease that can be measured"
