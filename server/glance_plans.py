"""The pregnancy row's words, and the participant's own plan to become pregnant (or to father a child) during the
study, which the row says (plain10, plain11): split from server/glance.py (plain14), which reads the rest of the glance.
The clause and someone-else helpers are shared with glance.py's reading of a pregnancy or breastfeeding.
"""

from __future__ import annotations

import re

from scrapers.criteria import Item

# what the pregnancy row says: the service page, `triallens explain` and the card (extension/lib/criteria.js
# pregnancyRow) say the same words, as a reader who sees both should read one rule. A plan to father a child (plain11) is
# said as such: said as "planning a pregnancy", a rule for men would tell a woman planning one that it rules her out
PREGNANCY_EXCLUDED = "Excluded"
EXCLUDED_ALSO_IF, EXCLUDED_IF, DURING_THE_STUDY = "Excluded, also if", "Excluded if", "during the study"
# ... and a span the record gives past the study, read exactly (plan_until): "during the study and up to 120 days after
# the last dose" (plain14)
AND_UP_TO = "and up to"
PLANS = {(True, True): "planning a pregnancy or to father a child", (True, False): "planning a pregnancy",
         (False, True): "planning to father a child"}
PREGNANCY_AND_PLAN_EXCLUDED = f"{EXCLUDED_ALSO_IF} {PLANS[True, False]} {DURING_THE_STUDY}"
PREGNANCY_PLAN_EXCLUDED = f"{EXCLUDED_IF} {PLANS[True, False]} {DURING_THE_STUDY}"
# ... and where only some of the groups the criteria are split into rule it out (pregnancy_excluded_some_groups): not
# "Excluded", which would turn away a pregnant reader another group takes, nor nothing, which hid the rule (glance9)
PREGNANCY_EXCLUDED_SOME_GROUPS = "Excluded in some of the study's groups (the full list says which)"


def pregnancy_row(glance: dict) -> str | None:
    """The pregnancy row's words, or None where the record rules out neither a pregnancy nor a plan to start one (or
    to father a child), not even in some of its groups."""
    plans = PLANS.get((bool(glance.get("pregnancy_plan_excluded")), bool(glance.get("fathering_plan_excluded"))))
    if plans:
        until = glance.get("pregnancy_plan_until")
        span = f"{DURING_THE_STUDY} {AND_UP_TO} {until}" if isinstance(until, str) and until else DURING_THE_STUDY
        lead = f"{EXCLUDED_ALSO_IF if glance.get('pregnancy_excluded') else EXCLUDED_IF} {plans}"
        # (a plan the record rules out with no time said is said with none: "during the study" told a reader planning
        # a child a year after it that the row was not theirs; review r49 F8)
        return lead if glance.get("pregnancy_plan_any_time") is True else f"{lead} {span}"
    if glance.get("pregnancy_excluded"):
        return PREGNANCY_EXCLUDED
    return PREGNANCY_EXCLUDED_SOME_GROUPS if glance.get("pregnancy_excluded_some_groups") is True else None


# --------------------------------------------------------------------------- clauses, and someone else's

# an item's clauses: what one says of a partner is not said of another
_CLAUSES = re.compile(r";|\.\s+(?=[A-Z])")
# about someone else: a partner, a household contact, a caregiver
_PARTNER = re.compile(r"\bpartner|\bspouse|\bcontacts?\b|\bcaregiver|\bhousehold|\bfamily members?\b", re.I)

# someone else named as the one a rule is about, ahead of it in its clause: a partner as the subject ("patient's partner
# must have a negative urine pregnancy test", NCT00210704; "Partner is not pregnant or lactating", NCT01037218), not one
# named beside the participant ("Women of childbearing potential with non-sterilized male partners must have a negative
# serum pregnancy test", NCT06940401); a donor ("DONOR: Pregnancy", NCT00008450; "Donor pregnant or lactating.",
# NCT00003553; "… Donor Entry Criteria: … Negative pregnancy test", NCT00002789), not a patient beside one ("Patient or
# donor pregnant")
_PARTNER_SUBJECT = re.compile(r"\b(?:partner|spouse)s?(?:'s)?\s+(?:[\w-]+\s+){0,3}$", re.I)
_NAMED_WITH = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,2}$", re.I)
_DONORS = re.compile(r"^\W*(?:[\w-]+\s+)?donors?\b|\bdonors?(?:\s+[\w-]+){0,2}\s*:", re.I)


def _someone_elses(clause: str, m: re.Match) -> bool:
    """Whether the words ahead of a rule in its clause make it a partner's or a donor's (see above); a donor's label
    within the words matched too ("HIV negative Donor Entry Criteria: … Negative pregnancy test" is one match)."""
    before = clause[:m.start()]
    partner = _PARTNER_SUBJECT.search(before)
    return bool(partner and not _NAMED_WITH.search(before[:partner.start()])) or bool(_DONORS.search(clause[:m.end()]))


# --------------------------------------------------------------------------- a plan to become pregnant

# the participant's own plan or wish to become pregnant ("Pregnant or plans on becoming pregnant during study period",
# NCT00494364; "Pregnancy or planned pregnancy", NCT00462046; "attempting to conceive"; "expecting to conceive within the
# projected duration of the study", NCT00496834)
_WISH = (r"\b(?:plan\w*|intend\w*|intention|intent|wish\w*|desir\w*|want\w*|anticipat\w*|expect(?:s|ing)?|try|trying|"
         r"tries|attempt\w*|seek\w*|considering|thinking)(?:\s+(?:on|to|of|for|in|a|an|about))*\s+")
_PLAN = re.compile(_WISH + r"(?:(?:becom\w*|get\w*|be)\s+)?(?:pregnan\w*|conceiv\w*)|\bpregnan\w* (?:plan|wish|desire|"
                   r"intention)\w*|\bplanned pregnan\w*", re.I)
# ... or to father a child ("Are planning to father a baby or are in a relationship with a pregnant partner",
# NCT02224846; "expecting to conceive or father a child within the projected duration of the study", NCT04646330; "Men
# who are planning to impregnate their partners", NCT06264414): not a rule of conduct ("Males unwilling to refrain from
# fathering a child", NCT00499928: no plan said; for "must not attempt to" see _CONDUCT)
_FATHER = re.compile(_WISH + r"(?:conceiv\w*\s+(?:or|and/or)\s+)?(?:father\w*|sir(?:e|ing)|impregnat\w*)\b", re.I)
# ... a plan to conceive said of men only ("Male participants planning to conceive during the study") is theirs to father
_MEN = re.compile(r"\b(?:men|males?|male\s+(?:patients?|participants?|subjects?|volunteers?))\b", re.I)
_WOMEN = re.compile(r"\b(?:wom[ae]n|females?|girls?|mothers?)\b", re.I)
# ... said for the study's time: the study, or no time at all (a plan at any time rules out one during the study);
# not another span ("within the next 6 months", "in the first postoperative year", "in the next 2-years")
_STUDY_TIME = re.compile(r"\b(?:during|throughout|for|within|in|while)\s+(?:the\s+|this\s+)?(?:(?:projected\s+|planned\s+|"
                         r"expected\s+)?(?:course|time ?frame|time|length|duration|period)\s+of\s+(?:the\s+|this\s+)?)?"
                         r"(?:\d+-month\s+)?(?:clinical\s+)?(?:study|trial|treatment|participation|protocol)\b"
                         r"|\bwhile\s+(?:on|in|enrolled\s+in|participating\s+in)\s+(?:the\s+|this\s+)?(?:study|trial|treatment)\b",
                         re.I)
_SOME_TIME = re.compile(r"\b(?:during|within|next|following|coming|after|before|until|prior|since|months?|years?|weeks?|"
                        r"days?|period|time|first|year|soon|future|postoperative|postpartum)\b|\d", re.I)
_NOT_BEFORE = re.compile(r"\b(?:not|no|nor|neither|never)\b[^.;,]{0,20}$", re.I)
# ... a requirement worded under the exclusions: "you must not be planning to become pregnant during the course of the
# study" (NCT00004984), as required_in_exclusions reads "Not pregnant"
_MUST_NOT_BEFORE = re.compile(r"\b(?:must|should|may|can|will)\s*not\s+(?:be\s+)?$", re.I)
# ... but in an inclusion, "must not attempt to" is a rule of conduct while in the study, no plan said ("Males
# participating in the study must not attempt to impregnate a female", NCT00006604)
_CONDUCT = re.compile(r"(?:attempt|try|tries|trying)", re.I)


# ... and no longer: "within the projected duration of the study including 120 days following the last dose"
# (NCT04646330), "… of the study, starting with the screening visit through 120 days after the last dose" (NCT05078931)
# is a span the row's "during the study" would cut short (review r47 L1)
_BEYOND = re.compile(r"\b(?:after|following|through|thru|until|till|beyond|including|plus|post)\b|"
                     r"\d+\s*(?:-\s*)?(?:days?|weeks?|months?|years?)\b", re.I)


def _plan_for_the_study(clause: str, m: re.Match) -> bool:
    """Whether the plan matched in `clause` is said for the study's time and no longer (see _STUDY_TIME, _BEYOND)."""
    after = clause[m.end():]
    study, some = _STUDY_TIME.search(after), _SOME_TIME.search(after)
    if not some:
        return True
    # (the first time said is the study's, and nothing after it stretches it)
    return bool(study and study.start() <= some.start() and not _BEYOND.search(after, study.end()))


# ... or past it, read exactly: the study's time, then a span to a time after the last dose and nothing else ("within the
# projected duration of the study including 120 days following the last dose of study treatment", NCT04646330,
# NCT04736823; "within the projected duration of the study, starting with the screening visit through 120 days after
# the last dose of study intervention", NCT05078931, NCT05832827; "during the study or within 3 months following the
# last dose of the investigational product", NCT02552212). The row says it, number and unit kept ("during the study and
# up to 120 days after the last dose"; plain14): "Excluded" alone told a reader planning a child 60 days after the last
# dose nothing of it. Any other words leave the span unsaid (the row says "Excluded", as r47 L1 left it)
_PAST_THE_LAST_DOSE = re.compile(
    r"\s*(?:,\s*starting\s+(?:with|from|at)\s+(?:the\s+)?screening(?:\s+visit)?)?,?\s+(?:including|through|thru|until|"
    r"(?:or|and)\s+(?:for|within|up\s+to))\s+(?:the\s+)?(?P<n>\d+)\s+(?P<unit>days?|weeks?|months?)\s+(?:following|"
    r"after)\s+(?:the\s+)?(?:last|final)\s+dose(?:\s+of\s+(?:the\s+)?(?:study|trial|investigational)\s+(?:treatment|"
    r"intervention|product|drug|medication|therapy))?\s*\.?\s*$", re.I)


def _span_past_the_study(clause: str, m: re.Match) -> str | None:
    """The span past the study that the plan matched in `clause` is said for ("120 days after the last dose"), where
    the study's time is the first time said and the rest of the clause is that span and no more (_PAST_THE_LAST_DOSE)."""
    after = clause[m.end():]
    study, some = _STUDY_TIME.search(after), _SOME_TIME.search(after)
    if not (study and some and study.start() <= some.start()):
        return None
    past = _PAST_THE_LAST_DOSE.match(after, study.end())
    return f"{past['n']} {past['unit'].lower()} after the last dose" if past else None


def _plans(inc: list[Item], exc: list[Item], said: re.Pattern,
           father: bool = False) -> list[tuple[str, str | None, bool]]:
    """The clauses in which the participant's own plan (`said`) for the study's time rules them out: an exclusion says
    it (not negated: "must not have the intent" is a requirement worded backwards) or an inclusion asks for no such plan
    ("Women who are not pregnant and do not plan to become pregnant during the study", NCT00497809). Not a partner's
    ("Patient's partner is trying to conceive during the trial period"; a partner named after a plan to father a child is
    its object: "planning to impregnate their partners"), a donor's, nor a plan for some other span. Each with the span
    past the study it is said for (_span_past_the_study), None for the study's time only, and whether it says no time
    at all."""
    out: list[tuple[str, str | None, bool]] = []
    for items, negated in ((exc, False), (inc, True)):
        for it in items:
            for clause in _CLAUSES.split(it.text):
                for m in said.finditer(clause):
                    before = clause[:m.start()]
                    must_not = bool(_MUST_NOT_BEFORE.search(before))
                    if negated and must_not and _CONDUCT.match(m.group(0)):
                        continue
                    if (not _PARTNER.search(before if father else clause)
                            and (bool(_NOT_BEFORE.search(before)) == negated or must_not)
                            and not _someone_elses(clause, m)):
                        span = None if _plan_for_the_study(clause, m) else _span_past_the_study(clause, m)
                        if span or _plan_for_the_study(clause, m):
                            # (no time said anywhere in the clause, before the plan too: "During the study, no
                            # plans to become pregnant" is the study's; review r50 F7)
                            out.append((clause, span, not (_SOME_TIME.search(clause) or _STUDY_TIME.search(clause))))
                            break
    return out


def _of_men(clause: str) -> bool:
    return bool(_MEN.search(clause)) and not _WOMEN.search(clause)


def plans_read(inc: list[Item], exc: list[Item]) -> tuple[bool, bool, str | None, bool]:
    """Whether the participant's own plan to become pregnant, and to father a child (_FATHER; a plan to conceive said
    of men only is theirs to father), during the study rules them out (see _plans), the span past the study that
    both are said for ("120 days after the last dose"), and whether one is ruled out with no time said ("Pregnancy or
    planned pregnancy": at any time, so the row says none). A span is said only where every such plan is said for it:
    where one is for the study alone and another for longer, the longer ones are left out (the row would say one span
    for both) and the row says the study's."""
    conceive = _plans(inc, exc, _PLAN)
    pregnancy = [p for p in conceive if not _of_men(p[0])]
    fathering = _plans(inc, exc, _FATHER, father=True) + [p for p in conceive if _of_men(p[0])]
    spans = {s for _, s, _ in pregnancy + fathering}
    if len(spans) == 1 and None not in spans:
        return bool(pregnancy), bool(fathering), spans.pop(), False
    pregnancy, fathering = [p for p in pregnancy if p[1] is None], [p for p in fathering if p[1] is None]
    return bool(pregnancy), bool(fathering), None, any(timeless for _, _, timeless in pregnancy + fathering)
