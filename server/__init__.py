"""TrialLens service and command line: annotations built from the scrapers' findings."""
