"""Is the page about the illness the record is? A page naming another condition ("… studying 5q Minus Syndrome" for a
head and neck cancer trial; review round 21, P6) sends someone with that condition to a trial for another illness.

Pages reword conditions: "heart attack" for myocardial infarction, "breast cancer" for Breast Neoplasms, "stroke"
for a cerebral infarction, a MeSH heading for the registrant's words. So a page condition agrees with the record when
it shares one meaningful word with any of the record's conditions, keywords, MeSH condition terms and their broader
terms, titles or acronym: words agree when equal, when one is the other with an ending ("diabetic", "diabetes"), or
when both name the same part of the body or kind of illness in lay or medical words (`_BODY`); a condition also agrees
when one side abbreviates what the other spells out ("COPD", "ADHD"). Words that name no
illness in particular ("disease", "cancer", "chronic", "patients") are not compared, and a page condition made only
of them says nothing. Only a page none of whose conditions agrees is said to differ.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import OfficialRecord, PageRecord
from .finding import Finding, quote

# words a condition shares with any other without saying which illness it is (also reconcile.identity's)
GENERIC = frozenset("""the and for with of in on to a an or disease diseases disorder disorders syndrome acute chronic
    severe patients patient adult adults children child cancer cancers tumor tumors tumour healthy volunteers stage
    type primary secondary advanced early""".split())

# more words that name no illness in particular: kinds and courses of cancer, of treatment, of people
_STOP = GENERIC | frozenset("""its their this that other others not non without due associated related induced
    unspecified condition conditions health human humans people person persons subjects subject participants
    volunteer tumours neoplasm neoplasms neoplastic carcinoma carcinomas malignant malignancy malignancies metastatic
    metastases metastasis recurrent refractory relapsed relapsing resistant unresectable inoperable locally solid
    cell cells small large grade low high mild moderate new newly diagnosed untreated onset late infection infections
    infectious treatment therapy therapies prevention diagnosis care risk history stages progressive persistent
    symptoms symptom sign signs complications complication function failure insufficiency injury injuries damage
    pain normal elderly women men female male adolescents infants pediatric paediatric surgery surgical dysfunction
    dysfunctions protocol specific multiple following after before during various study studies trial""".split())

# Lay and medical words for one part of the body or kind of illness: a page word and a record word agree when both
# are in one group (lay words whole, medical ones as word beginnings: "myocard" is "myocardial", "myocarditis").
_BODY: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = tuple(
    (frozenset(lay.split()), tuple(stems.split())) for lay, stems in (
    ("heart heartbeat palpitations", "cardi coronar myocard angina arrhythm atrial atrium ventric aort valv infarct"),
    ("stroke strokes", "cerebrovasc cerebr infarct apoplex hemorrhag haemorrhag ischemi ischaemi"),
    ("brain memory", "cerebr neuro enceph glio glioma cognit alzheim dement mening"),
    ("nerve nerves", "neur"),
    ("kidney kidneys", "renal nephr dialys"),
    ("liver", "hepat cirrho"),
    ("lung lungs breathing breath", "pulmon respirat bronch pneum copd asthma apnea apnoea"),
    ("blood clot clots", "hemat haemat hemo haemo anemi anaemi leuk lymphom myelo thromb embol coagul platelet"),
    ("pressure", "hypertens hypotens"),
    ("sugar glucose", "diabet glyc insulin"),
    ("skin", "derma cutan psoria eczema melanom acne"),
    ("bone bones", "osteo skelet fractur marrow"),
    ("joint joints", "arthr rheumat"),
    ("stomach belly", "gastr peptic"),
    ("bowel bowels gut intestine intestines colon", "intestin colorect colon crohn colitis bowel gastro enter"),
    ("eye eyes sight vision blindness blind", "ocul ophthalm retin macul glaucom catarac visual vision cornea uveit"),
    ("ear ears hearing deafness deaf", "otitis cochle tinnit audit"),
    ("mouth tooth teeth gum gums", "oral dental periodont gingiv caries stomat"),
    ("womb", "uter endometri"),
    ("breast breasts", "mamm"),
    ("mental mood", "depress psychi bipolar anxi schizo"),
    ("sleep", "insomni apnea apnoea somn"),
    ("weight overweight fat", "obes bariatr adipos"),
    ("smoking smokers smoker cigarettes", "tobacco nicotin smok cigar"),
    ("drinking", "alcohol"),
    ("aids", "hiv immunodefic"),
    ("flu", "influenza"),
    ("pregnancy pregnant birth baby babies newborn newborns",
     "pregnan obstet gestat preterm neonat infant perinat birth"),
    ("muscle muscles", "muscul myopath myasth myosit dystroph"),
    ("bladder urine urinary", "urin vesic incontin cystit"),
    ("headache headaches", "migrain cephal"),
    ("hair", "alopec"),
    ("cholesterol", "cholesterol lipidem lipoprotein"),
    ("menopause flashes", "menopaus climacter flashes"),
    ("adhd", "hyperactiv hyperkin attention"),
    ("ptsd", "posttraum"),
))

# British spellings, as the record may have the other
_SPELLING = ((re.compile(r"^(an|leuk|septic|isch|h)ae"), r"\1e"), (re.compile(r"^oe"), "e"),
             (re.compile(r"our$"), "or"), (re.compile(r"^paed"), "ped"))


def condition_words(text: str) -> set[str]:
    """A condition's words that may name an illness (reconcile.identity's split)."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in GENERIC}


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[str, frozenset[int]]:
    """One word in American spelling, and the groups of `_BODY` it is in."""
    w = word
    for pat, to in _SPELLING:
        w = pat.sub(to, w)
    # (a medical stem of six letters or more also inside a word: "oligodendroglioma", "postmenopausal")
    return w, frozenset(i for i, (lay, stems) in enumerate(_BODY)
                        if w in lay or w.startswith(stems) or any(len(x) >= 6 and x in w for x in stems))


def _meaningful(text: str) -> set[str]:
    return {w for w in condition_words(text) if w not in _STOP and not w.isdigit()}


def _agree(a: str, b: str) -> bool:
    """Equal, one the other with an ending ("diabetes", "diabetic": six letters in common; "asthma", "asthmatic") or
    a beginning ("arthritis", "osteoarthritis"), or in one `_BODY` group."""
    (wa, ga), (wb, gb) = _keys(a), _keys(b)
    if wa == wb or ga & gb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 7 and short in long_:
        return True
    n = 0
    for x, y in zip(wa, wb):
        if x != y:
            break
        n += 1
    return n >= 6 or (n >= 4 and n == min(len(wa), len(wb)))


def record_texts(official: OfficialRecord) -> list[str]:
    """The record's words for what it studies: conditions, keywords, MeSH condition terms and broader terms, titles,
    acronym."""
    titles = [official.brief_title or "", official.official_title or "", official.acronym or ""]
    return [t for t in (official.conditions + official.keywords + official.condition_mesh_terms
                        + official.condition_mesh_ancestors + titles) if t]


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_SMALL = frozenset("of and the with in on to for or by".split())


def _initials(text: str) -> str:
    """"Chronic Obstructive Pulmonary Disease" -> "copd"; "Post-Traumatic Stress Disorder" -> "ptsd"."""
    return "".join(w[0] for w in re.findall(r"[a-z]+", text.lower()) if w not in _SMALL)


def _by_acronym(ours: list[str], theirs: list[str]) -> bool:
    """One side spells out what the other abbreviates ("ADHD", "Attention Deficit Hyperactivity Disorder")."""
    for a, b in ((ours, theirs), (theirs, ours)):
        short = {m.lower() for t in a for m in _ACRONYM.findall(t)}
        if short and any(x in _initials(t) for t in b for x in short):
            return True
    return False


def check_conditions(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    """A WARNING when none of the page's conditions agrees with the record (see the module docstring); nothing when
    either side names none, or the page's conditions are only words like "cancer" or "chronic disease"."""
    if not page.conditions or not official.conditions:
        return []
    said = [c for c in page.conditions if _meaningful(c)]
    if not said:
        return []
    texts = record_texts(official)
    theirs = set().union(*(_meaningful(t) for t in texts))
    if any(_agree(w, t) for c in said for w in _meaningful(c) for t in theirs) or _by_acronym(said, texts):
        return []
    page_list, off_list = _listed(page.conditions), _listed(official.conditions)
    # (the rows show each side's list as given; the sentence quotes them)
    return [Finding(
        "fact_mismatch", "warning", "conditions", "; ".join(page.conditions), "; ".join(official.conditions),
        f"This page says the trial studies {page_list}, but ClinicalTrials.gov says it studies {off_list}: check "
        "which illness the trial is for before contacting it.",
        {"page_conditions": page.conditions, "official_conditions": official.conditions,
         "official_keywords": official.keywords[:10], "official_mesh_terms": official.condition_mesh_terms[:10]})]


def _listed(conditions: list[str]) -> str:
    """'"A"', '"A" and "B"', '"A", "B" and 2 more': a list of conditions as a sentence names them."""
    shown = [f'"{quote(c, 60)}"' for c in conditions[:3]]
    more = len(conditions) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
