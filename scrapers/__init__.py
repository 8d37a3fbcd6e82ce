"""TrialLens readers: aggregator pages and the official ClinicalTrials.gov record.

Public API:
    scrape_html(html, url=None) -> PageRecord
    PageRecord, OfficialRecord
    errors: TrialLensError, BadInput, NoTrialFound, InvalidNctId, RecordNotFound, RegistryError
"""

from .errors import BadInput, InvalidNctId, NoTrialFound, RecordNotFound, RegistryError, TrialLensError
from .model import OfficialRecord, PageRecord
from .nct import normalize_nct_id
from .scrape import scrape_html

__all__ = [
    "scrape_html", "PageRecord", "OfficialRecord", "normalize_nct_id",
    "TrialLensError", "BadInput", "NoTrialFound", "InvalidNctId", "RecordNotFound", "RegistryError",
]
