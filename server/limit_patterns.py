"""How a limit and the words around it are written, for the "at a glance" block (server/thresholds.py): a number,
a unit, a limit that stands as written, and the words that make it a condition, an option, a change or another
list's verdict. Patterns only; thresholds.py decides with them."""

from __future__ import annotations

import re

from .clauses import CMP, PEOPLE

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
POWER = r"(?:\s*(?:×|x|X|\*)\s*10\s*(?:\^\s*|\*\*\s*)?[⁰-⁹\d]+)"
# A unit is read whole or the limit is not shown: "mm Hg" is not "mm", "/mm(3)" not "/mm".
PER = r"(?:1\.73\s?m(?:2|²|\^2)|[A-Za-zµμ]+(?:\^?[23²³]|\(3\))?|\d+(?:\.\d+)?\s?[A-Za-zµμ]+)"
UNIT = (r"times the (?:institutional )?(?:upper|lower) limit of normal|%|/\s?\d+\s?mm\s?Hg\b|"
        r"°?\s?[CF]\b(?![/.-])|degrees?\s+(?:C|F|Celsius|Fahrenheit)\b|mm\s?Hg\b|cm\s?H2O\b|"
        r"[A-Za-zµμ]{1,10}(?:\s?/\s?" + PER + r")+|/" + PER + r"|"
        r"(?:mg|g|kg|mL|ml|dL|dl|L|l|s|sec|seconds|points?|cells|copies|IU|U|ng|pg|mcg|µg|ug|mmol|µmol|umol|"
        r"cm|mm|kPa|bpm|beats per minute|ms|msec|mEq|cc|units?)\b")
# the words that may name the measured thing, right before a limit (see measured.py)
SUBJ = r"(?P<subj>(?:[A-Za-z0-9\[(][\w'/()\[\]+-]*\s+){0,5}[A-Za-z\[(][\w'/()\[\]+-]*)\s+"
THRESHOLD = re.compile(
    SUBJ + r"(?P<cmp>" + CMP + r")\s+(?P<num>(?:" + NUM + r")" + POWER + r"?)(?:\s*(?!and/|or/)(?P<unit>" + UNIT + "))?")
# What may follow a limit that stands as written: the end, a clause break, a closing bracket,
# or "and"/"or" starting something else (not another comparator or number: a range or a
# shared unit). A full stop ends it only when no digit follows ("1.5" is not "1.").
STANDS = re.compile(r"\s*(?:$|[;)\]]|:(?!\d)|,(?!\s?\d|\s*but\b|\s*(?:and|or|to)\s+" + CMP + r"\s)|\.(?!\d)|\s(?:and/or|and|or)\s+(?!" + CMP + r"|\d|equal|greater|less|to\b)|"
                    # a list run on without separators: "… 1.0×10⁹/L Platelets (PLT) less than 75", "… Renal Function:"
                    # (or a range: "… Sodium 130-150 mEq/L Potassium 3.0-5.0 mg/dL", see ranges.py)
                    r"\s(?=[A-Z][\w/()-]*(?:\s+[\w/()\[\]-]+){0,5}?(?::|\s+" + CMP + r"\s+\d|\s+\d[\d.,]*\s+to\s+\d)))")
# a limit with its unit further on, past the range's other end: "greater than or equal to 2,000 RNA copies/ml and
# less than or equal to 50,000 RNA copies/ml" (NCT00002237) is not "assay at least 2,000"
RANGE_UNIT_LATER = re.compile(r"\s+[A-Za-z][\w/()-]*(?:\s+[\w/()-]+){0,2}?\s+(?:and|to|but)\s+" + CMP + r"\s+\d")
TIME_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|hours?|minutes?|yrs?|hrs?|wks?|mos?)\b", re.I)
# Inside an example ("e.g., NIHSS increased at least 4 points") a limit is not the criterion.
EXAMPLE = re.compile(r"(?:\be\.\s?g\.|\bi\.\s?e\.|\b(?:eg|ie|such as|for example|for instance|including)\b)[^;:]*$", re.I)
# Alternatives: in a list of requirements "A or B" requires neither A nor B alone.
ALTERNATIVES = re.compile(r"\bor\b|\beither\b|\b(?:any|one|at least one) of\b", re.I)
# "at least 2 of the following: …", "any of the following": in a list of requirements, none alone
SOME_OF_THESE = r"\b(?:any|one|either|at least \w+|\w+ or more|\d+) of\b"
SOME_OF = re.compile(SOME_OF_THESE + r"|\bincluding\s*:", re.I)   # ("… regimens including: Cisplatin at least 50 mg/m2 …")
SOME_OF_ABOVE = re.compile(SOME_OF_THESE, re.I)   # (above an item "including:" lists what is asked: "… status, including:")
# Among exclusions, a count of conditions that exclude together: "BMI ≥ 35 with more than one of the following:
# age > 45, systolic blood pressure > 140 mm Hg, …" (NCT00497055) excludes for no one limit alone
COUNT_OF = re.compile(r"\b(?:more than (?:one|two|three|\d+)|(?:two|three|four|[2-9]|\d\d+) or more|"
                      r"at least (?:two|three|four|[2-9]|\d\d+)|any (?:two|three|[2-9])) of\b", re.I)   # ("1 or more of": any one)
# Joined limits: in a list of exclusions "A and B" excludes only with both.
JOINED = re.compile(r"\band\b(?!\s*/\s*or)|\bboth\b|\ball of\b|\bas well as\b|\bwith\b", re.I)
# A condition in the same clause: "for patients with liver metastases, ALT at most 5 times …".
CONDITION = re.compile(
    r"(?:\b\w+ " + PEOPLE + r":|\bage\b[^:;]*:|:\s*\(\s*(?:except|excluding|other than)\b|"   # ("Hematopoietic: (Except patients with …) ANC …")
    # a subgroup's label: "TRACK I:", "Cohort B:", "RA and RARS: Platelet count less than 50,000/mm3" (NCT00003361)
    r"\b(?:track|cohort|arm|stratum)\s+[\w-]+[^:;]{0,30}:|(?-i:(?<![\w-])[A-Z]{2,6}(?:\s+(?:and|or)\s+|,\s*)[A-Z]{2,6}\s*:)|"
    # one sex's limits under its label: "Males: LV ejection fraction ≥ 50% …" (NCT00497146) says nothing of females
    r"\b(?:males?|females?|men|women|boys|girls)\s*:|"
    # an age group's or a kind of participant's label: "Under 65 years:", "Pediatric criteria: Lansky < 40" (NCT00005803),
    # "For controls, …": their limits are that group's
    r"\b(?:under|over|below|above|younger\s+than|older\s+than)\s+\d+\s*(?:years?|yrs?)?(?:\s+(?:of\s+age|old))?\s*:|"
    r"\b(?:pediatric|paediatric|adult|children|child|infants?|adolescents?)(?:\s+(?:criteria|patients|subjects|participants))?\s*:|"
    r"\bfor\s+(?:the\s+)?(?:healthy\s+)?controls?\b|"
    r"\b(?:if|when|unless|whose|provided|for (?:" + PEOPLE + r"|anyone)|in (?:" + PEOPLE + r"|the presence|case))\b)[^;]*$",
    re.I)
# In a list of exclusions, a limit that must hold again or for long: "Unexplained temperature > 37.8 C on more than
# 5 consecutive days" (NCT00002271), "… diastolic >105 mm/Hg on two readings separated by 5 min." excludes no one
# for one reading
REPEATED = re.compile(r"\b(?:on|in|at|for|over|during)\s+(?:(?:at least|more than|a minimum of|all|each of|both)\s+)?"
                      r"(?:\d+|two|three|four|five|six|several|multiple|repeated|consecutive|separate|serial)\s+"
                      r"(?:\w+\s+){0,2}?(?:occasions?|readings?|measurements?|measures?|visits?|days?|weeks?|months?|"
                      r"tests?|samples?|determinations?)\b|\bconsecutive\b|\bpersistent(?:ly)?\b", re.I)
# A subgroup with its own requirements: "Patients with stabilized disease must have … pO2 at least 60".
SUBGROUP = re.compile(r"\b" + PEOPLE + r"\s+(?:(?:with|who|on|receiving|taking|unable|not able)\b"
                      r"[^;]*\b(?:must|should|may|will|need|needs|requires?)\b|(?:aged\s+)?(?:at least|at most|more than|"
                      r"less than|over|under|younger than|older than)\s+\d+\s*(?:years?|months?)\b)[^;]*$", re.I)   # ("Patients >= 13 years of age with …")
# in a list of requirements, alternatives after the limit ("IgM less than 50 mg/dL, IgA …, or IgG less than 600") or
# right after the bracket it sits in ("Low risk prostate cancer (… PSA <10 ng/ml …) or intermediate risk …")
OR_LATER = re.compile(r"(?:[^;.]*?,|\s*;[^;.]{0,40}?" + CMP + r"\s+\d[^;.]{0,20}?)\s*(?:or|and/or)\s+(?:[\w/()-]+\s+){0,10}?" + CMP + r"\s+\d", re.I)
# (or past the next limit, across a semicolon: "Creatinine less than 1.5 mg/dL; BUN less than 30 mg/dL or a creatinine clearance greater than or
# equal to 60 mL/min", NCT00496873, lets in either)
OR_NEXT = re.compile(r"\s*,?\s*(?:or|and/or)\b", re.I)   # an alternative right after the bracket a limit sits in
# in a list of exclusions, another condition joined right after the bracket: "Severe depression (BDI > 28) and deemed
# inappropriate for study by site clinician" (NCT00497874) excludes only with both
# ("… (GFR<30ml/min) and is therefore not eligible for angiography" joins a consequence, not a condition)
AND_NEXT = re.compile(r"\s*,?\s*(?:and|as well as|with|requiring|needing|(?:that|which)\s+(?:requires?|needs?))\b(?!\s*/\s*or|\s+(?:(?:is|are)\s+)?(?:therefore|thus|hence|so)\b)", re.I)
# the bracket qualifies one of a list of like things: "stage I (tumors at least 1 cm), stage II, and stage IIIA"
# (NCT00003787) asks the 1 cm of stage I only
KIND_BEFORE = re.compile(r"\b([A-Za-z]{3,})\s+[\w-]{1,6}\s*$")
# a list after a heading that names alternatives: "Penile arterial insufficiency and or venous leakage (doppler):
# PSV <25 cm/sec, PSV >25 cm/sec, EDV>5cm/sec" (NCT01089387) is one kind's limits or the other's, not everyone's
OR_BEFORE_LIST = re.compile(r"^[^:;.]*\bor\b[^:;.]*:[^:;]*$", re.I)
SCORED = re.compile(r"\bpoints?\s+each\b|\b\d+\s+points?\s*:", re.I)
# Words of a requirement: in an exclusion list they make a limit read backwards ("Excluded if serum
# creatinine at most 2.0" from "adequate renal function (serum creatinine <= 2.0)").
REQUIREMENT = re.compile(r"(?<!\bto maintain )(?<!\bnot )(?<!\bof )\b(?:adequate|sufficient|preserved|acceptable)\b"
                         # "Creatinine clearance must be greater than 50 cc/min" listed among exclusions (NCT00001457)
                         r"|\b(?:must|should|shall)\s+(?:be|have|remain)\b[^.;]{0,60}?\b" + CMP +
                         r"(?!\s+[\d.]+\s*(?:years?|months?|weeks?|days?|hours?)\b)"   # (not "for at least 4 weeks")
                         # what counts as normal: "Testosterone levels has been considered normal for plasma levels ≥ 12
                         # nmol/L and/or calculated free testosterone ≥ 225 pmol/L" among exclusions (NCT02450188)
                         r"|\b(?:considered|defined\s+as|regarded\s+as|deemed)\s+normal\b", re.I)
# "Patients with severe renal impairment (creatinine clearance less than 30)": the bracket defines
# the condition, the "with" joins nothing
WHO_WITH = re.compile(r"^\W*(?:\d+[.)]\s*)?" + PEOPLE + r"\s+"
                      r"(?:with|who have|who has|having)\s+", re.I)
# a limit with no name before it, and words that make it another limit for the thing before it ("ALT ≤2.5x ULN
# NOTE: ≤5x ULN is acceptable if liver metastases are present")
BARE_LIMIT = re.compile(CMP + r"\s+(?P<num>" + NUM + r")" + POWER + r"?\s*(?P<unit>" + UNIT + r")?")
ALLOWED_IF = re.compile(r"\b(?:if|unless|in (?:the )?case|allowed|acceptable|permitted|except)\b", re.I)
# the limit is on a part of the thing named after it: not "Required: IIEF score at most 21" for "Erectile Function
# domain (EF) of the International Index of Erectile Function (IIEF) score <= 21" (NCT00517179)
PART_OF = re.compile(r"\b(?:domains?|sub-?scales?|sub-?scores?|components?|items?|sections?|parts?)\s*(?:\([^)]*\)\s*)?"
                     r"(?:of|on|in)\s+(?:the\s+)?$", re.I)
# a level at another time, its subject cut after the time word: "Prior to prostatectomy PSA (…) level<10 ng/mL"
# (NCT02344849) is not "prostatectomy PSA level less than 10"
THEN = re.compile(r"\b(?:prior\s+to|before|after|following)\s+$", re.I)
# a change in the thing, not its level: "Fall in systolic blood pressure (supine to standing) of at least 20 mm Hg",
# "increase in systolic blood pressure ≥150mmHg or diastolic …" (a "postural drop of more than 30" names the change);
# the limits joined on to it by "and"/"or" in the same sentence are changes too
CHANGE = re.compile(r"\b(?:falls?|drops?|decreases?|declines?|increases?|rises?|reductions?|changes?|gaps?|differences?)\s+(?:in|of|between)\b"
                    r"(?!\s+(?:" + CMP + r"|\d))", re.I)
JOINED_ON = re.compile(r"[^.;]*?\b(?:and|or|and/or)\b[^.;]*")

# the measured thing starts inside a word ("25-OHD" read as "OHD") or after a "+" that belongs to it
CUT_BEFORE = re.compile(r"(?:[^\s(\[,;:]|\+\s+)$")
PRESSURE = re.compile(r"systolic|diastolic|\b(?:ms)?[SD]BP\b|\bBP\b|blood pressure", re.I)

# A limit given in words no comparator sign has: "For patients with liver metastases, TBIL may be
# up to 3×ULN". Never shown, but it is another limit for the thing it names.
UP_TO = re.compile(r"\b(?:up to|as (?:high|low|much|many) as)\s+\d")

# the item lets the limits go: "Lower values are allowed if they are due to marrow infiltration" (NCT00461747),
# "Values above these levels may be accepted, at the discretion of the PI" (NCT00001830), "ANC >= 1,000/ul; may be
# included if … lower counts are explained by marrow involvement" (NCT00005950)
RELAXED = re.compile(r"\b(?:lower|higher|other|greater|abnormal)\s+(?:values|counts|levels|results)\b[^.;]*\b(?:allowed|acceptable|"
                     r"accepted|permitted|eligible)\b|\bvalues\s+(?:above|below|outside)\s+(?:these|this|the)\b[^.;]*\b(?:may|can|will)"
                     r"\s+be\s+(?:accepted|allowed|permitted)\b|\bmay\s+be\s+(?:included|eligible|enrolled)\s+if\b|"
                     r"\b(?:are|is)\s+eligible\s+with\s+(?:the\s+)?(?:prior\s+)?approval\b|\bmay\s+approve\b|"
                     # "If the patient is plasmapheresed …, then the pre-transplant PRA will not be a consideration for
                     # inclusion/exclusion" (NCT00497757)
                     r"\b(?:will|would|shall)\s+not\s+be\s+(?:a\s+)?(?:consideration|considered|required|applied|used)\b|"
                     r"\bthe\s+following\s+(?:counts|values|levels|limits)\s+are\s+acceptable\b|"
                     # "Poor renal function (creatinin level >150 mmol/l), … unless these abnormalities are related to
                     # the lymphoma" (NCT00498043)
                     r"\bunless\s+(?:these|those|such|the\s+(?:abnormalit|elevation|values?\b|results?\b|laboratory|lab\b))", re.I)

# the item lets in the low counts its limits would keep out, wherever it says so: "Neutropenia or thrombocytopenia
# secondary to myelophthisis from breast cancer allowed" after "Absolute neutrophil count at least 1,500/mm3",
# "Cytopenias from marrow involvement eligible with study chairman approval ANC at least 1,000", "Patients with
# stable chronic thrombocytopenia will be eligible" beside "platelets greater than or equal to 100,000"
LOW_COUNTS_LET_IN = re.compile(r"\b(?:\w*cytopenias?|neutropenia|thrombocytopenia|leukopenia|lymphopenia|an(?:a)?emia)\b"
                               r"[^.;]{0,100}?\b(?:allowed|eligible|permitted|acceptable|accepted)\b", re.I)

# a negated condition whose evidence follows as a list: "No inadequate bone marrow function … as evidenced by
# the following: Absolute neutrophil count less than 2000/mm3 Platelet count less than 100,000/mm3" (NCT00004861)
# asks for the opposite of each limit after the colon; "No abnormalities of laboratory findings … including the
# following: … Total WBC greater than 150/mm(3)" (NCT00001445) names what is not allowed
NEGATED_LIST = re.compile(r"\b(?:no|not|non|without|absence\s+of|never)\b[^.;:]{0,200}?\b(?:as\s+evidenced\s+by|"
                          r"evidenced\s+by|including|defined\s+(?:as|by)|as\s+follows|such\s+as)\b"
                          r"(?:\s+the\s+following)?[^.;:]{0,20}:", re.I)

# a label above an item that gives it the other list's verdict
OTHER_VERDICT = {
    "inclusion": re.compile(r"\b(?:are|is|will\s+be|be)\s+(?:excluded|not\s+eligible|ineligible|not\s+allowed|prohibited)\b"
                           r"|\b(?:excluded|not\s+allowed|prohibited)\s*:", re.I),
    "exclusion": re.compile(r"\b(?:are|is|will\s+be)\s+(?:eligible|included|allowed|permitted|required)\b"
                           r"|\b(?:allowed|permitted|required|must\s+have)\s*:", re.I),
}

# a count that had to be met once, not now: "Diagnosis of CLL that meets the following criteria at any point prior to
# study entry: Peripheral blood absolute blood count greater than 5,000/mm^3" (NCT00006390)
ONCE = re.compile(r"\bat\s+any\s+(?:point|time)\b|\bat\s+(?:the\s+time\s+of\s+)?(?:initial\s+|original\s+)?diagnosis\b", re.I)
# an item that describes the patients and their matched controls at once: "Severe obstructive sleep apnea (AHI>=30/hr)
# age, sex, BMI match control subject" (NCT00498732) asks the AHI of the patients only
CONTROLS_TOO = re.compile(r"\b(?:match(?:ed|ing)?)\s+(?:healthy\s+)?controls?\b|\bcontrol\s+(?:subjects?|participants?|group)\b",
                          re.I)

# what opens every list ("Participants are excluded from the study if any of the following criteria apply:", "Subjects
# are eligible for this trial if"), a label for everyone ("All subjects:") and a test's timing ("when assessed with
# the following requirements …") set no condition on the items below them
FOR_EVERYONE = re.compile(r"\b(?:eligible|ineligible|eligibility|excluded|included|enrolled|entered)\b", re.I)
ALL_OF_THEM = re.compile(r"\b(?:for\s+)?all\s+" + PEOPLE + r"\s*:|\bwhen\s+(?:assessed|tested|measured|performed|done|obtained)\b",
                         re.I)

# a list item that opens the items after it at its own level, as sources flatten a list: it ends with a colon
# ("Patients will begin IL-2/GM-CSF therapy if they meet the following criteria post-transplant:", NCT00003199) or
# names a choice among them ("Any of the following combinations of factors (NOTE: …)", NCT00931528)
OPENS_NEXT = re.compile(r"(?::|\b(?:any|one|either|\d+|at least \w+|\w+ or more) of the following\b[^.;:]{0,80})\s*$",
                        re.I)   # (at its end: a run-on item with "… one of the following: A B C" in it opens nothing)
# an item that lets the limits of its list go: "Hepatic criteria not applicable if abnormal functions are attributable to
# lymphomatous infiltration of bone marrow or liver" (NCT00003575), read with every item beside it
WAIVED = re.compile(r"\b(?:criteria|criterion|values?|limits?|requirements?|counts?)\s+(?:are\s+|is\s+|do\s+|does\s+)?not\s+"
                    r"(?:applicable|apply|required)\b", re.I)
OR_A_FIGURE = re.compile(r"\bor\s+(?:fewer|more|less|greater|older|younger|higher|lower)\b", re.I)
ENDS_WITH_OR = re.compile(r"\b(?:or|and/or)\s*[:;,]?\s*$", re.I)
# between two limits that are alternatives (thresholds._or_between): an "or" outside brackets, with no clause break and
# no bracket closed or opened between them
OR_WORD = re.compile(r"\b(?:or|and/or)\b", re.I)
CLAUSE_BREAK = re.compile(r";|\.(?!\d)|\band\b(?!/)", re.I)
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")   # ("Hemoglobin at least 9 g/dL (transfusion or epoetin alfa allowed)")
BRACKET = re.compile(r"[()\[\]]")
