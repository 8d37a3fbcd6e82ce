"""Everyday words a page may write for a criterion's own: "before" for "prior to", "treatment" for "therapy", "take
part" for "participate", "study doctor" for "investigator", "breastfeeding" for "lactating". TrialLens's own plain-
English rewriter writes each of them (scrapers/data/lexicon.json; tests/test_reconcile_everyday_words.py holds
every pair here to one of its entries), and so may a site; each warned "differs in a word" (review r35 #5: the rewriter's own shown rewrites,
read back as a page, warned on 1,267 of 1,500 records). words.word_changes reads the page in the record's words by
them before it compares the two.

Only words that say the same of who may join, wherever a criterion uses them. Left out, though the rewriter writes
them: a word for a wider or narrower thing ("problems" for "dysfunction" or "impairment", "signs" for "evidence",
"allergy" for "hypersensitivity", "cancer" for "carcinoma", "steroids" for "corticosteroids", "misuse" for "abuse",
"side effects" for "toxicity", "last" for "prior", "heart" for "coronary"), or one not the same in every criterion
(review r38 #5): "doctor" for "physician" ("the study doctor" decides, not the patient's physician), "blood thinners"
for "anticoagulants" (antiplatelets too), "side effects" for "adverse events" (drug-related only), "cancerous" for
"malignant" ("malignant hypertension"), "returning" for "recurrent" ("recurrent infections" are repeated ones: the
rewriter keeps it there), "swelling" for "edema" (any lump): those still warn.

A page's everyday word is read as the record's only one for one, in the record's place: on either side the same
word or another in its place, never one added or left out beside it (everyday words read as one, "of" or "for"
skipped). "Prior hormone treatment" for "Prior therapy" or "skin cancer" for
"malignancy" adds a word beside the swap, and still warns (review r38 #4: 126 of 129 such pages had gone silent).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reading import FILLER

# (the record's word or words, the everyday words a page may write in their place); case is not read
EVERYDAY_WORDS: tuple[tuple[str, str], ...] = (
    (r"prior to", r"before"),
    (r"therapy", r"treatment"),
    (r"therapies", r"treatments"),
    (r"radiotherapy", r"radiation treatment"),
    (r"medications?", r"medicines?"),
    (r"participat(?:e|es|ed|ing|ion)", r"(?:take|takes|taking|took|taken) part"),
    (r"principal investigators?", r"lead study doctors?"),   # (before the next: "lead" is no word of the record's)
    (r"(?:study )?investigators?", r"study doctors?"),
    (r"investigational", r"experimental"),
    (r"enrol(?:l)?ment", r"joining"),
    (r"protocol", r"study plan"),
    (r"regimen", r"treatment plan"),
    (r"lactating|lactation|(?<=pregnant or )nursing|nursing(?= (?:women|mothers)\b)", r"breast-?feeding"),
    (r"(?:sexual )?intercourse", r"sex"),
    (r"psychiatric", r"mental health"),
    (r"malignanc(?:y|ies)", r"cancers?"),
    (r"serum", r"blood"),
    (r"laboratory", r"lab"),
    (r"examination", r"exam"),
    (r"duration", r"length"),
    (r"currently", r"now"),
    (r"ongoing", r"current"),
    (r"requir(?:e|es|ing)", r"need(?:s|ing)?"),
    (r"receiving", r"getting"),
    (r"provide", r"give"),
    (r"administered", r"given"),
    (r"documented", r"recorded"),
    (r"assessed|evaluated", r"checked"),
    (r"additional", r"extra"),
    (r"abdominal", r"belly"),
    (r"vascular", r"blood vessel"),
    (r"respiratory", r"breathing"),
    (r"gastrointestinal", r"digestive"),
    (r"consumption", r"use"),
    (r"persistent", r"lasting"),
    (r"adequate", r"good enough"),
    (r"sufficient", r"enough"),
    (r"clinically (?:significant|relevant)", r"medically important"),
    (r"contraindications?", r"medical reasons? against"),
    (r"contraindicated", r"medically unsafe"),
    (r"discontinued", r"stopped"),
    (r"subsequent(?:ly)?", r"later"),
    (r"initiat(?:e|ion)", r"start"),
    (r"initiated", r"started"),
    (r"comply with", r"follow"),
    (r"preclude", r"prevent"),
    (r"precludes", r"prevents"),
    (r"demonstrated", r"shown"),
    (r"specified", r"stated"),
    (r"dosage", r"dose"),
    (r"etiology", r"cause"),
    (r"screening visit", r"first check-up visit"),
    (r"histologically confirmed", r"tissue-confirmed"),
    (r"stenosis", r"narrowing"),
    (r"occlusion", r"blockage"),
    (r"hemorrhage|haemorrhage", r"bleeding"),
    (r"arrhythmias?", r"irregular heartbeats?"),
    (r"analgesics?", r"painkillers?"),
)

_RX = tuple((re.compile(rf"(?i)(?<![\w-]){term}(?![\w-])"), re.compile(rf"(?i)(?<![\w-]){plain}(?![\w-])"))
            for term, plain in EVERYDAY_WORDS)


@lru_cache(maxsize=65536)   # (word_changes reads each pair's texts once per page; the same come back page after page)
def in_record_words(record: str, page: str) -> str:
    """The page with its everyday words written as the record's where the record says them in its own ("before" as
    "prior to" where the record says "prior to" once more than the page does, and the page "before" once more than
    the record), or the other way round (the record's everyday words, the page's term); each of the page's, the one
    whose place in the page is nearest the record's. Only the page is rewritten: a word changed beside them is still
    quoted as each text writes it."""
    for term, plain in _RX:
        for theirs, ours in ((term, plain), (plain, term)):   # (the record's wording, the page's in its place)
            said = list(theirs.finditer(record))
            if not said:
                continue
            n = len(said) - len(theirs.findall(page))
            written = list(ours.finditer(page))
            n = min(n, len(written) - len(ours.findall(record)))
            if n > 0:
                page = _written_as(page, written, said, record, n)
    return page


def _written_as(page: str, written: list[re.Match], said: list[re.Match], record: str, n: int) -> str:
    """The page with `n` of its words `written` (matches in it) as the record's `said` (matches in `record`): each the
    nearest, by its place in its text, to the record's first words not yet taken."""
    chosen: list[tuple[re.Match, str]] = []
    left = list(written)
    for m in said:
        if len(chosen) == n or not left:
            break
        at = m.start() / max(1, len(record))
        best = min(left, key=lambda w: abs(w.start() / max(1, len(page)) - at))
        left.remove(best)
        if _one_for_one(_beside(_read(page, best), best.start()), _beside(_read(record, m), m.start())):
            chosen.append((best, m.group(0)))
    for w, words in sorted(chosen, key=lambda c: -c[0].start()):
        page = page[:w.start()] + words + page[w.end():]
    return page


_TOKEN = re.compile(r"[a-z0-9]+")


def _read(text: str, word: re.Match) -> list[tuple[int, int, str]]:
    """The text's words that say something (not "of", "for": reading.FILLER), each (start, end, word): `word` one,
    every other everyday word or term (the longest first) one too, its pair's ("before" and "prior to" alike).
    ("Prior radiation treatment" for "Prior therapy": "radiation" is a word beside "treatment", not part of it.)"""
    spans = [(word.start(), word.end(), "\x00")] + sorted(
        ((m.start(), m.end(), f"\x00{i}") for i, pair in enumerate(_RX) for rx in pair for m in rx.finditer(text)),
        key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= t[0] or s[0] >= t[1] for t in taken):
            taken.append(s)
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text.lower()) if m.group(0) not in FILLER
             and all(m.end() <= t[0] or m.start() >= t[1] for t in taken)]
    return sorted(words + taken)


def _beside(words: list[tuple[int, int, str]], start: int) -> tuple[list, list] | None:
    """The two words before the word at `start` (nearest first) and the two after it (None past an end); None where
    no word holds `start`."""
    at = next((k for k, (s, e, _) in enumerate(words) if s <= start < e), None)
    if at is None:
        return None
    said = [w for *_, w in words]
    return ([said[k] if k >= 0 else None for k in (at - 1, at - 2)],
            [said[k] if k < len(said) else None for k in (at + 1, at + 2)])


def _one_for_one(page: tuple[list, list] | None, record: tuple[list, list] | None) -> bool:
    """Do the page's word and the record's stand in one place: on each side the same word, or another word in its
    place ("chemo or radiation treatment", "chemotherapy or radiation therapy": each word is compared on its own),
    never a word one of them adds or leaves out beside it ("Prior hormone treatment" for "Prior therapy")?"""
    if page is None or record is None:
        return False
    return all(p[0] == r[0] or (p[1] != r[0] and r[1] != p[0]) for p, r in zip(page, record))
