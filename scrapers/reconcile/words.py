"""A word a copy changes: a page item that reads as the record's but for a word or two ("…history of stroke…" where
ClinicalTrials.gov says "…history of myocardial infarction…", "cisplatin" for "carboplatin"). The fidelity check
compares figures, units, limits and negations; a substituted illness, drug or describing word passes it, and the pair
read as in sync (review round 21, P1). Aggregator lists are copies of the record, so a copy gives no such word:
casing, punctuation, hyphens, British or American spelling, a word's other form, a spelled-out abbreviation, a one
letter typo and function words are not changes, and a pair that differs in many places is a rewording (compare says
that), not a word changed.
"""

from __future__ import annotations

import difflib
import re

from ..fidelity import one_wording
from .dropped_words import dropped_describer
from .other_age import dropped_age_kind
from .everyday_words import in_record_words
from .reading import FILLER, TOKEN, WordChange, as_read, says_something
from .shorthands import abbreviates, is_short, lay_for, names_group, stands_for
from .same_words import organ_for_part, same_lookback, same_word

MOST_CHANGES = 2   # more places with a different word than this: a rewording, not a changed word


def word_changes(record: str, page: str) -> list[WordChange]:
    """The words a page item puts in place of the record's, when the two are otherwise one copy; [] when they differ
    only in ways a copy may (see the module's note), or in so many places that the page rewords the item."""
    record, page = one_wording(record, page)   # ("not controlled" for "uncontrolled", "NSCLC" for its words)
    page = in_record_words(record, page)   # ("before" for "prior to", "treatment" for "therapy": everyday_words)
    t = as_read(record)
    ms = list(TOKEN.finditer(t))   # (the record's words where they stand: _slash_dropped reads what joins them)
    u = as_read(page)
    ns = list(TOKEN.finditer(u))
    ra, pa = [m.group(0) for m in ms], [m.group(0) for m in ns]
    rl, pl = [w.lower() for w in ra], [w.lower() for w in pa]
    if rl == pl:
        return []
    sm = difflib.SequenceMatcher(None, rl, pl, autojunk=False)
    same = sum(size for *_, size in sm.get_matching_blocks())
    places, out, named = 0, [], 0   # (named: words more than one that a short form's name takes, below)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or "".join(rl[i1:i2]) == "".join(pl[j1:j2]):   # ("follow-up" / "followup")
            continue
        if any(any(c.isdigit() for c in w) for w in rl[i1:i2] + pl[j1:j2]):
            continue   # a figure: the fidelity check's to compare
        r_left, p_left = _unmatched(ra[i1:i2], pa[j1:j2])
        if organ_for_part(rl[i1:i2], pl[j1:j2], " ".join(rl[i2:i2 + 1])):   # ("Lung valve" for "Pulmonary valve")
            out.append(WordChange(" ".join(ra[i1:i2]), " ".join(pa[j1:j2])))
            places += 1
            continue
        if not r_left and not p_left or same_lookback(r_left, p_left, " ".join(rl[i2:i2 + 2]), " ".join(pl[j2:j2 + 2])):
            continue
        places += 1
        if r_left and p_left and abbreviates(r_left, p_left):   # (a name written short: one word of the copy, "No
            named += abs(len(r_left) - len(p_left))            # history of CVA or CHF" for "… MI or CHF"'s words)
            continue
        gone = (i1, i2) if op == "delete" else _one_left_out(ra, i1, i2, r_left, p_left)
        if gone is not None:   # (a word left out, the others kept, in any form: "Aged" for "Gestational age")
            dropped = _slash_dropped(t, ms, *gone, pa)
            said = None if dropped is not None else dropped_describer(t, ms, *gone, pa, says_something) or \
                dropped_age_kind(t, ms, *gone, pa)
            if dropped is not None or said is not None:   # ("AST" for "AST/ALT"; "Blood pressure" for "Systolic …")
                out.append(dropped or WordChange(*said))
                named += gone[1] - gone[0] - 1   # (words left out together count as one: "Parent or guardian")
            continue
        run = _short_run(t, ms[i1:i2], u, ns[j1:j2]) if r_left and p_left else None
        if run is not None:   # (short forms in a row, each for its own thing: "CVA, CHF" for "MI, CHF"'s words)
            out += run[0]
            named += run[1]
            continue
        # a word for a word, or two for one ("stroke" for "myocardial infarction"); a phrase for a word is a
        # rewording ("willing to sign a consent form" for "informed consent", TrialFinderData's plain English)
        balanced = max(i2 - i1, j2 - j1) <= 3 and abs((i2 - i1) - (j2 - j1)) <= 1
        if r_left and p_left and balanced and not abbreviates(r_left, p_left) and not _one_group(r_left, p_left) \
                and not lay_for(r_left, p_left):   # ("heart attack" for "myocardial infarction": one thing)
            if len(r_left) == len(p_left) == 1 and min(len(r_left[0]), len(p_left[0])) <= 2 and i1 and j1:
                r_left, p_left = [ra[i1 - 1]] + r_left, [pa[j1 - 1]] + p_left   # ("hepatitis C", not a bare "C")
            out.append(WordChange(" ".join(r_left), " ".join(p_left)))
            if any(len(x) == 1 and is_short(x[0]) for x in (r_left, p_left)):   # ("CVA" for "myocardial infarction")
                named += abs(len(r_left) - len(p_left))
            elif _name_for_name(t, ms[i1:i2], r_left, u, ns[j1:j2], p_left):   # ("pulmonary embolism" for
                named += max(len(r_left), len(p_left)) - 1                      # "coronary artery disease")
        elif r_left and p_left and not balanced:
            wrong = _short_for_other(t, ms[i1:i2], r_left, u, ns[j1:j2], p_left)
            if wrong is not None:
                out.append(wrong)
                named += len(TOKEN.findall(max(wrong.record, wrong.page, key=len))) - 1
            elif _name_for_name(t, ms[i1:i2], r_left, u, ns[j1:j2], p_left):   # ("angina" for "congestive heart
                out.append(WordChange(" ".join(r_left), " ".join(p_left)))       # failure": a name, one word)
                named += max(len(r_left), len(p_left)) - 1
    # a copy but for a word or two: most of the longer text the same, or a short item whose word was replaced (a
    # name written short counted as one word: "History of cardiomyopathy or COPD" for "… congestive heart failure")
    longest = max(len(rl), len(pl)) - named
    if not out or places > MOST_CHANGES or same < 0.6 * longest and longest > 4:
        return []
    return out


def one_short_form_apart(a: str, b: str) -> bool:
    """Do two texts read word for word alike but for one short form in one where the other names a thing in words
    ("History of PE" / "History of deep vein thrombosis", "No COPD" / "No congestive heart failure"), with a word
    besides (a lone "PE" for a lone "Diabetes" is two items)? Letter by letter too unlike to pair, they read as a
    criterion added and another left out, where `word_changes` names the short form once they are paired (or finds it
    the words' own)."""
    ta, tb = as_read(a), as_read(b)
    ma, mb = list(TOKEN.finditer(ta)), list(TOKEN.finditer(tb))
    la, lb = [m.group(0).lower() for m in ma], [m.group(0).lower() for m in mb]
    sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "replace" or ops[0][2] - ops[0][1] == len(la):
        return False
    _, i1, i2, j1, j2 = ops[0]
    for (st, sm_), (lt, lm) in (((ta, ma[i1:i2]), (tb, mb[j1:j2])), ((tb, mb[j1:j2]), (ta, ma[i1:i2]))):
        if len(sm_) == 1 and is_short(sm_[0].group(0)) and len(sm_[0].group(0)) <= 6 and not _in_capitals(st, lt):
            name = _one_name(lt, lm, 1)
            if name is not None and len(name) == len(lm) and not any(is_short(w.group(0)) for w in name):
                return True
    return False


def _one_group(r: list[str], p: list[str]) -> bool:
    """Does one side name a group of tests that is exactly the other side's ("transaminases" for "AST/ALT")?"""
    return names_group(r, p) or names_group(p, r)


def _short_for_other(t: str, rm: list[re.Match], r_left: list[str], u: str, pm: list[re.Match],
                     p_left: list[str]) -> WordChange | None:
    """A short form one text writes where the other names a thing in three or more words that it stands for none of:
    "PE" for "deep vein thrombosis" read as a rewording, so it raised nothing where "PE" for "myocardial infarction"
    warned (8 of 192 wrong shorthands missed, and 92 of 103 for three-word names). One that spells the words or a run
    of them ("DVT", "COPD", "MUGA" for "multiple gated acquisition", "PS" in "ECOG performance status"), or that
    `SHORTHAND` lists for them, is a copy's; so is one written for a list of things ("CHOP" for its four medicines),
    and a text in capitals has no short forms to tell from its words. (`rm`/`pm`: each text's differing words where
    they stand in `t`/`u`; `r_left`/`p_left`: those that say something.)"""
    for (st, s_left), (lt, lm), page_short in (((u, p_left), (t, rm), True), ((t, r_left), (u, pm), False)):
        if len(s_left) != 1 or not is_short(s_left[0]) or len(s_left[0]) > 6 or _in_capitals(st, lt):
            continue
        name = _one_name(lt, lm)
        if name is None or stands_for(s_left[0], [m.group(0) for m in name]):
            continue
        words = lt[name[0].start():name[-1].end()]
        return WordChange(words, s_left[0]) if page_short else WordChange(s_left[0], words)
    return None


def _name_for_name(t: str, rm: list[re.Match], r_left: list[str], u: str, pm: list[re.Match],
                   p_left: list[str]) -> bool:
    """Does a copy name another thing in more or fewer words than the record's, sharing none of them: "angina" for
    "congestive heart failure", "coronary artery disease" for "hypertension"? Told from a rewording only by a word
    count, they were the reworded note (40 of 150 real names swapped so, words3). Each side is a name (at most five
    words, joined only by spaces or hyphens, each saying something: "willing to sign a consent form" for "informed
    consent" is a rewording, and keeps "consent"), no short form (`_short_for_other` reads those) and no lay wording
    of the other ("high blood pressure" for "hypertension"). (`rm`/`pm`: each text's differing words where they
    stand in `t`/`u`; `r_left`/`p_left`: those that say something, unmatched by the other side's.)"""
    sides = ((t, rm, r_left), (u, pm, p_left))
    if any(len(left) != len(ms) or not 1 <= len(ms) <= 5 or any(is_short(w) for w in left) for _, ms, left in sides):
        return False
    return all(_one_name(text, ms, 1) == ms for text, ms, _ in sides) and not lay_for(r_left, p_left)


def _short_run(t: str, rm: list[re.Match], u: str, pm: list[re.Match]) -> tuple[list[WordChange], int] | None:
    """Short forms in a row ("CVA, CHF") that one text writes where the other lists as many things in words, each
    compared with its own ("myocardial infarction, congestive heart failure": "CVA" names another thing, "CHF" is
    congestive heart failure's). Read as one run, a wrong one beside a right one raised nothing (18 of 37 in the
    shorthand sweep). The changed words, and how many words more than one the short forms' names take (a name written
    short counts as one word of the copy); None where the texts are no such run and list (`rm`/`pm`: each text's
    differing words where they stand in `t`/`u`)."""
    for (st, sm), (lt, lm), page_short in (((u, pm), (t, rm), True), ((t, rm), (u, pm), False)):
        shorts = [n[0].group(0) if len(n) == 1 else "" for n in _listed(st, sm)]   # (as written: "ALL" is no "all")
        if len(shorts) < 2 or _in_capitals(st, lt) or not all(is_short(w) and len(w) <= 6 for w in shorts):
            continue
        names = [_one_name(lt, n, 1) for n in _listed(lt, lm)]
        if len(names) != len(shorts) or any(n is None or all(is_short(w.group(0)) for w in n) for n in names):
            continue
        out = []
        for short, name in zip(shorts, names):
            if not stands_for(short, [w.group(0) for w in name]):
                words = lt[name[0].start():name[-1].end()]
                out.append(WordChange(words, short) if page_short else WordChange(short, words))
        return out, sum(len(n) - 1 for n in names)
    return None


_LIST_WORDS = frozenset(("and", "or", "nor"))
_LIST_JOIN = re.compile(r"\s*[,;/]\s*")


def _listed(text: str, words: list[re.Match]) -> list[list[re.Match]]:
    """These words as the things of a list, each parted from the next by ",", ";", "/", "and", "or" or "nor" and its
    own words joined by spaces or hyphens; [] where something else joins two words."""
    out: list[list[re.Match]] = [[]]
    for k, w in enumerate(words):
        if w.group(0).lower() in _LIST_WORDS:
            out.append([])
            continue
        if k and out[-1] and not _NAME_JOIN.fullmatch(text, words[k - 1].end(), w.start()):
            if not _LIST_JOIN.fullmatch(text, words[k - 1].end(), w.start()):
                return []
            out.append([])
        out[-1].append(w)
    return [n for n in out if n]


def _one_name(text: str, words: list[re.Match], fewest: int = 3) -> list[re.Match] | None:
    """These words, less function words at either end, if they are `fewest` (three) to eight words of one name:
    joined only by spaces or hyphens, no "and" or "or" among them ("deep vein thrombosis", "upper limit of normal")."""
    while words and words[0].group(0).lower() in FILLER:
        words = words[1:]
    while words and words[-1].group(0).lower() in FILLER:
        words = words[:-1]
    if not fewest <= len(words) <= 8 or any(w.group(0).lower() in ("and", "or", "nor") for w in words):
        return None
    return words if all(_NAME_JOIN.fullmatch(text, x.end(), y.start()) for x, y in zip(words, words[1:])) else None


_NAME_JOIN = re.compile(r"[ \-]+")


_ALPHA = re.compile(r"[A-Za-z]{3,}")


def _in_capitals(text: str, other: str) -> bool:
    """A text written in capitals ("HISTORY OF STROKE" for the record's "History of stroke"): its words are no short
    forms. Mostly capitals is not enough: "No NYHA class II-IV COPD" is, by its short forms and numerals, and a label
    ("CARDIOVASCULAR: No COPD.") may be; so where it shares words with the `other` text, most of them must be written
    in capitals where the other writes them otherwise (read by its letters alone, "COPD" for "congestive heart
    failure" was the reworded note: words3)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) <= 12 or sum(c.isupper() for c in letters) <= 0.6 * len(letters):
        return False
    theirs = set(_ALPHA.findall(other))
    shared = [w for w in _ALPHA.findall(text) if w.lower() in {v.lower() for v in theirs}]
    return not shared or sum(w.isupper() and w not in theirs for w in shared) > len(shared) / 2


def tokens(text: str) -> list[str]:
    return TOKEN.findall(as_read(text))


def content_words(text: str) -> list[str]:
    """The words of a text that say something (lower case), in order."""
    return [w for w in (t.lower() for t in tokens(text)) if w not in FILLER]


_SLASH = re.compile(r"[\s()]*/[\s()]*")
# "AST and ALT", "AST, ALT", "AST & ALT": the same two tests as "AST/ALT", read so only between two test names
_JOIN = re.compile(r"\s*(?:,|&|\band\b)\s*")
_TEST_NAME = re.compile(r"[a-z]?[A-Z]{2,5}")   # ("AST", "SGPT", "INR", "aPTT")


def _slash_dropped(t: str, ms: list[re.Match], i1: int, i2: int, pa: list[str]) -> WordChange | None:
    """One of two things the record joins with a slash (tokens i1:i2 of `ms`, the record's words in `t`), dropped where
    the page keeps the other: "AST" where the record says "AST/ALT" drops a test the rule also sets, and no word
    stands in its place to be compared (it raised nothing). So too for two test names joined by "and", "," or "&"
    ("SGOT" for "SGOT and SGPT": 0 of 240 real ones said, review round 25, #4). Not when the page has the word
    elsewhere, nor for more than a short name, nor where the two name one thing (`_one_thing`: "AST" for "AST/SGOT")."""
    if i2 - i1 > 3 or any(same_word(m.group(0).lower(), v.lower()) for m in ms[i1:i2] if says_something(m.group(0))
                          for v in pa):
        return None
    a, b = i1, i2   # the dropped name's own tokens, less an "and" that joined it ("AST and ALT" shown as "AST")
    if b - a > 1 and ms[a].group(0).lower() == "and":
        a += 1
    elif b - a > 1 and ms[b - 1].group(0).lower() == "and":
        b -= 1
    if i1 > 0 and _partners(t, ms, i1 - 1, a, b, t[ms[i1 - 1].end():ms[a].start()]):   # (the kept one before)
        kept = _bracketed(t, ms, i1 - 1, i1 - 1)
        return WordChange(_bracketed(t, ms, kept[0], i2 - 1)[2], kept[2])
    if i2 < len(ms) and _partners(t, ms, i2, a, b, t[ms[b - 1].end():ms[i2].start()]):   # (the kept one after)
        kept = _bracketed(t, ms, i2, i2)
        return WordChange(_bracketed(t, ms, i1, kept[1])[2], kept[2])
    return None


def _partners(t: str, ms: list[re.Match], kept: int, a: int, b: int, join: str) -> bool:
    """Are token `kept` and tokens a:b two things the record joins (`join` the text between them) that are not one
    thing named twice?"""
    if _JOIN.fullmatch(join):
        if not (b - a == 1 and _TEST_NAME.fullmatch(ms[a].group(0)) and _TEST_NAME.fullmatch(ms[kept].group(0))):
            return False
    elif not _SLASH.fullmatch(join):
        return False
    return not _one_thing(t, ms[kept], ms[a:b])


def _one_thing(t: str, kept: re.Match, dropped: list[re.Match]) -> bool:
    """Do the two sides of a slash name one thing (review round 25, #5: "AST" for "AST/SGOT" warned, 24 of 24 real
    ones)? One is the other's short form or a shorthand twin ("AST/SGOT", "zidovudine/AZT", "Hemoglobin/Hb"), or a
    medicine's name and its brand: a word in small letters and one capitalized word that does not start the
    sentence ("trastuzumab/Herceptin"; "Cisplatin/carboplatin" are two)."""
    k, d = kept.group(0), [m.group(0) for m in dropped]
    if abbreviates([k], d) or len(d) == 1 and abbreviates(d, [k]):
        return True
    if len(dropped) != 1:
        return False
    small, big = sorted((kept, dropped[0]), key=lambda m: m.group(0)[:1].isupper())
    w = big.group(0)
    starts = t[:big.start()].rstrip(" (/").endswith((".", ":", ";")) or not t[:big.start()].strip(" -*•(")
    return small.group(0).islower() and len(small.group(0)) >= 5 and len(w) >= 4 and w[0].isupper() and \
        w[1:].islower() and not starts


def _bracketed(t: str, ms: list[re.Match], a: int, b: int) -> tuple[int, int, str]:
    """Tokens a..b of `t` widened to whole brackets, with their text: "AST (SGOT)" for "SGOT" in "AST (SGOT)/ALT"."""
    while a > 0 and t[ms[a - 1].end():ms[a].start()].strip() == "(" and ")" in t[ms[b].end():ms[b].end() + 2]:
        a -= 1   # (a name's other name in brackets after it: the name is the thing shown)
    while a > 0 and t[ms[a].start():ms[b].end()].count(")") > t[ms[a].start():ms[b].end()].count("("):
        a -= 1
    end = ms[b].end()
    while t[ms[a].start():end].count("(") > t[ms[a].start():end].count(")") and ")" in t[end:]:
        end = t.index(")", end) + 1
    return a, b, t[ms[a].start():end]


def _one_left_out(ra: list[str], i1: int, i2: int, r_left: list[str], p_left: list[str]) -> tuple[int, int] | None:
    """The span (k, k + 1) of the one record word among tokens i1:i2 (`ra`) that the page leaves out where it writes
    each of the others in another form ("Aged" for "Gestational age": "age" and "aged" are one word, so the pair is
    no word dropped but a replacement, read as none; review r33: 50 of 50 real ones silent); None otherwise."""
    if p_left or len(r_left) != 1:
        return None
    k = next((k for k in range(i1, i2) if ra[k] == r_left[0]), None)
    return None if k is None else (k, k + 1)


def _unmatched(r: list[str], p: list[str]) -> tuple[list[str], list[str]]:
    """The content words of each side that no word of the other side matches as the same word."""
    r_left, p_left = [w for w in r if says_something(w)], [w for w in p if says_something(w)]
    for w in list(r_left):
        twin = next((v for v in p_left if same_word(w.lower(), v.lower())), None)
        if twin is not None:
            r_left.remove(w)
            p_left.remove(twin)
    return r_left, p_left
