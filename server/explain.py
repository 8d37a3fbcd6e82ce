"""Plain-English eligibility criteria, fidelity-checked item by item.

`explain(record)` parses the official criteria (scrapers.criteria), rewrites each item in
plain English (server.plain), and keeps a rewrite only when scrapers.fidelity finds
nothing lost or changed; otherwise the item shows its original wording with its terms
glossed (`rewritten=False`). An "at a glance" block adds ages, sex, healthy volunteers,
pregnancy/breastfeeding exclusion and the lab or score thresholds in the criteria.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrapers.criteria import Item, flatten, parse_criteria, unescape_markdown
from scrapers.criteria_markers import EXCEPT_LABEL
from scrapers.fidelity import check_fidelity
from scrapers.lead_ins import REQUIREMENTS_LEAD_IN, defines_a_term, lets_in, says_out
from scrapers.official import OfficialRecord

from .others import KIN as _KIN, SOMEONE_ELSE as _SOMEONE_ELSE
from .glance import at_a_glance
from .groups import group_heading
from .kept_words import keep_record_words
from .item_groups import label_groups
from .own_illness import trial_words
from .plain import glossary_for, rewrite
from .worded import said_with_must, worded_as_requirement

HEADINGS = {"inclusion": "You may be able to join if…", "exclusion": "You cannot join if…",
            "unplaced": "Also listed (the record does not say whether this includes or excludes you):"}
# a trial for children: a parent reads it (review round 6: the items were no longer "You …", the headings still were)
CHILD_HEADINGS = {"inclusion": "Your child may be able to join if…", "exclusion": "Your child cannot join if…",
                  "unplaced": "Also listed (the record does not say whether this includes or excludes your child):"}


@dataclass
class Explained:
    original: str
    shown: str
    rewritten: bool
    glossary: list[dict] = field(default_factory=list)
    children: list["Explained"] = field(default_factory=list)
    losses: list[dict] = field(default_factory=list)   # why a rewrite was not shown (empty when it was)
    # an exclusion the record words as a requirement ("No known hypersensitivity to human albumin"): server.worded
    worded_as_requirement: bool = False
    # the group of people it is for where the record gives groups their own headings ("Families", "Controls"):
    # server/item_groups.py; None elsewhere
    group: str | None = None

    def to_dict(self) -> dict:
        return {"original": self.original, "shown": self.shown, "rewritten": self.rewritten,
                "glossary": list(self.glossary), "children": [c.to_dict() for c in self.children],
                # its sub-items are exceptions to it ("…, except:"): the card and the page say so above them, as a
                # reader skimming the list read "Radically treated papillary thyroid cancer" as a reason someone
                # cannot join (review round 8)
                "exceptions": bool(self.children) and bool(EXCEPT_LABEL.search(self.original)),
                # said beside it: under "You cannot join if…" it reads as excluding the people the trial wants
                "worded_as_requirement": self.worded_as_requirement, "group": self.group}


@dataclass
class PlainCriteria:
    at_a_glance: dict
    inclusion: list[Explained] = field(default_factory=list)
    exclusion: list[Explained] = field(default_factory=list)
    unplaced: list[Explained] = field(default_factory=list)
    headings: dict = field(default_factory=lambda: dict(HEADINGS))

    def items(self) -> list[Explained]:
        out: list[Explained] = []
        stack = list(reversed(self.inclusion + self.exclusion + self.unplaced))
        while stack:
            e = stack.pop()
            out.append(e)
            stack.extend(reversed(e.children))
        return out

    def to_dict(self) -> dict:
        return {"headings": dict(self.headings), "at_a_glance": self.at_a_glance,
                "inclusion": [e.to_dict() for e in self.inclusion],
                "exclusion": [e.to_dict() for e in self.exclusion],
                "unplaced": [e.to_dict() for e in self.unplaced]}


def explain_item(text: str, section: str = "inclusion", context: str = "", addressed: bool = True) -> Explained:
    """One criterion: the plain rewrite if it is faithful, else the original with terms glossed.
    `context` is the whole criteria text: it can tell an abbreviation's sense ("RA" in a list of
    myelodysplasia subtypes is refractory anemia). `addressed=False`: the item is about someone else
    than the reader (a mother, a partner) or a list of what is allowed: not turned into "You …"."""
    original = unescape_markdown(text).strip()
    if group_heading(original):   # (a group's name, as its heading: kept as written, its terms glossed; plain20)
        return Explained(original, original[:1].upper() + original[1:], False, glossary_for(original, context))
    if section == "exclusion" and said_with_must(original):
        addressed = False   # "Must have erectile dysfunction": not "You must …" under "You cannot join if…" (worded.py)
    candidate, glossary = rewrite(original, section, context, addressed)
    losses = check_fidelity(original, candidate)
    if not losses and keep_record_words(original, candidate):   # (a heading, or emptier than the record; plain21)
        return Explained(original, original[:1].upper() + original[1:], False, glossary_for(original, context))
    if not losses and candidate != original:
        # (a capital letter alone is no rewording: "female subjects …" shown "Female subjects …" was marked "(reworded)",
        # its "Original wording" the same words; review r17)
        return Explained(original, candidate, candidate[:1].lower() + candidate[1:] != original[:1].lower() + original[1:],
                         glossary)
    return Explained(original, original, False, glossary_for(original, context), losses=[l.to_dict() for l in losses])


# an item whose sub-items are not about the participant: about someone else ("The infant may be eligible if the
# mother:", NCT00000879; "MOTHERS must have:", "The partner will be included based on the following criteria:" — under
# it, "Is HIV-positive" is the mother's, not "You are HIV-positive"), or a list of what is allowed ("Concurrent
# Medication: Allowed:" — "Acute therapy with ketoconazole" is permitted, not "You have acute treatment with …")
_NOT_ABOUT_THE_READER = re.compile(
    r"\b(?:if|when|whose)\s+(?:the|their|his|her)\s+(?:mother|father|parent|partner|donor|caregiver|spouse)s?\b[^:]{0,40}:\s*$"
    # "Donor siblings must have:" (NCT00000824), "To fulfill criteria for study entry, the donor must:" (NCT00004850)
    rf"|(?:^\W*(?:the\s+)?|\b(?:the|each|all|any)\s+){_SOMEONE_ELSE}\s+(?:must|should|will|may)\b[^:]{{0,60}}:\s*$"
    # a label of its own: "DONOR:" (NCT00001880: "Pregnant or lactating" was "You are pregnant or breastfeeding"),
    # "Donors:", "Partner inclusion criteria:"
    rf"|^\W*(?:for\s+)?(?:the\s+)?{_SOMEONE_ELSE}\s*(?:\([^()]*\)\s*)?(?:(?:inclusion|exclusion|eligibility)\s+)?"
    r"(?:criteria|requirements|characteristics)?\s*:\s*$"
    # a donor the list describes: "Availability of an HLA-identical sibling donor" (NCT00002778: "At least 3 years of
    # age" was "You are at least 3 years of age"), "HLA 5/6 or 6/6 matched sibling donor available" (review r18 #2)
    r"|^\W*availability\s+of\s+[^:]{0,100}\bdonors?\s*:?\s*$"
    r"|^(?![^:]*\b(?:from|transplant\w*|graft\w*)\b)[^:]{0,100}\b(?:sibling|related|unrelated|family)\s+donors?(?:\s+(?:is\s+)?available)?\s*:?\s*$"
    # ("The following conditions are allowed:", NCT00002778: "Fibrosis" was "You have fibrosis" under "You may be able
    # to join if…"; "Prior medical conditions allowed:", NCT00002945; review r18 #3)
    r"|^(?:[A-Za-z /-]{0,40}:\s*)?(?:[^:]{0,80}?\b(?:are|is)\s+|(?:the\s+)?(?:[\w-]+\s+){0,4}?)?"
    r"(?:allowed|permitted|not\s+allowed|prohibited)\s*:\s*$"
    # a lead-in that negates its list or puts it in the past: under "No other uncontrolled medical condition,
    # including any of these:" (NCT00462696) or "History of …:", "Infection" is not "You have an infection"; also after
    # a label ("Other: No medical contraindication to surgery, e.g.:" over "Diabetes", NCT00004670), and a negated item
    # without a colon over what it rules out ("No other serious medical or psychiatric illness which would prevent
    # informed consent …" over "Uncontrolled or severe cardiovascular disease …", NCT00003657; "No clinically
    # significant ascites or pleural effusion" over "Clinically significant pleural effusion defined as …",
    # NCT00002687: both were "You have …"; r49 F1)
    r"|^\W*(?:[A-Z][A-Za-z/ -]{1,30}:\s*)?(?:no|not|none\s+of|without|absence\s+of|history\s+of|"
    r"personal\s+or\s+family\s+history)\b[^:]{0,200}:\s*$"
    r"|^\W*(?:no|none\s+of|without|absence\s+of)\b[^:]{0,300}$"
    # a lead-in over what a term it names "only" covers: under "Patients with only non-measurable disease, defined as
    # …, which include the following:" (NCT00005817, an exclusion) "Leptomeningeal disease" was "You have
    # leptomeningeal disease" under "You cannot join if…", though the record keeps out only people with no other
    # disease (plain14)
    r"|^\W*(?:patients?|subjects?|participants?|people|those)\s+(?:with|who\s+have|having)\s+only\b[^:]{0,400}:\s*$"
    # a lead-in naming the participant's kin: "Two or more maternally related males manifesting at least one of the
    # following XLP phenotypes:" (NCT00006056: "Aplastic anemia" was "You have aplastic anemia"), "1 affected family
    # member must have one of the following:" (NCT00004210), "Presence of household member or close contact to someone
    # who:" (NCT00496821: "Is less than three(3) years of age" was "You are less than three(3) years of age"), "…
    # eligible if they or their biologic family members manifest one or more of the following features …:"
    # (NCT00001238) (r49 F2)
    rf"|^[^:]*\b(?:{_KIN})\b(?![-'’])[^:]{{0,300}}:\s*$"
    # the patient named with someone else: "Patient or her household contacts must …:" (NCT00002916), "Patients and
    # donors must have:": each item may be either's, so it keeps its own words, not "You have …" (r49 F2)
    r"|\b(?:patients?|participants?|subjects?|recipients?)\s+(?:and/or|or|and|&)\s+(?:(?:his|her|their|its|the|a)\s+)?"
    rf"{_SOMEONE_ELSE}\b[^:]{{0,200}}:\s*$"
    rf"|\b{_SOMEONE_ELSE}\s+(?:and/or|or|and|&)\s+(?:(?:the|their)\s+)?(?:patients?|participants?|subjects?|recipients?)\b"
    r"[^:]{0,200}:\s*$",
    re.I)


def _children_addressed(text: str, section: str, addressed: bool) -> bool:
    """Whether the sub-items of `text` speak to the reader: not under a lead-in about someone else, a rule's
    exceptions ("You have squamous cell skin cancer" under "…, except:" read as one more rule; review round 9),
    requirements listed under exclusions (see REQUIREMENTS_LEAD_IN) or reasons to stay out listed under inclusions:
    a lead-in of reasons to stay out that a record files under its inclusions ("Patients with the following are
    excluded:", NCT00000643; "Ineligible subtypes:", NCT00002641) would have its items read "You have had cerebral
    toxoplasmosis …" under "You may be able to join if…". They keep the record's words. The criteria comparison reads
    such lead-ins with the same reader (scrapers/lead_ins.py, plain13). So does such a lead-in in a list the record did
    not place ("Patients may not be treated if any of the following is present:", NCT00001444: "You have an active
    infection …" under "Also listed" read as a requirement; plain14), and a lead-in under the exclusions whose items are
    the terms on which people may still join (lead_ins.lets_in: "You have no symptoms from cancer spread to the brain"
    under "You cannot join if…", NCT00005817; plain14). Nor a lead-in that defines a term or says what does not count
    as one (lead_ins.defines_a_term: "Nonmeasurable is defined as any of the following:", NCT00005989; r49 F3). A lead-in
    whose last clause negates its list ("… . None of the following should be present:", lead_ins.negates_list; r49 F1)
    is one of reasons to stay out (says_out)."""
    return (addressed and not _NOT_ABOUT_THE_READER.search(text) and not EXCEPT_LABEL.search(text)
            and not defines_a_term(text)
            and not (section == "exclusion" and (REQUIREMENTS_LEAD_IN.search(text) or lets_in(text)))
            and not (section in ("inclusion", "unplaced") and says_out(text)))


def _explain_tree(items: list[Item], section: str, context: str, addressed: bool = True,
                  said_above: bool = False) -> list[Explained]:
    """`said_above`: no item under this one is marked worded as a requirement: a marked lead-in says it once for its
    list, and a rule's exceptions, a list of what is allowed or about someone else are no reasons you cannot join."""
    out = []
    for it in items:
        e = explain_item(it.text, section, context, addressed) if it.text.strip() else Explained(it.text, it.text, False)
        e.worded_as_requirement = (section == "exclusion" and not said_above and bool(it.text.strip())
                                   and worded_as_requirement(it.text, bool(REQUIREMENTS_LEAD_IN.search(it.text))))
        e.children = _explain_tree(it.children, section, context, _children_addressed(it.text, section, addressed),
                                   said_above or e.worded_as_requirement or not _children_addressed(it.text, section, True))
        out.append(e)
    return out


_YEAR = 365.25


def for_children(record: OfficialRecord | None) -> bool:
    """A trial whose upper age limit is under 18 years: a parent or guardian reads its criteria, and "You have
    postoperative short bowel syndrome" on a trial for newborns (1 to 28 days) spoke to the wrong person (review of
    the service pages). Its items are put in plain words but not addressed to the reader.

    So is a children's trial that runs to 18, or to 21 as paediatric cancer trials do, and takes children under 12 (or
    sets no lower limit): "You have consent of parent or legal guardian if under 18" on a trial for 6 months to 18
    years (NCT00002193) spoke to the child (review round 10a: 195 corpus records, 120 with a lower limit under 12 and
    75 with none). A trial for 13 to 20 ("adolescent depression") is read by the young person: still addressed."""
    hi = record.max_age if record else None
    if hi is None:
        return _children_named(record)
    if hi.in_days() < 18 * _YEAR:
        return True
    lo = record.min_age
    return hi.in_days() < 22 * _YEAR and (lo is None or lo.in_days() < 12 * _YEAR)


# a title naming children as the trial's participants ("… in Infants", "… in Children With HIV Infection", "A Pediatric
# Phase I Trial of …"), not as a time of life ("Childhood-Onset Schizophrenia", "for Childhood Cancer": adults may
# have had it) or beside someone else who takes part ("Antenatal …", "… Mothers and Infants", "… and Adults")
_CHILDREN_TAKE_PART = re.compile(
    r"\b(?:in|of|for|to treat|treating|with)\s+(?:[\w-]+\s+){0,4}?(?:infants|children|newborns|neonates|babies|"
    r"p(?:a)?ediatric patients)\b|^(?:an? )?p(?:a)?ediatric\b|\bp(?:a)?ediatric (?:HIV|AIDS|patients)\b", re.I)
_OTHERS_TAKE_PART = re.compile(
    r"\b(?:adults?|adolescents?|parents?|mothers?|maternal|antenatal|prenatal|pregnan\w*|women|men|survivors?|"
    r"caregivers?|famil(?:y|ies)(?! history)|siblings?|volunteers?|late effects)\b", re.I)


def _children_named(record: OfficialRecord | None) -> bool:
    """A record with no upper age limit whose title names children as the ones taking part, and whose lower limit (if
    any) is a child's: legacy NIH and NCI paediatric protocols give no ages ("A Phase I Study of SU101 in Pediatric
    Patients …", "Development of the Eye Motor System … in Infants"), and "You must be between the post-conceptual ages
    of 40 and 70 weeks" spoke to the infant (review r54 F6). A title naming anyone else who takes part, or adults, keeps
    the reader addressed: "Your child cannot join if…" over an adult's trial would be worse than "You"."""
    if record is None:
        return False
    lo = record.min_age
    if lo is not None and lo.in_days() >= 12 * _YEAR:
        return False
    title = record.title or ""
    return bool(_CHILDREN_TAKE_PART.search(title)) and not _OTHERS_TAKE_PART.search(title)


def explain_text(criteria_text: str | None, record: OfficialRecord | None = None) -> PlainCriteria:
    """The criteria in plain English, the trial's own illness known to the rewriters (server.own_illness)."""
    with trial_words(record.conditions if record else [], [record.brief_title, record.official_title] if record else []):
        return _explain_text(criteria_text, record)


def _explain_text(criteria_text: str | None, record: OfficialRecord | None) -> PlainCriteria:
    crit = parse_criteria(criteria_text)
    addressed = not for_children(record)
    plain = PlainCriteria(
        headings=dict(HEADINGS if addressed else CHILD_HEADINGS),
        at_a_glance=at_a_glance(record, crit),
        inclusion=_explain_tree(crit.inclusion, "inclusion", criteria_text or "", addressed),
        exclusion=_explain_tree(crit.exclusion, "exclusion", criteria_text or "", addressed),
        unplaced=_explain_tree(crit.unplaced, "unplaced", criteria_text or "", addressed),
    )
    label_groups(plain, crit, criteria_text)   # (whose each item is, where the record heads each group's list: review r51 §2)
    return plain


def explain(record: OfficialRecord) -> PlainCriteria:
    """The official record's eligibility criteria in plain English (see module docstring)."""
    return explain_text(record.eligibility_criteria, record)
