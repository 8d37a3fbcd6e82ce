"""Does a lead-in say in its own words that the items under it keep people out of this trial ("Patients with the
following are excluded:", "Patients are not eligible for this trial if they:", "Ineligible subtypes:")?

One reader for two uses (plain13): the criteria comparison (reconcile/sections.py) does not call a one-list record's
item under such a label a requirement a page moved to its exclusions, and the plain-English criteria (server/explain.py)
do not say the items under such a lead-in, filed under the inclusions, of the reader ("You have had cerebral
toxoplasmosis" under "You may be able to join if…"). Each had its own regex and they accepted different lead-ins
(docs/benchmarks.md, plain13). Also the words an item says its own side with (`OWN_SIDE`, `states_out`), which
sections.py reads of single items, and says_out's mirror, a lead-in of requirements (`REQUIREMENTS_LEAD_IN`).
"""

from __future__ import annotations

import re

from .criteria_markers import EXCEPT_LABEL

# an item that says itself which side it is on: a whole-rule negation at its head ("No prior chemotherapy",
# "Patients must not be pregnant", "Absence of brain metastases", "Free of active infection": r45 F4), or the words of
# a reason to stay out ("Exclusion: …", "… are excluded", "ineligible"). A record with one list (a PDQ outline's
# requirements) writes its reasons to stay out so.
OWN_SIDE = re.compile(r"^\W*(?:exclu\w*|ineligible|not\s+eligible|absence\s+of|free\s+(?:of|from))\b|"
                      r"\b(?:excluded|ineligible|not\s+(?:be\s+)?eligible)\b", re.I)
# a reason to stay out said as a whole statement, in the item's first clause, brackets aside: "Prior Herceptin therapy
# is not allowed", "Total parenteral nutrition … not permitted", "Pregnant or lactating women may not participate; …",
# "… will not be registered for randomization" (r45 F3: 12 items in 9 one-list records). Not inside a bracket or a
# clause of a requirement: "Pleural effusion only for stage IV (… distant metastases not allowed)", "Ventilator
# dependent quadriplegics who are not candidates for phrenic nerve pacing alone", "… Staging laparotomy not allowed
# Completely resected disease allowed …" (a PDQ run-on: the words end no clause)
_STATED_OUT = re.compile(r"\b(?:(?:is|are)\s+)?not\s+(?:allowed|permitted|accepted)\b|\bprohibited\b|(?P<verb>"
                         r"\bmay\s+not\s+(?:participate|enroll|enter|be)\b|\bwill\s+not\s+be\s+(?:included|enrolled|"
                         r"registered|randomi[sz]ed|eligible|accepted|admitted)\b|(?<!who\s)(?<!that\s)\bare\s+not\s+candidates\b)",
                         re.I)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# (a first clause also ends at ", but": "Women may participate …, but biopsies may not be performed", r46 M4)
_FIRST_CLAUSE = re.compile(r"^[^;]*?(?:(?<!\be\.g)(?<!\bi\.e)\.\s+(?=[A-Z])|;|,\s+but\b|$)")
_CLAUSE_END = re.compile(r"^[\s.,;:]*$")


def states_out(text: str) -> bool:
    """Does the item's first clause, brackets aside, say a reason to stay out as a whole statement: a thing "not
    allowed" or "prohibited" that the clause ends with, or people who "may not participate", "will not be enrolled",
    "are not candidates", within its first 20 words?"""
    first = _FIRST_CLAUSE.match(_BRACKETS.sub(" ", text).strip())[0]
    m = _STATED_OUT.search(first)
    return m is not None and len(first[:m.start()].split()) <= 20 and (
        m["verb"] is not None or _CLAUSE_END.match(first[m.end():]) is not None)


# a label that keeps people out of another treatment or study, not this trial: its items are requirements
# ("Ineligible for allogeneic transplantation:" / "No suitable allogeneic donor", NCT00002638; "Were excluded from
# LEVP2005-1 for any of the following reasons:", NCT00462709; "Patients must not be eligible for a higher priority GOG
# protocol", NCT00499031). This trial's own words are not another's: "… are not eligible for enrollment in this
# study:" (NCT06945705), "… will not be eligible for study entry if …", "… for inclusion in this study …"
_FOR_ANOTHER = re.compile(
    r"\b(?:ineligible|not\s+(?:be\s+)?eligible|(?:were|was|been)\s+excluded)\s+(?:for|to|from)\s+"
    r"(?!(?:this|the|our)\s+(?:clinical\s+)?(?:trial|study|protocol|project)\b|(?:study|trial|protocol)\b|"
    r"(?:participation|entry|enrol?l?ment|inclusion|registration|randomi[sz]ation|participate|enrol?l|enter)\b|"
    r"(?:any\s+|one\s+)?(?:of\s+)?the\s+following\b)",
    re.I)
# words that do not say people are kept out: a thing ruled out ("… in whom infectious and autoimmune diseases … have
# been excluded will also be eligible:", NCT00004567; "other causes of declining renal function have been excluded by
# a nephrologist", NCT01298141), people who are not ("… will not be excluded, however …", NCT05896748), "may or may
# not be affected" (NCT00001238)
_NOT_OUT = re.compile(r"\bbeen\s+excluded\b|\bnot\s+be\s+excluded\b|\bmay\s+or\s+may\s+not\b", re.I)
# conditions that exclude: "The following medical conditions will also exclude from study:" (NCT00006496)
_WILL_EXCLUDE = re.compile(r"\b(?:will|shall)\s+(?:also\s+)?exclude\s+(?:from|patients|subjects|participants)\b", re.I)
# a lead-in's last sentence that points back to the one before ("… will be excluded. These contraindications include
# patients with the following devices:", NCT00001638): the two are read together
_POINTS_BACK = re.compile(r"^\W*(?:these|such|this|they|the\s+(?:contraindications?|conditions?|reasons?))\b", re.I)
_CLAUSES = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s+(?=[A-Z])|;\s*")


def _lead(text: str) -> tuple[str, bool]:
    """The part of a lead-in that leads into its list: its last sentence or clause, brackets aside, unless that one
    points back to the one before. A verdict in an earlier clause is about something else: "…; patients that are
    pregnant or breast feeding are excluded; a female of childbearing potential is any woman … who meets the following
    criteria:" (NCT02465060) defines a word; "… will not be excluded, however …; … must be excluded. … Participants
    with HCV co-infection will be allowed entry into Phase 3 studies if:" (NCT05896748) lets people in. And whether
    that part is the whole lead-in."""
    parts = [p for p in _CLAUSES.split(_BRACKETS.sub(" ", text).strip()) if p.strip()]
    if not parts:
        return "", True
    last = len(parts) - 1
    while last > 0 and _POINTS_BACK.match(parts[last]):
        last -= 1
    return " ".join(parts[last:]), last == 0


# a lead-in whose last clause negates the list it leads into, said otherwise than by a "No …"/"Not …" at the item's
# head (which server/explain.py reads): "Staging fulfills criteria for no initial treatment according to GELF criteria
# for advanced stage disease. None of the following should be present:" (NCT00461084: "Symptomatic splenomegaly" was
# "You have symptomatic splenomegaly" under "You may be able to join if…"), "May not have entered accelerated phase as
# defined by any of the following:" (NCT00006056), "Patient or her household contacts must not have any of the
# following:" (NCT00002916), "Patients must not have any uncontrolled intercurrent illness including, but not limited
# to:" (NCT02465060; r49 F1). The negation must come before the list it governs ("… or one of the following criteria
# was met to prove that there was no risk of pregnancy:" is a requirement, NCT03799601), and be said of the lead-in's
# subject, not inside a clause about some of them ("Patients who do not …"); a negation with no list word after it
# ("Must not be considered by the investigator … to have SARS-CoV-2 infection and:", NCT05897541) leads into
# requirements. (A sentence run on without a space ends there too: "… should not breastfeed from screening to 3 months
# after stopping the study and treatment.Before starting administration, … one of the following criteria was met …:")
_RUN_ON_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_NEGATES_LIST = re.compile(
    r"\bnone\s+of\b[^:]*:\s*$"
    r"|(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bmay\sor\s)\b(?:(?:may|must|should|shall|can|could|will|do|does)\s+not|cannot|can['’]t|"
    r"mustn['’]t|shouldn['’]t)\b(?!\s+be\s+(?:considered|regarded|defined|counted)\b)[^:]{0,100}?"
    r"\b(?:following|these|below|any|including)\b[^:]*:\s*$",
    re.I)
# ... not a definition ("Women will not be considered of childbearing potential if one of the following conditions is
# documented:", NCT04207047), examples of what meets the rule ("must not be of reproductive potential or sterile …, such
# as:", NCT04710303), nor a double negative ("… except those … who have none of the following features:", NCT00003728;
# review r50 F6)
_EXCEPT_BEFORE = re.compile(r"\bexcept\b", re.I)


def negates_list(text: str) -> bool:
    """Does a lead-in's last clause (see _lead) negate the list under it (see _NEGATES_LIST)? Its items are then
    reasons to stay out, whatever list the record files it in."""
    last = _RUN_ON_STOP.split(_lead(text)[0])[-1]
    return bool(_NEGATES_LIST.search(last)) and not _EXCEPT_BEFORE.search(last)


# a lead-in whose last clause defines a term or says what does not count as one: its items are the term's forms, not
# the reader's ("Nonmeasurable is defined as any of the following:" / "Leptomeningeal disease" under "Measurable
# disease", NCT00005989, was "You have leptomeningeal disease" under "You may be able to join if…", though a patient
# with only that is not eligible; "One prior hormonal intervention is defined by any of the following:", NCT00002723;
# "The following are NOT considered measurable:"; r49 F3). Not people defined so ("Patients are considered high risk
# if …:": their items are the reader's), nor a word a requirement is "defined as" ("Significant cardiac disease defined
# as:" over what keeps the reader out, NCT00461045), unless it is non-measurable disease
_PEOPLE_WORD = (r"\b(?:patients?|subjects?|participants?|individuals?|people|persons?|women|men|children|candidates?|"
                r"volunteers?|they|you|who)\b")
_DEFINES = re.compile(
    rf"^(?:(?!{_PEOPLE_WORD})[^:])*?\b(?:is|are)\s+(?:not\s+)?(?:defined|considered|counted|regarded)\b"
    r"(?!\s+(?:to\s+be\s+)?(?:eligible|ineligible|at\b|for\b|if\b|when\b))[^:]*:\s*$"
    r"|\bnot\s+(?:considered|counted)\b(?!\s+by\b)[^:]*:\s*$"   # (not "Must not be considered by the investigator …")
    # (a lead-in over non-measurable lesions, however said: "Lesions considered intrinsically nonmeasurable include:",
    # NCT00005949)
    r"|\b(?:non-?\s?measurable|not\s+measurable|unmeasurable)\b[^:]*:\s*$",
    re.I)


def defines_a_term(text: str) -> bool:
    """Does a lead-in's last clause (see _lead) define a term, or say what does not count as one (see _DEFINES)?"""
    return bool(_DEFINES.search(_RUN_ON_STOP.split(_lead(text)[0])[-1]))


def says_out(text: str, negated_lists: bool = True) -> bool:
    """Does a lead-in say in words that the items under it keep people out of this trial ("… are excluded:",
    "Patients are not eligible for this trial if they:", "Patients will not be included if any of the following
    conditions are present")? Not a "No X … except:" label: its items are the exceptions, people it lets in ("No prior
    malignancy within past 5 years except:" / "Effectively treated … skin cancer", NCT00003830); not one that keeps them
    out of another treatment or study (`_FOR_ANOTHER`); not words that keep no one out (`_NOT_OUT`); not a verdict in a
    clause before the one that leads into the list (`_lead`). `negated_lists`: also a lead-in whose last clause negates
    its list (`negates_list`); explain's wording reads those, the criteria comparison does not (a page moving an item
    under one from the requirements to the exclusions is still said to: review r50 F6)."""
    lead, whole = _lead(text)
    # (a thing "not permitted" said after a requirement is no lead-in of its own: "Prior therapy is required;
    # concurrent therapy is NOT permitted" over what prior therapy each patient must have had, NCT00002649)
    return bool(OWN_SIDE.search(lead) or _WILL_EXCLUDE.search(lead) or (whole and states_out(lead))
                or (negated_lists and negates_list(text))) and \
        not _FOR_ANOTHER.search(lead) and not _NOT_OUT.search(lead) and not EXCEPT_LABEL.search(text)


# a lead-in, listed under the exclusions, whose items are the terms on which the people it names may still join:
# "Patients with known brain metastases may be included if they meet the following 2 criteria:" (NCT00005817), "… within
# 5 years of study entry, unless they:" (NCT00462280), "… are eligible if:" (NCT00009685), "Participants with HCV
# co-infection will be allowed entry into Phase 3 studies if:" (NCT05896748), "… are permitted provided that they meet
# the following conditions:", "…, with the following exceptions:" (NCT05798663). Not a verdict that keeps people out
# ("A patient will NOT be eligible for inclusion in this study if ANY of the following criteria apply:"), nor an
# "unless" in brackets ("Excluded (unless exemption made by study chair):", NCT00000814: `_lead` sets brackets aside)
_LETS_IN = re.compile(
    r"\b(?:may|can|could|will|shall|are|is)\s+(?:still\s+|also\s+|only\s+)?(?:be\s+)?(?:included|eligible|enrolled|"
    r"allowed|permitted|accepted|admitted|considered|participate|enrol+|enter|join)\b"
    r"[^:]{0,80}?\b(?:if|provided|providing|when|as\s+long\s+as)\b[^:]{0,80}:\s*$"
    r"|\bunless\b[^:]{0,60}:\s*$"
    r"|\bexceptions?\s*:\s*$", re.I)
_NO_ONE = re.compile(r"\b(?:neither|nor|none|no\s+(?:one|patients?|subjects?|participants?|volunteers?|women|men))\b", re.I)


def lets_in(text: str) -> bool:
    """Does a lead-in say that the items under it are the terms on which people may still join, the exceptions to a
    reason to stay out (see _LETS_IN)? Under "You cannot join if…", "Have no symptoms from brain metastases" said as
    "You have no symptoms from cancer spread to the brain" told the people the trial lets in that they cannot join
    (NCT00005817, plain14)."""
    # (not where the lead-in keeps its people out: "Patients who are eligible for surgery will be excluded if they
    # have:")
    lead = _lead(text)[0]
    m = _LETS_IN.search(lead)
    # (nor where no one is let in: "Neither volunteers nor participants will be eligible if they:", NCT00005761)
    return m is not None and not _NO_ONE.search(lead[:m.start()]) and not says_out(text)


# The mirror of says_out: a lead-in that states requirements, which a record listed under its exclusions ("Patients
# must qualify as follows:", "Required:", "All patients must be:", NCT00002025, NCT00002109): addressed to the reader,
# its items read "You have a diagnosis of AIDS …" under "You cannot join if…", telling the trial's own patients they are
# excluded (review round 10a). server/explain.py keeps the record's order of things, in plain words, not said of the
# reader, and marks no item under it worded as a requirement. ("Patients must not have:" is an exclusion lead-in: its
# items stay addressed.) Moved here from server/explain.py (plain14): one home for the readings of lead-ins.
REQUIREMENTS_LEAD_IN = re.compile(
    r"^\W*(?:(?:all|the|also|eligible)\s+)?(?:(?:adult|female|male)\s+)?(?:patients?|subjects?|participants?|volunteers?|"
    r"candidates?)\s+must\b(?!\s+(?:\w+\s+)?(?:not|no|never)\b)[^:]{0,120}:\s*$"
    r"|^\W*must\b(?!\s+(?:\w+\s+)?(?:not|no|never)\b)[^:]{0,80}:\s*$"
    r"|^\W*required\b[^:]{0,100}:\s*$"
    r"|^\W*(?:[\w-]+\s+){0,2}inclusion\s+criteria\b[^:]{0,120}:\s*$"
    # a requirements list a record files under its exclusions, not said with "must": "Participants meet the following
    # criteria:", "Receptive partners meet the following additional criteria:" (NCT00000929, NCT00002130), "Patients
    # with the following conditions are included:" (NCT00002051)
    r"|^\W*(?:[\w-]+\s+){0,2}(?:patients?|subjects?|participants?|volunteers?|candidates?|partners?)\s+"
    r"(?:meets?\s+the\s+following\s+(?:additional\s+)?criteria|with\s+the\s+following\s+(?:additional\s+)?"
    r"conditions\s+are\s+included)\s*:\s*$"
    # the mirror of "Excluded:" filed under the inclusions: "Included:" under the exclusions (NCT00002417)
    r"|^\W*included\s*:\s*$",
    re.I)
