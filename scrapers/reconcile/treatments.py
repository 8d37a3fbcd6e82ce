"""Does the page name a treatment the record never mentions? Two trials of one illness ("Erectile Dysfunction" on
both sides, two head and neck cancer trials) share their conditions, so only what each gives tells them apart: a
page whose title studies "Valganciclovir" or "KW-6002", or whose interventions are "Tongkat Ali Maca Plus", under
the number of a trial whose record says none of those words anywhere, shows another trial's treatment (ident6).

Exact names only, read against everything the record says (titles, summary, description, criteria, arms,
interventions and their other names, outcomes, identifiers, MeSH terms): the drugs the page's title and
interventions name (a drug code, "MK-3475", "AZD2281": capitals then digits; a word with the ending of an
international drug name, "pembrolizumab", "irinotecan"), none of them the record's; or its interventions' words, not
one of them the record's. A page that rewords, abbreviates or leaves a treatment out names nothing the record does
not say; a name the record says once, anywhere (a criterion's "no prior cisplatin"), backs the page, and so does a
shared start of five letters ("valganciclovir", "valganciclovir hydrochloride"; "cisplatinum").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..illness_words import NO_ILLNESS
from ..model import OfficialRecord, PageRecord
from .reading import FILLER
from .shorthands import american

STEM = 5   # letters two words share at the start to be one name told two ways ("cisplatin", "cisplatinum")

# a drug code as titles write it: two to five capitals, then three to seven digits ("MK-3475", "AZD2281",
# "BMS-214662", "KW-6002"); not a registry number ("NCT00000102"), leading zeros dropped ("PF-04449913")
_CODE = re.compile(r"\b(?!NCT\d)([A-Z]{2,5})[\s-]?0*(\d{3,7})\b")
# the same in any case, as the record is read (it backs the page however it writes the code)
_ANY_CODE = re.compile(r"(?i)\b([a-z]{2,5})[\s-]?0*(\d{3,7})\b")

# endings of the World Health Organization's international nonproprietary names (the "stems"), each of a class of
# drugs: -mab antibodies, -nib kinase inhibitors, -vir antivirals, -platin, -taxel, -rubicin, -statin, -pril ...;
# read on words of seven letters or more, so that no everyday word ("april") is one
_INN = re.compile(
    r"(?:mab|nib|cept|vir|virine|vudine|platin|taxel|rubicin|mycin|micin|cycline|cillin|floxacin|conazole|azole|"
    r"statin|pril|sartan|olol|dipine|afil|lukast|setron|prazole|tidine|gliptin|gliflozin|glitazone|parin|xaban|"
    r"gatran|grel|trexate|citabine|fosfamide|mustine|tecan|poetin|grastim|dronate|profen|fenac|coxib|caine|azepam|"
    r"zolam|oxetine|pramine|triptyline|peridol|apine|triptan|semide|thiazide|methasone|olone|terol|tropium|limus|"
    r"formin|lutamide|zomib|ciclib|parib|lisib|relin|gestrel|vaptan|kinra|imod|oquine|penem)$")
INN_LETTERS = 7
# words with such an ending that name no drug, or a whole class of them a page may say for the record's one
# ("anthracycline" for doxorubicin): the corpus's titles and summaries hold these
_NOT_DRUGS = frozenset("""cholesterol cocaine concept intercept percept anthracycline carbapenem thiazide triazole
    histidine""".split())

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda", "μ": "mu"}
_WORD = re.compile(r"[a-z][a-z0-9]{3,}")


def _folded(text: str) -> str:
    """Lower case, Greek letters spelled, accents dropped ("sildénafil"), a code one word ("BMS-214662")."""
    text = "".join(_GREEK.get(c, c) for c in text.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\b([a-z]+)-(?=[0-9])", r"\1", text)


def _codes(text: str, pattern: re.Pattern[str]) -> set[str]:
    return {f"{m[1].lower()}{m[2]}" for m in pattern.finditer(text)}


# what a site shows in an intervention's place when it has none to name ("No intervention", "Not applicable",
# "Observational cohort"): no name of the page's, whether or not the record says it
_PLACEHOLDERS = frozenset("""none intervention interventions applicable provided available specified given listed
    observational observation exposure group groups cohort cohorts other""".split())


def _words(text: str) -> set[str]:
    """A name's words of four letters or more, none filler or a word naming no illness, in American spelling."""
    return {american(w) for w in _WORD.findall(_folded(text)) if w not in FILLER and w not in NO_ILLNESS}


def _given(interventions: list[str]) -> set[str]:
    """The words and drug codes of the page's interventions, less what stands in for none (`_PLACEHOLDERS`)."""
    return {w for i in interventions for w in _words(i) | _codes(i, _ANY_CODE)} - _PLACEHOLDERS


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


# (where a record names no treatment: who runs it, where, whom to call)
_NOT_SAID = frozenset({"contactsLocationsModule", "sponsorCollaboratorsModule", "oversightModule", "referencesModule",
                       "ipdSharingStatementModule"})


def said(official: OfficialRecord) -> tuple[set[str], set[str]]:
    """Everything the record says, as the starts of its words (`STEM` letters) and its drug codes."""
    sections = official.data.get("protocolSection") or {}
    derived = official.data.get("derivedSection") or {}
    texts = [s for k, v in sections.items() if k not in _NOT_SAID for s in _strings(v)]
    texts += [s for k in ("interventionBrowseModule", "conditionBrowseModule") for s in _strings(derived.get(k))]
    text = "\n".join(texts)
    starts = {american(w)[:STEM] for w in re.findall(r"[a-z][a-z0-9]{3,}", _folded(text))}
    return starts, _codes(text, _ANY_CODE)


def drugs_named(text: str) -> set[str]:
    """The drug codes and international drug names a title or an intervention gives ("KW-6002 to Treat Parkinson's
    Disease" gives "kw6002"; "Irinotecan and Cisplatin in Treating ..." gives "irinotecan", "cisplatin"). A text in
    capitals gives no code ("A STUDY IN 300 WOMEN")."""
    codes = set() if text.isupper() else _codes(text, _CODE)
    names = {w for w in _words(_CODE.sub(" ", text))
             if len(w) >= INN_LETTERS and _INN.search(w) and w not in _NOT_DRUGS}
    return codes | names


def _unsaid(names: set[str], starts: set[str], codes: set[str]) -> bool:
    return bool(names) and not any(n in codes or n[:STEM] in starts for n in names)


def other_treatment(page: PageRecord, official: OfficialRecord) -> bool:
    """Does the page name drugs (`drugs_named`, in its title and interventions), or do its interventions use words,
    not one of which the record says anywhere (`said`)? Then the page gives another trial's treatment. One drug the
    record says is enough to let the page be: a stale page may list an arm the record has since dropped."""
    drugs = set().union(drugs_named(page.title or ""), *(drugs_named(i) for i in page.interventions))
    given = _given(page.interventions)
    if not drugs and not given:
        return False
    starts, codes = said(official)
    return _unsaid(drugs, starts, codes) or _unsaid(given, starts, codes)
