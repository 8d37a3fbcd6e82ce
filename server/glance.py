"""The "at a glance" block over a trial's plain-English criteria: ages, sex, healthy volunteers, whether pregnancy or
breastfeeding rules people out, and the lab or score limits in the criteria.

It is the first thing a reader acts on ("Pregnancy: Excluded" sends a pregnant reader away), so a row is raised only
where the record backs it: the pregnancy row only where an exclusion rules out the participant's own pregnancy (or an
inclusion asks for a negative test), never on a trial that enrols pregnant women (review r35 #1), and not where the rule
holds only in some case ("No pregnancy or lactation, if this status precludes …", NCT00001601), nor from what an item
says that is not the participant's own pregnancy or breastfeeding: a study step, a plan, a partner's or a donor's state
(glance3: "Pregnancy testing will be performed …", "Intend to become pregnant during study period", "Partner is not
pregnant or lactating"), nor under a lead-in that lists a donor's or a mother's (plain10: "Donors with the following
symptoms or conditions are excluded:", NCT00000852), nor from a requirement of another group's listed in the exclusions
("CONTROL SELECTION CRITERIA: Healthy non-pregnant … women", NCT00001951). The participant's own plan to become pregnant
during the study is a key of its own (pregnancy_plan_excluded), said in the pregnancy row; that plan and the row's
words are read in server/glance_plans.py (plain14).
"""

from __future__ import annotations

import re

from scrapers.criteria import Item, flatten
from scrapers.dates import Age
from scrapers.official import OfficialRecord

from .glance_record import criteria_name_healthy, criteria_sex
from .glance_plans import (_CLAUSES, _PARTNER, AND_UP_TO, DURING_THE_STUDY, EXCLUDED_ALSO_IF,  # noqa: F401
                           EXCLUDED_IF, PLANS, PREGNANCY_AND_PLAN_EXCLUDED, PREGNANCY_EXCLUDED,
                           PREGNANCY_EXCLUDED_SOME_GROUPS,
                           PREGNANCY_PLAN_EXCLUDED, _someone_elses, plans_read, pregnancy_row)
from .others import SOMEONE_ELSE
from .plain import glossary_for
from .thresholds import criteria_thresholds

# --------------------------------------------------------------------------- ages

# (a lower limit in minutes with no upper one: NCT01809093's "18 Minutes" on a vitrectomy study of adults, a registry
# typo for years; the figure is the record's and is kept, with a word that its unit may be wrong; review r35 §8)
UNIT_DOUBT = " (as ClinicalTrials.gov gives it: the unit may be a mistake)"


def age_phrase(lo: Age | None, hi: Age | None) -> str | None:
    """"18 to 70 years", "18 years and older", "up to 17 years", "6 months to 17 years"; a lower limit of 0 in the upper
    one's unit ("0 to 29 days", not "0 years to 29 days"), and one age said once ("12 months only", not "12 to 12
    months"): review r35 §8, 10 and 3 records."""
    if lo and hi:
        if (lo.value, lo.unit) == (hi.value, hi.unit):
            return f"{hi} only"
        if lo.unit == hi.unit or lo.value == 0:
            return f"{_num(lo.value)} to {hi}"
        return f"{lo} to {hi}"
    if lo:
        return f"{lo} and older" + (UNIT_DOUBT if lo.unit == "MINUTES" else "")
    if hi:
        return f"up to {hi}"
    return None


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


# --------------------------------------------------------------------------- pregnancy and breastfeeding

_PREG = re.compile(r"\bpregnan", re.I)
# ("should not breastfeed", NCT03799601: the verb too; never "breast-fed", an infant's feeding)
_FEED_WORD = r"(?:breast-?\s?feed(?:ing)?\b|lactating|nursing)"
# ("Pregnancy or breast-feed women.", NCT00461747; not a plan, "Plan to breast-feed.", nor an infant "breast-fed")
_FEED = re.compile(r"\b(?:breast-?\s?feeding|breast-?\s?feed\s+(?:wom[ae]n|mothers?|females?)|lactat\w*|"
                   r"nursing(?!\s+(?:home|facility|care|staff)))\b", re.I)
# (a test's long name between, with no list or other result in it: "a negative serum beta-Human Chorionic
# Gonadatropin (bHCG) pregnancy test", NCT00460759)
# ("No pregnant or nursing women" in an inclusion list, NCT00001450: no row for either; 85 and ≈78 records, review r18 #4)
# (not when it names only some: "No pregnant patients who are at high risk …", NCT00003384; "No breast feeding if mother
# on acyclovir", NCT00004757)
_ONLY_SOME = (r"(?!(?:\s+(?:or|and/or|and|nor)\s+[\w-]+)?(?:\s+(?:wom[ae]n|patients?|subjects?|females?|participants?|"
              r"mothers?))?\s+(?:who|with|if|unless|when|while|that|during)\b)")
# ("No pregnancy." and "No pregnancy or lactation." as a requirement: NCT00001142, NCT00001601; "Women must not be
# nursing or pregnant.", NCT00001661, "… must not be breast feeding or pregnant", NCT00493298)
_NOT_PREG = re.compile(r"\b(?:not|non-?)\s*pregnant|\bnot\s+be\s+(?:currently\s+)?"
                       r"(?:(?:nursing|lactating|breast-?\s?feeding)\s+(?:or|nor|and/or)\s+)?pregnant\b"
                       r"|\bno\s+pregnant\b" + _ONLY_SOME +
                       r"|\bno\s+(?:current\s+|ongoing\s+)?pregnancy(?=\s*(?:[.;,:)]|$)|\s+(?:or|and/or|and|nor|at|"
                       r"during|within|currently)\b)" +
                       r"|\bnegative\b[^.;]{0,40}\bpregnancy test|\bpregnancy test\b[^.;]{0,30}\bnegative"
                       r"|\bnegative\b(?:(?!\b(?:and|or|positive)\b)[^.;,]){0,90}?\bpregnancy test", re.I)
_NOT_FEED = re.compile(r"\bnot\b[^.;]{0,30}\b" + _FEED_WORD + r"\b|\bnon-?(?:lactating|nursing)\b"
                       r"|\bno\s+(?:(?:current|ongoing)\s+)?(?:pregnan(?:t|cy)\s+(?:or|and/or|and|nor)\s+)?(?:" + _FEED_WORD +
                       r"|lactation)" +
                       r"(?!\s+(?:home|facility|care|staff)\b)" + _ONLY_SOME, re.I)
_PEOPLE = r"(?:wom[ae]n|participants?|patients?|subjects?|people|individuals|mothers?|adolescents?|females?)"
_PREG_AND_FEED = r"pregnant(?:,? (?:and|or|and/or|and or) " + _FEED_WORD + r")?"
# an inclusion saying the people it names are not wanted after all ("Pregnant or nursing women may not participate",
# NCT00002649, in an inclusion list)
_TURNED_AWAY = (r"(?![^.;]{0,40}?\b(?:(?:may|must|can|will|should) not (?:participate|join|enrol|enroll|be (?:enrolled|"
                r"included|eligible))|cannot (?:participate|join|enrol|enroll|be)|(?:are|is|be) (?:excluded|ineligible|"
                r"not eligible)|ineligible)\b)")
# a trial that enrols pregnant women never shows "Pregnancy: excluded" ("Singleton pregnancy", "Gestational age between
# 20 and 30 weeks", "Are between 14 and 32 weeks pregnant", "be in the third trimester of pregnancy", "Woman with a
# positive pregnancy test", "At least 14-week gestation": the last five 10 records, review r35 #1)
_PREG_ENROLLED = re.compile(
    r"(?<!not )(?<!non-)(?<!non)(?:(?<!\bno )|(?=\w+\s+\w+\s+(?:who|with|if|that)\b))\b(?:" + _PREG_AND_FEED + " " +
    _PEOPLE + r"|(?:singleton|viable|ongoing|intrauterine|twin|confirmed|documented) (?:pregnancy|pregnancies|gestation)|"
    r"gestational age|weeks?'? (?:of )?gestation|weeks? pregnant|been pregnant for|"
    r"(?<!\bno )(?<!\bnot have a )positive (?:urine |serum |blood )?pregnancy test)\b" + _TURNED_AWAY +
    r"|(?:\bin|^)\s*(?:the |their |your |her )?(?:1st|2nd|3rd|first|second|third)(?: or (?:1st|2nd|3rd|first|second|"
    r"third))? trimester\b|^\s*(?:she |you )?(?:are|is|must be|be) (?:currently )?pregnant\b" + _TURNED_AWAY, re.I)
# pregnant (or nursing) women as people the participant must keep away from: no sign the trial takes them ("Patients
# must be able to avoid high risk individuals (e.g., … children under 3 years, pregnant women, …)", NCT00004148, a
# vaccinia-vector vaccine trial, lost its "Pregnancy: excluded" row; review r54 F5)
_KEPT_AWAY = re.compile(r"\b(?:avoid\w*|(?:live|lives|living) with|(?:close |household )?contacts? with|exposure to|"
                        r"expos(?:e|ing)\b[^.;]{0,40}\bto)\b(?:e\.g\.|i\.e\.|[^.;]){0,160}?\b(?:pregnant|nursing|lactating|"
                        r"breast-?\s?feeding) (?:wom[ae]n|mothers?|people|persons|individuals)\b", re.I)
_FEED_ENROLLED = re.compile(r"(?<!not )(?<!non-)(?<!\bno )(?<!\bno pregnant or )(?<!\bno pregnant and/or )"
                            r"\b(?:(?:breast-?\s?feeding|lactating|nursing) (?:wom[ae]n|mothers?|"
                            r"participants?)|(?<!not )currently (?:breast-?\s?feeding|lactating))\b", re.I)
# said anywhere, in either list: pregnant (or nursing) people may take part ("Pregnant and or nursing women can be
# included …", NCT00001532; "Although pregnant or nursing women can be enrolled, …", NCT00001230, an exclusion;
# "Pregnancy is not a criterion for exclusion.", NCT00001245, an exclusion; "Pregnant patients may be entered into the
# study, but they will not undergo …", NCT00001375, under no heading)
_MAY_JOIN = (r",? (?:" + _PEOPLE + r" )?(?:(?:can|may) (?:be )?(?:included|enrolled|entered|enrol|enroll|participate|join)|"
             r"(?:are|is|will be) eligible)")
_PREG_ALLOWED = re.compile(r"(?<!not )(?<!non-)(?<!non)(?<!\bno )\b(?:who are )?" + _PREG_AND_FEED + _MAY_JOIN +
                           r"|\bpregnancy (?:is|does) not (?:a criterion|constitute|an? (?:exclusion|contraindication))",
                           re.I)
_FEED_ALLOWED = re.compile(r"(?<!not )(?<!non-)(?<!non)(?<!\bno )\b(?:who are )?(?:pregnant,? (?:and|or|and/or|and or) )?"
                           + _FEED_WORD + _MAY_JOIN, re.I)
# the words for being pregnant or nursing
_STATE = r"(?:pregnan\w*|lactat\w*|breast-?\s?feeding|nursing)"
# said to be excluded, in a list of requirements or under no heading ("Pregnant women will be excluded.", "Pregnant or
# nursing females will be excluded.": NCT00001430, NCT00001724; review r49 F5); from the study, not from one part of it
_SAID_OUT = (r"(?:\s+(?!(?:who|whose|with|if|that|when|unless)\b)\w+){0,2}\s+(?:will\s+be|are|is|shall\s+be|must\s+be)\s+"
             r"excluded(?:\s+from\s+(?:the|this)\s+(?:study|trial|protocol))?\s*(?:[.;]|$)")
_PREG_OUT = re.compile(r"\bpregnan\w*(?:,?\s+(?:or|and|and/or)\s+" + _STATE + r")?" + _SAID_OUT, re.I)
_FEED_OUT = re.compile(r"\b(?:breast-?\s?feeding|lactat\w*|nursing)" + _SAID_OUT, re.I)
# a woman the participant is close to ("Participating in a regular physical relationship with a pregnant woman",
# NCT00490022; "unwilling to abstain from sexual intercourse with pregnant or lactating women", NCT03510338; both trials of
# men)
_CONTACT = (r"\bwith\s+(?:an?\s+)?" + _STATE + r"(?:\s+(?:or|and|and/or)\s+" + _STATE + r")?\s+"
            r"(?:wom[ae]n|females?|partners?|persons?|people|individuals?)\b")
# what an exclusion says of a pregnancy that is not the participant's being pregnant: a time ("syphilis during this
# pregnancy", "insulin therapy (outside of pregnancy)", NCT00494013), its complications ("Are having problems with their
# pregnancy", NCT00000888), twins ("Are pregnant with more than one baby"), another study ("another pregnancy treatment
# study", NCT00000869): struck out of a clause before it is read for a pregnancy (review r35 #1)
_NOT_OWN_PREGNANCY = re.compile(
    r"\b(?:during|in|of|throughout|prior to|before|since) (?:this|the|her|their|your|current|index|present) pregnan\w*"
    r"|\bduring pregnan\w*|\b(?:multiple|multi-?fetal|previous|prior|past|earlier) pregnan\w*"
    r"|\bpregnancy (?:less|more|over|under)\b|\boutside (?:of )?pregnancy|\bwhen not pregnant"
    r"|\b(?:complications?|problems?) (?:of|in|with|during) (?:(?:their|her|the|a|this|current|your) )?pregnan\w*"
    r"|\bpregnancy[- ](?:complications?|related|associated|induced|category|class)\b|\bcomplicating pregnancy"
    r"|\b(?:problem|high[- ]risk) pregnan\w*|\bpregnancy (?:treatment )?stud(?:y|ies)\b"
    r"|\bpregnant with (?:more than|twins|triplets|multiple)|\bbeen pregnant for"
    r"|\bput\w* (?:the |their |her )?pregnancy at risk"
    # only a plan or wish ("Intend to become pregnant during study period", NCT00462436; "you must not be planning to
    # become pregnant", NCT00004984): it rules out no one pregnant now, so it is no row of its own; "who is or plans on
    # becoming pregnant" (NCT06022848) still says "is pregnant"
    r"|(?<!\bis or )(?<!\bare or )\b(?:plan\w*|intend\w*|intention|intent|wish\w*|desir\w*|hop(?:e|es|ing)|want\w*|"
    r"anticipat\w*|try|trying|tries|attempt\w*|seek\w*|considering|thinking|interested)(?:\s+(?:on|to|of|for|in|a|an))*\s+"
    r"(?:(?:becom\w*|get\w*|be)\s+)?pregnan\w*|\bpregnan\w* (?:plan|wish|desire|intention)\w*"
    # birth control, the means to bear a child, a disease of pregnancy ("precautions against pregnancy"; "Without
    # capacity to have a pregnancy (uterine aplasia, hysterectomy)", NCT04350879, a study of women who may bear
    # children; "Acute liver failure of pregnancy", NCT00004467)
    r"|\b(?:avoid\w*|prevent\w*|against)\s+(?:becoming\s+)?pregnan\w*|\bpregnancy prevention"
    r"|\b(?:capacity|ability|able|capable|potential)\s+(?:to|of|for)\s+(?:(?:have|having|become|becoming|bear\w*)\s+)?"
    r"(?:an?\s+)?pregnan\w*"
    r"|\b(?:failure|fatty liver|cholestasis|diseases?|disorders?|toxa?emia|hyperemesis|loss(?:es)?|termination|"
    r"interruption)\s+(?:of|in)\s+pregnan\w*"
    # what happens to pregnant women, not that they are turned away ("Women who are pregnant will be counseled about
    # risks.", NCT00006630, an exclusion)
    r"|\bpregnant\s+(?:\w+\s+){0,2}will be (?:counsell?ed|advised|informed|told)\b"
    r"|" + _CONTACT, re.I)
# a pregnancy test named without its result is a step of the study, not a rule ("Pregnancy testing will be performed on
# women of childbearing age within the three days prior to MRI scanning.", NCT00001920; "will have a pregnancy test at
# enrollment", NCT00492739): struck out of a clause that names no result ("positive pregnancy test" still counts, and a
# "negative pregnancy test" required in an exclusion list too)
_TEST = re.compile(r"\bpregnancy[- ]test\w*|\btest\w* for pregnancy", re.I)
_RESULT = re.compile(r"\b(?:positive|negative|positivity)\b", re.I)
# what an exclusion says of breastfeeding that is not the participant's being barred for it: to stop it ("breastfeeding
# should be discontinued if the mother is treated on study", NCT00005817; "Unwillingness to refrain from breast-feeding
# during the study", NCT00000143: a nursing mother who stops may join), a baby ("a potential risk for adverse events in
# nursing infants secondary to treatment of the mother", NCT00462995), or a woman the participant is close to
_NOT_OWN_FEEDING = re.compile(
    r"\b(?:in|to|for|of) nursing (?:infants?|bab(?:y|ies)|child(?:ren)?)\b|"
    r"\b(?:breast-?\s?feeding|nursing|lactation)\s+(?:should|must|will)\s+be\s+(?:discontinued|stopped|interrupted)"
    r"|\b(?:unwilling\w*|refus\w*|not willing)\s+to\s+(?:refrain from|stop|discontinue|interrupt|avoid)\s+"
    r"(?:breast-?\s?feeding|nursing|lactation)|" + _CONTACT, re.I)

# a rule that holds only in some case, said right after the pregnancy or breastfeeding it rules out: "No pregnancy or
# lactation, if this status precludes proposed diagnostic procedures" (NCT00001601), "lactating women unless they are
# willing to discard breast milk for 24 hours" (NCT00001638), "Pregnancy (only for purpose of MRI procedures …)"
# (NCT00001921), "Pregnant women over 23 weeks will be excluded" and "Pregnant patients requiring fetal surgery"
# (NCT00001850), "Pregnant in the last two trimesters" (NCT06113666). "Pregnancy: Excluded" says more than the record:
# struck out, no row. (Not a rule said only of women: "Are pregnant or breastfeeding (if female)", "…, if of
# childbearing potential".)
_IN_SOME_CASES = re.compile(
    _STATE + r"(?:\s+(?:or|and|and/or)\s+" + _STATE + r")?(?:\s+" + _PEOPLE + r")?\s*,?\s*\(?\s*"
    r"(?:(?:if|unless|except|provided|only)\b(?!\s+(?:(?:a|she|they|you)\s+(?:is|are)\s+)?(?:an?\s+)?(?:female|wom[ae]n|"
    r"applicable|of\s+(?:child|reproductive)))"
    r"|(?:over|beyond|after|past|more than|greater than|later than|>)\s*\d+\s*(?:weeks?|wks?)\b"
    r"|in (?:the )?(?:last|second|third|2nd|3rd)(?: two| 2)? trimesters?\b|requiring\b)[^;]*", re.I)


def _of_participant(clause: str, said: re.Pattern) -> bool:
    """Whether `said` is found in the clause as a rule of the participant's, not of someone named ahead of it."""
    return any(not _someone_elses(clause, m) for m in said.finditer(clause))


def _as_read(clause: str, struck: re.Pattern) -> str:
    """An exclusion's clause with what holds only in some case, and what is not the participant's own pregnancy or
    breastfeeding, struck out (a requirement too: "non-pregnant" rules out no one pregnant, required_in_exclusions reads
    it); a pregnancy test too where the clause names no result."""
    clause = _NEGATED_STATE.sub(" ", struck.sub(" ", _IN_SOME_CASES.sub(" ", clause)))
    return clause if _RESULT.search(clause) else _TEST.sub(" ", clause)


# a state required, not ruled out: "Not pregnant", "non-pregnant, non-lactating" (the "non-" is a word boundary to
# _PREG and _FEED)
_NEG_PREG = re.compile(r"\b(?:not\s+(?:be\s+)?|non-?\s?)pregnant\b", re.I)
_NEG_FEED = re.compile(r"\b(?:not\s+(?:be\s+)?|non-?\s?)" + _FEED_WORD + r"\b", re.I)
_NEGATED_STATE = re.compile(_NEG_PREG.pattern + "|" + _NEG_FEED.pattern, re.I)
# a lead-in whose list is another group's, in an exclusion list: "CONTROL SELECTION CRITERIA:" (NCT00001951), "Donors
# with the following symptoms or conditions are excluded:" (NCT00000852); not one naming the patients too ("CONTROLS
# AND PATIENTS:", NCT00001284; "Healthy Volunteers and patients must not:", NCT00001756)
_NOT_PATIENTS = r"(?![^:]*\b(?:patients?|participants?|subjects?|recipients?|all|everyone|both)\b)"
_OTHERS_LEAD = re.compile(r"^" + _NOT_PATIENTS + r"[^:]*\b" + SOMEONE_ELSE + r"\b[^:]*:\s*$", re.I)
_GROUP_LEAD = re.compile(r"^" + _NOT_PATIENTS + r"[^:]*\b(?:controls?|(?:healthy|normal)\s+(?:volunteers?|women|men|"
                         r"individuals?|people|persons?)|volunteers?|" + SOMEONE_ELSE + r")\b[^:]*:\s*$", re.I)


# ... and under no heading, a lead-in naming one group of several: "CHILDREN WITH CONDITIONS CAUSING CHRONIC INFECTIONS
# OTHER THAN HIV:" over "No pregnancy." is that group's rule, not the study's (NCT00001142; review r50 F5), as are
# "Group 2:", "ARM B:", "IL-2 NAIVE PATIENTS:"; not a lead-in naming everyone ("PATIENTS:", "ALL SUBJECTS:", "DONOR AND
# PATIENT:") nor a heading of a topic ("INFORMED CONSENT:") or an item read as one ("… defined as:")
_GROUP_WORDS = (r"(?:children|child|adults?|infants?|adolescents?|neonates?|volunteers?|controls?|asthmatics?|"
                r"smokers?|subjects?|patients?|participants?|families|relatives|siblings|parents|mothers|fathers|"
                r"carriers?|cases)")
_ONE_GROUPS = re.compile(
    r"^\W*(?i:group|arm|cohort|part|stratum|strata)\s*[\w-]{1,4}\b[^:]{0,80}:\s*$"
    r"|^(?![^:]*\b(?:ALL|EVERYONE|BOTH|EACH|AND)\b)(?!\W*(?:PATIENTS?|PARTICIPANTS?|SUBJECTS?)\W*:)"
    r"(?=[^:a-z]*\b" + _GROUP_WORDS.upper() + r"\b)[^:a-z]{3,100}:\s*$")


def with_lead_ins(items: list[Item], leads: tuple[str, ...] = ()) -> list[tuple[Item, tuple[str, ...]]]:
    """Items depth-first (as flatten), each with the texts of the items it is listed under."""
    out: list[tuple[Item, tuple[str, ...]]] = []
    for it in items:
        out.append((it, leads))
        out.extend(with_lead_ins(it.children, leads + (it.text,)))
    return out


def participant_groups(unplaced: list[Item]) -> list[list[Item]]:
    """The items of each group of participants that criteria under no heading are split into by lead-ins ("IL-2 NAIVE
    PATIENTS:" and "PRIOR IL-2 THERAPY PATIENTS:", NCT00001475; "ASTHMATICS:" and "RESEARCH VOLUNTEERS:",
    NCT00001887): healthy volunteers and controls are enrolled too, and count; a lead-in naming only someone else
    ("DONOR:", _OTHERS_LEAD) does not. A lead-in with no items under it (its items listed after it, not under it) gives
    an empty list: nothing is known of what that group is asked."""
    return [flatten(it.children) for it in unplaced
            if _names_group(it.text) and not _OTHERS_LEAD.search(it.text)]


def _names_group(lead: str) -> bool:
    """A lead-in naming another group only (_GROUP_LEAD) or one group of several (_ONE_GROUPS)."""
    return bool(_GROUP_LEAD.search(lead) or _ONE_GROUPS.search(lead))


def at_a_glance(record: OfficialRecord | None, crit) -> dict:
    inc = flatten(crit.inclusion)
    exc = [it for it, leads in with_lead_ins(crit.exclusion) if not any(_OTHERS_LEAD.search(l) for l in leads)]
    every = inc + exc + flatten(crit.unplaced)
    # criteria under no inclusion or exclusion heading: a requirement there reads as in an inclusion ("No pregnancy.",
    # "Not pregnant or lactating.": 140 records showed "not mentioned as an exclusion"; review r49 F5), not under a
    # lead-in naming another group only ("DONOR:", "CONTROLS:", _GROUP_LEAD) or one group of several (_ONE_GROUPS)
    unplaced = [it for it, leads in with_lead_ins(crit.unplaced)
                if not any(_names_group(l) for l in leads)]

    def own(items: list[Item], said: re.Pattern, struck: re.Pattern) -> bool:
        """Whether a clause of an exclusion says it of the participant, not a partner: per clause, since one item may say
        both ("Pregnant and lactating women; Have a pregnancy plan … (including the spouse's pregnancy plan)",
        NCT06495437, showed no pregnancy row; review round 7). `struck`: what is said of it that is not the
        participant's own (struck out first, so "Pregnancy or pregnancy complications" still counts)."""
        return any(_of_participant(_as_read(clause, struck), said) and not _PARTNER.search(clause)
                   for it in items for clause in _CLAUSES.split(it.text))

    def asks_not(said: re.Pattern, partner_anywhere: bool = False, items: list[Item] | None = None) -> bool:
        """Whether an inclusion (or a criterion under no heading) asks the participant not to be pregnant or nursing
        (not a partner or donor: "Partner is not pregnant or lactating", NCT01037218; a partner named after it, "… or
        abstinence … vasectomized partner", NCT00460473, leaves the participant's "is not pregnant" theirs).
        `partner_anywhere`: a partner named anywhere in the clause makes it not the participant's (said of people
        turned away, "Pregnant women will be excluded", where who is meant is not said ahead of it). `items`: the
        criteria read (one group's, participant_groups), the inclusions and those under no group's lead-in if None."""
        return any(_of_participant(clause, said) and not (partner_anywhere and _PARTNER.search(clause))
                   for it in (inc + unplaced if items is None else items) for clause in _CLAUSES.split(it.text))

    def by_group(asked: re.Pattern, said_out: re.Pattern) -> tuple[bool, bool]:
        """Whether every group of participants under no heading asks it of its own (two groups or more: then it is
        the study's rule, NCT00001475's negative pregnancy test in both), and whether some do (NCT00006278's "Must not
        be pregnant" for one group of two; review r50 F5 left both with no row)."""
        said = [asks_not(asked, items=g) or asks_not(said_out, partner_anywhere=True, items=g) for g in groups]
        return len(said) > 1 and all(said) and not unread_leads, any(said)

    def enrols(said: re.Pattern, allowed: re.Pattern) -> bool:
        # (whole items: a clause may be one of a partner's, listed after a colon; or name pregnant women as people
        # to keep away from, as a live-vaccine trial's inclusion does)
        return (any(said.search(it.text) and not _PARTNER.search(it.text) and not _KEPT_AWAY.search(it.text)
                    for it in inc)
                or any(allowed.search(it.text) for it in every))

    def required_in_exclusions(said: re.Pattern, struck: re.Pattern) -> bool:
        """Whether an exclusion words the participant's own requirement ("Not pregnant", "non-pregnant, non-lactating":
        NCT00499460, NCT00495313), as asks_not reads an inclusion; not under a lead-in naming another group only
        ("CONTROL SELECTION CRITERIA: Healthy non-pregnant regularly menstruating women …", NCT00001951: the controls'),
        nor a time ("Ever diagnosed with diabetes when not pregnant", NCT00460018: `struck` as own reads it)."""
        return any(_of_participant(struck.sub(" ", _IN_SOME_CASES.sub(" ", clause)), said) and not _PARTNER.search(clause)
                   for it, leads in with_lead_ins(crit.exclusion) if not any(_GROUP_LEAD.search(l) for l in leads)
                   for clause in _CLAUSES.split(it.text))

    groups = participant_groups(crit.unplaced)
    # a lead-in over items that is no group read here ("PATIENTS:", "AT RISK INDIVIDUALS:"): its people may not be
    # asked it, so no rule is every group's (review r52 F6: "Excluded" for all, where only the volunteers and the
    # controls said "Not pregnant")
    unread_leads = any(it.children and it.text.rstrip().endswith(":") and not _OTHERS_LEAD.search(it.text)
                       and not _names_group(it.text) for it in crit.unplaced)
    preg_ok = not enrols(_PREG_ENROLLED, _PREG_ALLOWED)
    preg_every, preg_some = by_group(_NOT_PREG, _PREG_OUT)
    preg = preg_ok and (own(exc, _PREG, _NOT_OWN_PREGNANCY) or asks_not(_NOT_PREG)
                        or asks_not(_PREG_OUT, partner_anywhere=True) or preg_every
                        or required_in_exclusions(_NEG_PREG, _NOT_OWN_PREGNANCY))
    feed_ok = not enrols(_FEED_ENROLLED, _FEED_ALLOWED)
    feed_every, feed_some = by_group(_NOT_FEED, _FEED_OUT)
    feed = feed_ok and (own(exc, _FEED, _NOT_OWN_FEEDING) or asks_not(_NOT_FEED)
                        or asks_not(_FEED_OUT, partner_anywhere=True) or feed_every
                        or required_in_exclusions(_NEG_FEED, _NOT_OWN_FEEDING))
    plan, father, until, any_time = plans_read(inc, exc)
    lo = record.min_age if record else None
    hi = record.max_age if record else None
    sex = record.sex if record else None
    hv = record.healthy_volunteers if record else None
    said_sex = criteria_sex([(it, any(_names_group(l) for l in leads))
                             for it, leads in with_lead_ins(crit.inclusion + crit.unplaced)])
    lists = flatten(crit.inclusion) + flatten(crit.exclusion) + flatten(crit.unplaced)
    said_healthy = hv is False and criteria_name_healthy(
        list(crit.headers), [it.text.strip() for it in lists], [it.text.strip() for it in inc + flatten(crit.unplaced)])
    return {
        "age": age_phrase(lo, hi),
        "min_age": lo.to_dict() if lo else None,
        "max_age": hi.to_dict() if hi else None,
        "sex": sex,
        # (where the record's own criteria say another sex than its field, "Sex: Female" under a field of ALL
        # (NCT00003455), what they say: the row says both, not one side as fact; glance10, review r51 §7)
        "sex_in_criteria": said_sex if sex and said_sex and said_sex != sex else None,
        "healthy_volunteers": hv,
        # (the field says they are not accepted, while the criteria name healthy volunteers or controls as a group
        # the study takes: "INCLUSION CRITERIA - Normal Volunteers", NCT00001922; the row says both)
        "healthy_volunteers_in_criteria": bool(said_healthy),
        "pregnancy_excluded": bool(preg),
        # (not the study's rule but some groups' under no heading: "Must not be pregnant" under one of two lead-ins;
        # the row says so, and the full list says which)
        "pregnancy_excluded_some_groups": bool(preg_ok and not preg and preg_some),
        # (the participant's own plan to become pregnant during the study, or with no time said, rules them out:
        # "Pregnant or planning to become pregnant during the course of the trial", NCT04325464; plain10)
        "pregnancy_plan_excluded": preg_ok and plan,
        # (the participant's own plan to father a child during the study: "Are planning to father a baby", NCT02224846;
        # plain11)
        "fathering_plan_excluded": father,
        # (the span past the study that plan is said for, read exactly: "120 days after the last dose"; plain14)
        "pregnancy_plan_until": until if (preg_ok and plan) or father else None,
        # (a plan ruled out with no time said, "Pregnancy or planned pregnancy": the row says no time; review r49 F8)
        "pregnancy_plan_any_time": any_time and bool((preg_ok and plan) or father),
        "breastfeeding_excluded": bool(feed),
        # (as pregnancy_excluded_some_groups: "No pregnant or lactating patients" under one of two lead-ins,
        # NCT00001475; glance10)
        "breastfeeding_excluded_some_groups": bool(feed_ok and not feed and feed_some),
        # (with the terms in each limit explained: the glance is the quick read, and "ASPECTS score at least 6" is
        # no help to a reader who does not know the score)
        "thresholds": [dict(t, glossary=glossary_for(t["text"])) for t in criteria_thresholds(crit)],
    }
