"""Second person: criteria addressed to the reader ("Patients with X" -> "You have X").

Each rule rewrites only the start of an item, and only when the item is about the
participant; who the item applies to stays said ("Female participants must" -> "As a
woman, you must"). Grammar after the swap is server.grammar's job; whether the rest of the
item names someone else than the reader, server.others'.
"""

from __future__ import annotations

import re

from scrapers.vocab import fold

from .everyday import plural_noun, use_at_the_same_time
from .agreement import agree_with_you
from .first_words import ILLNESS, NAMED_MEASURE, illness_article, opinion_lead, starts_name
from .grammar import VERB_3P, plural_verb, tidy_grammar
from .others import HAVE_PEOPLE, SOMEONE_ELSES_LABEL, about_others
from .worded import NEGATED

# "Patients with cauda equina syndrome who needed surgery": the "who" is the patient, so not "You have
# cauda equina syndrome who needed …" ("partners who wish to become pregnant" is someone else).
_PATIENT_WHO = (r"(?=[^;.]*?(?<!partners)(?<!partner)(?<!children)(?<!child)(?<!parents)(?<!donors)(?<!donor)(?<!caregivers)"
                r"(?<!caregiver)(?<!members)(?<!relatives)(?<!spouse)(?<!siblings)\s+who\b)")
_WHO = (r"(?:(?:the|a|an|all|any)\s+)?(?:(?:eligible|potential)\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|"
        r"volunteers?|candidates?|those(?=\s+(?:who|with)\b))")   # ("Those who have had …", as Chinese registries write)


_ARTICLE_FOR = {"allergy": "an", "allergies": "", "intolerance": "an", "hypersensitivity": "a", "sensitivity": "a"}


_AS_WHO = {"female": "a woman", "women": "a woman", "woman": "a woman", "male": "a man", "men": "a man", "man": "a man",
           "adult": "an adult", "adults": "an adult"}
_GROUP = r"^(?:the\s+)?(female|male|adult|women|men|adults)"
# the people "pregnant or breastfeeding" names, who are you: "women", "female patients", "female participant"
_PREGNANT_PEOPLE = r"(?:female\s+)?(?:women|woman|females?|patients?|subjects?|participants?|mothers?|adolescents?|girls?)"

# "Current use of X" -> "You currently use X"; the use now beside a use before, said with verbs too: "Current use
# or any prior exposure to X" -> "You currently use or have had any prior exposure to X" (was "You have current use
# or …"), "Current or recent use of X" -> "… or have recently used X", "Current use, or use within the last 28 days,
# of X" -> "You currently use, or have used within the last 28 days, X"
_NOW = r"^(?:current|ongoing)\s+"
_BEFORE_NOW = {"prior": "", "previous": "", "past": "", "recent": "recently "}
_CURRENT_USE = [
    (re.compile(_NOW + r"use\s+of\b", re.I), lambda m: "You currently use"),
    (re.compile(_NOW + r"use\s+or\s+(any\s+)?((?:prior|previous|past)\s+)?exposure\s+to\b", re.I),
     lambda m: f"You currently use or have had {(m.group(1) or '').lower()}{(m.group(2) or '').lower()}exposure to"),
    (re.compile(_NOW + r"(?:use\s+)?or\s+(?:(any)\s+)?(prior|previous|past|recent)\s+use(\s*\([^()]*\))?\s+of\b", re.I),
     lambda m: f"You currently use or have {_BEFORE_NOW[fold(m.group(2))]}used{m.group(3) or ''}"
               f"{' ' + m.group(1).lower() if m.group(1) else ''}"),
    (re.compile(_NOW + r"use,\s+or\s+use\s+([^,()]+?),\s+of\b", re.I), lambda m: f"You currently use, or have used {m.group(1)},"),
    (re.compile(_NOW + r"use\s+\(\s*or\s+([^()]+)\)\s+of\b", re.I), lambda m: f"You currently use (or have used {m.group(1)})"),
    (re.compile(_NOW + r"use\s+(\([^()]+\))\s+of\b", re.I), lambda m: f"You currently use {m.group(1)}"),
]

# "Currently receive treatment with X" -> "You currently receive …" (the lexicon then says "now"): was "Now receive
# treatment …", no one doing it; "Currently uncontrolled diabetes" -> "You currently have uncontrolled diabetes" (was
# "You have now uncontrolled diabetes"). A second verb after ", or be likely to" takes "are" with "you": "Currently
# require, or be likely to require, MRI" -> "You currently require, or are likely to require, MRI" (was "Now need, or
# be likely to need"); another "or be …" is left as written.
_VERBS_NOW = r"(receives?|uses?|requires?|needs?|has|have|takes?|smokes?|drinks?|undergo(?:es)?)"
_BASE_VERB = {"receives": "receive", "uses": "use", "requires": "require", "needs": "need", "has": "have",
              "takes": "take", "smokes": "smoke", "drinks": "drink", "undergoes": "undergo"}
_CURRENTLY = [
    (re.compile(rf"^currently\s+{_VERBS_NOW}(,?\s+or\s+)be(?=\s+(?:likely|expected|scheduled|about|going)\s+to\b)", re.I),
     lambda m: f"You currently {_BASE_VERB.get(m.group(1).lower(), m.group(1).lower())}{m.group(2)}are"),
    (re.compile(rf"^currently\s+{_VERBS_NOW}\b(?![^;.]*,\s*or\s+be\b)", re.I),
     lambda m: f"You currently {_BASE_VERB.get(m.group(1).lower(), m.group(1).lower())}"),
    (re.compile(r"^currently\s+(?=(?:uncontrolled|active|severe|significant|serious|untreated|symptomatic)\s+[a-z])",
                re.I),
     lambda m: "You currently have "),
]

# the participant or someone who signs for them: "Patient or legally authorized representative (LAR)/guardian"
_YOU_OR_PROXY = r"(?:the\s+)?(?:patient|subject|participant)\s+or\s+(?:(?:his/her|his|her|their)\s+)?"
_PROXY = (r"(?:legal(?:ly)?\s+)?(?:(?:authori[sz]ed|acceptable)\s+)?(?:representative|guardian|parent|caregiver)s?"
          r"(?:\s*\([A-Za-z]{2,5}\))?(?:\s*/\s*(?:legal\s+)?(?:representative|guardian|parent|caregiver)s?)?")

# what "must" is said of, when it is not the reader: a finding, a test, a form or a tumour ("Must be ruled out by
# thorough work-up in patients with unexplained fevers", NCT00002189; "Must be signed before randomization",
# NCT00002298; "should be confirmed with PCR testing"; "Must originate in the skin"): not "You must be ruled out …"
_OF_A_THING = (r"(?:(?:also|still|then|\w+ly)\s+)?(?:(?:have\s+been|be)\s+(?:\w+ly\s+)?(?:ruled\s+out|excluded|"
               r"documented|confirmed|verified|proven|established|signed|obtained|administered|performed|completed|"
               r"measured|associated|excised|resected|present|absent|the\s+first\s+time|substantial)|originate|arise)\b")
_USE_OF = re.compile(r"^(?:no\s+)?(?:concurrent|concomitant)\s+use\s+of\b", re.I)
_NOW_FOR_EXAMPLE = re.compile(r"^currently\s+[^:]*?,?\s+(?:including|such\s+as)\s*:\s*$", re.I)

_PERSON_RULES = [
    # "Female participants must …" -> "As a woman, you must …": who it applies to stays said.
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+(must|should|will|need\s+to|may)\b", re.I),
     lambda m: f"As {_AS_WHO[fold(m.group(1))]}, you {m.group(2).lower()}"),
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+with\b", re.I), lambda m: f"You are {_AS_WHO[fold(m.group(1))]} with"),
    (re.compile(rf"{_GROUP}(?:\s+{_WHO})?\s+who\s+(are|have|were|do|had)\b", re.I),
     lambda m: f"You are {_AS_WHO[fold(m.group(1))]} who {fold(m.group(2))}"),   # (agreement.py makes it "who is")
    # "Patients had to be age 18 years or older at written informed consent" (NCT05923281): a rule of the trial, as
    # "must" says it; was "You had to be age 18 …" (and "Had to be …" "You have had to be …")
    (re.compile(rf"^(?:{_WHO}\s+)?had\s+to\s+(?=\w)", re.I), lambda m: "You must "),
    (re.compile(rf"^(must|should)\s+(?!{_OF_A_THING})(?=\w)", re.I), lambda m: f"You {m.group(1).lower()} "),
    # "Patients who are/have/had …" -> "You are/have/had …"
    (re.compile(rf"^{_WHO}\s+(?:who|that)\s+(\w+)\b", re.I), lambda m: "You " + plural_verb(m.group(1))),
    # "Patients with X" -> "You have X"
    (re.compile(rf"^{_WHO}\s+with\b(?!{_PATIENT_WHO})", re.I), lambda m: "You have"),
    # "Subjects must/should/will/can/may …", "Patient is/has …"
    (re.compile(rf"^{_WHO}\s+(must|should|will|can|may|are|have|had|were|agree|need)\b", re.I), lambda m: "You " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(is|has|was)\b", re.I), lambda m: "You " + VERB_3P[fold(m.group(1))]),
    # "Patients having a known allergy", "Patient having exceeded …": "You have", not "You are having"
    (re.compile(rf"^{_WHO}\s+having\b", re.I), lambda m: "You have"),
    # "Patients receiving X" -> "You are receiving X"; "Subjects treated with" -> "You have been treated with"
    (re.compile(rf"^{_WHO}\s+(?!being\b)([a-z]+ing)\b", re.I), lambda m: "You are " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(treated|diagnosed|exposed|vaccinated|hospitali[sz]ed|infected|randomi[sz]ed|enrolled)\b", re.I),
     lambda m: "You have been " + m.group(1).lower()),
    (re.compile(rf"^{_WHO}\s+(eligible|ineligible|able|unable|willing|unwilling|scheduled|pregnant|aged|older|younger|currently|"
                rf"previously|already|likely|unlikely|known|considered|planning|expected)\b", re.I),
     lambda m: "You are " + m.group(1).lower()),
    (re.compile(r"^(?:the\s+)?(?:patient|subject|participant)'s\b", re.I), lambda m: "Your"),
    # "Participant or legally authorized representative able to understand …" (NCT07635758): "You or your legal
    # representative is able to …", not "… representative able to" (no verb); the verb agrees with the nearer of the
    # two, as "You or your guardian signs" does
    (re.compile(rf"^{_YOU_OR_PROXY}({_PROXY})\s+(?=(?:able|unable|willing|unwilling|available|unavailable|capable|"
                r"incapable|competent|ready|eligible)\b)", re.I), lambda m: f"You or your {m.group(1)} is "),
    (re.compile(rf"^{_YOU_OR_PROXY}(?=legal|parent|guardian|caregiver)", re.I), lambda m: "You or your "),
    # "Pregnant or breastfeeding women" -> "You are pregnant or breastfeeding"
    # (not when a "who" clause narrows the people: "Pregnant or lactating females who are not using birth control")
    # ("Pregnant women or nursing mothers", "Pregnant women or breast feeding women": the same two states).
    # Not "Pregnant and lactating women": two groups, each excluded, but "You are pregnant and
    # breastfeeding" says one person who is both (and "or" for "and" is not a faithful rewrite)
    (re.compile(rf"^(?:women\s+who\s+are\s+)?pregnant(?:\s+{_PREGNANT_PEOPLE})?\s+(or|and/or)\s+(breast[- ]?feeding|lactating|nursing)"
                rf"(?>(?:\s+{_PREGNANT_PEOPLE})?)\b(?!\s+who\b)", re.I),
     lambda m: f"You are pregnant {m.group(1)} {m.group(2)}"),
    # "Pregnant women with chronic hypertension": "You are pregnant and have …", not "pregnant with" (a baby).
    # Not before another group ("Pregnant women and fetuses", "Pregnant patients or donors"): a list of
    # people, not a state of yours
    (re.compile(r"^pregnant\s+(?:women|females|patients|subjects)\b(?!\s+(?:or|and|and/or)\b)"
                r"(\s+with\b)?", re.I), lambda m: "You are pregnant and have" if m.group(1) else "You are pregnant"),
    (re.compile(r"^(able|willing|unable|unwilling)\s+to\b", re.I), lambda m: f"You are {m.group(1).lower()} to"),
    (re.compile(r"^(?:has|have)\s+(?=\w)", re.I), lambda m: "You have "),
    (re.compile(r"^(?:be|are)\s+(?=\w)", re.I), lambda m: "You are "),
    # ("Plans for surgery in next 3 months": the patient's plans, a noun; "Uses of aspirin …" is left as written)
    (re.compile(r"^plans\s+for\b", re.I), lambda m: "You have plans for"),
    (re.compile(r"^(is|was|does|agrees|meets|requires|receives|understands|needs|weighs|lives|speaks|plans|uses|takes)\s+"
                r"(?!of\b)(?=\w)", re.I),
     lambda m: "You " + VERB_3P[fold(m.group(1))] + " "),
    (re.compile(r"^an?\s+(man|woman|male|female|adult|boy|girl)\b", re.I), lambda m: f"You are a {m.group(1).lower()}"),
    (re.compile(r"^history\s+of\b", re.I), lambda m: "You have a history of"),
    (re.compile(r"^(?:a\s+)?diagnosis\s+of\b", re.I), lambda m: "You have a diagnosis of"),
    (re.compile(r"^diagnosed\s+with\b", re.I), lambda m: "You have been diagnosed with"),
    (re.compile(r"^currently\s+(taking|receiving|using|enrolled|participating|pregnant|breast-?feeding)\b", re.I),
     lambda m: f"You are currently {m.group(1)}"),
    # "Had received long-term pharmacotherapy", "Had achieved a CR": "You have received", not "You have had received"
    (re.compile(r"^had\s+(?=(?:received|achieved|undergone|been|taken|completed|failed|tried|participated|experienced|"
                r"used|started|stopped|discontinued|given|done|developed|shown|responded)\b)", re.I), lambda m: "You have "),
    (re.compile(r"^(received|undergone|had)\s+(?=\w)", re.I), lambda m: f"You have {m.group(1).lower()} "),
    (re.compile(r"^(?:fully\s+)?recovered\s+from\b", re.I), lambda m: "You have " + m.group(0).lower()),
    (re.compile(r"^negative\s+(?=[\w-]+\s+(?:test|screen|result|serology))", re.I), lambda m: "You have a negative "),
    # "Known allergy to X" -> "You have a known allergy to X"; "Known allergies to X" -> "You have known allergies to X"
    (re.compile(r"^(known\s+)?(allergy|allergies|hypersensitivity|sensitivity|intolerance)\s+to\b", re.I),
     lambda m: " ".join(w for w in ("You have", "a" if m.group(1) and m.group(2).lower() != "allergies" else
                                    "" if m.group(1) else _ARTICLE_FOR[fold(m.group(2))],
                                    "known" if m.group(1) else "", m.group(2).lower(), "to") if w)),
    (re.compile(r"^aged?\s*(?::\s*|\s+of\s+|\s+is\s+)?(?=(?:at least|at most|more than|less than|between|from|over|under|older|younger|[<>≤≥]|\\?[<>]|\d))", re.I),
     lambda m: "You are aged "),
    (re.compile(r"^(?=(?:at least|at most|more than|less than|between|over|under|older than|younger than)\s+\d[^;]*\b(?:years?|yrs?)\b[^;]*\b(?:age|old)\b)", re.I),
     lambda m: "You are "),
    (re.compile(r"^(men|women|males?|females?)\s+(?=(?:aged?\b|\d|between|over|at least|older|younger|with\b|who\s+are\b))", re.I),
     lambda m: "You are a " + {"men": "man", "women": "woman", "males": "male", "females": "female"}.get(m.group(1).lower(), m.group(1).lower()) + " "),
    (re.compile(r"^(?:the\s+)?presence\s+of\b", re.I), lambda m: "You have"),
    (re.compile(r"^(previous|prior|past|documented|personal)\s+history\s+of\b", re.I), lambda m: f"You have a {m.group(1).lower()} history of"),
    (re.compile(r"^suffering\s+from\b", re.I), lambda m: "You are suffering from"),
    (re.compile(r"^ability\s+to\b", re.I), lambda m: "You are able to"),
    (re.compile(r"^willingness\s+to\b", re.I), lambda m: "You are willing to"),
    (re.compile(r"^inability\s+to\b", re.I), lambda m: "You are unable to"),
    (re.compile(r"^(capable|willing|able)\s+(and|or)\s+(willing|able|capable)\b", re.I),
     lambda m: f"You are {m.group(1).lower()} {m.group(2)} {m.group(3).lower()}"),
    (re.compile(r"^agrees?\s+to\b", re.I), lambda m: "You agree to"),
    (re.compile(r"^(do|does|did)\s+not\b", re.I), lambda m: "You " + {"does": "do"}.get(m.group(1).lower(), m.group(1).lower()) + " not"),
    (re.compile(r"^not\s+(?=pregnant|breast|nursing|lactating)", re.I), lambda m: "You are not "),
    *_CURRENT_USE,
    *_CURRENTLY,
    (re.compile(r"^(active|chronic|severe|uncontrolled|significant|clinically significant|acute|untreated|unstable|"
                r"symptomatic|serious|ongoing|recent|prior|previous|concurrent|current)\s+"
                r"(?!of\b|to\b|versions?\b|amendments?\b|editions?\b|sections?\b)(?=[a-z])"   # not "PREVIOUS VERSION -"
                r"(?!(?:[\w-]+\s+)?(?:ex-|non-?)?(?:smokers?|drinkers?|users?|abusers?)\b)", re.I),   # nor "You have current smokers"
     lambda m: f"You have {m.group(1) if starts_name(m) else m.group(1).lower()} "),
    (re.compile(r"^signed\s+(?=\w)", re.I), lambda m: "You have signed "),
    (re.compile(r"^known\s+to\b", re.I), lambda m: "You are known to"),   # not "You have known to have …"
    (re.compile(r"^(?:currently|presently)\s+(?:have|has)\b", re.I), lambda m: "You currently have"),
    (re.compile(r"^known\s+(?=\w)", re.I), lambda m: "You have known "),
]
# A bare illness: "Urinary tract infection" -> "You have a urinary tract infection", "Hepatitis B" -> "You have hepatitis B"
_ILLNESS_RULE = (re.compile(r"^(?=(?:[A-Za-z][a-z'-]*\s+){0,3}[A-Za-z'-]*" + ILLNESS + r")(?!(?:no|not|any|other|the|this|these|family|risk|"
                r"signs?|evidence|history|use|treatment|prior|current|diagnosis|suspicion|suspected|presence|absence|"
                r"pregnancy|women|men|patients?|subjects?|participants?|see|refer|exclude|include|defined|as|per|positive|negative|"
                r"measurable|evaluable|stable|\w+ing)\b)(?!(?:\S+\s+){0,3}?(?:of|with|for|to|in|on|or|and|by)\b)"
                r"(?![^;]*\b(?:patients?|subjects?|participants?)\b)"
                r"(?!(?:\S+\s+){0,3}?\S*" + ILLNESS + r"\s+(?:size|markers?|burden|stage|grade|type|status|count|tissue|"
                r"samples?|specimens?|cells?|site|location|lesions?|volume|diameter|response|free|related|"
                r"rating|scales?|scores?|inventory|questionnaire|index|assessments?|evaluations?|activity|study|trial|"
                r"therapy|therapies|treatments?|drugs?|agents?|medications?|medicines?|vaccines?|regimens?|"   # ("Cytotoxic
                r"chemotherapy|surgery|screening)\b)"   # anticancer therapy", "Diabetes medication": no illness of yours)
                r"(?![^;]*\b(?:within|since|before|prior|ago|past|last|previous|recent|recently)\b)(?=[A-Z][a-z]|[a-z]|[A-Z]{2})(.)", re.I),
     lambda m: "You have " + illness_article(m.string))
_ILLNESS_ENDINGS = ("itis", "oma", "omas", "emia", "osis", "pathy", "disease", "diseases", "cancer", "cancers", "failure",
                    "syndrome", "insufficiency", "infection", "infections", "disorder", "disorders", "tumor", "tumors",
                    "tumour", "tumours", "ulcer", "ulcers", "hypertension", "diabetes", "epilepsy", "asthma", "dementia",
                    "depression", "fibrillation")


def _names_illness(text: str) -> bool:
    """Cheap test before the illness rule: a word among the first five ends like an illness."""
    return any(w.strip(",.;:()").endswith(_ILLNESS_ENDINGS) for w in text[:60].lower().split()[:5])
# A test result said as "Name negative/positive" (not "is positive", not "negative pregnancy test")
_RESULT = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeing )(?<!\bbecome )\b(?:sero)?(?:negative|positive)\b"
                     r"(?!\s+(?:for|tests?|pregnancy|results?|screen|urine|serum|blood|serology)\b)", re.I)
_NO = re.compile(r"^no\s+(?=[a-z])", re.I)
# "No pregnant or nursing (women)": you are not; "No females who …", "No infants born to …": people, not what you have
_NO_PREGNANT = re.compile(r"(?>pregnant(?:\s+(or|and/or)\s+(breast-?feeding|lactating|nursing))?(?:\s+" + _PREGNANT_PEOPLE + r")?)\b"
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


# A noun-phrase item that has its own verb ("Prior interferon allowed if …", "Prior therapy
# must have ended …") is not about what you have: "You have prior interferon allowed" is wrong.
_VERBFUL = re.compile(r"\b(?:who|that|must|should|shall|will|can|may|are|is|have|has|had|were|was|agrees?|needs?|"
                      r"do|does|did|be|been|received|undergone|use|uses|takes?|meets?|requires?|understands?|"
                      r"weighs?|lives?|speaks?|plans?|receives?)\b", re.I)
_OWN_VERB_RX = re.compile(r"\b(?:(will|would|may|might|could|can|cannot|is|are|was|were|has|receive|undergo)|does not (?:exclude|constitute)|must|should|shall|allowed|permitted|prohibited|"
                          r"required|excluded|acceptable|eligible|ineligible|accepted|forbidden)\b", re.I)
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
_NO_WHO_WITH = re.compile(rf"^{_WHO}\s+with\s+(?!(?:greater|more|less|fewer|higher|lower|over|under|above|below)\b)(?=\w)", re.I)


_ABOUT_PATIENTS = re.compile(rf"^{_WHO}\s+(?:who|with)\b", re.I)
# the same patients named again after "or": "Patients with diabetes or patients with hypertension"
_WITH_PATIENTS = re.compile(rf"^{_WHO}\s+with\b", re.I)
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
_THE_PATIENTS = re.compile(r"\bthe (?:patient|subject)'s\b")


def _you_throughout(text: str) -> str:
    """An item addressed to the reader names them the same way further on ("the patient's vision" -> "your vision")."""
    if "the patient" not in text and "the subject" not in text:
        return text
    return _THE_PATIENTS_ABILITY.sub("your ability to", _THE_PATIENTS.sub("your", text))


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


def second_person(text: str, section: str = "inclusion") -> str:
    """Address the reader: the first matching rule at the start of the item, and "his/her" -> "your".

    Labels ("Prior medication:") are left alone; "No X" becomes "You have no X" only under an
    inclusion heading ("No eligibility criteria" is not about the reader; under exclusions see NEGATED)."""
    if text.rstrip().endswith("?") or _A_CAP.match(text) or _PROCEDURE.match(text):
        return text   # a question ("Does the patient have …?"); a cap on past doses; the study's procedure
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
        said, (verb, _, after) = second_person(opinion[1], section), opinion[1].partition(" ")
        if not said.startswith("You ") and plural_verb(verb.lower()) != verb.lower():   # "Presents a risk of …"
            said = tidy_grammar(f"You {plural_verb(verb.lower())} {after}")
        return opinion[0] + "you " + said[4:] if said.startswith("You ") else text
    label = _LABEL.match(text)
    if label and SOMEONE_ELSES_LABEL.match(text):
        return text   # "DONOR: Known allergy to G-CSF": the donor's (others.py)
    if label:   # "Other: No concurrent MAOIs" -> "Other: You have no concurrent MAOIs"
        rest = second_person(text[label.end():], section)
        return text[:label.end()] + rest
    if section == "exclusion" and NEGATED.match(text):
        return text   # "No known hypersensitivity to human albumin" under "You cannot join if…" (see NEGATED)
    if _USE_OF.match(text) and (section in ("inclusion", "exclusion") or not _NO.match(text)):
        return use_at_the_same_time(text) or text   # "Concurrent use of X": "You use X at the same time", or as written
    if section in ("inclusion", "exclusion") and _NO.match(text):
        rest = text[_NO.match(text).end():]
        if _NO_CMP.match(rest):   # "No greater than 5 cm": a comparator, not "You have no …"
            return text
        rest = _NO_WHO_WITH.sub("", rest, count=1)   # "No patients with X" -> "You have no X"
        pregnant = _NO_PREGNANT.match(rest)
        if pregnant:   # "No pregnant or nursing women" -> "You are not pregnant or breastfeeding"
            also = f" {pregnant.group(1)} {pregnant.group(2)}" if pregnant.group(1) else ""
            return tidy_grammar("You are not pregnant" + also + rest[pregnant.end():])
        if re.match(_WHO + r"\s", rest, re.I) or _NO_OTHERS.match(rest):
            return text   # "No patients with more than 6 …", "No females who are …": left as written
        if _own_verb(rest) or HAVE_PEOPLE.match("You have no " + rest) or _TRIAL_LIMIT.match(rest):
            return text   # ("No fertile women": not "You have no fertile women"; "No age limits" is the trial's)
        need = _NEED_FOR.match(rest)
        if need:   # "No requirement for supplemental oxygen" -> "You do not need supplemental oxygen"
            return tidy_grammar("You do not need " + rest[need.end():])
        return tidy_grammar(_you_throughout("You have no " + rest))
    if NAMED_MEASURE.match(text):
        return text
    rules = _PERSON_RULES + [_ILLNESS_RULE] if _names_illness(text) else _PERSON_RULES
    for rx, repl in rules:
        m = rx.match(text)
        if m:
            new = repl(m)
            said_have = re.match(r"(?:has|have)\b", m.group(0), re.I) or m.group(0).lower().endswith("having")
            if new.startswith("You have") and not said_have and _RESULT.search(text):
                break   # "Hepatitis B surface antigen negative" is a test result, not "You have hepatitis B …"
            if (not _VERBFUL.search(m.group(0)) or _WHO_CLAUSE.search(m.group(0))) and _own_verb(text[m.end():]):
                break   # the item's verb comes later ("Patients getting X will not have had Y"): not "You are getting X"
            text = new + text[m.end():]
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
        if about_others(text, original):
            return original   # "You were recruited if they had …": a narrative, not about you; a list of people
        text = tidy_grammar(agree_with_you(text, about_patients=bool(_ABOUT_PATIENTS.match(original))))
        text = use_at_the_same_time(text) or text   # "You must not have concomitant use of X" -> "… not use X …"
    return text

