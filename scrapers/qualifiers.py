"""Qualifiers that turn the word they qualify: "poorly controlled" diabetes is uncontrolled (fidelity.polarity_flips
asks). Kept apart from fidelity.py, which holds the figures, comparators and polarity pairs."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

# a qualifier that turns the describing word after it: "poorly controlled" diabetes is uncontrolled, "poorly
# differentiated" the opposite of "well differentiated". Dropping it ("Controlled diabetes" for the record's "Poorly
# controlled diabetes") or writing it where the record has the word bare or well qualified flips the rule; "well
# controlled" for "controlled" does not, nor a slip in the qualifier ("poolry"). (After a "not", "not poorly
# controlled", it is the negation count's to compare.)
_POOR = frozenset({"poorly", "badly", "inadequately", "insufficiently", "suboptimally"})
# the same before the noun: "diabetes with poor control", "poor glycemic control" (review round 24, #5: "poor" dropped,
# "diabetes with control", was said nowhere); read as "poorly controlled", so the two forms are one wording
_POOR_ADJ = frozenset({"poor", "bad", "inadequate", "insufficient", "suboptimal"})
_GOOD = frozenset({"well", "adequately", "optimally", "sufficiently", "properly",
                   "good", "adequate", "optimal", "sufficient", "proper"})   # (quoted with the word)
_QUAL_WORD = re.compile(r"[a-z]+")
_CONTROL = frozenset({"control", "controls"})
# words a qualifier of "control" may stand before it across ("poor glycemic control", "poor blood pressure control");
# any other word between ("poor adherence and control") ends the look back
_BETWEEN = re.compile(r"[a-z]+(?:ic|al|ar|ary|ous)|blood|pressure|glucose|sugar|seizure|symptom|disease|pain|asthma|"
                      r"diabetes|diabetic|hypertension|lipid|weight|bp")


# "not well differentiated" is "poorly differentiated", "not adequately treated" "inadequately treated": one state
# said two ways (review: 15 of 113 pages that wrote "not well" for "poorly" were critical, their "not" read as a
# negation the record lacks). Not after a "not" ("not poorly controlled" is the negation count's to compare).
POOR_FORM = re.compile(r"(?i)(?<!\bnot\s)\b(?:not\s+(?:well|adequately|sufficiently|properly|optimally)|poorly|badly|"
                        r"inadequately|insufficiently|sub-?optimally)[\s-]+([a-z]{4,}ed)\b")


def poorly_alike(a: str, b: str) -> tuple[str, str]:
    """Both texts with each word in -ed that both qualify as not done well, as often, written "poorly …" where they
    word it differently ("not well differentiated" and "poorly differentiated"): fidelity.one_wording compares them
    so. A text that says it fewer times keeps its words ("well differentiated" for "not well differentiated" is
    still a lost "not")."""
    fa, fb = POOR_FORM.findall(a), POOR_FORM.findall(b)
    if not fa or not fb:
        return a, b
    for base in {w.lower() for w in fa} & {w.lower() for w in fb}:
        ma = [m.group(0).lower() for m in POOR_FORM.finditer(a) if m.group(1).lower() == base]
        mb = [m.group(0).lower() for m in POOR_FORM.finditer(b) if m.group(1).lower() == base]
        if len(ma) == len(mb) and ma != mb:
            def poorly(m: re.Match, base: str = base) -> str:
                return f"poorly {m.group(1)}" if m.group(1).lower() == base else m.group(0)
            a, b = POOR_FORM.sub(poorly, a), POOR_FORM.sub(poorly, b)
    return a, b


# "poor glycemic control", "inadequate blood pressure control": a qualifier of "control" before it, across the words
# `_BETWEEN` allows (as `_qualified` reads it)
POOR_CONTROL = re.compile(r"(?i)(?<!\bnot\s)\b(?:poor|bad|inadequate|insufficient|sub-?optimal)"
                          rf"(?:\s+(?:{_BETWEEN.pattern})){{0,3}}\s+controls?\b")


def _poor(word: str, qualifiers: frozenset = _POOR) -> bool:
    return word in qualifiers or len(word) >= 6 and any(OSA.distance(word, q) <= 1 for q in qualifiers)


def _qualified(text: str) -> list[tuple[str, str, bool, str]]:
    """Each describing word ending in -ed, and each "control" (read as "controlled"), with the word before it (the
    qualifier for a "control"), whether that word is a poor qualifier, and the word as written."""
    words = _QUAL_WORD.findall(text.lower().replace("sub-optimal", "suboptimal"))
    out = []
    for k, w in enumerate(words):
        if len(w) >= 6 and w.endswith("ed"):
            before = words[k - 1] if k else ""
            negated = k >= 2 and words[k - 2] == "not"   # ("not poorly controlled"; "not well controlled" is poor)
            out.append((w, before, k > 0 and (_poor(before) and not negated or before in _GOOD and negated), w))
        elif w in _CONTROL:
            j = k - 1
            while j >= max(0, k - 3) and words[j] not in _POOR_ADJ | _GOOD and _BETWEEN.fullmatch(words[j]):
                j -= 1
            before = words[j] if j >= 0 else ""
            poor = j >= 0 and _poor(before, _POOR_ADJ) and (j < 1 or words[j - 1] != "not")
            out.append(("controlled", before, poor, " ".join(words[j + 1:k + 1])))   # ("glycemic control")
    return out


def qualifier_flips(original: str, rewrite: str) -> list[tuple[str, str]]:
    """(the original's words, the rewrite's) for each describing word one text qualifies as "poorly …" (or "poor …
    control") where the other says it bare or "well …" (as often in all: a rewording that says it another way, "not
    well controlled" or "with poor control", flips nothing)."""
    if not any(q in original.lower() or q in rewrite.lower() for q in ("poor", "bad", "inadequate", "insufficient",
                                                                       "optimal")):
        return []
    qo, qr = _qualified(original), _qualified(rewrite)
    out = []
    for base in sorted({w for w, _, poor, _ in qo + qr if poor}):
        poor_o, poor_r = (sum(1 for w, _, p, _ in q if w == base and p) for q in (qo, qr))
        well_o, well_r = (sum(1 for w, _, p, _ in q if w == base and not p) for q in (qo, qr))
        if poor_o > poor_r and well_r > well_o or poor_r > poor_o and well_o > well_r:
            said = [next((f"{before} {as_written}" if before in _GOOD or p else as_written)
                         for w, before, p, as_written in q if w == base and p == want)
                    for q, want in ((qo, poor_o > poor_r), (qr, poor_r > poor_o))]
            out.append((said[0], said[1]))
    return out


# qualifiers that narrow a rule without turning their word: "Active hepatitis B" excludes fewer people than
# "Hepatitis B", "severe renal impairment" than "renal impairment", "clinically significant" heart disease than any
# (words3: 126 of 150 real exclusions and 121 of 150 requirements with one left out raised nothing). An adverb before
# one is part of it ("clinically significant", "hemodynamically significant", "sexually active"), so "Significant …" for
# "Clinically significant …" keeps the qualifier; the word it narrows is the last one ("significant").
DEGREE = re.compile(r"(?i)\b(?:[a-z]+ly[\s-]+)?(significant|severe|serious|active|recent|symptomatic)\b")
