"""How a line of eligibility text announces itself: list markers ("1.", "(8)", "a)", "•"),
section headings ("Key inclusion criteria", "DISEASE CHARACTERISTICS:", "Who May Qualify:")
and the numbering of run-on lists ("… 2. … 3. …" inside one line). Used by scrapers.criteria."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

# --------------------------------------------------------------------------- markers

_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_LINE_MARKER = re.compile(
    r"""^(?:
        (?P<bullet>[*•●▪◦‣∙\-–—+·■□➢►✓o])(?=\s)        # bullets (o only when followed by space)
      | (?P<num>\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}[、．](?!\d))
      | (?P<alpha>\(?[A-Za-z]{1,4}[.)]|\([A-Za-z]{1,4}\))(?=\s)
    )\s*""",
    re.X,
)


def marker_style(marker: str) -> tuple[str, int | None]:
    """("bullet"|"num"|"alpha"|"ALPHA"|"roman", ordinal) for a marker."""
    core = marker.strip("()[].)、．")
    if core.isdigit():
        return "num", int(core)
    if core.lower() in _ROMAN and len(core) > 1:
        return "roman", None
    if len(core) == 1 and core.isalpha():
        return ("alpha" if core.islower() else "ALPHA"), ord(core.lower()) - 96
    if core.lower() in _ROMAN:
        return "roman", None
    return "bullet", None


def split_marker(text: str) -> tuple[str | None, str]:
    m = _LINE_MARKER.match(text)
    if not m:
        return None, text
    marker = m.group("bullet") or m.group("num") or m.group("alpha")
    rest = text[m.end():]
    if m.group("alpha"):
        core = marker.strip("().")
        # "No." / "Dr." / "e.g." are words, not markers; multi-letter only if roman
        if len(core) > 1 and core.lower() not in _ROMAN:
            return None, text
        if not rest or not rest.strip():
            return None, text
    if m.group("bullet") == "o" and not rest[:1].isalnum():
        return None, text
    if not rest.strip() and marker not in ("*", "-", "•"):
        return None, text
    return marker, rest


# --------------------------------------------------------------------------- headers

_EXCL = re.compile(r"exclu|non[- ]?inclu|\bnot\s+(?:be\s+)?eligible|\bineligible|should\s+not\s+join|cannot\s+join|"
                   r"(?:may|can|will)\s+not\s+(?:be\s+able\s+to\s+)?(?:join|participate|take\s+part)", re.I)
_INCL = re.compile(r"inclu|\beligible\b|may\s+qualify|(?:may|can)\s+(?:be\s+able\s+to\s+)?(?:join|participate|take\s+part)", re.I)
_PDQ = re.compile(r"^(?:DISEASE\s+CHARACTERISTICS|PATIENT\s+CHARACTERISTICS|PRIOR\s*/?\s*CONCURRENT\s+THERAPY|"
                  r"PROTOCOL\s+ENTRY\s+CRITERIA|--\s*(?:Disease|Patient|Prior\s*/?\s*Concurrent)\s+(?:Characteristics|Therapy)\s*--)",
                  re.I)
_CRIT_WORD = re.compile(r"\b(?:inclusion|exclusion|non[- ]?inclusion|eligibility)\b(?:\s*(?:/|and|or|&)\s*(?:inclusion|exclusion))?"
                        r"(?:\s+(?:criteria|criterion|requirements?))?", re.I)
_ELIG_SENTENCE = re.compile(r"^(?:\w+(?:/\w+)?\s+){1,3}(?:may|will|must|can)\s+(?:not\s+)?(?:be\s+)?(?:eligible|able\s+to\s+join|join|qualify)\b"
                            r".{0,40}(?:if|when)\s+(?:they|you|he/she|she|he)\b.{0,20}:$", re.I)
_WHO = re.compile(r"^who\s+(?:may|can|should|should\s+not|cannot|may\s+not)\s+(?:qualify|join|participate)\b.{0,30}:?$", re.I)


# a line that goes on to say something about the criteria ("… not met", "… may apply"); not "… are as follows"
_ABOUT_CRITERIA = re.compile(r"\s+(?:not|(?:are|is)(?!\s+as\s+follows)|must|should|will|were|was|may|might|can|could|also|met|"
                             r"unmet|fulfilled|apply|applies|satisfied|above|in\s+section)\b", re.I)


# what may follow a bare "Inclusion"/"Exclusion" in a heading: "(all patients)", "for Part A", "- Cohort 2"
_QUALIFIER = re.compile(r"\s*(?:\(|for\b|in\b|[-–—]|of\b|:|$)", re.I)
_HEADING_WITH_STOP = re.compile(r"(?:(?:key|main|major|study)\s+)?(?:inclusion|exclusion|eligibility)\s+criteria\.", re.I)


# a misspelt section word before "criteria" ("Exlcusion Criteria:", "Inclusioin criteria:", NCT00005778): the
# heading still opens its section; unread, the exclusions would be shown as plain "mentioned" text
_NEAR_SECTION_WORD = re.compile(r"\b([A-Za-z]{7,11})(?=\s+criteria\b)", re.I)


def _spelt_right(m: re.Match) -> str:
    word = m.group(1)
    for right in ("inclusion", "exclusion"):
        if word.lower() != right and OSA.distance(word.lower(), right) == 1:   # (one letter off, or two swapped)
            return right.upper() if word.isupper() else right.capitalize() if word[:1].isupper() else right
    return word


# a heading that names its group in three words before the section word, on a line of its own without a bullet:
# "Erectile dysfunction cohort Inclusion Criteria:" (NCT05868668), "General Safety & Laboratory Exclusion Criteria"
# (NCT00498368), "Intra-surgery (tissue explant/sequestrectomy) Exclusion Criteria" (NCT01640457). Unread, the group's
# name was a criterion of its own ("Erectile dysfunction cohort" an inclusion item) or a parent item holding the list.
# Not a sentence about the criteria (a word of one: "Failure to meet inclusion criteria", "Patients who meet the
# following criteria:", "For the MRI, the following exclusion criteria apply:"), nor an item with a heading after it
# (a bullet: "* Stable heterosexual relationship Exclusion Criteria:", NCT00668135)
_SENTENCE_WORD = re.compile(
    r"(?:the|an?|to|of|in|on|at|by|for|from|with|without|who|whom|which|that|this|these|those|all|any|each|every|no|"
    r"not|none|nor|or|if|as|than|per|must|should|shall|will|would|may|might|can|could|is|are|was|were|be|been|has|"
    r"have|had|do|does|did|meets?|meeting|met|fulfil\w*|satisf\w*|following|above|below|listed|other|further|"
    r"additional|same|see|also|patients?|subjects?|participants?|individuals?|eligible|ineligible|apply|applies)",
    re.I)


def _names_a_group(t: str, m: re.Match) -> bool:
    """Do the three words before the section word name the heading's group (see _SENTENCE_WORD), the heading ending
    the line (its colon, or a bracket of what it says of its list)?"""
    before = t[: m.start()]
    return (len([w for w in before.split() if re.search(r"\w", w)]) <= 3 and t[:1].isupper()
            and not re.search(r"[.;:,!?]", before)
            and not any(_SENTENCE_WORD.fullmatch(w) for w in re.split(r"[\s/()&-]+", before))
            and re.fullmatch(r"\s*(?:\([^()]{1,60}\))?\s*:?\s*", t[m.end():]) is not None)


# the other list's heading run into the end of a page's item: "Stable heterosexual relationship Exclusion Criteria:"
# (NCT00668135's own line, an inclusion) and the words before it; a group's name ends in a word for the group
# ("Erectile dysfunction cohort Exclusion Criteria:", "Healthy Controls Exclusion Criteria:")
_RUN_IN = re.compile(r"(?P<item>.*?\S)\s+(?:(?:key|main|major|other|additional)\s+)?(?P<kind>inclusion|exclusion)\s+"
                     r"criteria(?:\s*\([^()]{1,60}\))?\s*:?", re.I)
_GROUP_NOUN = re.compile(r"(?:cohorts?|groups?|arms?|parts?|phases?|stages?|populations?|controls?|volunteers?|"
                         r"participants?|patients?|subjects?|donors?|recipients?|partners?|parents?|caregivers?|"
                         r"children|famil(?:y|ies)|clinics?|sites?|stud(?:y|ies)|strat(?:um|a))", re.I)


def item_before_heading(text: str, section: str) -> str | None:
    """The item of a page's `section` list ("inclusion"/"exclusion") that runs the other list's heading into its end,
    after three words or more ("Stable heterosexual relationship Exclusion Criteria:" among the inclusions): the
    record's own bulleted line is read so (an item, the heading after it), and read as a heading on the page side the
    item was "left out" (review r33: 49 of 149 real last inclusions so shown). None for a heading: of its own list
    ("Erectile dysfunction cohort Inclusion Criteria:"), or naming a group ("… cohort Exclusion Criteria:")."""
    m = _RUN_IN.fullmatch(text.strip())
    if m is None or m.group("kind").lower() == section:
        return None
    words = [w.strip("():,;.") for w in m.group("item").split() if re.search(r"\w", w)]
    return m.group("item") if len(words) >= 3 and not _GROUP_NOUN.fullmatch(words[-1]) else None


def header_kind(line: str) -> str | None:
    """'inclusion' / 'exclusion' / 'pdq' / 'generic' if the line is a section heading, else None."""
    marked = split_marker(line.strip())[0] is not None   # (a bullet: "* Stable relationship Exclusion Criteria:")
    t = _NEAR_SECTION_WORD.sub(_spelt_right, line.strip().strip("*_#").strip())
    t = re.sub(r"^[-–—•*]+\s*|\s*[-–—]+$", "", t)
    # "III.6 EXCLUSION CRITERIA", "III.II. INITIAL EVALUATION INCLUSION CRITERIA FOR …:", "D) Other…"
    t = re.sub(r"^(?:[IVX]+\.)?\d+(?:\.\d+)*\.?\s+|^[IVX]+\.(?:[IVX]+\.)*\s+|^[A-H][.)]\s+", "", t)
    if t[:1].isupper() and _HEADING_WITH_STOP.fullmatch(t):
        t = t[:-1]   # "Exclusion criteria." is a heading too
    if not t or len(t) > 110 or t.endswith((".", ";", ",")) or re.match(r"(?:no|none|not)\b", t, re.I):
        return None
    if _PDQ.match(t) and (t.endswith(":") or t.endswith("--") or len(t) < 40):
        return "pdq"
    words = t.rstrip(":").split()
    if _ELIG_SENTENCE.match(t) or _WHO.match(t):
        return "exclusion" if _EXCL.search(t) else "inclusion"
    m = _CRIT_WORD.search(t)
    if not m or len(words) > 12:
        return None
    if not t.endswith(":") and len(words) > 7:
        return None
    # a heading names the section in its first words ("Key inclusion criteria for Part A")
    if len(t[: m.start()].split()) > 2 and (marked or not _names_a_group(t, m)):
        return None
    # ... and is not a sentence about the criteria: "Any inclusion criteria not met" is an exclusion item,
    # "Exclusion according to US PI" another
    if not t.endswith(":") and t[:1].islower() and t[m.end():].strip():
        return None   # a hard-wrapped line of an item: "inclusion criteria of the parent study and"
    if not t.endswith(":") and (_ABOUT_CRITERIA.match(t, m.end())
                                or (not m.group(0).lower().endswith(("criteria", "criterion", "requirement", "requirements"))
                                    and t[m.end():].strip() and not _QUALIFIER.match(t, m.end()))):
        return None
    low = t.lower()
    has_inc = bool(re.search(r"\binclusion\b", low)) and not re.search(r"non[- ]?inclusion", low)
    has_exc = bool(re.search(r"exclusion|non[- ]?inclusion", low))
    if has_inc and has_exc:
        return "generic"
    if has_exc:
        return "exclusion"
    if has_inc:
        return "inclusion"
    if re.search(r"\beligib", low) and (t.endswith(":") or len(words) <= 4):
        return "generic"
    return None


# Headings that appear inside a line (run-on pages, "…relationship Exclusion Criteria:", PDQ), with what they say of
# their list in brackets ("… for hyperammonemia Exclusion criteria (Parts A and B): Acute …", NCT00004307's hard wrap).
INLINE_HEADER = re.compile(
    r"(?:(?<=^)|(?<=\s))("
    r"(?:(?:Key|Main|KEY|MAIN|Major|Other|Additional)\s+)?(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)\s+(?:[Cc]riteria|CRITERIA)(?:\s*\([^()]{1,60}\))?(?:\s+(?:include|[Ii]s|[Aa]re))?\s*:"
    r"|Who\s+[Mm]ay\s+[Qq]ualify\s*:|Who\s+[Ss]hould\s+(?:NOT|[Nn]ot)\s+[Jj]oin(?:\s+[Tt]his\s+[Tt]rial)?\s*:"
    r"|DISEASE\s+CHARACTERISTICS\s*:|PATIENT\s+CHARACTERISTICS\s*:|PRIOR\s*/?\s*CONCURRENT\s+THERAPY\s*:|PROTOCOL\s+ENTRY\s+CRITERIA\s*:"
    r"|\A(?:inclusion|exclusion)\s+criteria\s*:"  # lower case only where a paragraph starts with it
    r")"
)

# a heading without a colon that a source ran into an item: at the end, after a full stop ("… informed
# consent. Exclusion Criteria", the exclusions then listed below it), or at the start of a paragraph
# before a full stop or a dash ("Study Exclusion Criteria. History of …", "EXCLUSION CRITERIA - Patients …")
_BARE_HEADING = r"((?:(?:Key|Main|Study|KEY|MAIN|STUDY)\s+)?(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)\s+(?:[Cc]riteria|CRITERIA))"
END_HEADER = re.compile(r"(?<=[.;!?])\s+" + _BARE_HEADING + r"\s*$")
START_HEADER = re.compile(r"^" + _BARE_HEADING + r"(?:\s*\.|\s+[-–—])\s+(?=\S)")


# PDQ field labels that start an item inside a flattened PDQ paragraph ("Age: 18 and over Sex: Female").
_PDQ_LABELS = (
    "Age|Sex|Race|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hematologic|Hepatic|Renal|"
    "Cardiovascular|Pulmonary|Neurologic|Neurological|Immunologic|Metabolic|Gastrointestinal|Endocrine|Other|"
    "Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery|Hormone receptor status|Prior Treatment|"
    "Induction therapy|Postinduction therapy|Cardiac|Infection|Psychiatric"
)
PDQ_LABEL = re.compile(r"(?:(?<=\s)|(?<=^))(?:" + _PDQ_LABELS + r")\s*:(?=\s|$)", re.I)


# --------------------------------------------------------------------------- run-on lists

# (never the digits after a decimal point or a thousands comma: "INR> 1.5, PT> ULN" is one item)
_RUNON = re.compile(
    r"(?:(?<=\s)|(?<=[;:.,]))(?<!\d\.)(?<!\d,)(\((\d{1,2})\)|(\d{1,2})[.)](?!\d)|(\d{1,2}),(?=\s+[A-Za-z]))(?=\s*[A-Za-z(\[\"'])"
)
_RUNON_ALPHA = re.compile(r"(?:(?<=\s)|(?<=[;:]))(\(([a-h])\)|([a-h])\))(?=\s*[A-Za-z(])")


# a sub-list's "1" right after its lead-in colon, whatever follows it: "… time frames: (1) 10-day period …; (2) …"
# (NCT03525262). _RUNON wants a letter after a marker, so without this the list was read from its "(2)" as items
# merged into the lead-in's; the groups are _RUNON's (its fourth, "n,", never matches here)
_SUBLIST_ONE = re.compile(r"(?:(?<=:)|(?<=:\s))(\((1)\)|(1)[.)](?!\d))()(?=\s)")


# "bilirubin < 2. ULN…": a number after a comparator or unit word is a value, not a list marker
_NUMBER_CONTEXT = re.compile(r"(?:[<>≤≥=×x*/+-]|\b(?:than|to|of|and|or|at least|at most|by|from|over|under|between|"
                             r"upto|up to|within|score|grade|stage|class|type|version|phase|level))\s*$", re.I)


def _num_of(m: re.Match) -> int:
    return int(m.group(2) or m.group(3) or m.group(4))


def _in_bracket(text: str, pos: int) -> bool:
    """Whether `pos` is inside a bracket opened in the same word: the "22)" of "t(9;22)". (Not any open bracket
    before it: "(8) Drug or alcohol abuse (subjects who … (40 proof) spirits); 9. Pregnant …" never closes one.)"""
    word = text[:pos].split()[-1:] or [""]
    return word[0].count("(") > word[0].count(")")


_CLOSES = {")": "(", "]": "["}


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of each bracket pair in `text`. A closer that does not match the innermost open
    bracket is skipped, and a bracket never closed spans nothing: one left open must not swallow the rest of the
    list ("(8) … (40 proof spirits; 9. Pregnant …")."""
    stack: list[tuple[str, int]] = []
    spans = []
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in _CLOSES and stack and stack[-1][0] == _CLOSES[ch]:
            spans.append((stack.pop()[1], i))
    return spans


def _sublist_first(text: str, cands: list[re.Match], nums: list[int], before: int) -> bool:
    """A list restarting at 1 right after a colon, with its 2 after it, begins before `before`."""
    return any(n == 1 and m.start() < before and text[: m.start()].rstrip().endswith(":") and 2 in nums[i + 1:]
               for i, (m, n) in enumerate(zip(cands, nums)))


def runon_chain(text: str, own: int | None) -> tuple[list[re.Match], str]:
    """Numbered markers inside `text` that continue a list: ("sibling"|"child", matches)."""
    # Never inside a bracket the word opened: "high-risk cytogenetics (t(9;22) or t(4;11))" is one item, not one
    # cut at "22)" (NCT00002718). Nor inside a bracket that closes after the number: "….( For recurrent diseases,
    # …, and 3. relapse occurs 6 months after the end of treatment)." is one item (NCT04007835); cut at its "3.",
    # the bracket's tail became an item of its own.
    spans = bracket_spans(text)
    marks = {m.start(): m for m in _RUNON.finditer(text)}
    marks.update({m.start(): m for m in _SUBLIST_ONE.finditer(text) if m.start() not in marks})
    cands = [m for _, m in sorted(marks.items()) if m.start() > 0 and not _in_bracket(text, m.start())
             and not any(a < m.start() and b >= m.end() for a, b in spans)]
    if not cands:
        return [], ""
    nums = [_num_of(m) for m in cands]
    # 1) continuation of this item's own number: 1. … 2. … 3. …
    if own is not None:
        chain, want = [], own + 1
        for m, n in zip(cands, nums):
            if n == want and not _NUMBER_CONTEXT.search(text[: m.start()]):
                chain.append(m)
                want += 1
        # (not when a list restarting at 1 after a colon comes first: "1. Received any of the following: 1. …;
        # 2. major surgery …" (NCT06029816) and "2. … insufficient response: (1) … (2) … (3) …" (NCT00463151) are
        # each one item with its sub-list; cut at the "2." or "(3)", the sub-list's tail read as the next item. The
        # only two such lines in the corpus, both sub-lists)
        if chain and not _sublist_first(text, cands, nums, chain[0].start()):
            return chain, "sibling"
    # 2) a sub-list starting at 1 inside the item: "For BPD: 1) … 2) …"
    for i, n in enumerate(nums):
        if n == 1 and (i + 1) < len(nums) and 2 in nums[i + 1:]:
            chain, want = [], 1
            for m, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(m)
                    want += 1
            return chain + _lettered_on(text, chain, spans), "child"
    # 3) a merged item whose next number follows a ';' or '.': "…positive; 6, the subject's…" (not inside a
    # bracket: "(presenting leukocyte count …, Karyotypes t9;22, t4, …)", NCT00001623)
    for i, m in enumerate(cands):
        before = text[: m.start()].rstrip()
        if (nums[i] >= 2 and before.endswith((";", ".")) and not before.endswith(("e.g.", "i.e.", "etc.", "vs."))
                and before.count("(") <= before.count(")")):
            chain, want = [], nums[i]
            for mm, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(mm)
                    want += 1
            return chain, "sibling"
    return [], ""


# a sub-item lettered where its number was due, after a ';': "…: 1. …; 2. …; c. …; d. …" (NCT06029816)
_LETTER_AFTER_SEMICOLON = re.compile(r"(?<=;)\s+(([a-z])[.)])(?=\s+[A-Za-z0-9(])")


def _lettered_on(text: str, chain: list[re.Match], spans: list[tuple[int, int]]) -> list[re.Match]:
    """A numbered sub-list's later sub-items lettered in its sequence: "1. …; 2. …; c. …; d. …" (NCT06029816, the
    only such list in the corpus), "c" being its third letter. Left in "2."'s text, "c. 4 times before the first dose
    …" and "d. within 7 days …" read as part of "major surgery". Each letter must come next and after a ';', out of
    any bracket."""
    out: list[re.Match] = []
    want = chr(ord("a") + len(chain))
    for m in _LETTER_AFTER_SEMICOLON.finditer(text, chain[-1].end()):
        if m.group(2) != want or any(a < m.start() and b >= m.end() for a, b in spans):
            continue
        out.append(m)
        want = chr(ord(want) + 1)
    return out


def alpha_chain(text: str) -> list[re.Match]:
    cands = [m for m in _RUNON_ALPHA.finditer(text) if m.start() > 0]
    chain, want = [], "a"
    for m in cands:
        letter = m.group(2) or m.group(3)
        if letter == want:
            chain.append(m)
            want = chr(ord(want) + 1)
    return chain if len(chain) >= 2 else []


def pieces(text: str, chain: list[re.Match]) -> tuple[str, list[tuple[str, str]]]:
    head = text[: chain[0].start()].strip()
    parts = []
    for i, m in enumerate(chain):
        end = chain[i + 1].start() if i + 1 < len(chain) else len(text)
        parts.append((m.group(1), text[m.end():end].strip()))
    return head, parts


# a label that qualifies the one above it and names no subject of its own: "Prior Medication:" / "Excluded:" /
# "Required:", "Concurrent Medication:" / "Allowed:", "Excluded within 30 days of study entry:" (scrapers.criteria
# nests it under the label with nothing under it that comes just before)
QUALIFIER_LABEL = re.compile(r"^(?:excluded|allowed|required|recommended|permitted|prohibited|not\s+(?:allowed|permitted))"
                             r"\b[^:]{0,60}:$", re.I)

# the categories the old AIDS trials' template sorts its qualifier labels under ("Concurrent Medication:" /
# "Allowed:" / … / "Excluded:"): the only labels over qualifiers in the shared corpus (2,298 times), and the only
# ones a qualifier still belongs to after items of their own ("Concurrent Medication:" / "Concomitant medications
# should be kept to a minimum." / "Excluded:", NCT00000716). "Patients must have:" / … / "Allowed:" keeps its
# qualifier beside it: the "Allowed:" there is about medication, not what patients must have
CATEGORY_LABEL = re.compile(r"^(?:co-?existing\s+conditions?|(?:prior|concurrent)\s+(?:medications?|treatments?)|"
                            r"risk\s+behaviou?rs?)\s*:$", re.I)


# an item whose sub-items are exceptions to it: "History of brain tumor or malignancy within the past 5 years, …,
# except:" (NCT07635758) over the cancers that keep no one out
EXCEPT_LABEL = re.compile(r"[,;(]?\s*\b(?:except(?:\s+(?:for|the\s+following))?|excluding|other\s+than|"
                          r"with\s+the\s+exception\s+of)\s*:?\s*$", re.I)

# a sub-item of such a label that is a rule of its own, not an exception: old PDQ records nest the rules after the
# exceptions under the label ("No second malignancy within past 5 years except: / Curatively treated carcinoma of the
# cervix / … / No uncontrolled infection … / Not pregnant or nursing / Fertile patients must use effective
# contraception", NCT00002745). No exception in the corpus's 46 such lists starts with a negation or says "must"
RULE_OF_ITS_OWN = re.compile(r"^\W*(?:no|not|none|negative)\b|\b(?:must|should|shall)\b", re.I)
