"""Second person: criteria addressed to the reader ("Patients with X" -> "You have X").

Whether an item is about the participant at all, and what follows the swap: each rule of server.openings rewrites
only the start of an item, and only when the item is about the participant; who the item applies to stays said
("Female participants must" -> "As a woman, you must"). Grammar after the swap is server.grammar's job; whether the
rest of the item names someone else than the reader, server.others'.
"""

from __future__ import annotations

import re

from .everyday import plural_noun, use_at_the_same_time
from .agreement import agree_with_you
from .first_words import NAMED_MEASURE, opinion_lead, small_words
from .grammar import tidy_grammar
from .verb_forms import plural_verb
from .openings import FERTILE, ILLNESS_RULE, OPENING_RULES, PREGNANT_PEOPLE, WHO, names_illness
from .others import HAVE_PEOPLE, SOMEONE_ELSES_LABEL, about_others
from .worded import NEGATED, said_as_commitment

_USE_OF = re.compile(r"^(?:no\s+)?(?:concurrent|concomitant)\s+use\s+of\b", re.I)
_NOW_FOR_EXAMPLE = re.compile(r"^currently\s+[^:]*?,?\s+(?:including|such\s+as)\s*:\s*$", re.I)

# A test result said as "Name negative/positive" (not "is positive", not "negative pregnancy test")
_RESULT = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeing )(?<!\bbecome )\b(?:sero)?(?:negative|positive)\b"
                     r"(?!\s+(?:for|tests?|pregnancy|results?|screen|urine|serum|blood|serology)\b)", re.I)
_NO = re.compile(r"^no\s+(?=[a-z])", re.I)
# "No pregnant or nursing (women)": you are not; "No females who …", "No infants born to …": people, not what you have
_NO_PREGNANT = re.compile(r"(?>pregnant(?:\s+(or|and/or)\s+(breast-?feeding|lactating|nursing))?(?:\s+" + PREGNANT_PEOPLE + r")?)\b"
                          r"(?!\s+(?:who|with|that|of|in|or|and)\b)", re.I)
_NO_OTHERS = re.compile(r"pregnant\b|(?:(?:male|female|adult|healthy)\s+)?(?:females?|males?|women|woman|men|man|infants?|children|child|"
                        r"girls?|boys?|adults?|mothers?|babies|newborns?|neonates?|prisoners?|minors?)\b(?!['’])", re.I)
_NO_CMP = re.compile(r"(?:greater|more|less|fewer|higher|lower|larger|smaller|longer|shorter|older|younger|sooner|later)\s+than\b", re.I)
_PASSIVE = re.compile(r"\b(?:are|is)\s+(?:not\s+)?(?:excluded|eligible|ineligible|allowed|permitted|required|included|"
                      r"acceptable|prohibited)\b", re.I)
_LABEL = re.compile(r"^[A-Z][A-Za-z/ -]{1,30}:\s+(?=\S)")
# what the study does with its patients, or what they were ("Patients will be drawn from an ongoing study",
# "Patients are stratified as Group 1: …", "Subjects were obese (110-150 percent of ideal weight)"): a description of
# the study, not a rule for the reader; "You will be drawn from …", "You were obese" (review round 12a N10)
_PROCEDURE = re.compile(r"^\W*(?:the\s+|all\s+)?(?:patients?|subjects?|participants?|volunteers?|individuals?)\s+"
                        r"(?:(?:will|shall|would)\s+be|are|is|were|was|have\s+been|has\s+been)\s+(?:\w+ly\s+)?"
                        r"(?:drawn|recruited|selected|stratified|randomi[sz]ed|assigned|allocated|identified|chosen|"
                        r"sampled|divided|grouped|matched|referred|approached)\b"
                        r"|^\W*(?:the\s+|all\s+)?(?:patients|subjects|participants|volunteers|individuals)\s+were\b"
                        r"(?!\s+(?:never|not|previously|ever)\b)",
                        re.I)
# ... or what the study does with everyone, or asks of them, filed under the exclusions: "All Subjects will undergo a
# neurological physical …" (NCT00004577), "All patients will have positive antibody for HIV …" (NCT00001010, a trial of
# HIV-positive patients), "Participants will be required to discontinue …" (NCT04720755), "Patients are advised that
# validity of this trial may be jeopardized …" (NCT00000693). Under "You cannot join if…", "You will have a nerve and
# brain physical" reads as a reason the reader cannot join: left as written (plain11, 12 corpus items). Not a reason of
# the reader's own ("Patient will require therapy with …", "Patients who will be undergoing …") nor a verdict ("Patients
# will be ineligible if …").
_STEP_PEOPLE = r"(?:patients?|subjects?|participants?|volunteers?|individuals?)"
_STUDY_STEP = re.compile(
    rf"^\W*(?:all|each|every)\s+(?:[\w-]+\s+)?{_STEP_PEOPLE}\s+(?:will|shall)\b(?!\s+not\b)"
    rf"|^\W*(?:the\s+)?{_STEP_PEOPLE}\s+(?:will|shall)\s+(?:undergo|be\s+(?:required|asked|screened|tested|evaluated|"
    r"examined|assessed|given|offered|instructed|advised|informed|told|counsell?ed|followed|monitored|contacted)|"
    r"need\s+to\s+(?:inform|consult|provide|sign|contact|notify|arrange|bring|complete|attend|return|keep))\b"
    rf"|^\W*(?:the\s+|all\s+)?{_STEP_PEOPLE}\s+(?:are|is)\s+(?:advised|informed|told|counsell?ed)\s+that\b", re.I)


# A noun-phrase item that has its own verb ("Prior interferon allowed if …", "Prior therapy
# must have ended …") is not about what you have: "You have prior interferon allowed" is wrong.
_VERBFUL = re.compile(r"\b(?:who|that|must|should|shall|will|can|may|are|is|have|has|had|were|was|agrees?|needs?|"
                      r"do|does|did|be|been|received|undergone|use|uses|takes?|meets?|requires?|understands?|"
                      r"weighs?|lives?|speaks?|plans?|receives?)\b", re.I)
# (a predicate that says what counts as what is a verb of the item's own too: "Prior neoadjuvant or adjuvant deprivation
# for treatment of nonmetastatic disease not considered a prior hormonal intervention" (NCT00002723) was "You have had
# neoadjuvant or adjuvant deprivation … not considered a prior hormonal intervention", "Previous chemotherapy does not
# count as a prior regimen" "You have had chemo does not count as …"; r49 F3). Said of the item's noun itself, as what it
# counts as, not in a clause of its own or of the reader ("Patients who are not considered medically stable", "cancer
# that is not considered to be cured", "… may be considered an unacceptable risk", "… that are associated with … and
# considered a potential cause of PE": 15 corpus items lost their "You …")
_NOT_AUX = (r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bnot\s)(?<!\bif\s)"
            r"(?<!\band\s)(?<!\bor\s)")
_OWN_VERB_RX = re.compile(r"\b(?:(will|would|may|might|could|can|cannot|is|are|was|were|has|receive|undergo)|does not (?:exclude|constitute)|must|should|shall|allowed|permitted|prohibited|"
                          r"required|excluded|acceptable|eligible|ineligible|accepted|forbidden|"
                          rf"{_NOT_AUX}(?:not\s+)?(?:considered|counted|regarded)\s+(?:as\s+|to\s+be\s+)?(?:an?|one|two|part|"
                          r"separate|equivalent)|do(?:es)?\s+not\s+count|counts?\s+as)\b", re.I)
_RELATIVE = ("that ", "which ", "who ")
_WHO_CLAUSE = re.compile(r"\b(?:who|that)\s+\w+$", re.I)   # "Patients who require X must …": X's clause, then the verb


def _own_verb(text: str) -> bool:
    """A main verb of the item's own: modal/passive words, or "is/are/will …" not inside "that/which/who …"."""
    for m in _OWN_VERB_RX.finditer(text):
        before = text[:m.start()].lower()
        if m.group(1) in ("receive", "undergo") and (not before.strip() or before.rstrip().endswith(_NOT_ITS_OWN)):
            continue   # "who plan to receive …", "will receive", ("Willing to") "undergo …": another verb's
        if not m.group(1) or not before.endswith(_RELATIVE):
            return True
    return False


_NOT_ITS_OWN = (" to", " who", " that", " which", " will", " would", " must", " may", " can", " not", " or", " and")


# a cap on what was given before, not something to have had: "Prior cumulative cisplatin dose less than 400 mg/m2"
# (NCT00002601) is not "You have had cumulative cisplatin dose less than …"
_A_CAP = re.compile(r"^(?:(?:prior|previous|total)\s+)?cumulative\b", re.I)
_VERDICT = re.compile(r"^(?P<head>(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|women|men|"
                      r"children|volunteers?|candidates?)\s+(?:with|who|that)\b[^:]+?)\s*,?\s+(?:are|is|will\s+be|shall\s+be)\s+"
                      r"(?P<v>excluded|eligible|included)(?:\s+(?:from|in|for)\s+(?:the|this)\s+(?:study|trial))?\s*(?P<end>[.;:]?)\s*$", re.I)
_FOLLOWING_LIST = re.compile(r"\b(?:the|these)\s+following\b|\bthese\b(?!.*\bfollowing\b)", re.I)
_VERDICT_SECTION = {"excluded": "exclusion", "eligible": "inclusion", "included": "inclusion"}
_HEDGED = re.compile(r"\b(?:not|no|never|unless|if|only|except|may|might)\b", re.I)
_NO_WHO_WITH = re.compile(rf"^{WHO}\s+with\s+(?!(?:greater|more|less|fewer|higher|lower|over|under|above|below)\b)(?=\w)", re.I)


_ABOUT_PATIENTS = re.compile(rf"^{WHO}\s+(?:who|with)\b", re.I)
# the same patients named again after "or": "Patients with diabetes or patients with hypertension"
_WITH_PATIENTS = re.compile(rf"^{WHO}\s+with\b", re.I)
_OR_WITH = re.compile(r"(,?\s+(?:or|and/or)),?\s+(?:the\s+)?(?:patients|subjects|participants)\s+with\s+(?=\w)", re.I)
# "…, or those currently taking immunosuppressants" after the item became "You have …": the people are the reader
_OR_THOSE = re.compile(r"\bor those (?:who are )?((?:currently |now )?)(taking|using|receiving|on)\b")
# "You have stricture and not capable of swallowing": the second part needs its own verb (not after a clause of its
# own: "NSCLC that is unresectable and not fit for …" says it of the cancer)
_AND_NOT_ABLE = re.compile(r"\b(and|or) not (capable|able|willing|eligible|fit|suitable|ready|allowed)\b")
_CLAUSE_IS = re.compile(r"\b(?:that|which|who)\s+(?:is|are|was|were)\b")
# the people an age described, once they are "you": the clause after it joins with "and"
_AGED_WHO = re.compile(r"^(You are aged\b[^.;:()]*?)\s+who\s+(?=(?!is\b|was\b)[a-z])")
# "…which might limit the ability of the patient to receive study treatment" after "You have …": the patient is you
_THE_PATIENTS_ABILITY = re.compile(r"\bthe ability of the (?:patient|subject) to\b")
# ... and where the item acts on them: "assist patient during the study" (NCT00006187), "makes the patient
# inappropriate for the study", "would place subject at risk", "would compromise patient safety", "in the way of
# patient's ability" (review r35 §8: an item that said "You" and then "patient"); not the patient of a name ("patient
# diary", "patient population") nor a patient someone else cares for
_THE_PATIENT = r"(?:the |a )?(?:patient|subject)"
_ACTS_ON_PATIENT = re.compile(r"\b(make|makes|made|making|render|renders|rendering|place|places|placing|put|puts|putting|"
                              r"prevent|prevents|preventing|assist|escort|expose|exposes|exposing) " + _THE_PATIENT
                              + r"(?![\w'’-]| (?:population|diary|questionnaires?)\b)")
_RISK_TO_PATIENT = re.compile(r"\b(risk|danger|harm) (to|for) " + _THE_PATIENT + r"(?![\w'’-]| population\b)")
_PATIENT_SAFETY = re.compile(r"\b(compromise|compromises|affect|affects|endanger|endangers|jeopardi[sz]e|jeopardi[sz]es|"
                             r"impair|impairs) (?:the )?(?:patient|subject) (safety|care|understanding|cooperation)\b")
_PATIENTS_OWN = re.compile(r"\b(?:the |a )?(?:patient|subject)['’]s\b")
# ... what they do ("get in the way of patient following the study rules", NCT00002379; "informed consent signed by
# patient", NCT01194648)
_BY_PATIENT = re.compile(r"\b(in the way of|by) " + _THE_PATIENT + r"(?= (?:following|complying|completing|taking|"
                         r"participating|understanding)\b)")
_SIGNED_BY_PATIENT = re.compile(r"\b(signed\b(?:(?!\b(?:provided|given|obtained|written|made)\b)[^.;])*?) by "
                                + _THE_PATIENT + r"(?=[.;]|$)")
# ... and examples of what they have, said of "patients with": "You have symptomatic heart artery disease including
# patients with chronic stable chest pain" (NCT00492908), "You have T4 disease (ie, patients with fixed tumors, …)"
_EXAMPLES_OF_PATIENTS = re.compile(r"\b(including|such as|(?:ie|i\.e\.|eg|e\.g\.|that is),?) (?:the )?(?:patients|subjects) "
                                   r"with (?=\w)(?![^.;:()]*\b(?:will|would|are|is|were|was|must|should|may|can|"
                                   r"have|has)\b)")   # (not "…, patients with X will be excluded if …": what they are)


def _you_throughout(text: str) -> str:
    """An item addressed to the reader names them the same way further on ("the patient's vision" -> "your vision",
    "assist patient" -> "assist you")."""
    if "patient" not in text and "subject" not in text:
        return text
    text = _THE_PATIENTS_ABILITY.sub("your ability to", _PATIENTS_OWN.sub("your", text))
    text = _RISK_TO_PATIENT.sub(r"\1 \2 you", _ACTS_ON_PATIENT.sub(r"\1 you", text))
    text = _EXAMPLES_OF_PATIENTS.sub(r"\1 ", _BY_PATIENT.sub(r"\1 you", _SIGNED_BY_PATIENT.sub(r"\1", text)))
    return _PATIENT_SAFETY.sub(r"\1 your \2", text)


# "No limitation on prior therapy", "No age limits", "No restrictions based on blood counts", "No gender
# restrictions": what the trial does not limit, not something you have
_TRIAL_LIMIT = re.compile(r"(?:minimum|maximum)\b(?!\s+of\b)|"   # ("No minimum PSA for measurable disease", NCT00499694)
                          r"(?:(?:age|time|upper|lower|dose|gender|sex)\s+)?(?:limits?|limitations?|restrictions?)\b"
                          r"(?=\s*(?:on|for|based|regarding|between|to\b|[.;]|$))", re.I)   # (not "No severe limits from disease")
# an exclusion that opens with a negation: "You have no prior treatment with darunavir" under "You cannot join if…"
# reads as a double negative, and where the record misplaced a requirement ("No known hypersensitivity to human
# albumin", NCT00495365) it hardens the contradiction into "people who have not taken it cannot join" (review round 10a,
# 168 items). Left as written (in plain words), as a rule of the record's (worded.NEGATED; worded.py marks those that
# are requirements)
_NEED_FOR = re.compile(r"requirement\s+for\s+(?=\w)", re.I)
# "No standard curative therapy exists", "No matched donor remains": a verb of its own says there is none, which
# _OWN_VERB_RX's "is/are" do not cover; "You have no standard curative therapy exists" (NCT00006085) lost the grammar.
# Left as written. Not a verb in a clause of its own ("No disease that remains after surgery")
_NONE_EXISTS = re.compile(r"(?:(?!\b(?:that|which|who|whom|whose|where|when|if|unless|whether)\b)[^,;:()])*?"
                          r"\b(?:exists?|remains?|occurs?|persists?|applies|apply)\b", re.I)


# a group named by what its people are: "HIV-positive", "AZT-naive", "recently infected", "right handed" (not a
# group of the study's own making: "Phase I patients", "cohort 3 patients", "systemic mastocytosis patients")
_WHAT_THEY_ARE = (r"(?:[A-Za-z0-9]+-)?(?:positive|negative|naive|naïve|infected)|(?:HIV|HBV|HCV)\s+(?:positive|negative)|"
                  r"(?:recently|chronically|newly|acutely|previously)\s+(?:infected|diagnosed|treated|untreated)|"
                  r"(?:right|left)[- ]handed")
_GROUP_PEOPLE = r"(?:patients|subjects|participants|volunteers|people|individuals|persons)"
# a rule for that group only, in brackets after it: "No active hepatitis (for HIV-positive patients only)"
# (NCT00005978), "(HIV-negative participants only)" (NCT00000929)
_ONLY_FOR_GROUP = re.compile(rf"\(\s*(?:for\s+)?({_WHAT_THEY_ARE})\s+{_GROUP_PEOPLE}\s+only\s*\)", re.I)
# ... or the item itself: "Right handed subjects only." (NCT00001915), "For HIV-positive patients only", "Only
# HIV-positive patients"
_ONLY_GROUP = re.compile(rf"^\W*(?:(?:for\s+)?({_WHAT_THEY_ARE})\s+{_GROUP_PEOPLE}\s+only|only\s+(?:for\s+)?"
                         rf"({_WHAT_THEY_ARE})\s+{_GROUP_PEOPLE})\s*(\.?)\s*$", re.I)


# ... or a bracket saying whom the rule applies to: "(applies only to patients infected with TB)" (NCT00004736),
# "(only applicable to subjects age 11 and older)" (NCT05251116), "(applicable to female subjects only)": the people,
# not "patients", beside "You"
_APPLIES_ONLY = re.compile(r"\((?=[^()]*\bonly\b)[^()]*?\bappl(?:y|ies|icable)\s+(?:only\s+)?to\s+(?:all\s+)?"
                           r"(?:(female|male)\s+)?(patients|subjects|participants)\b[^()]*\)", re.I)


def _the_people(m: re.Match) -> str:
    """The bracket of _APPLIES_ONLY naming people ("females", "people") in place of the study's subjects."""
    who = f"{m.group(1).lower()}s" if m.group(1) else "people"
    start, end = (m.start(1) if m.group(1) else m.start(2)) - m.start(), m.end(2) - m.start()
    return m.group(0)[:start] + who + m.group(0)[end:]


# ... or "Only <people> … are eligible" (plain11: "Only previously untreated patients are eligible.", NCT00001512;
# "Only patients who are not coinfected with HIV will be included in the study.", NCT00001701; "Only patients less than
# 60 years are eligible for this protocol.", NCT00001561): "Only for people …", the verdict left to the heading (an
# inclusion, or an item the record did not place); not a group of the study's making ("in the pilot study", "in this
# analysis", "into the healthy control groups": the verdict must end the item), nor a group named otherwise ("Only
# women with …", "Only Caucasian patients"). More sentences after it keep their words (plain13: "Only patients with
# first onset acute DVT will be accepted. Acute DVT-LE must be documented by …", NCT00001713; "… are eligible;
# specifically, there should be: …", NCT00002649). Said in the past ("Only patients with AMD were eligible for this study.", NCT00000158), as who
# is studied ("Only normal volunteers are studied under this protocol.", NCT00001172) or over a definition ("Only
# patients with SAA will be admitted, defined as:", NCT00001964) it is the same limit (plain14: they kept their words)
_ONLY_PEOPLE = r"(?:patients|subjects|participants|volunteers|individuals|persons|people|candidates)"
_ONLY_ELIGIBLE = re.compile(
    rf"^\W*only\s+(?:those\s+)?(?:(?P<what>{_WHAT_THEY_ARE})\s+{_ONLY_PEOPLE}|(?P<kind>normal|healthy)\s+volunteers|"
    rf"{_ONLY_PEOPLE}"
    r"(?:\s+(?P<who>who|that)\b|(?=\s+(?:with|without|aged|less\s+than|more\s+than|older|younger|over|under|between|"
    r"scheduled|diagnosed|treated|having)\b)))(?P<rest>(?:[^:;.]|\.(?!\s+[A-Z]))*?),?\s+(?:are|were|will\s+be)\s+"
    r"(?:eligible|included|accepted|enrolled|admitted|considered(?:\s+for\s+inclusion)?|studied(?=\s+(?:under|in)\s))"
    r"(?:\s+(?:for|in|into|to|under)\s+(?:this|the)\s+(?:study|trial|protocol))?"
    r"(?:\s+to\s+participate)?\s*(?:(?P<stop>\.?)\s*$|(?P<more>\.\s+(?=[A-Z])|;\s+)(?P<tail>\S.*)$|"
    r"(?P<defined>,\s+defined\s+as\s*:)\s*$)", re.I | re.S)


def _only_eligible(m: re.Match) -> str:
    """"Only for people who are previously untreated", "Only for people with …", "Only for people who …"."""
    more = f"{m.group('more').rstrip()} {m.group('tail')}" if m.group("tail") else m.group("stop") or m.group("defined") or ""
    if m.group("kind"):
        return f"Only for {m.group('kind')} volunteers{m.group('rest')}{more}"
    if m.group("what"):
        # (what follows the group stays: "Only HIV-positive patients with anemia are eligible." was "Only for people
        # who are HIV-positive.", the anemia dropped; plain14)
        return f"Only for people who are {m.group('what')}{m.group('rest')}{more}"
    return f"Only for people{' who' if m.group('who') else ''}{m.group('rest')}{more}"


def only_for(said: str, original: str, section: str) -> str:
    """A group limit said of people the reader may be, kept as a limit ("only": a rewrite that drops it is refused, and
    "if you are …" adds a condition the fidelity check refuses too): "(for HIV-positive patients only)" after "You …"
    is "(only for people who are HIV-positive)", and the item "For HIV-positive patients only" (an inclusion) is "Only
    for people who are HIV-positive" (plain9 left both saying "patients" beside "you")."""
    eligible = _ONLY_ELIGIBLE.match(original) if section in ("inclusion", "unplaced") and said == original else None
    if eligible:
        return _only_eligible(eligible)
    whole = _ONLY_GROUP.match(original) if section == "inclusion" and said == original else None
    if whole:
        group = whole.group(1) or whole.group(2)
        return f"Only for people who are {group[0].lower() + group[1:] if re.match('[A-Z][a-z]', group) else group}" \
               f"{whole.group(3)}"
    if said.startswith(("You ", "Your ", "As ")):
        said = _ONLY_FOR_GROUP.sub(lambda m: f"(only for people who are {m.group(1)})", said)
        return _APPLIES_ONLY.sub(_the_people, said)
    return said


# a second verb left bare after "You …": "Have and be able to use a smartphone" read "You have and be able to use a
# smartphone" (review r51); not after a word that takes it bare ("You must have X and be willing", "able to …")
_AND_BE = re.compile(r"\band be\b")
_TAKES_BARE = re.compile(r"\b(?:must|should|shall|will|would|can|could|may|might|to|not|please)\b", re.I)


def _and_are(text: str) -> str:
    m = _AND_BE.search(text)
    if not m or _TAKES_BARE.search(text, 0, m.start()):
        return text
    return text[:m.start()] + "and are" + text[m.end():]


def second_person(text: str, section: str = "inclusion") -> str:
    """Address the reader (see _addressed), with a group limit said to them too (only_for)."""
    return only_for(_addressed(text, section), text, section)


def _addressed(text: str, section: str = "inclusion") -> str:
    """Address the reader: the first matching rule at the start of the item, and "his/her" -> "your".

    Labels ("Prior medication:") are left alone; "No X" becomes "You have no X" only under an
    inclusion heading ("No eligibility criteria" is not about the reader; under exclusions see NEGATED)."""
    if (text.rstrip().endswith("?") or _A_CAP.match(text) or _PROCEDURE.match(text)
            or (section == "exclusion" and (_STUDY_STEP.match(text) or said_as_commitment(text)))):
        # a question ("Does the patient have …?"); a cap on past doses; the study's procedure; what it asks of everyone
        # ("Agree to use … condoms" under "You cannot join if…": not "You agree …", worded.said_as_commitment)
        return text
    original = text
    verdict = _VERDICT.match(text)
    list_intro = False
    if verdict and _VERDICT_SECTION.get(verdict.group("v").lower()) == section and not _HEDGED.search(text):
        # "Patients with X are excluded" under "You cannot join if…" is "You have X": the heading says the rest
        head, end = verdict.group("head"), verdict.group("end")
        if end == ":":   # "Patients with the following conditions are excluded:" introduces a list: any one of them
            # excludes you. (Under inclusion, "… are eligible:" could mean all of them: left as written.)
            following = _FOLLOWING_LIST.search(head)
            list_intro = section == "exclusion" and bool(following) and plural_noun(head[following.end():])
            if list_intro and not re.search(r"\b(?:any|one|all|each|either|both|none)\s+of\s+(?:the\s+|these\s+)?following\b", head, re.I):
                head = _FOLLOWING_LIST.sub("any of the following", head, count=1)
        if end != ":" or list_intro:
            text = head + end
    # a label ("Prior medication:"), but not a state of yours now that the list gives examples of ("Currently severe
    # illness, including:" -> "You currently have severe illness, including:"; was "Now severe illness, including:")
    if text.rstrip().endswith(":") and not list_intro and not _NOW_FOR_EXAMPLE.match(text):
        return text
    if _PASSIVE.search(text):   # "Women of childbearing age are excluded": the subject is not "you"
        return text
    opinion = opinion_lead(text)
    if opinion:   # "In the investigator's opinion, currently needs X" -> "…, you currently need X", or as written
        said, (verb, _, after) = _addressed(opinion[1], section), opinion[1].partition(" ")
        if not said.startswith("You ") and plural_verb(verb.lower()) != verb.lower():   # "Presents a risk of …"
            said = tidy_grammar(f"You {plural_verb(verb.lower())} {after}")
        return opinion[0] + "you " + said[4:] if said.startswith("You ") else text
    label = _LABEL.match(text)
    if label and SOMEONE_ELSES_LABEL.match(text):
        return text   # "DONOR: Known allergy to G-CSF": the donor's (others.py)
    if label:   # "Other: No concurrent MAOIs" -> "Other: You have no concurrent MAOIs"
        rest = _addressed(text[label.end():], section)
        return text[:label.end()] + rest
    if section == "exclusion" and NEGATED.match(text):
        return text   # "No known hypersensitivity to human albumin" under "You cannot join if…" (see NEGATED)
    if _USE_OF.match(text) and (section in ("inclusion", "exclusion") or not _NO.match(text)):
        return use_at_the_same_time(text) or text   # "Concurrent use of X": "You use X during the study", or as written
    if section in ("inclusion", "exclusion") and _NO.match(text):
        rest = text[_NO.match(text).end():]
        if _NO_CMP.match(rest):   # "No greater than 5 cm": a comparator, not "You have no …"
            return text
        rest = _NO_WHO_WITH.sub("", rest, count=1)   # "No patients with X" -> "You have no X"
        pregnant = _NO_PREGNANT.match(rest)
        if pregnant:   # "No pregnant or nursing women" -> "You are not pregnant or breastfeeding"
            also = f" {pregnant.group(1)} {pregnant.group(2)}" if pregnant.group(1) else ""
            return tidy_grammar("You are not pregnant" + also + rest[pregnant.end():])
        if re.match(WHO + r"\s", rest, re.I) or _NO_OTHERS.match(rest):
            return text   # "No patients with more than 6 …", "No females who are …": left as written
        if _own_verb(rest) or HAVE_PEOPLE.match("You have no " + rest) or _TRIAL_LIMIT.match(rest) or _NONE_EXISTS.match(rest):
            return text   # ("No fertile women": not "You have no fertile women"; "No age limits" is the trial's)
        need = _NEED_FOR.match(rest)
        if need:   # "No requirement for supplemental oxygen" -> "You do not need supplemental oxygen"
            return tidy_grammar("You do not need " + rest[need.end():])
        return tidy_grammar(_you_throughout(small_words("You have no " + rest, len("You have no "))))
    if NAMED_MEASURE.match(text):
        return text
    rules = OPENING_RULES + [ILLNESS_RULE] if names_illness(text) else OPENING_RULES
    for rx, repl in rules:
        m = rx.match(text) if rx is not FERTILE or section != "exclusion" else None
        if m:
            new = repl(m)
            said_have = re.match(r"(?:has|have)\b", m.group(0), re.I) or m.group(0).lower().endswith("having")
            if new.startswith("You have") and not said_have and _RESULT.search(text):
                break   # "Hepatitis B surface antigen negative" is a test result, not "You have hepatitis B …"
            if (not _VERBFUL.search(m.group(0)) or _WHO_CLAUSE.search(m.group(0))) and _own_verb(text[m.end():]):
                break   # the item's verb comes later ("Patients getting X will not have had Y"): not "You are getting X"
            # (the illness rule's opening ends with the item's first letter)
            text = small_words(new + text[m.end():], len(new) - (rx is ILLNESS_RULE[0]))
            break
    if verdict and text != original and not text.startswith(("You ", "As ")):
        return original   # "Children with X are excluded": not turned into "You …", so the verdict stays said
    if text.startswith(("You ", "Your ", "As ")):
        if _WITH_PATIENTS.match(original):   # "Patients with X or patients with Y" -> "You have X or Y"
            text = _OR_WITH.sub(r"\1 ", text)
        if "those" in text:   # "You have X, or those now taking Y" -> "…, or you are now taking Y"
            text = _OR_THOSE.sub(lambda m: f"or you are {m.group(1) or ''}{m.group(2)}", text)
        text = _you_throughout(text)
        if text.startswith("You are aged ") and " who " in text:   # "You are aged 35 or older who smoke": "and smoke"
            text = _AGED_WHO.sub(r"\1 and ", text, count=1)
        if text.startswith("You have ") and " not " in text:   # "You have X and not able to walk": "… and are not able"
            text = _AND_NOT_ABLE.sub(lambda m: m.group(0) if _CLAUSE_IS.search(m.string, 0, m.start())
                                     else f"{m.group(1)} are not {m.group(2)}", text)
        text = _and_are(text)
        if about_others(text, original):
            return original   # "You were recruited if they had …": a narrative, not about you; a list of people
        text = tidy_grammar(agree_with_you(text, about_patients=bool(_ABOUT_PATIENTS.match(original))))
        text = use_at_the_same_time(text) or text   # "You must not have concomitant use of X" -> "… not use X …"
    return text

