"""Whether an item turned into "You …" is about someone else than the reader.

server.person addresses an item to the reader by its first words ("Patients with X" -> "You have X"); the rest of
the item may still name other people: a pronoun for them ("if they had …"), another group listed beside what "you"
have ("…, breastfeeding mothers, women who …"), or people where "you have" expects a thing ("You have chronic
cluster patients"). The item is then left as written (see `about_others`).
"""

from __future__ import annotations

import re

# someone else than the reader, named as a label or a lead-in (explain._NOT_ABOUT_THE_READER): "DONOR: Known allergy to
# G-CSF" is the donor's, not "DONOR: You have a known allergy to G-CSF" (review r18 #2)
# ... or the participant's kin ("Two or more maternally related males manifesting at least one of the following XLP
# phenotypes:" over "Aplastic anemia", NCT00006056, was "You have aplastic anemia"; r49 F2): relatives, family members,
# siblings, kindred, household contacts or members, (maternally/paternally) related males or females; and a pregnant
# participant's fetus ("Identification in the fetus of any of the following structural lesions …:", NCT00460928:
# "You have developmental tricuspid valve disease")
KIN = (r"(?:(?:(?:first|second|third|1st|2nd|3rd)[- ]degree|blood|genetic|biological|biologic|close|affected|maternal|"
       r"paternal)\s+)?(?:relatives?|family\s+members?|siblings?|sibs|kindreds?|household\s+(?:contacts?|members?)|"
       r"fetus(?:es)?|foetus(?:es)?|unborn\s+(?:child|baby|infant))"
       r"|(?:(?:maternally|paternally|genetically|biologically)\s+)?related\s+(?:males?|females?|men|women|individuals|"
       r"persons|people|family\s+members?)")
SOMEONE_ELSE = (r"(?:(?:(?:potential|prospective|sibling|related|unrelated|healthy|stem[- ]cell|marrow)\s+)?donors?"
                r"(?:\s+siblings?)?|(?:(?:potential|prospective|male|female)\s+)?(?:mothers?|fathers?|parents?|partners?|"
                rf"caregivers?|spouses?)|{KIN})")
SOMEONE_ELSES_LABEL = re.compile(rf"^(?:the\s+)?{SOMEONE_ELSE}\s*:", re.I)

THIRD_PERSON = re.compile(r"\b(?:they|them|their|theirs|themselves|he|she|him|himself|herself)\b", re.I)

# another group of people listed beside what "you" have once the item says "you": "You are pregnant,
# breastfeeding mothers, women who …", "You have had COPD, those who have major neurological
# disorders", "You are aged less than 18 years, incapacitated subjects": the list is of people, so the
# item is left as written
_OTHER_GROUP = re.compile(r"\bfor\s+(?:(?:the|all|any|those)\s+)?(?:[a-z-]+\s+)?(?:patients|subjects|participants|volunteers)\b"
                          # ("… at most 81 mg for participants receiving clopidogrel": a rule for some; "for women" is a sex's limit)
                          r"|(?:,|;|\bor\b|\band\b)\s+(?:(?:the|all|any)\s+)?(?:[a-z-]+\s+)?(?:those\s+(?:who|with|having|taking|getting|"
                          r"diagnosed|undergoing|on)\b|(?:patients|subjects|participants|women|men|females|males|mothers|smokers|members|relatives|"
                          r"individuals|persons|people|volunteers)\b(?!['’]))", re.I)   # ("those that …" are things; "Women's …" a name)
# ... or named after "or" by what they have, a few words before their word: "You have severe pulmonary arterial
# hypertension (…), or mild to moderate pulmonary arterial hypertension patients with severe cardiopulmonary
# insufficiency" (NCT07041801); not the patients of an example or a place ("… or increased enhancement in patients with")
_OR_NAMED_GROUP = re.compile(r"\bor\s+(?:(?!(?:including|such|except|especially)\b)[\w-]+\s+){1,6}?"
                             r"(?<!\bin )(?<!\bfor )(?<!\bof )(?<!\bto )(?<!\bamong )"
                             r"(?:patients|subjects|participants|people|individuals)\s+(?:with|who)\b", re.I)

# what "you have" would be a group of people: "Chronic cluster patients" is not "You have chronic cluster patients",
# "Biological children without a history of cancer" not "You have biological children …"
# ("Current drug or alcohol abusers" was "You have current drug or alcohol abusers", NCT00002007; review r18)
# (a recipient is someone too: "Previous organ transplant recipient." was "You have had an organ transplant recipient.",
# NCT00460096; 3 items, review r35 §8)
HAVE_PEOPLE = re.compile(r"^You have (?:no |had )?(?:(?:[\w-]+ ){0,3}?(?:patients|people|subjects|individuals|participants|"
                         r"persons|volunteers|women|men|children|adults|candidates|females|males)|(?:[\w-]+ ){0,4}?"
                         r"(?:users|abusers|addicts|alcoholics|smokers|drinkers|recipients?))\b")
_SAYS_HAVE = re.compile(r"^(?:[\w-]+\s+){0,2}?(?:has|have|had)\b", re.I)   # ("Volunteer has biological children": yours)
_CONTACT = re.compile(r"\bcontacts?\b", re.I)   # "avoid close contact with children < 3, pregnant women, …": others, not you


def lists_other_people(text: str) -> bool:
    """Whether the text names another group of people outside brackets (see _OTHER_GROUP, _OR_NAMED_GROUP)."""
    for m in [*_OTHER_GROUP.finditer(text), *_OR_NAMED_GROUP.finditer(text)]:
        sentence = re.split(r"[.;]\s", text[:m.start()])[-1]
        if text.count("(", 0, m.start()) <= text.count(")", 0, m.start()) and not _CONTACT.search(sentence):
            return True
    return False


def about_others(text: str, original: str) -> bool:
    """Whether `text`, the item `original` addressed to the reader, names someone else: "You were recruited if they
    had …" (a narrative, not about you), a list of people, "You have … patients" (unless the item said "has")."""
    return bool(THIRD_PERSON.search(text) or lists_other_people(text)
                or (HAVE_PEOPLE.match(text) and not _SAYS_HAVE.match(original)))
