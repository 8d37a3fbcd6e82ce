# TrialLens: the two Quick start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: demo test setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Set everything up and check a bundled aggregator page against its official record.
# Offline, on a store of its own seeded from the bundled records in fixtures/ctgov.
demo: $(STAMP)
	TRIALLENS_OFFLINE=1 TRIALLENS_DB=$(VENV)/demo.sqlite3 $(VENV)/bin/triallens check fixtures/html/meddatax.com/nct07232563_bare_values.html
	@echo
	TRIALLENS_OFFLINE=1 TRIALLENS_DB=$(VENV)/demo.sqlite3 $(VENV)/bin/triallens check fixtures/html/clinconnect.io/nct06427642_full.html

## Run the whole test suite.
test: $(STAMP)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
