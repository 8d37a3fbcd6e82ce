"""An item's text as the checks read it: reading.as_read (marker, markdown and "'s" aside), without the stop that ends
it. splits.py and and_split.py each wrote this; they differ only in what ends an item and in the spacing, kept here
as parameters so each reads as before."""

from __future__ import annotations

import re

from .reading import as_read


def item_read(text: str, ends: str = ".;", one_space: bool = False) -> str:
    """The item as read, trimmed, without the `ends` characters after it ("Prior chemotherapy." -> "Prior
    chemotherapy"); `one_space`: runs of white space as one space (and_split compares the words' order, split by
    single spaces)."""
    t = as_read(text)
    return (re.sub(r"\s+", " ", t) if one_space else t).strip().rstrip(ends)
