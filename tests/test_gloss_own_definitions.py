"""An abbreviation the trial defines as something else is not glossed with the lexicon's meaning (review r51 §5)."""

from server.explain import explain_text


def test_an_abbreviation_spelled_from_inside_its_words_is_the_trials_own():
    # NCT00004307 defines "ornithine transcarbamylase deficiency (OTC)": "OTC (sold in shops)" read as over the counter
    crit = explain_text("Inclusion Criteria:\n\n* Patients with ornithine transcarbamylase deficiency (OTC)\n"
                        "* Metabolically stable heterozygous OTC females aged 18 to under 65\n")
    assert "sold in shops" not in crit.inclusion[1].shown
    assert "OTC females aged 18 to under 65" in crit.inclusion[1].shown
    # without the trial's own definition the lexicon's meaning stands
    plain = explain_text("Exclusion Criteria:\n\n* OTC cough medicines within 7 days\n")
    assert "sold in shops" in plain.exclusion[0].shown


def test_a_name_that_does_not_spell_the_abbreviation_leaves_the_gloss():
    # "cerebrospinal fluid (CSF)" is the lexicon's own meaning: the gloss stays
    crit = explain_text("Inclusion Criteria:\n\n* Normal cerebrospinal fluid (CSF) pressure\n* CSF protein normal\n")
    assert "spinal fluid" in crit.inclusion[1].shown


def test_ef_in_an_erectile_function_trial_is_not_the_hearts():
    # NCT03813992: "residual EF (how well the heart pumps) … growth of your penis"
    text = ("Inclusion Criteria:\n\n1. Confirmed clinical diagnosis of ED for more than 3 months\n"
            "2. Subject answers 'yes' to the question regarding the presence of residual EF over the past 3 months: "
            "'At home over the past 3 months, have you experienced at least some growth of your penis?'\n"
            "3. Low IIEF-EF scores (≤ 25) during the screening period\n")
    crit = explain_text(text)
    assert all("heart" not in it.shown for it in crit.items())
    # an item about the heart in another trial keeps its gloss
    heart = explain_text("Inclusion Criteria:\n\n* EF of at least 40%\n")
    assert "how well the heart pumps" in heart.inclusion[0].shown
