"""Eligibility parser: the forms real records and aggregator pages use, and no lost text."""

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import gzip
import itertools
import json
import re

import pytest

from scrapers.criteria import Item, flatten, header_kind, iter_items, parse_criteria, parse_items, unescape_markdown

from conftest import FIXTURES


def texts(items):
    return [i.text for i in items]


def all_words(crit):
    parts = list(crit.headers) + [(it.marker or "") + it.text for _, _, it in iter_items(crit)]
    return sorted("".join(re.findall(r"\S+", " ".join(parts))))


def assert_conserved(text, crit):
    src = sorted("".join(re.findall(r"\S+", unescape_markdown(text))))
    assert all_words(crit) == src


def test_api_v2_markdown_with_escapes_and_nesting():
    text = ("Inclusion Criteria:\n\n* Age \\>= 18 years\n* Adequate organ function:\n"
            "  * ANC \\>= 1.5 x 10\\^9/L\n  * Platelets \\> 100,000/mm3\n* Pre-stroke \\[mRS\\] score 0-1\n\n"
            "Exclusion Criteria:\n\n1. Pregnant\n2. Prior therapy:\n   1. chemotherapy within 4 weeks\n   2. radiotherapy\n3. HIV positive")
    c = parse_criteria(text)
    assert texts(c.inclusion) == ["Age >= 18 years", "Adequate organ function:", "Pre-stroke [mRS] score 0-1"]
    assert texts(c.inclusion[1].children) == ["ANC >= 1.5 x 10^9/L", "Platelets > 100,000/mm3"]
    assert texts(c.exclusion) == ["Pregnant", "Prior therapy:", "HIV positive"]
    assert [i.marker for i in c.exclusion] == ["1.", "2.", "3."]
    assert texts(c.exclusion[1].children) == ["chemotherapy within 4 weeks", "radiotherapy"]
    assert c.unplaced == [] and c.headers == ["Inclusion Criteria:", "Exclusion Criteria:"]
    assert_conserved(text, c)


def test_html_character_references_read_as_the_record_page_shows_them():
    """Some records carry `&gt;`/`&#8805;` in their markdown; CT.gov shows the character, so do we
    (and the plain-English rewrite then says "more than"). Unknown names, a backslash-escaped "&"
    and a bare "&" stay as written."""
    assert unescape_markdown("QTc &gt; 450 ms, age &#8805; 18, AT&T, a &notit; b, \\&gt;") == \
        "QTc > 450 ms, age \u2265 18, AT&T, a &notit; b, &gt;"
    c = parse_criteria("Exclusion Criteria:\n\n* QTc &gt; 450 ms\n* Platelets &lt; 100,000/mm3")
    assert texts(c.exclusion) == ["QTc > 450 ms", "Platelets < 100,000/mm3"]
    from server.explain import explain_item
    shown = explain_item("QTc &gt; 450 ms", "exclusion")
    assert shown.original == "QTc > 450 ms" and "more than 450 ms" in shown.shown


def test_legacy_hard_wrapped_text_with_sub_bullets():
    text = ("Inclusion Criteria\n\nPatients must have:\n\n"
            "  -  HIV infection, as indicated by seropositivity for HIV infection (ELISA and Western\n"
            "     blot), positive HIV culture, or positive plasma HIV RNA.\n\n"
            "  -  CD4 cell count of 200 or more cells/mm3 within 28 days prior to study entry.\n\n"
            "       -  Must have failed standard therapy with both a platinum agent (cisplatin or\n"
            "          carboplatin) and paclitaxel\n\n"
            "Exclusion Criteria\n\n  -  Positive test for Hepatitis B surface antigen (HBsAg).\n")
    c = parse_criteria(text)
    label = c.inclusion[0]
    assert label.text == "Patients must have:"
    assert texts(label.children)[0] == ("HIV infection, as indicated by seropositivity for HIV infection (ELISA and "
                                        "Western blot), positive HIV culture, or positive plasma HIV RNA.")
    cd4 = label.children[1]
    assert cd4.text.startswith("CD4 cell count of 200")
    assert texts(cd4.children) == ["Must have failed standard therapy with both a platinum agent (cisplatin or "
                                   "carboplatin) and paclitaxel"]
    assert texts(c.exclusion) == ["Positive test for Hepatitis B surface antigen (HBsAg)."]
    assert_conserved(text, c)


def test_lower_case_headers_that_start_a_paragraph():
    """NCT00000134: "inclusion criteria: Males and females …" / "exclusion criteria: history of …";
    in mid-sentence ("meet the following inclusion criteria:") the words stay the item's."""
    text = ("inclusion criteria: Males and females age 18 years or older with AIDS.\n\n"
            "exclusion criteria: history of intolerance to ganciclovir, media opacity\n\n"
            "Patients must meet the following inclusion criteria: signed consent")
    c = parse_criteria(text)
    assert texts(c.inclusion) == ["Males and females age 18 years or older with AIDS."]
    assert texts(c.exclusion) == ["history of intolerance to ganciclovir, media opacity",
                                  "Patients must meet the following inclusion criteria: signed consent"]
    assert_conserved(text, c)


def test_a_range_cut_by_a_hard_wrap_is_one_item():
    """NCT00000994: "for 5" / "     - 7 days." is "5 - 7 days", not an item "7 days." (which the
    reconciler then called missing from every page); a real sub-bullet after a wrap stays one."""
    text = ("Exclusion Criteria\n\n"
            "  -  Prophylaxis or chronic suppression of herpes simplex.\n\n"
            "  -  Treatment of herpes simplex virus cutaneous disease more often than once a month for 5\n"
            "     - 7 days.\n\n"
            "  -  Patients with any of the following conditions are excluded, receiving therapy now, week 12\n"
            "       -  2 or more prior regimens.\n")
    c = parse_criteria(text)
    assert texts(c.exclusion)[1] == ("Treatment of herpes simplex virus cutaneous disease more often than once a "
                                     "month for 5 - 7 days.")
    assert len(c.exclusion) == 3 and texts(c.exclusion[2].children) == ["2 or more prior regimens."]
    assert_conserved(text, c)


@pytest.mark.parametrize("line,kind", [
    ("Inclusion Criteria:", "inclusion"), ("Key inclusion criteria", "inclusion"),
    ("Inclusion criteria for Part A", "inclusion"), ("INCLUSION CRITERIA", "inclusion"),
    ("-  INCLUSION CRITERIA:", "inclusion"), ("Main Exclusion Criteria:", "exclusion"),
    ("Exclusion", "exclusion"), ("Non-inclusion Criteria:", "exclusion"), ("III.6 EXCLUSION CRITERIA", "exclusion"),
    ("Patients may be eligible for this study if they:", "inclusion"),
    ("You will not be eligible for this study if you:", "exclusion"),
    ("Who Should NOT Join This Trial:", "exclusion"), ("DISEASE CHARACTERISTICS:", "pdq"),
    ("Inclusion/Exclusion Criteria:", "generic"),
    ("Other inclusion and exclusion criteria may apply.", None), ("Failure to meet inclusion criteria.", None),
    ("No eligibility criteria", None), ("Patients with a history of any malignancy are ineligible", None),
    # tenth session: items and wrapped lines that name the criteria are not headings
    ("* Any inclusion criteria not met", None), ("Other protocol-defined inclusion/exclusion criteria may apply", None),
    ("Exclusion criteria.", "exclusion"), ("* Exclusion according to US PI", None), ("inclusion visit AND", None),
    ("inclusion contraindicating intramuscular vaccination", None), ("eligibility criteria.", None),
    ("Exclusion (all patients)", "exclusion"), ("Inclusion for Part A", "inclusion"),
    ("Inclusion criteria are as follows", "inclusion"), ("Exclusion criteria listed below", "exclusion"),
])
def test_header_forms(line, kind):
    assert header_kind(line) == kind


def test_run_on_single_paragraph_from_trialfinderdata_seed():
    text = ("Who May Qualify: 1. Age ≥18 years and ≤80 years; any gender 2. Body weight 45-90 kg 3. Diagnosed with "
            "acute ischemic stroke 4. NIHSS score 6-20, with NIHSS item 1a (Level of Consciousness) \\<2 "
            "Who Should NOT Join This Trial: 1. Significant pre-stroke disability (pre-stroke modified Rankin Scale "
            "\\[mRS\\] score ≥2); 2. History of seizure (except secondary epilepsy not currently requiring drug treatment)")
    c = parse_criteria(text)
    assert texts(c.inclusion) == ["Age ≥18 years and ≤80 years; any gender", "Body weight 45-90 kg",
                                  "Diagnosed with acute ischemic stroke",
                                  "NIHSS score 6-20, with NIHSS item 1a (Level of Consciousness) <2"]
    assert [i.marker for i in c.exclusion] == ["1.", "2."]
    assert c.exclusion[0].text.endswith("[mRS] score ≥2);")
    assert_conserved(text, c)


def test_merged_items_and_mixed_markers_from_seed_003():
    text = ("Exclusion criteria\n"
            "The subjects had abnormal liver function (ALT and/or AST≥ 2.5 times the upper limit of normal), male serum "
            "creatinine ≥1.5mg/dl; 6, the subject's HIV antibody, syphilis test positive;\n"
            "Subjects with other serious systemic diseases; (8) Drug or alcohol abuse (subjects who consumed >2 "
            "alcoholic beverages per day (one alcoholic beverage is defined as 50ml of 80% (40 proof) spirits); "
            "9. Pregnant and lactating women; 10. High risk groups with Padua score ≥4 or Caprini score ≥5;")
    c = parse_criteria(text)
    assert [i.marker for i in c.exclusion] == [None, "6,", None, "(8)", "9.", "10."]
    assert c.exclusion[1].text == "the subject's HIV antibody, syphilis test positive;"
    assert "(40 proof) spirits);" in c.exclusion[3].text
    assert_conserved(text, c)


def test_inline_sub_list_becomes_children():
    text = ("Inclusion Criteria:\n* For children with BPD: 1) preterm infants with gestational age of 25-30 weeks; "
            "2) birth weight 401-1249 g; 3)the risk of BPD greater than 60%.\n"
            "* Adequate labs: a) ANC ≥1500/µL; b) platelets ≥100,000/µL")
    c = parse_criteria(text)
    bpd, labs = c.inclusion
    assert bpd.text == "For children with BPD:"
    assert texts(bpd.children) == ["preterm infants with gestational age of 25-30 weeks;", "birth weight 401-1249 g;",
                                   "the risk of BPD greater than 60%."]
    assert [k.marker for k in labs.children] == ["a)", "b)"]
    assert_conserved(text, c)


def test_a_numbered_sub_list_after_a_colon_stays_under_its_item():
    # NCT06029816: cut at the sub-list's "2.", "major surgery …" was read as the next exclusion; NCT00463151: cut at
    # "(3)", its last sub-item was read as an inclusion of its own
    text = ("Exclusion Criteria:\n\n1. Received any of the following treatments: 1. previous treatment with any EGFR "
            "tyrosine kinase inhibitor; 2. major surgery 4 times before the first dose of the study drug;\n"
            "2. Patients with other malignant tumors\n\nInclusion Criteria:\n\n"
            "  2. Patients having an insufficient response to ASA oral formulation: (1) Patients whose\n"
            "     ongoing use of ASA oral formulation from ≥2 weeks prior to the day before registration\n"
            "     is fixed at mesalazine ≥2 g/day or salazosulfapyridine 3-6 g/day, (2) Patients with\n"
            "     continuous bloody stools from ≥2 weeks prior to the day before registration, (3)\n"
            "     Patients whose DAI subscores are ≥2 points for \"bloody stools\"\n\n  3. Outpatients")
    c = parse_criteria(text)
    received, other = c.exclusion
    assert received.text == "Received any of the following treatments:"
    assert texts(received.children) == ["previous treatment with any EGFR tyrosine kinase inhibitor;",
                                        "major surgery 4 times before the first dose of the study drug;"]
    assert other.text == "Patients with other malignant tumors"
    response, outpatients = c.inclusion
    assert [k.marker for k in response.children] == ["(1)", "(2)", "(3)"]
    assert response.children[2].text == 'Patients whose DAI subscores are ≥2 points for "bloody stools"'
    assert outpatients.text == "Outpatients"
    assert_conserved(text, c)


def test_a_numbered_sub_list_whose_later_sub_items_are_lettered_splits_at_the_letters():
    # NCT06029816: "1. …; 2. …; c. …; d. …": the "c." and "d." stayed inside "2. major surgery …", so the surgery
    # rule read as also covering the radiotherapy and the CYP3A4 drugs
    text = ("Exclusion Criteria:\n\n1. Received any of the following treatments: 1. previous treatment with any EGFR "
            "tyrosine kinase inhibitor; 2. major surgery 4 times before the first dose of the study drug; c. 4 times "
            "before the first dose of the study drug, more than 30% of bone marrow irradiation, or extensive "
            "radiotherapy; d. within 7 days before the first dose of the study drug, the use of CYP3A4 strong "
            "inhibitors;\n2. Patients with other malignant tumors")
    c = parse_criteria(text)
    received, other = c.exclusion
    assert [k.marker for k in received.children] == ["1.", "2.", "c.", "d."]
    assert received.children[1].text == "major surgery 4 times before the first dose of the study drug;"
    assert received.children[2].text.startswith("4 times before the first dose of the study drug, more than 30%")
    assert received.children[3].text.startswith("within 7 days before")
    assert other.text == "Patients with other malignant tumors"
    assert_conserved(text, c)


def test_a_letter_out_of_turn_or_without_a_semicolon_stays_in_the_sub_item():
    # only the letter next in the sub-list's sequence, after a ';', starts a sub-item
    c = parse_criteria("Exclusion Criteria:\n1. Any of: 1. surgery; 2. radiotherapy; e. coli infection\n"
                       "2. Any of: 1. surgery; 2. radiotherapy, c. difficile colitis")
    assert [texts(i.children) for i in c.exclusion] == [["surgery;", "radiotherapy; e. coli infection"],
                                                        ["surgery;", "radiotherapy, c. difficile colitis"]]


def test_a_run_on_line_still_continues_its_own_numbers():
    # no sub-list restarting at 1 after a colon: a run-on line's own numbers still continue it
    c = parse_criteria("Inclusion Criteria:\n1. Adults 2. Consent 3. Stroke")
    assert texts(c.inclusion) == ["Adults", "Consent", "Stroke"]


def test_decimals_and_numbers_are_not_markers():
    c = parse_criteria("Inclusion Criteria:\n1. Creatinine ≤ 1.5 mg/dL and bilirubin < 2. ULN is 2.5 times\n"
                       "2. Age 18 to 65")
    assert texts(c.inclusion) == ["Creatinine ≤ 1.5 mg/dL and bilirubin < 2. ULN is 2.5 times", "Age 18 to 65"]


def test_pdq_paragraphs_split_on_field_labels():
    text = ("DISEASE CHARACTERISTICS: Histologically confirmed basal cell carcinoma\n\n"
            "PATIENT CHARACTERISTICS: Age: 15 and over Race: Caucasian Performance status: Not specified\n"
            "Other: No untreated systemic malignancy Not diabetic")
    c = parse_criteria(text)
    assert c.headers == ["DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:"]
    assert texts(c.inclusion) == ["Histologically confirmed basal cell carcinoma", "Age: 15 and over",
                                  "Race: Caucasian", "Performance status: Not specified",
                                  "Other: No untreated systemic malignancy Not diabetic"]
    assert_conserved(text, c)


def test_text_without_headers_is_kept_unplaced():
    text = "Men and women, ages 30 to 44. Normal high blood pressure of 80-89 mm Hg."
    c = parse_criteria(text)
    assert c.inclusion == [] and c.exclusion == []
    assert texts(c.unplaced) == [text]
    c = parse_criteria("Patients must meet all of the following.\n\nInclusion Criteria:\n* Age 18")
    assert texts(c.unplaced) == ["Patients must meet all of the following."] and texts(c.inclusion) == ["Age 18"]


def test_heading_at_end_of_an_item_and_generic_eligibility_heading():
    c = parse_criteria("Eligibility criteria:\n* Stable heterosexual relationship Exclusion Criteria:\n* Nitrates")
    assert texts(c.inclusion) == ["Stable heterosexual relationship"]
    assert texts(c.exclusion) == ["Nitrates"]


def test_empty_and_none():
    assert parse_criteria(None).inclusion == [] and parse_criteria("   \n").unplaced == []


def test_flatten_and_parse_items():
    tree = [Item("a", "1.", [Item("b", "a)"), Item("c", "b)")]), Item("d", "2.")]
    assert texts(flatten(tree)) == ["a", "b", "c", "d"]
    items = parse_items(["1. Age ≥18 2. Weight 45-90 kg", "Not pregnant"])
    assert texts(items) == ["Age ≥18", "Weight 45-90 kg", "Not pregnant"]


def test_fixture_record_parses_both_sections():
    rec = json.loads((SAVED_COPIES / "NCT07232563.json").read_text())
    text = rec["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    c = parse_criteria(text)
    assert len(c.inclusion) == 10 and len(c.exclusion) == 17 and not c.unplaced
    assert c.exclusion[1].text.startswith("Known bleeding tendencies (including but not limited to): platelet count < 100×10^9/L")
    assert_conserved(text, c)


def test_real_records_keep_every_word(shared_dir):
    """A slice of the real corpus (both formats): every word ends up in an item or a heading."""
    path_v2 = shared_dir / "data" / "ctgov" / "studies_v2.jsonl"
    path_lg = shared_dir / "data" / "ctgov" / "studies_legacy_xml_as_v2.jsonl.gz"
    with open(path_v2, encoding="utf-8") as a, gzip.open(path_lg, "rt", encoding="utf-8") as b:
        lines = list(itertools.islice(a, 150)) + list(itertools.islice(b, 250))
    both = 0
    for line in lines:
        text = json.loads(line)["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria") or ""
        c = parse_criteria(text)
        assert_conserved(text, c)
        both += bool(c.inclusion and c.exclusion)
    assert both >= 200


def test_digits_after_a_decimal_point_never_start_an_item():
    """Real records (NCT03416231, NCT04349059, NCT06940401): "INR> 1.5, PT> ULN" was cut into
    "…(INR> 1." and an item "5, PT> ULN…", losing the value a patient reads."""
    c = parse_criteria("Exclusion Criteria:\n\n* 6\\. Heart failure.\n"
                       "* 7\\. Coagulation dysfunction (INR\\> 1.5, PT\\> ULN +4s or APTT\\> 1.5 ULN), with bleeding\n"
                       "* BMI \\>=30, BMI \\<18.5, or weight \\<= 110lbs\n"
                       "* Hip circumference ratio greater than 0.85) Serum estradiol over 13")
    assert texts(c.exclusion) == [
        "6. Heart failure.", "7. Coagulation dysfunction (INR> 1.5, PT> ULN +4s or APTT> 1.5 ULN), with bleeding",
        "BMI >=30, BMI <18.5, or weight <= 110lbs", "Hip circumference ratio greater than 0.85) Serum estradiol over 13"]
    c = parse_criteria("Inclusion Criteria:\n\n10. Use contraception (see Section 10.3.2) from consent until 4 months "
                       "after the last dose.\n11. Able to consent")
    assert texts(c.inclusion)[0].endswith("(see Section 10.3.2) from consent until 4 months after the last dose.")
    # a real run-on list still splits: "…positive; 6, the subject…" and "1. x 2. y"
    c = parse_criteria("Exclusion Criteria:\n\n5. HIV positive; 6, the subject is pregnant")
    assert [i.text for i in flatten(c.exclusion)] == ["HIV positive;", "the subject is pregnant"]


def test_paragraph_after_a_labels_indented_list_is_not_in_that_list():
    # NCT00002046: "Seropositive for HIV antibody" follows the bulleted list under "Patients with the
    # following are excluded:" at the label's own indent. Read as one of the excluded, it says the
    # opposite of what the record requires.
    text = ("Inclusion Criteria\n\nPatients with the following are excluded:\n\n"
            "  -  Any immediately life-threatening infection.\n\n"
            "  -  Kaposi's sarcoma.\n\n"
            "Seropositive for HIV antibody documented by any federally licensed ELISA.\n")
    crit = parse_criteria(text)
    assert [it.text for it in crit.inclusion] == [
        "Patients with the following are excluded:",
        "Seropositive for HIV antibody documented by any federally licensed ELISA."]
    assert [c.text for c in crit.inclusion[0].children] == ["Any immediately life-threatening infection.",
                                                             "Kaposi's sarcoma."]
    # a label whose items are not indented still takes the paragraphs after it
    flat = parse_criteria("Exclusion Criteria\n\nExcluded:\n\nRifampin.\n\nZidovudine (AZT).\n")
    assert [c.text for c in flat.exclusion[0].children] == ["Rifampin.", "Zidovudine (AZT)."]


def test_an_item_about_the_criteria_is_not_a_heading():
    # "* Any inclusion criteria not met" is the first exclusion: taken as an inclusion heading, it put
    # every exclusion after it under "You may be able to join if…"
    c = parse_criteria("Inclusion criteria\n\nAged 18 or over.\n\nExclusion criteria\n\n* Any inclusion criteria not met\n"
                       "* Patients with diabetes\n* Other exclusion criteria apply\n"
                       "Other protocol-defined inclusion/exclusion criteria may apply\n")
    assert [i.text for i in c.inclusion] == ["Aged 18 or over."]
    assert [i.text for i in c.exclusion] == ["Any inclusion criteria not met", "Patients with diabetes",
                                             "Other exclusion criteria apply",
                                             "Other protocol-defined inclusion/exclusion criteria may apply"]
    assert c.headers == ["Inclusion criteria", "Exclusion criteria"]
    # a heading that says what follows stays one
    c = parse_criteria("Inclusion criteria are:\n* Aged 18 or over\nExclusion criteria:\n* Diabetes\n")
    assert [i.text for i in c.exclusion] == ["Diabetes"]


def test_a_wrapped_line_does_not_switch_the_section():
    # "…3 weeks preceding\ninclusion contraindicating intramuscular vaccination" put the exclusions after
    # it under inclusion
    text = ("Inclusion Criteria:\n\n* Aged 18 to 60\n\nExclusion Criteria:\n\n"
            "* Thrombocytopenia, bleeding disorder or anticoagulants in the 3 weeks preceding\n"
            "  inclusion contraindicating intramuscular vaccination\n* Known HIV infection\n")
    c = parse_criteria(text)
    assert [i.text for i in c.inclusion] == ["Aged 18 to 60"]
    assert len(c.exclusion) == 2 and c.exclusion[1].text == "Known HIV infection"


def test_a_heading_run_into_an_item_still_starts_its_section():
    # "… immunotherapy. Exclusion Criteria" (no colon, at the end of the last inclusion item): the
    # exclusions below it were shown as inclusions
    c = parse_criteria("Inclusion Criteria:\n\n  -  Stage IV colorectal carcinoma.\n\n"
                       "  -  At least 4 weeks since other prior immunotherapy. Exclusion Criteria\n\n"
                       "  -  New York Heart Association class III or IV heart disease.\n")
    assert [i.text for i in c.inclusion] == ["Stage IV colorectal carcinoma.", "At least 4 weeks since other prior immunotherapy."]
    assert [i.text for i in c.exclusion] == ["New York Heart Association class III or IV heart disease."]
    # at the start of a paragraph, before a full stop or a dash
    c = parse_criteria("Inclusion criteria. Age 22 or over.\n\nStudy Exclusion Criteria. History of aspiration pneumonia.")
    assert [i.text for i in c.inclusion] == ["Age 22 or over."]
    assert [i.text for i in c.exclusion] == ["History of aspiration pneumonia."]
    c = parse_criteria("INCLUSION CRITERIA - Age 12 years or older.\n\nEXCLUSION CRITERIA - Pregnancy.")
    assert ([i.text for i in c.inclusion], [i.text for i in c.exclusion]) == (["Age 12 years or older."], ["Pregnancy."])
    # a sentence that mentions the criteria is not a heading
    c = parse_criteria("Inclusion Criteria:\n\n- Patients who meet the inclusion criteria. Adults only\n")
    assert len(c.inclusion) == 1 and c.exclusion == []


def test_a_misspelt_section_heading_still_opens_its_section():
    """NCT00005778: "Exlcusion Criteria:" left the exclusions unplaced (shown as "Mentioned"); one letter
    off or two swapped is still the heading, a different word ("Excision criteria") is not."""
    text = ("Inclusioin criteria:\n\n  * Age 18 or older\n\nExlcusion Criteria:\n\n  * Cardiac ejection fraction < 45%.\n"
            "  * Excision criteria: margins of 2 mm")
    c = parse_criteria(text)
    assert texts(c.inclusion) == ["Age 18 or older"]
    assert texts(c.exclusion) == ["Cardiac ejection fraction < 45%.", "Excision criteria: margins of 2 mm"]
    assert c.headers == ["Inclusioin criteria:", "Exlcusion Criteria:"]
    assert_conserved(text, c)
