"""Is the page about the trial its number names? An aggregator that shows the wrong NCT number makes every other
comparison a comparison with another trial: "This page may be out of date" with ten field-by-field findings, over
a page about a stroke trial checked against a lupus trial's record (review round 5, a page with its number swapped).

Titles alone cannot tell: a trial's own brief and official titles share no word in 2% of the corpus, aggregators
rewrite titles in lay words ("Placental stem cells injected to help stroke patients recover"), and two stem-cell
trials share most of theirs. So four signals must all disagree: the title is not the record's (nearly word for
word), the sponsor is none of the record's (sponsor and collaborators, or their initials), the conditions check
finds the page's conditions and the record's at odds (or, where it finds them in agreement, none of the page's
criteria lists is the record's: "ischemic" stroke and hypoxic-ischemic encephalopathy share a word, or the page
gives another phase and a start years apart, or clearly names a drug the record never mentions: treatments.py),
and at least
one design fact the page gives is not the record's (phase, number of participants, start date). A page that shows
no sponsor, no conditions or none of those facts is never said to be about another trial: a lay-worded page ("heart
attack" for myocardial infarction) with a sponsor named its own way still has the record's design. Conditions
naming no illness in particular ("Healthy", "Cancer") that the record says too are no evidence either way: then, as
with a shared word, only criteria plainly another trial's speak, or criteria mostly not the record's words together
with a title of four words or more none of which the record says anywhere (a lay title alone is no evidence: r44).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from ..illness_words import NO_ILLNESS
from ..dates import to_date
from ..model import OfficialRecord, PageRecord
from .conditions import check_conditions, compared_conditions, record_texts
from .facts import check_facts, same_sponsor
from .finding import Finding, quote
from .items import criteria_are_another_trials
from .saved_copy import SAVED_COPY, copy_from
from .reading import FILLER
from .shorthands import american
from .treatments import other_treatment


def _same_title(page_title: str, official: OfficialRecord) -> bool:
    titles = [t for t in (official.brief_title, official.official_title, official.acronym) if t]
    return any(fuzz.token_sort_ratio(page_title.lower(), t.lower()) >= 90 for t in titles)


_DESIGN = frozenset({"phases", "enrollment", "start_date"})


def _other_design(page: PageRecord, official: OfficialRecord) -> bool:
    """Does a design fact the page gives differ from the record's (phase, enrollment, start date), as check_facts
    compares them (dates at the precision both give, display text parsed)?"""
    return any(f.field in _DESIGN for f in check_facts(page, official))


# a phase as a number: an early phase 1 is a phase 1 told another way ("not applicable" is no phase: a device trial's
# page may say either)
_PHASE_NUMBER = {"EARLY_PHASE1": 1, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
YEARS_APART = 3   # (a start the record moved on, an anticipated one that came later, stays within a few years)


def _months(partial: str | None) -> tuple[int, int] | None:
    """The first and last month a partial ISO date may be ("2019" is January to December 2019, as dates.to_date reads
    it), or None for none or one it cannot read."""
    try:
        first, last = to_date(partial), to_date(partial, end=True)
    except (AttributeError, TypeError, ValueError):
        return None
    return first.year * 12 + first.month - 1, last.year * 12 + last.month - 1


def _another_schedule(page: PageRecord, official: OfficialRecord) -> bool:
    """Are the page's phase and start another trial's: its numbered phases none of the record's, and its start
    `YEARS_APART` years or more from the record's at the least, however precisely either gives it? A stale page of
    the trial keeps its phase (a change of phase adds one: "Phase 1" to "Phase 1/Phase 2"), and its start moves
    less."""
    ours = {_PHASE_NUMBER[p] for p in page.phases if p in _PHASE_NUMBER}
    theirs = {_PHASE_NUMBER[p] for p in official.phases if p in _PHASE_NUMBER}
    if not ours or not theirs or ours & theirs:
        return False
    a, b = _months(page.start_date), _months(official.start.date if official.start else None)
    return bool(a and b) and max(a[0] - b[1], b[0] - a[1]) >= 12 * YEARS_APART


_CRITERIA_WORD = re.compile(r"[a-z]{5,}")
MIN_WORDS = 8        # (fewer words than this say nothing either way)
FEW_SHARED = 0.5     # under half of the page's criteria words anywhere in the record's criteria


def _criteria_words(text: str) -> set[str]:
    return {w for w in _CRITERIA_WORD.findall(text.lower()) if w not in FILLER}


def _criteria_share(page: PageRecord, official: OfficialRecord) -> float | None:
    """The share of the words the page's criteria use that appear anywhere in the record's criteria, or None for a
    page showing too few to tell. A trial's own page that cuts each item short ("Hepatic: Bilirubin no greater than
    2.0…") or retells it in a few words pairs badly item by item but uses the record's words."""
    ours = _criteria_words(" ".join(page.inclusion + page.exclusion))
    if len(ours) < MIN_WORDS:
        return None
    return len(ours & _criteria_words(official.eligibility_criteria or "")) / len(ours)


_SMALL = frozenset("a an the of and or for with in on to by".split())


def _plain(text: str) -> set[str]:
    """Every word but the smallest, in American spelling, with a plural's "s" dropped ("Advanced Cancers" is
    "advanced", "cancer"; "Solid Tumours" is "solid", "tumor")."""
    return {american(w).removesuffix("s") for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _SMALL}


# a word of two letters or fewer that is neither small nor a Roman numeral ("CF", "MS", "TB", "CP", "C"): an
# acronym or a part of a name, whatever illness it may stand for
_UNKNOWN = re.compile(r"(?i)\b(?!(?:a|an|of|or|in|on|to|by|[ivx]+)\b)[a-z]{1,2}\b")


def _other_illness(page: PageRecord, official: OfficialRecord) -> bool:
    """Do the page's conditions name an illness the record does not? Where one of them names an illness in
    particular, the conditions check decides (check_conditions: spellings, word endings, parts of the body, MeSH
    terms, acronyms), so that the two checks never disagree: a UK site's "Leukaemia" for "Leukemia", or the
    record's MeSH term "Erectile Dysfunction" for its "Impotence", was "a different trial" while the conditions
    check found them in agreement (r44 H3: 271 and 350 records). Conditions naming no illness in particular
    ("Healthy", "Advanced Cancers", "Pain") are evidence of another trial only where the record never says those
    words (its conditions, keywords, MeSH terms, titles: "Healthy" under a breast cancer trial's number), and none of
    them is a short word that may be an acronym: a cystic fibrosis trial's own page saying "CF", or "MS", "TB", "CP",
    was "a different trial" while the conditions check said nothing (r47 H2: 54 own pages)."""
    if compared_conditions(page):
        return bool(check_conditions(page, official))
    if any(_UNKNOWN.search(c) for c in page.conditions):
        return False
    said = set().union(*(_plain(t) for t in record_texts(official)))
    return not any(_plain(c) & said for c in page.conditions)


_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda", "μ": "mu"}
_TITLE_WORD = re.compile(r"[a-z][a-z0-9]{3,}")
FOREIGN_WORDS = 4    # (fewer words than this say too little: "Research study for people with Healthy" says one)
STEM = 5             # letters two words share at the start to be one word told two ways ("measuring", "measurement")


def _title_words(text: str) -> set[str]:
    """A title's words of four letters or more that say what is studied (no filler, nothing naming no illness), read
    alike on both sides: accents dropped ("sildénafil"), Greek letters spelled ("α" is "alpha"), a drug code one
    word ("BMS-214662" is "BMS214662"), American spelling."""
    text = "".join(_GREEK.get(c, c) for c in text.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\b([a-z]+)-(?=[0-9])", r"\1", text)
    return {american(w).removesuffix("s") for w in _TITLE_WORD.findall(text) if w not in FILLER and w not in NO_ILLNESS}


def _foreign_title(page: PageRecord, official: OfficialRecord) -> bool:
    """Does the page's title use `FOREIGN_WORDS` words or more that say what is studied, not one of them (nor a
    word starting with the same `STEM` letters) anywhere in the record (titles, summary, description, criteria,
    conditions, keywords, interventions, MeSH terms)? A swapped page's "Pharmacokinetic and Safety Study of HYLENEX
    Recombinant-Augmented Subcutaneous Ceftriaxone" under a pain study's number (both "Healthy") does. So may a
    trial's own page in lay words ("Tracking Where People Look When Shown Pictures" for "Visual Stimulus and Eye
    Movement"), which is why this is never evidence alone (check_identity)."""
    ours = {w[:STEM] for w in _title_words(page.title or "")}
    if len(ours) < FOREIGN_WORDS:
        return False
    texts = [official.brief_title, official.official_title, official.acronym, official.brief_summary,
             official._ps("descriptionModule", "detailedDescription"), official.eligibility_criteria]
    texts += (official.conditions + official.keywords + [name for _, name in official.interventions]
              + official.condition_mesh_terms + official.intervention_mesh_terms)
    return not ours & {w[:STEM] for w in _title_words(" ".join(t for t in texts if t))}


def check_identity(page: PageRecord, official: OfficialRecord, copy_as_of: str | None = None) -> list[Finding]:
    """One critical `other_trial` finding when the page's title, sponsor and conditions all disagree with the
    record's (see the module docstring), else nothing. Against a saved copy (`copy_as_of`) it says whose record."""
    if not page.sponsor or not official.sponsor or not page.conditions or not official.conditions:
        return []
    if page.title and _same_title(page.title, official):
        return []
    if same_sponsor(page.sponsor, [official.sponsor] + official.collaborators):
        return []
    if not _other_design(page, official):
        return []
    # the criteria: a page using the record's criteria words is the record's page, whatever else it words its own
    # way (R24: own pages with a lay title, the sponsor's initials and criteria cut short were "a different trial");
    # a shared condition word alone is not agreement when the criteria are plainly another trial's: few of their
    # words in the record's and no list pairing ("ischemic" stroke, hypoxic-ischemic encephalopathy: R23)
    share = _criteria_share(page, official)
    if share is not None and share >= FEW_SHARED:
        return []
    # where the conditions say nothing ("Healthy" on both sides), a title none of whose words the record says is a
    # second signal with criteria under half the record's words, never alone: trials' own pages with lay titles, the
    # sponsor's initials and no criteria shown were "a different trial" for 195 of 269 such records (r44 H1); where
    # they agree (two erectile dysfunction trials), another phase and a start years apart are another trial's (ident6),
    # and so is a drug clearly named (a generic name; a drug code alone is no sign, review r50 F1) that the record never
    # says any way nor by any name
    # the corpus gives it (treatments.py, ident7: not a brand, "Viagra", "Retrovir", nor a spelling, "ciclosporin",
    # nor a trial-group number, "ACTG 5041", which r48 found read as another trial's on own pages)
    if not _other_illness(page, official) and not _another_schedule(page, official) \
            and not other_treatment(page, official) and not (share is not None and (
            criteria_are_another_trials(page, official)
            or not compared_conditions(page) and _foreign_title(page, official))):
        return []
    ours = official.brief_title or official.official_title or official.nct_id
    return [Finding(
        "other_trial", "critical", "nct_id", page.title or page.nct_id, ours,
        f'This page may be about a different trial. The trial number on it, {official.nct_id}, is "{quote(ours, 90)}" '
        f'{"in " + SAVED_COPY + " (" + copy_from(copy_as_of) + ")" if copy_as_of else "on ClinicalTrials.gov"}, '
        f'run by {official.sponsor}, for {", ".join(official.conditions[:3])}; this page names '
        f'{page.sponsor}, for {", ".join(page.conditions[:3])}. Check the trial number with the site or the study team '
        "before relying on anything on this page.",
        {"page_title": page.title, "page_sponsor": page.sponsor, "page_conditions": page.conditions[:5],
         "official_sponsor": official.sponsor, "official_conditions": official.conditions[:5]},
    )]
