"""TrialLens's plain-English lexicon (scrapers/data/lexicon.json): abbreviations, jargon and units, each with its
kind, its plain words (if any) and its meaning.

Its one home, for both sides that read it: the rewriter (server.lexicon compiles the terms into its matcher, server.gloss
and server.as_written use them) writes these words, and the reconciler (scrapers.reconcile.glosses) recognises them on
a page that shows TrialLens's own rewrite. It lives in scrapers because the service imports scrapers, never the other
way round.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    term: str
    kind: str            # abbreviation | jargon | term | unit
    plain: str | None    # replacement (jargon) or inline explanation (abbreviation); None = gloss only
    meaning: str         # glossary definition
    unless: re.Pattern | None = None   # context that gives the term another meaning: then it is left alone
    unless_criteria: re.Pattern | None = None   # the same, found anywhere in the trial's criteria ("RA" beside
    #                                             myelodysplasia subtypes is refractory anemia in every item)
    kept_after: re.Pattern | None = None   # text right before the term (ends with $) that makes it part of a longer
    #                                        name: it is then kept as written, still glossed ("carcinomatous meningitis")
    kept_before: re.Pattern | None = None   # text right after the term (matched where it ends) with which the
    #                                         replacement would not read: kept as written, still glossed
    #                                         ("an erection sufficient to permit": not "an erection enough to")
    one_name: bool = False   # said one way in an item: where one mention is kept as written, every mention is
    #                          ("painful lesions or lesions that …": not "painful lesions or abnormal areas that …")
    replaced_after: re.Pattern | None = None   # text right before the term (ends with $) after which the replacement
    #                                            reads; elsewhere the term is kept as written, still glossed ("a medical
    #                                            evaluation" is a check-up; "interfere with evaluation of outcome
    #                                            measures" is not)
    other_sense_after: re.Pattern | None = None    # text right before one mention (ends with $), or right after it
    other_sense_before: re.Pattern | None = None   # (matched where it ends), that gives that mention another sense: the
    #                                                mention is not glossed, another mention of the item still is
    #                                                ("NYHA Grade II … Grade II peripheral neuropathy")
    label: re.Pattern | None = None   # a mention that labels a part of this trial ("Phase IIa:"), found in the item
    #                                   from the term on: the item's glossary then has `label_meaning` (for one label,
    #                                   for more), with "{labels}" the labels it gives ("Phase I and Phase IIa"). The meaning
    #                                   does not start with them: the glossary shows it after the term ("Phase: …")
    label_meaning: tuple[str, str] | None = None
    listed: bool = True   # False: a word every reader knows ("currently"); replaced where its plainer word reads, never
    #                       listed in the glossary ("Currently: now." in 958 corpus glossaries was noise; review round 8)

    @property
    def plain_is_gloss(self) -> bool:
        """The replacement is the term with its meaning in brackets ("creatinine (a kidney blood test)")."""
        return bool(self.plain) and self.plain.lower().startswith(self.term.lower() + " (")

    def other_sense_at(self, text: str, start: int, end: int) -> bool:
        """Does this mention have another sense than the entry's ("grade" right after "NYHA": the scale's entry
        says what its grades are; "appendix" after "cancer of the")?"""
        before, after = self.other_sense_after, self.other_sense_before
        return bool((before is not None and before.search(text, max(0, start - 60), start))
                    or (after is not None and after.match(text, end)))

    def meaning_in(self, text: str) -> str:
        """The meaning for this item: `label_meaning` where the item labels parts of this trial with the term."""
        if self.label is None or self.label_meaning is None:
            return self.meaning
        labels: dict[str, str] = {}   # (each once, as first said)
        for m in self.label.finditer(text):
            said = " ".join(m.group(0).split())
            labels.setdefault(said.lower(), said)
        if not labels:
            return self.meaning
        said = list(labels.values())
        named = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
        return self.label_meaning[len(said) > 1].replace("{labels}", named)


def _rx(entry: dict, key: str) -> re.Pattern | None:
    return re.compile(entry[key]) if entry.get(key) else None


@lru_cache(maxsize=1)
def lexicon_entries() -> tuple[Entry, ...]:
    """Every entry, in the file's order, read once from the package's data (so it ships in a wheel)."""
    raw = json.loads(resources.files("scrapers").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    return tuple(Entry(e["term"], e["kind"], e.get("plain"), e["meaning"], _rx(e, "unless"), _rx(e, "unless_criteria"),
                       _rx(e, "kept_after"), _rx(e, "kept_before"), bool(e.get("one_name")),
                       replaced_after=_rx(e, "replaced_after"),
                       other_sense_after=_rx(e, "other_sense_after"), other_sense_before=_rx(e, "other_sense_before"),
                       label=_rx(e, "label"),
                       label_meaning=tuple(e["label_meaning"]) if e.get("label_meaning") else None,
                       listed=e.get("listed", True))
                 for e in raw["entries"])
