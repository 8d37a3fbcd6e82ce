"""Where the at-a-glance limits of an item are (server/thresholds.py), ranges among them: "Body weight 45-90 kg"
shows as "Body weight 45 to 90 kg", "BMI between 18.5 and 30 kg/m2" as "BMI 18.5 to 30 kg/m2", "HbA1c ≥ 7.0% and
≤ 10.5%" as "HbA1c at least 7.0% and at most 10.5%" (one limit, not two halves, each "given another limit").

A range is read by thresholds.py like any limit, with the same checks (a condition, an example, a negation, an
alternative, a subgroup, the list's verdict…); this module finds it, keeps both ends, the unit and the thing, and
refuses what only looks like a range: an age or a time (thresholds.py reads the time unit after it), years
("2019-2020"), a category ("stage 1-2", "grade 1-2", "NYHA class 2-3"), a count or a reference ("items 1-3",
"ICD-10 codes 10-20"), a ratio or a change ("randomized 1 to 1", "reduced from 10 to 5"), ends in units that
differ or in the wrong order, a negative number ("-2.5 to -1"), a range with no unit that no score's name owns
("DM 1-2", "Bay 38-9456"), a range said to be outside or away from ("BMI outside 18-30"), among exclusions a range
the item says is required or allowed ("BMI must be 18-30"), and a range whose thing the items beside it give another
figure (a second performance scale, "Performance status 3 must be due to pain …").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .clauses import CMP_WORDS, PEOPLE
from .limit_patterns import NUM, POWER, THRESHOLD, UNIT

# the lower end, its unit if it has one of its own ("7.0% to 10.5%"); the upper end, not the start of a number
# that goes on ("1-2-3", "110-140/70-90", "1:20"), its unit (shared by both ends when the lower has none)
_LO = r"(?P<lo>" + NUM + r")(?P<lo_power>" + POWER + r")?(?:\s*(?!and\b|to\b|but\b)(?P<lo_unit>" + UNIT + r"))?"
_HI = (r"(?P<num>(?:" + NUM + r")" + POWER + r"?)(?![-–−/:]\s?\d)(?:\s*(?!and/|or/)(?P<unit>" + UNIT + r"))?"
       r"(?P<incl>\s+inclusive\b|\s*\(inclusive\))?")
# "45 to 90 kg" (the record's "45-90 kg", see server.plain.words_for_symbols), "between 18.5 and 30", "from 45 to 90";
# not after a minus, a word or a decimal point ("T-score -2.5 to -1", "NCT0123-4567", "L4 to 5")
_BY_NUMBERS = re.compile(r"(?P<pre>(?:between|from)\s+)?(?<![\w.,/^+\-−–])" + _LO +
                         r"\s+(?P<joint>to|and|through)\s+" + _HI)
# "at least 7.0% and at most 10.5%", "more than 18, but less than 29": a lower and an upper bound, one after the other
_BY_COMPARATORS = re.compile(r"(?P<lo_cmp>at least|more than)\s+" + _LO + r"(?:\s*,)?\s+(?P<joint>and|but|to)\s+"
                             r"(?P<hi_cmp>at most|less than)\s+" + _HI)


# a figure, then "to"/"and"/"but"/"through" and a figure (a comparator between) within a few words: where the first
# range of an item may be
_MAYBE_RANGE = re.compile(r"\d[^\s;]*(?:\s+[^\s;]+){0,6}?\s+(?:to|and|but|through)\s+(?:at most\s+|less than\s+)?\d")


class Hit(NamedTuple):
    """Where a limit is in an item: a comparator ("at least 4"), or a range standing in the place of its numbers
    and comparators."""
    start: int
    end: int
    kind: str   # "limit", "range"


class Limit(NamedTuple):
    """A limit read at a hit: the words before it that may name the measured thing, and the limit as it is shown."""
    subj: str        # the words before the limit (measured.subject_before reads the thing in them)
    subj_at: int     # where those words start
    at: int          # where the limit starts (its comparator, or the range's first word)
    num_end: int     # where its (last) number ends: a time unit after it makes it a time
    unit: str | None
    end: int         # where the limit ends, with its unit
    words: str       # the limit as shown after the thing: "at least 30 mL/min", "45 to 90 kg"


def limit_hits(text: str) -> list[Hit]:
    """The limits of an item in order, each once: a range's two comparators are one limit, and a comparator
    before a number is no range of its own ("at least 45 to 90" is read as written, and left out)."""
    ranged = _MAYBE_RANGE.search(text)   # (most items have none: the two patterns below are slow to fail)
    found = sorted([Hit(m.start(), m.end(), "range") for rx in ((_BY_COMPARATORS, _BY_NUMBERS) if ranged else ())
                    for m in rx.finditer(text, max(0, ranged.start() - 12) if ranged else 0)]   # (its comparator)
                   + [Hit(m.start(), m.end(), "limit") for m in CMP_WORDS.finditer(text)],
                   key=lambda h: (h.start, h.kind != "range"))
    out: list[Hit] = []
    for h in found:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _value(num: str) -> float:
    return float(num.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", num) else num.replace(",", "."))


def _unit_key(unit: str | None) -> str:
    return re.sub(r"\s+", "", unit or "").lower()


def _range_words(m: re.Match) -> str | None:
    """A range as shown, both ends, the unit and the comparators kept: "45 to 90 kg", "7.0% to 10.5%", "at least
    7.0% and at most 10.5%". None when its ends do not make one range."""
    if m.group("lo_unit") and _unit_key(m.group("lo_unit")) != _unit_key(m.group("unit")):
        return None   # ("5 mg to 10 mL"; "7.0% to 10" would leave the upper end's unit to guess)
    if m.group("lo_power") and not re.search(POWER, m.group("num")):
        return None   # ("100 x 10^9 to 400/L")
    lo, hi = _value(m.group("lo")), _value(re.split(r"\s*[×xX*]", m.group("num"))[0])
    if lo >= hi:
        return None   # ("randomized 2 to 1", "from 10 to 5": no range)
    if not m.group("unit") and all(re.fullmatch(r"(?:1[89]|2[01])\d\d", n) for n in (m.group("lo"), m.group("num"))):
        return None   # years: "2019-2020"
    low = m.string[m.start("lo"):m.end("lo_unit") if m.group("lo_unit") else m.end("lo_power") if m.group("lo_power")
                   else m.end("lo")]
    high = m.string[m.start("num"):m.end()].strip()
    if "lo_cmp" in m.re.groupindex:
        return f"{m.group('lo_cmp')} {low} and {m.group('hi_cmp')} {high}"
    if (m.group("pre") or "").startswith("between") != (m.group("joint") == "and") \
            or (m.group("pre") or "").startswith("from") and m.group("joint") != "to":
        return None   # ("between 18 to 65", "from 1 and 2", "9 and 11": not written as a range)
    if m.group("lo_unit") and not m.group("lo_power"):   # ("20kg/m2 and 30 kg/m2": the unit once, as "45 to 90 kg")
        low = m.group("lo")
    return f"{low} to {high}"


# the words between a range's measured thing and its numbers: "BMI ranged from 19 - 35", "the PSA must be between 0.2
# and 4.0", "mRS score of 0-1" (read before the six words that may name the thing, so a long name is not cut)
_LINK = re.compile(r"(?<=\s)(?:(?:must|should|shall|will|may|can|to|be|is|are|was|were|of|ranged?|ranging|between|from|"
                   r"within|in|the|range)\s+)*$", re.I)


# a verb in those words: the thing is named after it ("Patients must have an ECOG performance status score of 0-2")
_VERB_BEFORE = re.compile(r"(?:.*\s)?(?:have|has|having|had|must|should|shall|will|is|are|was|were|be|been|meets?|shows?|"
                          r"showing)\s+", re.I)


def subject_end(text: str, hit: Hit) -> int:
    """Where the words that may name the thing a limit is of end: before the linking words of a range."""
    link = _LINK.search(text, max(0, hit.start - 80), hit.start) if hit.kind == "range" else None
    return link.start() if link else hit.start


def read_limit(text: str, hit: Hit, subj_at: int) -> Limit | None:
    """The limit at `hit` with the words from `subj_at` before it, or None if it is not one as written."""
    if hit.kind == "limit":
        m = THRESHOLD.match(text, subj_at)
        if not m or m.start("cmp") != hit.start:
            return None
        end = m.end("unit") if m.group("unit") else m.end("num")
        return Limit(m.group("subj"), subj_at, hit.start, m.end("num"), m.group("unit"), m.end(),
                     text[hit.start:end].strip())
    m = (_BY_COMPARATORS if text.startswith(("at least", "more than"), hit.start) else _BY_NUMBERS).match(text, hit.start)
    words = _range_words(m) if m else None
    if not words:
        return None
    end = subject_end(text, hit)
    verb = _VERB_BEFORE.match(text, subj_at, end)   # (the six words reach further back past the linking words)
    subj_at = verb.end() if verb else subj_at
    return Limit(text[subj_at:end].strip(), subj_at, hit.start, m.end("num"), m.group("unit"), m.end(), words)


# the measured thing of a range is none of these: an age or a time, a group of people (an age: "Healthy Adults 18-60"),
# a category ("stage", "grade", "class", "type"), a count or a reference ("items", "codes", "cycles", "lines"), a ratio
# or an allocation, a change, an estimate ("totaling approximately 60 - 120 cc"), an assay's range ("with dynamic
# range 25- 391000000 IU/ml"; read with the words that link the thing to the range)
_NOT_RANGED = re.compile(
    r"\b(?:ages?|aged|old|years?|months?|weeks?|days?|hours?|minutes?|durations?|periods?|windows?|dates?|born|birth|"
    r"onset|" + PEOPLE + r"|healthy|stages?|grades?|class(?:es)?|classifications?|types?|phases?|categor(?:y|ies)|tiers?|"
    r"steps?|cycles?|lines?|courses?|cohorts?|parts?|groups?|arms?|items?|questions?|sections?|criteria|criterion|"
    r"codes?|ICD|NCT|versions?|visits?|numbers?|ratios?|dynamic|detect\w*|measurable|reportable|linear|"
    r"quantif\w*|random\w*|allocat\w*|assign\w*|"
    r"fall|falls|drop\w*|decreas\w*|declin\w*|increas\w*|rise|rises|ris(?:ing|en)|reduc\w*|chang\w*|improv\w*|"
    r"worsen\w*|shift\w*|titrat\w*|taper\w*|switch\w*|escalat\w*|progress\w*|approx\w*|about|around|roughly|"
    r"nearly|total(?:l?ing|\s+of))\b|^[A-Za-z]+ed$", re.I)   # (a verb alone: "Tolerated 500-600 mg AZT daily")
# a range with no unit is a score's, named as one ("NIHSS score 6-20", "ECOG 0-1", "Karnofsky 70-100%" has its unit):
# not "DM 1-2" (diabetes of type 1 or 2), "Bay 38-9456" (a drug's code), "Skin phototype 1-4"
_SCORE_NAME = re.compile(
    r"\b(?:scores?|scales?|index|status|performance|ECOG|Karnofsky|KPS|Zubrod|Lansky|SWOG|GOG|CALGB|CALBG|CTC|NCI|"
    r"CCG|SAKK|WHO|PS|NIHSS|mRS|Rankin|MMSE|MoCA|EDSS|IIEF[\w-]*|I-?PSS|PSA|Gleason|INR|BMI|HbA1c|A1c|CD4\+?|"
    r"APACHE(?:\s*II)?|SOFA|GCS|Glasgow|MADRS|HAM-?[AD]|PHQ-?9|GAD-?7|ADAS[\w-]*|CDR|UPDRS|ASPECTS|MELD|Apgar)"
    r"(?![\w-])", re.I)
# before the range in its clause: it is the values kept out, or how far from something ("outside 18-30"), or a
# category's grades ("LOCS II Clinical Classification as having Nuclear color of 0-2, …")
_AWAY_FROM = re.compile(r"\b(?:outside|out\s+of|beyond|other\s+than|exceed\w*|above|below|deviat\w+|vary|varies|"
                        r"variation|fluctuat\w+|grades?|stages?|class(?:es)?|classification)\b", re.I)
# among exclusions, words that make a range a requirement or an allowance, anywhere in the item: "Excluded if BMI
# 18 to 30" would read backwards from "BMI must be 18-30"; so would a performance status, which no list excludes by
# a range ("ECOG performance status of 0-2." among exclusions is a requirement the record's headings misplaced,
# NCT00002525)
_NOT_AN_EXCLUSION = re.compile(r"\b(?:must|should|shall|needs?\s+to|required|requires?|eligible|acceptable|accepted|"
                               r"allowed|permitted|normal|target|stable|maintain\w*|controlled|range)\b", re.I)
# performance scales: two in one item, or in items side by side, are one status on either scale ("Performance status:
# ECOG 0-2 Karnofsky 60-100%"), or one scale for children and one for adults ("Karnofsky 70-100% Lansky 50-100%"):
# alternatives, which one alone would misstate. Another counts when named with a figure after it ("WHO 0-2"; not
# "who", "WHO classification")
_SCALE = re.compile(r"\b(?:ECOG|[Kk]arnofsky|KPS|[Zz]ubrod|[Ll]ansky|SWOG|GOG|CALGB|CALBG|CTC|NCI|CCG|SAKK|WHO)\b")
_SCALE_GIVEN = re.compile(_SCALE.pattern + r"(?=(?:\s+[\w()/-]+){0,3}?\s+(?:of\s+|at least\s+|at most\s+|more than\s+|"
                          r"less than\s+)?\d)")
_STATUS_GIVEN = re.compile(r"\b(?:performance\s+(?:status|score|scale)|PS)\s+(?:of\s+|score\s+)?(?:at least\s+|at most\s+|"
                           r"more than\s+|less than\s+)?\d", re.I)


def _said_again(subj: str, item: str, beside: str) -> bool:
    """Whether the range's thing is given a figure elsewhere, which the range alone would misstate: another
    performance scale in the item or beside it (alternatives, see _SCALE), the status again beside it ("SWOG 0-3" /
    "Performance status 3 must be due to pain secondary to bone metastases", NCT00004001), or the thing's own name
    with a number in an item beside it."""
    if _SCALE.search(subj) or re.search(r"\bperformance\b|\bPS\b", subj, re.I):
        own = {m.group(0).upper() for m in _SCALE.finditer(subj)}
        if any(m.group(0).upper() not in own for m in _SCALE_GIVEN.finditer(item)) \
                or _SCALE_GIVEN.search(beside) or _STATUS_GIVEN.search(beside):
            return True
    # (not a name that goes on: "SWOG-9208" is a protocol, "IIEF-5" another questionnaire)
    return bool(re.search(r"(?<![\w-])" + re.escape(subj) + r"(?![\w-])[^.;\d]{0,40}?(?<![\w-])\d", beside, re.I))


def range_refused(subj: str, linked: str, unit: str | None, before: str, item: str, beside: str, section: str) -> bool:
    """Whether a range, read as written, is still not one to show on its own: see _NOT_RANGED, _SCORE_NAME,
    _AWAY_FROM, _NOT_AN_EXCLUSION and _said_again (`subj` its measured thing, `linked` the words from it to the range,
    `before` the words before the range in its clause, `item` the whole item, `beside` the items at its level:
    "Performance status:" over "ECOG 0-1" and "Karnofsky 70-100%" as two items)."""
    return bool(_NOT_RANGED.search(linked.strip()) or (not unit and not _SCORE_NAME.search(subj)) or _AWAY_FROM.search(before)
                or (section == "exclusion" and (_NOT_AN_EXCLUSION.search(item) or _SCALE.search(subj)
                                                or re.search(r"\bperformance\b", subj, re.I)))
                or _said_again(subj, item, beside))
