"""Where one criterion can be cut into short sentences without moving any word's meaning.

Registry items run on: "A; b; c", or PDQ lines hard-wrapped into one ("Bilirubin no greater
than 1.5 mg/dL SGOT no greater than 2 times ULN", "No X No Y"). Short sentences read
easier, but a cut must never move a word out of the scope it qualifies: in "No history of
stroke; heart attack; or seizure" the "no" governs all three, so that item is not cut.
A cut is made only where the text after it is a statement of its own:

* at ";" when the next clause opens like a criterion ("must …", "no …", "patients with …",
  "has …", "prior …") or when both sides are measurements ("Hb ≥ 9 g/dL; platelets ≥ 100");
* inside PDQ run-ons, before a capitalized "No"/"Not"/"Negative"/"Positive"/"Able to" that
  follows a content word, and before "Name comparator number" that follows a number or unit
  ("…1.5 mg/dL SGOT ≤ 2 × ULN").

Nothing is cut inside brackets, after a colon opening a list, or before "and"/"or"/"but".
Words are never moved or dropped; `split_clauses(t)` joined by spaces gives back `t`
except for the ";" it replaced.
"""

from __future__ import annotations

import re

# A clause that states something by itself (matched case-insensitively at its start): a
# subject, a verb or its own negation...
_STRONG = re.compile(
    r"(?:no|not|must|should|shall|will|has|have|had|is|are|was|were|be|may|can|cannot|"
    r"(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|women|men|females?|males?)\b|"
    r"you|your|willing|able|unable|agree[sd]?|signed|life\s+expectancy|age|aged)\b",
    re.I)
# ... or a noun phrase that reads as a criterion of its own, unless the clause before it has a
# negation or exception whose scope could run on ("No history of stroke; recent heart attack").
_WEAK = re.compile(r"(?:history\s+of|prior|previous|known|current(?:ly)?|concurrent|recent|active|documented|"
                   r"diagnosis|diagnosed|ability|written|negative|positive|adequate)\b", re.I)
_SCOPED = re.compile(r"\b(?:no|not|never|none|nor|without|except|excluding|other than|unless|neither|free of|absence)\b"
                     r"|\bnon-?", re.I)
# "Hemoglobin ≥ 9 g/dL", "platelets at least 100": a name, then a comparator and a number.
_CMP = (r"(?:[<>≤≥]=?|\\[<>]=?|at\s+least|at\s+most|(?:more|less|greater|fewer|lower|higher)\s+than|"
        r"no\s+(?:more|less|greater|fewer|lower|higher)\s+than|(?:above|below|over|under)(?=\s*\d))")
_MEASURE = re.compile(rf"^[A-Za-z(][\w()'/.-]*(?:\s+[\w()'/.-]+){{0,4}}?\s*{_CMP}\s*[-+]?\.?\d", re.I)
_JOINER = re.compile(r"(?:and|or|but|and/or|nor|then|plus|either|with|without|except|unless|including)\b", re.I)
_OPENS_LIST = re.compile(r"(?::|\b(?:following|of|any|either|one|both|neither|include|including|such as|e\.g\.?|i\.e\.?))\s*$", re.I)

# PDQ run-ons: "…disease No chronic…", "…1.5 mg/dL SGOT no greater than…"
# (and "…or nursing Negative pregnancy test", "…infections Able to …": a line of its own)
_CAP_NO = re.compile(r"(?<=[a-zA-Z0-9%)\]])\s+(?=(?:No|Not)\s+(?:[a-z]|[A-Z]{2,4}\b(?!\.))|At (?:least|most) \d|"
                     r"(?:Negative|Positive)\s+\w|(?:Able|Willing|Unable|Unwilling|Capable)\s+(?:to|and)\b)")
# "… must use effective contraception HIV negative …": a PDQ line ends with the birth-control rule
_AFTER_CONTRACEPTION = re.compile(r"(?<=\bcontraception)\s+(?=[A-Z][A-Za-z]*\b(?!\s*(?:[,;:)]|or\b|and\b)))")
# a condition in brackets that leads a line ("Renal: (for bromocriptine and sertraline treatments) No history of …")
# limits what follows it: no cut after it
_LEADING_CONDITION = re.compile(r"^(?:[^():]{0,40}:)?\s*\([^()]*\)$")
_CAP_NO_SIGNALS = (" No ", " Not ", " At ", " Negative ", " Positive ", " Able ", " Willing ", " Unable ", " Unwilling ", " Capable ")
_FUNCTION_WORD = re.compile(r"\b(?:with|has|have|had|and|or|of|is|are|was|were|be|to|the|a|an|by|for|in|on|if|that|"
                            r"who|which|nor|but|as|at|from|whether|yes)\s*$", re.I)
_UNIT_TAIL = (r"(?:\s*(?:[a-zA-Zµ]{1,6}(?:/[\w.^²³]+)+|mm\s?Hg|%|times\s+(?:the\s+)?(?:institutional\s+)?"
              r"(?:upper|lower)\s+limit\s+of\s+normal|x\s*ULN|ULN|normal|[a-z]{1,5}))?")
# (a time word before the comparator makes it a duration of the same statement: "at least 1 NRTI for at
# least 28 days")
_AFTER_QTY = re.compile(r"(?:(?<=[\d%])" + _UNIT_TAIL + r"|(?<=\)))\s+"
                        r"(?=(?!(?:Hg|HG|ULN|UNL|LLN|L|dL|mL|IU|U|[IVX]+)\b)[A-Z][A-Za-z0-9'()/-]*"
                        r"(?:\s+(?!or\b|and\b|to\b|for\b|within\b|during\b|over\b|after\b|before\b|since\b)[a-z(][\w()'/-]*){0,3}\s*"
                        + _CMP + r"\s*[-+]?\.?\d)")
# a negated PDQ line run on into the next rule with no mark between ("No congestive heart failure Ejection fraction
# greater than 50%", NCT00003003; "No sustained tachyrhythmia Pulse rate between 60 and 150", NCT00004297): the rule
# starts at a capitalized name (after a lowercase word) followed by a comparator and a figure, "between" a figure,
# or "normal"; or at "More/Less than" a figure. Cut only inside a clause that a negation leads: read as one sentence,
# the "no" would govern the requirement (review round 12a N1).
_NAME_RULE = (r"[A-Z][A-Za-z0-9'/-]*(?:\s+(?!or\b|and\b|to\b|for\b|of\b|within\b|during\b|over\b|after\b|before\b|"
              r"since\b|with\b)(?:[a-z(][\w()'/-]*|[A-Z]{2,6}\b)){0,4}\s*(?:" + _CMP + r"\s*[-+]?\.?\d|between\s+[-+]?\.?\d|"
              r"(?:within\s+)?normal(?:\s+limits)?\s*(?:$|[.;,(])|WNL\b)")
# (a hepatitis letter ends a line too: "No active hepatitis B or C Liver biopsy normal", NCT00003679, read "You have no
# active hepatitis B or C Liver biopsy normal"; review r18)
_HEPATITIS_LETTER = r"(?:(?<=\b[Hh]epatitis )|(?<=\bor )|(?<=\band ))[A-E]"
_HEPATITIS_END = re.compile(r"\bhepatitis\s+[A-E](?:\s*(?:,|or|and|and/or)\s*[A-E])*$", re.I)
_NEGATED_RUNON = re.compile(r"(?:(?<=[a-z0-9%)])|(?<=" + _HEPATITIS_LETTER + r"))\s+(?=" + _NAME_RULE
                            + r"|(?:More|Less|Greater|Fewer)\s+than\s+\.?\d)")
# a test result that a PDQ line states ("HIV negative", "Hepatitis B surface antigen negative", "PPD skin test
# negative"): run on after a negated line ("No other severe medical disease HIV negative", NCT00003944; 71 items) it read
# "You have no … HIV negative", the opposite of the rule (review r18 #1). Cut before it, after any word that ends the
# line (also a capitalized one: "No AIDS HIV negative"), when the result ends its line too (not "HIV negative partner",
# "HIV positive will be included"; "HIV negative within 6 months" does) and the line before is not a list the name ends ("Direct antiglobulin test or
# direct Coombs test negative", "HIV or hepatitis BsAg positive"). Its name is capitalized words, figures, a bracket and a test's own words only, so
# the cut is made before the name's first word ("vitamin B12 deficiency HIV negative" is not cut before "B12").
_TEST_WORDS = (r"surface|core|e|antigens?|antibod(?:y|ies)|virus|viral|load|tests?|testing|type|serology|status|screen(?:ing)?|"
               r"skin|complex|receptors?|hepatitis|anti-?[a-z]+|by\s+[A-Z]{2,6}")
_RESULT_NAME = (r"[A-Z][A-Za-z0-9'/-]+(?:,?\s+(?:(?:and|or|and/or)\s+)?(?:[A-Z0-9][A-Za-z0-9'/-]{0,8}\b|\([^()]{1,24}\)|"
                r"(?:" + _TEST_WORDS + r")\b)){0,6}?\s+(?:sero)?(?:negative|positive)\b")
_RESULT_END = r"(?=\s*(?:$|[.;,(]|[A-Z]|(?:within|for|since|at|on|by|as|in)\b))"
_RESULT_AHEAD = re.compile(r"(?<=[A-Za-z0-9%)])\s+(?=" + _RESULT_NAME + _RESULT_END + ")")
_RESULT_RULE = _RESULT_NAME + _RESULT_END   # (still glued where no cut could be made)
# what such a clause still carries when no cut could be made (a name and a rule word after a lowercase word, outside
# brackets): "No heart failure Ejection fraction required"
_GLUED_RULE = re.compile(r"(?:[a-z0-9%)]|" + _HEPATITIS_LETTER + r")\s+[A-Z][a-z]+(?:\s+(?:[a-z]+|[A-Z]{2,6}\b)){0,4}\s+(?:at\s+least|at\s+most|more\s+than|"
                         r"less\s+than|greater\s+than|between|required|allowed|must|normal|\d)"
                         r"|[A-Za-z0-9%)]\s+" + _RESULT_RULE)
_SUBJECT_AHEAD = re.compile(r"(?<=[a-z])\s+(?=(?:[A-Z][a-z]+\s+(?:patients?|subjects?|participants?|women|men)|"
                            r"Patients?|Subjects?|Participants?|Women|Men)\s+(?:must|should|will|need)\b)")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# "a maximum of 1 TAXUS stent ≤16 mm", "at least 2 CD4 cell counts over 200", "as shown by 3 PSA
# measurements": a count of the next noun, not a value ending a statement
_COUNT_OF = re.compile(r"(?:\bof\s+\d+|\b(?:by|at least|at most)\s+\d)$")


# the next item's own number or letter ("5) Able to …", "(c) Positive serum …": was cut into "(c). Positive …")
_LIST_NUMBER = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[A-Za-z]|[ivx]{2,4})\)$")


def _list_mark(before: str) -> bool:
    """Does `before` end with a list item's mark ("5)", "(c)", "b)")? Not a bracket's close: "(such as cyclosporine or
    vitamin K) No weight loss …" ends a line at "K)"."""
    m = _LIST_NUMBER.search(before)
    return bool(m) and (m.group(0).lstrip().startswith("(") or _depth(before[:m.start()]) <= 0)
_LEAD_LABEL = re.compile(r"^[A-Z][A-Za-z/ -]{1,30}:")


def _opens_list(before: str) -> bool:
    """A colon other than a leading label ("Hepatic:") opens a list whose items share its scope."""
    label = _LEAD_LABEL.match(before)
    if label and not _OPENS_LIST.search(label.group(0)[:-1]) and not re.search(r"\b(?:any|these|all|each)\b", label.group(0), re.I):
        before = before[label.end():]
    return ":" in before or bool(_OPENS_LIST.search(before))


def _depth(text: str) -> int:
    return text.count("(") + text.count("[") - text.count(")") - text.count("]")


def _title_case(text: str) -> bool:
    """Headline-style items ("History Of Stroke No Prior Surgery") have no sentence signal in capitals."""
    words = re.findall(r"\b[A-Za-z][a-z]+\b|\b[A-Z][a-z]+\b", text)
    return len(words) >= 4 and len(_TITLE_WORD.findall(text)) > 0.5 * len(words)


# people named as one more thing of a list that a negation leads ("No history of …; stroke; epilepsy; subjects
# requiring regular medication, and subjects …", NCT00001972): a statement of their own only with a verb of their own
# ("…; patients with prior cancers must be disease-free"); "to have taken" is not one
_LEADING_NEGATION = re.compile(r"^\W*(?:[A-Z][A-Za-z/ -]{1,30}:\s*)?(?:no|not|none|never|without|free\s+of|absence\s+of)\b",
                               re.I)
_PEOPLE = re.compile(r"(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|women|men|females?|males?)\b",
                     re.I)
_FINITE = re.compile(r"(?<!\bto )\b(?:must|should|shall|will|may|can|cannot|are|is|were|was|have|has|had|need|needs|"
                     r"agree|agrees)\b", re.I)


# a verb that goes on what "Inability to …", "Unwilling to …" leads: "Inability to read or understand study forms; agree
# to informed consent." (NCT00000439) was "… You agree to informed consent" under "You cannot join if…" (plain13)
_UNABLE_TO = re.compile(r"^\W*(?:[A-Z][A-Za-z/ -]{1,30}:\s*)?(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+"
                        r"(?:(?:is|are)\s+)?)?(?:inability|unable|unwilling(?:ness)?|not\s+(?:able|willing)|refus\w*|"
                        r"fail\w*)\s+to\b", re.I)
_GOES_ON = re.compile(r"(?:agree|consent|comply|cooperate|adhere|give|sign|provide|follow|attend|complete|return|"
                      r"undergo|understand|read|be\s+(?:available|followed|compliant))\b")


def _semicolon_ok(before: str, after: str) -> bool:
    after = after.lstrip()
    if not after or _depth(before) > 0 or _JOINER.match(after) or _opens_list(before):
        return False
    if _GOES_ON.match(after) and _UNABLE_TO.match(before):
        return False   # (lower case only: "Unable to walk; Able to …" is a rule of its own)
    if _LEADING_NEGATION.match(before) and _PEOPLE.match(after) and not _FINITE.search(after):
        return False   # (the cut would move them out of the negation: "… epilepsy. Subjects needing regular medicine")
    if _STRONG.match(after) or (_WEAK.match(after) and not _SCOPED.search(before)):
        return True
    if _SCOPED.search(before):
        return False
    return bool(_MEASURE.match(after) and re.search(_CMP + r"\s*[-+]?\.?\d", before, re.I))


_TWO_CMPS = re.compile(r"(?:[<>≤≥]|\bthan\b|\bat (?:least|most)\b).*(?:[<>≤≥]|\bthan\b|\bat (?:least|most)\b)", re.S)
_MODAL = re.compile(r" (?:must|should|will|need)\b")


# a word that qualifies the people after it, alone ahead of the cut: "Only Caucasian patients will be included."
# (NCT00005569) was "Only. Caucasian patients will be included.", "All Subjects will undergo …" (NCT00004577) "All. You
# will have …": the restriction cut off from what it restricts
_LONE_QUALIFIER = re.compile(r"^\W*(?:only|all|any|each|every|both|either|some|most|many|few|these|those|such)\W*$", re.I)


def _runon_cuts(text: str) -> list[int]:
    """Cut positions (start of the next statement) inside a PDQ run-on."""
    # cheap tests first: most items have none of the three signals
    rxs = [rx for rx, signal in ((_CAP_NO, any(w in text for w in _CAP_NO_SIGNALS)),
                                 (_AFTER_QTY, bool(_TWO_CMPS.search(text))),
                                 (_SUBJECT_AHEAD, bool(_MODAL.search(text))),
                                 (_AFTER_CONTRACEPTION, "contraception " in text)) if signal]
    negation = bool(_LEADING_NEGATION.search(text) or " No " in text or " Not " in text)
    negated = negation and bool(re.search(r"(?:[a-z0-9%)]|\b[A-E]) (?:[A-Z][a-z]|WNL)", text))
    result = negation and ("negative" in text or "positive" in text)
    if not (rxs or negated or result) or _title_case(text):
        return []
    cuts: list[int] = []
    for rx in rxs:
        for m in rx.finditer(text):
            before = text[:m.end()].rstrip()
            if _depth(before) > 0 or _FUNCTION_WORD.search(before) or _opens_list(before) \
                    or _LEADING_CONDITION.match(before) or _LONE_QUALIFIER.match(before):
                continue
            if rx is _AFTER_QTY and _COUNT_OF.search(before):
                continue
            if rx is _CAP_NO and _list_mark(before):
                continue   # "… stable residence 5) Able to …", "…, (c) Positive …": the next item's own mark, not an end
            nxt = text[m.end():m.end() + 4]
            if nxt.startswith(("OR ", "AND")):
                continue
            cuts.append(m.end())
    if negated or result:
        cuts.extend(_negated_runon_cuts(text, cuts, negated))
    return sorted(set(cuts))


# a word that leads a name rather than ending a clause ("No prior Hodgkin lymphoma more than 5 years ago")
_MODIFIER = re.compile(r"\b(?:prior|previous|known|active|current|concurrent|recent|significant|severe|other|"
                       r"uncontrolled|chronic|acute|symptomatic|untreated|treated|clinical|documented|major|serious|any|"
                       r"invasive|primary|metastatic|malignant|ongoing|recurrent|human|congestive|suspected|confirmed|"
                       r"no|not|evidence|history)$", re.I)


def _content_word_before(before: str) -> bool:
    """The cut follows a lowercase word that is not a function word (not "Hodgkin Disease", not "of Bilirubin")."""
    return (bool(re.search(r"(?:^|[\s(])(?:[a-z][\w'-]*|[\w-]*\d[\w%-]*|\S*\))$", before))
            and not _FUNCTION_WORD.search(before) and not _MODIFIER.search(before)) or bool(_HEPATITIS_END.search(before))


# a name list that the result's name ends: "… corticosteroids Direct antiglobulin test or direct | Coombs test negative",
# "Not HIV or hepatitis | BsAg positive"
_NAME_LIST_BEFORE = re.compile(r"(?:^|\s)(?!(?:to|of|with|for|in|on|by|and|or|the|a|an)\s)\S*[a-z0-9)]\s+(?!(?:No|Not)\b)[A-Z][A-Za-z0-9'/-]*(?:\s+[^\s;:]+){0,4}?\s+(?:or|and|and/or)\s+\S+$")


def _ends_line(before: str) -> bool:
    """The text before a stated result ends a line: a word (of any case: "No AIDS HIV negative") that is neither a
    function word, one that leads a name ("No known HIV positive") nor people the result is said of ("No NHL patient
    HIV positive …")."""
    return bool(re.search(r"[\w)%]$", before)) and not _FUNCTION_WORD.search(before) and not _MODIFIER.search(before) \
        and not re.search(r"\b(?:patients?|subjects?|participants?|individuals?|persons?|people|women|men|donors?|"
                          r"partners?|presumed|documented|confirmed)$", before, re.I) \
        and not _NAME_LIST_BEFORE.search(before)


def _negated_runon_cuts(text: str, cuts: list[int], rules: bool = True) -> list[int]:
    """Cuts before the next rule or a stated result inside a clause led by a negation (see _NEGATED_RUNON,
    _RESULT_AHEAD); `rules=False`: results only."""
    out: list[int] = []
    found = [*(_NEGATED_RUNON.finditer(text) if rules else ()), *_RESULT_AHEAD.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        start = max([c for c in cuts + out if c <= m.start()], default=0)
        before = text[:m.start()].rstrip()
        ends = _content_word_before(before) if m.re is _NEGATED_RUNON else _ends_line(before)
        if not _LEADING_NEGATION.match(text[start:m.start()]) or _depth(before) > 0 \
                or not ends or _opens_list(before[start:]):
            continue
        out.append(m.end())
    return out


def glued_negation(clause: str) -> bool:
    """A clause led by a negation that still runs on into a rule of its own, which no cut could part
    ("No heart failure Ejection fraction required"): said to the reader, "You have no …" would govern the rule."""
    if not _LEADING_NEGATION.match(re.sub(r"^(?:[A-Z][A-Za-z/ -]{1,30}:\s*)+", "", clause)):
        return False   # (after its labels: "Other: Aplastic anemia patients: No uncontrolled diabetes … HIV negative")
    return any(_depth(clause[:m.start()]) == 0 and (_content_word_before(clause[:m.start() + 1])
                                                   or (m.group(0)[0].isupper() and _ends_line(clause[:m.start() + 1])))
               for m in _GLUED_RULE.finditer(clause))


def split_clauses(text: str) -> list[str]:
    """The item cut into statements (see module docstring); one element when no cut is safe."""
    parts: list[str] = []
    pieces = text.split(";")
    acc = pieces[0]
    for nxt in pieces[1:]:
        if _semicolon_ok(acc, nxt):
            parts.append(acc.strip())
            acc = nxt
        else:
            acc = acc + ";" + nxt
    parts.append(acc.strip())
    out: list[str] = []
    for p in parts:
        cuts = _runon_cuts(p)
        start = 0
        for c in cuts:
            out.append(p[start:c].strip())
            start = c
        out.append(p[start:].strip())
    return [p for p in out if p]
