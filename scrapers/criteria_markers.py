"""How a line of eligibility text announces itself: list markers ("1.", "(8)", "a)", "•"),
section headings ("Key inclusion criteria", "DISEASE CHARACTERISTICS:", "Who May Qualify:")
and labels ("Prior Medication:", "Excluded:", "…, except:"). Used by scrapers.criteria; the numbering of run-on
lists ("… 2. … 3. …" inside one line) is scrapers.criteria_runon's."""

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



def continues_list(marker: str, own: str) -> bool:
    """Is `marker` ("2)") the next of the list `own` ("1)") numbers: the same style, and the next number or letter
    where both have one? A bracket closer a hard wrap left at a line's start is read as such a list's marker, not
    as the closer (criteria_blocks._bracket_wrapped, reconcile/bracket_closers)."""
    style, n = marker_style(marker)
    own_style, own_n = marker_style(own)
    return style == own_style and (n is None or own_n is None or n == own_n + 1)

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


# "ELIGIBLITY FOR WHOLE EXOME/GENOME SEQUENCING:" (NCT00001392): a heading, one letter off
_NEAR_ELIGIBILITY = re.compile(r"\b(el[A-Za-z]{7,10})\b", re.I)


def _spelt_right(m: re.Match) -> str:
    word = m.group(1)
    for right in ("inclusion", "exclusion", "eligibility"):
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


# A heading that says whom its list is for at length, past the twelve words allowed a heading otherwise: "INCLUSION
# CRITERIA FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION RITUXIMAB AND CYCLOSPORINE:" (NCT00001392),
# "Inclusion Criteria (The following are general criteria; detailed criteria are included in the study protocol):"
# (NCT00490321), both hard-wrapped onto a second line by the record. The section word starts it and its colon ends
# it; words for whom it is for say nothing of the criteria ("… criteria for Part B are the same as …:" is a sentence)
_LONG_HEADING = re.compile(r"(?:(?:key|main|general|additional|specific)\s+)?(?P<kind>inclusion|exclusion)\s+criteria"
                           r"(?:\s+for\s+(?P<whom>[^:;.]{1,110}?)|\s*\([^()]{1,110}\))\s*:", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|will|would|must|should|shall|may|can|could|be|been|has|have|had|do|does|"
                   r"include[sd]?|apply|applies|meets?|met|listed|same)\b", re.I)

# "Exclusions" for "Exclusion Criteria", standing as a heading line: "III.VI. STUDY EXCLUSIONS:" (NCT00001350, its
# exclusion read as an inclusion), "Exclusions:" after "Inclusion:" (NCT00000569), "EXCLUSIONS - NORMAL VOLUNTEERS:"
# (NCT00001206), "Exclusions" over a PDQ record's "Prior malignancies except:" (NCT00006110). Up to two words before it
# that name the kind ("Medical exclusions:", "Other Exclusions"), a qualifier after a dash or "for" with its colon; not
# an item's words ("Exclusions related to medications", "Study exclusions included:", "noted under exclusions.")
_PLURAL_HEADING = re.compile(r"(?P<before>(?:[A-Za-z][\w/&-]*\s+){0,2})(?P<kind>inclusion|exclusion)s"
                             r"(?:\s*:|(?:\s*[-–—]\s*|\s+for\s+)[^:]{1,40}:)?", re.I)
_KIND_WORD = {"other", "additional", "further"}   # (sentence words elsewhere, a heading's here: "Other Exclusions:")


def _named_heading(t: str) -> str | None:
    """'inclusion'/'exclusion' for a heading header_kind's general rule does not read: a long one naming whom its list
    is for (_LONG_HEADING), or one saying "Exclusions" (_PLURAL_HEADING)."""
    long = _LONG_HEADING.fullmatch(t)
    if long and len(t) <= 160 and not _VERB.search(re.sub(r"\([^()]*\)", "", long.group("whom") or "")):
        return long.group("kind").lower()
    plural = _PLURAL_HEADING.fullmatch(t)
    if plural and t[:1].isupper() and not any(_SENTENCE_WORD.fullmatch(w) and w.lower() not in _KIND_WORD
                                               for w in plural.group("before").split()):
        return plural.group("kind").lower()
    return None


def _heading_text(line: str) -> str:
    """A line as a heading says it: without its bullet, outline number, emphasis or stop, its section word spelt right."""
    t = _NEAR_ELIGIBILITY.sub(_spelt_right, _NEAR_SECTION_WORD.sub(_spelt_right, line.strip().strip("*_#").strip()))
    t = re.sub(r"^[-–—•*]+\s*|\s*[-–—]+$", "", t)
    # "III.6 EXCLUSION CRITERIA", "III.II. INITIAL EVALUATION INCLUSION CRITERIA FOR …:", "D) Other…"
    t = re.sub(r"^(?:[IVX]+\.)?\d+(?:\.\d+)*\.?\s+|^[IVX]+\.(?:[IVX]+\.)*\s+|^[A-H][.)]\s+", "", t)
    if t[:1].isupper() and _HEADING_WITH_STOP.fullmatch(t):
        t = t[:-1]   # "Exclusion criteria." is a heading too
    return t


def named_heading(line: str) -> str | None:
    """'inclusion'/'exclusion' for a line that is a long or an "Exclusions" heading (_named_heading): the page side
    reads such a line, alone, as header_kind does the record's (scrapers.sites._criteria_lists)."""
    return _named_heading(_heading_text(line))


def header_kind(line: str) -> str | None:
    """'inclusion' / 'exclusion' / 'pdq' / 'generic' if the line is a section heading, else None."""
    marked = split_marker(line.strip())[0] is not None   # (a bullet: "* Stable relationship Exclusion Criteria:")
    t = _heading_text(line)
    named = _named_heading(t)
    if named:
        return named
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
    # (words, not a dash or "&" between them: "Angiographic Exclusion Criteria - Phases 1 & 2" is six, NCT00497367)
    if not t.endswith(":") and len([w for w in words if re.search(r"\w", w)]) > 7:
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
        return "inclusion" if _ELIGIBILITY_FOR.fullmatch(t) and (not marked or t.isupper()) else "generic"
    return None


# "ELIGIBILITY FOR WHOLE EXOME/GENOME SEQUENCING:" after NCT00001392's exclusions, "Eligibility Criteria for
# Re-registration for Patients Randomized Pre-operatively:" after NCT00002525's: who may join a part of the study, so
# its list is an inclusion one (read as "generic", it stayed in the exclusions: "Age at least 18 years" shown as a
# reason to stay out). Not an item's label with its bullet ("- Eligibility for other transplant types:" over
# NCT00005988's exclusions), unless in capitals as the record's headings are
_ELIGIBILITY_FOR = re.compile(r"eligibility(?:\s+(?:criteria|requirements?))?\s+for\s+[^:]{1,90}:", re.I)


def eligibility_only(line: str) -> bool:
    """Is the heading `line` about eligibility and neither list ("ELIGIBILITY OF SPECIAL POPULATIONS", NCT00001539:
    who of the children may join, and that pregnant women may not)? After an exclusion list its items are neither
    the list's nor surely the other's (scrapers.criteria puts them with the unplaced). Not an item's label with its
    bullet ("- Eligibility for other transplant types:", NCT00005988), unless in capitals as the record's headings are."""
    t = _heading_text(line)
    marked = split_marker(line.strip())[0] is not None or line.strip()[:1] in "-–—•*"
    return (bool(re.search(r"\beligib", t, re.I)) and not re.search(r"inclu|exclu", t, re.I)
            and (not marked or t.isupper()))


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
# the other list's heading run into an item's very end with no stop before it ("… completion of study therapy Exclusion
# Criteria", NCT00493025; "Height - 5.0 feet - 6feet 4 inches Exclusion Criteria", NCT00491777): written as headings
# are, in Title Case or capitals, after a word of the item (see run_on_heading)
_RUN_ON_HEADER = re.compile(r"(?<=[\w)%])\s+(?P<head>(?:(?:Key|Main|Study)\s+)?(?:Inclusion|Exclusion)\s+Criteria|"
                            r"(?:(?:KEY|MAIN|STUDY)\s+)?(?:INCLUSION|EXCLUSION)\s+CRITERIA)$")


def run_on_heading(text: str) -> tuple[str, str] | None:
    """(the item, the heading) for a text that ends in a heading with no stop before it (_RUN_ON_HEADER), after three
    words or more of the item; not a reference to a list ("Meets none of the Exclusion Criteria", "… Other Exclusion
    Criteria": the word before it is a sentence's). Whether it opens a list is the caller's to say (criteria_blocks)."""
    m = _RUN_ON_HEADER.search(text)
    if m is None:
        return None
    words = text[: m.start()].split()
    if len(words) < 3 or _SENTENCE_WORD.fullmatch(words[-1].strip("(),;:")):
        return None
    return text[: m.start()].rstrip(), m.group("head")


# PDQ field labels that start an item inside a flattened PDQ paragraph ("Age: 18 and over Sex: Female").
_PDQ_LABELS = (
    "Age|Sex|Race|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hematologic|Hepatic|Renal|"
    "Cardiovascular|Pulmonary|Neurologic|Neurological|Immunologic|Metabolic|Gastrointestinal|Endocrine|Other|"
    "Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery|Hormone receptor status|Prior Treatment|"
    "Induction therapy|Postinduction therapy|Cardiac|Infection|Psychiatric"
)
PDQ_LABEL = re.compile(r"(?:(?<=\s)|(?<=^))(?:" + _PDQ_LABELS + r")\s*:(?=\s|$)", re.I)


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
# except:" (NCT07635758) over the cancers that keep no one out; also "No other prior malignancy except for the
# following:", "… allowed … except for these:" (NCT00006246), "… except for any combination of the following:"
# (NCT00460031), and a qualifier after the except-phrase: "Concurrent toxicity must be ≤ grade 2 except for the
# following, which may be grade 3:" (NCT00004004: "Hypomagnesemia" was "You have hypomagnesemia" under "You may be able
# to join if…", unmarked; r49 F4)
_EXCEPT_THESE = r"(?:the\s+following|these|any\s+(?:combination\s+)?of\s+(?:the\s+following|these))"
EXCEPT_LABEL = re.compile(rf"[,;(]?\s*\b(?:except(?:\s+for)?(?:\s+{_EXCEPT_THESE})?|excluding|other\s+than|"
                          r"with\s+the\s+exception\s+of)\s*:?\s*$"
                          rf"|[,;(]?\s*\bexcept(?:\s+for)?\s+{_EXCEPT_THESE}\b[^:]{{1,80}}:\s*$", re.I)

# a sub-item of such a label that is a rule of its own, not an exception: old PDQ records nest the rules after the
# exceptions under the label ("No second malignancy within past 5 years except: / Curatively treated carcinoma of the
# cervix / … / No uncontrolled infection … / Not pregnant or nursing / Fertile patients must use effective
# contraception", NCT00002745). No exception in the corpus's 46 such lists starts with a negation or says "must"
RULE_OF_ITS_OWN = re.compile(r"^\W*(?:no|not|none|negative)\b|\b(?:must|should|shall)\b", re.I)
