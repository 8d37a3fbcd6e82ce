"""Exclusion items the record words as requirements.

Some records list requirements under their exclusions: "No known hypersensitivity to human albumin" (NCT00495365),
"No prior chemotherapy", "Patients must have:", "Patients must not be receiving other investigational drugs", "Not
currently taking theophylline". Under "You cannot join if…" each
reads as excluding the people the trial wants (review round 12a: 263 "No …" items in 147 records). The item is shown
as the record words it (server.person leaves it unaddressed); `worded_as_requirement` marks it so the card and the
pages can say so beside it, instead of TrialLens guessing which of the two the record meant.

Items that read right under the heading are not marked: a lack ("No telephone", "Not able to give consent", "No
venous access"), a ban on people ("No pregnant women", "No patients with …"), what is allowed or who is enrolled ("No
concurrent chemotherapy is allowed", "No smokers will be included") and no criteria at all ("None", "Not applicable").
"""

from __future__ import annotations

import re

# the note beside a marked item, in the card (extension/lib/criteria.js WORDED_NOTE) and the service's pages
WORDED_NOTE = "The record lists this under reasons you cannot join, but words it as a requirement. Ask the study team which is meant."
# where a list has more than one such item, the note is said once above it and each item carries the mark: said beside
# each, it filled most of an open card on a phone, and a screen reader read it six times (NCT00495365; review r17)
WORDED_MARK = "Worded as a requirement"
WORDED_LIST_NOTE = ("Items marked \u201cWorded as a requirement\u201d: the record lists them under reasons you cannot join, "
                    "but words them as requirements. Ask the study team which is meant.")


def worded_count(items) -> int:
    """How many of `items` (Explained, or their dicts), with their sub-items, are marked worded_as_requirement."""
    def marked(it) -> bool:
        return bool(it.get("worded_as_requirement") if isinstance(it, dict) else it.worded_as_requirement)

    def children(it):
        return (it.get("children") if isinstance(it, dict) else it.children) or []
    return sum(marked(it) + worded_count(children(it)) for it in items or [])


_LABEL = re.compile(r"^\W*[A-Z][A-Za-z/ -]{1,30}:\s+(?=\S)")   # "Prior therapy: No prior chemotherapy"
# an item that opens with a negation ("No …", "Not …"): server.person leaves such an exclusion unaddressed, and this
# module asks which of them are requirements
NEGATED = re.compile(r"^\W*(?:no|not|none|never|neither)\b", re.I)
_FIRST_SENTENCE = re.compile(r"[.;]\)?(?:\s|$)|\.(?=[A-Z][a-z])")

# no criteria: "None", "Not applicable", "No specific exclusion criteria", "Not meeting inclusion criteria"
_NO_CRITERIA = re.compile(r"^\W*(?:none\b|not\s+(?:applicable|specified|identified)\b)|\b(?:in|ex)clusion\s+(?:criteria|conditions)\b", re.I)
# the item has its own verb of who may join or what is allowed: "No concurrent chemotherapy is allowed", "No smokers or
# tobacco users will be included", "Not allowed within 2 weeks prior to study entry:", "No one will be excluded …"
_ADMISSION = re.compile(r"\b(?:allowed|permitted|prohibited|enrolled|included|entered|accepted|admitted|eligible|excluded|"
                        r"required|discriminated)\b", re.I)
# people barred: "No pregnant or breast-feeding women", "No patients with …", "No subjects unlikely to adhere …", "No
# females who are pre-menopausal", "No one under 18"
_PEOPLE = re.compile(r"^\W*no\s+(?:(?:other|known|current)\s+)?(?:(?:pregnant|breast-?feeding|lactating|nursing|"
                     r"pre-?menopausal|post-?menopausal|male|female|adult|healthy)\s+(?:or\s+\S+\s+)?)*"
                     r"(?:patients?|subjects?|participants?|volunteers?|individuals?|persons?|people|one|women|woman|"
                     r"men|man|females?|males?|children|child|smokers?|users?|minors?|prisoners?)\b", re.I)
# a lack, which excludes as worded: "No telephone", "No access to a working phone", "No venous access", "No mailing
# address", "No written informed consent", "No insurance for physiotherapy", "No carer to bring …", "No capacity to
# answer …", "No efficacious contraception", "No abstinence or no agreement to use …", "No measurable disease"
_LACK = re.compile(
    # (a word in brackets between: "No established (sexual) partner", NCT05883553; a response a treatment did not give:
    # "No reaction to PDE-5 inhibitors", a non-responder rule, NCT02587988; review r18)
    r"^\W*no\s+(?:(?:\w+|\([\w\s-]+\))\s+){0,2}?(?:(?:tele)?phones?|access|address|home|housing|transport(?:ation)?|insurance|coverage|"
    r"benefits?|carer|caregiver|support|consent|assent|agreement|capacity|possibility|availability|ability|"
    r"self-determination|provision|contraception|birth\s+control|abstinence|measurable|means|partner|spleen|cervix|uterus|"
    r"signal|exam|examination)\b|\bperformed\W*$"
    r"|^\W*no\s+(?:reaction|response|improvement|benefit)\s+to\s+(?:[\w-]+\s+){0,3}?(?:inhibitors?|drugs?|medicines?|"
    r"medications?|treatments?|therapy|therapies)\b", re.I)
# "Not …" is most often a lack ("Not able to …", "Not willing …", "Not expected to survive …", "Not residing in the
# U.S."); it is a requirement's wording when it says the reader is not taking, having or being something the
# trial rules out: "Not currently taking theophylline", "Not taken dapoxetine …", "Not pregnant", "Not have diabetes
# already", "Not receiving dialysis …" (but not "Not receiving ongoing medical care", a lack)
_NOT_REQUIREMENT = re.compile(
    r"^\W*not\s+(?:(?:currently|concurrently|simultaneously|now|presently|already)\s+)?(?:taken|taking|have|has|had|pregnant|breast-?feeding|"
    r"lactating|nursing|smoking|on\s+(?!(?:a|the)\b)|receiving\s+(?!(?:\w+\s+){0,2}care\b))", re.I)
# a requirement said as one: "Patients must have recovered from recent surgery", "Must be a nonsmoker", "Patient
# should be free of any other cancers" (not "Patients must not …", nor "… should be excluded if …")
_MUST = re.compile(
    r"^\W*(?:(?:all|the|eligible)\s+)?(?:(?:adult|female|male)\s+)?(?:(?:patients?|subjects?|participants?|volunteers?|"
    r"candidates?)\s+)?(?:must|should)\b(?!\s+(?:\w+\s+)?(?:not|no|never)\b)(?!\s+(?:\w+\s+)?be\s+excluded\b)", re.I)

# a requirement not to be, have or do something, said as one: "Patients must not be receiving other investigational
# drugs", "Subjects should have no dietary aberrations", "Must not have previously participated …", "Serum bilirubin
# must not exceed 1.2 x ULN" (96 exclusion items in 63 corpus records; plain16). Under "You cannot join if…", "You must not …" read as a double negative: marked as a
# "No …" requirement is, so the card says the record words it as a requirement. Its words (and its negation) stay;
# turning it into "You are receiving …" would say the record's rule the other way round, which the fidelity check
# rightly refuses. Not a verdict on who is let in ("Patients must not be enrolled if …", "… should not be excluded")
# in another study than this one: "in another trial", "in any other clinical study", "in a concurrent study", "join
# another study"
_IN_ANOTHER = (r"\s+(?:(?:in|into|on)\s+)?(?:(?:an?|any)\s+)?(?:other|another|concurrent|simultaneous|second|different|"
               r"additional|further|competing)\b")
_MUST_NOT = re.compile(
    # (what must not be: the reader, "Female partners", "Serum bilirubin must not exceed 1.2 x ULN", "They should not
    # have had a prior splenectomy"; not in a clause of its own: "Take medications that should not be taken with …")
    # (nor someone's judgement or advice reported: "Physician feels patient should not participate", "Told they should
    # never donate blood": reasons the reader cannot join, as worded; review r53 F8)
    r"^\W*(?:(?!(?:that|which|who|whom|whose|if|when|unless|while|or|and|feels?|felt|thinks?|thought|believes?|"
    r"believed|judges?|judged|considers?|considered|deems?|deemed|told|advised|opinion)\b)[\w/-]+,?\s+){0,4}?"
    r"(?:must|should)\s+(?:\w+\s+)?(?:not|no|never)\b"
    r"(?!\s+(?:\w+\s+)?(?:be\s+)?(?:excluded|enrolled|entered|included|accepted|admitted|eligible|randomi[sz]ed|"
    r"considered|allowed|permitted|participate|take\s+part|join|enrol+)\b"
    # (but being in another trial is a requirement's wording: "Patients must not take part in another trial during the
    # study", "Must not be enrolled in any other clinical study": plain18)
    rf"(?!{_IN_ANOTHER}))"
    # (nor a drug's own rule, its contraindication: "CIALIS must not be used in men with cardiac disease" (NCT02304679),
    # "Nelfinavir should not be administered concurrently with rifampin" (NCT00002176), "Droperidol must NOT be used in
    # patients with any of the following:" (NCT01406860): what is used or given is the subject, not the reader; r53 F8)
    r"(?!\s+(?:\w+\s+)?be\s+(?:\w+ly\s+)?(?:used|administered|co-?administered|given|prescribed|combined|"
    r"dispensed|injected|infused|applied|mixed|started|initiated|taken)\b)"
    # (nor no criterion at all: "Subjects must not meet exclusion criteria to be considered eligible", NCT05251116)
    r"(?!\s+(?:\w+\s+)?meet\s+(?:any\s+)?(?:of\s+)?(?:the\s+)?(?:in|ex)clusion\s+criteria\b)", re.I)


def said_with_must_not(text: str) -> bool:
    """A requirement said with "must not"/"should have no" (see _MUST_NOT)."""
    return bool(_MUST_NOT.match(_body(text)))


# a commitment the study asks for, said without "must": "Agree to use non-N-9 lubricant and condoms …" (NCT00000929),
# "Willing and able, in the clinician's opinion, to comply with the treatment …" (NCT00000636), "Willingness to allow
# stored samples to be used …" (NCT00001650), "Be willing and able to give informed consent" (NCT00002283), "Women of
# childbearing potential must agree to use …" (NCT00499122). Under "You cannot join if…", "You agree to use condoms"
# reads as a reason the reader cannot join (plain13). Not a plan the trial rules out ("willing … to become pregnant"),
# nor someone unable or unwilling ("Not willing to …", "Unwilling to consent"): those exclude as worded.
_COMMITMENT = re.compile(
    r"^\W*(?:(?:the\s+|all\s+)?(?:patients?|subjects?|participants?|volunteers?|candidates?|women|men|females?|males?)"
    r"(?:\s+(?:of\s+)?(?:childbearing|child-bearing|reproductive)\s+(?:potential|age))?\s+)?"
    r"(?:(?:must|should|shall|will)\s+)?(?:(?:be|is|are)\s+)?"
    r"(?:agrees?|agreement|(?:able\s+and\s+)?willing(?:ness)?(?:\s+and\s+able)?|commit(?:s|ment)?)"
    r"(?:\s*,[^,;:]{1,60},)?\s+(?:not\s+)?to\b(?![^.;]*\b(?:become|becoming|get|getting)\s+pregnant\b)", re.I)


def said_as_commitment(text: str) -> bool:
    """A commitment the study asks for (see _COMMITMENT): under "You cannot join if…" it keeps the record's words and
    is marked as worded as a requirement, as a "must" item is."""
    return bool(_COMMITMENT.match(_body(text)))


def _body(text: str) -> str:
    """The item after a label of its own ("Prior therapy: …"), but not after a negated one."""
    label = _LABEL.match(text)
    return text[label.end():] if label and not NEGATED.match(text) else text


def said_with_must(text: str) -> bool:
    """A requirement said with "must"/"should" ("Must have erectile dysfunction", NCT00210678). Under "You cannot join
    if…" it is not addressed to the reader: "You must have erection problems" reads as an instruction the heading
    contradicts, so it keeps the record's wording, as the "No …" items do (server.explain.explain_item)."""
    return bool(_MUST.match(_body(text)))


# being in another study, said negated: "Not participating in another trial", "Not currently enrolled in any other
# clinical study", "Not taking part in a concurrent study", "Not enrolled on SECRAB or OSCAR trials". Under "You cannot join if…" it read as ruling out those not in
# one, the rule the other way round; not caught by _NOT_REQUIREMENT, and "enrolled" reads as a verdict on who may join
# (_ADMISSION) elsewhere (plain20)
_NOT_IN_ANOTHER = re.compile(
    r"^\W*not\s+(?:(?:currently|concurrently|simultaneously|now|presently|already|actively|previously|be|being)\s+){0,2}"
    r"(?:(?:participating|taking\s+part|enrol+ed|registered|involved|included)\s+(?:in|on|into)\s+"
    r"(?:an?\s+|any\s+)?(?:other|another|concurrent|simultaneous|different|second)\b"
    r"|(?:participating|taking\s+part|enrol+ed|registered)\s+(?:in|on|into)\s+"
    r"(?:[\w/-]+\s+){0,5}?(?:trials?|stud(?:y|ies)|protocols?)\b)"
    # (not a lead-in to the reasons: "Not enrolled in the study if they have had surgery …", "… the study: pregnant
    # women"; nor "included" / "involved" in a study, which are about this one: review r59 F5)
    r"(?!\s*(?::|\bif\b|\bwhen\b|\bwho\b|\bunless\b))", re.I)


def worded_as_requirement(text: str, requirements_lead_in: bool = False) -> bool:
    """Whether an exclusion item is worded as a requirement (see the module docstring). `requirements_lead_in`: the
    item introduces a list of requirements ("Required:", "Patients must demonstrate the following …:")."""
    if requirements_lead_in or said_with_must(text) or said_with_must_not(text) or said_as_commitment(text):
        return True
    body = _body(text)
    if not NEGATED.match(body) or _NO_CRITERIA.search(body):
        return False
    if _NOT_IN_ANOTHER.match(body):
        return True
    first = _FIRST_SENTENCE.split(body, maxsplit=1)[0]
    if _ADMISSION.search(first) or _PEOPLE.match(body) or _LACK.search(body):
        return False
    if re.match(r"^\W*no\b", body, re.I):
        return True
    return bool(_NOT_REQUIREMENT.match(body))
