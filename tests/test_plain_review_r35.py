"""Review r35 §8: plain-English sentences a patient read as ungrammatical or confusing. None changed a number or a
negation; each now reads right, or keeps the record's words. The items are the corpus records' own."""

import pytest
from plain_support import shown

from server.explain import explain_item


@pytest.mark.parametrize("text", [
    "Previous organ transplant recipient.",                                          # NCT00460096
    "Previous recipients of kidney or combined kidney-pancreas transplants.",       # NCT00001858
])
def test_a_recipient_is_not_something_you_have_had(text):
    """"You have had an organ transplant recipient.": a recipient is a person; the item keeps its own words."""
    got = shown(text)
    assert not got.startswith("You have") and "recipient" in got


@pytest.mark.parametrize("text, kept", [
    ("General contraindications as uncorrectable bleeding tendency", "contraindications as"),      # NCT03466619
    ("Medical contraindications as determined by investigators at screening", "contraindications as"),  # NCT03343093
    ("Known contraindication(s) to perindopril", "contraindication(s)"),                          # NCT00461903
    ("Any other contraindications according to the manufacturer's exclusion criteria.",
     "contraindications according"),                                                             # NCT04601233
])
def test_a_replacement_that_needs_an_object_is_not_put_before_other_words(text, kept):
    """"medical reasons against" reads only with what it is against after it: "General medical reasons against as …"
    and "medical reason against(s) to perindopril" did not."""
    got = shown(text)
    assert kept in got and "reasons against as" not in got and "against(s)" not in got
    # with its object it still reads
    assert shown("contraindication to MRI").startswith("Medical reason against MRI")


def test_a_gloss_is_not_put_inside_a_name_with_two_numbers():
    """NCT00497952 "HIV-1,2 antigen and antibody negative" read "HIV-1 (the main type of HIV),2 antigen …"."""
    e = explain_item("HIV-1,2 antigen and antibody negative", "inclusion")
    assert "HIV-1,2 antigen" in e.shown and [g["term"] for g in e.glossary] == ["HIV-1"]
    assert "HIV-1 (the main type of HIV) and HIV-2" in shown("HIV-1 and HIV-2 negative", "inclusion")


@pytest.mark.parametrize("text, said", [
    ("Has partner willing to participate in study", "You have a partner willing"),                  # NCT00000417
    ("Patient has caregiver who can participate", "You have a caregiver who"),                       # NCT00000179
    ("patient has sexual partner and sexually active", "You have a sexual partner and are sexually active"),  # NCT04972890
    ("Subjects with stable partner for at least 6 months and sexually active.",
     "You have a stable partner for at least 6 months and are sexually active."),                   # NCT02845765
    ("Patient has available unrelated donor who is matched at HLA-A, HLA-B, and HLA-DR.",
     "You have an available unrelated donor who"),                                                   # NCT00005988
    ("Must have supportive live-in spouse or other family member", "You must have a supportive live-in spouse"),
])
def test_one_person_you_have_takes_an_article(text, said):
    """"You have partner willing to take part" (13 items named one person bare)."""
    assert shown(text, "inclusion").startswith(said)
    # not a plural, nor a word that goes on
    assert shown("No evidence of donor-specific antibody", "inclusion") == "You have no signs of donor-specific antibody"


@pytest.mark.parametrize("text, said", [
    ("Patient must have informant/caregiver who can monitor and assist patient during the study",
     "You must have an informant/caregiver who can monitor and assist you during the study"),        # NCT00006187
    ("Concurrent serious medical condition which in the opinion of the investigator makes the patient inappropriate "
     "for the study", "makes you inappropriate for the study"),                                      # NCT00005675
    ("Current alcohol or illicit drug use which interferes with patient's ability to comply with study treatment plan.",
     "in the way of your ability to follow"),                                                        # NCT00002227
    ("Patients with a medical or psychological condition that will make the patient unable to tolerate MRI studies",
     "will make you unable to tolerate"),                                                            # NCT00006435
])
def test_an_item_that_says_you_goes_on_saying_you(text, said):
    """"You must have informant/caregiver who can monitor and assist patient": the patient is the reader."""
    got = shown(text, "inclusion" if text.startswith("Patient must") else "exclusion")
    assert said in got and " patient" not in got.replace("patient diary", "")
    # the patient of a name stays
    assert shown("Unable to complete the patient diary") == "You are unable to complete the patient diary"
