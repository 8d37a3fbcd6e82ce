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


class StudyNotFound(RecordNotFound):
    """ClinicalTrials.gov answered 404: it has no study with this NCT id."""


class MalformedResponse(RegistryError):
    """The registry answered, but not with a usable study (invalid or truncated JSON,
    wrong shape, a different trial than asked for). Never reaches the store."""


class RegistryUnavailable(RegistryError):
    """The registry could not be reached (connection error, timeout, 5xx or 429 after
    every retry). `reason`: what went wrong without the address asked ("did not answer within 2 s (1 attempt)"),
    which the registry repeats for other trials while it waits before asking again (review round 12d, P7: a 503 for
    one trial named another trial's address)."""

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class StoreError(TrialLensError):
    """The local record store cannot be opened or is not a TrialLens store."""


class BadRequest(RegistryError):
    """The registry refused the request (HTTP 400): a bad query or an expired page token."""


class NotAskedOffline(RegistryError):
    """Offline mode and the record is not stored: ClinicalTrials.gov was not asked, so we
    cannot say whether the trial exists (never reported as an unknown trial)."""


class RateLimited(RegistryUnavailable):
    """Our own request budget for ClinicalTrials.gov is spent for now (client-side limit)."""
