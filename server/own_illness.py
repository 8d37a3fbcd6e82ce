"""The trial's own illness, for the plain rewrite: "Previous breast cancer" in a breast-cancer trial is another,
earlier breast cancer, so its "previous" stays ("You have had a previous breast cancer"); "You have had breast
cancer" would read as the very cancer the trial is for (everyone in it has had it). Set per record by
server.explain; a ContextVar, so the item rewriters need no new argument and one record's words never leak into
another's (an unset value means "no trial known": nothing is kept beyond the general rules)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from scrapers.illness_words import CANCER_STEM, rewrite_pattern

# a word naming a cancer, general ("cancer", "malignancy") or of a kind ("lymphoma", "glioblastoma")
NAMED_CANCER = (r"(?:" + CANCER_STEM[3:-1] + r"|lymphoma|leuka?emia|melanoma|\w*sarcoma|myeloma|\w*glioma|\w*blastoma|"
                r"mesothelioma|carcinoid)")
_CANCER_WORD = re.compile(r"^" + NAMED_CANCER + r"\w*$", re.I)
_GENERAL = re.compile(r"^" + CANCER_STEM + r"\w*$", re.I)
# words that say which one, not where or what: not matched against the trial's words
_WHICH = {"invasive", "primary", "second", "other", "another", "new", "recurrent", "contralateral", "ipsilateral",
          "metastatic", "advanced", "early", "localized", "localised", "in", "situ", "stage", "low-grade", "high-grade",
          "a", "an", "any", "known", "diagnosed", "treated", "documented", "synchronous", "the", "of"}
# the phrase after "previous"/"history of": up to 5 words, the last one naming a cancer, not a treatment for one
_PHRASE = re.compile(r"((?:[\w'’-]+\s+){0,4}?" + NAMED_CANCER + r"\w*)(?!\w|\s+(?:treatment|therap|surgery|chemo|drug|"
                     r"medication|regimen|radi|screening|survivor|patient|trial|stud|vaccin|immuni[sz]|antigen|"
                     r"peptide|cell|antibod)|[-/]\w)", re.I)
# a treatment or procedure on a cancer, not the cancer: "prior resection of primary tumor", "prior tumor vaccine"
_DONE_TO = re.compile(r"\b(?:resect|surg|excis|biops|remov|irradiat|radiat|ablat|embol|vaccin|therap|treat|transplant)",
                      re.I)

# a condition of the trial's own said in full after the qualifier, naming an illness ("Previous stroke" in a trial whose
# condition is "Stroke"; "History of cluster headache" in a cluster-headache trial), then the item's words end or go on
# to another thing
_ILLNESS_END = re.compile(r"(?:[A-Za-z'-]*" + rewrite_pattern() + r"|\w*(?:stroke|infarction|migraine|headaches?|"
                          r"attacks?|embolism|thrombosis))$", re.I)
_THEN = r"(?=\s*(?:$|[,;:.(]|\s(?:or|and|within|in\s+the|during|at\s+any|more|less|before|prior|requiring|that|which)\b))"

_OWN: ContextVar[tuple[str, tuple[str, ...]]] = ContextVar("own_illness", default=("", ()))


@contextmanager
def trial_words(conditions: list[str], titles: list[str | None]) -> Iterator[None]:
    """While rewriting one record's items: its conditions and titles, lower case."""
    token = _OWN.set((" | ".join([*conditions, *(t for t in titles if t)]).lower(),
                      tuple(c.strip().lower() for c in conditions if _ILLNESS_END.search(c.strip()))))
    try:
        yield
    finally:
        _OWN.reset(token)


# the organ after a cancer word: "cancer of the cervix", "carcinoma of the breast" (its site, said after it)
_OF_SITE = re.compile(r"\s+of\s+(?:the\s+)?([a-z]+)\b(?!\s*[-/])", re.I)
# a trial's words naming two sites in one ("colorectal" is the colon's and the rectum's): each site's own word is read
# as named too ("Prior rectal cancer" in a colorectal-cancer trial was "You have had rectal cancer"; plain20)
_SITES_IN = (("colorectal", "colon rectal rectum"), ("anorectal", "anal anus rectal rectum"),
             ("cervical", "cervix"), ("cervix", "cervical"), ("uterine", "uterus endometrial"),
             ("endometrial", "uterus uterine"), ("hepatocellular", "liver hepatic"), ("renal cell", "kidney"),
             ("head and neck", "oral mouth throat pharyngeal laryngeal tongue"))
# a bare general cancer word: "malignancy", "cancer", "malignant disease" (not one of a kind, nor "other cancer")
_BARE_GENERAL = re.compile(
    r"(?:(?:any|known|documented|a)\s+)?(?:(?:malignanc(?:y|ies)|cancers?|carcinomas?|tumou?rs?|neoplasms?|neoplasia)"
    r"|(?:malignant|neoplastic|cancerous)\s+(?:diseases?|tumou?rs?|neoplasms?|conditions?))"
    # (not one of a kind, "cancer of the skin"; nor a treatment for one, "prior cancer treatment"; nor a word going on,
    # "malignant hyperthermia", "tumor-directed")
    r"(?![\w/-]|\s+(?:treatment|therap|surgery|chemo|drug|medication|regimen|radi|screening|survivor|patient|trial|stud|"
    r"vaccin|immuni[sz]|antigen|peptide|cell|antibod|directed|related|specific|marker|lysis|pain|site)"
    r"|\s+(?:of|in)\s+(?:the\s+)?(?!the\b|past\b|last\b|previous\b|prior\b)[a-z])", re.I)


def _own_sites(own: str) -> str:
    """The trial's words with each two-site word's sites added (see _SITES_IN)."""
    return own + "".join(f" | {more}" for word, more in _SITES_IN if word in own)


def names_own_cancer(rest: str) -> bool:
    """Do the words starting `rest` name a cancer the trial's conditions or title name? "breast cancer" in a
    breast-cancer trial; "lymphoma" in a lymphoma trial; "cancer of the cervix" in a cervical-cancer trial; "rectal
    cancer" in a colorectal-cancer trial; not a bare "cancer" (the general rules keep "prior" there), nor a cancer's
    treatment ("breast cancer treatment")."""
    own = _OWN.get()[0]
    if not own:
        return False
    m = _PHRASE.match(rest)
    if not m or re.search(r"[,;:.()]|\b(?:or|and|with|for|from|after|at|to|within|than|of|in)\b", m.group(1)) \
            or _DONE_TO.search(m.group(1)):
        return False
    words = [w.lower() for w in m.group(1).split()]
    cancer, sites = words[-1], [w for w in words[:-1] if w not in _WHICH]
    site_after = _OF_SITE.match(rest, m.end())
    if site_after and not _DONE_TO.search(site_after.group(1)):
        sites.append(site_after.group(1).lower())
    if not re.search(r"\b" + NAMED_CANCER, own):
        return False
    own = _own_sites(own)
    if sites:
        return all(re.search(r"\b" + re.escape(w[:5]), own) for w in sites)
    return not _GENERAL.match(cancer) and re.search(r"\b" + re.escape(cancer[:6]), own) is not None


def cancer_trial_bare_cancer(rest: str) -> bool:
    """Do the words starting `rest` name cancer in general ("malignancy", "cancer") in a trial for a cancer? There
    everyone has had one: "History of malignancy" shown "You have had cancer" under "You cannot join if…" read as
    ruling out everyone the trial is for, where the record means another, earlier one; its "history of" stays
    (plain20). No trial known, or another illness's trial: the general rules."""
    own = _OWN.get()[0]
    return bool(own) and re.search(r"\b" + NAMED_CANCER, own) is not None and _BARE_GENERAL.match(rest) is not None


def names_own_illness(rest: str) -> bool:
    """Do the words starting `rest` name the trial's own illness: a cancer its conditions or title name
    (`names_own_cancer`), or one of its conditions said whole ("stroke" in a stroke trial)?"""
    if names_own_cancer(rest):
        return True
    low = rest.lower()
    return any(re.match(re.escape(c) + _THEN, low) for c in _OWN.get()[1])


def history_stays(rest: str) -> bool:
    """After "history of": the trial's own illness (`names_own_illness`) or cancer in general in a cancer trial
    (`cancer_trial_bare_cancer`) keeps its "history of" (server.grammar)."""
    return names_own_illness(rest) or cancer_trial_bare_cancer(rest)
