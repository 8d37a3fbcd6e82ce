"""Eligibility criteria item by item (placeholder until the criteria parser lands)."""

from __future__ import annotations

from ..model import OfficialRecord, PageRecord
from .finding import Finding


def check_criteria(page: PageRecord, official: OfficialRecord) -> list[Finding]:
    return []
