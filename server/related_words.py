"""Related trials, what is shown beside each: who it takes (its ages and sex, when they narrow who can join) and
where it runs (its countries), in a few words, as the record gives them. Worded here once, for the card, the
trial page and the CLI alike (they show these strings as they are)."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

from scrapers.dates import Age

ADULT_DAYS = 18 * 365.25   # a maximum below this is a children's trial (ClinicalTrials.gov's "17 Years")
BABY_DAYS = 366            # and one of a year or less, a babies' one ("28 Days", "12 Months")
MANY_COUNTRIES = 3         # more than this many countries are counted, not named
# one wording whatever the ages, as the trial's own page says the record's sex (server/templates/trial.html, the card's
# extension/lib/criteria.js): "Men only" beside "Male only" for a trial that gives no ages read as two rules (review r35)
SEX_WORDS = {"FEMALE": "Female only", "MALE": "Male only"}


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _age(d: dict | None) -> Age | None:
    """An age limit from the index (Age.to_dict); a minimum of 0 is no limit."""
    try:
        age = Age.from_dict(d)
    except (KeyError, TypeError):
        return None
    return age if age is not None and age.value > 0 else None


def ages_words(lo: Age | None, hi: Age | None) -> str | None:
    """"Ages 18–65", "Ages 18 and older", "Children 2–17", "Babies 1–28 days", "Children 6 months–17 years": years go
    without their unit only when every limit given is in years; any other unit is always said ("1 to 28" days is not
    years). None when the record gives no limit."""
    if lo is None and hi is None:
        return None
    years = all(a.unit == "YEARS" for a in (lo, hi) if a is not None)
    said = (lambda a: _num(a.value)) if years else str
    if lo and hi:
        span = f"{_num(lo.value)}–{said(hi)}" if lo.unit == hi.unit else f"{lo}–{hi}"
    elif lo:
        span = f"{said(lo)} and older"
    else:
        span = f"up to {said(hi)}"
    who = "Ages"
    if hi is not None and hi.in_days() < ADULT_DAYS:
        who = "Babies" if hi.in_days() <= BABY_DAYS else "Children"
    return f"{who} {span}"


def sex_words(sex: str | None) -> str | None:
    """"Female only" / "Male only" (SEX_WORDS); None for a trial open to all."""
    return SEX_WORDS.get((sex or "").upper())


def who_words(min_age: dict | None, max_age: dict | None, sex: str | None) -> str | None:
    """A related trial's ages and sex in a few words ("Ages 18–65 · Female only"), or None when neither narrows who
    can join (no age limit, both sexes)."""
    lo, hi = _age(min_age), _age(max_age)
    parts = [p for p in (ages_words(lo, hi), sex_words(sex)) if p]
    return " · ".join(parts) or None


def where_words(countries: list[str]) -> str | None:
    """"United States, Canada", "Japan", or "12 countries" when there are many; None when the record lists no site
    (never guessed: the reader's own country is unknown, and nothing is filtered by it)."""
    named = [c for c in dict.fromkeys(" ".join(str(c).split()) for c in countries or []) if c]
    if not named:
        return None
    return ", ".join(named) if len(named) <= MANY_COUNTRIES else f"{len(named)} countries"


# A related trial's who-line beside the trial being read (review r16: "Ages 18 and older" on nearly half the items said
# nothing to a reader of an 18+ trial): left out where it is the same, which the caption then says; and a trial with no
# limit at all, beside one with limits, says so (its missing line would read as "the same"). The HTML page and
# `triallens related` word it with these functions; the extension's card (extension/lib/badges.js whoBeside,
# RELATED_NO_LIMIT, RELATED_SAME_WHO) words it alike (review r23 #13: the CLI printed nothing where the page said
# "No age or sex limit given").
RELATED_NO_LIMIT = "No age or sex limit given"
RELATED_SAME_WHO = "A trial with no ages shown takes the same ages and sex as this one."
# why there are no related trials for a record that names nothing to match on (related.nothing_to_match: a withheld
# record such as NCT03182660, no conditions and a stand-in title): "none open" and "try --any-status" sent the reader
# after trials no status would give (r23 leftovers #2). The page, the card (extension/content/cardsections.js) and
# `triallens related` say it alike; the API gives the reason "nothing_to_match"
RELATED_NOTHING_TO_MATCH = ("ClinicalTrials.gov gives no conditions or keywords for this trial, so TrialLens cannot "
                            "suggest related trials.")

# no open related trial in the store: said as what TrialLens knows, not "none open in TrialLens's saved copy of
# ClinicalTrials.gov", which read as contradicting the footer's "record checked just now" (review r26 #4); then the
# way on, a search of ClinicalTrials.gov for open trials of the trial's condition (search_url). The page and
# `triallens related` say these; the API gives `search_url` for the card to link.
RELATED_NONE = "TrialLens knows of no open trials like this one."
RELATED_SEARCH = "Search ClinicalTrials.gov for open trials of {condition}"
# ClinicalTrials.gov's search, by condition, of trials recruiting or not yet recruiting (its "status:not rec" filter)
CTGOV_SEARCH = "https://clinicaltrials.gov/search?cond={cond}&aggFilters=status:not%20rec"


def search_url(conditions: list[str] | None) -> str | None:
    """ClinicalTrials.gov's search for open trials of the first condition a record lists (its main one, as the record
    orders them); None for a record that lists none (no search would be about this trial)."""
    first = next((c.strip() for c in conditions or [] if isinstance(c, str) and c.strip()), None)
    return CTGOV_SEARCH.format(cond=quote(first, safe="")) if first else None


def search_words(url: str) -> str:
    """The link text for search_url(…): "Search ClinicalTrials.gov for open trials of Hypoxic-Ischemic
    Encephalopathy", the condition searched named (a record may list several; the search is of its first)."""
    condition = parse_qs(urlsplit(url).query).get("cond", [""])[0]
    return RELATED_SEARCH.format(condition=condition or "this condition")


def _says_who(o) -> bool:
    """Whether `o` says who a trial takes: min_age, max_age and sex, each given (None for no limit)."""
    return isinstance(o, dict) and all(k in o for k in ("min_age", "max_age", "sex"))


def _age_key(age) -> str:
    """An age limit as the who-line reads it: "18.0 YEARS"; "" for none (absent, or 0)."""
    try:
        value = float(age["value"])
    except (TypeError, KeyError, ValueError):
        return ""
    return f"{value} {age.get('unit')}" if value > 0 and isinstance(age.get("unit"), str) else ""


def reading_who(annotation: dict) -> dict | None:
    """Who the trial being read takes, to set its related trials beside: the annotation's official record, else (an
    older service) its criteria.at_a_glance; None when neither says."""
    official = annotation.get("official")
    if _says_who(official):
        return official
    glance = (annotation.get("criteria") or {}).get("at_a_glance") if isinstance(annotation.get("criteria"), dict) else None
    return glance if _says_who(glance) else None


def who_beside(trial: dict, reading: dict | None) -> str:
    """"same" when a related trial takes the same ages and sex as the trial being read, "differs" when not, "" when
    either side does not say."""
    if not _says_who(trial) or not _says_who(reading):
        return ""
    sex = {"FEMALE", "MALE"}
    same = (_age_key(trial["min_age"]) == _age_key(reading["min_age"])
            and _age_key(trial["max_age"]) == _age_key(reading["max_age"])
            and (trial["sex"] if trial["sex"] in sex else "") == (reading["sex"] if reading["sex"] in sex else ""))
    return "same" if same else "differs"


def who_line(trial: dict, reading: dict | None) -> str | None:
    """The line under a related trial saying whom it takes: None where it takes the same as the trial being read;
    else its who ("Ages 18–65 · Female only"), or RELATED_NO_LIMIT where it has no limit beside a trial with some."""
    beside = who_beside(trial, reading)
    if beside == "same":
        return None
    if trial.get("who"):
        return trial["who"]
    return RELATED_NO_LIMIT if beside == "differs" and "who" in trial and trial["who"] is None else None


def same_who_left_out(trials: list[dict], reading: dict | None) -> bool:
    """Whether some related trial's who-line is left out as the same as the trial being read's (the caption then
    says RELATED_SAME_WHO)."""
    return any(t.get("who") and who_beside(t, reading) == "same" for t in trials)
