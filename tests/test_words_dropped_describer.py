"""A word a page leaves out that says what is measured or who or which illness a rule is about ("Blood pressure < 90
mmHg" where ClinicalTrials.gov says "Systolic blood pressure < 90 mmHg", "Multiple myeloma" for "Relapsed multiple
myeloma"): word_changes
passed over a word dropped with nothing in its place, so each read as in sync (36 of 37 real range items with their
measure's first word dropped said nothing). It is a warning quoting both texts; wording faithful copies drop
("known", "history of", "patients", "documented") stays quiet, as does a word the item still says (fix29, review
r29: a lab word saying the default, a kept short form, the item's stage or age, a sex word)."""

import pytest

from scrapers.reconcile.compare import in_sentence
from scrapers.reconcile.words import word_changes
from test_reconcile_word_changes import _pair


@pytest.mark.parametrize("record,page,said", [
    ("Systolic blood pressure < 90 mmHg", "Blood pressure < 90 mmHg", ("Systolic blood pressure", "Blood pressure")),
    ("Fasting glucose > 126 mg/dL", "Glucose > 126 mg/dL", ("Fasting glucose", "Glucose")),
    ("Urine protein < 1 g/24 h", "Protein < 1 g/24 h", ("Urine protein", "Protein")),
    ("Direct bilirubin > 1.5 x ULN", "Bilirubin > 1.5 x ULN", ("Direct bilirubin", "Bilirubin")),
    ("Ionized calcium < 1.0 mmol/L", "Calcium < 1.0 mmol/L", ("Ionized calcium", "Calcium")),
    ("Corrected QT interval > 470 ms", "QT interval > 470 ms", ("Corrected QT interval", "QT interval")),
    ("Resting heart rate < 45 beats per minute", "Heart rate < 45 beats per minute",
     ("Resting heart rate", "Heart rate")),
    ("Early active rheumatoid arthritis", "Active rheumatoid arthritis",
     ("Early active rheumatoid arthritis", "active rheumatoid arthritis")),
    ("Relapsed multiple myeloma", "Multiple myeloma", ("Relapsed multiple myeloma", "Multiple myeloma")),
    ("Primary brain tumor", "Brain tumor", ("Primary brain tumor", "Brain tumor")),
    ("Metastatic breast cancer", "Breast cancer", ("Metastatic breast cancer", "Breast cancer")),
    ("Gestational age < 32 weeks", "Age < 32 weeks", ("Gestational age", "Age")),
    ("Primary hypoactive sexual desire", "Hypoactive sexual desire",
     ("Primary hypoactive sexual desire", "Hypoactive sexual desire")),
    ("Prior adjuvant chemotherapy for primary cancer allowed", "Prior adjuvant chemotherapy for cancer allowed",
     ("primary cancer", "cancer")),
    ("Primary central nervous system lymphoma", "Central nervous system lymphoma",
     ("Primary central nervous system", "Central nervous system")),
    # (a short form the record writes near, for other words, does not say the dropped one)
    ("Secondary PAH other than SCD or CP", "PAH other than SCD or CP", ("Secondary PAH", "PAH")),
    ("A diagnosis of primary or secondary SS, incomplete SS", "A diagnosis of primary or SS, incomplete SS",
     ("secondary SS", "SS")),
    # (the described words end at the noun: "pregnancy test", not "pregnancy test within")
    ("Negative serum pregnancy test within 7 days", "Negative pregnancy test within 7 days",
     ("serum pregnancy test", "pregnancy test")),
    ("Absolute CD4 count > 350 cells/mm3", "CD4 count > 350 cells/mm3", ("Absolute CD4 count", "CD4 count")),
])
def test_a_describing_word_left_out_is_a_word_changed(record, page, said):
    changes = word_changes(record, page)
    assert [(c.record.lower(), c.page.lower()) for c in changes] == [(said[0].lower(), said[1].lower())]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    assert f'"{page}' in found[0][2] and f'"{record}' in found[0][2]
    left_out = in_sentence(said[0][:len(said[0]) - len(said[1])].strip())   # ("QT interval", "CD4 count" keep capitals)
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{in_sentence(said[1])}"' in found[0][2]


@pytest.mark.parametrize("record,page", [
    ("Known history of stroke within 6 months", "History of stroke within 6 months"),
    ("Patients with documented hepatitis B infection", "Hepatitis B infection"),
    ("Subjects with a diagnosis of type 2 diabetes", "Type 2 diabetes"),
    ("Fasting glucose", "Glucose"),   # (a measure's word is read only before a figure: "fasting" may describe a visit)
    ("Adequate total bilirubin", "Adequate bilirubin"),   # (nor is one with no figure after it)
    ("Prior treatment with cisplatin", "Treatment with cisplatin"),
    ("Adult participants above 18 years of age", "Participants above 18 years of age"),   # (the age says it)
])
def test_wording_a_copy_drops_says_nothing(record, page):
    assert word_changes(record, page) == []


@pytest.mark.parametrize("record,page", [
    # a lab word saying only the default (review r29: serum creatinine 63/80, total bilirubin 64/80, absolute
    # neutrophil 80/80 faithful drops warned)
    ("Total bilirubin =< 1.5 times the upper limit of normal (ULN)", "Bilirubin =< 1.5 times the upper limit of "
     "normal (ULN)"),
    ("Serum hemoglobin greater than or equal to 11 g/dL", "Hemoglobin greater than or equal to 11 g/dL"),
    ("Serum creatinine <= 1.5 mg/dL", "Creatinine <= 1.5 mg/dL"),
    ("Serum potassium < 3.5 or > 5.1 mEq/L", "Potassium < 3.5 or > 5.1 mEq/L"),
    ("Plasma HIV-1 RNA < 50 copies/mL", "HIV-1 RNA < 50 copies/mL"),
    ("Absolute neutrophil count >= 1500/uL", "Neutrophil count >= 1500/uL"),
    ("Subject has a BDI-II total score > 25 at screening", "Subject has a BDI-II score > 25 at screening"),
    # a short form the page keeps stands for the dropped word
    ("Absolute neutrophil count (ANC) >= 1,500/uL", "Neutrophil count (ANC) >= 1,500/uL"),
    ("Systolic blood pressure (SBP) > 160 mmHg", "Blood pressure (SBP) > 160 mmHg"),
    ("Corrected QT interval (QTc) > 470 ms", "QT interval (QTc) > 470 ms"),
    ("Fasting plasma glucose (FPG) > 126 mg/dL", "Plasma glucose (FPG) > 126 mg/dL"),
    ("Free thyroxine (FT4) < 0.8 ng/dL", "Thyroxine (FT4) < 0.8 ng/dL"),
    ("Metastatic castration-resistant prostate cancer (mCRPC)", "Castration-resistant prostate cancer (mCRPC)"),
    ("Refractory anemia with excess blasts (RAEB)", "Anemia with excess blasts (RAEB)"),
    # a sex word (implied by the item or the trial's sex field, which is not read here)
    ("Female patients who are pregnant or lactating", "Patients who are pregnant or lactating"),
    ("Female subjects of childbearing potential must use contraception",
     "Subjects of childbearing potential must use contraception"),
    ("Male subjects aged 18-55", "Subjects aged 18-55"),
    # a stage or age the item states
    ("Metastatic stage IV (stage D2)", "Stage IV (stage D2)"),
    ("Histologically confirmed metastatic colorectal adenocarcinoma (stage IV)",
     "Histologically confirmed colorectal adenocarcinoma (stage IV)"),
    ("Pediatric patients aged 2 to 17 years", "Patients aged 2 to 17 years"),
    ("Early stage (I-II) breast cancer", "Stage (I-II) breast cancer"),
    ("Newly diagnosed advanced stage III or IV squamous cell carcinoma",
     "Newly diagnosed stage III or IV squamous cell carcinoma"),
    ("Postmenopausal women aged 50 to 75 years with no menses for 12 months",
     "Women aged 50 to 75 years with no menses for 12 months"),
    # "primary" naming no illness
    ("Participants must receive approval from their primary care provider",
     "Participants must receive approval from their care provider"),
    ("Subject's primary language is English", "Subject's language is English"),
    ("Primary diagnosis of schizophrenia within 2 years", "Diagnosis of schizophrenia within 2 years"),
    ("Followed by the pediatric oncologist", "Followed by the oncologist"),
])
def test_a_dropped_word_the_item_still_says_is_quiet(record, page):
    """Each warned in review r29 (fix29) on a faithful copy: the word says only the default, the item's own stage,
    age or short form says it, or it names no illness."""
    assert word_changes(record, page) == []
    assert _pair(record, page) == []


@pytest.mark.parametrize("record,page,said", [
    ("Direct bilirubin normal", "Bilirubin normal", ("Direct bilirubin", "bilirubin")),
    ("Free T4 within normal range", "T4 within normal range", ("Free T4", "T4")),
    ("Ionized calcium level within normal limits", "Calcium level within normal limits",
     ("Ionized calcium level", "calcium level")),
    ("Transaminase and conjugated bilirubin less than twice the upper limit of normal",
     "Transaminase and bilirubin less than twice the upper limit of normal", ("conjugated bilirubin", "bilirubin")),
])
def test_a_measure_word_before_a_limit_in_words_is_a_word_changed(record, page, said):
    """A limit said in words ("normal", "less than twice …") stands for a figure: the measure's word is read (words4:
    8 of 299 real measure-word drops with no figure after, each a real change; the rest stay quiet)."""
    assert [(c.record, c.page) for c in word_changes(record, page)] == [said]
    found = _pair(record, page)
    assert [(k, s) for k, s, _ in found] == [("criterion_changed", "warning")]
    left_out = in_sentence(said[0][:len(said[0]) - len(said[1])].strip())   # ("QT interval", "CD4 count" keep capitals)
    assert f'leaves out "{left_out}", which ClinicalTrials.gov says of "{in_sentence(said[1])}"' in found[0][2]


@pytest.mark.parametrize("record,page", [
    ("Serum creatinine within normal limits", "Creatinine within normal limits"),   # (the lab default: r29)
    ("Total serum CPK within normal range", "Serum CPK within normal range"),
    ("Have a normal fasting serum vitamin A and normal liver function profile",
     "Have a normal fasting vitamin A and normal liver function profile"),   # (the limit is the liver's)
    ("Negative urine pregnancy test", "Negative pregnancy test"),
    ("Consent to random assignment", "Consent to assignment"),
])
def test_a_measure_word_with_no_figure_or_limit_is_not_read(record, page):
    """With neither a figure nor a limit in words after it, a measure's word mostly describes no measure ("random
    assignment", "urine drug screen", "direct observation"): words4 found about half of 218 such drops faithful."""
    assert word_changes(record, page) == []
    assert _pair(record, page) == []
