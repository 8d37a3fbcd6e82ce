""""benign" or "malignant" left out before the word it describes changes who a rule is about (neg3): "History of brain
tumour" excludes more people than "History of benign brain tumour". It was silent on 56 of 60 real items with "benign"
left out, 46 of 60 with "malignant"; now a warning (a word left out, as "metastatic" is), and quiet where a cancer is
named ("malignant melanoma" is a melanoma) and where the page says it otherwise ("non-cancerous")."""

import pytest

from criteria_support import worst_alarm


@pytest.mark.parametrize("item, old, new, section", [
    ("History of benign brain tumour", "benign ", "", "exclusion"),
    ("Lymphadenopathy allowed if biopsy proof of a benign cause", "benign ", "", "exclusion"),   # NCT00002550
    ("Hysterectomy for vaginal bleeding of benign etiology allowed", "benign ", "", "inclusion"),   # NCT00001378
    ("History of malignant hypertension", "malignant ", "", "exclusion"),
    ("Any malignant tumour within 5 years prior to pancreatic resection.", "malignant ", "", "exclusion"),
    ("Malignant Brenner tumor", "Malignant Brenner", "Brenner", "inclusion"),
    ("Past history of neuroleptic malignant syndrome.", "malignant ", "", "exclusion"),
])
def test_benign_or_malignant_left_out_warns(item, old, new, section):
    assert worst_alarm(item, old, new, section) == "warning"


@pytest.mark.parametrize("item, old, new", [
    ("Histologically confirmed malignant pleural mesothelioma", "malignant ", ""),
    ("Histologically proven malignant glioma (grade 3 or 4)", "malignant ", ""),
    ("Must have failed at least one systemic therapy for malignant melanoma", "malignant ", ""),
    ("Histologically confirmed malignant pleural or peritoneal mesothelioma", "malignant ", ""),
    ("History of benign brain tumour", "benign", "non-cancerous"),
    ("History of benign brain tumour", "benign", "noncancerous"),
])
def test_a_cancer_named_or_benign_said_otherwise_stays_quiet(item, old, new):
    assert worst_alarm(item, old, new, "inclusion") == "silent"
