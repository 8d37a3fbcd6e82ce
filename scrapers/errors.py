"""Typed errors. Every failure a user can cause has a class here and a clear message,
so the CLI and the service can answer with that message instead of a traceback."""


class TrialLensError(Exception):
    """Base class for every error TrialLens raises on purpose."""


class BadInput(TrialLensError, ValueError):
    """The input is not something we can read: empty, binary, not HTML, too large."""


class NoTrialFound(TrialLensError):
    """The page was read, but it shows no ClinicalTrials.gov NCT id."""


class InvalidNctId(TrialLensError, ValueError):
    """A string that should be an NCT id (NCT + 8 digits) is not one."""


class RecordNotFound(TrialLensError, LookupError):
    """No official record is available for this NCT id (store and registry both lack it)."""


class RegistryError(TrialLensError):
    """The registry could not be reached or answered with something unusable."""
