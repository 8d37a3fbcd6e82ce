"""Words a copy leaves out that change who may join (neg4). After neg3 read "investigational" as no "in-" word, it
left out was silent ("No agents within 30 days" for "No investigational agents within 30 days": everyone on any drug
turned away), as "experimental" and "concurrent" left out were; and "benign" or "malignant" said after the word that
states it ("must be proven benign") was read nowhere. Each is now a warning; TrialLens's plain rewrite of such an item
("experimental drugs", "at the same time") and a cancer named after "malignant" stay quiet. Items are real
ClinicalTrials.gov items (NCT ids given)."""

import pytest

from criteria_support import worst_alarm

from server.plain import rewrite


@pytest.mark.parametrize("item, old, new, section", [
    ("No investigational agents within 30 days", "investigational ", "", "exclusion"),
    ("Patients receiving any other investigational agents concurrently are ineligible.", "investigational ", "",
     "exclusion"),   # NCT00497224
    ("Other experimental therapy.", "experimental ", "", "exclusion"),   # NCT00001105
    ("Any experimental agent within 1 month.", "experimental ", "", "inclusion"),   # NCT00007163
    ("Experimental agents within 30 days prior to study entry.", "Experimental agents", "Agents",
     "exclusion"),   # NCT00001072
    ("No other concurrent chemotherapy", "concurrent ", "", "inclusion"),   # NCT00004930
    ("Endocrine therapy: No concurrent steroids", "concurrent ", "", "inclusion"),   # NCT00002939
    ("Concurrent radiotherapy to localized painful lesions allowed", "Concurrent radiotherapy", "Radiotherapy",
     "inclusion"),   # NCT00006462
])
def test_a_treatment_word_left_out_warns(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "warning"


@pytest.mark.parametrize("item, old, new", [
    ("Suspicious manifestations of metastatic disease (e.g., hot spots on bone scan or skeletal pain of unknown cause) "
     "must be proven benign", " benign", ""),   # NCT00002528
    ("No bilateral breast cancer (any mass in contralateral breast must be proven benign by biopsy)", " benign",
     ""),   # NCT00002528
    ("Histologically confirmed malignant, newly diagnosed brain tumor", "malignant, ", ""),   # NCT00003273
    ("Lesion must be confirmed malignant.", " malignant", ""),
])
def test_benign_or_malignant_said_after_its_verb_and_left_out_warns(item, old, new):
    assert worst_alarm(item, old, new, "inclusion") == "warning"


@pytest.mark.parametrize("item, old, new, section", [
    ("No investigational agents within 30 days", "investigational", "experimental", "exclusion"),
    # ("concurrent" left out where the page says it in other words: each warned but for `_SAID_OTHERWISE`)
    ("Patients receiving concurrent chemotherapy for another cancer are ineligible",
     "concurrent chemotherapy for another cancer", "chemotherapy for another cancer at the same time", "exclusion"),
    ("Patients receiving concurrent chemotherapy for another cancer are ineligible",
     "concurrent chemotherapy for another cancer", "chemotherapy for another cancer concomitantly", "exclusion"),
    ("No concurrent chemotherapy, radiotherapy, or immunotherapy allowed during the study",
     "No concurrent chemotherapy", "No chemotherapy at the same time", "exclusion"),
    ("Prior treatment with cisplatin", "Prior treatment", "Treatment", "inclusion"),   # ("prior" is not read)
    ("Histologically confirmed malignant pleural mesothelioma", "malignant ", "", "inclusion"),   # (a cancer named)
    ("Suspicious lesions must be proven benign", "benign", "non-cancerous", "inclusion"),
])
def test_the_same_said_otherwise_stays_silent(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "silent"


@pytest.mark.parametrize("item, section", [
    ("Patients receiving any other investigational agents concurrently are ineligible.", "exclusion"),   # NCT00497224
    ("Receipt of any investigational product within 30 days prior to enrollment", "exclusion"),
    ("Other: No other concurrent experimental anticancer medication", "inclusion"),   # NCT00006047
    ("Concurrent radiotherapy to localized painful lesions allowed", "inclusion"),   # NCT00006462
    ("Suspicious manifestations of metastatic disease (e.g., hot spots on bone scan or skeletal pain of unknown cause) "
     "must be proven benign", "inclusion"),   # NCT00002528
])
def test_trialLens_plain_rewrite_as_the_page_stays_silent(item, section):
    page = rewrite(item, section)[0]
    assert worst_alarm(item, item, page, section) == "silent"
