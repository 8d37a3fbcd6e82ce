"""The measured thing before a limit's comparator: "platelet count" in "platelet count less than
100×10^9/L". Read from the words before the comparator, kept whole when it is a name ("Eastern
Cooperative Oncology Group (ECOG) performance status"), refused when it is a clause or shared
("SGOT and SGPT less than …"), and compared with the other things an item limits.
"""

from __future__ import annotations

import re

_SKIP_SUBJ = re.compile(r"\b(?:age|aged|years?|old|within|since|after|before|prior|duration|life expectancy|"
                        r"gender|sex(?![\s-]*hormone)|race)\b", re.I)   # ("… based on serum creatinine, age, race, and gender of > 60 cc/min")
# A subject that is a clause, not a measured thing: "subjects who consumed", "agree to make",
# "was assessed to be", "NIHSS total score increased", "including".
_CLAUSE_WORD = re.compile(
    r"\b(?:who|whom|whose|which|that|is|are|was|were|been|being|by|at|in|normal|has|have|had|agrees?|make|makes|including|includes?|"
    r"increased|decreased|reduced|dropped|rose|fell|defined|show|shows|showed|showing|per|than|if|unless|when|"
    r"while|whether|for|as|negative|positive|patients?|would|could|be|receive|"
    r"subjects?|participants?|you|your|they|their|but|secondary|due|regardless|demonstrated|demonstrating|reported|"
    r"to\s+(?:an?|the))\b",   # ("… following isoproterenol infusion to a heart rate of ≥ 100 bpm" names no measured thing)
    re.I)   # ("≥ 10 but ≤ 16")
# A group of people is no measured thing: "QTcF: female > 470 ms, male > 450 ms" ("Sexual Health
# Inventory-Male score" is one)
_GROUP_FIRST = re.compile(r"(?:males?|females?|men|women|boys|girls|children|adults|adolescents|infants)\b(?!['’])"   # (patients: _CLAUSE_WORD)
                          r"|(?:or|and|nor)(?:_|\b)", re.I)   # nor a joining word ("systolic >170 or_<90mm Hg", NCT03566914)
# Verbs and linking words between a measured thing and its comparator, dropped from the subject:
# "Bilirubin must be less than 2.0 mg/dl" -> "Bilirubin less than 2.0 mg/dl".
_LINK_TAIL = re.compile(r"(?:\s+(?:must|should|shall|will|may|can|to|be|is|are|of|value|values|known|exhibits?|exhibited)\b)+$",
                        re.I)
_LEAD = re.compile(r"^(?:(?:a|an|the|with|having|and|or|of|presence of|evidence of|"
                   r"see (?:disease|patient) characteristics|"   # (a PDQ record's cross-reference)
                   r"(?:clinical\s+)?lab(?:oratory)?\s+(?:values?|tests?|results?):?|"   # ("Clinical laboratory values ANC")
                   r"indicates|indicating|reveals|revealing|"   # ("echocardiography indicates LVEF < 50%")
                   # whose it is: "The subject's body mass index (BMI) is between 20 and 30" (NCT06495437; review round 8)
                   r"(?:subject|patient|participant|volunteer|person|individual)['’]s)\s+)+", re.I)
# A negation before a limit reverses it ("No severe heart disease (… ejection fraction less than
# 45%)" is not a requirement of 45%); in the item or any item above it.
NEGATION = re.compile(r"\b(?:no|not(?!\s+(?:only|limited)\b)|non|without|absence|absent|free of|never|neither|nor|unless|except|excluding)\b|n't\b",
                      re.I)
# The words right before a comparator that may name what it limits: up to six ("CD4+ cell count")
SUBJECT_END = re.compile(r"(?:[A-Za-z0-9\[(][\w'/()\[\]+-]*\s+){0,5}[A-Za-z\[(][\w'/()\[\]+-]*\s+$")

_CLAUSE_SPLIT = re.compile(r"([,;:、]|\band/or\b|\band\b|\bor\b|\bwith\b|\bof\b(?=\s+(?:the\s+)?(?:following|any)\b))", re.I)
_NAME_END = {"status", "score", "scale", "index", "level", "count", "grade", "ratio"}   # (ends a name, never starts an item)
_CUT_MID_PHRASE = {"of", "for", "in", "on", "to", "by", "at", "from", "with", "per", "than"}


def subject_before(words: str) -> str | None:
    """The measured thing before a comparator: the last clause, at most six words, brackets
    kept whole. None when the limit is shared with a thing before it ("SGOT and SGPT less than
    2.5 times ULN", "AST or ALT …"): one of them alone would misstate it."""
    parts = _CLAUSE_SPLIT.split(words)
    clause = parts[-1].strip()
    cut = 0
    if not re.search(r"[(\[]", clause):
        # "…since menopause Increased body fat", "…×10⁹/L Platelets": a new item run on without a
        # stop starts at a capital after a lower-case word or a value ("Body Mass Index" is one name)
        toks = clause.split()
        cut = max((i for i in range(1, len(toks)) if re.match(r"[A-Z][a-z]", toks[i]) and re.match(r"[a-z]|.*[\d/%]", toks[i - 1])
                   and toks[i].lower() not in _NAME_END), default=0)   # ("Karnofsky performance Status")
        clause = " ".join(toks[cut:])
    if (not cut and len(parts) > 2 and parts[-2].lower() in ("and", "or", "and/or", "、") and parts[-3].strip()
            and not re.search(r"[\d%]", parts[-3])):   # (after a limit of its own, or a new item, it is not shared)
        return None
    clause = _LINK_TAIL.sub("", clause)
    toks = clause.split()
    while len(toks) > 6 or (toks and sum(t.count("(") + t.count("[") for t in toks) < sum(t.count(")") + t.count("]") for t in toks)):
        if len(toks) <= 1:
            break
        toks = toks[1:]
    if toks and toks[0].lower() in _CUT_MID_PHRASE:
        return None   # "Prior lines of systemic therapy" cut to "of systemic therapy": not the thing measured
    # "(ULN) AST" -> "AST": a closed aside; but a bracket that opens the clause is the name's own
    # ("the (A-a) DO2 less than 35 mm Hg" is the A-a gradient, not "DO2", oxygen delivery)
    # (not a list marker: "(d) Bilirubin")
    own = re.match(r"(?:(?:the|a|an)\s+)?([(\[](?![a-z]\)|[ivx]+\)|\d+\))[^()\[\]\s]{1,8}[)\]]\s+\S+)$", clause, re.I)
    subj = own.group(1) if own else re.split(r"[)\]]\s+(?=[A-Z])", " ".join(toks))[-1]
    subj = re.sub(r"^[^(\[]*?[)\]]\s*", "", subj)   # "date) hypertension (systolic BP": a bracket closed, not opened
    if subj.count("(") + subj.count("[") > subj.count(")") + subj.count("]"):
        subj = re.split(r"[(\[]", subj)[-1]   # "hypertension (systolic BP" -> "systolic BP"
    return _LEAD.sub("", subj.lstrip(")]").strip())


# a list of names, with no limit of their own, before the "and"/"or" that joins the last one to a limit
_AND_FIRST = re.compile(r"\s*(?:and|or|and/or)\s+", re.I)
_NOT_A_NAME = re.compile(r"\b(?:the|a|an|of|with|history|any|other|\w+ing)\b|(?<!\w)\d|[<>≤≥=()]", re.I)


def shares_limit_with_names_before(text: str, at: int, words: str, subj: str) -> bool:
    """Whether the limit's subject, joined by "and"/"or" right before it (at `at` in `text`), ends a list
    of names with no limit of their own ("SGOT, SGPT, and alkaline phosphatase ≤ 2 × ULN"), not of
    conditions ("The history of gout, or uric acid > 8.0 mg/dl"; "… disorders (INR > 3)"). subject_before
    reads the "SGOT and SGPT …" list within its words; this one reads the commas before them."""
    lead = _AND_FIRST.match(words)
    if not lead or words[lead.end():].strip() != subj:
        return False
    start = max(text.rfind(sep, 0, at) for sep in (";", ":", ". ")) + 1
    before = text[start:at].rstrip()
    if not before.endswith(","):
        return False
    return all(0 < len(n.split()) <= 3 and not _NOT_A_NAME.search(n) for n in before[:-1].split(","))


# A word that names no measured thing on its own: "(score greater than 2)" after "DAST-10" is its score
_BARE_MEASURE = frozenset("score scores level levels count counts value values titer titre result results cells total "
                          "grade ratio index status stage difference variability gap change".split())
# a cancer stage is no measured thing: "Stages IB2, IIA > 4 cm, IIB-IVA" gives stage IIA's tumour size
_STAGE = re.compile(r"(?:stages?\s+)?[IV]{1,4}[A-D]?\d?", re.I)


# a name that ends in a comparison word: the record said the comparator twice ("serum calcium greater > 12 mg/dl")
_CMP_WORD_LAST = re.compile(r"\b(?:greater|less|higher|lower|more|fewer|above|below|over|under)$", re.I)


def measured_thing(subj: str | None) -> bool:
    """Whether a subject names a measured thing: words, brackets balanced, no clause words, no comparison
    word at its end."""
    return bool(subj and len(subj) > 1 and re.match(r"[A-Za-z\[(]", subj) and re.search(r"[A-Za-z]{2}", subj)
                and subj.lower() not in _BARE_MEASURE and not _STAGE.fullmatch(subj)
                and not re.search(r"(?<!\S)\d+(?!\S)", subj)   # "stations 15 to 20": a number is no name
                and subj.count("(") + subj.count("[") == subj.count(")") + subj.count("]")
                and not _SKIP_SUBJ.search(subj) and not _CLAUSE_WORD.search(subj) and not _GROUP_FIRST.match(subj)
                and not _CMP_WORD_LAST.search(subj))


def _names(subj: str) -> set[str]:
    """A subject and, when it gives one, its bracketed short name: "serum total bilirubin (tbil)"
    is also "tbil" and "serum total bilirubin"."""
    m = re.fullmatch(r"(.+?)\s*[(\[]([^()\[\]]+)[)\]]", subj)
    return {subj, m.group(1), m.group(2)} if m else {subj}


def same_thing(a: str, b: str) -> bool:
    """Whether two subjects name one measured thing: equal, or one is the other's last words
    ("ITP platelets" and "Platelets"; not "creatinine" and "creatinine clearance"), or one is
    the other's short name ("TBIL" and "Serum total bilirubin (TBIL)")."""
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a)
                              or any(x == y for x in _names(a) for y in _names(b)))


_NAME_WORD = re.compile(r"[A-Z][\w'-]*$")
_SHORT_FORM = re.compile(r"\([A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*\)")   # a name's short form in brackets: "(ECOG)"


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a name: not "The", "No", "Patients", "Age" …"""
    return bool(_NAME_WORD.match(word)) and not (_LEAD.match(word + " ") or NEGATION.fullmatch(word)
                                                 or _CLAUSE_WORD.fullmatch(word) or _SKIP_SUBJ.fullmatch(word))


def whole_name(text: str, before: int, subj: str | None) -> str | None:
    """The subject with the rest of its name when six words cut it: "Eastern Cooperative
    Oncology Group (ECOG) performance status", not "Cooperative Oncology Group (ECOG) …";
    "International Index of Erectile Function (IIEF) … score", not "(IIEF) … score"."""
    if not subj:
        return subj
    at = text.rfind(subj, 0, before)
    if at <= 0:
        return subj
    words = text[:at].split()
    if not (subj[:1].isupper() or subj[:1] in "(["):   # ("(IIEF) score" after its name)
        # the item's first word, cut by the link words after the name ("Left ventricular ejection
        # fraction known to be < 35%" read "ventricular ejection fraction")
        first = words[0] if len(words) == 1 else ""
        if not (_name_word(first) and text[at - 1] == " " and not first.lower().endswith(("ing", "ed"))):
            return subj
        return f"{first} {subj}"
    lead: list[str] = []
    while words and len(lead) < 9:
        word = words[-1]
        if (word == "of" and len(words) > 1 and _NAME_WORD.match(words[-2])) or (
                _SHORT_FORM.fullmatch(word) and len(words) > 1 and _name_word(words[-2])):
            lead[:0] = words[-2:]   # ("Index of Erectile …"; "Erectile Function (EF) Domain score", not "(ULN)"
            del words[-2:]          #  after "upper limit of normal", which ends the item before)
        elif _name_word(word):
            lead.insert(0, word)
            words.pop()
        else:
            break
    return _LEAD.sub("", " ".join(lead + [subj])) if lead and text[at - 1] == " " else subj
