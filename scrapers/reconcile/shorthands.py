"""Short forms and the words they stand for: the list of one-word shorthands ("HTN" for "hypertension", "DHPG" for
"ganciclovir"), whether a run of words is another's written short ("MI" / "myocardial infarction"), and a word's
American spelling, which the list is written in. words.py compares a page's words with the record's by them, alike.py
pairs items worded short by them and scope.py matches the parts of a list by them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..abbreviations import spells

# ("oedema", "oesophagus", "oestrogen", "sulphonylurea", "ageing", "fibre": review round 22, F2)
_BRITISH = ((re.compile(r"ae"), "e"), (re.compile(r"(?<=[a-z])oe"), "e"), (re.compile(r"^oe(?=d|s)"), "e"),
            (re.compile(r"our(?=s?$|ed$|al$|ing$)"), "or"),
            (re.compile(r"(?<=[a-z]{2})is(?=e$|es$|ed$|ing$|ation)"), "iz"), (re.compile(r"ys(?=e$|ed$|es$|ing$)"), "yz"),
            (re.compile(r"(?<=[a-z]{2})([tb])re(?=s?$)"), r"\1er"), (re.compile(r"ph(?=ur|ate|ide|ite|onamide|onyl)"), "f"),
            (re.compile(r"(?<=[aeiou])ll(?=ed$|ing$|er$)"), "l"), (re.compile(r"amme(?=s?$)"), "am"),
            (re.compile(r"(?<=g)eing$"), "ing"))


@lru_cache(maxsize=65536)
def american(w: str) -> str:
    """A (lower-case) word in American spelling ("haemoglobin", "tumour", "randomised", "centre", "sulphate",
    "labelled", "oedema", "diarrhoea", "paediatric"): same_words.same_word and conditions compare words so. Cached:
    a long item's readings ask it of the same words hundreds of thousands of times (4-5 s of CPU on one page)."""
    for rx, to in _BRITISH:
        w = rx.sub(to, w)
    return w


ENDINGS = re.compile(r"(?:ies|es|s|ed|d|ing|ly|al)$")


def abbreviates(r: list[str], p: list[str]) -> bool:
    """Is one side the other's words written short ("MI" / "myocardial infarction", "AIDS" / "acquired
    immunodeficiency syndrome", "NSCLC" / "non small cell lung cancer", "HTN" / "hypertension"), or several short
    forms in a row each for its own words ("HTN, CVA" / "hypertension, cerebrovascular accident")?"""
    return any(_short_for(short, long) for short, long in ((r, p), (p, r)))


def stands_for(short: str, words: list[str]) -> bool:
    """Does a short form stand for these words or a run of them: spelling them ("COPD", "MUGA" for "multiple gated
    acquisition" with "scan" after), listed for them ("DHPG" for "ganciclovir"), or writing one of them in it ("QTc"
    for "corrected QT interval")? A short form that stands for none names another thing ("PE" for "deep vein
    thrombosis")."""
    if any(len(w) >= 2 and w.isupper() and w.lower() in short.lower() for w in words):
        return True
    return any(spells(short, words[a:b]) or shortens(short, words[a:b])
               for a in range(len(words)) for b in range(a + 1, len(words) + 1))


# a name for a group of tests, with the tests it stands for, each by its names: only a group name the corpus uses for
# exactly those tests ("transaminases (ALT, AST)" 4 times, "serum transaminases (ALT and AST)" twice, never for
# other tests; "liver enzymes" and "liver function tests" also name bilirubin, alkaline phosphatase or drug-
# metabolising enzymes, so a page writing one of them for "AST/ALT" is still said). "Transaminases" for "AST/ALT"
# warned as a changed word.
_GROUPS = (
    (re.compile(r"(?:(?:liver|serum|hepatic)\s+)?(?:transaminases|aminotransferases)", re.I),
     (frozenset({"ast", "sgot"}), frozenset({"alt", "sgpt"}))),
)


def names_group(group: list[str], members: list[str]) -> bool:
    """Is `group` the name of a group of tests (`_GROUPS`) and `members` exactly its tests, each once, in any order
    and by any of its names ("transaminases" for "AST/ALT", "SGPT and SGOT")?"""
    for name, tests in _GROUPS:
        if name.fullmatch(" ".join(group)) and len(members) == len(tests) and \
                all(sum(m.lower() in names for m in members) == 1 for names in tests):
            return True
    return False


def _short_for(short: list[str], long: list[str]) -> bool:
    """Does each of the `short` words, in order, stand for the next run of the `long` words, all of them used?"""
    if not short or not long:
        return not short and not long
    s = short[0]
    return 2 <= len(s) <= 8 and any((spells(s, long[:k]) or shortens(s, long[:k])) and _short_for(short[1:], long[k:])
                                    for k in range(1, len(long) - len(short) + 2))


# one-word shorthands and what each stands for, as records and sites write them: a page may write one for the
# record's word(s), or the reverse (review round 22, F2: each was "differs in a word"). A list, not a test of letters:
# letters where the word's parts start let "ECG" stand for "echocardiogram", "IV" for "invasive", "ALT" for
# "absolute" and "CSF" for "classified", and a changed word read as the record's worded short (review round 24, #1).
# The case is as written ("Hct" is the hematocrit, "Cr" creatinine; "CR" is a complete response); a shorthand's
# several meanings are each a real one. A run of words a shorthand spells ("MI": myocardial infarction) is
# abbreviations.spells'.
_SHORTHANDS = (
    ("HTN", "hypertension|hypertensive"),
    ("Hb Hgb HGB HgB", "hemoglobin"),
    ("Hct HCT", "hematocrit"),
    ("Plt PLT Plts PLTs", "platelet|platelets"),
    ("Cr", "creatinine"),
    ("WBC WBCs", "leukocyte|leukocytes"),
    ("ECG EKG", "electrocardiogram|electrocardiography|electrocardiographic"),
    ("EEG", "electroencephalogram|electroencephalography|electroencephalographic"),
    ("Echo ECHO", "echocardiogram|echocardiography|echocardiographic"),
    ("IV", "intravenous|intravenously"),
    ("IM", "intramuscular|intramuscularly"),
    ("SC SQ SubQ", "subcutaneous|subcutaneously"),
    ("PO", "oral|orally"),
    ("DM", "diabetes|diabetic|diabetes mellitus"),
    ("MI", "myocardial infarction"),
    ("CVA", "stroke|cerebrovascular accident"),
    ("TB", "tuberculosis"),
    ("CMV", "cytomegalovirus"),
    ("GI", "gastrointestinal"),
    ("US", "ultrasound|ultrasonography"),
    ("RT XRT", "radiotherapy|radiation"),
    ("IFN", "interferon"),
    ("Ab Abs", "antibody|antibodies"),
    ("Ig", "immunoglobulin|immunoglobulins"),
    ("Abx", "antibiotic|antibiotics"),
    ("GBM", "glioblastoma"),
    ("EtOH", "alcohol|ethanol"),
    ("ALT", "SGPT"), ("SGPT", "ALT"), ("AST", "SGOT"), ("SGOT", "AST"),
    ("AZT ZDV", "zidovudine|azidothymidine"), ("TMP", "trimethoprim"), ("SMX", "sulfamethoxazole"),
    ("NFV", "nelfinavir"), ("SQV", "saquinavir"), ("NVP", "nevirapine"), ("EFV", "efavirenz"),
    ("RTV", "ritonavir"), ("IDV", "indinavir"), ("APV", "amprenavir"), ("ABC", "abacavir"), ("INH", "isoniazid"),
    ("MTX", "methotrexate"), ("CsA", "cyclosporine|ciclosporin"), ("HU", "hydroxyurea"),
    ("Tx", "treatment|treatments|therapy|therapies|transplant|transplantation"),
    ("Dx", "diagnosis|diagnosed"),
    ("Hx", "history"),
    ("Rx", "prescription|prescriptions|treatment|treatments|therapy|therapies"),
    ("Bx", "biopsy|biopsies"),
    ("Sx", "symptom|symptoms|surgery"),
    ("Fx", "fracture|fractures"),
    ("Sz", "seizure|seizures"),
    # from the corpus's own definitions ("… (DHPG)", "DHPG (…)"): words not spelled by the shorthand's letters
    # (abbreviations.spells reads those), each a meaning the corpus gives it, with every other meaning the corpus
    # gives listed too or spelled by its letters ("PCP": pneumocystis carinii pneumonia; "DES": drug eluting stent)
    ("HBV", "hepatitis B"), ("HCV", "hepatitis C"), ("HSV", "herpes simplex"), ("VZV", "varicella zoster"),
    ("DHPG", "ganciclovir"), ("ACV", "acyclovir"), ("EPO", "erythropoietin"), ("DHEA", "dehydroepiandrosterone"),
    ("BCNU", "carmustine"), ("DES", "diethylstilbestrol"), ("HHT", "homoharringtonine"),
    ("DFMO", "eflornithine|difluoromethylornithine"), ("PCP", "pneumocystosis|phencyclidine"),
    ("IHC", "immunohistochemistry|immunohistochemical"),
    ("EMG", "electromyography|electromyographic|electromyogram"),
    ("PK", "pharmacokinetic|pharmacokinetics"), ("Ph", "Philadelphia|Philadelphia chromosome"),
    ("GE", "gastroesophageal"), ("AV", "atrioventricular|arteriovenous"), ("Alb ALB", "albumin"),
    ("HB", "hemoglobin"), ("RMS", "rhabdomyosarcoma"),
)
SHORTHAND: dict[str, tuple[tuple[str, ...], ...]] = {
    form: tuple(tuple(american(w) for w in m.lower().split()) for m in meanings.split("|"))
    for forms, meanings in _SHORTHANDS for form in forms.split()}


def shortens(short: str, long: list[str]) -> bool:
    """Does the one-word shorthand `short` stand for these words as `SHORTHAND` lists: "HTN" for "hypertension" or
    "hypertensive", "Hb" for "haemoglobin", "CVA" for "stroke", never "HTN" for "hypotension" or "ECG" for
    "echocardiogram"?"""
    ws = tuple(american(w.lower()) for w in long)
    # (the word itself or its plural: a shared start is too loose here, "elective" is no "electrocardiogram")
    return any(len(m) == len(ws) and all(a == b or ENDINGS.sub("", a) == ENDINGS.sub("", b) for a, b in zip(m, ws))
               for m in SHORTHAND.get(short, ()))


def kept_short_form(words: list[str], page_words: list[str]) -> bool:
    """Does the page keep a short form the record writes just after a word it leaves out (`words[0]`) and the words
    that word describes, standing for them from that word on and writing its letter first or in small ("Absolute
    neutrophil count (ANC)", "Corrected QT interval (QTc)", "Free thyroxine (FT4)"; not "SS" in "secondary SS", nor
    "SCD" in "secondary PAH other than SCD")? Then the page still says the word (dropped_words, measure_names)."""
    w = words[0].lower()
    for j in range(2, len(words)):
        v = words[j]
        before = [u for u in words[:j] if u != v]   # (not "SS" for "secondary SS" by writing "SS")
        if v in page_words and (is_short(v) or sum(c.isupper() for c in v) >= 2) and w[0] in v[0].lower() + v[1:] \
                and any(len(x) >= 2 and stands_for(x, before) for x in {v, v.rstrip("0123456789")}):
            return True
    return False


# a short form as records and sites write one: capitals ("PS", "HTN", "NSAIDs"), capitals and small letters
# ("CrCl", "QoL"), or capitals after one small letter ("eGFR", "aPTT", "hCG": "Reduced eGFR" for "Reduced estimated
# glomerular filtration rate" was a criterion_added and a left-out warning); a word in capitals ("NO", "PATIENTS")
# counts only where the other text has it fewer times
SHORT_FORM = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{2,8}s?|[A-Z][a-z]?[A-Z][A-Za-z]{0,4}|[a-z][A-Z]{2,6}s?)"
                        r"(?![A-Za-z0-9])")


def is_short(word: str) -> bool:
    """A short form (`SHORT_FORM`), or a shorthand `SHORTHAND` lists that no pattern of capitals tells from a
    word ("Ph" for "Philadelphia", "Hb", "Hx": "Ph positive ALL" for "Philadelphia chromosome positive ALL" did not
    pair, a criterion_added and a left-out warning)."""
    return SHORT_FORM.fullmatch(word) is not None or word in SHORTHAND


# lay words for a medical term, each as the term it stands for (a page's plain rewording of the record's item, or
# the reverse): only words that name the one same thing, so no two different rules read alike
LAY = tuple((re.compile(rf"(?i)\b{lay}\b"), term) for lay, term in (
    (r"high blood pressure", "hypertension"),
    (r"low blood pressure", "hypotension"),
    (r"heart attacks?", "myocardial infarction"),
    (r"high blood sugar", "hyperglycemia"),
    (r"low blood sugar", "hypoglycemia"),
    (r"high cholesterol", "hypercholesterolemia"),
    # an organ's plain name before what it names, for its medical adjective (same_words reads the two as one word):
    # "Liver coma" for "Hepatic coma" read too unlike letter by letter to pair, a criterion added and another left
    # out where "Liver disease" paired (words5: only before disease, failure, function, impairment, insufficiency or
    # transplant); a part the adjective names that is not the organ's ("pulmonary embolism") is still said once
    # paired (same_words.organ_for_part)
    (r"kidneys?(?=[ \-][a-z])", "renal"),
    (r"liver(?=[ \-][a-z])", "hepatic"),
    (r"heart(?=[ \-][a-z])", "cardiac"),
    (r"lungs?(?=[ \-][a-z])", "pulmonary"),
))
# the words of `LAY`, either side
LAY_WORDS = frozenset("""high low blood pressure heart attack attacks sugar cholesterol kidney kidneys liver lung lungs
    hypertension hypotension myocardial infarction hyperglycemia hypoglycemia hypercholesterolemia renal hepatic
    cardiac pulmonary""".split())


def lay_for(a: list[str], b: list[str]) -> bool:
    """Does one run of words say the other's medical term in lay words ("high blood pressure" / "hypertension")?"""
    x, y = " ".join(a).lower(), " ".join(b).lower()
    return any(rx.fullmatch(p) and term == q for rx, term in LAY for p, q in ((x, y), (y, x)))
