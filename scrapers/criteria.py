"""Eligibility text -> inclusion / exclusion item trees.

Reads CT.gov API v2 markdown (`* `, `1. `, nested indentation, `\\>` escapes), legacy
plain text with hard wraps and PDQ sections ("DISEASE CHARACTERISTICS: …"), and the
run-on lists aggregators print ("1. … 2. … 3. …" on one line, mixed "(8)", "6,", "a)").

Never drops text: every word of the input ends up in an item or in `Criteria.headers`
(the section headings themselves); a bullet that cut one criterion inside a bracket is kept in
`Criteria.joined_markers`. Text that sits under no inclusion/exclusion heading
stays in `unplaced`, as items of its own, because guessing its section could turn an
exclusion into an invitation.
"""

from __future__ import annotations

import html
from html.entities import html5
import re
from dataclasses import dataclass, field
from typing import Iterator

from .criteria_blocks import clean, text_blocks
from .criteria_markers import (CATEGORY_LABEL, PDQ_LABEL, QUALIFIER_LABEL, eligibility_only, header_kind,
                               marker_style)
from .criteria_runon import alpha_chain, pieces, runon_chain
from .criteria_mend import join_split_brackets, lift_rules_from_exceptions, nest_restarted_lists, nest_under_qualifiers

__all__ = ["Item", "Criteria", "parse_criteria", "parse_items", "flatten", "iter_items", "unescape_markdown",
           "header_kind"]   # (header_kind: its callers read it from here, beside parse_criteria)


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
    # (heading, the section it leads into, how many items that section had before it): where a heading such as
    # "INCLUSION CRITERIA: DONOR" starts another group's items (server/groups.py)
    header_at: list[tuple[str, str, int]] = field(default_factory=list, compare=False, repr=False)
    # the bullets between two halves of one criterion that the record cut inside a bracket (criteria_mend): all the
    # input's text is in headers, markers, item texts and these
    joined_markers: list[str] = field(default_factory=list, compare=False, repr=False)

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

# One pass for both, as CommonMark reads them: a backslash-escaped "&" starts no entity.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^=&\"'])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape_one(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1)
    ref = m.group(0)
    # a known name only ("&notit;" is not "&not;" + "it;"); a control character stays as written
    char = html.unescape(ref) if ref[1] == "#" else html5.get(ref[1:], ref)
    char = char.replace("\u00a0", " ")
    return char if char.isprintable() else ref


def unescape_markdown(text: str) -> str:
    r"""CT.gov API v2 escapes markdown punctuation (`\>=` -> `>=`, `\[mRS\]` -> `[mRS]`), and some
    records carry HTML character references (`QTc &gt; 450 ms`) that CT.gov's own page shows as
    the character: read both as a reader of the record sees them."""
    return _MD_ESCAPE.sub(_unescape_one, text) if "\\" in text or "&" in text else text


def _expand(marker: str | None, text: str, in_pdq: bool = False) -> list[tuple[Item, bool]]:
    """One block's text -> [(item, continues_as_sibling)]: splits run-on numbering, inline
    sub-lists, bullets and PDQ labels. The first item keeps the block's marker."""
    text = clean(text)
    if in_pdq and marker is None:
        labels = [m for m in PDQ_LABEL.finditer(text)]
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
    own = marker_style(marker)[1] if marker and marker_style(marker)[0] == "num" else None
    chain, rel = runon_chain(text, own)
    if chain:
        head, parts = pieces(text, chain)
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
    chain = alpha_chain(text)
    if not chain:
        return text, []
    head, parts = pieces(text, chain)
    return head, [Item(t, mk, []) for mk, t in parts]


# --------------------------------------------------------------------------- tree building

@dataclass
class _Open:
    item: Item
    indent: int
    style: str
    label: bool
    child_indent: int | None = None   # indent of its first child, once it has one
    group: bool = False               # a label that heads qualifier labels ("Prior Medication:" over "Excluded:")


def parse_criteria(text: str | None) -> Criteria:
    """Eligibility criteria text (API v2 markdown or legacy plain text) -> Criteria."""
    crit = Criteria()
    if not text or not text.strip():
        return crit
    text = unescape_markdown(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    blocks = text_blocks(text)
    kinds = [b.header for b in blocks if b.header]
    has_section = any(k in ("inclusion", "exclusion", "pdq") for k in kinds)
    # "Eligibility criteria:" … "Exclusion criteria:" with no inclusion heading: the first is inclusion
    generic_is_inclusion = "inclusion" not in kinds and "pdq" not in kinds and "exclusion" in kinds
    section = "unplaced"
    seen_exclusion = False
    in_pdq = False
    stack: list[_Open] = []

    def target() -> list[Item]:
        return getattr(crit, section)

    group_start = 0   # where the current heading's items start in target()

    def close_group() -> None:
        """A heading (or the end) ends the run of items under the one before it: mend its restarted lists."""
        group = target()[group_start:]
        nest_restarted_lists(group)
        target()[group_start:] = group

    for b in blocks:
        if b.header:
            close_group()
            crit.headers.append(clean(b.text))
            stack.clear()
            if (b.header == "inclusion" or (b.header == "pdq" and section != "exclusion")
                    or (b.header == "generic" and generic_is_inclusion and section == "unplaced" and not seen_exclusion)):
                section = "inclusion"
            elif b.header == "exclusion":
                section = "exclusion"
            elif (b.header == "generic" and section == "exclusion" and len(target()) > group_start
                  and eligibility_only(b.text)):
                section = "unplaced"   # (after exclusions: neither list's, see eligibility_only)
            seen_exclusion = seen_exclusion or section == "exclusion"
            in_pdq = b.header == "pdq" or (in_pdq and b.header == "generic")
            crit.header_at.append((crit.headers[-1], section, len(target())))
            group_start = len(target())
            continue
        if not has_section:
            section = "unplaced"
        style = marker_style(b.marker)[0] if b.marker else ("label" if b.label else "para")
        expanded = _expand(b.marker, b.text, in_pdq)
        first = True
        for item, _ in expanded:
            if not item.text and not item.children and item.marker is None:
                continue
            ind, st = (b.indent, style) if first else (b.indent, marker_style(item.marker)[0] if item.marker else "para")
            is_label = b.label and first
            first_of_block, first = first, False
            lifted = None if first_of_block else _continued_list(stack, item.marker)
            if lifted is not None:
                ind = stack[len(lifted)].indent   # (where its list's items stand)
                parent = lifted[-1] if lifted else None
                stack[:] = lifted
            else:
                parent = _find_parent(stack, ind, st, is_label, is_label and QUALIFIER_LABEL.match(item.text) is not None)
            (parent.item.children if parent else target()).append(item)
            if parent and parent.child_indent is None:
                parent.child_indent = ind
            stack.append(_Open(item, ind, st, is_label))
    close_group()
    for section in ("inclusion", "exclusion", "unplaced"):
        nest_under_qualifiers(getattr(crit, section))
        lift_rules_from_exceptions(getattr(crit, section))
        join_split_brackets(getattr(crit, section), crit.joined_markers)
    return crit


def _continued_list(stack: list[_Open], marker: str | None) -> list[_Open] | None:
    """The open items left when a number a line runs on continues a list further out: "20. Female participants … must
    agree to use effective contraception … includes:" / "- Intrauterine device (IUD), or" / "- Hormonal contraception
    (…) Or; 21." with "Non-sterile male participants must agree to use a condom …" on the next line (NCT04710303).
    Put under the bullet it was written in, item 21 read as a kind of hormonal contraception; it is 20's sibling.
    None unless an open item further out than the innermost one is numbered one less in the same form ("20." for
    "21.", "(3)" for "(4)"): the stack up to (not including) that item."""
    style, n = marker_style(marker) if marker else ("para", None)
    if style != "num" or not n or n < 2:
        return None
    before = re.sub(r"\d+", str(n - 1), marker, count=1)
    for k in range(len(stack) - 2, -1, -1):
        if stack[k].item.marker == before:
            return stack[:k]
    return None


def _find_parent(stack: list[_Open], indent: int, style: str, is_label: bool, qualifier: bool = False) -> _Open | None:
    """Pop the open items this one does not belong under; return its parent (or None).

    A `qualifier` label ("Excluded:", "Required:", "Allowed:") names no subject of its own: right after a label with
    nothing under it ("Prior Medication:", the old AIDS trials' template, NCT00002397) it goes under that label, and
    so do the qualifiers after it, though all sit at one indent; shown as siblings, "Prior Medication:" read as an
    empty item and "Excluded:" as excluding whatever came before. After one of the template's category labels it
    goes under it even when items came between ("Concurrent Medication:" / "Concomitant medications should be kept
    to a minimum." / "Excluded:", NCT00000716): its items are that category's."""
    while stack:
        top = stack[-1]
        if qualifier and top.label and indent >= top.indent and (
                top.group or CATEGORY_LABEL.match(top.item.text)
                or (not top.item.children and not QUALIFIER_LABEL.match(top.item.text))):
            top.group = True
            return top
        if top.label:
            if (is_label and indent <= top.indent) or (style == top.style and style != "label" and abs(indent - top.indent) <= 1):
                stack.pop()
                continue
            if (style == "para" and top.child_indent is not None and top.child_indent > top.indent + 1
                    and indent <= top.indent + 1):
                stack.pop()   # a paragraph back at the label's own indent, after its indented list: the list is over
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
