"""TrialLens service and command line: annotations built from the scrapers' findings.

`create_app(config=None)` is the Flask application factory (server/app.py); it is
imported lazily so the command line starts without loading Flask.
"""


def create_app(config=None, **kwargs):
    from .app import create_app as _create_app

    return _create_app(config, **kwargs)


__all__ = ["create_app"]
