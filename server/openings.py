"""The opening words of an item said to the reader: "Patients with X" -> "You have X", "Female participants
must" -> "As a woman, you must", "Current use of X" -> "You currently use X", a bare illness -> "You have …".

A table of rules, each rewriting only the start of an item (server.person decides whether an item is about the
reader at all, and tidies what follows the swap).
"""

from __future__ import annotations

import re

from scrapers.illness_words import REWRITE_ENDINGS
from scrapers.vocab import fold

from .first_words import ILLNESS, illness_article, starts_name
from .verb_forms import VERB_3P, plural_verb

__all__ = ["WHO", "PREGNANT_PEOPLE", "OPENING_RULES", "FERTILE", "ILLNESS_RULE", "names_illness"]

# "Patients with cauda equina syndrome who needed surgery": the "who" is the patient, so not "You have
# cauda equina syndrome who needed …" ("partners who wish to become pregnant" is someone else).
_PATIENT_WHO = (r"(?=[^;.]*?(?<!partners)(?<!partner)(?<!children)(?<!child)(?<!parents)(?<!donors)(?<!donor)(?<!caregivers)"
                r"(?<!caregiver)(?<!members)(?<!relatives)(?<!spouse)(?<!siblings)\s+who\b)")
WHO = (r"(?:(?:the|a|an|all|any)\s+)?(?:(?:eligible|potential)\s+)?(?:patients?|subjects?|participants?|individuals?|persons?|people|"
       r"volunteers?|candidates?|those(?=\s+(?:who|with)\b))")   # ("Those who have had …", as Chinese registries write)


_ARTICLE_FOR = {"allergy": "an", "allergies": "", "intolerance": "an", "hypersensitivity": "a", "sensitivity": "a"}


_AS_WHO = {"female": "a woman", "women": "a woman", "woman": "a woman", "male": "a man", "men": "a man", "man": "a man",
           "adult": "an adult", "adults": "an adult"}
_GROUP = r"^(?:the\s+)?(female|male|adult|women|men|adults)"
# the people "pregnant or breastfeeding" names, who are you: "women", "female patients", "female participant"
PREGNANT_PEOPLE = r"(?:female\s+)?(?:women|woman|females?|patients?|subjects?|participants?|mothers?|adolescents?|girls?)"

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
    # "Currently experiencing heart failure of NYHA Class IV" read "You have now having heart failure …" (NCT05094401:
    # the bare-illness rule, then the lexicon's "having"), "Currently experiencing stage 4 or 5 chronic kidney disease"
    # read "Currently having …": an illness is had, "You currently have …". An event keeps the record's verb ("Currently
    # experiencing an acute episode of psychosis" -> "You are now having an acute episode …"; plain22)
    (re.compile(r"^currently\s+experiencing\s+(?!(?:a|an|your|his|her|his/her|their|the|one|any)\b)", re.I),
     lambda m: "You currently have "),
    (re.compile(r"^currently\s+experiencing\b", re.I), lambda m: "You are currently experiencing"),
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

# "Fertile patients must use effective contraception" (743 corpus items, in run-on lists after "You are not pregnant or
# nursing"): the fertile participants are the reader, said as "As a woman, you must" is ("If you are fertile" would add a
# condition word, which the fidelity check refuses). Not under "You cannot join if…", where "you must use birth
# control" reads as a reason you cannot join (server.person leaves it out there)
_FERTILE_WHO = {"female": "woman", "women": "woman", "male": "man", "men": "man", "patients": "patient"}
FERTILE = re.compile(r"^(?:all\s+)?fertile\s+(?:(female|male)\s+)?(patients|subjects|participants|women|men)\s+"
                      r"(must|should|will|need\s+to|are\s+required\s+to)\b", re.I)


def _fertile(m: re.Match) -> str:
    who = _FERTILE_WHO.get(fold(m.group(1) or m.group(2)), "participant")
    return f"As a fertile {who}, you {m.group(3).lower()}"


OPENING_RULES = [
    (FERTILE, _fertile),
    # "Female participants must …" -> "As a woman, you must …": who it applies to stays said.
    (re.compile(rf"{_GROUP}(?:\s+{WHO})?\s+(must|should|will|need\s+to|may)\b", re.I),
     lambda m: f"As {_AS_WHO[fold(m.group(1))]}, you {m.group(2).lower()}"),
    (re.compile(rf"{_GROUP}(?:\s+{WHO})?\s+with\b", re.I), lambda m: f"You are {_AS_WHO[fold(m.group(1))]} with"),
    (re.compile(rf"{_GROUP}(?:\s+{WHO})?\s+who\s+(are|have|were|do|had)\b", re.I),
     lambda m: f"You are {_AS_WHO[fold(m.group(1))]} who {fold(m.group(2))}"),   # (agreement.py makes it "who is")
    # "Patients had to be age 18 years or older at written informed consent" (NCT05923281): a rule of the trial, as
    # "must" says it; was "You had to be age 18 …" (and "Had to be …" "You have had to be …")
    (re.compile(rf"^(?:{WHO}\s+)?had\s+to\s+(?=\w)", re.I), lambda m: "You must "),
    (re.compile(rf"^(must|should)\s+(?!{_OF_A_THING})(?=\w)", re.I), lambda m: f"You {m.group(1).lower()} "),
    # "Patients who are/have/had …" -> "You are/have/had …"
    (re.compile(rf"^{WHO}\s+(?:who|that)\s+(\w+)\b", re.I), lambda m: "You " + plural_verb(m.group(1))),
    # "Patients with X" -> "You have X"
    (re.compile(rf"^{WHO}\s+with\b(?!{_PATIENT_WHO})", re.I), lambda m: "You have"),
    # "Subjects must/should/will/can/may …", "Patient is/has …"
    (re.compile(rf"^{WHO}\s+(must|should|will|can|may|are|have|had|were|agree|need)\b", re.I), lambda m: "You " + m.group(1).lower()),
    (re.compile(rf"^{WHO}\s+(is|has|was)\b", re.I), lambda m: "You " + VERB_3P[fold(m.group(1))]),
    # "Patients having a known allergy", "Patient having exceeded …": "You have", not "You are having"
    (re.compile(rf"^{WHO}\s+having\b", re.I), lambda m: "You have"),
    # "Patients receiving X" -> "You are receiving X"; "Subjects treated with" -> "You have been treated with"
    (re.compile(rf"^{WHO}\s+(?!being\b)([a-z]+ing)\b", re.I), lambda m: "You are " + m.group(1).lower()),
    (re.compile(rf"^{WHO}\s+(treated|diagnosed|exposed|vaccinated|hospitali[sz]ed|infected|randomi[sz]ed|enrolled)\b", re.I),
     lambda m: "You have been " + m.group(1).lower()),
    (re.compile(rf"^{WHO}\s+(eligible|ineligible|able|unable|willing|unwilling|scheduled|pregnant|aged|older|younger|currently|"
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
    (re.compile(rf"^(?:women\s+who\s+are\s+)?pregnant(?:\s+{PREGNANT_PEOPLE})?\s+(or|and/or)\s+(breast[- ]?feeding|lactating|nursing)"
                rf"(?>(?:\s+{PREGNANT_PEOPLE})?)\b(?!\s+who\b)", re.I),
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
ILLNESS_RULE = (re.compile(r"^(?=(?:[A-Za-z][a-z'-]*\s+){0,3}[A-Za-z'-]*" + ILLNESS + r")(?!(?:no|not|any|other|the|this|these|family|risk|"
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


def names_illness(text: str) -> bool:
    """Cheap test before the illness rule: a word among the first five ends like an illness."""
    return any(w.strip(",.;:()").endswith(REWRITE_ENDINGS) for w in text[:60].lower().split()[:5])
