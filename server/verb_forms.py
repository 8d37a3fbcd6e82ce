"""Verb forms and articles the plain-English rewrite agrees with "you" and with what follows: "has" -> "have",
"satisfies" -> "satisfy", "a" or "an" by sound. Split from grammar.py (which uses them in its repair rules) so each
stays under the project's module size."""

from __future__ import annotations

import re

VERB_3P = {"is": "are", "has": "have", "was": "were", "does": "do", "agrees": "agree", "meets": "meet",
           "requires": "require", "receives": "receive", "understands": "understand", "needs": "need",
           "weighs": "weigh", "lives": "live", "speaks": "speak", "plans": "plan", "uses": "use", "takes": "take"}
# More verbs a criterion says of "the patient"; with "you" they lose the -s (see plural_verb).
OTHER_3P = frozenset("""participates consents provides fulfills fulfils satisfies presents suffers experiences remains
resides shows demonstrates develops wishes wants smokes drinks lacks undergoes expects anticipates intends refuses
reports continues qualifies complies tolerates works attends wears belongs owns carries becomes desires declines""".split())
_AN_LETTERS = "AEFHILMNORSX"   # letters said with a vowel sound: "an HIV infection", "an MRI"


def article(word: str) -> str:
    """"a" or "an" for the word that follows (by sound: "an HIV", "a urine", "an ulcer")."""
    if re.match(r"[A-Z]{2}", word):
        return "an" if word[0] in _AN_LETTERS else "a"
    return "an" if re.match(r"[aeio]|hon|u(?:l|m|p|n(?!i)|s(?!u|e))", word, re.I) else "a"


def plural_verb(verb: str) -> str:
    """The form that goes with "you": "has" -> "have", "satisfies" -> "satisfy"; other words unchanged."""
    low = verb.lower()
    if low in VERB_3P:
        return VERB_3P[low]
    if low not in OTHER_3P:
        return verb
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("oes", "shes", "ches", "sses", "xes")):
        return low[:-2]
    return low[:-1]


# The form that goes with one person ("a woman who …"): "are" -> "is", "plan" -> "plans", the reverse of plural_verb.
SINGULAR_VERB = {**{plural_verb(v): v for v in OTHER_3P}, **{you: one for one, you in VERB_3P.items()}, "were": "was", "do": "does"}
