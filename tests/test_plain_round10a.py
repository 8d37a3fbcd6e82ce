"""Review round 10a: items shown to the wrong person or with their meaning turned (requirements under exclusions, "No X"
under "You cannot join if…", children's trials up to 18, a negation's list cut, glosses in another sense). Each test
fails on the code before its fix and asserts the exact shown text."""

from server.explain import explain_text


def _shown(pc) -> list[str]:
    return [e.shown for e in pc.items()]


def test_requirements_listed_under_exclusion_are_not_said_of_the_reader():
    """NCT00002025: under "Exclusion Criteria", the lead-in "Patients must qualify as follows:" lists the trial's own
    patients; its items read "You have a diagnosis of AIDS …" under "You cannot join if…"."""
    pc = explain_text("Exclusion Criteria\n\nPatients must qualify as follows:\n\n"
                      "  -  Diagnosis of AIDS and life-threatening Cytomegalovirus (CMV) infection.\n\n"
                      "Patients must:\n\n  -  Have documented HIV positivity via ELISA.\n\n"
                      "Required:\n\n  -  Patients must be able to give informed consent.\n")
    assert _shown(pc) == [
        "Patients must qualify as follows:",
        "Diagnosis of AIDS (advanced HIV disease) and life-threatening Cytomegalovirus (CMV) infection.",
        "Patients must:",
        "Have documented HIV (the virus that causes AIDS) positivity via ELISA (a lab blood test).",
        "Required:",
        "Patients must be able to give informed consent (agreement to take part).",
    ]


def test_an_exclusion_lead_in_and_requirements_under_inclusion_stay_addressed():
    """What the fix must not change: "Patients must not have:" under exclusions lists exclusions, and the same
    "Patients must:" under inclusions lists the reader's requirements."""
    pc = explain_text("Exclusion Criteria\n\nPatients must not have:\n\n  -  Active hepatitis B.\n")
    assert _shown(pc)[1] == "You have active hepatitis B."
    pc = explain_text("Inclusion Criteria\n\nPatients must:\n\n  -  Have documented HIV positivity via ELISA.\n")
    assert _shown(pc)[1] == "You have documented HIV (the virus that causes AIDS) positivity via ELISA (a lab blood test)."


def test_an_exclusion_opening_with_a_negation_is_not_said_of_the_reader():
    """NCT00460746, NCT00495365: "No prior or current therapy with PREZISTA …" read "You have no prior or current
    treatment with PREZISTA …" under "You cannot join if…": a double negative that says people who have not taken it
    cannot join. Under exclusions it keeps the record's negation, in plain words."""
    pc = explain_text("Exclusion Criteria:\n\n- No prior or current therapy with PREZISTA (darunavir) or TMC125\n\n"
                      "- No known hypersensitivity to human albumin\n\n- Not pregnant or nursing\n\n"
                      "- Other: No concurrent MAOIs\n")
    assert _shown(pc) == ["No prior or current treatment with PREZISTA (darunavir) or TMC125",
                          "No known allergy to human albumin", "Not pregnant or breastfeeding",
                          "Other: No MAOIs during the study"]


def test_a_negation_under_inclusion_is_still_said_of_the_reader():
    """What the fix must not change: under inclusions "No prior radiotherapy" is the reader's."""
    pc = explain_text("Inclusion Criteria:\n\n- No prior radiotherapy\n")
    assert _shown(pc) == ["You have had no radiation treatment"]


def _record(criteria: str, lo: str | None, hi: str | None):
    from scrapers.official import OfficialRecord
    elig = {"eligibilityCriteria": criteria}
    if lo:
        elig["minimumAge"] = lo
    if hi:
        elig["maximumAge"] = hi
    return OfficialRecord({"protocolSection": {"identificationModule": {"nctId": "NCT00002193"}, "eligibilityModule": elig}})


CHILD_ITEMS = "Inclusion Criteria:\n\n- Has consent of parent or legal guardian if under 18.\n\n- Is HIV-positive.\n"


def test_a_childrens_trial_up_to_18_or_21_is_read_by_a_parent():
    """NCT00002193 (6 months to 18 years) read "You have consent of parent or legal guardian if under 18"; a trial
    up to 21 with no lower limit (the paediatric cancer trials) is a children's trial too."""
    from server.explain import explain
    for lo, hi in (("6 Months", "18 Years"), (None, "21 Years"), ("3 Years", "20 Years")):
        pc = explain(_record(CHILD_ITEMS, lo, hi))
        assert pc.headings["inclusion"] == "Your child may be able to join if…"
        assert _shown(pc) == ["Has consent of parent or legal guardian if under 18.", "Is HIV-positive."]


def test_an_adolescent_or_adult_trial_stays_addressed():
    """What the fix must not change: 13 to 20 years (an adolescent reads it), 18 to 21, or 6 months to 25."""
    from server.explain import explain
    for lo, hi in (("13 Years", "20 Years"), ("18 Years", "21 Years"), ("6 Months", "25 Years")):
        pc = explain(_record(CHILD_ITEMS, lo, hi))
        assert pc.headings["inclusion"] == "You may be able to join if…"
        assert _shown(pc) == ["You have consent of parent or legal guardian if under 18.", "You are HIV-positive."]


def test_a_cut_never_moves_people_out_of_a_negations_list():
    """NCT00001972: "No history of …; stroke; epilepsy; subjects requiring regular medication, and subjects …" was cut
    before "subjects", so "Subjects needing regular medicine, and subjects shown by drug screening to have taken a
    controlled substance." stood alone, outside the "No": the opposite of the rule. People with a verb of their own
    still start a statement."""
    from server.explain import explain_item
    from server.sentences import split_clauses
    text = ("No history of alcoholism; malignancy; stroke; epilepsy; subjects requiring regular medication, and subjects "
            "demonstrated by drug screening to have taken a controlled substance.")
    assert explain_item(text, "unplaced").shown == (
        "No history of alcoholism; cancer; stroke; epilepsy; subjects needing regular medicine, and subjects shown by "
        "drug screening to have taken a controlled substance.")
    assert split_clauses("No history of stroke; patients must be able to walk") == [
        "No history of stroke", "patients must be able to walk"]


def test_oral_of_the_mouth_is_not_explained_as_taken_by_mouth():
    """NCT00003223: "oral mucosal intraepithelial neoplasia" had "Oral: taken by mouth." (163 corpus items: "oral
    candidiasis", "oral cavity", "oral hairy leukoplakia"); a medicine taken by mouth still has it."""
    from server.plain import glossary_for
    for text in ("Oral candidiasis", "Histologically proven oral mucosal intraepithelial neoplasia", "Lesion of the oral cavity",
                 "Oral thrush", "Oral surgery within 2 weeks", "Oral temperature above 38 C"):
        assert "Oral: taken by mouth." not in [g["meaning"] for g in glossary_for(text)], text
    assert [g["meaning"] for g in glossary_for("Oral thrush or oral medication")] == ["Oral: taken by mouth."]


def test_recurrent_meaning_repeated_is_not_returning():
    """NCT00001106, NCT06454123, NCT00491725, NCT00000455: "recurrent" that means happening again and again read
    "returning"; a returning cancer still does."""
    from server.plain import rewrite
    assert rewrite("History of recurrent spontaneous abortions", "exclusion")[0] == \
        "You have had recurrent spontaneous abortions"
    assert rewrite("Recurrent binge eating", "inclusion")[0] == "Recurrent binge eating"
    assert rewrite("Recurrent sinusitis", "exclusion")[0] == "You have recurrent sinusitis"
    assert rewrite("Recurrent major hypoglycaemia", "exclusion")[0] == "You have recurrent major hypoglycaemia"
    assert rewrite("recurrent use of alcohol", "exclusion")[0] == "Recurrent use of alcohol"
    assert rewrite("Recurrent ovarian cancer", "inclusion")[0] == "You have returning ovarian cancer"


def test_duration_after_a_time_is_kept():
    """NCT00003138: "for less than 1 month duration" read "for less than 1 month length" (114 corpus items);
    "for the duration of the study" still reads "for the length of the study"."""
    from server.plain import rewrite
    assert rewrite("Prior epoetin alfa allowed provided dosage was less than 30,000 units per week for less than 1 "
                   "month duration")[0] == ("Prior epoetin alfa allowed provided dose was less than 30,000 units per "
                                            "week for less than 1 month duration")
    assert rewrite("Ongoing PCP prophylaxis for more than 6 weeks duration.", "inclusion")[0] == \
        "You have current PCP (a lung infection) preventive treatment for more than 6 weeks duration."
    assert rewrite("Contraception for the duration of the study", "unplaced")[0] == \
        "Birth control for the length of the study"


def _titled(title: str, lo: str | None = None):
    record = _record(CHILD_ITEMS, lo, None)
    record.data["protocolSection"]["identificationModule"]["briefTitle"] = title
    return record


def test_a_trial_with_no_upper_age_whose_title_names_children_taking_part_is_read_by_a_parent():
    """Legacy paediatric protocols give no ages: "You must be between the post-conceptual ages of 40 weeks and 70
    weeks" spoke to the infant (NCT00001143), "You have no leukemia" to a child (NCT00001341; review r54 F6)."""
    from server.explain import explain
    for title, lo in (("Development of the Eye Motor System During the First 7 Months of Life in Infants With and "
                       "Without a Family History of Cross-Eye", None),
                      ("A Phase I Trial of ZD1694 (TOMUDEX) in Pediatric Patients With Advanced Cancer", None),
                      ("A Pediatric Phase I Trial of RMP-7 and Carboplatin in Brain Tumors", None),
                      ("Montelukast in Very Low Birthweight Infants", "7 Days"),
                      ("Capravirine to Treat Children With HIV Infection", None)):
        pc = explain(_titled(title, lo))
        assert pc.headings["inclusion"] == "Your child may be able to join if…", title
        assert _shown(pc) == ["Has consent of parent or legal guardian if under 18.", "Is HIV-positive."]


def test_a_title_naming_adults_or_childhood_as_a_time_of_life_stays_addressed():
    """"Your child cannot join if…" over an adult's trial would be worse than "You": a title naming adults, parents,
    mothers or survivors, "Childhood-Onset" illness, a prenatal treatment, or an adult lower age limit keeps "You"."""
    from server.explain import explain
    for title, lo in (("Evaluating Genetic Risk Factors for Childhood-Onset Schizophrenia", None),
                      ("Antenatal Phenobarbital to Prevent Neonatal Intracranial Hemorrhage", None),
                      ("Enalapril in Treating Patients Who Received Chemotherapy for Childhood Cancer", None),
                      ("Late Effects of Treatment for Sarcomas in Children", "7 Years"),
                      ("A Study of Parents of Children With Leukemia", None),
                      ("Combination Therapy in Children and Adults With HIV Infection", None),
                      ("Capravirine to Treat Children With HIV Infection", "18 Years")):
        pc = explain(_titled(title, lo))
        assert pc.headings["inclusion"] == "You may be able to join if…", title
