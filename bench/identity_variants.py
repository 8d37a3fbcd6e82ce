"""Own pages as lay sites show a trial's treatments (ident7): the ways r48 found a page naming its own trial's
treatment was read as naming another's. Each is built from the record's own data (its interventions' names and other
names, its identifiers) or the corpus's (the other names other records give the same intervention), and a small table
of British and international spellings; none is a hand-written list of brands.

- its interventions by one of their own other names (the record's `otherNames`: a brand, a code), and that name in
  the title ("Cialis for Erectile Dysfunction");
- its interventions by a name other records give the same intervention (the record never says it: "Viagra" where
  the record says only "sildenafil"), as interventions and in the title;
- British and international spellings (`SPELLINGS`: "ciclosporin", "oestradiol", "sulphate", "paracetamol") of its
  interventions, conditions and a title naming its first intervention;
- its interventions renamed and shortened as sites list them ("Drug: X", "X 10 mg tablets", the first word of X);
- its trial-group number (from its own identifiers: "ACTG 5041", "A5041", "CALGB 9741", "SWOG S0221") in the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from scrapers.model import OfficialRecord, PageRecord

# British and international (INN) spellings of American drug and medical words, as a UK site writes them: spellings
# proper (ae/oe, ph/f, sulph, y/i) and the British approved names that differ more ("lignocaine", "frusemide")
SPELLINGS = ((r"sulfa", "sulpha"), (r"sulf(?=at|id|on|ur|ite)", "sulph"), (r"cyclosporin[e]?", "ciclosporin"),
             (r"acyclovir", "aciclovir"), (r"valacyclovir", "valaciclovir"), (r"\bceph(?=a|al|r|o)", "cef"),
             (r"\bestr(?=a|o|i)", "oestr"), (r"amoxicillin", "amoxycillin"), (r"lidocaine", "lignocaine"),
             (r"furosemide", "frusemide"), (r"acetaminophen", "paracetamol"), (r"albuterol", "salbutamol"),
             (r"norepinephrine", "noradrenaline"), (r"epinephrine", "adrenaline"), (r"glyburide", "glibenclamide"),
             (r"meperidine", "pethidine"), (r"rifampin\b", "rifampicin"), (r"amphetamine", "amfetamine"),
             (r"phenobarbital", "phenobarbitone"), (r"isoproterenol", "isoprenaline"), (r"aluminum", "aluminium"),
             (r"cesium", "caesium"), (r"(?<=[a-z])iz(?=e|ed|ing|ation)", "is"), (r"\b(h)em(o|a|at|or)", r"\1aem\2"),
             (r"an(emi)", r"anaemi"), (r"leukem", "leukaem"), (r"\bedem", "oedem"), (r"\besophag", "oesophag"),
             (r"diarrhea", "diarrhoea"), (r"pediatric", "paediatric"), (r"tumor", "tumour"), (r"ischemi", "ischaemi"),
             (r"glycem", "glycaem"), (r"behavior", "behaviour"), (r"celiac", "coeliac"), (r"\bfetal", "foetal"),
             (r"center\b", "centre"), (r"\bfetus", "foetus"))


def _case_kept(m: re.Match[str], to: str) -> str:
    out = m.expand(to)
    return out[:1].upper() + out[1:] if m[0][:1].isupper() else out


def respelt(text: str, table) -> str:
    """`text` with each (pattern, spelling) of `table` applied, any case, capitals kept."""
    for rx, to in table:
        text = re.sub("(?i)" + rx, lambda m: _case_kept(m, to), text)
    return text


def spelt_british(text: str) -> str:
    """`text` in British and international spelling, capitals kept ("Cyclosporine" is "Ciclosporin")."""
    return respelt(text, SPELLINGS)


_DRUGS = ("DRUG", "BIOLOGICAL")


def _drug_names(rec: OfficialRecord) -> list[str]:
    return [i.name for i in rec.intervention_details if i.type in _DRUGS] or [n for _, n in rec.interventions]


def _record_text(rec: OfficialRecord) -> str:
    """Everything the record says (its protocol section as JSON text), lower-cased."""
    return str(rec.data.get("protocolSection") or {}).lower()


def corpus_other_names(records: Iterable[OfficialRecord]) -> dict[str, list[str]]:
    """Each drug or biologic name (lower-cased) and the other names any corpus record gives it, both ways: where one
    record says "tadalafil" (Cialis, LY450190), another saying only "tadalafil" may be shown as "Cialis", and one
    saying only "Cialis" as "tadalafil"."""
    out: dict[str, list[str]] = {}
    for rec in records:
        for i in rec.intervention_details:
            if i.type in _DRUGS:
                group = [i.name, *i.other_names]
                for n in group:
                    names = out.setdefault(n.lower().strip(), [])
                    names += [o for o in group if o not in names and o.lower().strip() != n.lower().strip()]
    return out


def _own_other_name(rec: OfficialRecord) -> str | None:
    """Of the record's drugs' other names, the first that is no code (a brand, "Cialis"), else the first."""
    names = [n for i in rec.intervention_details if i.type in _DRUGS for n in i.other_names]
    return next((n for n in names if not re.search(r"\d", n)), names[0] if names else None)


def corpus_generics(records: Iterable[OfficialRecord]) -> frozenset[str]:
    """The first words of the corpus's intervention MeSH terms (generic names: "flutamide", "sildenafil")."""
    return frozenset(t.split()[0].lower() for r in records for t in r.intervention_mesh_terms if t.split())


def _corpus_name(rec: OfficialRecord, others: dict[str, list[str]], generics: frozenset[str]) -> tuple[str, str] | None:
    """A drug of the record and a name other records give it that this record never says, brands first. Where the
    record names a generic, another generic among those names ("flutamide" beside "goserelin") is the other drug of
    a combination, no name of this one."""
    said = _record_text(rec)
    drugs = [i.name for i in rec.intervention_details if i.type in _DRUGS]
    found = [(n, o) for n in drugs for o in others.get(n.lower().strip(), [])
             if len(o) > 2 and o.lower() not in said
             and not (n.split()[0].lower() in generics and o.split()[0].lower() in generics)]
    return next(((n, o) for n, o in found if not re.search(r"\d", o)), found[0] if found else None)


# a cooperative group's trial number as the record's identifiers give it ("ACTG A5041", "CALGB-9741", "SWOG-S0221")
_GROUP_ID = re.compile(r"^([A-Z]{2,6})[\s-]*([A-Z]?)(\d{3,6})\b")


def group_numbers(rec: OfficialRecord) -> list[tuple[str, str, str | None]]:
    """The record's trial-group numbers as sites title them, three ways each: ("ACTG 5041", "ACTG A5041", "A5041")
    from "ACTG A5041", ("CALGB 9741", "CALGB 9741", None) from "CALGB-9741", ("SWOG 0221", "SWOG S0221", "S0221")."""
    idm = rec.data.get("protocolSection", {}).get("identificationModule") or {}
    ids = [(idm.get("orgStudyIdInfo") or {}).get("id") or ""]
    ids += [(s or {}).get("id") or "" for s in idm.get("secondaryIdInfos") or []]
    return [(f"{m[1]} {m[3]}", f"{m[1]} {m[2]}{m[3]}", f"{m[2]}{m[3]}" if m[2] else None)
            for m in map(_GROUP_ID.match, ids) if m and m[1] != "NCT"]


def treatment_pages(rec: OfficialRecord, lay: PageRecord, others: dict[str, list[str]],
                    generics: frozenset[str] = frozenset()) -> dict[str, PageRecord]:
    """Trial `rec`'s own lay page (`lay`: a lay title, the sponsor's initials, no criteria) showing its treatments
    as lay sites do (see the module docstring). A record without what a layout needs (no other names, no
    trial-group number) gives `lay` with its interventions as named."""
    details = rec.intervention_details
    names = [i.name for i in details]
    shown = replace(lay, interventions=names)
    condition = rec.conditions[0]
    pages: dict[str, PageRecord] = {}
    own = _own_other_name(rec)
    pages["treatment: interventions by their last other name"] = replace(
        lay, interventions=[(i.other_names or (i.name,))[-1] for i in details])
    pages["treatment: an other name in the title"] = replace(shown, title=f"{own} for {condition}") if own else shown
    corpus = _corpus_name(rec, others, generics)
    pages["treatment: a name other records give it, as intervention"] = replace(
        lay, interventions=[corpus[1] if n == corpus[0] else n for n in names]) if corpus else shown
    pages["treatment: a name other records give it, in the title"] = replace(
        lay, title=f"{corpus[1]} for {condition}") if corpus else shown
    first = _drug_names(rec)[0] if names else condition
    pages["treatment: British/INN spelling"] = replace(
        lay, title=spelt_british(f"{first} for {condition}"), conditions=[spelt_british(c) for c in rec.conditions],
        interventions=[spelt_british(n) for n in names])
    pages["treatment: interventions renamed ('Drug: X', 'X 10 mg tablets')"] = replace(
        lay, interventions=[f"{(i.type or 'other').replace('_', ' ').title()}: {i.name}" for i in details]
        + [f"{i.name} 10 mg tablets" for i in details if i.type in _DRUGS])
    pages["treatment: interventions shortened to their first word"] = replace(
        lay, interventions=[i.name.split()[0] for i in details])
    pages["treatment: dose in the title ('X 10 mg Tablets in ...')"] = replace(
        lay, title=f"{first} 10 mg Tablets in {condition}")
    groups = group_numbers(rec)
    for k, label in ((0, "'ACTG 5041'"), (1, "'ACTG A5041'"), (2, "'A5041'")):
        form = next((g[k] for g in groups if g[k]), None)
        pages[f"treatment: trial-group number in the title ({label})"] = replace(
            shown, title=f"{lay.title} ({form})") if form else shown
    return pages
