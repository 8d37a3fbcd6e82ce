"""Words that end an illness's name ("hepatitis", "lymphoma", "heart disease", "renal failure"): one list for the two
readers that ask whether words name an illness. reconcile/dropped_words.py asks it of the few words after a dropped
"primary" or "pediatric" ("primary brain tumor" names an illness, "primary care provider" none); the plain-English
rewrite (server/first_words.py, server/openings.py) of an item's first words, to say "You have …" of a bare illness.

Here too are the words that name no illness in particular (`NO_ILLNESS`: "healthy", "cancer", "pain"): a condition
made only of them names none. reconcile/conditions.py compares only a condition's other words, and
reconcile/identity.py takes such a condition as no evidence of another trial where the record says it too; one list,
so that the two checks agree on which conditions name an illness (ident4).

Each reader also takes a few words of its own (`REWRITE_ONLY`, `CHECK_*`), kept apart as they were before the lists
were folded here: given to the other reader, they change what it says (docs/benchmarks.md, "tidy2").
"""

from __future__ import annotations

# words that name no illness in particular: the general words for an illness ("disease", "cancer", "tumor"), its kind,
# stage and course ("chronic", "advanced", "metastatic", "carcinoma", "infection"), and people ("healthy",
# "volunteers", "children"), treatment, study and body function ("pain", "failure", "dysfunction")
NO_ILLNESS = frozenset("""the and for with of in on to a an or disease diseases disorder disorders syndrome acute
    chronic severe patients patient adult adults children child cancer cancers tumor tumors tumour healthy volunteers
    stage type primary secondary advanced early its their this that other others not non without due associated
    related induced unspecified condition conditions health human humans people person persons subjects subject
    participants volunteer tumours neoplasm neoplasms neoplastic carcinoma carcinomas malignant malignancy
    malignancies metastatic metastases metastasis recurrent refractory relapsed relapsing resistant unresectable
    inoperable locally solid cell cells small large grade low high mild moderate new newly diagnosed untreated onset
    late infection infections infectious treatment therapy therapies prevention diagnosis care risk history stages
    progressive persistent symptoms symptom sign signs complications complication function failure insufficiency
    injury injuries damage pain normal elderly women men female male adolescents infants pediatric paediatric surgery
    surgical dysfunction dysfunctions protocol specific multiple following after before during various study studies
    trial childhood virus viruses viral drug drugs""".split())

# endings of one word that names an illness ("hepatitis", "lymphoma", "an(a)emia", "fibrosis", "neuropathy")
ENDINGS = ("itis", "oma", "omas", "emia", "osis", "pathy")
# words that end an illness's name ("heart disease", "breast cancer", "renal failure", "urinary tract infection")
NOUNS = ("disease", "diseases", "cancer", "cancers", "failure", "syndrome", "insufficiency", "infection", "infections",
         "disorder", "disorders", "tumor", "tumors", "tumour", "tumours", "hypertension")

# the rewrite's own: an illness said in one word, and an ulcer ("Epilepsy" -> "You have epilepsy", "You have a
# peptic ulcer")
REWRITE_ONLY = ("ulcer", "ulcers", "diabetes", "epilepsy", "asthma", "dementia", "depression", "fibrillation")
# what the rewrite reads as an illness's last word (server/openings.names_illness tests a word's ending with these)
REWRITE_ENDINGS = ENDINGS + NOUNS + REWRITE_ONLY

# the reconcile check's own: more endings ("hypothyroidism", "dysplasia", "neutropenia", "proteinuria"), words
# ("lesions", "malignancy", "metastases", "CNS" of "primary CNS lymphoma"), and stems read with any ending
CHECK_ENDINGS = ("ism", "plasia", "penia", "uria")
CHECK_ONLY = ("syndromes", "neoplasm", "neoplasms", "neoplasia", "lesion", "lesions", "deficiency", "insomnia",
              "headache", "headaches", "desire", "CNS", "NHL")
CHECK_STEMS = ("malignan", "dysmenorrh", "metastas")


def rewrite_pattern() -> str:
    """A regex fragment for the rewrite: one of `REWRITE_ENDINGS` ending a word, not joined on by a hyphen ("Hepatitis
    B", not "Disease-free"); put after the word's own start (`[A-Za-z'-]*`), which takes any letters before it."""
    return r"(?:" + "|".join(REWRITE_ENDINGS) + r")\b(?!-)"


def check_pattern() -> str:
    """A regex for the reconcile check: a whole word that ends like an illness (`ENDINGS`, `CHECK_ENDINGS`: not
    "diagnosis" nor "prognosis"), is one of `NOUNS` or `CHECK_ONLY`, or starts with a stem of `CHECK_STEMS`; for
    re.search, any case."""
    endings = "|".join(ENDINGS + CHECK_ENDINGS)
    words = "|".join(NOUNS + CHECK_ONLY + tuple(stem + r"\w*" for stem in CHECK_STEMS))
    return rf"(?i)\b(?!(?:diagnos|prognos)[ie]s\b)(?:\w+(?:{endings})|{words})\b"


# the stems of the words that name a cancer ("malignancy", "carcinoma", "tumour", "neoplasm"), for a regular expression:
# in a cancer trial a prior one is another, earlier cancer, so "prior" stays beside it (server/everyday._SINCE_PRIOR,
# server/grammar's "You have had …")
CANCER_STEM = r"(?:malignan|cancer|carcinoma|tumou?r|neoplas)"
