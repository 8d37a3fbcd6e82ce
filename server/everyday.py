"""Everyday wording for a criterion: phrases said the way patients say them.

Each rule swaps words for plainer ones with the same meaning ("e.g." -> "such as", "N weeks
following" -> "N weeks after", "No concurrent X" -> "You have no X during the study"); nothing
guarded by the fidelity checker (numbers, comparators, time windows, negations) is added or
dropped, and server.plain re-checks every rewrite anyway.
"""

from __future__ import annotations

import re

from scrapers.illness_words import CANCER_STEM

from .fitting import MEDICINE_NOUNS


def same_case(src: str, words: str) -> str:
    """`words` with a capital when `src` starts with one."""
    return words[0].upper() + words[1:] if src[:1].isupper() else words


_EG = re.compile(r"(?<![\w.])e\.\s?g\.?(?:\s*[,:])?\s*", re.I)
_IE = re.compile(r"(?<![\w.])i\.\s?e\.?(?:\s*[,:])?\s*", re.I)


def everyday_latin(text: str) -> str:
    """"e.g." -> "such as", "i.e." -> "that is,": the Latin abbreviations many readers stumble on."""
    if "." not in text:
        return text
    return _IE.sub(_that_is, _EG.sub(_for_example, text))


def _that_is(m: re.Match) -> str:
    """"cannot be placed i.e. complex …" -> "cannot be placed, that is, complex …" (not "placed that is, …")."""
    return ", that is, " if m.string[:m.start()].rstrip()[-1:].isalnum() else "that is, "


# after these words "such as" does not read: "(e.g., as opposed to …)", "e.g. if …"
_CLAUSE_START = re.compile(r"(?:as|if|when|whenever|where|because|while|after|before|due|unless|since|than)\b|(?-i:No|Not)\b", re.I)


def _for_example(m: re.Match) -> str:
    return "for example, " if _CLAUSE_START.match(m.string, m.end()) else "such as "


# "4 weeks following surgery", "Following the last dose": "following" as a preposition is "after"
_FOLLOWING = re.compile(r"\b((?:day|hour|week|month|year)s?) following\b|"
                        r"^following(?=\s+(?:the|a|an|any|your|surgery|treatment|chemo|radiation|completion|discontinuation)\b)", re.I)
# "previous treatment" -> "past treatment"; not "30 days previous to entry", "the previous 2 weeks", nor after "had"
# ("You have had a previous cancer", grammar's; "You have had a previous surgery": not "a past surgery"; plain18)
_PREVIOUS = re.compile(r"(?<!days )(?<!weeks )(?<!months )(?<!years )(?<!the )(?<!had )(?<!had a )(?<!had no )\bprevious(?=\s+(?!to\b|\d|one\b|two\b|three\b|twelve\b)[a-z])", re.I)
# "At least 4 weeks since prior chemotherapy" -> "… since your last chemo": "since" already says it is in
# the past, and the wait counts from the most recent one. Not a prior cancer: in a cancer trial "At least 5
# years since prior malignancy" means another, earlier cancer; "your last cancer" would be the one being treated.
_SINCE_PRIOR = re.compile(r"\b(since) (?:prior|previous|past) (?!to\b|history\b|autologous\b|(?:years?|months?|weeks?|days?)\b"
                          r"|(?:other\s+|invasive\s+|primary\s+)?" + CANCER_STEM + r")(?=[a-z])", re.I)
# PDQ shorthand "At least 4 weeks since X and recovered": you must also have recovered (from X's effects)
_AND_RECOVERED = re.compile(r"(\bsince [^.;:]*?) and recovered(?=\.?$|\.\s)")
# "must meet the following criteria:" -> "must meet these criteria:" (the item introduces a list);
# "the following condition:" -> "this condition:" (one thing follows)
_THE_FOLLOWING = re.compile(r"\bthe following\b(?=([^.;:]*):\s*$)", re.I)
_IRREGULAR_PLURALS = frozenset("criteria data children people women men phenomena bacteria media".split())


def plural_noun(words: str) -> bool:
    """Is the thing named by `words` ("prior conditions", "inclusion criteria", "condition")
    plural? Judged by its last word; nothing named (a bare "the following:") counts as plural."""
    last = re.findall(r"[A-Za-z]+", words)
    if not last:
        return True
    w = last[-1].lower()
    return w in _IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith(("is", "us", "ss")))


# "No concurrent radiotherapy" -> "You have no radiation treatment during the study": "concurrent"
# (see concurrent_when) moved to the end of a short, plain statement. Only when the thing is a few
# words with nothing whose scope could move (no number, bracket, comma, "except", "other than", a
# later "no"…), so the words for it qualify exactly what "concurrent" did. Examples the thing closes with stay
# beside it: "You take no seizure medicines (such as phenytoin) during the study".
_CONCURRENT = re.compile(r"(?:^|(?<=\. )|(?<=: ))(?P<lead>You have no |No |You may have )"
                         r"(?P<adj>(?:(?:other|serious|significant|active|major)\s+)*)(?:concurrent|concomitant)\s+"
                         r"(?P<x>[A-Za-z][A-Za-z'/ -]*?)(?P<eg>\s*\((?:such as|for example,?|that is,?) [^()\d;:]+\)"
                         r"|,\s*(?:such as|for example,?) [^()\d;:]+?)?(?=\.?$|\.\s)")
_CONCURRENT_ALLOWED = re.compile(r"(?:^|(?<=\. )|(?<=: ))(?:Concurrent|Concomitant) (?P<x>[A-Za-z][A-Za-z'/ -]*?) allowed(?=\.?$|\.\s)")
_SCOPE_WORDS = re.compile(r"\b(?:no|not|nor|except|unless|other|than|if|only|without|including|that|which|who|whom|whose|"
                          r"while|when|before|after|during|within|since|until|prior|past|previous|recent|current|now|"
                          r"allowed|required|permitted|is|are|was|were|be|been|has|have|had|must|may|will|should)\b", re.I)


def _clean_thing(x: str) -> bool:
    """A few words, no scope word, and no Title-case word after the first ("methotrexate See Disease
    Characteristics" is two run-on lines, not one thing)."""
    words = x.split()
    return 1 <= len(words) <= 5 and not _SCOPE_WORDS.search(x) and not any(re.match(r"[A-Z][a-z]", w) for w in words[1:])


# what is taken, not had: "You take no steroids during the study" (not "You have no steroids …")
_MEDICINES = MEDICINE_NOUNS | frozenset("""steroid steroids antibiotic antibiotics thinner thinners inhibitor inhibitors
    supplement supplements vitamin vitamins hormone hormones aspirin tamoxifen interferon bisphosphonates anticoagulants
    antiemetic antiemetics analgesics nsaids opioids antidepressants antihistamines anticonvulsants antipsychotics""".split())


def _takes(x: str) -> bool:
    return x.rsplit(None, 1)[-1].lower() in _MEDICINES


# "You have no concurrent steroids except for replacement doses" (left in place: "except" has a scope):
# a medicine is still taken
_HAVE_CONCURRENT_MEDICINE = re.compile(r"\bYou have no (?=(?:concurrent|concomitant) (?:(?!of\b|use\b|with\b)[\w-]+ ){0,3}?"
                                       r"(?:" + "|".join(sorted(_MEDICINES, key=len, reverse=True)) + r")\b)", re.I)


# What "concurrent" means in these records (plain16, ~30 corpus items read by eye): for a treatment, a medicine, a
# procedure or another trial, while the reader is in this study ("Prior/Concurrent therapy:" in the PDQ records; the
# lexicon's "Concomitant medications: other medicines taken during the study"); "at the same time" left the reader
# asking "as what?" (2,773 items). For an illness it is one the reader has now, besides the one studied ("No concurrent
# serious infection"): "during the study" would be a promise no one can make, so it is "now". A cancer said so without
# "other"/"second" ("No concurrent malignancy", in a cancer trial) is another cancer than the one treated, which "You
# have no cancer now" would deny: it keeps the record's "concurrent" (the glossary says what it means).
DURING = "during the study"
_ILLNESS = re.compile(r"(?:illness(?:es)?|diseases?|infections?|conditions?|disorders?|problems?|syndromes?|failure|"
                      r"damage|fever|pain|seizures?|diabetes|abuse|relapse|swelling|blindness|migraines?|nodules?|"
                      r"bronchoconstriction|hepatitis|[a-z]+(?:itis|emia|aemia|osis|pathy|megaly))$", re.I)
_CANCER = re.compile(r"(?:cancers?|malignanc(?:y|ies)|tumou?rs?|lesions?|neoplasms?|AML|[a-z]+omas?)$", re.I)
_ANOTHER = re.compile(r"\b(?:other|another|second|additional)\b", re.I)
_SIGNS_OF = re.compile(r"^(?:[\w-]+\s+)?(?:signs?|evidence|symptoms?|history|diagnosis|presence|episodes?)\s+of\s+", re.I)
_TRIAL = re.compile(r"\b(?:stud(?:y|ies)|trials?|protocols?)\b", re.I)


# Said of any illness, or of a kind of treatment a trial often gives itself, "concurrent" keeps the record's word (as a
# cancer does): "You have no medical illness now" denied a melanoma trial's own illness (NCT00004148), and "You have no
# chemo during the study" a trial giving paclitaxel and topotecan (NCT00002734; "radiation treatment", NCT00003281);
# what the record means is another one than the trial's (review r53)
_ANY_ILLNESS = re.compile(r"(?:(?:medical|serious|severe|significant|major|uncontrolled|active|life[- ]threatening|"
                          r"systemic|intercurrent|chronic|acute|unstable|clinically|other|another|additional|second|"
                          r"psychiatric|concomitant)\s+)*(?:illness(?:es)?|diseases?|conditions?|disorders?|problems?)",
                          re.I)
_KIND = (r"(?:(?:other|another|additional|systemic|cytotoxic|cell-killing|anti-?cancer|antineoplastic|investigational|"
         r"experimental|standard|combination|external[- ]beam|whole[- ]brain|palliative)\s+)*(?:chemo(?:therapy)?|"
         r"radio(?:therapy)?|radiation(?:\s+(?:treatment|therapy))?|(?:hormon(?:e|al)|endocrine|biologic(?:al)?|immuno|"
         r"targeted|anti-?cancer|antineoplastic|cancer)\s*(?:therapy|treatments?)|immunotherapy|treatments?|therapy|"
         r"therapies"
         # a drug said to be of such a kind, as a trial of one gives ("No concurrent investigational agents", said
         # "experimental drugs"; "cytotoxic agents", "chemo drugs"): not a bare "drugs", which a trial need not give
         r"|(?:cytotoxic|cell-killing|anti-?cancer|antineoplastic|investigational|experimental|chemo(?:therapeutic)?)\s+"
         r"(?:agents?|drugs?|medications?|medicines?|products?))")
# ("use of chemotherapy" is chemotherapy's: "No concurrent use of chemotherapy" read "No use of chemo during the study")
_USE_OF_THING = re.compile(r"^use\s+of\s+", re.I)
_TREATMENT_KIND = re.compile(_KIND + r"(?:\s*(?:,|or|and|and/or)\s+" + _KIND + r")*", re.I)


def concurrent_when(x: str, adj: str = "", allowed: bool = False) -> str | None:
    """How "concurrent" is said for the thing `x` (see DURING): "during the study", "at the same time as this study"
    (another trial), "now" (an illness), or None (a cancer not said to be another: the record's word stays)."""
    # (the thing named before what it is for: "steroids for adrenal failure", "surgery for cancer"; but "signs of lung
    # cancer" and "history of infection" are the illness's)
    thing = _SIGNS_OF.sub("", _USE_OF_THING.sub("", x.split("(")[0].split(",")[0].strip()))
    head = re.split(r"\s+(?:for|to|of|in|on|with|against|from)\s+", thing, maxsplit=1)[0]
    last = head.rsplit(None, 1)[-1] if head else ""
    if _TREATMENT_KIND.fullmatch(head):   # (allowed, or said to be another than the trial's, it contradicts nothing)
        return DURING if allowed or _ANOTHER.search(adj + " " + x) else None
    if _CANCER.search(last) or _ANY_ILLNESS.fullmatch(head):
        return "now" if _ANOTHER.search(adj + " " + x) else None
    if _ILLNESS.search(last):
        return "now"
    return "at the same time as this study" if _TRIAL.search(x) else DURING


def _allowed(m: re.Match, addressed: bool) -> str:
    """"Concurrent X allowed": "You may take X during the study"; not said to the reader when the item is not about
    them (a children's trial, read by a parent: "Steroids during the study are allowed"; review round 12a N4)."""
    x = m.group("x")
    when = concurrent_when(x, allowed=True)
    if not _clean_thing(x) or when in (None, "now"):
        return m.group(0)   # ("Concurrent hepatitis allowed": not "You may have hepatitis now")
    if x.endswith(" use"):
        return f"{same_case('X', x)} {when} is allowed"
    if not addressed:
        return f"{'Taking' if _takes(x) else 'Having'} {x} {when} is allowed"
    return f"You may {'take' if _takes(x) else 'have'} {x} {when}"


def at_the_same_time(text: str, addressed: bool = True) -> str:
    """"You have no concurrent X" -> "You have no X during the study" ("You take no …" for a medicine; "now" for an
    illness, see concurrent_when); "Concurrent X allowed" -> "You may have X during the study" (see _CONCURRENT,
    _allowed)."""
    if "oncurrent" not in text and "oncomitant" not in text:
        return text
    text = _CONCURRENT_ALLOWED.sub(lambda m: _allowed(m, addressed), text)

    def moved(m: re.Match) -> str:
        when = concurrent_when(m.group("x"), m.group("adj"))
        if not _clean_thing(m.group("x")) or when is None:
            return m.group(0)
        lead, x = m.group("lead"), m.group("x")
        if _takes(x):
            lead = {"You have no ": "You take no ", "You may have ": "You may take "}.get(lead, lead)
            if lead.endswith(" take ") or lead.endswith(" take no "):
                x = re.sub(r"^use of ", "", x, flags=re.I)   # not "You take no use of experimental medicines"
        eg = m.group("eg") or ""   # examples kept beside the thing: "(such as A and B)", ", such as A and B,"
        eg = eg + "," if eg.startswith(",") else eg
        return f"{lead}{m.group('adj')}{x}{eg} {when}"

    return _HAVE_CONCURRENT_MEDICINE.sub("You take no ", _CONCURRENT.sub(moved, text))


# "Concurrent use of nitrates" -> "You use nitrates during the study" (was "You have concurrent use of nitrates"),
# "No concomitant use of X" -> "You do not use X during the study", "You must not have concurrent use of X" -> "You
# must not use X during the study": only when X is a few plain words (as for _CONCURRENT; brackets and "other" allowed)
_USE_OF = re.compile(r"^(?:(?:You have )?(?P<no>no\s+)|You have |You (?P<modal>must|may|should|can|will|do) not have (?P<any>any )?)?"
                     r"(?:concurrent|concomitant)\s+use\s+of\s+(?P<x>.+?)(?P<end>\.?)\s*$", re.I)
_NOT_PLAIN_THING = re.compile(r"[;:]|\b(?:such|including|especially|like|etc|to|other\s+than)\b", re.I)
# in brackets, examples are the thing's own ("CYP1A2 inhibitors (such as ciprofloxacin)"); a limit is not
_LIMIT_IN_BRACKETS = re.compile(r"(?<![\w-])\d|\b(?:except|unless|if|only|within|during|before|after|prior|since|until|"
                                r"other\s+than)\b", re.I)


def _plain_thing(x: str) -> bool:
    """A few words naming what is used, or a list of them ("phenytoin, phenobarbital, or valproic acid"), with
    nothing whose scope "at the same time" could take (see _clean_thing)."""
    outside = re.sub(r"\([^()]*\)", " ", x)
    if ("(" in outside or ")" in outside or _NOT_PLAIN_THING.search(outside) or _LIMIT_IN_BRACKETS.search(x)
            or len(x.split()) > 12):
        return False
    parts = re.split(r",\s*(?:(?:or|and|and/or)\s+)?", re.sub(r"\bother\b", "", outside, flags=re.I))
    return all(_clean_thing(p) for p in parts)


def use_at_the_same_time(text: str) -> str | None:
    """The statement with "concurrent use of X" said with a verb (see _USE_OF); None when X is not a few plain
    words; `text` unchanged when it has no such phrase."""
    m = _USE_OF.match(text)
    if not m:
        return text
    if not _plain_thing(m.group("x")):
        return None
    if m.group("modal"):
        verb = f"{m.group('modal')} not use {m.group('any') or ''}"
    else:   # ("You take no steroids during the study", as _CONCURRENT says it)
        taken = _takes(m.group("x")) and not re.match(r"any\b", m.group("x"), re.I)   # (not "take no any other …")
        verb = ("take no " if taken else "do not use ") if m.group("no") else "use "
    when = concurrent_when(m.group("x"))
    if when is None:   # a kind of treatment the trial may give itself ("No concurrent use of chemotherapy"), as
        return None    # _CONCURRENT leaves it: the record's "concurrent" (glossed), not "during the study"
    return f"You {verb}{m.group('x')} {when}{m.group('end')}"


# Words that end the noun phrase after "the following" ("the following criteria are met:" names
# "criteria"; "the following apply:" names nothing, so the list that follows is plural).
_AFTER_NOUN = frozenset("""are is was were be been being must should shall will would may can could apply applies
applied met meet meets required need needs exist exists hold holds in of for to at on by with from that which who as
during within also before after do does did not""".split())
_SINGULAR_VERB = re.compile(r"\s*(?:is|was|has|applies|includes|describes)\b", re.I)


def named_after_following(words: str) -> str:
    """The noun phrase right after "the following" (see _AFTER_NOUN): what "these"/"this" must agree with."""
    named = []
    words = re.sub(r"\(?\b[a-z0-9]{1,2}\)", " ", words)   # list markers: "the following a) to i):" names nothing
    for w in re.findall(r"[A-Za-z/-]+", words):
        if w.lower() in _AFTER_NOUN:
            break
        named.append(w)
    return " ".join(named)


# "sufficiently severe" -> "severe enough" (the glossary's "enough" before it reads "enough severe")
_SUFFICIENTLY = re.compile(r"\bsufficiently\s+(?!(?:to|as|that|for|and|or|in|of|with|by|the|a|an|so)\b)"
                           r"([a-z]+(?:-[a-z]+)?)\b", re.I)


# "aged 18 to 70 years, no gender restriction": the trial's, said as a reader says it ("of any sex"; review round 4)
_ANY_SEX = re.compile(r",\s*(?:with\s+)?no\s+(?:gender|sex)\s+restrictions?\b", re.I)


def everyday_phrases(t: str) -> str:
    """The phrase rules above, in order, on one item (after comparators are in words)."""
    t = _ANY_SEX.sub(", of any sex", t)
    t = _SUFFICIENTLY.sub(lambda m: same_case(m.group(0), f"{m.group(1).lower()} enough"), t)
    t = re.sub(r"\bin the prior\b", "in the past", t, flags=re.I)
    t = _FOLLOWING.sub(lambda m: f"{m.group(1)} after" if m.group(1) else same_case(m.group(0), "after"), t)
    t = _SINCE_PRIOR.sub(lambda m: m.group(1) + " your last ", t)
    t = _AND_RECOVERED.sub(r"\1, and you have recovered", t)
    t = _PREVIOUS.sub(lambda m: same_case(m.group(0), "past"), t)
    return _THE_FOLLOWING.sub(_this_or_these, t)


# "any of / one of / at least 2 of the following": a choice among several, always "these" (review round 12a N3)
_PARTITIVE = re.compile(r"\b(?:any|one|all|each|either|neither|none|some|both|most|two|three|\d+)\s+of\s*$", re.I)
# a last word that is no noun ("the following confirmed at …", "the following ipsilateral …"): number unknown
_NOT_A_NOUN = re.compile(r"(?:ed|ing|al|ic|ous|ive|ent|ant|ary|ble)$", re.I)


def _this_or_these(m: re.Match) -> str:
    if _PARTITIVE.search(m.string, 0, m.start()):
        return same_case(m.group(0), "these")
    plural = _following_is_plural(m.group(1))
    return m.group(0) if plural is None else same_case(m.group(0), "these" if plural else "this")


def _following_is_plural(rest: str) -> bool | None:
    """"the following criteria are met:" -> plural; "the following condition:" and "the following is a list:"
    (nothing named, a singular verb) -> singular; None when the word named is no noun (kept "the following").
    Judged by the first of the things named ("the following symptoms or signs, ipsilateral to …": "symptoms")."""
    named = re.split(r"\b(?:and/or|or|and)\b", named_after_following(rest.split(",")[0]))[0].strip()
    if not named:
        return not _SINGULAR_VERB.match(rest)
    if plural_noun(named):
        return True
    return None if _NOT_A_NOUN.search(named.split()[-1]) else False


# The PDQ section label "Hematopoietic:" heads blood counts and blood disorders: it is "Blood:" (as
# "Hepatic:" is "Liver:"); "blood-forming" is kept for the adjective ("hematopoietic stem cells").
_BLOOD_LABEL = re.compile(r"^(?:Hematopoietic|Haematopoietic|HEMATOPOIETIC)(?=\s*:)")


def section_label(text: str) -> str:
    """"Hematopoietic: …" -> "Blood: …" (see _BLOOD_LABEL)."""
    return _BLOOD_LABEL.sub("Blood", text)
