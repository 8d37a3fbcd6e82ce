"""Related trials, what is shown beside each: who it takes (its ages and sex, when they narrow who can join) and
where it runs (its countries), in a few words, as the record gives them. Worded here once, for the card, the
trial page and the CLI alike (they show these strings as they are)."""

from __future__ import annotations

from scrapers.dates import Age

ADULT_DAYS = 18 * 365.25   # a maximum below this is a children's trial (ClinicalTrials.gov's "17 Years")
BABY_DAYS = 366            # and one of a year or less, a babies' one ("28 Days", "12 Months")
MANY_COUNTRIES = 3         # more than this many countries are counted, not named
SEX_WORDS = {"FEMALE": ("Women only", "Girls only", "Female only"), "MALE": ("Men only", "Boys only", "Male only")}


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


def sex_words(sex: str | None, lo: Age | None, hi: Age | None) -> str | None:
    """"Women only" / "Men only" for adults, "Girls only" / "Boys only" for children, "Female only" / "Male only"
    when the ages span both or are not given; None for a trial open to all."""
    words = SEX_WORDS.get((sex or "").upper())
    if words is None:
        return None
    if lo is not None and lo.in_days() >= ADULT_DAYS - 1:
        return words[0]
    if hi is not None and hi.in_days() < ADULT_DAYS:
        return words[1]
    return words[2]


def who_words(min_age: dict | None, max_age: dict | None, sex: str | None) -> str | None:
    """A related trial's ages and sex in a few words ("Ages 18–65 · Women only"), or None when neither narrows who
    can join (no age limit, both sexes)."""
    lo, hi = _age(min_age), _age(max_age)
    parts = [p for p in (ages_words(lo, hi), sex_words(sex, lo, hi)) if p]
    return " · ".join(parts) or None


def where_words(countries: list[str]) -> str | None:
    """"United States, Canada", "Japan", or "12 countries" when there are many; None when the record lists no site
    (never guessed: the reader's own country is unknown, and nothing is filtered by it)."""
    named = [c for c in dict.fromkeys(" ".join(str(c).split()) for c in countries or []) if c]
    if not named:
        return None
    return ", ".join(named) if len(named) <= MANY_COUNTRIES else f"{len(named)} countries"
