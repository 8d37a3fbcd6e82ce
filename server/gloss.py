"""Glossing one criterion: every lexicon term found, longest first, in one compiled pass; jargon
replaced by plain words where that keeps the meaning (as_written.py says where it would not, and
fitting.py fits the words in), abbreviations explained in brackets on first use, and every term
found listed in the item's glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .as_written import abbreviation_in, jargon_kept, left_alone, local_definitions
from .fitting import (fit_and_case, fit_to_word_before, in_brackets, meaning_end, place_meaning,
                      run_on, same_word_joined, says_its_last_word, shared_bracket, verb_number)
from .lexicon import load_lexicon


def gloss(text: str, replace: bool = True, context: str = "") -> tuple[str, list[dict]]:
    """Text with lexicon terms explained -> (new text, glossary).

    Jargon with a plain word is replaced; an abbreviation is explained in brackets on first
    use ("ALT (a liver enzyme)"), unless it is already bracketed or part of a unit; every
    matched term goes into the glossary once. With replace=False the text is unchanged.
    `context` (the whole criteria text) is searched for an entry's `unless_criteria`.
    """
    lex = load_lexicon()
    glossary: list[dict] = []
    seen: set[str] = set()
    out: list[str] = []
    pos = 0
    local = local_definitions(text)
    last: tuple[int, str, int, int] | None = None   # (index in out, plain, end, start in text) of the last bracket added
    named = None   # (entry, end in text) of the last term said with its meaning in a bracket
    glossed_inline: set[str] = set()   # abbreviations whose meaning the text already says in brackets
    left_alone_for: dict[tuple[str, str], bool] = {}
    matches = list(lex.pattern.finditer(text))
    kept_names = _kept_names(lex, matches, text) if replace else set()
    for m in matches:
        word = m.group(0)
        e = lex.lookup(word)
        if e is None or m.start() < pos:   # (inside a word already said with an abbreviation's meaning)
            continue
        alone = left_alone_for.get((e.term, word))
        if alone is None:   # (once per term and spelling: its context searches read the whole text)
            alone = left_alone_for[e.term, word] = left_alone(e, word, text, local, context)
        if alone:
            continue   # "Refractory anemia (RA)", "per ICH M3": the text or the trial says this is another term
        if e.other_sense_at(text, m.start(), m.end()):
            continue   # "NYHA Grade II": this mention is the scale's (another "Grade II neuropathy" is still explained)
        key = e.term.lower()
        first = key not in seen
        if first:
            seen.add(key)
            if e.listed:   # (not a word every reader knows: "currently")
                meaning = e.meaning_in(text)
                label = _word_explained(word, meaning)
                if all(g["term"].lower() != label.lower() for g in glossary):   # ("known hypersensitivity … hypersensitivity")
                    glossary.append({"term": label, "meaning": meaning})
        if not replace or not e.plain:
            continue
        if e.plain_is_gloss and (not first or text[m.end():m.end() + 1] == "/" or in_brackets(text, m.start())):
            # said once, like an abbreviation's meaning; never inside a unit ("platelets/mm^3") nor in
            # the text's own brackets ("(bilirubin (a liver blood test) at most …)": the glossary has it)
            continue
        if e.kind == "jargon":
            if jargon_kept(lex, e, text, m.start(), m.end()) or (e.one_name and _name_of(e) in kept_names):
                continue   # "American Psychiatric Association", "CNS or brain metastases": kept as written
            if _same_time_as_what(e, text, m.end()):
                continue   # "Not concurrently": kept as written (the glossary explains)
            if e.plain_is_gloss and _said_together(named, e, text, m.start()):
                continue   # "AST (a liver enzyme) aspartate aminotransferase": one thing, its meaning said once
            said = e.plain
            inner = abbreviation_in(lex, e)
            if " (" in said and (not first or in_brackets(text, m.start()) or inner in glossed_inline):
                said = said.split(" (", 1)[0]   # "(haemoglobin < 12)" -> "(hemoglobin < 12)": its meaning is said once
            elif inner:
                glossed_inline.add(inner)   # "cancer spread to the CNS (brain and spinal cord)": CNS is explained
            before = text[pos:m.start()]
            # right after another replacement, that replacement is the word before ("renal aneurysm": not
            # "kidney a bulging blood vessel")
            joined = bool(out) and not before.strip()
            fitted = fit_to_word_before(said, (out[-1] + before).lower() if joined else before, e.term,
                                         text[m.end():m.end() + 12])
            if fitted is None:
                continue   # "systemic immunosuppression" is a treatment: not "systemic a weakened immune system"
            said, before = (fitted[0], before) if joined else fitted
            if same_word_joined(said, (out[-1] if out else "") + before, text, m.end()):
                continue   # "allergy or hypersensitivity" stays: not "allergy or allergy" (the glossary explains it)
            new_line = run_on(word, text[:m.start()])
            # fitted in small letters, then given its case: "Severe Hypotension" -> "Severely low blood pressure"
            if out and not before.strip():   # right after another replacement ("Hepatic cirrhosis")
                fitted, plain = fit_and_case(word, text[:m.start()], out[-1] + before, said, text[m.end():], new_line)
                out[-1], before = fitted, ""
            else:
                before, plain = fit_and_case(word, text[:m.start()], before, said, text[m.end():], new_line)
            plain, end = place_meaning(text, m.end(), plain) if e.plain_is_gloss else (plain, m.end())
            with_what = _WITH_WHAT.match(text, end) if e.term.lower() in _AT_THE_SAME_TIME else None
            if with_what:   # "given concurrently with radiotherapy": "at the same time as radiotherapy"
                plain, end = plain + " as", with_what.end()
            meaning = e.plain[:-1].rsplit(" (", 1)[1] if e.plain_is_gloss and e.plain.endswith(")") else None
            shared = False
            if meaning:   # "BUN and creatinine (kidney blood tests)"
                plain, shared = _share_bracket(out, last, plain, meaning, text, m.start(), _same_thing(named, last, e))
            verb = verb_number(e, said, text, m.start(), end)
            if verb:   # "if liver metastases are present": "if cancer spread to the liver is present"; "… problems are"
                plain, end = plain + verb[0], verb[1]
            out.append(before)
            head, bracket = _name_and_bracket(plain, word, meaning) if meaning and not verb else (plain, "")
            if head:   # (a dropped doubled word leaves the text before it last, for the next replacement to fit)
                out.append(head)
            if bracket:   # the name as written, then its bracket: a name after it may share the bracket ("Creatinine
                out.append(bracket)   # and BUN (kidney blood tests)"), as after an abbreviation's
                last = (len(out) - 1, meaning, end, last[3] if shared and last else m.start())
            if meaning:
                named = (e, end)
            pos = end
        elif e.kind == "abbreviation" and first:
            if word in glossed_inline:
                continue
            glossed_inline.add(word)
            if _said_together(named, e, text, m.start()):
                continue   # "aspartate aminotransferase AST": the name's bracket said what AST is
            before = text[:m.start()].rstrip()
            after = text[m.end():].lstrip()
            if in_brackets(text, m.start()) or before.endswith("(") or after.startswith(("(", "/")) or text[m.start() - 1:m.start()] == "/" \
                    or _COMPARATOR_NEXT.match(after) or _NUMBER_GOES_ON.match(text, m.end()):
                continue   # (nor between a name and the symbol a chained limit keeps: "25<BMI<35", see plain._CHAIN)
            end = meaning_end(text, m.end(), e.plain)   # "CT scan (a type of X-ray scan)"
            if end == m.end() and (says_its_last_word(text, m.end(), e.plain) or _NAME_GOES_ON.match(text, end)):
                continue   # not "ELISA (a lab blood test) test (confirmed …)", "QT (a heart rhythm measure) interval"
            out.append(text[pos:end])
            # "AST (a liver enzyme) and ALT (a liver enzyme)" -> "AST and ALT (liver enzymes)"
            said, plural = _share_bracket(out, last, f" ({e.plain})", e.plain, text, m.start(),
                                          _same_thing(named, last, e))
            out.append(said)
            # (a pair's bracket starts at the pair's first name: a third name joins it, "PT, PTT and INR (blood clotting
            # tests)", where the list check read the pair's first name as an item with no bracket)
            last = (len(out) - 1, e.plain, end, last[3] if plural and last else m.start())
            named = (e, end)
            pos = end
    out.append(text[pos:])
    return "".join(out), _one_entry_each(glossary, text) if len(glossary) > 1 else glossary


# "concurrently"/"simultaneously" said "at the same time" only where the item says as what: "given concurrently with
# radiotherapy" ("at the same time as radiotherapy"), "more than one protease inhibitor concurrently", "two methods of
# birth control simultaneously", "any other investigational agents concurrently" (other than the study's, at its
# time). Otherwise ("Concurrently on anticonvulsants at a steady level", "Not concurrently") "at the same time" left
# the reader asking "as what?": the record's word stays, glossed
_AT_THE_SAME_TIME = frozenset({"concurrently", "simultaneously"})
_WITH_WHAT = re.compile(r"\s+with\b", re.I)
_SEVERAL = re.compile(r"\b(?:more\s+than\s+one|two|three|both|several|multiple|combination|combined|each\s+other|"
                      r"one\s+another|together|other|another|and|plus|[2-9]\s+(?:forms|methods|types|kinds|drugs|agents|medicines|"
                      r"medications|treatments))\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|\.(?:\s|$)")


def _same_time_as_what(e, text: str, end: int) -> bool:
    """Is the term "concurrently"/"simultaneously" with nothing said, in its own clause, to be at the same time as
    (see _AT_THE_SAME_TIME)? ("IDV and 3TC must have been started concurrently": the two are.)"""
    if e.term.lower() not in _AT_THE_SAME_TIME or _WITH_WHAT.match(text, end):
        return False
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, end)), default=0)
    stop = _CLAUSE_END.search(text, end)
    return not _SEVERAL.search(text, start, stop.start() if stop else len(text))


def _share_bracket(out: list[str], last: tuple[int, str, int, int] | None, said: str, meaning: str, text: str,
                   start: int, one_thing: bool = False) -> tuple[str, bool]:
    """`said` (what a name is said as, ending in its bracketed meaning: " (a liver enzyme)" after "ALT", or jargon's
    "creatinine (a kidney blood test)") sharing the bracket said just before (`last`) when the two names are a pair
    with one meaning (fitting.shared_bracket): that bracket is taken out and this one says the plural, "AST and ALT
    (liver enzymes)", "BUN and creatinine (kidney blood tests)" (was "BUN (a kidney blood test) and creatinine (a
    kidney blood test)": the jargon's bracket did not share). Both names stay. When the pair is `one_thing`, a name and
    its own abbreviation ("AST and aspartate aminotransferase"), the shared bracket stays singular: one enzyme named
    twice is not "liver enzymes". -> (said, whether it shared)."""
    bracket = f" ({meaning})"
    alone = last is not None and _BRACKET_ALONE.fullmatch(out[last[0]]) is not None
    plural = shared_bracket(out, last, meaning, text, start) if alone and said.endswith(bracket) else None
    if not plural:
        return said, False
    out[last[0]] = ""
    return (said if one_thing else f"{said[:-len(bracket)]} ({plural})"), True


# what may stand between a name and its abbreviation said together: "aspartate aminotransferase AST", "… - AST",
# "…, AST", "… [AST]" (no word: "AST and aspartate aminotransferase" is no such pair)
_BETWEEN_NAMES = re.compile(r"[\s,;:/\-–—(\[]*")


def _said_together(named, e, text: str, start: int) -> bool:
    """Is the term at `start` (entry `e`) the one just said with its meaning (`named`: entry and end), named the other
    way, right after it: a name and its abbreviation ("aspartate aminotransferase AST", "AST aspartate
    aminotransferase")? Then its meaning is said once, not "aspartate aminotransferase (a liver enzyme) AST (a liver
    enzyme)". The two are one thing when the abbreviation's meaning opens with the name ("Aspartate aminotransferase:
    a liver enzyme …") or the name's says "Also called AST"; two enzymes sharing a meaning ("AST, ALT (liver
    enzymes)") are not."""
    if named is None or _BETWEEN_NAMES.fullmatch(text, named[1], start) is None:
        return False
    return _name_and_abbreviation(named[0], e)


def _name_and_abbreviation(one, other) -> bool:
    """Are two lexicon entries a name and its own abbreviation (one thing)? When the abbreviation's meaning opens with
    the name ("Aspartate aminotransferase: a liver enzyme …") or the name's says "Also called AST"."""
    if {one.kind, other.kind} != {"abbreviation", "jargon"}:
        return False
    abbr, name = (one, other) if one.kind == "abbreviation" else (other, one)
    return _named_in(abbr.meaning) == name.term.lower() or re.search(
        rf"\balso called {re.escape(abbr.term)}\b", name.meaning) is not None


def _same_thing(named, last: tuple[int, str, int, int] | None, e) -> bool:
    """Is the term about to share the last bracket (`last`) the other name of the term that bracket explains (`named`,
    ending where that bracket's term ends): "AST and aspartate aminotransferase", "aspartate aminotransferase or AST"?"""
    return named is not None and last is not None and named[1] == last[2] and _name_and_abbreviation(named[0], e)


_BRACKET_ALONE = re.compile(r" \([^()]*\)")   # (a bracket said on its own, not yet joined by the next replacement)


def _name_and_bracket(plain: str, word: str, meaning: str) -> tuple[str, str]:
    """A jargon's "creatinine (a kidney blood test)" as (name, bracket) when the name is the word as the text writes it
    (so the text before the bracket is the text's own: see fitting.shared_bracket) and the bracket says the meaning
    alone (not "(ALT, a liver enzyme)", which holds the text's own short name); else (plain, "")."""
    bracket = f" ({meaning})"
    head = plain[:-len(bracket)]
    if plain.endswith(bracket) and head.lower() == word.lower():
        return head, bracket
    return plain, ""


# a noun that makes the abbreviation part of a longer name: a bracket there would stand inside the name ("corrected QT
# (a heart rhythm measure) interval", "prolonged QT (a heart rhythm measure) syndrome": 52 items); the glossary says it
_NAME_GOES_ON = re.compile(r"\s+(?:interval|syndrome|prolongation|segment|wave|complex)s?\b")


_COMPARATOR_NEXT = re.compile("[<>≤≥≦≧⩽⩾＜＞]")
# a name whose number goes on past a comma: "HIV-1,2 antigen" read "HIV-1 (the main type of HIV),2 antigen" (review r35 §8)
_NUMBER_GOES_ON = re.compile(r",\d")


def _word_explained(word: str, meaning: str) -> str:
    """The glossary's label for a match: the word its meaning explains, as the text writes it, where the match says
    more ("pregnant or nursing" explained as "Nursing: breastfeeding." is labelled "nursing"; "known hypersensitivity"
    is "hypersensitivity"): under the whole phrase, the entry read as a meaning of "pregnant or nursing" (1,695 items;
    review r18 #12)."""
    name = _named_in(meaning)
    if not name or name == _no_possessive(word.lower()):
        return word
    at = _spans(name, word.lower())
    return word[at[0][0]:at[0][1]] if at else word


def _name_of(e) -> str:
    """The thing a term names, in the singular ("lesions" and "lesion" are one name)."""
    return e.term.lower().removesuffix("s")


def _kept_names(lex, matches: list, text: str) -> set[str]:
    """The one-name terms (Entry.one_name) kept as written somewhere in the text: every mention of them is kept, so
    the item does not name one thing two ways ("All abnormal areas must be Grade II or III. No patients with Grade I
    lesions …" read as two things)."""
    kept = set()
    for m in matches:
        e = lex.lookup(m.group(0))
        if e is not None and e.one_name and e.plain and jargon_kept(lex, e, text, m.start(), m.end()):
            kept.add(_name_of(e))
    return kept


_POSSESSIVE = re.compile(r"['’]s\b")


def _no_possessive(text: str) -> str:
    """The text with a possessive "'s" left out, so a name matches however the item writes it ("Kaposi's sarcoma" is
    the "Kaposi sarcoma" an entry names)."""
    return _POSSESSIVE.sub("", text) if "'" in text or "’" in text else text


@lru_cache(maxsize=4096)
def _named_in(meaning: str) -> str | None:
    """The name a meaning opens with, in small letters and without a possessive ("modified rankin scale" in "Modified
    Rankin Scale: a score of …"), if any."""
    head, colon, _ = meaning.partition(":")
    return _no_possessive(head.lower()) if colon and 0 < len(head) <= 80 else None


def _spans(word: str, text: str, whole: bool = True) -> list[tuple[int, int]]:
    """Where `word` (in small letters) is in `text` (in small letters), as a whole word unless `whole` is false.
    (String search, not a regular expression built per word: those would crowd the re module's cache.)"""
    out, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if not whole or ((at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-"))
                         and (end == len(text) or not (text[end].isalnum() or text[end] in "_-"))):
            out.append((at, end))
        at = text.find(word, at + 1)
    return out


def _one_entry_each(glossary: list[dict], text: str) -> list[dict]:
    """The glossary without a term that another entry's name takes in wherever the text says it: "modified Rankin
    Scale [mRS]" was explained twice, as "Rankin" ("The modified Rankin Scale: …") and as "mRS" ("Modified Rankin
    Scale: …"); the entry naming the whole is kept. A term the text also says on its own stays ("creatinine" beside
    "creatinine clearance"). A name matches across a possessive: "Kaposi's sarcoma" is the entry's "Kaposi sarcoma"."""
    names = [_named_in(g["meaning"]) for g in glossary]
    dropped: set[int] = set()
    low = None
    for i, g in enumerate(glossary):
        term = _no_possessive(g["term"].lower())
        for j, name in enumerate(names):
            if j == i or j in dropped or not name or term not in name \
                    or name == _no_possessive(glossary[j]["term"].lower()) or not _spans(term, name):
                continue
            low = low or _no_possessive(text.lower())
            said, spans = _spans(term, low), _spans(name, low, whole=False)
            if said and spans and all(any(a <= s and e <= b for a, b in spans) for s, e in said):
                dropped.add(i)
                break
    return [g for i, g in enumerate(glossary) if i not in dropped]
