"""Eligibility text -> inclusion / exclusion item trees.

Reads CT.gov API v2 markdown (`* `, `1. `, nested indentation, `\\>` escapes), legacy
plain text with hard wraps and PDQ sections ("DISEASE CHARACTERISTICS: …"), and the
run-on lists aggregators print ("1. … 2. … 3. …" on one line, mixed "(8)", "6,", "a)").

Never drops text: every word of the input ends up in an item or in `Criteria.headers`
(the section headings themselves). Text that sits under no inclusion/exclusion heading
stays in `unplaced`, as items of its own, because guessing its section could turn an
exclusion into an invitation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

__all__ = ["Item", "Criteria", "parse_criteria", "parse_items", "flatten", "iter_items", "unescape_markdown"]


@dataclass
class Item:
    """One criterion: its text (markdown escapes removed, whitespace collapsed), the list
    marker it carried ("1.", "*", "(8)", "a)" or None) and its sub-items."""

    text: str
    marker: str | None = None
    children: list["Item"] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "marker": self.marker, "children": [c.to_dict() for c in self.children]}


@dataclass
class Criteria:
    inclusion: list[Item] = field(default_factory=list)
    exclusion: list[Item] = field(default_factory=list)
    unplaced: list[Item] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)   # section headings as written, in order

    @property
    def both_sections(self) -> bool:
        return bool(self.inclusion) and bool(self.exclusion)

    def to_dict(self) -> dict:
        return {
            "inclusion": [i.to_dict() for i in self.inclusion],
            "exclusion": [i.to_dict() for i in self.exclusion],
            "unplaced": [i.to_dict() for i in self.unplaced],
            "headers": list(self.headers),
        }


def flatten(items: list[Item]) -> list[Item]:
    """Items depth-first, each parent before its children."""
    out: list[Item] = []
    stack = list(reversed(items))
    while stack:
        it = stack.pop()
        out.append(it)
        stack.extend(reversed(it.children))
    return out


def iter_items(crit: Criteria) -> Iterator[tuple[str, int, Item]]:
    """(section, depth, item) for every item, sections in order inclusion, exclusion, unplaced."""
    def walk(items: list[Item], section: str, depth: int):
        for it in items:
            yield section, depth, it
            yield from walk(it.children, section, depth + 1)
    for name in ("inclusion", "exclusion", "unplaced"):
        yield from walk(getattr(crit, name), name, 0)


# --------------------------------------------------------------------------- text clean-up

_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^=&\"'])")


def unescape_markdown(text: str) -> str:
    r"""CT.gov API v2 escapes markdown punctuation: `\>=` -> `>=`, `\[mRS\]` -> `[mRS]`."""
    return _MD_ESCAPE.sub(r"\1", text)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- markers

_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_LINE_MARKER = re.compile(
    r"""^(?:
        (?P<bullet>[*•●▪◦‣∙\-–—+·■□➢►✓o])(?=\s)        # bullets (o only when followed by space)
      | (?P<num>\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}[、．](?!\d))
      | (?P<alpha>\(?[A-Za-z]{1,4}[.)]|\([A-Za-z]{1,4}\))(?=\s)
    )\s*""",
    re.X,
)


def _marker_style(marker: str) -> tuple[str, int | None]:
    """("bullet"|"num"|"alpha"|"ALPHA"|"roman", ordinal) for a marker."""
    core = marker.strip("()[].)、．")
    if core.isdigit():
        return "num", int(core)
    if core.lower() in _ROMAN and len(core) > 1:
        return "roman", None
    if len(core) == 1 and core.isalpha():
        return ("alpha" if core.islower() else "ALPHA"), ord(core.lower()) - 96
    if core.lower() in _ROMAN:
        return "roman", None
    return "bullet", None


def _split_marker(text: str) -> tuple[str | None, str]:
    m = _LINE_MARKER.match(text)
    if not m:
        return None, text
    marker = m.group("bullet") or m.group("num") or m.group("alpha")
    rest = text[m.end():]
    if m.group("alpha"):
        core = marker.strip("().")
        # "No." / "Dr." / "e.g." are words, not markers; multi-letter only if roman
        if len(core) > 1 and core.lower() not in _ROMAN:
            return None, text
        if not rest or not rest.strip():
            return None, text
    if m.group("bullet") == "o" and not rest[:1].isalnum():
        return None, text
    if not rest.strip() and marker not in ("*", "-", "•"):
        return None, text
    return marker, rest


# --------------------------------------------------------------------------- headers

_EXCL = re.compile(r"exclu|non[- ]?inclu|\bnot\s+(?:be\s+)?eligible|\bineligible|should\s+not\s+join|cannot\s+join|"
                   r"(?:may|can|will)\s+not\s+(?:be\s+able\s+to\s+)?(?:join|participate|take\s+part)", re.I)
_INCL = re.compile(r"inclu|\beligible\b|may\s+qualify|(?:may|can)\s+(?:be\s+able\s+to\s+)?(?:join|participate|take\s+part)", re.I)
_PDQ = re.compile(r"^(?:DISEASE\s+CHARACTERISTICS|PATIENT\s+CHARACTERISTICS|PRIOR\s*/?\s*CONCURRENT\s+THERAPY|"
                  r"PROTOCOL\s+ENTRY\s+CRITERIA|--\s*(?:Disease|Patient|Prior\s*/?\s*Concurrent)\s+(?:Characteristics|Therapy)\s*--)",
                  re.I)
_CRIT_WORD = re.compile(r"\b(?:inclusion|exclusion|non[- ]?inclusion|eligibility)\b(?:\s*(?:/|and|or|&)\s*(?:inclusion|exclusion))?"
                        r"(?:\s+(?:criteria|criterion|requirements?))?", re.I)
_ELIG_SENTENCE = re.compile(r"^(?:\w+(?:/\w+)?\s+){1,3}(?:may|will|must|can)\s+(?:not\s+)?(?:be\s+)?(?:eligible|able\s+to\s+join|join|qualify)\b"
                            r".{0,40}(?:if|when)\s+(?:they|you|he/she|she|he)\b.{0,20}:$", re.I)
_WHO = re.compile(r"^who\s+(?:may|can|should|should\s+not|cannot|may\s+not)\s+(?:qualify|join|participate)\b.{0,30}:?$", re.I)


def header_kind(line: str) -> str | None:
    """'inclusion' / 'exclusion' / 'pdq' / 'generic' if the line is a section heading, else None."""
    t = line.strip().strip("*_#").strip()
    t = re.sub(r"^[-–—•*]+\s*|\s*[-–—]+$", "", t)
    t = re.sub(r"^(?:[IVX]+\.)?\d+(?:\.\d+)*\.?\s+|^[IVX]+\.\s+|^[A-H][.)]\s+", "", t)   # "III.6 EXCLUSION CRITERIA", "D) Other…"
    if not t or len(t) > 110 or t.endswith((".", ";", ",")) or re.match(r"(?:no|none|not)\b", t, re.I):
        return None
    if _PDQ.match(t) and (t.endswith(":") or t.endswith("--") or len(t) < 40):
        return "pdq"
    words = t.rstrip(":").split()
    if _ELIG_SENTENCE.match(t) or _WHO.match(t):
        return "exclusion" if _EXCL.search(t) else "inclusion"
    m = _CRIT_WORD.search(t)
    if not m or len(words) > 12:
        return None
    if not t.endswith(":") and len(words) > 7:
        return None
    # a heading names the section in its first words ("Key inclusion criteria for Part A")
    if len(t[: m.start()].split()) > 2:
        return None
    low = t.lower()
    has_inc = bool(re.search(r"\binclusion\b", low)) and not re.search(r"non[- ]?inclusion", low)
    has_exc = bool(re.search(r"exclusion|non[- ]?inclusion", low))
    if has_inc and has_exc:
        return "generic"
    if has_exc:
        return "exclusion"
    if has_inc:
        return "inclusion"
    if re.search(r"\beligib", low) and (t.endswith(":") or len(words) <= 4):
        return "generic"
    return None


# Headings that appear inside a line (run-on pages, "…relationship Exclusion Criteria:", PDQ).
_INLINE_HEADER = re.compile(
    r"(?:(?<=^)|(?<=\s))("
    r"(?:(?:Key|Main|KEY|MAIN|Major|Other|Additional)\s+)?(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)\s+(?:[Cc]riteria|CRITERIA)(?:\s+(?:include|[Ii]s|[Aa]re))?\s*:"
    r"|Who\s+[Mm]ay\s+[Qq]ualify\s*:|Who\s+[Ss]hould\s+(?:NOT|[Nn]ot)\s+[Jj]oin(?:\s+[Tt]his\s+[Tt]rial)?\s*:"
    r"|DISEASE\s+CHARACTERISTICS\s*:|PATIENT\s+CHARACTERISTICS\s*:|PRIOR\s*/?\s*CONCURRENT\s+THERAPY\s*:|PROTOCOL\s+ENTRY\s+CRITERIA\s*:"
    r")"
)

# PDQ field labels that start an item inside a flattened PDQ paragraph ("Age: 18 and over Sex: Female").
_PDQ_LABELS = (
    "Age|Sex|Race|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hematologic|Hepatic|Renal|"
    "Cardiovascular|Pulmonary|Neurologic|Neurological|Immunologic|Metabolic|Gastrointestinal|Endocrine|Other|"
    "Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery|Hormone receptor status|Prior Treatment|"
    "Induction therapy|Postinduction therapy|Cardiac|Infection|Psychiatric"
)
_PDQ_LABEL = re.compile(r"(?:(?<=\s)|(?<=^))(?:" + _PDQ_LABELS + r")\s*:(?=\s|$)", re.I)


# --------------------------------------------------------------------------- blocks

@dataclass
class _Block:
    indent: int
    marker: str | None
    text: str
    header: str | None = None    # header kind when this block is a section heading
    label: bool = False          # "Prior medication:" — parents the items that follow


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _is_label(text: str) -> bool:
    t = text.strip()
    return t.endswith(":") and 0 < len(t.split()) <= 14 and len(t) <= 120


WRAP_WIDTH = (78, 96)   # legacy CT.gov text is hard-wrapped at about 90 columns


def _looks_wrapped(prev_len: int, line: str) -> bool:
    """Was the previous line cut by a hard wrap? Only if its next word would not have fit."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return prev_len <= WRAP_WIDTH[1] and prev_len + 1 + len(first) > WRAP_WIDTH[0]


def _blocks(text: str) -> list[_Block]:
    """Lines -> blocks: a marker or a blank line starts a block; other lines continue it (hard wraps)."""
    blocks: list[_Block] = []
    open_block: _Block | None = None
    prev_len, prev_end = 0, ""
    for raw in text.split("\n"):
        if not raw.strip():
            open_block = None
            continue
        wrapped = _looks_wrapped(prev_len, raw) and not (prev_end == ";" and raw.strip()[:1].isupper())
        prev_len, prev_end = len(raw.rstrip()), raw.rstrip()[-1:]
        ind = _indent(raw)
        line = raw.strip()
        marker, rest = _split_marker(line)
        kind = header_kind(line)
        if kind:
            blocks.append(_Block(ind, None, line, header=kind))
            open_block = None
            continue
        if marker is not None:
            open_block = _Block(ind, marker, rest)
            blocks.append(open_block)
        elif open_block is not None and wrapped and not (open_block.text.rstrip().endswith(":") and _is_label(line)):
            open_block.text += " " + line
        else:
            open_block = _Block(ind, None, line)
            blocks.append(open_block)
    out: list[_Block] = []
    for b in blocks:
        out.extend(_split_inline_headers(b))
    for b in out:
        if b.header is None and b.marker is None and _is_label(b.text):
            b.label = True
        elif b.header is None and b.marker is not None and _is_label(b.text) and len(b.text.split()) <= 8:
            b.label = True
    return out


def _split_inline_headers(b: _Block) -> list[_Block]:
    """"Inclusion Criteria: 1. Age… Exclusion Criteria: 1. …" -> heading and item blocks."""
    if b.header:
        return [b]
    text = _clean(b.text)
    hits = list(_INLINE_HEADER.finditer(text))
    if not hits:
        return [b]
    out: list[_Block] = []
    pos = 0
    marker = b.marker
    for m in hits:
        before = text[pos:m.start()].strip()
        if before and marker is None:
            marker, before = _split_marker(before)
        if before or marker:
            out.append(_Block(b.indent, marker, before))
        marker = None
        h = m.group(1)
        out.append(_Block(b.indent, None, h, header=header_kind(h) or "generic"))
        pos = m.end()
    rest = text[pos:].strip()
    if rest:
        mk, rest2 = _split_marker(rest)
        out.append(_Block(b.indent + (0 if mk else 1), mk, rest2))
    return [x for x in out if x.header or x.text or x.marker]


# --------------------------------------------------------------------------- run-on lists

_RUNON = re.compile(
    r"(?:(?<=\s)|(?<=[;:.,]))(\((\d{1,2})\)|(\d{1,2})[.)](?!\d)|(\d{1,2}),(?=\s+[A-Za-z]))(?=\s*[A-Za-z(\[\"'])"
)
_RUNON_ALPHA = re.compile(r"(?:(?<=\s)|(?<=[;:]))(\(([a-h])\)|([a-h])\))(?=\s*[A-Za-z(])")


# "bilirubin < 2. ULN…": a number after a comparator or unit word is a value, not a list marker
_NUMBER_CONTEXT = re.compile(r"(?:[<>≤≥=×x*/+-]|\b(?:than|to|of|and|or|at least|at most|by|from|over|under|between|"
                             r"upto|up to|within|score|grade|stage|class|type|version|phase|level))\s*$", re.I)


def _num_of(m: re.Match) -> int:
    return int(m.group(2) or m.group(3) or m.group(4))


def _runon_chain(text: str, own: int | None) -> tuple[list[re.Match], str]:
    """Numbered markers inside `text` that continue a list: ("sibling"|"child", matches)."""
    cands = [m for m in _RUNON.finditer(text) if m.start() > 0]
    if not cands:
        return [], ""
    nums = [_num_of(m) for m in cands]
    # 1) continuation of this item's own number: 1. … 2. … 3. …
    if own is not None:
        chain, want = [], own + 1
        for m, n in zip(cands, nums):
            if n == want and not _NUMBER_CONTEXT.search(text[: m.start()]):
                chain.append(m)
                want += 1
        if chain:
            return chain, "sibling"
    # 2) a sub-list starting at 1 inside the item: "For BPD: 1) … 2) …"
    for i, n in enumerate(nums):
        if n == 1 and (i + 1) < len(nums) and 2 in nums[i + 1:]:
            chain, want = [], 1
            for m, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(m)
                    want += 1
            return chain, "child"
    # 3) a merged item whose next number follows a ';' or '.': "…positive; 6, the subject's…"
    for i, m in enumerate(cands):
        before = text[: m.start()].rstrip()
        if nums[i] >= 2 and before.endswith((";", ".")) and not before.endswith(("e.g.", "i.e.", "etc.", "vs.")):
            chain, want = [], nums[i]
            for mm, k in zip(cands[i:], nums[i:]):
                if k == want:
                    chain.append(mm)
                    want += 1
            return chain, "sibling"
    return [], ""


def _alpha_chain(text: str) -> list[re.Match]:
    cands = [m for m in _RUNON_ALPHA.finditer(text) if m.start() > 0]
    chain, want = [], "a"
    for m in cands:
        letter = m.group(2) or m.group(3)
        if letter == want:
            chain.append(m)
            want = chr(ord(want) + 1)
    return chain if len(chain) >= 2 else []


def _pieces(text: str, chain: list[re.Match]) -> tuple[str, list[tuple[str, str]]]:
    head = text[: chain[0].start()].strip()
    parts = []
    for i, m in enumerate(chain):
        end = chain[i + 1].start() if i + 1 < len(chain) else len(text)
        parts.append((m.group(1), text[m.end():end].strip()))
    return head, parts


def _expand(marker: str | None, text: str, in_pdq: bool = False) -> list[tuple[Item, bool]]:
    """One block's text -> [(item, continues_as_sibling)]: splits run-on numbering, inline
    sub-lists, bullets and PDQ labels. The first item keeps the block's marker."""
    text = _clean(text)
    if in_pdq and marker is None:
        labels = [m for m in _PDQ_LABEL.finditer(text)]
        if len(labels) >= 1 and (labels[0].start() > 0 or len(labels) > 1):
            starts = [0] + [m.start() for m in labels if m.start() > 0]
            segs = [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]
            out = []
            for s in segs:
                if s:
                    out.extend(_expand(None, s))
            return out
    if " • " in text or text.startswith("• "):
        segs = [s.strip() for s in re.split(r"(?:^|\s)•\s", text)]
        head, rest = segs[0], [s for s in segs[1:] if s]
        if rest:
            out = _expand(marker, head) if head or marker else []
            for s in rest:
                out.extend(_expand("•", s))
            return out
    own = _marker_style(marker)[1] if marker and _marker_style(marker)[0] == "num" else None
    chain, rel = _runon_chain(text, own)
    if chain:
        head, parts = _pieces(text, chain)
        if rel == "child":
            item = Item(head, marker, [])
            for mk, t in parts:
                for sub, _ in _expand(mk, t):
                    item.children.append(sub)
            return [(item, True)]
        out = [(Item(head, marker, _alpha_children(head)[1]), True)] if (head or marker) else []
        if out:
            out[0][0].text = _alpha_children(head)[0]
        for mk, t in parts:
            out.extend(_expand(mk, t))
        return out
    body, kids = _alpha_children(text)
    return [(Item(body, marker, kids), True)]


def _alpha_children(text: str) -> tuple[str, list[Item]]:
    chain = _alpha_chain(text)
    if not chain:
        return text, []
    head, parts = _pieces(text, chain)
    return head, [Item(t, mk, []) for mk, t in parts]


# --------------------------------------------------------------------------- tree building

@dataclass
class _Open:
    item: Item
    indent: int
    style: str
    label: bool


def parse_criteria(text: str | None) -> Criteria:
    """Eligibility criteria text (API v2 markdown or legacy plain text) -> Criteria."""
    crit = Criteria()
    if not text or not text.strip():
        return crit
    text = unescape_markdown(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    blocks = _blocks(text)
    kinds = [b.header for b in blocks if b.header]
    has_section = any(k in ("inclusion", "exclusion", "pdq") for k in kinds)
    # "Eligibility criteria:" … "Exclusion criteria:" with no inclusion heading: the first is inclusion
    generic_is_inclusion = "inclusion" not in kinds and "pdq" not in kinds and "exclusion" in kinds
    section = "unplaced"
    in_pdq = False
    stack: list[_Open] = []

    def target() -> list[Item]:
        return getattr(crit, section)

    for b in blocks:
        if b.header:
            crit.headers.append(_clean(b.text))
            stack.clear()
            if (b.header == "inclusion" or (b.header == "pdq" and section != "exclusion")
                    or (b.header == "generic" and generic_is_inclusion and section == "unplaced")):
                section = "inclusion"
            elif b.header == "exclusion":
                section = "exclusion"
            in_pdq = b.header == "pdq" or (in_pdq and b.header == "generic")
            continue
        if not has_section:
            section = "unplaced"
        style = _marker_style(b.marker)[0] if b.marker else ("label" if b.label else "para")
        expanded = _expand(b.marker, b.text, in_pdq)
        first = True
        for item, _ in expanded:
            if not item.text and not item.children and item.marker is None:
                continue
            ind, st = (b.indent, style) if first else (b.indent, _marker_style(item.marker)[0] if item.marker else "para")
            is_label = b.label and first
            first = False
            parent = _find_parent(stack, ind, st, is_label)
            (parent.item.children if parent else target()).append(item)
            stack.append(_Open(item, ind, st, is_label))
    return crit


def _find_parent(stack: list[_Open], indent: int, style: str, is_label: bool) -> _Open | None:
    """Pop the open items this one does not belong under; return its parent (or None)."""
    while stack:
        top = stack[-1]
        if top.label:
            if (is_label and indent <= top.indent) or (style == top.style and style != "label" and abs(indent - top.indent) <= 1):
                stack.pop()
                continue
            if indent >= top.indent:
                return top
            stack.pop()
            continue
        if indent > top.indent + 1:
            return top if style != "para" or indent > top.indent + 1 else None
        if indent < top.indent - 1:
            stack.pop()
            continue
        # same level (±1 space of sloppy indentation)
        if style == top.style or style in ("para", "label") or top.style == "para":
            stack.pop()
            continue
        if any(o.style == style and abs(o.indent - indent) <= 1 for o in stack[:-1]):
            stack.pop()
            continue
        if top.style == "bullet" and style in ("num",) and not any(o.style == "num" for o in stack):
            # "* a" followed by "1. b" at the same indent: a new sibling list, not a sub-list
            stack.pop()
            continue
        return top
    return None


def parse_items(lines: list[str]) -> list[Item]:
    """Page-side criteria lines (one list, no headings) -> items, with run-on numbering split."""
    crit = parse_criteria("Inclusion Criteria:\n" + "\n".join(lines))
    return crit.inclusion + crit.exclusion + crit.unplaced
