"""Does the page name a drug its record never mentions anywhere? Two trials of one illness ("Erectile Dysfunction" on
both sides) share their conditions, so only what each gives tells them apart: a page whose title or interventions
name "valganciclovir" or "KW-6002" under the number of a trial whose record says neither, nor any name of them,
shows another trial's treatment (ident6; removed in 270b543 and brought back safe by ident7).

ident6 read every intervention word, brands and its own drug-code pattern; review r48 found own pages as lay sites
show them read as another trial's: interventions by brand ("Viagra" for a record saying sildenafil), British
spellings ("ciclosporin"), a brand in the title, a trial-group number ("ACTG 5041") read as a drug code. So here:
- only a clearly named drug counts: a generic name (a word with an international drug name's ending that the
  corpus's intervention MeSH terms use: "sildenafil", never "Viagra", "Retrovir", "placebo", "chemotherapy") or a
  drug code ("MK-3475", "AZD2281"; no year, unit, route or trial-group number: `codes_in`, `GROUP_PREFIXES`);
- it agrees with the record where the record says it anywhere (titles, summary, description, criteria, arms,
  interventions and other names, keywords, identifiers, MeSH terms) spelt any way (`fold`: British/American and
  INN spellings, ph/f, ae/e, oe/e, y/i, case, accents, hyphens), by its first `STEM` letters, within a letter or two
  ("frusemide", "furosemide"), or by a name the corpus gives the same intervention (`drug_names.json` synonyms:
  "tadalafil", "Cialis", "LY450190"); a code agrees where its number stands in the record ("A5041", "ACTG 5041");
- one named drug the record says lets the page be (a stale page may list an arm the record has since dropped);
- a drug code is read (`codes_named`) but is no sign (`other_treatment` counts `generics_named` only): review r50
  found own pages titled by a code the record no longer says ("LY248686 Compared With Placebo in Patients With
  Depression" for a record saying duloxetine) called another trial's, 139 of them over 137 records with a table of
  public codes; bench/identity_codes.py builds such pages from codes held out of drug_names.json (ident8).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..model import OfficialRecord, PageRecord

STEM = 5   # letters two words share at the start to be one name told two ways ("cisplatin", "cisplatinum")
_DATA = Path(__file__).resolve().parents[1] / "data" / "drug_names.json"

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda", "μ": "mu"}
# spellings one drug name is given (British, American, international): each folded to one
_SPELLINGS = ((re.compile(r"ph"), "f"), (re.compile(r"ae"), "e"), (re.compile(r"oe"), "e"), (re.compile(r"y"), "i"),
              (re.compile(r"th"), "t"), (re.compile(r"([a-z])\1"), r"\1"), (re.compile(r"(?<=[a-z]{3})e\b"), ""))


def fold(text: str) -> str:
    """`text` as drug names are compared: lower case, Greek letters spelled, accents dropped ("sildénafil"), a code
    one word ("BMS-214662" is "bms214662"), and one spelling of each sound ("sulphate" "sulfat", "ciclosporin" and
    "cyclosporine" "ciclosporin", "oestradiol" "estradiol", "amoxycillin" "amoxicilin")."""
    text = "".join(_GREEK.get(c, c) for c in text.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\b([a-z]+)-?0*(?=[1-9][0-9]{2,6}\b)", r"\1", text)
    for rx, to in _SPELLINGS:
        text = rx.sub(to, text)
    return text


# endings of the World Health Organization's international nonproprietary names (the "stems"), each of a class of
# drugs: -mab antibodies, -nib kinase inhibitors, -vir antivirals, -platin, -taxel, -rubicin, -statin, -pril ...;
# read on words of seven letters or more, so that no everyday word ("april") is one
_ENDINGS = """mab nib cept vir virine vudine platin taxel rubicin mycin micin cycline cillin floxacin conazole azole
    statin pril sartan olol dipine afil lukast setron prazole tidine gliptin gliflozin glitazone parin xaban gatran grel
    trexate citabine fosfamide mustine tecan poetin grastim dronate profen fenac coxib caine azepam zolam oxetine
    pramine triptyline peridol apine triptan semide thiazide methasone olone terol tropium limus formin lutamide zomib
    ciclib parib lisib relin gestrel vaptan kinra imod oquine penem""".split()
_INN = re.compile("(?:" + "|".join(sorted({fold(e) for e in _ENDINGS}, key=len, reverse=True)) + ")$")
INN_LETTERS = 7
# words with such an ending that name no drug, or a whole class of them a page may say for the record's one
# ("anthracycline" for doxorubicin, "triptan" for sumatriptan)
_NOT_DRUGS = frozenset(fold(w) for w in """cholesterol cocaine concept intercept percept precept anthracycline
    carbapenem thiazide triazole histidine triptan tetracycline gliptin statin""".split())


def inn_shaped(word: str) -> bool:
    """Has the (folded) word an international drug name's ending, and is it no everyday word or class of drugs?"""
    return len(word) >= INN_LETTERS and bool(_INN.search(word)) and word not in _NOT_DRUGS


# a drug code: two to five letters, then three to seven digits ("MK-3475", "AZD2281", "BMS-214662"); a registry
# number, a year ("WHO-2016"), a unit or route ("IU-1000", "IV-500") is none. With `spaced`, a space may part them
# (as a record writes its identifiers: "ACTG 5041"); a page's code is one word or hyphenated
_CODE = re.compile(r"\b(?!NCT\d)([A-Za-z]{2,5})(-?)0*([1-9]\d{2,6})\b")
_SPACED_CODE = re.compile(r"\b(?!NCT\d)([A-Za-z]{2,5})([\s-]?)0*([1-9]\d{2,6})\b")
_UNITS = frozenset("""mg mcg ug ml iu miu kg gy cgy mgy mm cm hz khz mhz kcal kj mmhg iv im sc sq po bid tid qid qd
    qod hs prn hr hrs min day days week wk wks dose doses unit units mol ppm lot no ref vol ver nr usd eur""".split())


CODE = re.compile(r"[a-z]{2,5}[1-9]\d{2,6}")   # (a code as codes_in folds it)


def codes_in(text: str, spaced: bool = False, capitals: bool = True) -> set[str]:
    """The drug codes `text` gives, folded ("MK-3475" is "mk3475", "PF-04449913" "pf4449913"). With `capitals`
    (a page), only codes in capitals count, and none in a text written all in capitals ("A STUDY IN 300 WOMEN")."""
    if capitals and text.isupper():
        return set()
    out = set()
    for m in (_SPACED_CODE if spaced else _CODE).finditer(text):
        letters, number = m[1], m[3]
        if (capitals and not letters.isupper()) or letters.lower() in _UNITS or (
                len(number) == 4 and 1900 <= int(number) <= 2039):
            continue
        out.add(fold(letters + number))
    return out


@cache
def _table() -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
    """drug_names.json (bench/drug_names_from_corpus.py): the generic names, each name's synonyms, the trial-group
    prefixes."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    synonyms: dict[str, set[str]] = {}
    for group in data["synonyms"]:
        for w in group:
            synonyms.setdefault(w, set()).update(group)
    return (frozenset(data["generics"]), {w: frozenset(g - {w}) for w, g in synonyms.items()},
            frozenset(data["group_prefixes"]))


def codes_named(text: str) -> set[str]:
    """The drug codes a page's title or intervention gives, folded, no trial-group number ("KW-6002 to Treat
    Parkinson's Disease" gives "kw6002"; "ACTG 5041", "CALGB-9741" give nothing)."""
    groups = _table()[2]
    return {c for c in codes_in(text) if re.sub(r"\d+$", "", c) not in groups}


def generics_named(text: str) -> set[str]:
    """The generic names the corpus knows that a page's title or intervention gives, folded ("Irinotecan and
    Cisplatin in Treating ..." gives "irinotecan", "cisplatin"; a brand, "Retrovir", gives nothing)."""
    generics = _table()[0]
    return {w for w in re.findall(r"[a-z][a-z0-9]{3,}", fold(text)) if inn_shaped(w) and w in generics}


def drugs_named(text: str) -> set[str]:
    """The drugs a page's title or intervention clearly names, folded: generic names (`generics_named`) and drug
    codes (`codes_named`). Only the generic names are a sign of another trial (`other_treatment`)."""
    return codes_named(text) | generics_named(text)


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


def said(official: OfficialRecord) -> tuple[set[str], set[str], set[str]]:
    """Everything the record says: its (folded) words, its drug codes, and the numbers it writes (no leading zero)."""
    sections = official.data.get("protocolSection") or {}
    derived = official.data.get("derivedSection") or {}
    texts = [s for k, v in sections.items() if k not in _NOT_SAID for s in _strings(v)]
    texts += [s for k in ("interventionBrowseModule", "conditionBrowseModule") for s in _strings(derived.get(k))]
    text = "\n".join(texts)
    words = set(re.findall(r"[a-z][a-z0-9]{3,}", fold(text)))
    numbers = {n.lstrip("0") for n in re.findall(r"\d{3,}", text) if len(n.lstrip("0")) >= 3}
    return words, codes_in(text, spaced=True, capitals=False), numbers


def _agrees(drug: str, words: set[str], stems: set[str], codes: set[str], numbers: set[str]) -> bool:
    """Does the record say `drug` (a folded name or code) some way: the same code or its number, the same first
    `STEM` letters, a letter or two apart ("frusemide", "furosemide"; `_CLOSE`)?"""
    if CODE.fullmatch(drug):
        return drug in codes or re.sub(r"^[a-z]+", "", drug) in numbers
    if drug[:STEM] in stems:
        return True
    most = 2 if len(drug) >= 8 else 1
    return any(abs(len(w) - len(drug)) <= most and Levenshtein.distance(drug, w, score_cutoff=most) <= most
               for w in words if len(w) >= INN_LETTERS - 1)


def other_treatment(page: PageRecord, official: OfficialRecord) -> bool:
    """Does the page clearly name drugs by their generic names (`generics_named`, in its title and interventions),
    not one of which the record says any way (`_agrees`), nor any name the corpus gives them? Then the page gives
    another trial's treatment. A drug code the page gives is no sign (`codes_named` reads it): an older title or a
    site naming the drug by its development code, "LY248686" for a record that now says only "duloxetine", is the
    trial's own page, and no table knows every code (review r50 F1)."""
    drugs = set().union(*(generics_named(t) for t in [page.title or "", *page.interventions]))
    if not drugs:
        return False
    words, codes, numbers = said(official)
    stems = {w[:STEM] for w in words}
    generics, synonyms, _ = _table()
    # (a name the corpus gives a generic may be a code the record says: "pembrolizumab" for a record saying
    # "MK-3475"; another generic name beside a generic in one intervention is a combination, no other name of it:
    # "tadalafil", "tamsulosin")
    return not any(_agrees(d, words, stems, codes, numbers)
                   or any(_agrees(s, words, stems, codes, numbers) for s in synonyms.get(d, ())
                          if not (d in generics and s in generics))
                   for d in drugs)
